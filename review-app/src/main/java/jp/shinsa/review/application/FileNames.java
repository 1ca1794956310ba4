package jp.shinsa.review.application;

import java.text.Normalizer;

/** Makes an uploaded file's name safe to store and to write into a working folder. */
final class FileNames {
    private FileNames() {
    }

    /** The last path segment, without control characters, never empty, never "." or "..". */
    static String safe(String name) {
        String n = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC);
        n = n.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        n = n.replaceAll("[\\p{Cntrl}\\p{Cf}]", "").replaceAll("[:*?\"<>|]", "_").strip();
        while (n.startsWith(".")) {
            n = n.substring(1);
        }
        if (n.isEmpty()) {
            n = "file";
        }
        if (n.length() > 200) {
            int dot = n.lastIndexOf('.');
            String ext = dot > 0 && n.length() - dot <= 10 ? n.substring(dot) : "";
            n = n.substring(0, 200 - ext.length()) + ext;
        }
        return n;
    }

    static String withSuffix(String name, int n) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
    }
}

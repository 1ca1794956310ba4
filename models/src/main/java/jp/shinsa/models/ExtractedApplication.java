package jp.shinsa.models;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** All documents read from one application package (one folder). */
public record ExtractedApplication(String name, List<ExtractedDocument> documents) {
    public ExtractedApplication {
        Objects.requireNonNull(name, "name");
        documents = List.copyOf(documents);
    }

    public List<Figure> figures() {
        return documents.stream().map(ExtractedDocument::figures).flatMap(Collection::stream).toList();
    }

    public List<ExtractedDocument> ofType(DocumentType type) {
        return documents.stream().filter(d -> d.readable() && d.type() == type).toList();
    }

    public Optional<ExtractedDocument> applicationForm() {
        return ofType(DocumentType.APPLICATION_FORM).stream().findFirst();
    }

    /** The program named by the application form, else null. */
    public String program() {
        return applicationForm().map(ExtractedDocument::program).orElse(null);
    }

    public List<RequestedItem> items() {
        return applicationForm().map(ExtractedDocument::items).orElse(List.of());
    }

    public Applicant applicant() {
        return documents.stream().map(ExtractedDocument::applicant)
                .filter(a -> a.corporation() != null || a.facility() != null)
                .findFirst().orElse(Applicant.UNKNOWN);
    }
}

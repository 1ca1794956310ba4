package jp.shinsa.ingest.pdf;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;

/**
 * Prepares a scanned page image for OCR: finds a small skew from the horizontal projection profile
 * of the dark pixels (text lines and ruled lines give sharp peaks only when they lie level) and
 * turns the image back; cleans a noisy grey page (median filter, contrast stretched to white paper
 * and black ink). Pure Java2D on grey images; the measurements run on a subsample of the pixels, so a
 * clean page costs a few tens of milliseconds against seconds for the OCR.
 *
 * @see "docs/decisions/012-straightening-scans.md"
 */
public final class ScanPreprocessor {
    /** Largest skew looked for, degrees either way. */
    static final double MAX_SKEW = 5;
    /** Below this the image is left alone: Tesseract copes, and resampling would only blur it. */
    static final double MIN_SKEW = 0.3;

    private ScanPreprocessor() {
    }

    /** Every how many pixels to sample so that about 700 samples cover the shorter side. */
    private static int sampleStep(BufferedImage image) {
        return Math.max(1, Math.min(image.getWidth(), image.getHeight()) / 700);
    }

    /** Grey-level histogram of every {@code step}-th pixel in both directions. */
    private static int[] histogram(Raster r, int width, int height, int step) {
        int[] hist = new int[256];
        for (int y = 0; y < height; y += step) {
            for (int x = 0; x < width; x += step) {
                hist[r.getSample(x, y, 0)]++;
            }
        }
        return hist;
    }

    /**
     * The angle in degrees (clockwise, image coordinates) to turn {@code image} by so its lines are
     * level; 0 when the page is level within {@link #MIN_SKEW} or has too little ink to tell.
     */
    public static double correction(BufferedImage image) {
        int step = sampleStep(image);
        Raster r = toGrey(image).getRaster();
        int[] hist = histogram(r, image.getWidth(), image.getHeight(), step);
        int threshold = otsu(hist);
        int n = 0;
        float[] xs = new float[1 << 16];
        float[] ys = new float[1 << 16];
        double cx = image.getWidth() / 2.0;
        double cy = image.getHeight() / 2.0;
        for (int y = 0; y < image.getHeight(); y += step) {
            for (int x = 0; x < image.getWidth(); x += step) {
                if (r.getSample(x, y, 0) < threshold) {
                    if (n == xs.length) {
                        xs = java.util.Arrays.copyOf(xs, n * 2);
                        ys = java.util.Arrays.copyOf(ys, n * 2);
                    }
                    xs[n] = (float) ((x - cx) / step);
                    ys[n] = (float) ((y - cy) / step);
                    n++;
                }
            }
        }
        if (n < 500) {
            return 0;
        }
        int bins = (int) Math.ceil(Math.hypot(image.getWidth(), image.getHeight()) / step) + 4;
        double best = 0;
        double bestScore = profile(xs, ys, n, 0, bins);
        double level = bestScore;
        for (double a = -MAX_SKEW; a <= MAX_SKEW + 1e-9; a += 0.2) {
            double s = profile(xs, ys, n, a, bins);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        double coarse = best;
        for (double a = coarse - 0.2; a <= coarse + 0.2 + 1e-9; a += 0.05) {
            double s = profile(xs, ys, n, a, bins);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        // a flat profile (no lines of text) gives no reliable angle
        if (Math.abs(best) < MIN_SKEW || bestScore < level * 1.05) {
            return 0;
        }
        return Math.round(best * 100) / 100.0;
    }

    /**
     * Grain of the paper, in grey levels: the median absolute deviation of the pixels lighter than
     * the ink/paper (Otsu) threshold, on a subsample. 0 on a clean scan, where most paper is exactly
     * white and anti-aliased ink edges are a minority; about 5–6 on grainy grey copier paper.
     */
    public static int paperNoise(BufferedImage image) {
        int step = sampleStep(image);
        Raster r = toGrey(image).getRaster();
        int[] hist = histogram(r, image.getWidth(), image.getHeight(), step);
        int threshold = otsu(hist);
        long n = 0;
        for (int v = threshold; v < 256; v++) {
            n += hist[v];
        }
        if (n == 0) {
            return 0;
        }
        int median = threshold;
        long seen = 0;
        for (int v = threshold; v < 256; v++) {
            seen += hist[v];
            if (seen * 2 >= n) {
                median = v;
                break;
            }
        }
        long[] dev = new long[256];
        for (int v = threshold; v < 256; v++) {
            dev[Math.abs(v - median)] += hist[v];
        }
        seen = 0;
        for (int d = 0; d < 256; d++) {
            seen += dev[d];
            if (seen * 2 >= n) {
                return d;
            }
        }
        return 0;
    }

    /**
     * Dark pixels with no dark neighbour among their eight, per thousand pixels, on a subsample:
     * about 0 on clean print and fax, a few on a page strewn with specks.
     */
    static double specks(BufferedImage img) {
        Raster r = img.getRaster();
        int w = img.getWidth();
        int h = img.getHeight();
        int step = Math.max(1, sampleStep(img) / 2);
        long isolated = 0;
        long n = 0;
        for (int y = 1; y < h - 1; y += step) {
            for (int x = 1; x < w - 1; x += step) {
                n++;
                if (r.getSample(x, y, 0) >= 128) {
                    continue;
                }
                boolean alone = true;
                for (int dy = -1; dy <= 1 && alone; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if ((dx != 0 || dy != 0) && r.getSample(x + dx, y + dy, 0) < 128) {
                            alone = false;
                            break;
                        }
                    }
                }
                if (alone) {
                    isolated++;
                }
            }
        }
        return n == 0 ? 0 : isolated * 1000.0 / n;
    }

    /** Isolated dark pixels per thousand above which a white page gets the median filter. */
    static final double SPECKLED = 0.1;

    /** On a cleaned noisy page, grey levels from this share of the way from ink to paper become paper. */
    static final int PAPER_FROM = 70;

    /** Paper noise above which a page is cleaned before OCR. */
    static final int NOISY_PAPER = 2;

    /**
     * {@code image} cleaned for OCR when its paper is noisy ({@link #paperNoise} above
     * {@value #NOISY_PAPER}): a 3×3 median removes specks and grain, then grey levels are stretched so
     * the paper is white and the ink black, and what is lighter than {@value #PAPER_FROM} % of the way
     * to the paper is made paper. A clean page is returned as it is. ({@link #sauvola} after
     * it read fewer figures: docs/decisions/018-office-scans.md.)
     */
    public static BufferedImage clean(BufferedImage image) {
        BufferedImage img = toGrey(image);
        if (paperNoise(img) <= NOISY_PAPER) {
            // white paper strewn with single-pixel specks: the median alone removes them
            return specks(img) > SPECKLED ? median3(img) : img;
        }
        BufferedImage m = median3(img);
        int[] hist = new int[256];
        Raster r = m.getRaster();
        for (int y = 0; y < m.getHeight(); y += 2) {
            for (int x = 0; x < m.getWidth(); x += 2) {
                hist[r.getSample(x, y, 0)]++;
            }
        }
        long total = 0;
        for (int c : hist) {
            total += c;
        }
        int ink = percentile(hist, total, 0.005);
        int paper = percentile(hist, total, 0.5);
        if (paper - ink < 32) {
            return m;
        }
        // what is nearer paper than ink becomes white: the grain left between strokes otherwise
        // reaches Tesseract's recogniser, which reads the grey image, and turns 益 into ":欠"; the ink keeps
        // its grey edges (a black-and-white threshold broke the thin strokes of kanji on grainy paper)
        int paperFrom = ink + (paper - ink) * PAPER_FROM / 100;
        byte[] lut = new byte[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = v >= paperFrom ? (byte) 255 : (byte) Math.max(0, Math.min(255, (v - ink) * 255 / (paper - ink)));
        }
        return new java.awt.image.LookupOp(new java.awt.image.ByteLookupTable(0, lut), null).filter(m, null);
    }

    private static int percentile(int[] hist, long total, double p) {
        long want = (long) (total * p);
        long seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += hist[v];
            if (seen > want) {
                return v;
            }
        }
        return 255;
    }

    private static BufferedImage median3(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] src = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int stride = img.getRaster().getSampleModel() instanceof java.awt.image.ComponentSampleModel c ? c.getScanlineStride() : w;
        int[] v = new int[9];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (y == 0 || x == 0 || y == h - 1 || x == w - 1) {
                    dst[y * w + x] = src[y * stride + x];
                    continue;
                }
                int k = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int row = (y + dy) * stride;
                    for (int dx = -1; dx <= 1; dx++) {
                        v[k++] = src[row + x + dx] & 0xFF;
                    }
                }
                dst[y * w + x] = (byte) median9(v);
            }
        }
        return out;
    }

    private static int median9(int[] v) {
        // insertion sort of nine values: cheap and branch-predictable enough for a page
        for (int i = 1; i < 9; i++) {
            int x = v[i];
            int j = i - 1;
            while (j >= 0 && v[j] > x) {
                v[j + 1] = v[j];
                j--;
            }
            v[j + 1] = x;
        }
        return v[4];
    }

    /** Sum of squared row counts of the points turned by {@code degrees}: high when rows are sharp. */
    private static double profile(float[] xs, float[] ys, int n, double degrees, int bins) {
        double a = Math.toRadians(degrees);
        double sin = Math.sin(a);
        double cos = Math.cos(a);
        int[] rows = new int[bins];
        int half = bins / 2;
        for (int i = 0; i < n; i++) {
            int row = (int) Math.floor(xs[i] * sin + ys[i] * cos) + half;
            if (row >= 0 && row < bins) {
                rows[row]++;
            }
        }
        double s = 0;
        for (int c : rows) {
            s += (double) c * c;
        }
        return s;
    }

    private static int otsu(int[] hist) {
        long total = 0;
        long sum = 0;
        for (int i = 0; i < 256; i++) {
            total += hist[i];
            sum += (long) i * hist[i];
        }
        long wB = 0;
        long sumB = 0;
        double best = -1;
        int threshold = 128;
        for (int t = 0; t < 256; t++) {
            wB += hist[t];
            if (wB == 0) {
                continue;
            }
            long wF = total - wB;
            if (wF == 0) {
                break;
            }
            sumB += (long) t * hist[t];
            double mB = (double) sumB / wB;
            double mF = (double) (sum - sumB) / wF;
            double between = (double) wB * wF * (mB - mF) * (mB - mF);
            if (between > best) {
                best = between;
                threshold = t + 1;
            }
        }
        return threshold;
    }

    /** {@code image} turned {@code degrees} clockwise about its centre, same size, corners filled white. */
    public static BufferedImage rotate(BufferedImage image, double degrees) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, rotation(image, degrees), null);
        g.dispose();
        return out;
    }

    /** The map from {@code image}'s pixels to those of {@link #rotate}{@code (image, degrees)}. */
    public static AffineTransform rotation(BufferedImage image, double degrees) {
        return AffineTransform.getRotateInstance(Math.toRadians(degrees), image.getWidth() / 2.0, image.getHeight() / 2.0);
    }

    /** {@code image} turned clockwise by a multiple of 90 degrees (width and height swap for odd quarters). */
    public static BufferedImage turn(BufferedImage image, int degrees) {
        int q = Math.floorMod(degrees / 90, 4);
        if (q == 0) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(q % 2 == 0 ? w : h, q % 2 == 0 ? h : w, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, turning(image, degrees), null);
        g.dispose();
        return out;
    }

    /** The map from {@code image}'s pixels to those of {@link #turn}{@code (image, degrees)}. */
    public static AffineTransform turning(BufferedImage image, int degrees) {
        int q = Math.floorMod(degrees / 90, 4);
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = new AffineTransform();
        switch (q) {
            case 0 -> {
                return t;
            }
            case 1 -> t.translate(h, 0);
            case 2 -> t.translate(w, h);
            default -> t.translate(0, w);
        }
        t.rotate(q * Math.PI / 2);
        return t;
    }

    /**
     * Whether the lines of {@code image} run up and down (a page lying a quarter turned): the dark
     * pixels' column profile, seen at the scale of lines, is much sharper than their row profile.
     * Each profile is first summed over a window of {@link #LINE_SCALE} of the page's short side
     * (about half a character's height on an A4 page): across the lines, the bands of ink and the
     * empty gaps between them stay; along the lines, the fine comb of a table's characters and digits
     * aligned in columns (left-aligned labels on one pitch, right-aligned amounts), which makes that
     * profile as sharp stroke by stroke as the one across the lines, is smoothed away. Cheap (a
     * subsample); a page with too little ink says no.
     */
    public static boolean linesRunVertically(BufferedImage image) {
        int step = sampleStep(image);
        Raster r = toGrey(image).getRaster();
        int threshold = otsu(histogram(r, image.getWidth(), image.getHeight(), step));
        int[] rows = new int[image.getHeight() / step + 1];
        int[] cols = new int[image.getWidth() / step + 1];
        long n = 0;
        for (int y = 0; y < image.getHeight(); y += step) {
            for (int x = 0; x < image.getWidth(); x += step) {
                if (r.getSample(x, y, 0) < threshold) {
                    rows[y / step]++;
                    cols[x / step]++;
                    n++;
                }
            }
        }
        if (n < 500) {
            return false;
        }
        int half = Math.max(1, (int) Math.round(LINE_SCALE / 2 * Math.min(image.getWidth(), image.getHeight()) / step));
        return sharpness(windowed(cols, half)) > VERTICAL_LINES * sharpness(windowed(rows, half));
    }

    /**
     * How much sharper the column profile must be than the row profile for a page to count as turned.
     * On the 12 pages of the benchmark set under every degradation (docs/benchmarks.md) the ratio is
     * at most 0.44 upright (0.64 on a whole two-up sheet) and at least 2.3 a quarter turned.
     */
    static final double VERTICAL_LINES = 1.0;

    /** Width of the window a profile is summed over, as a share of the page's short side. */
    static final double LINE_SCALE = 0.01;

    /** {@code profile} with each bin replaced by the sum of the bins within {@code half} of it. */
    private static int[] windowed(int[] profile, int half) {
        int[] out = new int[profile.length];
        long[] prefix = new long[profile.length + 1];
        for (int i = 0; i < profile.length; i++) {
            prefix[i + 1] = prefix[i] + profile[i];
        }
        for (int i = 0; i < profile.length; i++) {
            out[i] = (int) (prefix[Math.min(profile.length, i + half + 1)] - prefix[Math.max(0, i - half)]);
        }
        return out;
    }

    /** Sum of squared differences between neighbouring bins: high when ink comes in sharp bands. */
    private static double sharpness(int[] profile) {
        double s = 0;
        for (int i = 1; i < profile.length; i++) {
            double d = profile[i] - profile[i - 1];
            s += d * d;
        }
        return s;
    }

    /**
     * {@code image} as grey for OCR with coloured ink dropped: each pixel becomes its brightest
     * channel, so a red seal (印) or blue pen over black print turns to paper while black and grey
     * print stay as they were. A grey image is returned as it is.
     */
    public static BufferedImage dropColour(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                int a = p >>> 24;
                int m = Math.max((p >> 16) & 0xFF, Math.max((p >> 8) & 0xFF, p & 0xFF));
                dst[y * w + x] = (byte) (a == 0xFF ? m : 255 - (255 - m) * a / 255);
            }
        }
        return out;
    }

    /** {@code image} scaled by {@code factor} (bilinear), grey. */
    public static BufferedImage scale(BufferedImage image, double factor) {
        int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /** {@code image} as 8-bit grey (white under any transparency); a grey image as it is. */
    public static BufferedImage toGrey(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }


    /**
     * Sauvola's local threshold: a pixel is ink when it is darker than {@code m (1 + k (s / 128 - 1))},
     * m and s the mean and standard deviation of the grey levels in a square window about it. Unlike
     * one threshold for the page (Otsu), it follows uneven and grey paper and keeps faint strokes.
     * Window and running sums by columns: linear in the pixels, a few hundred milliseconds a page.
     *
     * @param window side of the window in pixels (odd)
     * @param k      how far below the local mean ink must be (0.2–0.5; higher drops more grey)
     */
    public static BufferedImage sauvola(BufferedImage image, int window, double k) {
        BufferedImage img = toGrey(image);
        int w = img.getWidth();
        int h = img.getHeight();
        int half = window / 2;
        byte[] src = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int stride = img.getRaster().getSampleModel() instanceof java.awt.image.ComponentSampleModel c ? c.getScanlineStride() : w;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        long[] colSum = new long[w];
        long[] colSq = new long[w];
        int top = 0;
        int bottom = -1;
        for (int y = 0; y < h; y++) {
            int wantTop = Math.max(0, y - half);
            int wantBottom = Math.min(h - 1, y + half);
            while (bottom < wantBottom) {
                bottom++;
                int row = bottom * stride;
                for (int x = 0; x < w; x++) {
                    int v = src[row + x] & 0xFF;
                    colSum[x] += v;
                    colSq[x] += v * v;
                }
            }
            while (top < wantTop) {
                int row = top * stride;
                for (int x = 0; x < w; x++) {
                    int v = src[row + x] & 0xFF;
                    colSum[x] -= v;
                    colSq[x] -= v * v;
                }
                top++;
            }
            int rows = bottom - top + 1;
            long sum = 0;
            long sq = 0;
            int left = 0;
            int right = -1;
            for (int x = 0; x < w; x++) {
                int wantLeft = Math.max(0, x - half);
                int wantRight = Math.min(w - 1, x + half);
                while (right < wantRight) {
                    right++;
                    sum += colSum[right];
                    sq += colSq[right];
                }
                while (left < wantLeft) {
                    sum -= colSum[left];
                    sq -= colSq[left];
                    left++;
                }
                double n = (double) rows * (right - left + 1);
                double mean = sum / n;
                double sd = Math.sqrt(Math.max(0, sq / n - mean * mean));
                double t = mean * (1 + k * (sd / 128 - 1));
                dst[y * w + x] = (byte) ((src[y * stride + x] & 0xFF) <= t ? 0 : 255);
            }
        }
        return out;
    }

    /**
     * The column where a landscape page holds two pages side by side (a 2-in-1 copy): the middle of
     * the widest run of columns without ink between 40 % and 60 % of the width, when there is ink on
     * both sides and the run is at least 1 % of the width, on a sheet whose halves are portrait; -1
     * for any other page. A landscape table
     * has its title, rules or text crossing the middle, so it is not split.
     */
    public static int twoUpGutter(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        // a landscape sheet whose halves are portrait pages (A4 landscape halves are A5 portrait)
        if (w < h * 1.2 || h < w / 2 * 1.25) {
            return -1;
        }
        int step = sampleStep(image);
        Raster r = toGrey(image).getRaster();
        int threshold = Math.min(128, otsu(histogram(r, w, h, step)));
        int[] ink = new int[w];
        int rows = 0;
        for (int y = 0; y < h; y += step) {
            rows++;
            for (int x = 0; x < w; x++) {
                if (r.getSample(x, y, 0) < threshold) {
                    ink[x]++;
                }
            }
        }
        int allowed = rows / 200;
        int bestStart = -1;
        int bestLength = 0;
        int start = -1;
        for (int x = (int) (w * 0.4); x <= (int) (w * 0.6); x++) {
            if (ink[x] <= allowed) {
                if (start < 0) {
                    start = x;
                }
                if (x - start + 1 > bestLength) {
                    bestLength = x - start + 1;
                    bestStart = start;
                }
            } else {
                start = -1;
            }
        }
        if (bestStart < 0 || bestLength < w / 100) {
            return -1;
        }
        long left = 0;
        long right = 0;
        for (int x = 0; x < w; x++) {
            if (x < bestStart) {
                left += ink[x];
            } else if (x >= bestStart + bestLength) {
                right += ink[x];
            }
        }
        long enough = (long) rows * 2;
        return left > enough && right > enough ? bestStart + bestLength / 2 : -1;
    }

    /** Grey level below which a pixel counts as ink of a ruled line (lenient: a thin rule resampled by a deskew is grey). */
    static final int RULE_INK = 192;
    /** Beside a rule, pixels lighter than this are its grey edge, darker ones ink touching it. */
    static final int RULE_EDGE = 96;
    /** Share of a window's pixels that must be ink for the window to lie on a rule (specks and JPEG leave gaps). */
    static final double RULE_FILL = 0.85;

    /**
     * {@code image} with its horizontal ruled lines whitened: runs of ink at least {@code length}
     * pixels long along a row (with {@value #RULE_FILL} of the pixels inked), no thicker than
     * {@code maxThickness}, and the grey edge beside them. A rule under a column header or above a total
     * otherwise becomes part of the text line Tesseract reads beside it, which then comes out as
     * letters ("ESX 2014でSC" for 前年度 当年度 over a rule) or as a stray "2" that makes the header
     * look like a row of amounts. {@code length} must be several characters wide (0.6 inch), so that
     * the aligned top strokes of a word are no rule; solid areas thicker than {@code maxThickness} (a
     * filled heading) are left alone, and so is a run with ink just above or below it along most of
     * its length: that is a row of blurred characters, not a rule ({@link #RULE_CROSSED}). Vertical
     * rules are left: the left strokes of labels printed one under the other (医, 医, 医 …) line up
     * like a rule, and a column rule only costs a "|" that the line mending drops. Returns
     * {@code image} itself when it has no rules. Linear in the pixels. Works on a level page: call it
     * after deskewing.
     *
     * @see "docs/decisions/018-office-scans.md"
     */
    public static BufferedImage removeRules(BufferedImage image, int length, int maxThickness) {
        BufferedImage img = toGrey(image);
        boolean[] horizontal = ruleMask(img, length, maxThickness);
        if (horizontal == null) {
            return image;
        }
        int w = img.getWidth();
        int h = img.getHeight();
        int stride = stride(img);
        byte[] src = pixels(img);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            System.arraycopy(src, y * stride, dst, y * w, w);
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (horizontal[i]) {
                    dst[i] = (byte) 255;
                    // the rule's grey edges (anti-aliasing, JPEG) beside it; black ink stays
                    for (int d = -1; d <= 1; d++) {
                        whitenHalo(src, stride, dst, w, h, x, y + d);
                    }
                }
            }
        }
        return out;
    }

    private static int stride(BufferedImage grey) {
        return grey.getRaster().getSampleModel() instanceof java.awt.image.ComponentSampleModel c ? c.getScanlineStride() : grey.getWidth();
    }

    private static byte[] pixels(BufferedImage grey) {
        return ((java.awt.image.DataBufferByte) grey.getRaster().getDataBuffer()).getData();
    }

    /**
     * The pixels of a grey image's horizontal ruled lines, row by row ({@code y * width + x}), as
     * {@link #removeRules} whitens them; {@code null} when there are none.
     */
    private static boolean[] ruleMask(BufferedImage img, int length, int maxThickness) {
        int w = img.getWidth();
        int h = img.getHeight();
        if (w < length && h < length) {
            return null;
        }
        int stride = stride(img);
        byte[] src = pixels(img);
        int need = (int) Math.ceil(length * RULE_FILL);
        // ink of a rule: a pixel with ink in it or right above or below it (a rule resampled by a deskew
        // steps from row to row, half grey in each)
        boolean[] inkH = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if ((src[y * stride + x] & 0xFF) < RULE_INK) {
                    for (int d = -1; d <= 1; d++) {
                        if (y + d >= 0 && y + d < h) {
                            inkH[(y + d) * w + x] = true;
                        }
                    }
                }
            }
        }
        // along rows: a window of `length` pixels from x with enough ink covers its inked pixels
        boolean[] horizontal = new boolean[w * h];
        boolean any = false;
        int[] prefix = new int[w + 1];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                prefix[x + 1] = prefix[x] + (inkH[row + x] ? 1 : 0);
            }
            int coveredTo = -1;
            for (int x = 0; x < w; x++) {
                if (x + length <= w && prefix[x + length] - prefix[x] >= need) {
                    coveredTo = x + length - 1;
                }
                if (coveredTo >= x && inkH[row + x]) {
                    horizontal[row + x] = true;
                    any = true;
                }
            }
        }
        if (!any) {
            return null;
        }
        // a rule faded in places (JPEG, noise) continues past a gap of up to a third of the length
        int gap = Math.max(2, length / 3);
        for (int y = 0; y < h; y++) {
            extendAlong(horizontal, inkH, y * w, 1, w, gap);
        }
        // a rule is thin: a band of row-rule pixels thicker than maxThickness is a filled area, not a rule
        keepThin(horizontal, w, h, maxThickness, true);
        // a rule has paper just above and below it; a band through a row of characters whose strokes
        // fill a window once blurred has the strokes going on beyond it
        keepClear(horizontal, src, stride, w, h, Math.max(1, Math.round(maxThickness / 4f)), gap);
        return horizontal;
    }

    /** Share of a rule's length along which ink just beyond it makes it part of a row of characters rather than a rule. */
    static final double RULE_CROSSED = 0.5;

    /**
     * Clears the row-rule pixels of a run along a row (joined across gaps of up to {@code gap}) when at
     * more than {@value #RULE_CROSSED} of its pixels the column of marked pixels through it has ink
     * {@code margin} pixels above or below it. A ruled line has paper beside it along most of its
     * length (text sits on it or over it only here and there); a row of blurred characters, whose
     * aligned strokes and grey gaps fill a window like a rule, has their strokes going on up and down
     * from the band nearly everywhere. Without this the middle of a blurred label such as 設備関係費 or
     * 減価償却費 was whitened and the line lost.
     */
    private static void keepClear(boolean[] mask, byte[] src, int stride, int w, int h, int margin, int gap) {
        boolean[] crossed = new boolean[w * h];
        for (int x = 0; x < w; x++) {
            int top = -1;
            for (int y = 0; y <= h; y++) {
                boolean m = y < h && mask[y * w + x];
                if (m && top < 0) {
                    top = y;
                } else if (!m && top >= 0) {
                    int above = top - margin;
                    int below = y - 1 + margin;
                    boolean inkBeside = above >= 0 && (src[above * stride + x] & 0xFF) < RULE_INK
                            || below < h && (src[below * stride + x] & 0xFF) < RULE_INK;
                    if (inkBeside) {
                        for (int k = top; k < y; k++) {
                            crossed[k * w + x] = true;
                        }
                    }
                    top = -1;
                }
            }
        }
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int start = -1;
            int last = -1;
            int marked = 0;
            int crossing = 0;
            for (int x = 0; x <= w; x++) {
                boolean m = x < w && mask[row + x];
                if (start >= 0 && (x == w || m && x - last > gap)) {
                    // the run from start to last ends here
                    if (crossing > RULE_CROSSED * marked) {
                        for (int k = start; k <= last; k++) {
                            mask[row + k] = false;
                        }
                    }
                    start = -1;
                }
                if (m) {
                    if (start < 0) {
                        start = x;
                        marked = 0;
                        crossing = 0;
                    }
                    last = x;
                    marked++;
                    if (crossed[row + x]) {
                        crossing++;
                    }
                }
            }
        }
    }

    private static void whitenHalo(byte[] src, int stride, byte[] dst, int w, int h, int x, int y) {
        if (x >= 0 && y >= 0 && x < w && y < h) {
            if ((src[y * stride + x] & 0xFF) >= RULE_EDGE) {
                dst[y * w + x] = (byte) 255;
            }
        }
    }

    /**
     * Marks the ink along one row (or column: {@code from}, {@code step}, {@code n}) that continues a
     * marked run across gaps of at most {@code gap} pixels, both ways.
     */
    private static void extendAlong(boolean[] mask, boolean[] ink, int from, int step, int n, int gap) {
        int last = -1;
        for (int k = 0; k < n; k++) {
            int i = from + k * step;
            if (mask[i]) {
                last = k;
            } else if (ink[i] && last >= 0 && k - last <= gap) {
                mask[i] = true;
                last = k;
            }
        }
        last = -1;
        for (int k = n - 1; k >= 0; k--) {
            int i = from + k * step;
            if (mask[i]) {
                last = k;
            } else if (ink[i] && last >= 0 && last - k <= gap) {
                mask[i] = true;
                last = k;
            }
        }
    }

    /** Clears runs of marked pixels across the rule's direction (down a column for row rules) longer than {@code max}. */
    private static void keepThin(boolean[] mask, int w, int h, int max, boolean rowRules) {
        int outer = rowRules ? w : h;
        int inner = rowRules ? h : w;
        for (int a = 0; a < outer; a++) {
            int start = -1;
            for (int b = 0; b <= inner; b++) {
                boolean m = b < inner && mask[rowRules ? b * w + a : a * w + b];
                if (m && start < 0) {
                    start = b;
                } else if (!m && start >= 0) {
                    if (b - start > max) {
                        for (int k = start; k < b; k++) {
                            mask[rowRules ? k * w + a : a * w + k] = false;
                        }
                    }
                    start = -1;
                }
            }
        }
    }

    /**
     * Whether a grey page has anything printed: a row and a column each with at least {@code INK_RUN}
     * dark pixels (a lone speck is not print). False for the blank back of a duplex scan.
     */
    public static boolean printed(BufferedImage image) {
        BufferedImage img = toGrey(image);
        Raster r = img.getRaster();
        int w = img.getWidth();
        int h = img.getHeight();
        int[] cols = new int[w];
        int[] line = new int[w];
        boolean row = false;
        for (int y = 0; y < h; y++) {
            r.getSamples(0, y, w, 1, 0, line);
            int inRow = 0;
            for (int x = 0; x < w; x++) {
                if (line[x] < INK_LEVEL) {
                    inRow++;
                    cols[x]++;
                }
            }
            row |= inRow >= INK_RUN;
        }
        if (!row) {
            return false;
        }
        for (int c : cols) {
            if (c >= INK_RUN) {
                return true;
            }
        }
        return false;
    }

    /** A pixel darker than this is ink for {@link #printed}. */
    private static final int INK_LEVEL = 128;
    /** Dark pixels a row or column needs to count as printed for {@link #printed}. */
    private static final int INK_RUN = 3;

    /** A copy of the columns {@code from} (inclusive) to {@code to} (exclusive) of a grey image. */
    public static BufferedImage crop(BufferedImage image, int from, int to) {
        BufferedImage img = toGrey(image);
        BufferedImage out = new BufferedImage(to - from, img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, -from, 0, null);
        g.dispose();
        return out;
    }
}

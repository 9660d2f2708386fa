package dev.simclr.eval.report;

import java.util.List;

/**
 * The report's sections for the pictures that answer one question each: what the encoder puts
 * next to an image, and how the test features lie on a map. Any other PNG of the run folder goes
 * under "Pictures".
 */
final class ReportSections {

    /**
     * A section: its element id, heading, a note under its pictures, and the PNGs it shows, in order.
     */
    record Section(String id, String heading, String note, List<String> files) {}

    static final List<Section> ALL = List.of(
            new Section("neighbours", "Nearest neighbours",
                    "Each row: a test image, then its nearest training images by cosine similarity of the trained encoder's"
                            + " features, of the random-init encoder's and of raw pixels. Green: same label as the test image;"
                            + " red: another label. The share of same-label neighbours is in the results table (label_agreement).",
                    List.of("nearest-neighbours.png")),
            new Section("maps", "Maps of the test features",
                    "PCA keeps the two directions of largest variance (distances along them are faithful, clusters may overlap);"
                            + " t-SNE keeps each point's neighbours together (clusters separate, but distances between clusters"
                            + " and cluster sizes mean little).",
                    List.of("projection.png", "tsne.png")));

    private ReportSections() {}

    /** Whether a section shows this file. */
    static boolean shows(String file) {
        return ALL.stream().anyMatch(s -> s.files().contains(file));
    }
}

package dev.simclr.charts;

import java.awt.Color;

/**
 * Distinct colours for classes: the ten of matplotlib's {@code tab10} (what readers of
 * self-supervised papers are used to in t-SNE/PCA plots), then evenly spaced hues.
 */
public final class Palette {

    private static final int[] TAB10 = {
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf
    };

    private Palette() {}

    public static Color color(int index, int count) {
        if (count <= TAB10.length) {
            return new Color(TAB10[index]);
        }
        float hue = (index * 0.618034f) % 1f;
        return Color.getHSBColor(hue, 0.75f, 0.85f);
    }
}

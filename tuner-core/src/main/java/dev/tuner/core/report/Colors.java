package dev.tuner.core.report;

import java.util.Locale;

/** The report's palette: one colour per meaning, the same on every plot, and a ramp for ordered values. */
final class Colors {

    /** Trials and their values. */
    static final String TRIAL = "#4c78a8";
    /** The best value so far, the best trial. */
    static final String BEST = "#f58518";
    /** What the prior expects. */
    static final String PRIOR = "#2a9d8f";
    /** Pruned trials. */
    static final String PRUNED = "#a0a7b4";

    private static final int[] LIGHT = {0xc6, 0xdb, 0xef};
    private static final int[] DARK = {0x08, 0x30, 0x6b};

    private Colors() {}

    /** A blue from light ({@code share} 0) to dark ({@code share} 1). */
    static String ramp(double share) {
        double t = Math.max(0, Math.min(1, share));
        int r = (int) Math.round(LIGHT[0] + (DARK[0] - LIGHT[0]) * t);
        int g = (int) Math.round(LIGHT[1] + (DARK[1] - LIGHT[1]) * t);
        int b = (int) Math.round(LIGHT[2] + (DARK[2] - LIGHT[2]) * t);
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }
}

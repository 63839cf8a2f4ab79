package dev.tuner.core.report;

/** The report's palette: one colour per meaning, the same on every plot, and a ramp for ordered values. */
final class Colors {

    /** Trials and their values. */
    static final String TRIAL = "#4c78a8";
    /** The best value so far, the best trial. */
    static final String BEST = "#f58518";
    /** What the prior expects. */
    static final String PRIOR = "#2a9d8f";
    /** Trials that broke a constraint. */
    static final String INFEASIBLE = "#e45756";
    /** Pruned trials. */
    static final String PRUNED = "#a0a7b4";

    private static final int[] LIGHT = {0xc6, 0xdb, 0xef};
    private static final int[] DARK = {0x08, 0x30, 0x6b};
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Colors() {}

    /** A blue from light ({@code share} 0) to dark ({@code share} 1). */
    static String ramp(double share) {
        double t = Math.max(0, Math.min(1, share));
        StringBuilder color = new StringBuilder(7).append('#');
        for (int channel = 0; channel < 3; channel++) {
            int level = (int) Math.round(LIGHT[channel] + (DARK[channel] - LIGHT[channel]) * t);
            color.append(HEX[level >> 4]).append(HEX[level & 0xf]);
        }
        return color.toString();
    }
}

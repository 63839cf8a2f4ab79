package dev.tuner.core.settings;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The known name closest to a misspelt one, for messages that say "did you mean ...?": of settings
 * ({@code tuner.paralelism}), storage options, sampler options.
 *
 * <p>Hand-written (an edit distance of a dozen lines) rather than taken from commons-text, which
 * would put two libraries on every user's test classpath for one message.
 */
public final class Spelling {

    private Spelling() {}

    /**
     * The name of {@code known} closest to {@code given} by edit distance (case ignored), if it is
     * close enough to be a likely misspelling: at most a third of the longer name's letters apart.
     */
    public static Optional<String> closest(String given, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(given.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null || bestDistance > Math.max(2, Math.max(given.length(), best.length()) / 3)) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    /** {@code "; did you mean tuner.parallelism?"}, or nothing when no known name is close. */
    public static String didYouMean(String given, Collection<String> known) {
        return closest(given, known).map(name -> "; did you mean " + name + "?").orElse("");
    }

    /** Levenshtein distance, with a transposition of neighbours counting as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

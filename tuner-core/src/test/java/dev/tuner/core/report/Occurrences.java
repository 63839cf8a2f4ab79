package dev.tuner.core.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Counts what a page or a plot holds: circles, rows, links. */
final class Occurrences {

    private Occurrences() {}

    /** How many times {@code part} occurs in {@code text}, not overlapping. */
    static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}

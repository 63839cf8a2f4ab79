package dev.tuner.maven;

import dev.tuner.engine.Constants;
import java.util.ArrayList;
import java.util.List;

/** Splits an {@code argLine} into JVM options: on white space, keeping quoted parts whole. */
final class JvmOptions {

    private JvmOptions() {}

    static List<String> split(String argLine) {
        List<String> options = new ArrayList<>();
        if (argLine == null) {
            return options;
        }
        StringBuilder current = new StringBuilder();
        boolean inOption = false;
        char quote = 0;
        for (char c : argLine.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inOption = true;
            } else if (Character.isWhitespace(c)) {
                if (inOption) {
                    options.add(current.toString());
                    current.setLength(0);
                    inOption = false;
                }
            } else {
                current.append(c);
                inOption = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("argLine has an unclosed " + quote + " quote: " + argLine
                    + "; close the quote in " + Constants.ARG_LINE_PROPERTY_NAME);
        }
        if (inOption) {
            options.add(current.toString());
        }
        return options;
    }
}

package dev.tuner.engine.console;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Turns a {@code tuner.test} filter into class-name regular expressions: comma-separated names,
 * simple ({@code QuickstartTuning}, matching in any package) or qualified
 * ({@code com.acme.QuickstartTuning}), with {@code *} matching any characters.
 */
final class ClassNamePatterns {

    private ClassNamePatterns() {}

    static String[] fromFilter(String filter) {
        String[] names = Arrays.stream(filter.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .toArray(String[]::new);
        if (names.length == 0) {
            return new String[] {".*"};
        }
        return Arrays.stream(names).map(ClassNamePatterns::toRegex).toArray(String[]::new);
    }

    private static String toRegex(String name) {
        boolean qualified = name.contains(".");
        // in a simple name, * stays within the name: Quick* must not match com.QuickPkg.Other
        String wildcard = qualified ? ".*" : "[^.]*";
        String glob = Arrays.stream(name.split("\\*", -1))
                .map(part -> part.isEmpty() ? "" : Pattern.quote(part))
                .reduce((left, right) -> left + wildcard + right)
                .orElse("");
        // a simple name matches the class in any package, and its nested classes' binary names
        String qualifier = qualified ? "" : "(.*[.$])?";
        return "^" + qualifier + glob + "$";
    }
}

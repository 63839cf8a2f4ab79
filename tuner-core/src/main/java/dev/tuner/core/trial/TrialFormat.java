package dev.tuner.core.trial;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line per trial for people: {@code #17 lr=0.0032 layers=4 → 0.931}. Knobs are shown by their
 * short name (the last part of the full name), values compactly. A format is made once from a
 * display-name pattern and names every trial of a study:
 *
 * <pre>{@code
 * TrialFormat names = TrialFormat.of("trial {number}: {value} with {params}");
 * String name = names.format(trial);   // "trial 17: 0.931 with lr=0.0032 layers=4"
 * }</pre>
 *
 * <p>A study whose objectives have names shows each value by its name, and a trial that breaks a
 * constraint says which ({@link #withObjectives}):
 *
 * <pre>{@code
 * TrialFormat names = TrialFormat.of(TrialFormat.DEFAULT_PATTERN)
 *         .withObjectives(List.of("accuracy", "latencyMs"), Map.of("latencyMs", "latencyMs > 20"));
 * names.format(trial);   // "#17 lr=0.003 depth=6 → accuracy 0.961, latencyMs 24.3 ✗ latencyMs > 20"
 * }</pre>
 */
public final class TrialFormat {

    /** The pattern of {@link #describe(FrozenTrial)}: {@value}. */
    public static final String DEFAULT_PATTERN = "#{number} {params} → {value}";

    /** Longer values are cut to this many characters, the last one an ellipsis. */
    static final int MAX_VALUE_LENGTH = 24;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Pattern SPACES = Pattern.compile(" {2,}");
    private static final Set<String> PLACEHOLDERS = Set.of("number", "params", "value", "state");

    private static final TrialFormat DEFAULT = of(DEFAULT_PATTERN);

    /** The pattern cut into literal text and placeholders, in order. */
    private final List<String> parts;
    /** The objectives' names, each shown before its value; null when a lone value is shown bare. */
    private final List<String> objectiveNames;
    /** What breaking each constraint is, by constraint name ({@code latencyMs > 20}). */
    private final Map<String, String> violations;

    private TrialFormat(List<String> parts) {
        this(parts, null, Map.of());
    }

    private TrialFormat(List<String> parts, List<String> objectiveNames, Map<String, String> violations) {
        this.parts = parts;
        this.objectiveNames = objectiveNames;
        this.violations = violations;
    }

    /**
     * This format for a study whose objectives are named {@code objectiveNames}: {@code {value}} shows
     * each value after its name ({@code accuracy 0.961, latencyMs 12.4}), unless the study has one
     * objective named by default ({@code value}), whose value stays bare. A trial that breaks a
     * constraint is followed by {@code ✗} and what breaking it is: its entry in {@code violations}
     * ({@code latencyMs > 20}), else {@code <name> > 0}, as recorded by {@code trial.constrain}.
     */
    public TrialFormat withObjectives(List<String> objectiveNames, Map<String, String> violations) {
        boolean bare = objectiveNames.equals(TrialHistory.defaultObjectiveNames(1));
        return new TrialFormat(parts, bare ? null : List.copyOf(objectiveNames), Map.copyOf(violations));
    }

    /**
     * The format of {@code pattern}: {@code {number}}, {@code {params}} (short names, compact
     * values), {@code {value}} (the objective value, or the state when there is none) and
     * {@code {state}} are replaced; white space left doubled by empty parts is closed up.
     *
     * @throws IllegalArgumentException if the pattern has another placeholder
     */
    public static TrialFormat of(String pattern) {
        requireValid(pattern);
        List<String> parts = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(pattern);
        int from = 0;
        while (placeholder.find()) {
            if (placeholder.start() > from) {
                parts.add(pattern.substring(from, placeholder.start()));
            }
            parts.add(placeholder.group());
            from = placeholder.end();
        }
        if (from < pattern.length()) {
            parts.add(pattern.substring(from));
        }
        return new TrialFormat(List.copyOf(parts));
    }

    /**
     * The format of what is known when a trial starts, for a name given then (a test's display name
     * is fixed when the test is registered): this pattern without {@code {value}} and {@code {state}},
     * each dropped with the text that leads up to it from the placeholder before it. So
     * {@code #{number} {params} → {value}} gives {@code #{number} {params}}, and
     * {@code trial {number}: {value} with {params}} gives {@code trial {number} with {params}}. A
     * pattern left with no placeholder that way gives {@code #{number}}, so that no trial is named by
     * nothing.
     */
    public TrialFormat atStart() {
        List<String> kept = new ArrayList<>(parts.size());
        boolean changed = false;
        for (String part : parts) {
            if (part.equals("{value}") || part.equals("{state}")) {
                changed = true;
                if (!kept.isEmpty() && !isPlaceholder(kept.get(kept.size() - 1))) {
                    kept.remove(kept.size() - 1);
                }
            } else {
                kept.add(part);
            }
        }
        if (!changed) {
            return this;
        }
        return kept.stream().anyMatch(TrialFormat::isPlaceholder)
                ? new TrialFormat(List.copyOf(kept), objectiveNames, violations)
                : new TrialFormat(List.of("#", "{number}"), objectiveNames, violations);
    }

    private static boolean isPlaceholder(String part) {
        return part.startsWith("{") && part.endsWith("}") && PLACEHOLDERS.contains(part.substring(1, part.length() - 1));
    }

    /**
     * A trial that is running, laid out by this format from its number and the knob values it has so
     * far (short names, compact values): {@code {value}} and {@code {state}} read {@code running}.
     */
    public String format(int number, Map<String, ?> params) {
        List<String> pieces = new ArrayList<>(8);
        for (String part : parts) {
            pieces.add(switch (part) {
                case "{number}" -> Integer.toString(number);
                case "{params}" -> params(params);
                case "{value}", "{state}" -> "running";
                default -> part;
            });
        }
        return closedUp(String.join("", pieces));
    }

    /** The trial's number, knob values and outcome, as {@link #DEFAULT_PATTERN} lays them out. */
    public static String describe(FrozenTrial trial) {
        return DEFAULT.format(trial);
    }

    /** The trial as this format lays it out. */
    public String format(FrozenTrial trial) {
        return format(trial, trial.number());
    }

    /**
     * The trial as this format lays it out, with {@code number} in place of its own: a stored trial
     * or the best one run again shows the number it has in its study.
     */
    public String format(FrozenTrial trial, int number) {
        // String.join copies the pieces once: a StringBuilder's appends, inlined at each call,
        // made this method the JIT compiler's largest job of a short study (75 kB of C2 code)
        List<String> pieces = new ArrayList<>(8);
        for (String part : parts) {
            pieces.add(piece(part, trial, number));
        }
        return closedUp(String.join("", pieces));
    }

    /** {@code text} with doubled spaces, left by empty parts, closed up and its ends trimmed. */
    private static String closedUp(String text) {
        // every trial's test is named by this: no regular expression runs unless a part was empty
        return (text.contains("  ") ? SPACES.matcher(text).replaceAll(" ") : text).trim();
    }

    private String piece(String part, FrozenTrial trial, int number) {
        return switch (part) {
            case "{number}" -> Integer.toString(number);
            case "{params}" -> params(trial);
            case "{value}" -> objectiveNames == null && trial.isFeasible() ? outcome(trial) : namedOutcome(trial);
            case "{state}" -> trial.state().name().toLowerCase(java.util.Locale.ROOT);
            default -> part;
        };
    }

    /**
     * Checks a display-name pattern.
     *
     * @throws IllegalArgumentException naming the unknown placeholders and the known ones
     */
    public static void requireValid(String pattern) {
        Matcher placeholder = PLACEHOLDER.matcher(pattern);
        while (placeholder.find()) {
            if (!PLACEHOLDERS.contains(placeholder.group(1))) {
                throw new IllegalArgumentException("the display-name pattern '" + pattern + "' has the unknown "
                        + "placeholder {" + placeholder.group(1) + "}; use {number}, {params}, {value} and {state}");
            }
        }
    }

    /** The knob values as {@code name=value} pairs with short names, separated by spaces. */
    public static String params(Map<String, ?> params) {
        List<String> pieces = new ArrayList<>(4 * params.size());
        params.forEach((name, value) -> addPair(pieces, name, value));
        return String.join("", pieces);
    }

    /** {@link #params(Map)} of a trial, without building the map of its values. */
    private static String params(FrozenTrial trial) {
        List<String> pieces = new ArrayList<>(4 * trial.suggestions().size());
        trial.suggestions().forEach((name, suggestion) -> addPair(pieces, name, suggestion.value()));
        return String.join("", pieces);
    }

    /** Adds {@code name=value}, after a space unless it is the first pair: joined once, not appended. */
    private static void addPair(List<String> pieces, String name, Object value) {
        if (!pieces.isEmpty()) {
            pieces.add(" ");
        }
        pieces.add(shortName(name));
        pieces.add("=");
        pieces.add(abbreviated(Numbers.compact(value)));
    }

    /** A value cut to {@link #MAX_VALUE_LENGTH} characters, so that one long option does not fill the line. */
    static String abbreviated(String value) {
        return value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH - 1) + "…";
    }

    /** The objective value of a complete trial (its values, comma-separated, when it has several), else its state in lower case. */
    public static String outcome(FrozenTrial trial) {
        if (trial.state() == TrialState.COMPLETE) {
            TrialResult result = trial.result();
            if (result.size() == 1) {
                return Numbers.compact(result.value(0));
            }
            List<String> values = new ArrayList<>(result.size());
            for (int i = 0; i < result.size(); i++) {
                values.add(Numbers.compact(result.value(i)));
            }
            return String.join(", ", values);
        }
        return trial.state().name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The values of a complete trial after their objectives' names ({@code accuracy 0.961, latencyMs
     * 12.4}; bare for an unnamed single value), else its state, then {@code ✗} and each constraint it breaks.
     */
    private String namedOutcome(FrozenTrial trial) {
        List<String> pieces = new ArrayList<>();
        if (trial.state() == TrialState.COMPLETE && objectiveNames != null && trial.result().size() == objectiveNames.size()) {
            for (int i = 0; i < objectiveNames.size(); i++) {
                pieces.add((i > 0 ? ", " : "") + objectiveNames.get(i) + " " + Numbers.compact(trial.result().value(i)));
            }
        } else {
            pieces.add(outcome(trial));
        }
        if (trial.state() == TrialState.COMPLETE) {
            trial.constraints().forEach((name, value) -> {
                if (value > 0) {
                    pieces.add(" ✗ " + violations.getOrDefault(name, name + " > 0"));
                }
            });
        }
        return String.join("", pieces);
    }

    /** The last dot-separated part of a full knob name. */
    public static String shortName(String fullName) {
        return fullName.substring(fullName.lastIndexOf('.') + 1);
    }
}

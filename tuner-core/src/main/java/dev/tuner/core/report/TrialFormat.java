package dev.tuner.core.report;

import dev.tuner.core.study.FrozenTrial;
import dev.tuner.core.study.TrialState;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One line per trial for people: {@code #17 lr=0.0032 layers=4 → 0.931}. Knobs are shown by their
 * short name (the last part of the full name), values compactly.
 */
public final class TrialFormat {

    private TrialFormat() {}

    /** The trial's number, knob values and outcome. */
    public static String describe(FrozenTrial trial) {
        StringBuilder line = new StringBuilder("#").append(trial.number());
        String params = params(trial.params());
        if (!params.isEmpty()) {
            line.append(' ').append(params);
        }
        return line.append(" → ").append(outcome(trial)).toString();
    }

    /** The knob values as {@code name=value} pairs with short names, separated by spaces. */
    public static String params(Map<String, Object> params) {
        StringJoiner joined = new StringJoiner(" ");
        params.forEach((name, value) -> joined.add(shortName(name) + "=" + Numbers.compact(value)));
        return joined.toString();
    }

    /** The objective value of a complete trial, else its state in lower case. */
    public static String outcome(FrozenTrial trial) {
        if (trial.state() == TrialState.COMPLETE) {
            return Numbers.compact(trial.value().getAsDouble());
        }
        return trial.state().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The last dot-separated part of a full knob name. */
    public static String shortName(String fullName) {
        return fullName.substring(fullName.lastIndexOf('.') + 1);
    }
}

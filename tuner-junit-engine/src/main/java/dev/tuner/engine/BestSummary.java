package dev.tuner.engine;

import dev.tuner.core.trial.FrozenTrial;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a search found, as the test of its best trial prints it: the best trial, its value in full and
 * every knob, how many trials the study holds, and where its best parameters and report were written.
 * These are the facts of the report entries on the study's container ({@link Constants#BEST_ENTRY} and
 * the rest), laid out for people, for the tools that keep a test's output but no report entry:
 *
 * <pre>
 * best trial of study com.acme.T.quad: #17 x=0.5 → 0.25
 *   value       0.25
 *   knobs       com.acme.T.quad.x=0.5
 *   trials      20 (seed 1, sampler tpe)
 *   properties  target/tuner/com.acme.T.quad.properties
 *   report      target/tuner/com.acme.T.quad.html
 * </pre>
 */
final class BestSummary {

    private static final String INDENT = "  ";
    private static final int LABEL_WIDTH = "properties  ".length();

    private BestSummary() {}

    /**
     * The summary of study {@code study}, whose best trial is {@code best}, from the entry published on
     * its container; it ends with a line break.
     */
    static String of(String study, FrozenTrial best, Map<String, String> entry) {
        StringBuilder text = new StringBuilder("best trial of study ").append(study).append(": ")
                .append(entry.get(Constants.BEST_ENTRY)).append('\n');
        if (best.result().size() == 1) {
            line(text, "value", String.valueOf(best.result().value(0)));
        } else {
            line(text, "values", String.join(", ", best.values().stream().map(String::valueOf).toList()));
        }
        Optional.ofNullable(entry.get(Constants.PICKED_ENTRY)).ifPresent(picked -> line(text, "picked", picked));
        List<String> knobs = best.params().entrySet().stream()
                .map(knob -> knob.getKey() + "=" + knob.getValue())
                .toList();
        if (!knobs.isEmpty()) {
            line(text, "knobs", String.join("\n", knobs));
        }
        line(text, "trials", entry.get(Constants.TRIALS_ENTRY) + " (seed " + entry.get(Constants.SEED_ENTRY)
                + Optional.ofNullable(entry.get(Constants.SAMPLER_ENTRY)).map(sampler -> ", sampler " + sampler).orElse("")
                + (entry.containsKey(Constants.BEST_FROM_EARLIER_RUN_ENTRY) ? "; the best was found by an earlier run" : "")
                + ")");
        line(text, "properties", entry.get(Constants.PROPERTIES_ENTRY));
        Optional.ofNullable(entry.get(Constants.PARETO_ENTRY)).ifPresent(pareto -> line(text, "pareto", pareto));
        Optional.ofNullable(entry.get(Constants.REPORT_ENTRY)).ifPresent(page -> line(text, "report", page));
        Optional.ofNullable(entry.get(Constants.WARNING_ENTRY)).ifPresent(warning -> line(text, "warning", warning));
        return text.toString();
    }

    /** A labelled line; a value of several lines continues under the first, aligned. */
    private static void line(StringBuilder text, String label, String value) {
        String pad = " ".repeat(LABEL_WIDTH - label.length());
        String continuation = "\n" + INDENT + " ".repeat(LABEL_WIDTH);
        text.append(INDENT).append(label).append(pad).append(value.replace("\n", continuation)).append('\n');
    }
}

package dev.tuner.core.report;

import dev.tuner.core.trial.Numbers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The constraints of a study, one row each: how many complete trials met it (value ≤ 0) and broke
 * it, its largest value, and the first trial that met it; then every constraint together. Drawn
 * only when some trial recorded a constraint.
 */
final class ConstraintTable {

    private ConstraintTable() {}

    static Optional<Plot> render(ParetoColumns pareto) {
        if (!pareto.hasConstraints()) {
            return Optional.empty();
        }
        StringBuilder html = new StringBuilder("<table class=\"bestparams constraints\"><thead><tr><th>constraint</th>"
                + "<th>met by</th><th>broken by</th><th>largest value</th><th>first met</th></tr></thead><tbody>");
        // one pass over the trials, each trial's constraints read once, tallied by name in the order first recorded
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (int i = 0; i < pareto.size(); i++) {
            int number = pareto.number(i);
            for (Map.Entry<String, Double> constraint : pareto.trials().trial(pareto.trial(i)).constraints().entrySet()) {
                tallies.computeIfAbsent(constraint.getKey(), name -> new Tally()).add(constraint.getValue(), number);
            }
        }
        tallies.forEach((name, tally) -> row(html, name, tally.met, tally.broken, Numbers.compact(tally.largest), tally.first));
        int first = -1;
        for (int i = 0; i < pareto.size() && first < 0; i++) {
            first = pareto.isFeasible(i) ? pareto.number(i) : -1;
        }
        int feasible = pareto.feasibleCount();
        row(html, "all", feasible, pareto.size() - feasible, "", first);
        html.append("</tbody></table>");
        return Optional.of(new Plot("constraints", "Constraints", "Of the " + pareto.size() + " complete trials; a"
                + " constraint is met when its value is at most 0.", html.toString(), false));
    }

    /** What one constraint's values came to. */
    private static final class Tally {
        int met;
        int broken;
        double largest = Double.NEGATIVE_INFINITY;
        int first = -1;

        void add(double value, int number) {
            largest = Math.max(largest, value);
            if (value <= 0) {
                met++;
                first = first < 0 ? number : first;
            } else {
                broken++;
            }
        }
    }

    private static void row(StringBuilder html, String name, int met, int broken, String largest, int first) {
        html.append("<tr><td>").append(Html.escape(name)).append("</td><td>").append(met).append("</td><td>")
                .append(broken).append("</td><td>").append(Html.escape(largest)).append("</td><td>")
                .append(first < 0 ? "never" : "#" + first).append("</td></tr>");
    }

    /** The constraints of one trial that it broke, {@code size 3.2, latency 1.5}; empty when it met all. */
    static String broken(Map<String, Double> constraints) {
        StringBuilder text = new StringBuilder();
        constraints.forEach((name, value) -> {
            if (value > 0) {
                text.append(text.length() == 0 ? "" : ", ").append(name).append(' ').append(Numbers.compact(value));
            }
        });
        return text.toString();
    }
}

package dev.tuner.core.report;

import dev.tuner.core.trial.TrialFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/** Knob importances ({@link KnobImportance}) as horizontal bars, the most important on top. */
final class ImportancePlot {

    private static final double WIDTH = 480;
    private static final double LABEL = 150;
    private static final double ROW = 26;
    private static final double TOP = 10;

    private ImportancePlot() {}

    static Optional<Plot> render(Map<String, Double> importances, int completeTrials) {
        return render(importances, completeTrials, "importance", "Knob importance", "");
    }

    /**
     * The bars of {@code importances} as plot {@code id} under {@code title}; {@code objective} names
     * the objective they rank for, empty for a study of one objective.
     */
    static Optional<Plot> render(Map<String, Double> importances, int completeTrials, String id, String title,
            String objective) {
        if (importances.isEmpty()) {
            return Optional.empty();
        }
        double height = TOP * 2 + ROW * importances.size();
        double barSpace = WIDTH - LABEL - 56;
        Svg svg = new Svg(WIDTH, height, "knob importances");
        svg.group("marks");
        int row = 0;
        for (Map.Entry<String, Double> entry : importances.entrySet()) {
            double y = TOP + row * ROW;
            String name = TrialFormat.shortName(entry.getKey());
            String percent = percent(entry.getValue());
            svg.text(LABEL - 8, y + ROW / 2 + 4, "end", "tick", Frame.abbreviate(name, 22));
            svg.rect(LABEL, y + 4, Math.max(1, barSpace * entry.getValue()), ROW - 8, Colors.TRIAL,
                    entry.getKey() + ": " + percent);
            svg.text(LABEL + barSpace * entry.getValue() + 6, y + ROW / 2 + 4, "start", "tick", percent);
            row++;
        }
        svg.endGroup();
        String note = "PED-ANOVA: how differently each knob is distributed among the best 10% of the "
                + completeTrials + " complete trials" + (objective.isEmpty() ? "" : " by " + objective)
                + " than among all of them; scaled to sum to 100%.";
        return Optional.of(new Plot(id, title, note, svg.finish(), false));
    }

    /**
     * A share as a percentage with one decimal, {@code 12.3%}: what {@code String.format("%.1f%%")}
     * writes (half up, on the shortest decimal of the double), without the formatter's cost in a JVM
     * that has not used it yet.
     */
    static String percent(double share) {
        if (!Double.isFinite(share)) {
            return share * 100 + "%";
        }
        return new BigDecimal(Double.toString(share * 100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}

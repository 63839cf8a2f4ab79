package dev.tuner.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Direction;
import dev.tuner.core.report.StudySnapshot;
import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Pareto set's CSV: a row per front trial in trial order, its cells quoted as RFC 4180 says when they must be. */
class ParetoFileTest {

    private static final Choice LABELS = Choice.of("plain", "a,b", "say \"hi\"", "two\nlines");

    @Test
    void cellsWithACommaAQuoteOrALineBreakAreQuotedAndAKnobATrialLacksIsEmpty() {
        List<FrozenTrial> trials = List.of(
                trial(0, new double[] {0.9, 20}, Map.of("size", -1.0), 1, 0.25),
                trial(1, new double[] {0.8, 10}, Map.of("size", -2.0), 2, Double.NaN),
                trial(2, new double[] {0.95, 30}, Map.of("size", -0.5), 3, 0.75),
                trial(3, new double[] {0.7, 40}, Map.of("size", -3.0), 0, 0.5));  // dominated by #0
        StudySnapshot study = new StudySnapshot("s", List.of(Direction.MAXIMIZE, Direction.MINIMIZE),
                List.of("accuracy", "latency, ms"), trials);

        assertThat(ParetoFile.render(study)).isEqualTo("""
                trial,accuracy,"latency, ms",constraint size,label,x
                0,0.9,20.0,-1.0,"a,b",0.25
                1,0.8,10.0,-2.0,"say ""hi\""",
                2,0.95,30.0,-0.5,"two
                lines",0.75
                """);
    }

    private static FrozenTrial trial(int number, double[] values, Map<String, Double> constraints, int label, double x) {
        Map<String, Suggestion> suggestions = new LinkedHashMap<>();
        suggestions.put("label", new Suggestion(LABELS, label));
        if (!Double.isNaN(x)) {
            suggestions.put("x", new Suggestion(Uniform.of(0, 1), x));
        }
        return new FrozenTrial(number, TrialState.COMPLETE, TrialResult.of(values, constraints), suggestions,
                Optional.empty(), Instant.EPOCH, Optional.of(Instant.EPOCH), Collections.emptySortedMap(), Map.of());
    }
}

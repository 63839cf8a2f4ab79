package dev.tuner.core.output;

import dev.tuner.Direction;
import dev.tuner.core.report.StudySnapshot;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.ParetoPick;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The trial whose values a study's properties file holds: the best trial of a study of one
 * objective; for a study of several, the trial of its Pareto set that the study's {@link ParetoPick}
 * picks, with how it was picked.
 *
 * @param trial the trial
 * @param picked for a study of several objectives, how the trial was picked ({@code knee of 7 Pareto
 *     trials}); empty for one objective
 */
record PickedTrial(FrozenTrial trial, String picked) {

    /**
     * The trial of {@code study} that {@code pick} picks.
     *
     * @throws IllegalStateException if the study has no complete, feasible trial
     */
    static PickedTrial of(StudySnapshot study, ParetoPick pick) {
        if (!study.isMultiObjective()) {
            return new PickedTrial(study.best().orElseThrow(() -> noBest(study)), "");
        }
        List<FrozenTrial> front = study.bestTrials();
        FrozenTrial picked = pick.pick(front, study.directions()).orElseThrow(() -> noBest(study));
        return new PickedTrial(picked, pick.describe() + " of " + front.size() + " Pareto "
                + (front.size() == 1 ? "trial" : "trials"));
    }

    private static IllegalStateException noBest(StudySnapshot study) {
        return new IllegalStateException("study '" + study.name() + "' has no complete trial that meets every constraint,"
                + " so it has no best parameters to write");
    }

    /**
     * The trial's objective values for a header, each with its direction: {@code 0.75 (minimize)} for
     * one objective named by default, {@code accuracy 0.961 (maximize), latencyMs 12.4 (minimize)} otherwise.
     */
    String values(StudySnapshot study) {
        List<String> names = study.objectiveNames();
        List<Direction> directions = study.directions();
        if (names.size() == 1 && names.get(0).equals("value")) {
            return trial.result().value(0) + " (" + direction(directions.get(0)) + ")";
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            values.add(names.get(i) + " " + trial.result().value(i) + " (" + direction(directions.get(i)) + ")");
        }
        return String.join(", ", values);
    }

    private static String direction(Direction direction) {
        return direction.name().toLowerCase(Locale.ROOT);
    }
}

package dev.tuner.examples.selection;

import dev.tuner.Choice;
import dev.tuner.Direction;
import dev.tuner.Tune;
import dev.tuner.examples.data.Dataset;
import dev.tuner.examples.data.Datasets;

/**
 * The classic "choose the classifier and its knobs" search on the breast-cancer data: each trial
 * picks a scaling, then a model ({@link Svm} with its kernel, or {@link Forest}), and tunes only the
 * knobs of the branches it took. {@code mvn tuner:tune} here runs it; the best choice and its knobs
 * land in {@code target/tuner/}.
 */
class ModelSelectionTuning {

    private static final Dataset BREAST_CANCER = Datasets.breastCancer();

    @Tune(trials = 100, direction = Direction.MAXIMIZE)
    double validationAccuracy(@Choice Scaling scaling, @Choice Model model) {
        return model.validationAccuracy(scaling.scale(BREAST_CANCER));
    }
}

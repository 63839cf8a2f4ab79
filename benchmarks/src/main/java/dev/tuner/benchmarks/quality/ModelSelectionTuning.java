package dev.tuner.benchmarks.quality;

import dev.tuner.Choice;
import dev.tuner.Direction;
import dev.tuner.Tune;
import dev.tuner.examples.data.Dataset;
import dev.tuner.examples.data.Datasets;
import dev.tuner.examples.selection.Model;
import dev.tuner.examples.selection.Scaling;

/**
 * The {@code @Tune} method of {@code examples/model-selection} (its {@code ModelSelectionTuning},
 * which lives in that module's test sources and so is not on this classpath), line for line: the
 * {@code model-selection} problem of the {@code real} suite ({@link RealProblems}) runs it through
 * {@link dev.tuner.core.plan.StudyPlan}, as {@code --objective} runs any class.
 *
 * <p>The space is not copied: both parameters are {@code @Choice} over the example's own types, so
 * the knobs, their ranges and the branches are read from the annotations on the example's records
 * ({@code Scaling}, {@code Svm}, {@code Kernel.Rbf}, {@code Kernel.Linear}, {@code Kernel.Poly},
 * {@code Forest}), exactly as a {@code tuner:tune} of the example reads them. Only the knobs' full
 * names differ: they start with this class's name.
 */
class ModelSelectionTuning {

    /** The method's study name, the prefix of every knob's full name. */
    static final String STUDY = ModelSelectionTuning.class.getName() + ".validationAccuracy";

    private static final Dataset BREAST_CANCER = Datasets.breastCancer();

    @Tune(trials = 100, direction = Direction.MAXIMIZE)
    double validationAccuracy(@Choice Scaling scaling, @Choice Model model) {
        return model.validationAccuracy(scaling.scale(BREAST_CANCER));
    }
}

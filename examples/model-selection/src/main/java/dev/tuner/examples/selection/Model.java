package dev.tuner.examples.selection;

import dev.tuner.examples.data.Dataset;

/**
 * A classifier and its settings. As a knob, {@code @Choice Model model} picks {@link Svm} or
 * {@link Forest} per trial and builds it from that branch's own knobs only: a conditional,
 * tree-structured search space, as in Hyperopt's classic "choose the classifier" example.
 */
public sealed interface Model permits Svm, Forest {

    /** Fits on {@code data.train()}; the share of {@code data.valid()} classified right. */
    double validationAccuracy(Dataset data);
}

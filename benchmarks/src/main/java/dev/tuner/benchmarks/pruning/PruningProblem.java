package dev.tuner.benchmarks.pruning;

import dev.tuner.Direction;
import dev.tuner.core.study.Objective;

/** A problem of the pruning benchmark: an objective that reports one value per step and asks its pruner after each. */
interface PruningProblem {

    /** Its name in the results, e.g. {@code curves}. */
    String name();

    /** Whether its values are minimized or maximized. */
    Direction direction();

    /** The steps of a trial that runs to its end. */
    int steps();

    /** The objective of one study; {@code seed} fixes whatever randomness the problem has beyond its knobs. */
    Objective objective(long seed);
}

package dev.tuner.benchmarks.mo;

import java.util.List;
import java.util.Map;

/**
 * What the {@code mo} benchmark runs: something that proposes the next point of a problem's space
 * from what was evaluated before. One optimizer serves one run (one problem, one seed); the
 * harness evaluates each proposal and appends it to the history.
 *
 * <p>It is this small so that the harness stands apart from the core's multi-objective study: a
 * sampler reached through a {@code Study} plugs in as an implementation that asks the study for a
 * trial and tells it the history's last evaluation.
 */
public interface MoOptimizer {

    /**
     * The next point to evaluate.
     *
     * @param problem the problem, for its space (and, if wanted, its numbers of objectives and constraints)
     * @param history every trial so far, oldest first, each with its parameters, objectives and constraints
     * @return a value for every knob of {@link MoProblem#space()}: a {@code Double} for a float, an
     *     {@code Integer} for an integer, a {@code String} for a choice
     */
    Map<String, Object> propose(MoProblem problem, List<MoTrial> history);
}

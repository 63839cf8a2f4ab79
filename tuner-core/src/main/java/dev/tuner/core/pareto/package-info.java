/**
 * Pareto tools for several objectives, all minimized (a caller flips the sign of a maximized one):
 * {@link dev.tuner.core.pareto.Domination} (plain and constrained, Deb's rule),
 * {@link dev.tuner.core.pareto.NonDominatedSort} (the ranks NSGA-II sorts by),
 * {@link dev.tuner.core.pareto.CrowdingDistance} and {@link dev.tuner.core.pareto.Hypervolume}
 * (exact, with each point's exclusive contribution).
 *
 * <p>Points are {@code double[]} objective vectors; the package knows nothing else of tuner-core, so
 * samplers, studies, reports and the benchmarks can all use it.
 */
package dev.tuner.core.pareto;

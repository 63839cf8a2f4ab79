package dev.tuner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.platform.commons.annotation.Testable;

/**
 * Marks a method as the objective of a study: Tuner calls it once per trial, with fresh knob
 * values each time, and searches for the values that give the best return value.
 *
 * <p>The method returns the objective as a {@code double} (or any {@link Number}) and takes knobs
 * as parameters annotated with a knob annotation ({@link Uniform}, {@link LogUniform},
 * {@link Normal}, {@link LogNormal}, {@link IntUniform}, {@link Bool}, {@link Choice},
 * {@link PriorityChoice}, or a user's own one marked {@link KnobAnnotation}), and optionally the
 * live {@code dev.tuner.core.trial.Trial}:
 *
 * <pre>{@code
 * class QuadraticTuning {
 *     @Tune(trials = 200, seed = 1)
 *     double quad1(@Uniform(min = -10, max = 10) double x) {
 *         return x * x - x + 1;
 *     }
 * }
 * }</pre>
 *
 * <p>The study is named after the method ({@code com.acme.QuadraticTuning.quad1}); its best
 * parameters are written to {@code target/tuner/com.acme.QuadraticTuning.quad1.properties}. The
 * configuration parameters {@code tuner.trials}, {@code tuner.seed}, {@code tuner.sampler} and
 * {@code tuner.pruner} ({@code -D}, {@code junit-platform.properties} or the Maven plugin) override
 * the attributes here for one run.
 *
 * <p>A study of several objectives, or of one with constraints, returns a record instead: each
 * component marked {@link Maximize} or {@link Minimize} is an objective named by the component, and
 * each marked {@link AtMost} or {@link AtLeast} a constraint (a component may be both). Its trials
 * that meet every constraint and that no other such trial beats on every objective are the Pareto
 * set, written beside the properties; {@link #pick()} says which one of them the properties hold:
 *
 * <pre>{@code
 * record Outcome(@Maximize double accuracy, @Minimize @AtMost(20) double latencyMs) {}
 *
 * @Tune(trials = 200, pick = "accuracy")    // the most accurate model answering within 20 ms
 * Outcome accuracyAndLatency(@LogUniform(min = 1e-4, max = 1e-1) double lr) { ... }
 * }</pre>
 *
 * <p>The method must not be private or static and its class needs a no-argument constructor: a
 * new instance serves each trial, as JUnit does for each test.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Testable
public @interface Tune {

    /** The value of {@link #seed()} that means "draw a fresh seed for each run". */
    long UNSEEDED = Long.MIN_VALUE;

    /** Number of trials the study runs; at least 1. Default: 100. */
    int trials() default 100;

    /**
     * Whether smaller or larger objective values are better, for a method returning a number.
     * Default: {@link Direction#MINIMIZE}. A method returning a record gives each objective's direction
     * on its component ({@link Maximize}, {@link Minimize}) and leaves this at its default.
     */
    Direction direction() default Direction.MINIMIZE;

    /**
     * Which trial of the Pareto set a study returning a record puts in its properties file, which
     * production ({@code Tuned}) and {@code tuner.mode=best} read:
     * <ul>
     *   <li>an objective's name, such as {@code "accuracy"}: the trial best on that objective among
     *       those that meet every constraint (the earliest of equals on it that no other beats on the rest);
     *   <li>{@code "knee"}: with each objective scaled to [0, 1] over the Pareto set (0 its best), the
     *       trial of the smallest sum; with two objectives, the one farthest below the line joining the
     *       two ends of the front, where giving up a little of one objective stops buying much of the other.
     * </ul>
     * Default: empty, which means {@code "knee"} for several objectives; a study of one objective
     * always picks its best trial, and a method returning a number takes no pick.
     */
    String pick() default "";

    /**
     * Seed of the sampler: the same seed, space and objective give the same trials. Default:
     * {@link #UNSEEDED}, a fresh seed each run (the seed used is recorded with the study).
     */
    long seed() default UNSEEDED;

    /**
     * Name of the sampler that proposes the values: {@code "auto"} (picks GP, CMA-ES or TPE by the
     * study's space and budget), {@code "tpe"}, {@code "random"}, {@code "grid"}, {@code "qmc"},
     * {@code "cmaes"} or {@code "gp"}. Default: empty, which means the configured default
     * ({@code tuner.sampler}, else {@code "auto"}).
     */
    String sampler() default "";

    /**
     * Name of the pruner that stops hopeless trials early, judging by the values the objective
     * reports through {@code Trial.report(step, value)}: {@code "median"}, {@code "percentile"},
     * {@code "sh"} (asynchronous successive halving), {@code "hyperband"} or {@code "nop"} (never
     * prune). It acts only on objectives that report. Default: empty, which means the configured
     * default ({@code tuner.pruner}, else {@code "median"}).
     */
    String pruner() default "";

    /**
     * Where the study's trials are kept, so that a later run resumes it and several workers share
     * it: {@code "journal:<path>"}, {@code "memory:"} or {@code "jdbc:postgresql://host:port/db"}.
     * Default: empty, which means the configured default ({@code tuner.storage}, else the journal
     * {@code target/tuner/journal.jsonl}).
     */
    String storage() default "";
}

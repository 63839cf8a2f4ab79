package dev.tuner.core.trial;

import dev.tuner.Direction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rule that picks one trial of a study's Pareto set (its {@linkplain TrialHistory#bestTrials best
 * trials}) for the properties file production reads: the best on one objective, or the knee.
 *
 * <pre>{@code
 * ParetoPick pick = ParetoPick.parse("accuracy", List.of("accuracy", "latencyMs"));
 * FrozenTrial chosen = pick.pick(study.bestTrials(), study.directions()).orElseThrow();
 * }</pre>
 *
 * <p>The knee: with each objective scaled to [0, 1] over the Pareto set (0 its best value there, 1 its
 * worst), the trial with the smallest sum of scaled values, the earliest on ties. With two objectives
 * the ends of the front scale to (0, 1) and (1, 0), and this is the trial farthest below the line
 * joining them. An objective equal over the whole set scales to 0.
 */
public final class ParetoPick {

    /** The rule that picks the knee of the front: {@value}. */
    public static final String KNEE = "knee";

    /** The index of the objective picked on, or -1 for the knee. */
    private final int objective;
    private final String rule;

    private ParetoPick(int objective, String rule) {
        this.objective = objective;
        this.rule = rule;
    }

    /**
     * The rule {@code rule} over objectives named {@code objectiveNames}: {@value #KNEE}, or an
     * objective's name; blank means the default, the knee (with one objective, its best).
     *
     * @throws IllegalArgumentException if {@code rule} is neither, saying what it may be
     */
    public static ParetoPick parse(String rule, List<String> objectiveNames) {
        String given = Objects.requireNonNull(rule, "rule").strip();
        if (given.isEmpty() || given.equals(KNEE)) {
            return objectiveNames.size() == 1 ? new ParetoPick(0, objectiveNames.get(0)) : new ParetoPick(-1, KNEE);
        }
        int index = objectiveNames.indexOf(given);
        if (index < 0) {
            throw new IllegalArgumentException("pick \"" + given + "\" names no objective; give \"knee\" or the name"
                    + " of an objective to be best on within the constraints: one of "
                    + String.join(", ", objectiveNames.stream().map(name -> "\"" + name + "\"").toList()));
        }
        return new ParetoPick(index, given);
    }

    /** The rule as written: {@value #KNEE} or an objective's name. */
    public String rule() {
        return rule;
    }

    /** The rule for people: {@code knee} or {@code best accuracy}. */
    public String describe() {
        return objective < 0 ? KNEE : "best " + rule;
    }

    /**
     * The trial of {@code front} that this rule picks; empty when the front is.
     *
     * @param front the study's Pareto set: complete, feasible, non-dominated trials, in number order
     * @param directions the study's directions, in the order of the trials' values
     */
    public Optional<FrozenTrial> pick(List<FrozenTrial> front, List<Direction> directions) {
        if (front.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(objective >= 0 ? bestOn(front, directions.get(objective), objective) : knee(front, directions));
    }

    private static FrozenTrial bestOn(List<FrozenTrial> front, Direction direction, int objective) {
        FrozenTrial best = null;
        for (FrozenTrial trial : front) {
            if (best == null || better(trial, best, direction, objective)) {
                best = trial;
            }
        }
        return best;
    }

    private static boolean better(FrozenTrial trial, FrozenTrial other, Direction direction, int objective) {
        int byValue = Double.compare(trial.result().value(objective), other.result().value(objective));
        if (direction == Direction.MAXIMIZE) {
            byValue = -byValue;
        }
        return byValue < 0 || byValue == 0 && trial.number() < other.number();
    }

    private static FrozenTrial knee(List<FrozenTrial> front, List<Direction> directions) {
        int count = directions.size();
        double[] best = new double[count];
        double[] worst = new double[count];
        for (int j = 0; j < count; j++) {
            best[j] = Double.POSITIVE_INFINITY;
            worst[j] = Double.NEGATIVE_INFINITY;
            for (FrozenTrial trial : front) {
                double value = minimized(trial, directions, j);
                best[j] = Math.min(best[j], value);
                worst[j] = Math.max(worst[j], value);
            }
        }
        FrozenTrial knee = null;
        double smallest = Double.POSITIVE_INFINITY;
        for (FrozenTrial trial : front) {
            double sum = 0;
            for (int j = 0; j < count; j++) {
                double range = worst[j] - best[j];
                sum += range > 0 ? (minimized(trial, directions, j) - best[j]) / range : 0;
            }
            if (sum < smallest || sum == smallest && trial.number() < knee.number()) {
                smallest = sum;
                knee = trial;
            }
        }
        return knee;
    }

    private static double minimized(FrozenTrial trial, List<Direction> directions, int objective) {
        double value = trial.result().value(objective);
        return directions.get(objective) == Direction.MAXIMIZE ? -value : value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParetoPick that && objective == that.objective && rule.equals(that.rule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(objective, rule);
    }

    @Override
    public String toString() {
        return describe();
    }
}

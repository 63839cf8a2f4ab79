package dev.tuner.core.sampler;

import dev.tuner.Direction;
import dev.tuner.core.pareto.CrowdingDistance;
import dev.tuner.core.pareto.Domination;
import dev.tuner.core.pareto.NonDominatedSort;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * NSGA-II's parents of each generation, read from a study's history: generation {@code g} is the
 * trials numbered {@code g·size} to {@code (g+1)·size - 1}, so every worker that knows a trial's
 * number knows its generation. The parents of generation {@code g > 0} are the elite of the
 * parents of {@code g - 1} and the complete trials of {@code g - 1}: by front under Deb's
 * constrained domination, the front that does not fit whole by crowding distance (the lonelier
 * first, then the earlier trial). A generation's parents are kept once every trial of the
 * generation before has finished; before that (trials of other workers still running) they are
 * recomputed from what has finished.
 *
 * <p>Not thread-safe: the sampler holds its lock while it reads.
 */
final class Nsga2Population {

    /** One parent: a trial, its objectives signed to be minimized, and its constraint values. */
    record Member(FrozenTrial trial, double[] objectives, double[] constraints) {}

    private final int size;
    private final List<Direction> directions;
    /** The parents of generations 0, 1, ... whose previous generation had wholly finished; generation 0 has none. */
    private final List<List<Member>> settled = new ArrayList<>(List.of(List.of()));

    Nsga2Population(int size, List<Direction> directions) {
        this.size = size;
        this.directions = List.copyOf(directions);
    }

    /** The generation of trial {@code number}. */
    int generation(int number) {
        return number / size;
    }

    /** The parents of generation {@code generation}, given the study's trials now. */
    List<Member> parents(List<FrozenTrial> trials, int generation) {
        if (generation < settled.size()) {
            return settled.get(generation);
        }
        List<List<Member>> complete = new ArrayList<>();
        int[] finished = new int[generation];
        for (FrozenTrial trial : trials) {
            int g = generation(trial.number());
            if (g >= generation || g < settled.size() - 1) {
                continue;
            }
            finished[g] += trial.state().isFinished() ? 1 : 0;
            if (trial.state() == TrialState.COMPLETE && trial.values().size() == directions.size()) {
                while (complete.size() <= g) {
                    complete.add(new ArrayList<>());
                }
                complete.get(g).add(member(trial));
            }
        }
        List<Member> parents = settled.get(settled.size() - 1);
        boolean settling = true;
        for (int g = settled.size(); g <= generation; g++) {
            List<Member> pool = new ArrayList<>(parents);
            if (g - 1 < complete.size()) {
                pool.addAll(complete.get(g - 1));
            }
            parents = select(pool, size);
            settling &= finished[g - 1] == size;
            if (settling) {
                settled.add(parents);
            }
        }
        return parents;
    }

    private Member member(FrozenTrial trial) {
        double[] objectives = new double[directions.size()];
        for (int m = 0; m < objectives.length; m++) {
            double value = trial.values().get(m);
            objectives[m] = directions.get(m) == Direction.MAXIMIZE ? -value : value;
        }
        double[] constraints = trial.constraints().values().stream().mapToDouble(Double::doubleValue).toArray();
        return new Member(trial, objectives, constraints);
    }

    /**
     * The best {@code count} of {@code pool}: whole fronts under constrained domination while they
     * fit, then the next front's members by crowding distance, largest first, earlier trials first on
     * ties. The result lists the chosen members best front first.
     */
    static List<Member> select(List<Member> pool, int count) {
        if (pool.size() <= count) {
            return List.copyOf(pool);
        }
        double[][] points = new double[pool.size()][];
        double[][] constraints = new double[pool.size()][];
        for (int i = 0; i < points.length; i++) {
            points[i] = pool.get(i).objectives();
            constraints[i] = pool.get(i).constraints();
        }
        List<Member> chosen = new ArrayList<>(count);
        for (int[] front : NonDominatedSort.fronts(points, constraints)) {
            if (chosen.size() + front.length <= count) {
                for (int i : front) {
                    chosen.add(pool.get(i));
                }
                if (chosen.size() == count) {
                    break;
                }
                continue;
            }
            double[][] frontPoints = new double[front.length][];
            for (int i = 0; i < front.length; i++) {
                frontPoints[i] = points[front[i]];
            }
            double[] crowding = CrowdingDistance.of(frontPoints);
            Integer[] byCrowding = new Integer[front.length];
            Arrays.setAll(byCrowding, i -> i);
            Arrays.sort(byCrowding, Comparator.<Integer>comparingDouble(i -> -crowding[i])
                    .thenComparingInt(i -> pool.get(front[i]).trial().number()));
            for (int i = 0; chosen.size() < count; i++) {
                chosen.add(pool.get(front[byCrowding[i]]));
            }
            break;
        }
        return chosen;
    }

    /** Whether {@code a} beats {@code b} in a binary tournament: Deb's constrained domination. */
    static boolean beats(Member a, Member b) {
        return Domination.constrainedDominates(a.objectives(), a.constraints(), b.objectives(), b.constraints());
    }
}

package dev.tuner.core.sampler;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * One run of CMA-ES in a study (the first, or one after a restart): its search distribution, its
 * margin for knobs with a grid of values (none without such knobs, or with the margin off), and
 * the members of its current generation gathered so far.
 *
 * <p>The member that generation g of run r proposes for trial t comes from the stream of
 * (seed, t, "cmaes:r:g"), so anyone holding the run can tell whether a trial is one of its members.
 */
final class CmaEsRun {

    /** A proposal: a point of the unit cube, which the tell sees, and the knobs' internal values it rounds to. */
    record Candidate(double[] unit, double[] internals) {}

    private final long seed;
    private final int index;
    private final CmaEsSpace space;
    private final CmaEsState state;
    private final CmaEsMargin margin;
    private final List<double[]> points = new ArrayList<>();
    private final List<Double> losses = new ArrayList<>();

    CmaEsRun(long seed, int index, CmaEsSpace space, CmaEsState state, boolean withMargin) {
        this.seed = seed;
        this.index = index;
        this.space = space;
        this.state = state;
        boolean anyDiscrete = false;
        for (int k = 0; k < space.dimension(); k++) {
            anyDiscrete |= space.discrete(k);
        }
        this.margin = withMargin && anyDiscrete ? new CmaEsMargin(space, state.lambda()) : null;
    }

    int index() {
        return index;
    }

    CmaEsState state() {
        return state;
    }

    /** The member trial {@code number} gets in this run's current generation. */
    Candidate propose(int number) {
        UniformRandomProvider rng = Seeds.generator(seed, number, "cmaes:" + index + ":" + state.generation());
        double[] unit = state.sampleInUnitBox(rng);
        double[] rounded = margin == null ? unit : margin.encode(unit, state.mean());
        return new Candidate(unit, space.internalsAt(rounded));
    }

    /**
     * Adds a finished member of the current generation; once it holds λ, tells the distribution
     * (and corrects the margin) and starts the next generation.
     *
     * @return whether the generation was told
     */
    boolean add(double[] unit, double loss) {
        points.add(unit);
        losses.add(loss);
        int lambda = state.lambda();
        if (points.size() < lambda) {
            return false;
        }
        double[][] told = points.toArray(new double[lambda][]);
        double[] values = new double[lambda];
        for (int i = 0; i < lambda; i++) {
            values[i] = losses.get(i);
        }
        points.clear();
        losses.clear();
        state.tell(told, values);
        if (margin != null) {
            margin.correct(state);
        }
        return true;
    }
}

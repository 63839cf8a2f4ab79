package dev.tuner.core.pruner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Direction;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialPruned;
import dev.tuner.core.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Pruner} promises, run against each one (with its defaults, as
 * {@link Pruners#create} makes it) by a subclass, on a fixed family of learning curves.
 */
abstract class PrunerContractTest {

    static final int STEPS = 30;
    static final int TRIALS = 24;
    /** The trial whose curve is better than every other curve at every step. */
    static final int BEST = 12;

    /** A new pruner, fresh. */
    abstract Pruner pruner();

    /** Whether the pruner refuses a study of several objectives; all but nop, which never prunes, do. */
    boolean refusesSeveralObjectives() {
        return true;
    }

    @Test
    void aStudyOfSeveralObjectivesIsRefusedSayingWhatToDo() {
        Study study = Studies.builder("mo", 1).directions(Direction.MAXIMIZE, Direction.MINIMIZE).pruner(pruner()).build();
        org.assertj.core.api.ThrowableAssert.ThrowingCallable judge = () -> {
            for (int i = 0; i < 8; i++) {
                Trial trial = study.ask();
                trial.report(0, i);
                trial.shouldPrune();
                study.tell(trial, i, -i);
            }
        };
        if (refusesSeveralObjectives()) {
            org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(judge)
                    .withMessageContaining("cannot judge the trials of study 'mo': it has 2 objectives [MAXIMIZE, MINIMIZE]")
                    .withMessageContaining("without a pruner");
        } else {
            org.assertj.core.api.Assertions.assertThatCode(judge).doesNotThrowAnyException();
        }
    }

    /** Whether the pruner stops a trial that reports only NaN (a diverged model); all but nop do. */
    boolean prunesDivergedTrials() {
        return true;
    }

    /**
     * Trial {@code i}'s loss at step t: {@code a + exp(-t / tau)} with asymptotes and speeds spread by
     * fixed tables, so that curves cross; trial {@link #BEST} has {@code a = 0, tau = 1}, below all others.
     */
    static double curve(int i, int t) {
        if (i == BEST) {
            return Math.exp(-t);
        }
        double asymptote = 0.1 + 0.04 * ((7 * i) % TRIALS);
        double tau = 2 + (i % 5) * 3;
        return asymptote + Math.exp(-t / tau);
    }

    /** Runs the curves as trials of a study, asking the pruner after each step. */
    static Study run(Pruner pruner, Direction direction) {
        double sign = direction == Direction.MINIMIZE ? 1 : -1;
        Study study = Studies.builder("curves", 1).direction(direction).pruner(pruner).build();
        study.optimize((Trial trial) -> {
            double value = Double.NaN;
            for (int t = 0; t < STEPS; t++) {
                value = sign * curve(trial.number(), t);
                trial.report(t, value);
                if (trial.shouldPrune()) {
                    throw new TrialPruned();
                }
            }
            return value;
        }, TRIALS);
        return study;
    }

    /** Each trial's state and last step, for comparing runs. */
    static List<String> outcomes(Study study) {
        List<String> outcomes = new ArrayList<>();
        for (FrozenTrial trial : study.trials()) {
            outcomes.add(trial.number() + ":" + trial.state() + "@" + trial.lastStep().orElse(-1));
        }
        return outcomes;
    }

    @Test
    void everyTrialEndsCompleteOrPrunedWithTheValueOfItsLastStep() {
        Study study = run(pruner(), Direction.MINIMIZE);

        assertThat(study.trials()).hasSize(TRIALS).allSatisfy(trial -> {
            assertThat(trial.state()).isIn(TrialState.COMPLETE, TrialState.PRUNED);
            int last = trial.lastStep().orElseThrow();
            assertThat(trial.value()).hasValue(curve(trial.number(), last));
            if (trial.state() == TrialState.COMPLETE) {
                assertThat(last).isEqualTo(STEPS - 1);
            }
        });
    }

    @Test
    void theFirstTrialAndTheBestCurveRunToTheEnd() {
        Study study = run(pruner(), Direction.MINIMIZE);

        assertThat(study.trials().get(0).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(study.trials().get(BEST).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(study.bestTrial()).hasValueSatisfying(best -> assertThat(best.number()).isEqualTo(BEST));
    }

    @Test
    void theSameHistoryGivesTheSameDecisions() {
        assertThat(outcomes(run(pruner(), Direction.MINIMIZE))).isEqualTo(outcomes(run(pruner(), Direction.MINIMIZE)));
    }

    @Test
    void maximizingTheNegatedCurvesPrunesTheSameTrials() {
        assertThat(outcomes(run(pruner(), Direction.MAXIMIZE))).isEqualTo(outcomes(run(pruner(), Direction.MINIMIZE)));
    }

    @Test
    void aFreshPrunerJudgesAStudyAsTheOneThatRanIt() {
        Pruner ran = pruner();
        Study study = run(ran, Direction.MINIMIZE);
        Trial probe = study.ask();
        Pruner fresh = pruner();

        // several workers each have their own pruner: the verdict must come from the study alone
        for (int t = 0; t < STEPS; t++) {
            probe.report(t, 0.3 + Math.exp(-t / 8.0));
            FrozenTrial now = study.trials().get(probe.number());
            assertThat(fresh.prune(study, now)).as("step %d", t).isEqualTo(ran.prune(study, now));
        }
    }

    @Test
    void aTrialThatReportedNothingIsNotPruned() {
        Study study = run(pruner(), Direction.MINIMIZE);
        Trial silent = study.ask();

        assertThat(study.pruner().prune(study, study.trials().get(silent.number()))).isFalse();
    }

    @Test
    void aTrialThatReportsOnlyNaNIsPrunedOnceOthersCompleted() {
        Study study = run(pruner(), Direction.MINIMIZE);
        Trial diverged = study.ask();
        boolean pruned = false;
        for (int t = 0; t < STEPS && !pruned; t++) {
            diverged.report(t, Double.NaN);
            pruned = diverged.shouldPrune();
        }

        assertThat(pruned).isEqualTo(prunesDivergedTrials());
    }

    @Test
    void nothingIsPrunedInAStudyOfOneTrial() {
        History history = new History(Direction.MINIMIZE, pruner());
        int only = history.running();

        for (int t = 0; t < STEPS; t++) {
            history.report(only, t, 100 + t);
            assertThat(history.prune(only)).as("step %d", t).isFalse();
        }
    }
}

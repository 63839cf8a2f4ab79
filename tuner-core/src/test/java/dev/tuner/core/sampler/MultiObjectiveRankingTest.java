package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MultiObjectiveRankingTest {

    // a front of three points; the reference is (4.4, 4.4), 10% beyond the worst in each objective
    static final double[][] FRONT = {{1, 4}, {2, 2}, {4, 1}};

    @Test
    void theReferenceLiesTenPercentBeyondTheWorstValue() {
        assertThat(MultiObjectiveRanking.reference(FRONT)).containsExactly(new double[] {4.4, 4.4}, within(1e-12));
        // a negative worst moves towards zero, and a worst of 0 becomes a tiny positive number
        assertThat(MultiObjectiveRanking.reference(new double[][] {{-2, 0}, {-3, -1}}))
                .containsExactly(new double[] {-1.8, MultiObjectiveRanking.TINY}, within(1e-12));
    }

    @Test
    void greedySubsetSelectionTakesTheLargestHypervolumeGainFirst() {
        // alone, (2,2) dominates 2.4 x 2.4 = 5.76 and each end point 3.4 x 0.4 = 1.36; after (2,2), each
        // end point adds 1 x 0.4: a tie, which the lower index wins
        assertThat(MultiObjectiveRanking.greedySubset(FRONT, 3)).containsExactly(1, 0, 2);
        assertThat(MultiObjectiveRanking.greedySubset(FRONT, 1)).containsExactly(1);
    }

    @Test
    void weightsAreHypervolumeContributionsOverTheLargest() {
        // exclusive contributions: (1,4) [1,2]x[4,4.4] = 0.4; (2,2) [2,4]x[2,4] = 4; (4,1) [4,4.4]x[1,2] = 0.4
        assertThat(MultiObjectiveRanking.weights(FRONT)).containsExactly(new double[] {0.1, 1, 0.1}, within(1e-9));
    }

    @Test
    void aDominatedOrValuelessGoodTrialWeighsAlmostNothing() {
        double[] weights = MultiObjectiveRanking.weights(new double[][] {{1, 1}, {2, 2}, null});
        assertThat(weights[0]).isEqualTo(1);
        assertThat(weights[1]).isLessThan(1e-9);
        assertThat(weights[2]).isEqualTo(MultiObjectiveRanking.TINY);
        assertThat(MultiObjectiveRanking.weights(new double[][] {{3, 3}})).containsExactly(1);
    }

    @Test
    void theOrderIsFrontByFrontThenPrunedThenInfeasibleByViolation() {
        double[][] objectives = {
            {3, 3}, // 0: second front
            {1, 4}, // 1: first front
            null,   // 2: pruned at step 3
            {2, 2}, // 3: first front
            {0, 0}, // 4: infeasible, violation 2
            {4, 1}, // 5: first front
            {0, 0}, // 6: infeasible, violation 1
            null,   // 7: pruned at step 5
        };
        int[] tiers = {0, 0, 1, 0, 2, 0, 2, 1};
        double[] violation = {0, 0, 0, 0, 2, 0, 1, 0};
        int[] lastStep = {-1, -1, 3, -1, -1, -1, -1, 5};
        int[] numbers = {0, 1, 2, 3, 4, 5, 6, 7};

        // the good group ends inside the first front: it is taken by hypervolume, (2,2) first
        assertThat(MultiObjectiveRanking.order(objectives, tiers, violation, lastStep, numbers, 8, 1))
                .containsExactly(3, 1, 5, 0, 7, 2, 6, 4);
        // the good group takes the whole first front: by trial number
        assertThat(MultiObjectiveRanking.order(objectives, tiers, violation, lastStep, numbers, 8, 3))
                .containsExactly(1, 3, 5, 0, 7, 2, 6, 4);
    }
}

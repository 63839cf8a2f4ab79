package dev.tuner.core.storage;

import dev.tuner.core.trial.TrialState;
import java.util.Set;

/** The argument checks of {@link Storage#createTrialWithinBudget}, shared by every storage. */
final class Budgets {

    private Budgets() {}

    static void check(int budget, Set<TrialState> counted) {
        if (budget < 0) {
            throw new IllegalArgumentException("a trial budget must be at least 0, but it is " + budget);
        }
        if (counted.isEmpty()) {
            throw new IllegalArgumentException("name the trial states that spend the budget, e.g. all but FAIL");
        }
    }
}

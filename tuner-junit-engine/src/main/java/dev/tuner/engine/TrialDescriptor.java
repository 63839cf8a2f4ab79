package dev.tuner.engine;

import java.util.Set;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/**
 * One run of a study's objective, registered as a dynamic test as it starts. A trial of the
 * search, or a stored trial run again, has the unique id segment {@code [trial:17]}, which
 * identifies it within its study, so that rerunning it from an IDE replays that trial; a run of
 * the best known parameters, and the best trial a search shows at its end, have {@code [best:17]},
 * so that rerunning either runs the best again.
 */
final class TrialDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT_TYPE = "trial";
    static final String BEST_SEGMENT_TYPE = "best";

    /** Why the objective ran. */
    enum Kind {
        /** A trial of the search. */
        SEARCHED(SEGMENT_TYPE, ""),
        /** A stored trial run again with its parameters. */
        REPLAYED(SEGMENT_TYPE, "replay "),
        /** The best known parameters run again, or a search's best trial shown at its end. */
        BEST(BEST_SEGMENT_TYPE, "best ");

        private final String segmentType;
        private final String namePrefix;

        Kind(String segmentType, String namePrefix) {
            this.segmentType = segmentType;
            this.namePrefix = namePrefix;
        }

        String namePrefix() {
            return namePrefix;
        }
    }

    private final Set<TestDescriptor> ancestors;
    private final String legacyReportingName;

    TrialDescriptor(TuneMethodDescriptor parent, Kind kind, int trialNumber, String displayName) {
        // the method's own source, shared: MethodSource.from formats the parameter types anew each time
        super(parent.getUniqueId().append(kind.segmentType, String.valueOf(trialNumber)), displayName,
                parent.getSource().orElse(null));
        this.ancestors = parent.trialAncestors();
        this.legacyReportingName = displayName + " [" + trialNumber + "]";
    }

    /**
     * The name tools of the older test APIs report (Surefire's XML, Gradle): the display name and,
     * as an invocation's index, the trial's number. Surefire names a test by its method alone unless
     * the method has parameters or this name ends with an index, so without it every trial of a
     * {@code @Tune} method without parameters was {@code <testcase name="branin">}.
     */
    @Override
    public String getLegacyReportingName() {
        return legacyReportingName;
    }

    /**
     * The study's container and what is above it, shared by all its trials. The launcher asks for
     * every finished test's ancestors (to prune stack traces, failed or not), and the default walks
     * the tree and builds a set at each level, for each of thousands of trials.
     */
    @Override
    public Set<? extends TestDescriptor> getAncestors() {
        return getParent().isPresent() ? ancestors : Set.of();
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}

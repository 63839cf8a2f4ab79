package dev.tuner.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/**
 * One trial of a study, registered as a dynamic test once it has run. Its unique id segment is
 * the trial number ({@code [trial:17]}), which identifies it within its study.
 */
final class TrialDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT_TYPE = "trial";

    TrialDescriptor(TuneMethodDescriptor parent, int trialNumber, String displayName) {
        // the method's own source, shared: MethodSource.from formats the parameter types anew each time
        super(parent.getUniqueId().append(SEGMENT_TYPE, String.valueOf(trialNumber)), displayName,
                parent.getSource().orElse(null));
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}

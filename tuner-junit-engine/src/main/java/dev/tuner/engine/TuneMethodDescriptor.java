package dev.tuner.engine;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;

/** A {@code @Tune} method: the container of its study's trials, which it registers as it runs them. */
final class TuneMethodDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT_TYPE = "tune";

    private final Class<?> testClass;
    private final Method method;
    private boolean selectedDirectly;
    private OptionalInt replayedTrial = OptionalInt.empty();
    private boolean bestRequested;
    private Set<TestDescriptor> trialAncestors;

    TuneMethodDescriptor(UniqueId parentId, Class<?> testClass, Method method) {
        super(parentId.append(SEGMENT_TYPE, segmentValue(method)), segmentValue(method),
                MethodSource.from(testClass, method));
        this.testClass = testClass;
        this.method = method;
    }

    /** {@code name(parameter types)}, as Jupiter names method segments: unique among overloads. */
    static String segmentValue(Method method) {
        String parameterTypes = Arrays.stream(method.getParameterTypes())
                .map(Class::getName)
                .collect(Collectors.joining(", "));
        return method.getName() + "(" + parameterTypes + ")";
    }

    Class<?> testClass() {
        return testClass;
    }

    Method method() {
        return method;
    }

    /** Whether the request named this method itself, not only its class or package. */
    boolean selectedDirectly() {
        return selectedDirectly;
    }

    void markSelectedDirectly() {
        selectedDirectly = true;
    }

    /** The stored trial the request asked to run again, by its unique id, if it did. */
    OptionalInt replayedTrial() {
        return replayedTrial;
    }

    void replay(int trialNumber) {
        replayedTrial = OptionalInt.of(trialNumber);
    }

    /** Whether the request named the test of a best run (rerunning it from an IDE): run the best again. */
    boolean bestRequested() {
        return bestRequested;
    }

    void requestBest() {
        bestRequested = true;
    }

    /**
     * The ancestors of each of its trials: itself, then its own ancestors. Computed once, after
     * discovery fixed the tree above it.
     */
    Set<TestDescriptor> trialAncestors() {
        if (trialAncestors == null) {
            Set<TestDescriptor> ancestors = new LinkedHashSet<>();
            ancestors.add(this);
            ancestors.addAll(getAncestors());
            trialAncestors = Collections.unmodifiableSet(ancestors);
        }
        return trialAncestors;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    /** Trials are known only as the study runs, so the launcher must keep this container. */
    @Override
    public boolean mayRegisterTests() {
        return true;
    }
}

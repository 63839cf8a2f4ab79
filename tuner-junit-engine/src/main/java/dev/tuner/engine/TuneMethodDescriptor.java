package dev.tuner.engine;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;

/** A {@code @Tune} method: the container of its study's trials, which it registers as it runs them. */
final class TuneMethodDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT_TYPE = "tune";

    private final Class<?> testClass;
    private final Method method;

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

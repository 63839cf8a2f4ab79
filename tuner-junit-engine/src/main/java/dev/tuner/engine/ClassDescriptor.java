package dev.tuner.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/** A test class holding {@code @Tune} methods. */
final class ClassDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT_TYPE = "class";

    private final Class<?> testClass;

    ClassDescriptor(UniqueId parentId, Class<?> testClass) {
        super(parentId.append(SEGMENT_TYPE, testClass.getName()), testClass.getSimpleName(),
                ClassSource.from(testClass));
        this.testClass = testClass;
    }

    Class<?> testClass() {
        return testClass;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}

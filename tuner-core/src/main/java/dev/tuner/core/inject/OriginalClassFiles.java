package dev.tuner.core.inject;

import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;

/**
 * Which bytes of a class the agent transforms. A class loaded before the agent is retransformed
 * from the class file the JVM reconstitutes, and on JDK 17 that file lacks the
 * {@code MethodParameters} attribute: every parameter would be renamed {@code arg0} after the
 * retransformation, and {@code @Tune} parameter knobs lose their names. So while the classes
 * loaded before the agent are retransformed, the class file comes from the class loader (as it
 * was compiled), falling back to the JVM's bytes when the loader has none; classes loaded later
 * are transformed from the bytes the JVM hands over, which keep what other agents did to them.
 */
final class OriginalClassFiles implements AgentBuilder.ClassFileBufferStrategy {

    private volatile boolean retransforming;

    /** From now on, until {@link #loadingFinished()}, prefer the class loader's class files. */
    void retransformingLoadedClasses() {
        retransforming = true;
    }

    void loadingFinished() {
        retransforming = false;
    }

    @Override
    public ClassFileLocator resolve(String name, byte[] binaryRepresentation, ClassLoader classLoader,
            JavaModule module, ProtectionDomain protectionDomain) {
        ClassFileLocator given = ClassFileLocator.Simple.of(name, binaryRepresentation);
        if (!retransforming) {
            return AgentBuilder.ClassFileBufferStrategy.Default.RETAINING.resolve(name, binaryRepresentation,
                    classLoader, module, protectionDomain);
        }
        return new ClassFileLocator.Compound(ClassFileLocator.ForClassLoader.of(classLoader), given);
    }

    @Override
    public TypePool typePool(AgentBuilder.PoolStrategy poolStrategy, ClassFileLocator classFileLocator,
            ClassLoader classLoader, String name) {
        return AgentBuilder.ClassFileBufferStrategy.Default.RETAINING.typePool(poolStrategy, classFileLocator,
                classLoader, name);
    }
}

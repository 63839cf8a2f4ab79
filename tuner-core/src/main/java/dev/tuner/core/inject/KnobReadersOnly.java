package dev.tuner.core.inject;

import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * The agent's transformer, handed only the classes being loaded that {@link KnobReaders} says may
 * read a knob; every other class is left untouched without Byte Buddy parsing it. A class being
 * retransformed was chosen by the same rule already, and always goes through: declining it would
 * leave it with the JVM's reconstituted class file, which lacks its parameter names.
 */
final class KnobReadersOnly extends ResettableClassFileTransformer.WithDelegation {

    private final KnobReaders readers;

    KnobReadersOnly(ResettableClassFileTransformer transformer, KnobReaders readers) {
        super(transformer);
        this.readers = readers;
    }

    @Override
    public byte[] transform(ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain,
            byte[] classFile) throws IllegalClassFormatException {
        return redefined != null || mayReadKnobs(name, classFile, loader, domain)
                ? classFileTransformer.transform(loader, name, redefined, domain, classFile)
                : null;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
            ProtectionDomain domain, byte[] classFile) throws IllegalClassFormatException {
        return redefined != null || mayReadKnobs(name, classFile, loader, domain)
                ? classFileTransformer.transform(module, loader, name, redefined, domain, classFile)
                : null;
    }

    private boolean mayReadKnobs(String name, byte[] classFile, ClassLoader loader, ProtectionDomain domain) {
        try {
            return readers.mayReadKnobs(name, classFile, loader, domain);
        } catch (RuntimeException unreadable) {
            // a class file ASM cannot read: let Byte Buddy decide, and report it if it fails too
            return true;
        }
    }
}

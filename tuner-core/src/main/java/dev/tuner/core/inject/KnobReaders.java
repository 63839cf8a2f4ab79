package dev.tuner.core.inject;

import java.io.IOException;
import java.io.InputStream;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Tells from a class file, cheaply, whether the class may read a knob: it declares a knob method or
 * field, or its constant pool refers to a field of a class that declares knob fields (or inherits
 * them). Only such classes go through Byte Buddy; every other class a program loads (most of a
 * library) is left as it is, which keeps loading them nearly as fast as without the agent.
 *
 * <p>What it learns about a class (by reading its class file from the class loader, never loading
 * it) is kept per class loader.
 */
final class KnobReaders {

    /**
     * Packages of the JDK and of libraries that were compiled without the user's classes, so can
     * neither declare knobs nor read a knob field: the agent leaves their classes alone, and never
     * reads their class files to ask.
     */
    static final List<String> LIBRARY_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "net.bytebuddy.", "org.junit.", "org.opentest4j.", "org.apiguardian.", "org.assertj.",
            "org.apache.maven.", "org.codehaus.plexus.", "org.eclipse.aether.", "org.apache.commons.rng.",
            "org.apache.commons.math3.", "com.fasterxml.jackson.", "org.slf4j.", "ch.qos.logback.",
            "com.tngtech.archunit.", "org.objectweb.asm.", "kotlin.", "scala.", "groovy.", "org.codehaus.groovy.",
            "com.intellij.", "org.gradle.", "worker.org.gradle.", "org.postgresql.", "picocli.");

    private static final int FIELD_REF = 9;
    /** {@link #LIBRARY_PACKAGES} as prefixes of internal names ({@code java/}). */
    private static final String[] LIBRARY_PREFIXES = LIBRARY_PACKAGES.stream().map(prefix -> prefix.replace('.', '/'))
            .toArray(String[]::new);
    /** Where Tuner's own classes come from (one protection domain per jar or folder): they read no knobs. */
    private static final ProtectionDomain TUNER = KnobReaders.class.getProtectionDomain();

    /** Per class loader: internal class name → whether it declares or inherits knob fields. */
    private final Map<ClassLoader, Map<String, Boolean>> knobFields = Collections.synchronizedMap(new WeakHashMap<>());
    /** Per class loader: annotation descriptor → whether it is a knob annotation. */
    private final Map<ClassLoader, Map<String, Boolean>> knobAnnotations =
            Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Whether the class {@code internalName} (null if hidden) in {@code classFile}, defined by
     * {@code loader} in {@code domain}, may read a knob. The JDK's classes, the libraries' and
     * Tuner's own are answered from their name or protection domain, without parsing them: a
     * program loads hundreds of them, and parsing each (and the class files of the fields it
     * reads) cost a study's start tens of milliseconds.
     */
    boolean mayReadKnobs(String internalName, byte[] classFile, ClassLoader loader, ProtectionDomain domain) {
        if (loader == null || (internalName != null && isLibrary(internalName)) || (domain != null && domain == TUNER)) {
            return false;
        }
        return mayReadKnobs(classFile, loader);
    }

    /** Whether the class in {@code classFile}, defined by {@code loader}, may read a knob. */
    boolean mayReadKnobs(byte[] classFile, ClassLoader loader) {
        if (loader == null) {
            return false;
        }
        ClassReader reader = new ClassReader(classFile);
        Declared declared = declared(reader, loader);
        if (declared.knobFields || declared.knobMethods) {
            return true;
        }
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int item = 1; item < reader.getItemCount(); item++) {
            int offset = reader.getItem(item);
            if (offset > 0 && classFile[offset - 1] == FIELD_REF
                    && hasKnobFields(reader.readClass(offset, buffer), loader)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a class loaded before the agent may read a knob, judged on the class file its loader
     * has (a class without one, generated at run time, is left alone).
     */
    boolean loadedClassMayReadKnobs(String internalName, ClassLoader loader) {
        if (loader == null) {
            return false;
        }
        byte[] classFile = read(loader, internalName);
        return classFile != null && mayReadKnobs(classFile, loader);
    }

    /** Whether the class declares knob fields, or inherits them from a superclass. */
    private boolean hasKnobFields(String internalName, ClassLoader loader) {
        if (internalName == null || isLibrary(internalName)) {
            return false;
        }
        Map<String, Boolean> known = knobFields.computeIfAbsent(loader, absent -> new ConcurrentHashMap<>());
        Boolean cached = known.get(internalName);
        if (cached != null) {
            return cached;
        }
        byte[] classFile = read(loader, internalName);
        boolean result = false;
        if (classFile != null) {
            ClassReader reader = new ClassReader(classFile);
            result = declared(reader, loader).knobFields || hasKnobFields(reader.getSuperName(), loader);
        }
        known.put(internalName, result);
        return result;
    }

    /** Which knob members a class declares, from its own class file. */
    private Declared declared(ClassReader reader, ClassLoader loader) {
        Declared declared = new Declared();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                    Object value) {
                return new FieldVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        declared.knobFields |= isKnobAnnotation(annotation, loader);
                        return null;
                    }
                };
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        declared.knobMethods |= isKnobAnnotation(annotation, loader);
                        return null;
                    }
                };
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return declared;
    }

    /** One of Tuner's knob annotations, or a user's annotation marked {@code @KnobAnnotation}. */
    boolean isKnobAnnotation(String descriptor, ClassLoader loader) {
        if (descriptor.startsWith("Ldev/tuner/") && descriptor.indexOf('/', "Ldev/tuner/".length()) < 0) {
            return !descriptor.equals("Ldev/tuner/Tune;");
        }
        String internalName = descriptor.substring(1, descriptor.length() - 1);
        if (isLibrary(internalName)) {
            return false;
        }
        return knobAnnotations.computeIfAbsent(loader, absent -> new ConcurrentHashMap<>())
                .computeIfAbsent(descriptor, absent -> isMarked(internalName, loader));
    }

    private static boolean isMarked(String internalName, ClassLoader loader) {
        byte[] classFile = read(loader, internalName);
        if (classFile == null) {
            return false;
        }
        return ClassFiles.isMarkedKnobAnnotation(classFile);
    }

    /** Whether an internal class name ({@code java/lang/String}) is in one of {@link #LIBRARY_PACKAGES}. */
    static boolean isLibrary(String internalName) {
        return ClassFiles.startsWithAny(internalName, LIBRARY_PREFIXES);
    }

    private static byte[] read(ClassLoader loader, String internalName) {
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException unreadable) {
            return null;
        }
    }

    /** What a class declares itself. */
    private static final class Declared {
        boolean knobFields;
        boolean knobMethods;
    }
}

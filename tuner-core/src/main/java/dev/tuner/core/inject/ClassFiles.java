package dev.tuner.core.inject;

import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/** Questions about class files, answered without loading the classes. */
final class ClassFiles {

    /** The descriptor of the marker that makes a user's annotation a knob annotation. */
    static final String KNOB_ANNOTATION_MARKER = "Ldev/tuner/KnobAnnotation;";

    private ClassFiles() {}

    /** Whether the class file declares an annotation type meta-annotated with {@code @KnobAnnotation}. */
    static boolean isMarkedKnobAnnotation(byte[] classFile) {
        boolean[] marked = {false};
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                marked[0] |= annotation.equals(KNOB_ANNOTATION_MARKER);
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return marked[0];
    }

    /** Whether an internal class name ({@code java/lang/String}) starts with one of the prefixes. */
    static boolean startsWithAny(String internalName, String[] prefixes) {
        for (String prefix : prefixes) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}

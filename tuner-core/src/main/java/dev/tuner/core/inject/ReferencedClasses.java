package dev.tuner.core.inject;

import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * The classes whose knobs a {@code @Tune} method can read: its own class, and the classes its
 * code refers to (constructs, calls, reads), followed through the project's own compiled classes
 * (those loaded from a directory, as {@code target/classes} and {@code target/test-classes} are).
 * A library class that project code refers to is included, but its own references are not
 * followed. Classes are loaded without being initialized.
 */
final class ReferencedClasses {

    private static final String[] SKIPPED = {"java/", "javax/", "jdk/", "sun/", "com/sun/", "org/junit/",
        "net/bytebuddy/"};

    private ReferencedClasses() {}

    static Set<Class<?>> from(Class<?> start) {
        Set<Class<?>> found = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<Class<?>> toRead = new ArrayDeque<>();
        found.add(start);
        toRead.add(start);
        seen.add(Type.getInternalName(start));
        while (!toRead.isEmpty()) {
            Class<?> type = toRead.poll();
            if (!isProjectClass(type)) {
                continue;
            }
            byte[] classFile = ConstantFields.classFile(type);
            if (classFile == null) {
                continue;
            }
            for (String name : references(classFile)) {
                if (!seen.add(name) || isSkipped(name)) {
                    continue;
                }
                Class<?> referenced = load(name, type.getClassLoader());
                if (referenced != null && !referenced.isArray() && !referenced.isPrimitive()) {
                    found.add(referenced);
                    toRead.add(referenced);
                }
            }
        }
        return found;
    }

    private static Set<String> references(byte[] classFile) {
        Set<String> names = new LinkedHashSet<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                add(superName);
                if (interfaces != null) {
                    for (String implemented : interfaces) {
                        add(implemented);
                    }
                }
            }

            @Override
            public void visitInnerClass(String name, String outerName, String innerName, int access) {
                add(name);
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                    Object value) {
                addDescriptor(descriptor);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                addDescriptor(descriptor);
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        add(type);
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String fieldName, String fieldDescriptor) {
                        add(owner);
                        addDescriptor(fieldDescriptor);
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String methodName, String methodDescriptor,
                            boolean isInterface) {
                        add(owner);
                        addDescriptor(methodDescriptor);
                    }
                };
            }

            private void addDescriptor(String descriptor) {
                Type type = Type.getType(descriptor);
                if (type.getSort() == Type.METHOD) {
                    addType(type.getReturnType());
                    for (Type argument : type.getArgumentTypes()) {
                        addType(argument);
                    }
                } else {
                    addType(type);
                }
            }

            private void addType(Type type) {
                Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
                if (element.getSort() == Type.OBJECT) {
                    add(element.getInternalName());
                }
            }

            private void add(String internalName) {
                if (internalName != null && !internalName.startsWith("[")) {
                    names.add(internalName);
                }
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return names;
    }

    private static boolean isSkipped(String internalName) {
        for (String prefix : SKIPPED) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the class was compiled by the project: loaded from a directory, not a jar. */
    private static boolean isProjectClass(Class<?> type) {
        URL location = location(type);
        return location != null && "file".equals(location.getProtocol()) && location.getPath().endsWith("/")
                && !location.equals(location(ReferencedClasses.class));
    }

    private static URL location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source == null ? null : source.getLocation();
    }

    private static Class<?> load(String internalName, ClassLoader loader) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, loader);
        } catch (ClassNotFoundException | LinkageError unavailable) {
            // an optional dependency the project does not use here: nothing to check
            return null;
        }
    }
}

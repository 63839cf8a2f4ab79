package dev.tuner.core.inject;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.RecordComponentVisitor;
import net.bytebuddy.jar.asm.Type;

/**
 * The classes with knobs that a {@code @Tune} method can read: its own class, and the classes its
 * code refers to (constructs, calls, reads, declares), followed through the project's own compiled
 * classes (those in a directory, as {@code target/classes} and {@code target/test-classes} are). A
 * library class that project code refers to is looked at, but its own references are not followed;
 * the JDK's and the libraries in {@link KnobReaders#LIBRARY_PACKAGES} are not read at all.
 *
 * <p>Class files are read, not loaded: only the classes whose fields, methods or record components
 * carry a knob annotation are loaded (without being initialized), so that their declarations can
 * be checked before any trial runs.
 */
final class ReferencedClasses {

    private static final String TUNE = "Ldev/tuner/Tune;";

    private final ClassLoader loader;
    private final URL own = location(ReferencedClasses.class.getProtectionDomain().getCodeSource());
    private final Map<String, Boolean> knobAnnotations = new HashMap<>();

    private ReferencedClasses(ClassLoader loader) {
        this.loader = loader;
    }

    /** {@code start} and the classes with knob annotations that it reaches. */
    static Set<Class<?>> from(Class<?> start) {
        ClassLoader loader = start.getClassLoader() != null ? start.getClassLoader() : ClassLoader.getSystemClassLoader();
        return new ReferencedClasses(loader).walk(start);
    }

    private Set<Class<?>> walk(Class<?> start) {
        Set<Class<?>> found = new LinkedHashSet<>();
        found.add(start);
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> toRead = new ArrayDeque<>();
        String startName = Type.getInternalName(start);
        seen.add(startName);
        toRead.add(startName);
        while (!toRead.isEmpty()) {
            String name = toRead.poll();
            URL resource = loader.getResource(name + ".class");
            byte[] classFile = read(resource);
            if (classFile == null) {
                continue;
            }
            Scan scan = scan(classFile);
            if (scan.hasKnobs) {
                Class<?> type = load(name);
                if (type != null) {
                    found.add(type);
                }
            }
            if (isProjectClass(resource)) {
                for (String referenced : scan.references) {
                    if (!KnobReaders.isLibrary(referenced) && seen.add(referenced)) {
                        toRead.add(referenced);
                    }
                }
            }
        }
        return found;
    }

    /** What one class file refers to, and whether a member of it carries a knob annotation. */
    private static final class Scan {
        final Set<String> references = new LinkedHashSet<>();
        boolean hasKnobs;
    }

    private Scan scan(byte[] classFile) {
        Scan scan = new Scan();
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
            public void visitPermittedSubclass(String permittedSubclass) {
                add(permittedSubclass);
            }

            @Override
            public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
                addDescriptor(descriptor);
                return new RecordComponentVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        knob(annotation);
                        return null;
                    }
                };
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                    Object value) {
                addDescriptor(descriptor);
                return new FieldVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        knob(annotation);
                        return null;
                    }
                };
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                addDescriptor(descriptor);
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        knob(annotation);
                        return null;
                    }

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

            private void knob(String annotation) {
                if (isKnobAnnotation(annotation)) {
                    scan.hasKnobs = true;
                }
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
                    scan.references.add(internalName);
                }
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return scan;
    }

    /** One of Tuner's knob annotations, or a user's annotation marked {@code @KnobAnnotation}. */
    private boolean isKnobAnnotation(String descriptor) {
        if (descriptor.startsWith("Ldev/tuner/") && descriptor.indexOf('/', "Ldev/tuner/".length()) < 0) {
            return !descriptor.equals(TUNE);
        }
        return knobAnnotations.computeIfAbsent(descriptor, this::isMarked);
    }

    private boolean isMarked(String descriptor) {
        if (KnobReaders.isLibrary(descriptor.substring(1))) {
            return false;
        }
        byte[] classFile = read(loader.getResource(Type.getType(descriptor).getInternalName() + ".class"));
        if (classFile == null) {
            return false;
        }
        return ClassFiles.isMarkedKnobAnnotation(classFile);
    }

    /** Whether a class file was compiled by the project: in a directory, and not one of Tuner's. */
    private boolean isProjectClass(URL resource) {
        return resource != null && "file".equals(resource.getProtocol())
                && (own == null || !resource.toString().startsWith(own.toString()));
    }

    private static URL location(CodeSource source) {
        return source == null ? null : source.getLocation();
    }

    private static byte[] read(URL resource) {
        if (resource == null) {
            return null;
        }
        try (InputStream in = resource.openStream()) {
            return in.readAllBytes();
        } catch (IOException unreadable) {
            return null;
        }
    }

    private Class<?> load(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, loader);
        } catch (ClassNotFoundException | LinkageError unavailable) {
            // an optional dependency the project does not use here: nothing to check
            return null;
        }
    }
}

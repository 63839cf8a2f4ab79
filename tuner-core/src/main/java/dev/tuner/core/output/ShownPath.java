package dev.tuner.core.output;

import java.nio.file.Path;

/** A file as messages show it: relative to the working directory when it lies under it, which is shorter to read. */
final class ShownPath {

    private ShownPath() {}

    static String of(Path file) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute).toString() : file.toString();
    }
}

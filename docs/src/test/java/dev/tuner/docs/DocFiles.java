package dev.tuner.docs;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Markdown files whose snippets are compiled: the root README, the guide ({@code docs/*.md})
 * and each example's README, found under the repository root.
 */
final class DocFiles {

    /** The system property naming the repository root; the docs module's parent by default. */
    static final String ROOT_PROPERTY = "tuner.docs.root";

    private final Path root;

    DocFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The files of the repository named by {@value #ROOT_PROPERTY}, else of the parent directory. */
    static DocFiles ofRepository() {
        return new DocFiles(Path.of(System.getProperty(ROOT_PROPERTY, "..")));
    }

    Path root() {
        return root;
    }

    /** Every Markdown file to check, relative to the root, in a stable order. */
    List<Path> markdownFiles() {
        List<Path> files = new ArrayList<>();
        files.add(Path.of("README.md"));
        walk(root.resolve("docs"), 1, path -> path.toString().endsWith(".md")).forEach(path -> files.add(root.relativize(path)));
        walk(root.resolve("examples"), 2, path -> path.getFileName().toString().equals("README.md"))
                .forEach(path -> files.add(root.relativize(path)));
        return files;
    }

    /** The text of a file relative to the root. */
    String read(Path file) {
        try {
            return Files.readString(root.resolve(file));
        } catch (IOException failed) {
            throw new UncheckedIOException("could not read " + file + " under " + root, failed);
        }
    }

    /**
     * The imports a snippet of {@code file} gets beside the common ones: for an example's README,
     * every package of that example's main sources and of {@code examples/datasets}, whose data every
     * example uses; none for other files.
     */
    List<String> extraImports(Path file) {
        if (file.getNameCount() != 3 || !file.getName(0).toString().equals("examples")) {
            return List.of();
        }
        List<String> imports = new ArrayList<>();
        for (String module : List.of(file.getName(1).toString(), "datasets")) {
            Path sources = root.resolve("examples").resolve(module).resolve("src/main/java");
            for (Path directory : walk(sources, Integer.MAX_VALUE, DocFiles::hasJavaFiles)) {
                if (!directory.equals(sources)) {
                    String name = sources.relativize(directory).toString().replace(File.separatorChar, '.') + ".*";
                    if (!imports.contains(name)) {
                        imports.add(name);
                    }
                }
            }
        }
        return imports;
    }

    /** The paths under {@code directory}, at most {@code depth} levels down, that match, sorted. */
    private static List<Path> walk(Path directory, int depth, Predicate<Path> filter) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(directory, depth)) {
            return paths.filter(filter).sorted().collect(Collectors.toList());
        } catch (IOException failed) {
            throw new UncheckedIOException("could not list " + directory, failed);
        }
    }

    private static boolean hasJavaFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(path -> path.toString().endsWith(".java"));
        } catch (IOException failed) {
            throw new UncheckedIOException("could not list " + directory, failed);
        }
    }
}

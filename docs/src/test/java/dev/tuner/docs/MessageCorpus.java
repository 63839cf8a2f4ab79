package dev.tuner.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The text of the messages in Java sources, for checking that a message the guide quotes is one the
 * code can write. String literals joined by {@code +} are joined, and a {@code static final String}
 * constant between them ({@code "key " + Constants.MODE_PROPERTY_NAME + "=off"}) is replaced by its
 * value when its class is on the class path, so that {@code key tuner.mode=off} is found.
 *
 * <p>A quoted message is found when each of its parts is: the parts between the {@code …} that stand
 * for values, further split at {@code ": "}, where messages are composed of several sources
 * ({@code where + ": " + problem}); parts shorter than four characters are not checked.
 */
final class MessageCorpus {

    /** A constant after a {@code +}, or before one: {@code + Constants.MODE_PROPERTY_NAME}, {@code FORMS +}. */
    private static final Pattern CONSTANT_OPERAND = Pattern.compile(
            "(\\+\\s*)(?:([A-Z]\\w*)\\.)?([A-Z][A-Z0-9_]+)\\b(?!\\s*[(.])|(?<![\\w.])(?:([A-Z]\\w*)\\.)?([A-Z][A-Z0-9_]+)(\\s*\\+)");
    private static final Pattern LITERAL_JOIN = Pattern.compile("\"\\s*\\+\\s*\"");
    private static final int SHORTEST_CHECKED = 4;

    private final String text;

    private MessageCorpus(String text) {
        this.text = text;
    }

    /** The messages of every {@code .java} file under the given source roots. */
    static MessageCorpus of(List<Path> sourceRoots) {
        Map<String, String> classesBySimpleName = new HashMap<>();
        List<Path> files = new ArrayList<>();
        for (Path root : sourceRoots) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path file : paths.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                    files.add(file);
                    classesBySimpleName.put(simpleName(file), className(root, file));
                }
            } catch (IOException failed) {
                throw new UncheckedIOException("could not list " + root, failed);
            }
        }
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            String own = classesBySimpleName.get(simpleName(file));
            text.append(normalize(read(file), own, classesBySimpleName)).append('\n');
        }
        return new MessageCorpus(text.toString());
    }

    /** The parts of {@code message} that the sources do not contain; empty when it is a message they write. */
    List<String> missingParts(String message) {
        List<String> missing = new ArrayList<>();
        for (String between : message.split("…")) {
            for (String part : between.split(": ")) {
                String trimmed = part.strip();
                if (trimmed.length() >= SHORTEST_CHECKED && !text.contains(trimmed)) {
                    missing.add(trimmed);
                }
            }
        }
        return missing;
    }

    /** Source text with constants written out, literals joined and quotes unescaped. */
    static String normalize(String source, String ownClass, Map<String, String> classesBySimpleName) {
        Matcher constant = CONSTANT_OPERAND.matcher(source);
        StringBuilder resolved = new StringBuilder();
        while (constant.find()) {
            boolean after = constant.group(1) != null;
            String qualifier = after ? constant.group(2) : constant.group(4);
            String name = after ? constant.group(3) : constant.group(5);
            String owner = qualifier == null ? ownClass : classesBySimpleName.get(qualifier);
            Optional<String> value = owner == null ? Optional.empty() : constantValue(owner, name);
            String literal = value.map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").orElse(null);
            String replacement = literal == null ? constant.group()
                    : after ? constant.group(1) + literal : literal + constant.group(6);
            constant.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        constant.appendTail(resolved);
        return LITERAL_JOIN.matcher(resolved).replaceAll("").replace("\\\"", "\"").replace("\\\\", "\\");
    }

    private static Optional<String> constantValue(String className, String fieldName) {
        try {
            Field field = Class.forName(className, false, MessageCorpus.class.getClassLoader()).getDeclaredField(fieldName);
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
                return Optional.empty();
            }
            field.setAccessible(true);
            return Optional.ofNullable((String) field.get(null));
        } catch (ReflectiveOperationException | LinkageError notHere) {
            return Optional.empty();
        }
    }

    private static String simpleName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".java".length());
    }

    private static String className(Path root, Path file) {
        String relative = root.relativize(file).toString();
        return relative.substring(0, relative.length() - ".java".length()).replace(java.io.File.separatorChar, '.');
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException failed) {
            throw new UncheckedIOException("could not read " + file, failed);
        }
    }

    /**
     * The messages quoted in a troubleshooting page: the first code span of each line that starts
     * with {@code - `} (a list item that quotes a message) or {@code   `} (a further message in it).
     */
    static List<String> quotedMessages(String markdown) {
        return markdown.lines()
                .filter(line -> line.startsWith("- `") || line.startsWith("  `"))
                .map(line -> line.substring(3, line.indexOf('`', 3)))
                .collect(Collectors.toList());
    }
}

package dev.tuner.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the fenced code blocks whose info string starts with {@code java} in a Markdown text, as
 * CommonMark fences them: a line of at least three backticks or tildes opens a block, and a line of
 * at least as many of the same character closes it (or the end of the text does).
 *
 * <p>The info string is {@code java}, to compile the block, or {@code java no-compile <reason>}, to
 * skip it; anything else after {@code java} is an error, so that a misspelt marker cannot skip a
 * block silently.
 */
final class MarkdownSnippets {

    private static final Pattern OPENING = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*(.*)$");
    private static final String NO_COMPILE = "no-compile";

    private MarkdownSnippets() {}

    /**
     * The {@code java} blocks of {@code markdown}, in order.
     *
     * @param file the file's path as messages should show it
     * @throws IllegalArgumentException if a {@code java} fence's info string is neither {@code java}
     *     nor {@code java no-compile} followed by a reason
     */
    static List<Snippet> of(Path file, String markdown) {
        List<Snippet> snippets = new ArrayList<>();
        String[] lines = markdown.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher opening = OPENING.matcher(lines[i]);
            if (!opening.matches() || (opening.group(1).charAt(0) == '`' && opening.group(2).contains("`"))) {
                continue;
            }
            String fence = opening.group(1);
            String info = opening.group(2).strip();
            int end = closingLine(lines, i + 1, fence);
            String[] words = info.split("\\s+", 3);
            if (words[0].equals("java")) {
                int firstCodeLine = i + 2;
                String code = String.join("\n", Arrays.copyOfRange(lines, i + 1, end));
                snippets.add(new Snippet(file, firstCodeLine, code, skipReason(file, i + 1, words)));
            }
            i = end;
        }
        return snippets;
    }

    /** The index of the line closing a block opened by {@code fence}, or the number of lines. */
    private static int closingLine(String[] lines, int from, String fence) {
        Pattern closing = Pattern.compile("^ {0,3}" + Pattern.quote(String.valueOf(fence.charAt(0))) + "{"
                + fence.length() + ",}\\s*$");
        for (int j = from; j < lines.length; j++) {
            if (closing.matcher(lines[j]).matches()) {
                return j;
            }
        }
        return lines.length;
    }

    private static Optional<String> skipReason(Path file, int fenceLine, String[] words) {
        if (words.length == 1) {
            return Optional.empty();
        }
        if (!words[1].equals(NO_COMPILE)) {
            throw new IllegalArgumentException(file + ":" + fenceLine + ": unknown marker '" + words[1]
                    + "' after ```java; write ```java to compile the block, or ```java no-compile <reason> to skip it");
        }
        if (words.length < 3 || words[2].isBlank()) {
            throw new IllegalArgumentException(file + ":" + fenceLine + ": ```java no-compile needs a reason after it"
                    + " (e.g. ```java no-compile pseudo-code of the sampler loop), so that a reader of the test knows"
                    + " why the block is not compiled");
        }
        return Optional.of(words[2].strip());
    }
}

package dev.tuner.docs;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One fenced {@code java} code block of a Markdown file.
 *
 * @param file the Markdown file, relative to the repository root, as messages show it
 * @param line the line of the file that holds the block's first line of code (1-based)
 * @param code the block's text, without the fences
 * @param skipReason why the block is not compiled, when its fence says {@code java no-compile <reason>}
 */
record Snippet(Path file, int line, String code, Optional<String> skipReason) {

    /** Where the block starts, as {@code docs/trial-api.md:42}. */
    String location() {
        return file + ":" + line;
    }
}

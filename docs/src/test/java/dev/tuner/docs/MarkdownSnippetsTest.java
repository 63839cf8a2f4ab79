package dev.tuner.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkdownSnippetsTest {

    private static final Path FILE = Path.of("docs/page.md");

    @Test
    void findsJavaBlocksWithTheLineOfTheirFirstCodeLine() {
        String markdown = String.join("\n",
                "# Page",                  // 1
                "",                        // 2
                "```java",                 // 3
                "int a = 1;",              // 4
                "int b = 2;",              // 5
                "```",                     // 6
                "```xml",                  // 7
                "<a/>",                    // 8
                "```",                     // 9
                "~~~~java",                // 10
                "int c = 3;",              // 11
                "~~~~");                   // 12

        List<Snippet> snippets = MarkdownSnippets.of(FILE, markdown);

        assertThat(snippets).containsExactly(
                new Snippet(FILE, 4, "int a = 1;\nint b = 2;", Optional.empty()),
                new Snippet(FILE, 11, "int c = 3;", Optional.empty()));
    }

    @Test
    void aBlockInsideALongerFenceIsText() {
        String markdown = String.join("\n",
                "````markdown",
                "```java",
                "not compiled",
                "```",
                "````");

        assertThat(MarkdownSnippets.of(FILE, markdown)).isEmpty();
    }

    @Test
    void noCompileKeepsItsReason() {
        String markdown = "```java no-compile pseudo-code of the loop\nfor each trial: ask, run, tell\n```";

        assertThat(MarkdownSnippets.of(FILE, markdown))
                .singleElement()
                .satisfies(snippet -> assertThat(snippet.skipReason()).contains("pseudo-code of the loop"));
    }

    @Test
    void noCompileWithoutAReasonIsAnError() {
        assertThatThrownBy(() -> MarkdownSnippets.of(FILE, "text\n```java no-compile\nx\n```"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("docs/page.md:2: ```java no-compile needs a reason");
    }

    @Test
    void anUnknownMarkerIsAnError() {
        assertThatThrownBy(() -> MarkdownSnippets.of(FILE, "```java nocompile because\nx\n```"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("docs/page.md:1: unknown marker 'nocompile'");
    }

    @Test
    void anUnclosedBlockRunsToTheEnd() {
        assertThat(MarkdownSnippets.of(FILE, "```java\nint a;\nint b;"))
                .singleElement()
                .satisfies(snippet -> assertThat(snippet.code()).isEqualTo("int a;\nint b;"));
    }
}

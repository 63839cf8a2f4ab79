package dev.tuner.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code java} block of the README, the guide ({@code docs/*.md}) and the examples' READMEs
 * compiles against Tuner's modules, JUnit and the examples. How a block becomes a compilation unit
 * is {@link SnippetSource}'s convention; a block fenced {@code java no-compile <reason>} is skipped,
 * and counted.
 */
class DocSnippetsTest {

    private final DocFiles docs = DocFiles.ofRepository();

    @Test
    void everySnippetCompiles(@TempDir Path classes, TestReporter reporter) {
        List<Snippet> compiled = new ArrayList<>();
        List<Snippet> skipped = new ArrayList<>();
        for (Path file : docs.markdownFiles()) {
            for (Snippet snippet : MarkdownSnippets.of(file, docs.read(file))) {
                (snippet.skipReason().isPresent() ? skipped : compiled).add(snippet);
            }
        }
        String summary = "compiled " + compiled.size() + " java blocks of " + docs.markdownFiles().size()
                + " Markdown files; skipped " + skipped.size()
                + skipped.stream().map(s -> "\n  " + s.location() + ": " + s.skipReason().orElseThrow())
                        .collect(Collectors.joining());
        reporter.publishEntry("snippets", summary);
        System.out.println(summary);

        List<SnippetCompiler.Failure> failures = new SnippetCompiler(System.getProperty("java.class.path"))
                .compile(compiled, snippet -> docs.extraImports(snippet.file()), classes);

        if (!failures.isEmpty()) {
            fail(failures.size() + " compile error(s) in the documentation's java blocks (fix the block, or fence it"
                    + " ```java no-compile <reason> if it is not meant to compile):\n"
                    + failures.stream().map(SnippetCompiler.Failure::describe).collect(Collectors.joining("\n")));
        }
    }

    @Test
    void theGuideAndTheReadmesAreFound() {
        List<Path> files = docs.markdownFiles();

        assertThat(files).contains(Path.of("README.md"), Path.of("docs/README.md"),
                Path.of("examples/svm-digits/README.md"));
        assertThat(docs.extraImports(Path.of("examples/svm-digits/README.md")))
                .containsExactly("dev.tuner.examples.svm.*", "dev.tuner.examples.data.*");
    }
}

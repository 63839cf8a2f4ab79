package dev.tuner.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of the guide and the READMEs leads somewhere: to a file or directory of the
 * repository, and, with a {@code #fragment}, to a heading of that Markdown file (as GitHub makes its
 * anchors).
 */
class DocLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    private final DocFiles docs = DocFiles.ofRepository();

    @Test
    void everyRelativeLinkResolves() {
        List<String> broken = new ArrayList<>();
        for (Path file : docs.markdownFiles()) {
            String[] lines = docs.read(file).split("\n", -1);
            boolean inCode = false;
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith("```")) {
                    inCode = !inCode;
                }
                if (inCode) {
                    continue;
                }
                Matcher link = LINK.matcher(lines[i]);
                while (link.find()) {
                    String target = link.group(1);
                    if (target.matches("^[a-z]+:.*")) {
                        continue;   // http:, https:, mailto:
                    }
                    int line = i + 1;
                    problem(file, target).ifPresent(p -> broken.add(file + ":" + line + ": " + target + " " + p));
                }
            }
        }
        if (!broken.isEmpty()) {
            fail(broken.size() + " broken link(s):\n" + String.join("\n", broken));
        }
    }

    private Optional<String> problem(Path file, String target) {
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = path.isEmpty() ? file : file.resolveSibling(path).normalize();
        Path absolute = docs.root().resolve(resolved);
        if (!Files.exists(absolute)) {
            return Optional.of("names no file (" + resolved + ")");
        }
        if (fragment != null) {
            if (!resolved.toString().endsWith(".md")) {
                return Optional.of("has a fragment, but " + resolved + " is not Markdown");
            }
            if (!anchors(docs.read(resolved)).contains(fragment)) {
                return Optional.of("names no heading of " + resolved);
            }
        }
        return Optional.empty();
    }

    /** The anchors GitHub gives the headings of a Markdown text. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        boolean inCode = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            }
            Matcher heading = HEADING.matcher(line);
            if (!inCode && heading.matches()) {
                anchors.add(slug(heading.group(1)));
            }
        }
        return anchors;
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces made hyphens. */
    static String slug(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    @Test
    void slugsAreGitHubs() {
        assertThat(slug("Where studies live: resuming, crashes, workers")).isEqualTo("where-studies-live-resuming-crashes-workers");
        assertThat(slug("Conditional spaces: `@Choice` over a sealed type")).isEqualTo("conditional-spaces-choice-over-a-sealed-type");
        assertThat(slug("Production: `Tuned`")).isEqualTo("production-tuned");
    }
}

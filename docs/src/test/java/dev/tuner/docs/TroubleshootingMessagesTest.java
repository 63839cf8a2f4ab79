package dev.tuner.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The messages that {@code docs/troubleshooting.md} quotes are messages Tuner writes: each part of
 * each quoted message occurs in the main sources of the modules a user meets.
 */
class TroubleshootingMessagesTest {

    private static final Path PAGE = Path.of("docs/troubleshooting.md");
    private static final List<String> MODULES = List.of("tuner-core", "tuner-runtime", "tuner-junit-engine",
            "tuner-maven-plugin");

    private final DocFiles docs = DocFiles.ofRepository();

    @Test
    void everyQuotedMessageIsOneTunerWrites() {
        MessageCorpus corpus = MessageCorpus.of(MODULES.stream()
                .map(module -> docs.root().resolve(module).resolve("src/main/java"))
                .toList());
        String[] lines = docs.read(PAGE).split("\n", -1);
        List<String> wrong = new ArrayList<>();
        int quoted = 0;
        for (int i = 0; i < lines.length; i++) {
            for (String message : MessageCorpus.quotedMessages(lines[i])) {
                quoted++;
                List<String> missing = corpus.missingParts(message);
                if (!missing.isEmpty()) {
                    wrong.add(PAGE + ":" + (i + 1) + ": " + missing + " not in the sources, in `" + message + "`");
                }
            }
        }

        assertThat(quoted).as("messages quoted in " + PAGE).isGreaterThan(100);
        if (!wrong.isEmpty()) {
            fail(wrong.size() + " quoted message(s) that Tuner does not write (quote the message as the code"
                    + " builds it, with … for the parts that vary):\n" + String.join("\n", wrong));
        }
    }

    @Test
    void literalsAreJoinedAndConstantsWrittenOut() {
        String source = "throw new IllegalArgumentException(\"no storage named; \" + FORMS);\n"
                + "listener.skip(\"set \" + Tuned.FILE_PROPERTY\n        + \"=search\");\n"
                + "log(\"a \\\"quoted\\\" \" + name + \" word\");";

        String normalized = MessageCorpus.normalize(source, "dev.tuner.core.storage.Storages",
                Map.of("Tuned", "dev.tuner.runtime.Tuned"));

        assertThat(normalized)
                .contains("\"no storage named; use journal:<path> (e.g. journal:target/tuner/journal.jsonl), memory:")
                .contains("\"set tuner.properties=search\"")
                .contains("a \"quoted\" \" + name + \" word");
    }

    @Test
    void aMessageIsSplitAtItsValuesAndWhereMessagesMeet() {
        MessageCorpus corpus = MessageCorpus.of(List.of(docs.root().resolve("tuner-runtime/src/main/java")));

        assertThat(corpus.missingParts("tuned value …=… in … is not a valid …; correct the value or rerun tuner:tune"))
                .isEmpty();
        assertThat(corpus.missingParts("tuned value …=… in … is not valid at all")).containsExactly("is not valid at all");
    }
}

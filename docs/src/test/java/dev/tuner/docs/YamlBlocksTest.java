package dev.tuner.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The docs' {@code yaml} blocks (a Kubernetes Job, a CI workflow) are YAML that parses, and a
 * database password in them comes from a secret, never written in.
 */
class YamlBlocksTest {

    private static final Pattern BLOCK = Pattern.compile("(?m)^```yaml\\n(.*?)^```$", Pattern.DOTALL);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final DocFiles docs = DocFiles.ofRepository();

    /** A yaml block: where it is, for messages, and its documents. */
    private record Block(String where, List<JsonNode> documents) {}

    private List<Block> blocks() throws IOException {
        List<Block> blocks = new ArrayList<>();
        for (Path file : docs.markdownFiles()) {
            String text = docs.read(file);
            Matcher block = BLOCK.matcher(text);
            while (block.find()) {
                String where = file + ":" + (text.substring(0, block.start()).split("\n", -1).length + 1);
                try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(block.group(1))) {
                    blocks.add(new Block(where, documents.readAll()));
                } catch (IOException invalid) {
                    throw new AssertionError("the yaml block at " + where + " does not parse: " + invalid.getMessage()
                            + "; correct it, or mark it as another language", invalid);
                }
            }
        }
        return blocks;
    }

    @Test
    void theWorkerGuideShowsAKubernetesIndexedJobAndACiMatrix() throws IOException {
        List<JsonNode> documents = blocks().stream().flatMap(block -> block.documents().stream()).toList();

        assertThat(documents).anySatisfy(job -> {
            assertThat(job.path("kind").asText()).isEqualTo("Job");
            assertThat(job.at("/spec/completionMode").asText()).isEqualTo("Indexed");
            assertThat(job.at("/spec/template/spec/containers/0/args").toString()).contains("-Dtuner.storage=jdbc:postgresql:");
        });
        assertThat(documents).anySatisfy(workflow -> {
            assertThat(workflow.at("/jobs/work/strategy/matrix/worker").size()).isGreaterThan(1);
            assertThat(workflow.at("/jobs/work/steps").toString()).contains("tuner-worker/worker");
        });
    }

    @Test
    void aDatabasePasswordComesFromASecret() throws IOException {
        List<String> passwords = new ArrayList<>();
        for (Block block : blocks()) {
            for (JsonNode document : block.documents()) {
                collectPasswords(block.where(), document, passwords);
            }
        }

        assertThat(passwords).isNotEmpty().allSatisfy(password -> assertThat(password)
                .as("a TUNER_JDBC_PASSWORD of a yaml block must come from a secret: a Kubernetes secretKeyRef, or"
                        + " ${{ secrets.… }} in a workflow")
                .containsAnyOf("secretKeyRef", "${{ secrets."));
    }

    /** Adds, for each {@code TUNER_JDBC_PASSWORD} under {@code node}, where it is and how its value is given. */
    private static void collectPasswords(String where, JsonNode node, List<String> passwords) {
        if (node.isObject()) {
            if (node.path("name").asText().equals("TUNER_JDBC_PASSWORD")) {       // Kubernetes: an env entry
                passwords.add(where + " " + node.path("valueFrom"));
            }
            if (node.has("TUNER_JDBC_PASSWORD")) {                               // a workflow: env by name
                passwords.add(where + " " + node.get("TUNER_JDBC_PASSWORD").asText());
            }
            node.elements().forEachRemaining(child -> collectPasswords(where, child, passwords));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectPasswords(where, child, passwords));
        }
    }
}

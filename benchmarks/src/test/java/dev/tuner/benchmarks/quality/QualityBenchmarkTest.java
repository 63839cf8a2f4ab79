package dev.tuner.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tuner.core.sampler.Samplers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness on the BBOB suite: results by problem and half, and the samplers scored against each other. */
class QualityBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void aBbobRunWritesEveryProblemWithItsHalfAndScoresTheSamplersAgainstEachOther() throws Exception {
        Path out = dir.resolve("quality.json");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        QualityBenchmark.run(new String[] {"--suite", "bbob", "--functions", "f1,f2,branches", "--dims", "2",
            "--instances", "1", "--samplers", "random,tpe", "--option", "tpe.gamma=0.2", "--seeds", "2",
            "--trials", "30", "--out", out.toString(), "--commit", "abc123",
            "--reference", "reference/quality.json,reference/quality_2026.json"},
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        JsonNode document = new ObjectMapper().readTree(out.toFile());
        assertThat(document.path("meta").path("git_commit").asText()).isEqualTo("abc123");
        assertThat(document.path("results").fieldNames()).toIterable()
                .containsExactly("bbob-f01-d2-i1", "bbob-f02-d2-i1", "branches-i1");
        JsonNode f1 = document.path("results").path("bbob-f01-d2-i1");
        assertThat(f1.path("half").asText()).isEqualTo("train");
        assertThat(f1.path("optimum").asDouble()).isEqualTo(BbobFunction.of(1, 2, 1).fopt());
        assertThat(f1.path("optimizers").fieldNames()).toIterable().containsExactly("tuner_random",
                "tuner_tpe+gamma=0.2");
        assertThat(document.path("results").path("bbob-f02-d2-i1").path("half").asText()).isEqualTo("validation");

        String table = printed.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("RESULT relative split=all sampler=random problems=3 score10=")
                .contains("RESULT relative split=train sampler=tpe+gamma=0.2 problems=2")
                .contains("RESULT relative split=validation sampler=random problems=1");
        assertThat(table).contains("By group at 30 trials").containsPattern("bbob separable f1-5 +2 ")
                .containsPattern("synthetic branches +1 ");
        // per problem, the best sampler's r is 1, so each score is at least 1 and one of them is 1 on a single problem
        assertThat(table.lines().filter(line -> line.startsWith("RESULT relative split=validation")))
                .anySatisfy(line -> assertThat(line).contains("score30=1.000"));
    }

    @Test
    void aRunOfOneHalfWithOneSamplerReportsItsGapsUnderThatHalf() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        QualityBenchmark.run(new String[] {"--suite", "bbob", "--split", "train", "--functions", "f3,f4",
            "--dims", "2", "--instances", "1", "--samplers", "random", "--seeds", "1", "--trials", "10",
            "--reference", "reference/quality.json", "--out", dir.resolve("q.json").toString()},
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        String table = printed.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("bbob-f03-d2-i1").doesNotContain("bbob-f04-d2-i1")
                .containsPattern("RESULT relative split=train sampler=random problems=1 gmgap10=[0-9.e+-]+\\R")
                .doesNotContain("score10=");
    }

    @Test
    void publicFunctionsNeedTheirCheckpointsAndASplitMustSelectSomething() {
        assertThatThrownBy(() -> QualityBenchmark.run(new String[] {"--functions", "quad1", "--trials", "50",
            "--reference", "reference/quality.json", "--out", dir.resolve("q.json").toString()}, System.out))
                .hasMessageContaining("--trials must be at least 100");
        assertThatThrownBy(() -> QualityBenchmark.run(new String[] {"--suite", "public", "--split", "train",
            "--reference", "reference/quality.json", "--out", dir.resolve("q.json").toString()}, System.out))
                .hasMessageContaining("selects none");
        assertThatThrownBy(() -> QualityBenchmark.run(new String[] {"--suite", "bbob", "--trials", "10",
            "--reference", "missing.json"}, System.out))
                .hasMessageContaining("missing.json").hasMessageContaining("benchmarks/reference");
    }

    @Test
    void optionsKeepTheirNamesAndDefaults() {
        QualityBenchmark.Options defaults = QualityBenchmark.Options.parse();

        assertThat(defaults.suite).isEqualTo("public");
        assertThat(defaults.suiteGiven).isFalse();
        assertThat(defaults.split).isEmpty();
        assertThat(defaults.functions).isEmpty();
        assertThat(defaults.dimensions).isEmpty();
        assertThat(defaults.instances).isEmpty();
        assertThat(defaults.samplers).isEqualTo(Samplers.names());
        assertThat(defaults.objectives).isEmpty();
        assertThat(defaults.classpath).isEmpty();
        assertThat(defaults.seeds).isEqualTo(20);
        assertThat(defaults.firstSeed).isZero();
        assertThat(defaults.trials).isEqualTo(100);
        assertThat(defaults.references).containsExactly(Path.of("benchmarks/reference/quality.json"),
                Path.of("benchmarks/reference/quality_2026.json"));
        assertThat(defaults.out).isEqualTo(Path.of("benchmarks/target/results/quality.json"));

        QualityBenchmark.Options given = QualityBenchmark.Options.parse("--reference", "a.json,b.json", "--out", "a.json",
                "--suite", "bbob", "--split", "validation", "--functions", "f3,branches", "--dims", "2,5",
                "--instances", "1", "--samplers", "tpe,tpe:gamma=0.2,random", "--option", "tpe.gamma=0.15",
                "--option", "tpe.multivariate=false", "--seeds", "5", "--first-seed", "20", "--trials", "50",
                "--objective", "com.acme.A,com.acme.B", "--classpath", "x:y.jar", "--commit", "abc",
                "--reference", "c.json", "--out", "b.json");

        assertThat(given.suite).isEqualTo("bbob");
        assertThat(given.suiteGiven).isTrue();
        assertThat(given.split).contains(Half.VALIDATION);
        assertThat(given.functions).contains(List.of("f3", "branches"));
        assertThat(given.dimensions).contains(List.of(2, 5));
        assertThat(given.instances).contains(List.of(1));
        assertThat(given.samplers).containsExactly("tpe+gamma=0.15+multivariate=false",
                "tpe+gamma=0.2+multivariate=false", "random");
        assertThat(given.seeds).isEqualTo(5);
        assertThat(given.firstSeed).isEqualTo(20);
        assertThat(given.trials).isEqualTo(50);
        assertThat(given.objectives).containsExactly("com.acme.A", "com.acme.B");
        assertThat(given.classpath).isEqualTo("x:y.jar");
        assertThat(given.commit).isEqualTo("abc");
        assertThat(given.references).as("the user's, after benchmarks/run's").containsExactly(Path.of("c.json"));
        assertThat(given.out).isEqualTo(Path.of("b.json"));
    }

    @Test
    void aMistakenOptionNamesItAndTheKnownOnes() {
        assertThatThrownBy(() -> QualityBenchmark.Options.parse("--seed", "3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown option --seed; use --suite, --split, --functions, --dims, --instances, --samplers,"
                        + " --option, --seeds, --first-seed, --trials, --objective, --classpath, --reference, --out or"
                        + " --commit (--help describes them)");
        assertThatThrownBy(() -> QualityBenchmark.Options.parse("--dims", "1,2"))
                .hasMessage("--dims 1,2 must be whole numbers of at least 2, separated by commas, e.g. 2,3");
        assertThatThrownBy(() -> QualityBenchmark.Options.parse("--trials", "many"))
                .hasMessage("--trials many must be a whole number");
        assertThatThrownBy(() -> QualityBenchmark.Options.parse("--seeds", "2", "--trials"))
                .hasMessage("option --trials needs a value");
        assertThatThrownBy(() -> QualityBenchmark.Options.parse("--split", "test")).hasMessageContaining("train, validation or all");
        assertThatThrownBy(() -> QualityBenchmark.Options.parse("--option", "gamma=0.1")).hasMessageContaining("sampler.key=value");
    }

    @Test
    void helpPrintsEveryOptionWithItsDefault() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        QualityBenchmark.Options.COMMAND.showHelp(new PrintStream(printed, true, StandardCharsets.UTF_8));

        String help = printed.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        assertThat(help).startsWith("benchmarks/run quality [options]")
                .contains("--suite <public|bbob|mixint|real|all> the problems:")
                .contains("or all of them (default: public)")
                .contains("--seeds <N> seeds per problem and sampler (default: 20)")
                .contains("(default: " + String.join(",", Samplers.names()) + ")")
                .contains("--option <sampler.key=value>")
                .contains("--out <FILE> where the results' JSON is written (default: benchmarks/target/results/quality.json)");
    }
}

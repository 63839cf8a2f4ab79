package dev.tuner.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import joptsimple.OptionSpec;
import org.junit.jupiter.api.Test;

/** What every benchmark's options have in common: defaults, the last value winning, and the messages of mistakes. */
class CommandLineTest {

    private final CommandLine command = new CommandLine("benchmarks/run demo [options]: a demonstration");
    private final OptionSpec<Integer> seeds = command.number("seeds", "seeds per sampler", 20);
    private final OptionSpec<Integer> firstSeed = command.number("first-seed", "the first seed", 0);
    private final OptionSpec<Integer> child = command.number("child", "the child's size");
    private final OptionSpec<Double> maxMs = command.decimal("max-ms", "the longest proposal", 1000);
    private final OptionSpec<List<String>> samplers = command.list("samplers", "samplers to compare", List.of("tpe", "random"));
    private final OptionSpec<List<Integer>> dims = command.numbers("dims", "dimensions", 2);
    private final OptionSpec<String> option = command.repeatable("option", "key=value", "a sampler option");
    private final OptionSpec<String> jvmArgs = command.text("jvm-args", "ARGS", "the child JVM's options");
    private final OptionSpec<Path> out = command.out("demo.json");

    @Test
    void optionsNotGivenTakeTheirDefaults() {
        CommandLine.Values given = command.parse();

        assertThat(given.get(seeds)).isEqualTo(20);
        assertThat(given.get(maxMs)).isEqualTo(1000.0);
        assertThat(given.get(samplers)).containsExactly("tpe", "random");
        assertThat(given.get(out)).isEqualTo(Path.of("benchmarks/target/results/demo.json"));
        assertThat(given.find(child)).isEmpty();
        assertThat(given.find(dims)).isEmpty();
        assertThat(given.all(option)).isEmpty();
        assertThat(given.has(seeds)).isFalse();
    }

    @Test
    void theLastValueWinsExceptForRepeatableOptions() {
        CommandLine.Values given = command.parse("--out", "a.json", "--samplers", "tpe, gp,", "--seeds", "3",
                "--out", "b.json", "--samplers", "cmaes", "--option", "tpe.gamma=0.1", "--option=gp.x=1", "--seeds=4");

        assertThat(given.get(out)).as("benchmarks/run's --out gives way to the user's").isEqualTo(Path.of("b.json"));
        assertThat(given.get(samplers)).containsExactly("cmaes");
        assertThat(given.get(seeds)).isEqualTo(4);
        assertThat(given.has(seeds)).isTrue();
        assertThat(given.all(option)).containsExactly("tpe.gamma=0.1", "gp.x=1");
        assertThat(command.parse("--samplers", " tpe , gp,").get(samplers)).containsExactly("tpe", "gp");
    }

    @Test
    void aValueMayBeNegativeOrLookLikeAnOption() {
        CommandLine.Values given = command.parse("--first-seed", "-5", "--jvm-args", "-Xmx1g -XX:+UseSerialGC",
                "--dims", "2,5,10");

        assertThat(given.get(firstSeed)).isEqualTo(-5);
        assertThat(given.get(jvmArgs)).isEqualTo("-Xmx1g -XX:+UseSerialGC");
        assertThat(given.get(dims)).containsExactly(2, 5, 10);
    }

    @Test
    void anUnknownOptionNamesTheKnownOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> command.parse("--seeds", "2", "--trails", "10"))
                .withMessage("unknown option --trails; use --seeds, --first-seed, --child, --max-ms, --samplers, --dims,"
                        + " --option, --jvm-args or --out (--help describes them)");
        assertThatIllegalArgumentException().as("never abbreviated").isThrownBy(() -> command.parse("--seed", "2"))
                .withMessageStartingWith("unknown option --seed;");
        assertThatIllegalArgumentException().isThrownBy(() -> command.parse("-x"))
                .withMessageStartingWith("unknown option -x;");
        assertThatIllegalArgumentException().isThrownBy(() -> command.parse("--seeds", "2", "3"))
                .withMessageStartingWith("unexpected argument 3, not an option; use --seeds,");
    }

    @Test
    void aMissingOrMalformedValueNamesTheOption() {
        assertThatIllegalArgumentException().isThrownBy(() -> command.parse("--trials", "5", "--seeds"))
                .as("the first mistake").withMessageStartingWith("unknown option --trials");
        assertThatIllegalArgumentException().isThrownBy(() -> command.parse("--seeds"))
                .withMessage("option --seeds needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> command.parse("--seeds", "2x"))
                .withMessage("--seeds 2x must be a whole number");
        assertThatIllegalArgumentException().isThrownBy(() -> command.parse("--max-ms", "fast"))
                .withMessage("--max-ms fast must be a number");
        assertThatIllegalArgumentException().isThrownBy(() -> command.parse("--dims", "1,5"))
                .withMessage("--dims 1,5 must be whole numbers of at least 2, separated by commas, e.g. 2,3");
        assertThatIllegalArgumentException().isThrownBy(() -> command.parse("--dims", ","))
                .withMessageStartingWith("--dims , must be whole numbers");
    }

    @Test
    void helpListsEveryOptionWithItsValueAndDefault() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        command.showHelp(new PrintStream(printed, true, StandardCharsets.UTF_8));

        String help = printed.toString(StandardCharsets.UTF_8);
        assertThat(help).startsWith("benchmarks/run demo [options]: a demonstration" + System.lineSeparator());
        assertThat(help).containsPattern("--seeds <N> +seeds per sampler \\(default: 20\\)")
                .containsPattern("--samplers <a,b> +samplers to compare \\(default: tpe,random\\)")
                .containsPattern("--dims <N,N> +dimensions\\R")
                .containsPattern("--out <FILE> +where the results' JSON is written\\s+\\(default: benchmarks/target/results/demo.json\\)")
                .containsPattern("-h, --help +print these options");
        assertThat(help.lines().filter(line -> line.startsWith("  -")).map(line -> line.strip().split(" ")[0]))
                .as("in the order they were declared, --help last").containsExactly("--seeds", "--first-seed", "--child",
                        "--max-ms", "--samplers", "--dims", "--option", "--jvm-args", "--out", "-h,");
        assertThat(help.lines()).allMatch(line -> line.length() <= 110 && !line.endsWith(" "));
        assertThat(command.shouldHelp("--seeds", "2", "--help")).isTrue();
        assertThat(command.shouldHelp("-h")).isTrue();
        assertThat(command.shouldHelp("--seeds", "2")).isFalse();
    }
}

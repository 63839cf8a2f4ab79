package dev.tuner.benchmarks.speed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tuner.benchmarks.CommandLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import joptsimple.OptionSpec;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link ProposalBenchmark} (JMH), writes the results in the shape of
 * {@code shared/bench/speed.json} ({@code results[].{optimizer, n_history, median_s, min_s, max_s}},
 * optimizers {@code tuner_tpe} and {@code tuner_tpe_mv}) and prints them beside Optuna's figures.
 *
 * <pre>
 * benchmarks/run speed [--sizes 100,1000,3000,10000] [--large 100000]
 * benchmarks/run speed --sampler gp|cmaes|tpe|auto|random [--sizes 100,1000,10000] [--max-ms 1000] [--option key=value]
 * </pre>
 *
 * <p>With {@code --sampler}, any sampler {@code Samplers.create} knows is measured instead, fixed
 * history and grown, by {@link SamplerSpeed}.
 *
 * <p>{@code --large} adds one history size, in both modes, for the 100,000-trial target (the fork
 * runs in a 512 MB heap); 0 leaves it out.
 */
public final class SpeedBenchmark {

    static final CommandLine COMMAND = new CommandLine("benchmarks/run speed [options]: JMH, TPE's time to propose one"
            + " levy10 trial given N completed trials, univariate and multivariate; with --sampler, any sampler (below)");
    static final OptionSpec<List<Integer>> SIZES = COMMAND.numbers("sizes", "the history sizes N", 1,
            List.of(100, 1000, 3000, 10000));
    static final OptionSpec<Integer> LARGE = COMMAND.number("large",
            "one more size, for the 100,000-trial target (the fork runs in a 512 MB heap); 0 leaves it out", 100000);
    static final OptionSpec<Path> REFERENCE = COMMAND.file("reference", "Optuna's figures, printed beside ours",
            Path.of("benchmarks/reference/speed.json"));
    static final OptionSpec<Path> OUT = COMMAND.out("speed.json");

    private SpeedBenchmark() {}

    public static void main(String[] args) throws IOException, RunnerException {
        if (Arrays.stream(args).anyMatch(arg -> arg.equals("--sampler") || arg.startsWith("--sampler="))) {
            SamplerSpeed.main(args);
            return;
        }
        if (COMMAND.shouldHelp(args)) {
            COMMAND.showHelp(System.out);
            System.out.println();
            SamplerSpeed.Options.COMMAND.showHelp(System.out);
            return;
        }
        CommandLine.Values given = COMMAND.parse(args);
        Path reference = given.get(REFERENCE);
        Path out = given.get(OUT);
        List<Integer> sizes = new ArrayList<>(given.get(SIZES));
        if (given.get(LARGE) > 0) {
            sizes.add(given.get(LARGE));
        }
        Collection<RunResult> runs = new Runner(new OptionsBuilder()
                .include(ProposalBenchmark.class.getSimpleName())
                .param("history", sizes.stream().map(String::valueOf).toArray(String[]::new))
                .build()).run();

        List<Map<String, Object>> results = new ArrayList<>();
        for (RunResult run : runs) {
            Statistics statistics = run.getPrimaryResult().getStatistics();
            boolean multivariate = Boolean.parseBoolean(run.getParams().getParam("multivariate"));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("optimizer", multivariate ? "tuner_tpe_mv" : "tuner_tpe");
            row.put("n_history", Integer.parseInt(run.getParams().getParam("history")));
            row.put("reps", statistics.getN());
            // JMH measures in milliseconds here; the reference is in seconds
            row.put("median_s", statistics.getPercentile(50) / 1e3);
            row.put("mean_s", statistics.getMean() / 1e3);
            row.put("min_s", statistics.getMin() / 1e3);
            row.put("max_s", statistics.getMax() / 1e3);
            results.add(row);
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("space", "levy10 (10 x float uniform [-10,10])");
        meta.put("note", "JMH SampleTime; one proposal = the relative step plus every knob's proposal of a new trial");
        meta.put("git_commit", java.util.Optional.ofNullable(System.getenv("TUNER_GIT_COMMIT")).orElse("unknown"));
        meta.put("versions", Map.of("java", System.getProperty("java.version"), "cpu_count",
                Runtime.getRuntime().availableProcessors()));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("meta", meta);
        document.put("results", results);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.createDirectories(out.toAbsolutePath().getParent());
        json.writeValue(out.toFile(), document);

        JsonNode optuna = json.readTree(reference.toFile()).path("results");
        System.out.printf(Locale.ROOT, "%nMedian time to propose one levy10 trial (ms); ratio = Optuna's median / ours%n");
        System.out.printf(Locale.ROOT, "%-14s %8s %10s %10s %10s %12s%n", "optimizer", "N", "median", "min", "max",
                "vs optuna");
        Map<String, Double> headline = new LinkedHashMap<>();
        for (Map<String, Object> row : results) {
            String optimizer = (String) row.get("optimizer");
            int n = (Integer) row.get("n_history");
            double median = (Double) row.get("median_s");
            String anchor = optimizer.equals("tuner_tpe_mv") ? "optuna_tpe_mv" : "optuna_tpe";
            double theirs = Double.NaN;
            for (JsonNode r : optuna) {
                if (r.path("optimizer").asText().equals(anchor) && r.path("n_history").asInt() == n) {
                    theirs = r.path("median_s").asDouble();
                }
            }
            System.out.printf(Locale.ROOT, "%-14s %8d %10.3f %10.3f %10.3f %12s%n", optimizer, n, median * 1e3,
                    (Double) row.get("min_s") * 1e3, (Double) row.get("max_s") * 1e3,
                    Double.isNaN(theirs) ? "-" : String.format(Locale.ROOT, "%.0fx %s", theirs / median, anchor));
            String key = (optimizer.equals("tuner_tpe_mv") ? "mv" : "uni") + "_n" + n + "_ms";
            headline.put(key, median * 1e3);
        }
        StringBuilder line = new StringBuilder("RESULT speed");
        for (String key : List.of("uni_n1000_ms", "uni_n10000_ms", "mv_n1000_ms", "mv_n10000_ms")) {
            line.append(String.format(Locale.ROOT, " %s=%.3f", key, headline.getOrDefault(key, Double.NaN)));
        }
        double large100k = Math.max(headline.getOrDefault("uni_n100000_ms", Double.NaN),
                headline.getOrDefault("mv_n100000_ms", Double.NaN));
        line.append(String.format(Locale.ROOT, " n100000_ms=%.3f", large100k));
        System.out.println("results written to " + out);
        System.out.println(line);
    }
}

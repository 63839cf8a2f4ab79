package dev.tuner.benchmarks.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tuner.core.sampler.Samplers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Search quality: every function × sampler × seed, 100 trials each; writes the results in the
 * shape of {@code shared/bench/quality.json} (optimizers named {@code tuner_<sampler>}) and prints
 * them beside Optuna's and Hyperopt's figures with the score of the bench README.
 *
 * <pre>
 * benchmarks/run quality [--samplers random,tpe] [--seeds 20] [--first-seed 0] [--trials 100] [--functions quad1,branin]
 * </pre>
 *
 * <p>A sampler may carry options, {@code tpe+multivariate=false+candidates=48}, to compare variants.
 * {@code --first-seed 20} runs seeds 20..39: a check on seeds the defaults were not chosen on (the
 * reference figures stay those of seeds 0..19).
 *
 * <pre>
 * </pre>
 */
public final class QualityBenchmark {

    private static final List<Integer> CHECKPOINTS = List.of(10, 25, 50, 100);
    private static final List<String> SCORED = List.of("25", "50", "100");
    private static final List<String> REFERENCE_OPTIMIZERS =
            List.of("optuna_tpe", "optuna_tpe_mv", "hyperopt_tpe", "optuna_random");

    private QualityBenchmark() {}

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode reference = json.readTree(options.reference.toFile()).path("results");
        Scoreboard scoreboard = new Scoreboard(reference);
        QualityRun run = new QualityRun(options.trials, options.firstSeed, options.seeds, CHECKPOINTS);

        Map<String, Object> results = new LinkedHashMap<>();
        for (String functionName : options.functions) {
            BenchmarkFunction function = Functions.byName(functionName);
            Map<String, Object> optimizers = new LinkedHashMap<>();
            for (String sampler : options.samplers) {
                System.err.printf("quality: %s with %s over %d seeds%n", function.name(), sampler, options.seeds);
                optimizers.put("tuner_" + sampler, run.run(function, sampler));
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("optimum", function.optimum());
            entry.put("optimizers", optimizers);
            results.put(function.name(), entry);
        }

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("meta", meta(options));
        document.put("checkpoints", CHECKPOINTS);
        document.put("results", results);
        Files.createDirectories(options.out.toAbsolutePath().getParent());
        json.writeValue(options.out.toFile(), document);

        printTable(System.out, json.valueToTree(results), scoreboard, options);
        System.out.println("results written to " + options.out);
    }

    private static Map<String, Object> meta(Options options) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String sampler : options.samplers) {
            settings.put("tuner_" + sampler, "Samplers.create(\"" + sampler + "\", seed=s), defaults");
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("budget", options.trials);
        meta.put("seeds_requested", options.seeds);
        meta.put("first_seed", options.firstSeed);
        meta.put("versions", Map.of("java", System.getProperty("java.version"), "tuner", "0.1.0-SNAPSHOT"));
        meta.put("optimizer_settings", settings);
        return meta;
    }

    private static void printTable(PrintStream out, JsonNode ours, Scoreboard scoreboard, Options options) {
        List<String> columns = new ArrayList<>();
        options.samplers.forEach(sampler -> columns.add("tuner_" + sampler));
        out.printf(Locale.ROOT, "%nMedian best value at 100 trials (r = median gap / best Optuna TPE gap)%n");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-13s %12s", "function", "optimum"));
        columns.forEach(column -> header.append(String.format(Locale.ROOT, " %14s %7s", column, "r@100")));
        REFERENCE_OPTIMIZERS.forEach(column -> header.append(String.format(Locale.ROOT, " %14s", column)));
        out.println(header);
        for (String function : options.functions) {
            JsonNode entry = ours.path(function);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-13s %12.6g", function,
                    entry.path("optimum").asDouble()));
            for (String column : columns) {
                JsonNode stats = entry.path("optimizers").path(column).path("checkpoints").path("100");
                double ratio = scoreboard.ratio(function, "100", stats.path("median_gap_to_optimum").asDouble());
                row.append(String.format(Locale.ROOT, " %14.6g %7.2f", stats.path("median").asDouble(), ratio));
            }
            for (String column : REFERENCE_OPTIMIZERS) {
                double optimum = entry.path("optimum").asDouble();
                row.append(String.format(Locale.ROOT, " %14.6g",
                        optimum + scoreboard.referenceGap(function, column, "100")));
            }
            out.println(row);
        }

        out.printf(Locale.ROOT, "%nScore (geometric mean of r; lower is better; target for the default sampler <= 0.8)%n");
        out.printf(Locale.ROOT, "%-16s %8s %8s %8s%n", "optimizer", "@25", "@50", "@100");
        List<String> results = new ArrayList<>();
        for (String column : columns) {
            double[] scores = SCORED.stream().mapToDouble(checkpoint -> {
                List<Double> ratios = new ArrayList<>();
                for (String function : options.functions) {
                    JsonNode stats = ours.path(function).path("optimizers").path(column).path("checkpoints")
                            .path(checkpoint);
                    ratios.add(scoreboard.ratio(function, checkpoint, stats.path("median_gap_to_optimum").asDouble()));
                }
                return Scoreboard.geometricMean(ratios);
            }).toArray();
            out.printf(Locale.ROOT, "%-16s %8.2f %8.2f %8.2f%n", column, scores[0], scores[1], scores[2]);
            double maxRatio = 0;
            for (String function : options.functions) {
                JsonNode stats = ours.path(function).path("optimizers").path(column).path("checkpoints").path("100");
                maxRatio = Math.max(maxRatio,
                        scoreboard.ratio(function, "100", stats.path("median_gap_to_optimum").asDouble()));
            }
            results.add(String.format(Locale.ROOT, "sampler=%s score25=%.3f score50=%.3f score100=%.3f maxr100=%.3f",
                    column.substring("tuner_".length()), scores[0], scores[1], scores[2], maxRatio));
        }
        for (String optimizer : REFERENCE_OPTIMIZERS) {
            double[] scores = SCORED.stream()
                    .mapToDouble(checkpoint -> scoreboard.referenceScore(options.functions, optimizer, checkpoint))
                    .toArray();
            out.printf(Locale.ROOT, "%-16s %8.2f %8.2f %8.2f   (reference)%n", optimizer, scores[0], scores[1],
                    scores[2]);
        }
        results.forEach(line -> out.println("RESULT quality " + line));
    }

    /** Command-line options. */
    private static final class Options {
        List<String> samplers = Samplers.names();
        List<String> functions = Functions.all().stream().map(BenchmarkFunction::name).toList();
        int seeds = 20;
        int firstSeed = 0;
        int trials = 100;
        Path reference = Path.of("../shared/bench/quality.json");
        Path out = Path.of("benchmarks/target/results/quality.json");

        static Options parse(String[] args) {
            Options options = new Options();
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + args[i] + " needs a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--samplers" -> options.samplers = Arrays.asList(value.split(","));
                    case "--functions" -> options.functions = Arrays.asList(value.split(","));
                    case "--seeds" -> options.seeds = Integer.parseInt(value);
                    case "--first-seed" -> options.firstSeed = Integer.parseInt(value);
                    case "--trials" -> options.trials = Integer.parseInt(value);
                    case "--reference" -> options.reference = Path.of(value);
                    case "--out" -> options.out = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; use --samplers, --functions, --seeds, --first-seed, --trials, --reference or --out");
                }
            }
            if (options.trials < CHECKPOINTS.get(CHECKPOINTS.size() - 1)) {
                throw new IllegalArgumentException("--trials must be at least " + CHECKPOINTS.get(CHECKPOINTS.size() - 1)
                        + ", the last checkpoint");
            }
            return options;
        }
    }
}

package dev.tuner.benchmarks.svm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tuner.Direction;
import dev.tuner.benchmarks.CommandLine;
import dev.tuner.core.sampler.Samplers;
import dev.tuner.core.space.Scale;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialState;
import dev.tuner.examples.data.Dataset;
import dev.tuner.examples.data.Datasets;
import dev.tuner.examples.svm.RbfSvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import joptsimple.OptionSpec;

/**
 * The real-data benchmark of {@code shared/bench/README.md}: an RBF SVM on digits, C log-uniform
 * in [1e-3, 1e3] and gamma log-uniform in [1e-6, 1e1], maximize validation accuracy, 10 seeds × 50
 * trials per sampler. Writes JSON in the shape of {@code svm_digits.json} and prints the median
 * best accuracy at 10, 20, 30 and 50 trials beside Optuna's.
 *
 * <pre>
 * benchmarks/run svm-digits [--samplers random] [--seeds 10] [--trials 50]
 * </pre>
 */
public final class SvmDigitsBenchmark {

    private static final List<Integer> CHECKPOINTS = List.of(10, 20, 30, 50);

    static final CommandLine COMMAND = new CommandLine("benchmarks/run svm-digits [options]: an RBF SVM on digits"
            + " (C and gamma), the median best validation accuracy beside Optuna's TPE");
    static final OptionSpec<List<String>> SAMPLERS = COMMAND.list("samplers", "the samplers compared", Samplers.names());
    static final OptionSpec<Integer> SEEDS = COMMAND.number("seeds", "seeds 0..N-1 per sampler", 10);
    static final OptionSpec<Integer> TRIALS = COMMAND.number("trials", "trials per study", 50);
    static final OptionSpec<Path> REFERENCE = COMMAND.file("reference", "Optuna's figures, printed beside ours",
            Path.of("benchmarks/reference/svm_digits.json"));
    static final OptionSpec<Path> OUT = COMMAND.out("svm_digits.json");

    private SvmDigitsBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (COMMAND.shouldHelp(args)) {
            COMMAND.showHelp(System.out);
            return;
        }
        CommandLine.Values given = COMMAND.parse(args);
        List<String> samplers = given.get(SAMPLERS);
        int seeds = given.get(SEEDS);
        int trials = given.get(TRIALS);
        Path reference = given.get(REFERENCE);
        Path out = given.get(OUT);
        Dataset digits = Datasets.digits();
        List<Map<String, Object>> runs = new ArrayList<>();
        Map<String, Object> summary = new LinkedHashMap<>();
        long started = System.nanoTime();
        for (String sampler : samplers) {
            List<double[]> bestSoFar = new ArrayList<>();
            for (int seed = 0; seed < seeds; seed++) {
                System.err.printf("svm-digits: %s seed %d%n", sampler, seed);
                Map<String, Object> run = run(digits, sampler, seed, trials);
                runs.add(run);
                bestSoFar.add(bestSoFar((double[]) run.get("values")));
            }
            summary.put(sampler, checkpointSummary(bestSoFar, trials));
        }

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("objective", "svm_digits");
        document.put("space", Map.of("C", "float log-uniform [1e-3, 1e3]", "gamma", "float log-uniform [1e-6, 1e1]"));
        document.put("n_trials", trials);
        document.put("seeds", java.util.stream.IntStream.range(0, seeds).toArray());
        document.put("direction", "maximize");
        document.put("metric", "validation accuracy (fixed split column in shared CSV)");
        document.put("versions", Map.of("java", System.getProperty("java.version"), "libsvm", "3.25"));
        document.put("git_commit", java.util.Optional.ofNullable(System.getenv("TUNER_GIT_COMMIT")).orElse("unknown"));
        document.put("best_so_far_summary", summary);
        document.put("total_wall_s", (System.nanoTime() - started) / 1e9);
        document.put("runs", runs);
        Files.createDirectories(out.toAbsolutePath().getParent());
        json.writeValue(out.toFile(), document);

        JsonNode optuna = Files.exists(reference)
                ? json.readTree(reference.toFile()).path("best_so_far_summary")
                : json.createObjectNode();
        System.out.printf(Locale.ROOT, "%nMedian best validation accuracy over %d seeds%n", seeds);
        System.out.printf(Locale.ROOT, "%-14s %8s %8s %8s %8s%n", "sampler", "@10", "@20", "@30", "@50");
        JsonNode ours = json.valueToTree(summary);
        ours.properties().forEach(entry -> printRow("tuner_" + entry.getKey(), entry.getValue()));
        optuna.properties().forEach(entry -> printRow("optuna_" + entry.getKey(), entry.getValue()));
        System.out.println("results written to " + out);
        String headline = summary.containsKey(Samplers.DEFAULT) ? Samplers.DEFAULT : samplers.get(0);
        JsonNode medians = ours.path(headline);
        System.out.printf(Locale.ROOT, "RESULT svm-digits sampler=%s median_at10=%.4f median_at20=%.4f median_at30=%.4f%n",
                headline, medians.path("10").path("median").asDouble(), medians.path("20").path("median").asDouble(),
                medians.path("30").path("median").asDouble());
    }

    private static void printRow(String name, JsonNode byCheckpoint) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-14s", name));
        for (int checkpoint : CHECKPOINTS) {
            JsonNode median = byCheckpoint.path(String.valueOf(checkpoint)).path("median");
            row.append(median.isMissingNode() ? String.format("%9s", "-")
                    : String.format(Locale.ROOT, " %8.4f", median.asDouble()));
        }
        System.out.println(row);
    }

    static Map<String, Object> run(Dataset digits, String sampler, long seed, int trials) {
        Study study = Study.builder("svm-digits")
                .direction(Direction.MAXIMIZE)
                .sampler(Samplers.create(sampler, seed))
                .storage(new InMemoryStorage())
                .build();
        study.optimize(trial -> RbfSvm.validationAccuracy(digits,
                trial.suggestFloat("C", 1e-3, 1e3, Scale.LOG),
                trial.suggestFloat("gamma", 1e-6, 1e1, Scale.LOG)), trials);
        List<FrozenTrial> done = study.trials();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("sampler", sampler);
        run.put("seed", seed);
        run.put("values", done.stream()
                .mapToDouble(trial -> trial.state() == TrialState.COMPLETE ? trial.value().getAsDouble() : 0)
                .toArray());
        run.put("params", done.stream().map(trial -> Map.of(
                "C", trial.params().get("C"), "gamma", trial.params().get("gamma"))).toList());
        return run;
    }

    static double[] bestSoFar(double[] values) {
        double[] best = new double[values.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            max = Math.max(max, values[i]);
            best[i] = max;
        }
        return best;
    }

    static Map<String, Object> checkpointSummary(List<double[]> bestSoFar, int trials) {
        Map<String, Object> summary = new LinkedHashMap<>();
        for (int checkpoint : CHECKPOINTS) {
            if (checkpoint > trials) {
                continue;
            }
            double[] values = bestSoFar.stream().mapToDouble(trace -> trace[checkpoint - 1]).sorted().toArray();
            Map<String, Object> stats = new LinkedHashMap<>();
            stats.put("median", median(values));
            stats.put("min", values[0]);
            stats.put("max", values[values.length - 1]);
            stats.put("mean", Arrays.stream(values).average().orElse(Double.NaN));
            summary.put(String.valueOf(checkpoint), stats);
        }
        return summary;
    }

    static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

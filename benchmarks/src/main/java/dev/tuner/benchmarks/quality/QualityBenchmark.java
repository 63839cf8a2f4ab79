package dev.tuner.benchmarks.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tuner.Direction;
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
 *                        [--objective com.acme.MyProblems,com.acme.More] [--classpath dir:jar]
 * </pre>
 *
 * <p>{@code --objective} runs every {@code @Tune} method of each named class as a problem
 * {@code <SimpleClass>.<method>} (see {@link ObjectiveClasses}: space from Tuner's annotations,
 * direction from {@code @Tune}, optimum from a static field {@code OPTIMUM_<method>} if declared);
 * alone it replaces the suite, with {@code --functions} it runs beside the named functions. Such a
 * problem gets r, and counts in the score, only when its optimum is known and the reference has
 * Optuna's figures for it; a run with no scored problem ends {@code RESULT quality sampler=… scored=0}.
 * Without suite functions, {@code --trials} may be below 100: the checkpoints are those reached,
 * then the budget.
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
        run(args, System.out);
    }

    /** Runs the benchmark the options ask for, prints the table to {@code out}; returns where the JSON went. */
    static Path run(String[] args, PrintStream out) throws IOException {
        Options options = Options.parse(args);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode reference = json.readTree(options.reference.toFile()).path("results");
        Scoreboard scoreboard = new Scoreboard(reference);
        List<Integer> checkpoints = checkpoints(options.trials);
        QualityRun run = new QualityRun(options.trials, options.firstSeed, options.seeds, checkpoints);

        List<Problem> problems = new ArrayList<>();
        options.functions.forEach(name -> problems.add(Problem.of(Functions.byName(name))));
        List<Problem> objectives = ObjectiveClasses.problems(options.objectives, options.classpath);
        problems.addAll(objectives);

        Map<String, Object> results = new LinkedHashMap<>();
        for (Problem problem : problems) {
            Map<String, Object> optimizers = new LinkedHashMap<>();
            for (String sampler : options.samplers) {
                System.err.printf("quality: %s with %s over %d seeds%n", problem.name(), sampler, options.seeds);
                optimizers.put("tuner_" + sampler, run.run(problem, sampler));
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("optimum", problem.optimum().isPresent() ? problem.optimum().getAsDouble() : null);
            if (objectives.contains(problem)) {
                entry.put("direction", problem.direction().name().toLowerCase(Locale.ROOT));
            }
            entry.put("optimizers", optimizers);
            results.put(problem.name(), entry);
        }

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("meta", meta(options));
        document.put("checkpoints", checkpoints);
        document.put("results", results);
        Files.createDirectories(options.out.toAbsolutePath().getParent());
        json.writeValue(options.out.toFile(), document);

        Table table = new Table(json.valueToTree(results), scoreboard, options, problems, options.functions.size(),
                checkpoints);
        table.print(out);
        out.println("results written to " + options.out);
        return options.out;
    }

    /**
     * The checkpoints of a run: 10, 25, 50, 100; a run of fewer than 100 trials (objective classes
     * only) keeps those it reaches and ends with its budget.
     */
    static List<Integer> checkpoints(int trials) {
        List<Integer> checkpoints = new ArrayList<>(CHECKPOINTS.stream().filter(c -> c <= trials).toList());
        if (checkpoints.isEmpty() || checkpoints.get(checkpoints.size() - 1) < Math.min(trials, 100)) {
            checkpoints.add(trials);
        }
        return List.copyOf(checkpoints);
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
        if (!options.objectives.isEmpty()) {
            meta.put("objective_classes", options.objectives);
        }
        return meta;
    }

    /**
     * The printed table and score. The suite's functions always get r (the reference must have
     * them); an objective class's problem gets r only when its optimum is known and the reference
     * has Optuna's TPE figures under its name, and only then counts in the score.
     */
    private record Table(JsonNode ours, Scoreboard scoreboard, Options options, List<Problem> problems,
            int suiteFunctions, List<Integer> checkpoints) {

        private boolean hasRatio(int index, String checkpoint) {
            Problem problem = problems.get(index);
            return index < suiteFunctions || (problem.optimum().isPresent()
                    && checkpoints.contains(Integer.valueOf(checkpoint)) && scoreboard.scores(problem.name(), checkpoint));
        }

        private double ratio(String column, String function, String checkpoint) {
            JsonNode stats = ours.path(function).path("optimizers").path(column).path("checkpoints").path(checkpoint);
            return scoreboard.ratio(function, checkpoint, stats.path("median_gap_to_optimum").asDouble());
        }

        void print(PrintStream out) {
            String last = String.valueOf(checkpoints.get(checkpoints.size() - 1));
            List<String> columns = new ArrayList<>();
            options.samplers.forEach(sampler -> columns.add("tuner_" + sampler));
            int width = Math.max(13, problems.stream().mapToInt(problem -> problem.name().length()).max().orElse(0));
            out.printf(Locale.ROOT, "%nMedian best value at %s trials (r = median gap / best Optuna TPE gap)%n", last);
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s %12s", "function",
                    "optimum"));
            columns.forEach(column -> header.append(String.format(Locale.ROOT, " %14s %7s", column, "r@" + last)));
            REFERENCE_OPTIMIZERS.forEach(column -> header.append(String.format(Locale.ROOT, " %14s", column)));
            out.println(header);
            for (int index = 0; index < problems.size(); index++) {
                Problem problem = problems.get(index);
                String function = problem.name();
                JsonNode entry = ours.path(function);
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", function));
                row.append(problem.optimum().isPresent()
                        ? String.format(Locale.ROOT, " %12.6g", problem.optimum().getAsDouble())
                        : String.format(Locale.ROOT, " %12s", "-"));
                for (String column : columns) {
                    JsonNode stats = entry.path("optimizers").path(column).path("checkpoints").path(last);
                    row.append(String.format(Locale.ROOT, " %14.6g", stats.path("median").asDouble()));
                    row.append(hasRatio(index, last)
                            ? String.format(Locale.ROOT, " %7.2f", ratio(column, function, last))
                            : String.format(Locale.ROOT, " %7s", "-"));
                }
                for (String column : REFERENCE_OPTIMIZERS) {
                    if (problem.optimum().isPresent()
                            && (index < suiteFunctions || scoreboard.hasGap(function, column, last))) {
                        double gap = scoreboard.referenceGap(function, column, last);
                        double optimum = problem.optimum().getAsDouble();
                        row.append(String.format(Locale.ROOT, " %14.6g",
                                problem.direction() == Direction.MAXIMIZE ? optimum - gap : optimum + gap));
                    } else {
                        row.append(String.format(Locale.ROOT, " %14s", "-"));
                    }
                }
                out.println(row);
            }

            List<String> scored = new ArrayList<>();
            for (int index = 0; index < problems.size(); index++) {
                final int i = index;
                if (SCORED.stream().allMatch(checkpoint -> hasRatio(i, checkpoint))) {
                    scored.add(problems.get(index).name());
                }
            }
            if (scored.isEmpty()) {
                out.printf(Locale.ROOT, "%nNo score: no problem has both a known optimum and Optuna's figures in the "
                        + "reference at 25, 50 and 100 trials%n");
                columns.forEach(column -> out.println("RESULT quality sampler=" + column.substring("tuner_".length())
                        + " scored=0"));
                return;
            }
            if (scored.size() < problems.size()) {
                out.printf(Locale.ROOT, "%nScored on %d of %d problems (the others have no known optimum or no "
                        + "Optuna reference)", scored.size(), problems.size());
            }
            out.printf(Locale.ROOT, "%nScore (geometric mean of r; lower is better; target for the default sampler <= 0.8)%n");
            out.printf(Locale.ROOT, "%-16s %8s %8s %8s%n", "optimizer", "@25", "@50", "@100");
            List<String> results = new ArrayList<>();
            for (String column : columns) {
                double[] scores = SCORED.stream().mapToDouble(checkpoint -> {
                    List<Double> ratios = new ArrayList<>();
                    for (String function : scored) {
                        ratios.add(ratio(column, function, checkpoint));
                    }
                    return Scoreboard.geometricMean(ratios);
                }).toArray();
                out.printf(Locale.ROOT, "%-16s %8.2f %8.2f %8.2f%n", column, scores[0], scores[1], scores[2]);
                double maxRatio = 0;
                for (String function : scored) {
                    maxRatio = Math.max(maxRatio, ratio(column, function, "100"));
                }
                results.add(String.format(Locale.ROOT, "sampler=%s score25=%.3f score50=%.3f score100=%.3f maxr100=%.3f",
                        column.substring("tuner_".length()), scores[0], scores[1], scores[2], maxRatio));
            }
            for (String optimizer : REFERENCE_OPTIMIZERS) {
                boolean complete = scored.stream().allMatch(function -> SCORED.stream()
                        .allMatch(checkpoint -> scoreboard.hasGap(function, optimizer, checkpoint)));
                if (!complete) {
                    continue;
                }
                double[] scores = SCORED.stream()
                        .mapToDouble(checkpoint -> scoreboard.referenceScore(scored, optimizer, checkpoint))
                        .toArray();
                out.printf(Locale.ROOT, "%-16s %8.2f %8.2f %8.2f   (reference)%n", optimizer, scores[0], scores[1],
                        scores[2]);
            }
            results.forEach(line -> out.println("RESULT quality " + line));
        }
    }

    /** Command-line options. */
    private static final class Options {
        List<String> samplers = Samplers.names();
        List<String> functions = Functions.all().stream().map(BenchmarkFunction::name).toList();
        List<String> objectives = List.of();
        String classpath = "";
        int seeds = 20;
        int firstSeed = 0;
        int trials = 100;
        Path reference = Path.of("../shared/bench/quality.json");
        Path out = Path.of("benchmarks/target/results/quality.json");

        static Options parse(String[] args) {
            Options options = new Options();
            boolean functionsGiven = false;
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + args[i] + " needs a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--samplers" -> options.samplers = Arrays.asList(value.split(","));
                    case "--functions" -> {
                        options.functions = Arrays.asList(value.split(","));
                        functionsGiven = true;
                    }
                    case "--objective" -> options.objectives = Arrays.stream(value.split(","))
                            .map(String::strip).filter(name -> !name.isEmpty()).toList();
                    case "--classpath" -> options.classpath = value;
                    case "--seeds" -> options.seeds = Integer.parseInt(value);
                    case "--first-seed" -> options.firstSeed = Integer.parseInt(value);
                    case "--trials" -> options.trials = Integer.parseInt(value);
                    case "--reference" -> options.reference = Path.of(value);
                    case "--out" -> options.out = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; use --samplers, --functions, --objective, --classpath, --seeds, --first-seed, --trials, --reference or --out");
                }
            }
            if (!options.objectives.isEmpty() && !functionsGiven) {
                // --objective alone replaces the suite; with --functions it runs beside it
                options.functions = List.of();
            }
            if (!options.functions.isEmpty() && options.trials < CHECKPOINTS.get(CHECKPOINTS.size() - 1)) {
                throw new IllegalArgumentException("--trials must be at least " + CHECKPOINTS.get(CHECKPOINTS.size() - 1)
                        + ", the last checkpoint");
            }
            if (options.trials < 1 || options.seeds < 1) {
                throw new IllegalArgumentException("--trials and --seeds must be at least 1");
            }
            return options;
        }
    }
}

package dev.tuner.benchmarks.mo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tuner.benchmarks.CommandLine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import joptsimple.OptionSpec;

/**
 * The multi-objective benchmark of {@code shared/bench/mo.md}: each problem × optimizer × seed for
 * 200 trials; at 50, 100 and 200 trials the hypervolume ratios and IGD of the feasible
 * non-dominated set. Writes JSON in the shape of {@code mo_quality.json} (our optimizers named
 * {@code tuner_<name>}), prints the median {@code hv_ratio_wide} beside Optuna's, the score against
 * Optuna's best, whether every seed of each constrained problem was feasible by trial 50, and per
 * optimizer {@code RESULT mo ratio50=… min100=… min200=… optimizer=…}.
 *
 * <pre>
 * benchmarks/run mo [--suite public|training|all] [--problems zdt1,bnh] [--optimizers study:tpe,random]
 *                   [--seeds 10] [--trials 200]
 * </pre>
 */
public final class MoBenchmark {

    static final List<Integer> CHECKPOINTS = List.of(50, 100, 200);
    private static final int FEASIBLE_BY = 50;

    static final CommandLine COMMAND = new CommandLine("benchmarks/run mo [options]: the multi-objective and"
            + " constrained problems of shared/bench/mo.md, hypervolume ratio and IGD at 50, 100 and 200 trials,"
            + " scored against Optuna 5's best (mo_quality.json)");
    static final OptionSpec<String> SUITE = COMMAND.text("suite", "public|training|all",
            "public: the test problems of mo.md, scored against Optuna; training: problems outside it, to choose"
                    + " defaults on (MoTrainingProblems)", "public");
    static final OptionSpec<List<String>> PROBLEMS = COMMAND.list("problems",
            "narrows the suite to these problems, by name (default: all of the suite's)");
    static final OptionSpec<List<String>> OPTIMIZERS = COMMAND.list("optimizers",
            "the optimizers compared; the first one's score is the headline", MoOptimizers.NAMES);
    static final OptionSpec<Integer> SEEDS = COMMAND.number("seeds", "seeds 0..N-1 per problem and optimizer", 10);
    static final OptionSpec<Integer> TRIALS = COMMAND.number("trials", "trials per run", 200);
    static final OptionSpec<Path> REFERENCE = COMMAND.file("reference", "Optuna's figures (mo_quality.json)",
            Path.of("benchmarks/reference/mo_quality.json"));
    static final OptionSpec<Path> OUT = COMMAND.out("mo.json");
    static final OptionSpec<String> COMMIT = COMMAND.commit();

    private MoBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (COMMAND.shouldHelp(args)) {
            COMMAND.showHelp(System.out);
            return;
        }
        run(COMMAND.parse(args), System.out, String.join(" ", args));
    }

    static void run(CommandLine.Values given, PrintStream out, String command) throws IOException {
        List<MoProblem> problems = problems(given.get(SUITE), given.find(PROBLEMS).orElse(List.of()));
        List<String> optimizers = given.get(OPTIMIZERS);
        optimizers.forEach(name -> MoOptimizers.create(name, 0)); // an unknown name fails before any run
        int seeds = given.get(SEEDS);
        int trials = given.get(TRIALS);
        if (seeds < 1 || trials < 1) {
            throw new IllegalArgumentException("--seeds " + seeds + " --trials " + trials + ": give at least 1 of each");
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path referenceFile = given.get(REFERENCE);
        JsonNode reference = Files.exists(referenceFile)
                ? json.readTree(referenceFile.toFile()).path("results") : json.createObjectNode();
        List<Integer> seedList = IntStream.range(0, seeds).boxed().toList();

        Map<String, Object> results = new LinkedHashMap<>();
        Map<String, Map<String, Map<Integer, Double>>> medians = new LinkedHashMap<>();
        Map<String, Map<String, String>> feasibleBy50 = new LinkedHashMap<>();
        List<String> proposalTimes = new ArrayList<>();
        for (MoProblem problem : problems) {
            Map<String, Object> byOptimizer = new LinkedHashMap<>();
            for (String optimizer : optimizers) {
                System.err.printf("mo: %s %s, %d seeds%n", problem.name(), optimizer, seeds);
                List<MoRun> runs = new ArrayList<>();
                for (int seed : seedList) {
                    runs.add(MoRun.of(problem, MoOptimizers.create(optimizer, seed), trials, CHECKPOINTS));
                }
                Map<String, Object> summary = MoSummary.of(seedList, trials, runs);
                byOptimizer.put("tuner_" + optimizer, summary);
                Map<Integer, Double> byCheckpoint = new LinkedHashMap<>();
                runs.get(0).metrics().keySet().forEach(checkpoint -> byCheckpoint.put(checkpoint,
                        MoSummary.quantile(runs.stream().mapToDouble(run -> run.metrics().get(checkpoint).hvRatioWide())
                                .toArray(), 50)));
                medians.computeIfAbsent(optimizer, o -> new LinkedHashMap<>()).put(problem.name(), byCheckpoint);
                StringBuilder timing = new StringBuilder();
                runs.get(0).proposalMillis().keySet().forEach(checkpoint -> timing.append(timing.isEmpty() ? "" : " / ")
                        .append(String.format(java.util.Locale.ROOT, "%.1f", MoSummary.quantile(runs.stream()
                                .mapToDouble(run -> run.proposalMillis().get(checkpoint)).toArray(), 50))));
                proposalTimes.add(String.format("proposal ms at %s trials (median of seeds; mean of the %d proposals"
                        + " up to each): %s %s: %s", runs.get(0).proposalMillis().keySet(), MoRun.TIMED_PROPOSALS,
                        problem.name(), optimizer, timing));
                if (problem.constraints() > 0) {
                    long feasible = runs.stream().filter(run -> run.firstFeasible() > 0 && run.firstFeasible() <= FEASIBLE_BY)
                            .count();
                    feasibleBy50.computeIfAbsent(optimizer, o -> new LinkedHashMap<>())
                            .put(problem.name(), feasible + "/" + seeds);
                }
            }
            results.put(problem.name(), byOptimizer);
        }

        Map<String, MoScores> scores = new LinkedHashMap<>();
        medians.forEach((optimizer, byProblem) -> scores.put(optimizer, MoScores.of(byProblem, reference)));

        Map<String, Object> document = new LinkedHashMap<>();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("java", System.getProperty("java.version"));
        meta.put("checkpoints", CHECKPOINTS);
        meta.put("command", "benchmarks/run mo " + command);
        meta.put("generated_utc", Instant.now().toString());
        meta.put("git_commit", given.get(COMMIT));
        document.put("meta", meta);
        document.put("problems", describe(problems));
        document.put("results", results);
        Map<String, Object> scoreDocument = new LinkedHashMap<>();
        scores.forEach((optimizer, score) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("per_problem", score.ratios());
            entry.put("ratio50", score.geometricMean(50).isPresent() ? score.geometricMean(50).getAsDouble() : null);
            entry.put("min100", score.min(100).isPresent() ? score.min(100).getAsDouble() : null);
            entry.put("min200", score.min(200).isPresent() ? score.min(200).getAsDouble() : null);
            entry.put("feasible_by_trial_50", feasibleBy50.getOrDefault(optimizer, Map.of()));
            scoreDocument.put("tuner_" + optimizer, entry);
        });
        document.put("scores", scoreDocument);
        Path outFile = given.get(OUT);
        Files.createDirectories(outFile.toAbsolutePath().getParent());
        json.writeValue(outFile.toFile(), document);

        printTable(out, problems, optimizers, medians, scores, reference, seeds);
        proposalTimes.forEach(out::println);
        feasibleBy50.forEach((optimizer, byProblem) -> out.printf("feasible by trial %d in every seed (%s): %s%n",
                FEASIBLE_BY, optimizer, byProblem));
        out.println("results written to " + outFile);
        scores.forEach((optimizer, score) -> out.println(score.resultLine(optimizer)));
        medians.forEach((optimizer, byProblem) -> out.println(unscoredLine(optimizer, byProblem, reference)));
    }

    /**
     * The problems Optuna's figures do not cover (the training suite) in one line: the geometric mean
     * over them of the median {@code hv_ratio_wide} at each checkpoint, to compare optimizers and
     * options by.
     */
    static String unscoredLine(String optimizer, Map<String, Map<Integer, Double>> byProblem, JsonNode reference) {
        StringBuilder line = new StringBuilder("RESULT mo-unscored");
        int problems = 0;
        for (int checkpoint : CHECKPOINTS) {
            double logSum = 0;
            int count = 0;
            for (Map.Entry<String, Map<Integer, Double>> entry : byProblem.entrySet()) {
                Double median = entry.getValue().get(checkpoint);
                if (!reference.has(entry.getKey()) && median != null) {
                    logSum += Math.log(Math.max(median, 1e-9));
                    count++;
                }
            }
            problems = Math.max(problems, count);
            line.append(String.format(Locale.ROOT, " gmean%d=%s", checkpoint,
                    count == 0 ? "n/a" : String.format(Locale.ROOT, "%.3f", Math.exp(logSum / count))));
        }
        return line.append(" problems=").append(problems).append(" optimizer=").append(optimizer).toString();
    }

    /** The suite's problems, narrowed to {@code names} when any are given. */
    static List<MoProblem> problems(String suite, List<String> names) {
        List<MoProblem> inSuite = switch (suite) {
            case "public" -> MoProblems.all();
            case "training" -> MoTrainingProblems.all();
            case "all" -> {
                List<MoProblem> both = new ArrayList<>(MoProblems.all());
                both.addAll(MoTrainingProblems.all());
                yield both;
            }
            default -> throw new IllegalArgumentException("--suite " + suite + " is not a suite; use public, training or all");
        };
        if (names.isEmpty()) {
            return inSuite;
        }
        List<MoProblem> chosen = new ArrayList<>();
        for (String name : names) {
            chosen.add(inSuite.stream().filter(problem -> problem.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--problems " + name + " is not in --suite " + suite
                            + "; its problems are " + inSuite.stream().map(MoProblem::name).toList())));
        }
        return chosen;
    }

    private static void printTable(PrintStream out, List<MoProblem> problems, List<String> optimizers,
            Map<String, Map<String, Map<Integer, Double>>> medians, Map<String, MoScores> scores, JsonNode reference,
            int seeds) {
        out.printf(Locale.ROOT, "%nMedian hv_ratio_wide at 50 / 100 / 200 trials (ours: %d seeds; Optuna 5: 10 seeds)%n", seeds);
        List<String> columns = new ArrayList<>();
        optimizers.forEach(optimizer -> columns.add("tuner_" + optimizer));
        columns.addAll(List.of("optuna tpe", "optuna nsga2", "optuna random"));
        optimizers.forEach(optimizer -> columns.add("score " + optimizer));
        StringBuilder head = new StringBuilder(String.format("%-12s", "problem"));
        columns.forEach(column -> head.append(String.format(" %-21s", column)));
        out.println(head);
        for (MoProblem problem : problems) {
            StringBuilder row = new StringBuilder(String.format("%-12s", problem.name()));
            for (String optimizer : optimizers) {
                row.append(String.format(" %-21s", triple(medians.get(optimizer).get(problem.name()))));
            }
            for (String peer : List.of("tpe", "nsga2", "random")) {
                Map<Integer, Double> theirs = new LinkedHashMap<>();
                for (int checkpoint : CHECKPOINTS) {
                    JsonNode median = reference.path(problem.name()).path(peer).path("checkpoints")
                            .path(String.valueOf(checkpoint)).path("hv_ratio_wide").path("median");
                    if (median.isNumber()) {
                        theirs.put(checkpoint, median.doubleValue());
                    }
                }
                row.append(String.format(" %-21s", triple(theirs)));
            }
            for (String optimizer : optimizers) {
                row.append(String.format(" %-21s", triple(scores.get(optimizer).ratios().getOrDefault(problem.name(), Map.of()))));
            }
            out.println(row);
        }
    }

    private static String triple(Map<Integer, Double> byCheckpoint) {
        List<String> parts = new ArrayList<>();
        for (int checkpoint : CHECKPOINTS) {
            Double value = byCheckpoint == null ? null : byCheckpoint.get(checkpoint);
            parts.add(value == null ? "-" : String.format(Locale.ROOT, "%.3f", value));
        }
        return String.join(" / ", parts);
    }

    /** Each problem as {@code mo_quality.json}'s {@code problems} describes it. */
    static Map<String, Object> describe(List<MoProblem> problems) {
        Map<String, Object> described = new LinkedHashMap<>();
        for (MoProblem problem : problems) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("n_obj", problem.objectives());
            entry.put("n_con", problem.constraints());
            entry.put("space", problem.space().stream().map(MoParameter::describe).toList());
            entry.put("ref", problem.reference());
            entry.put("hv_true", problem.trueHypervolume(false));
            entry.put("ref_wide", problem.wideReference());
            entry.put("hv_true_wide", problem.trueHypervolume(true));
            entry.put("front_sample_points", problem.frontSample().length);
            entry.put("front_ideal", problem.ideal());
            entry.put("front_nadir", problem.nadir());
            entry.put("front_sample_checksum", Arrays.stream(problem.frontSample())
                    .flatMapToDouble(Arrays::stream).sum());
            described.put(problem.name(), entry);
        }
        return described;
    }
}

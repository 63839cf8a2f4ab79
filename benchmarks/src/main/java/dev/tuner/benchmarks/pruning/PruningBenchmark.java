package dev.tuner.benchmarks.pruning;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tuner.Direction;
import dev.tuner.benchmarks.CommandLine;
import dev.tuner.core.pruner.Pruners;
import dev.tuner.core.sampler.Samplers;
import dev.tuner.examples.data.Datasets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import joptsimple.OptionSpec;

/**
 * The pruning benchmark: for each problem (the synthetic {@link LearningCurves} and the
 * {@link MlpDigits} network) and each pruner, studies of the same trial budget with one sampler (the
 * default, {@code auto}, unless {@code --sampler} names another) over many seeds; the steps they ran, together, and the median over seeds of the best
 * final value, each beside no pruning's. The last line names the pruner that ran the fewest steps
 * on the MLP while its median best accuracy stayed within 1% of no pruning's:
 *
 * <pre>
 * benchmarks/run pruning [--seeds 20] [--trials 30] [--pruners nop,median,percentile,sh,hyperband]
 *                        [--problems curves,mlp-digits] [--epochs 20] [--threads 2] [--sampler auto]
 * RESULT pruning pruner=hyperband steps_fraction=0.31 best_ratio=0.998
 * </pre>
 *
 * <p>Studies run one at a time each, several at once on {@code --threads} threads; the figures
 * (steps, best values) do not depend on the threads, only the wall time does.
 */
public final class PruningBenchmark {

    /** The pruner every other is measured against. */
    static final String BASELINE = "nop";

    private PruningBenchmark() {}

    /** The options of one benchmark run. */
    record Options(int seeds, int trials, List<String> pruners, List<String> problems, int epochs, int threads,
            String sampler, Path out) {

        static final CommandLine COMMAND = new CommandLine("benchmarks/run pruning [options]: each pruner against none"
                + " on synthetic learning curves and on the MLP on digits: steps run and median best final value");
        private static final OptionSpec<Integer> SEEDS = COMMAND.number("seeds",
                "studies per problem and pruner, seeds 0..N-1", 20);
        private static final OptionSpec<Integer> TRIALS = COMMAND.number("trials", "trials per study", 30);
        private static final OptionSpec<List<String>> PRUNERS = COMMAND.list("pruners",
                "the pruners compared; nop, no pruning, always runs", Pruners.names());
        private static final OptionSpec<List<String>> PROBLEMS = COMMAND.list("problems", "the problems",
                List.of("curves", "mlp-digits"));
        private static final OptionSpec<Integer> EPOCHS = COMMAND.number("epochs", "the MLP's epochs, a step each",
                MlpDigits.EPOCHS);
        private static final OptionSpec<Integer> THREADS = COMMAND.number("threads", "studies run at once",
                Runtime.getRuntime().availableProcessors());
        private static final OptionSpec<String> SAMPLER = COMMAND.text("sampler", "NAME",
                "the sampler of every study, with its defaults", Samplers.DEFAULT);
        private static final OptionSpec<Path> OUT = COMMAND.out("pruning.json");

        static Options parse(String... args) {
            CommandLine.Values given = COMMAND.parse(args);
            List<String> pruners = given.get(PRUNERS);
            String sampler = given.get(SAMPLER);
            if (!pruners.contains(BASELINE)) {
                List<String> withBaseline = new ArrayList<>(List.of(BASELINE));
                withBaseline.addAll(pruners);
                pruners = withBaseline;
            }
            for (String pruner : pruners) {
                if (!Pruners.names().contains(pruner)) {
                    throw new IllegalArgumentException("unknown pruner '" + pruner + "' in --pruners; use "
                            + String.join(",", Pruners.names()));
                }
            }
            Samplers.create(sampler, 0);   // an unknown name fails now, naming the known ones
            return new Options(given.get(SEEDS), given.get(TRIALS), List.copyOf(pruners), given.get(PROBLEMS),
                    given.get(EPOCHS), given.get(THREADS), sampler, given.get(OUT));
        }

        List<PruningProblem> problemList() {
            List<PruningProblem> list = new ArrayList<>();
            for (String name : problems) {
                list.add(switch (name) {
                    case "curves" -> new LearningCurves();
                    case "mlp-digits" -> new MlpDigits(Datasets.digits(), epochs);
                    default -> throw new IllegalArgumentException("unknown problem '" + name
                            + "' in --problems; use curves,mlp-digits");
                });
            }
            return list;
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (Options.COMMAND.shouldHelp(args)) {
            Options.COMMAND.showHelp(System.out);
            return;
        }
        Options options = Options.parse(args);
        long started = System.nanoTime();
        Map<String, Object> document = run(options.problemList(), options);
        document.put("total_wall_s", (System.nanoTime() - started) / 1e9);
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(options.out().toFile(), document);
        System.out.println("results written to " + options.out());
        System.out.println(document.get("result"));
    }

    /** Runs every study, prints a table per problem, and returns the results with the RESULT line. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> run(List<PruningProblem> problems, Options options) throws InterruptedException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("benchmark", "pruning");
        document.put("seeds", options.seeds());
        document.put("trials", options.trials());
        document.put("sampler", options.sampler() + " (defaults)");
        document.put("pruners", options.pruners());
        document.put("threads", options.threads());
        Map<String, Object> results = new LinkedHashMap<>();
        List<PrunerSummary> headline = List.of();
        Direction headlineDirection = Direction.MAXIMIZE;
        for (PruningProblem problem : problems) {
            List<PruningRun> runs = runAll(problem, options);
            List<PrunerSummary> summaries = new ArrayList<>();
            List<PruningRun> nop = runs.stream().filter(run -> run.pruner().equals(BASELINE)).toList();
            for (String pruner : options.pruners()) {
                summaries.add(PrunerSummary.of(runs.stream().filter(run -> run.pruner().equals(pruner)).toList(), nop,
                        problem.direction()));
            }
            System.out.printf(Locale.ROOT, "%n%s: %d seeds x %d trials of up to %d steps, %s the final value%n",
                    problem.name(), options.seeds(), options.trials(), problem.steps(),
                    problem.direction() == Direction.MAXIMIZE ? "maximize" : "minimize");
            System.out.println(PrunerSummary.header());
            summaries.forEach(System.out::println);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("direction", problem.direction().name().toLowerCase(Locale.ROOT));
            entry.put("steps_per_trial", problem.steps());
            entry.put("summary", summaries);
            entry.put("runs", runs);
            results.put(problem.name(), entry);
            if (headline.isEmpty() || problem instanceof MlpDigits) {
                headline = summaries;
                headlineDirection = problem.direction();
            }
        }
        document.put("results", results);
        document.put("result", resultLine(headline, headlineDirection));
        return document;
    }

    private static List<PruningRun> runAll(PruningProblem problem, Options options) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            List<Future<PruningRun>> futures = new ArrayList<>();
            for (String pruner : options.pruners()) {
                for (int seed = 0; seed < options.seeds(); seed++) {
                    long s = seed;
                    futures.add(pool.submit(() -> {
                        PruningRun run = PruningRun.of(problem, pruner, options.sampler(), s, options.trials());
                        System.err.printf(Locale.ROOT, "pruning: %s %s seed %d: %d steps, best %.4f (%.1f s)%n",
                                problem.name(), pruner, s, run.steps(), run.best(), run.seconds());
                        return run;
                    }));
                }
            }
            List<PruningRun> runs = new ArrayList<>();
            for (Future<PruningRun> future : futures) {
                runs.add(future.get());
            }
            return runs;
        } catch (ExecutionException failed) {
            throw new IllegalStateException("a study of " + problem.name() + " failed: " + failed.getCause(), failed.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The RESULT line: among the pruners other than no pruning whose median best final value is
     * within 1% of no pruning's (or better), the one that ran the fewest steps; if none is, the one
     * with the best median.
     */
    static String resultLine(List<PrunerSummary> summaries, Direction direction) {
        List<PrunerSummary> pruning = summaries.stream().filter(summary -> !summary.pruner().equals(BASELINE)).toList();
        if (pruning.isEmpty()) {
            return "RESULT pruning pruner=none steps_fraction=1.000 best_ratio=1.0000";
        }
        Comparator<PrunerSummary> byRatio = Comparator.comparingDouble(PrunerSummary::bestRatio);
        PrunerSummary best = pruning.stream().filter(summary -> summary.withinOnePercent(direction))
                .min(Comparator.comparingDouble(PrunerSummary::stepsFraction))
                .orElseGet(() -> direction == Direction.MAXIMIZE
                        ? pruning.stream().max(byRatio).orElseThrow()
                        : pruning.stream().min(byRatio).orElseThrow());
        return String.format(Locale.ROOT, "RESULT pruning pruner=%s steps_fraction=%.3f best_ratio=%.4f",
                best.pruner(), best.stepsFraction(), best.bestRatio());
    }
}

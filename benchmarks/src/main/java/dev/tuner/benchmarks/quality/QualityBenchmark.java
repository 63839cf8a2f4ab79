package dev.tuner.benchmarks.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tuner.Direction;
import dev.tuner.benchmarks.CommandLine;
import dev.tuner.core.sampler.Samplers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import joptsimple.OptionSpec;

/**
 * Search quality: every problem × sampler × seed; writes the results in the shape of
 * {@code shared/bench/quality.json} (optimizers named {@code tuner_<sampler>}) and prints them
 * beside the reference figures with the scores of the bench README.
 *
 * <pre>
 * benchmarks/run quality [--suite public|bbob|mixint|real|all] [--split train|validation|all]
 *                        [--functions quad1,f7,branches,svm-digits] [--dims 2,5] [--instances 1,2]
 *                        [--samplers random,tpe+gamma=0.15] [--option tpe.multivariate=false]
 *                        [--seeds 20] [--first-seed 0] [--trials 100]
 *                        [--objective com.acme.MyProblems,com.acme.More] [--classpath dir:jar]
 *                        [--reference a.json,b.json] [--out results.json] [--commit SHA]
 * </pre>
 *
 * <p>The problems are those of {@link Suites} ({@code --suite public} by default). The public
 * functions, and objective-class methods the reference files have by name, get the score against
 * Optuna's TPE ({@link Scoreboard}; the first {@code --reference} file must have Optuna's two TPE
 * variants) and the best-peer score ({@link PeerScoreboard}, over all reference files); every other
 * problem its median gaps and, with several samplers, the {@link RelativeScore} per half.
 *
 * <p>{@code --objective} runs every {@code @Tune} method of each named class as a problem
 * {@code <SimpleClass>.<method>} (see {@link ObjectiveClasses}); alone it replaces the suite, with
 * {@code --suite} or {@code --functions} it runs beside it. With public functions in the run,
 * {@code --trials} must reach 100; otherwise the checkpoints are those of 10, 25, 50, 100 reached,
 * then the budget.
 *
 * <p>A sampler may carry options ({@link SamplerSpecs}): {@code tpe+multivariate=false},
 * {@code tpe:gamma=0.15}, or {@code --option tpe.gamma=0.15} for every tpe column. {@code --first-seed 20}
 * runs seeds 20..39: a check on seeds the defaults were not chosen on. The results record the git
 * commit measured ({@code --commit}, else the environment's {@code TUNER_GIT_COMMIT}).
 */
public final class QualityBenchmark {

    private static final List<Integer> CHECKPOINTS = List.of(10, 25, 50, 100);
    private static final List<Integer> LONG_CHECKPOINTS = List.of(200, 300, 500, 1000);

    private QualityBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (Options.COMMAND.shouldHelp(args)) {
            Options.COMMAND.showHelp(System.out);
            return;
        }
        run(args, System.out);
    }

    /** Runs the benchmark the options ask for, prints the tables to {@code out}; returns where the JSON went. */
    static Path run(String[] args, PrintStream out) throws IOException {
        Options options = Options.parse(args);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        List<JsonNode> references = new ArrayList<>();
        for (Path reference : options.references) {
            if (!Files.isReadable(reference)) {
                throw new IllegalArgumentException("no reference file " + reference.toAbsolutePath()
                        + "; benchmarks/reference/ has the shared figures, give them with --reference a.json,b.json");
            }
            references.add(json.readTree(reference.toFile()).path("results"));
        }
        Scoreboard scoreboard = new Scoreboard(references.get(0));
        PeerScoreboard peers = new PeerScoreboard(references);

        List<Problem> problems = new ArrayList<>(options.suiteProblems());
        List<Problem> objectives = ObjectiveClasses.problems(options.objectives, options.classpath);
        problems.addAll(objectives);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problem to run: --suite " + options.suite + " --split "
                    + options.split.map(Half::label).orElse("all") + " selects none (the public functions and "
                    + "svm-digits are in neither half)");
        }
        boolean hasPublic = problems.stream().anyMatch(problem -> problem.half().isEmpty()
                && Functions.all().stream().anyMatch(f -> f.name().equals(problem.name())));
        if (hasPublic && options.trials < CHECKPOINTS.get(CHECKPOINTS.size() - 1)) {
            throw new IllegalArgumentException("--trials must be at least 100 with public functions in the run: "
                    + "their reference figures are at 25, 50 and 100 trials");
        }
        List<Integer> checkpoints = checkpoints(options.trials);
        QualityRun run = new QualityRun(options.trials, options.firstSeed, options.seeds, checkpoints);

        Map<String, Object> results = new LinkedHashMap<>();
        for (Problem problem : problems) {
            Map<String, Object> optimizers = new LinkedHashMap<>();
            for (String sampler : options.samplers) {
                System.err.printf("quality: %s with %s over %d seeds%n", problem.name(), sampler, options.seeds);
                optimizers.put("tuner_" + sampler, run.run(problem, sampler));
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("optimum", problem.optimum().isPresent() ? problem.optimum().getAsDouble() : null);
            if (objectives.contains(problem) || problem.direction() != Direction.MINIMIZE) {
                entry.put("direction", problem.direction().name().toLowerCase(Locale.ROOT));
            }
            problem.half().ifPresent(half -> entry.put("half", half.label()));
            entry.put("optimizers", optimizers);
            results.put(problem.name(), entry);
        }

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("meta", meta(options));
        document.put("checkpoints", checkpoints);
        document.put("results", results);
        Files.createDirectories(options.out.toAbsolutePath().getParent());
        json.writeValue(options.out.toFile(), document);

        List<String> columns = options.samplers.stream().map(sampler -> "tuner_" + sampler).toList();
        new QualityReport(json.valueToTree(results), scoreboard, peers, columns, problems, checkpoints).print(out);
        out.println("results written to " + options.out);
        return options.out;
    }

    /**
     * The checkpoints of a run: 10, 25, 50, 100, then 200, 300, 500, 1000, those it reaches, and its
     * budget.
     */
    static List<Integer> checkpoints(int trials) {
        List<Integer> checkpoints = new ArrayList<>(CHECKPOINTS.stream().filter(c -> c <= trials).toList());
        // longer runs, for choosing what follows GP in a long study: 200, 300, 500, 1000 and the budget
        LONG_CHECKPOINTS.stream().filter(c -> c <= trials).forEach(checkpoints::add);
        if (checkpoints.isEmpty() || checkpoints.get(checkpoints.size() - 1) < trials) {
            checkpoints.add(trials);
        }
        return List.copyOf(checkpoints);
    }

    private static Map<String, Object> meta(Options options) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String sampler : options.samplers) {
            settings.put("tuner_" + sampler, "Samplers.create(\"" + SamplerSpecs.name(sampler) + "\", seed=s, "
                    + SamplerSpecs.options(sampler) + ")");
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("budget", options.trials);
        meta.put("seeds_requested", options.seeds);
        meta.put("first_seed", options.firstSeed);
        meta.put("git_commit", options.commit);
        meta.put("suite", options.suite);
        meta.put("split", options.split.map(Half::label).orElse("all"));
        options.functions.ifPresent(functions -> meta.put("functions", functions));
        options.dimensions.ifPresent(dimensions -> meta.put("dims", dimensions));
        options.instances.ifPresent(instances -> meta.put("instances", instances));
        meta.put("references", options.references.stream().map(Path::toString).toList());
        meta.put("versions", Map.of("java", System.getProperty("java.version"), "tuner", "0.1.0-SNAPSHOT"));
        meta.put("optimizer_settings", settings);
        if (!options.objectives.isEmpty()) {
            meta.put("objective_classes", options.objectives);
        }
        return meta;
    }

    /** Command-line options. */
    static final class Options {

        static final CommandLine COMMAND = new CommandLine("benchmarks/run quality [options]: search quality, every"
                + " problem x sampler x seed, the best value at 10, 25, 50 and 100 trials (benchmarks/README.md)");
        private static final OptionSpec<String> SUITE = COMMAND.text("suite", "public|bbob|mixint|real|all",
                "the problems: the 9 functions of functions.md; BBOB f1..f24 and the synthetic families branches and"
                + " mixedcat; COCO's bbob-mixint; models tuned on the shipped data; or all of them", "public");
        private static final OptionSpec<String> SPLIT = COMMAND.text("split", "train|validation|all",
                "one half: odd BBOB functions, odd synthetic instances and the real problems on digits and wine train,"
                + " the others validate (the public functions and svm-digits are in neither half)", "all");
        private static final OptionSpec<List<String>> FUNCTIONS = COMMAND.list("functions",
                "narrows the suites: quad1,branin, f7 or f07, branches, svm-digits, mlp-digits (default: all of them)");
        private static final OptionSpec<List<Integer>> DIMENSIONS = COMMAND.numbers("dims",
                "BBOB dimensions (default: 2,5,10; bbob-mixint 5,10)", 2);
        private static final OptionSpec<List<Integer>> INSTANCES = COMMAND.numbers("instances",
                "BBOB instances (default: 1,2,3; synthetic 1..4)", 1);
        private static final OptionSpec<List<String>> SAMPLERS = COMMAND.list("samplers",
                "one column each; options after + or :, e.g. tpe,tpe+gamma=0.15,random", Samplers.names());
        private static final OptionSpec<String> SAMPLER_OPTIONS = COMMAND.repeatable("option", "sampler.key=value",
                "sets the option on every column of that sampler that does not set it itself, e.g. tpe.gamma=0.15;"
                + " may be repeated");
        private static final OptionSpec<Integer> SEEDS = COMMAND.number("seeds", "seeds per problem and sampler", 20);
        private static final OptionSpec<Integer> FIRST_SEED = COMMAND.number("first-seed",
                "the first seed: 20 runs seeds 20..39, a check on seeds the defaults were not chosen on", 0);
        private static final OptionSpec<Integer> TRIALS = COMMAND.number("trials",
                "trials per study; at least 100 with public functions in the run", 100);
        private static final OptionSpec<List<String>> OBJECTIVES = COMMAND.list("objective",
                "classes whose @Tune methods are problems <SimpleClass>.<method>; replace the suite unless --suite"
                + " or --functions is given");
        private static final OptionSpec<String> CLASSPATH = COMMAND.text("classpath", "dir:jar",
                "where the --objective classes are found, besides the benchmarks' class path");
        private static final OptionSpec<List<String>> REFERENCES = COMMAND.list("reference",
                "reference results, the first with Optuna's two TPE variants",
                List.of("benchmarks/reference/quality.json", "benchmarks/reference/quality_2026.json"));
        private static final OptionSpec<Path> OUT = COMMAND.out("quality.json");
        private static final OptionSpec<String> COMMIT = COMMAND.commit();

        final List<String> samplers;
        final String suite;
        final boolean suiteGiven;
        final Optional<List<String>> functions;
        final Optional<List<Integer>> dimensions;
        final Optional<List<Integer>> instances;
        final Optional<Half> split;
        final List<String> objectives;
        final String classpath;
        final int seeds;
        final int firstSeed;
        final int trials;
        final List<Path> references;
        final Path out;
        final String commit;

        private Options(CommandLine.Values given) {
            samplers = SamplerSpecs.expand(given.get(SAMPLERS),
                    given.all(SAMPLER_OPTIONS).stream().map(String::strip).toList());
            suite = given.get(SUITE).strip();
            suiteGiven = given.has(SUITE);
            functions = given.find(FUNCTIONS);
            dimensions = given.find(DIMENSIONS);
            instances = given.find(INSTANCES);
            split = Half.parse(given.get(SPLIT));
            objectives = given.find(OBJECTIVES).orElse(List.of());
            classpath = given.find(CLASSPATH).orElse("");
            seeds = given.get(SEEDS);
            firstSeed = given.get(FIRST_SEED);
            trials = given.get(TRIALS);
            references = given.get(REFERENCES).stream().map(Path::of).toList();
            out = given.get(OUT);
            commit = given.get(COMMIT);
        }

        static Options parse(String... args) {
            Options options = new Options(COMMAND.parse(args));
            if (options.trials < 1 || options.seeds < 1) {
                throw new IllegalArgumentException("--trials and --seeds must be at least 1");
            }
            if (options.references.isEmpty()) {
                throw new IllegalArgumentException("--reference needs at least one file");
            }
            return options;
        }

        /** The suite's problems; none when {@code --objective} stands alone (it then replaces the suite). */
        List<Problem> suiteProblems() {
            if (!objectives.isEmpty() && !suiteGiven && functions.isEmpty()) {
                return List.of();
            }
            return Suites.problems(suite, functions, dimensions, instances, split);
        }
    }
}

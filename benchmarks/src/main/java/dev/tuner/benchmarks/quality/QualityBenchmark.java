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
import java.util.Optional;

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
        List<String> samplers = Samplers.names();
        String suite = "public";
        boolean suiteGiven;
        Optional<List<String>> functions = Optional.empty();
        Optional<List<Integer>> dimensions = Optional.empty();
        Optional<List<Integer>> instances = Optional.empty();
        Optional<Half> split = Optional.empty();
        List<String> objectives = List.of();
        String classpath = "";
        int seeds = 20;
        int firstSeed = 0;
        int trials = 100;
        List<Path> references = List.of(Path.of("benchmarks/reference/quality.json"),
                Path.of("benchmarks/reference/quality_2026.json"));
        Path out = Path.of("benchmarks/target/results/quality.json");
        String commit = Optional.ofNullable(System.getenv("TUNER_GIT_COMMIT")).orElse("unknown");

        static Options parse(String[] args) {
            Options options = new Options();
            List<String> samplerOptions = new ArrayList<>();
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + args[i] + " needs a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--samplers" -> options.samplers = list(value);
                    case "--option" -> samplerOptions.add(value.strip());
                    case "--suite" -> {
                        options.suite = value.strip();
                        options.suiteGiven = true;
                    }
                    case "--split" -> options.split = Half.parse(value);
                    case "--functions" -> options.functions = Optional.of(list(value));
                    case "--dims" -> options.dimensions = Optional.of(numbers("--dims", value, 2));
                    case "--instances" -> options.instances = Optional.of(numbers("--instances", value, 1));
                    case "--objective" -> options.objectives = list(value);
                    case "--classpath" -> options.classpath = value;
                    case "--seeds" -> options.seeds = Integer.parseInt(value);
                    case "--first-seed" -> options.firstSeed = Integer.parseInt(value);
                    case "--trials" -> options.trials = Integer.parseInt(value);
                    case "--reference" -> options.references = list(value).stream().map(Path::of).toList();
                    case "--out" -> options.out = Path.of(value);
                    case "--commit" -> options.commit = value;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + "; use --suite, --split, --functions, --dims, --instances, --samplers, --option, "
                            + "--objective, --classpath, --seeds, --first-seed, --trials, --reference, --out or --commit");
                }
            }
            options.samplers = SamplerSpecs.expand(options.samplers, samplerOptions);
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

        private static List<String> list(String value) {
            return Arrays.stream(value.split(",")).map(String::strip).filter(entry -> !entry.isEmpty()).toList();
        }

        private static List<Integer> numbers(String option, String value, int least) {
            try {
                List<Integer> numbers = list(value).stream().map(Integer::parseInt).toList();
                if (numbers.isEmpty() || numbers.stream().anyMatch(n -> n < least)) {
                    throw new NumberFormatException();
                }
                return numbers;
            } catch (NumberFormatException notNumbers) {
                throw new IllegalArgumentException(option + " " + value + " must be whole numbers of at least " + least
                        + ", separated by commas, e.g. " + option + " " + least + "," + (least + 1));
            }
        }
    }
}

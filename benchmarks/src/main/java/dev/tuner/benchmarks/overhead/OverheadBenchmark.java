package dev.tuner.benchmarks.overhead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tuner.benchmarks.CommandLine;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import joptsimple.OptionSpec;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.launcher.TestExecutionListener;

/**
 * The engine overhead target of issue 6: a study of 20,000 trials of a trivial objective
 * ({@link TrivialTuning}: random sampler, journal storage) run through the JUnit ConsoleLauncher,
 * beside Jupiter's {@code @RepeatedTest(20000)} with an empty body ({@link TrivialRepeated}) in the
 * same process. Target: at most 85 µs a trial for Tuner (Jupiter takes about 300 µs a repetition
 * on the reference machine). A third engine, {@link PlatformFloorEngine}, shows as many tests and
 * does nothing else: the floor that the JUnit Platform itself sets for any engine.
 *
 * <p>How it measures: one child JVM runs {@code ConsoleLauncher execute} on both classes, as a user's
 * command line would (the tree of every test is printed at the end, to a file), with a bounded heap
 * and tuner-core's jar as {@code -javaagent} (as {@code mvn tuner:tune} starts it). An
 * {@link OverheadListener}, registered for that JVM alone, times each engine's container of
 * repeated tests from its start event to its end event and divides by the tests under it: the
 * engine's time per trial, everything the launcher and its listeners do for each test included,
 * JVM start and discovery excluded (the whole process's time is reported beside). The listener also
 * takes class histograms of the heap (after a full collection, the clock stopped) before each
 * container, in its middle and after it: what each trial keeps while the study runs and once it is
 * done.
 *
 * <pre>
 * benchmarks/run overhead [--trials 20000] [--heap 256m] [--details tree] [--storage journal:FILE]
 *                         [--jvm-args "-XX:StartFlightRecording=filename=overhead.jfr"] [--runs 1] [--out FILE]
 * </pre>
 *
 * <p>{@code --runs N} runs it N times one after the other ({@link OverheadSeries}): each run's
 * results go to {@code FILE} with {@code -1}, {@code -2}... before its extension, the series' to
 * {@code FILE}, and the {@code RESULT} line gives the medians.
 */
public final class OverheadBenchmark {

    private static final String LAUNCHER = "org.junit.platform.console.ConsoleLauncher";

    private OverheadBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (Options.COMMAND.shouldHelp(args)) {
            Options.COMMAND.showHelp(System.out);
            return;
        }
        Options options = Options.parse(args);
        if (options.runs() == 1) {
            JsonNode results = run(options);
            System.out.println(resultLine(results.get("tuner_us").asDouble(), results.get("jupiter_us").asDouble()));
            return;
        }
        List<JsonNode> runs = new ArrayList<>();
        for (int i = 1; i <= options.runs(); i++) {
            System.out.println("run " + i + " of " + options.runs());
            runs.add(run(options.withOut(numbered(options.out(), i))));
        }
        OverheadSeries series = OverheadSeries.of(runs);
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(options.out().toFile(), series.toJson());
        series.summary().forEach(System.out::println);
        System.out.println("series written to " + options.out());
        System.out.println(resultLine(series.tunerMedian(), series.jupiterMedian()));
    }

    /** {@code results.json} as {@code results-3.json}: where run 3 of a series writes. */
    static Path numbered(Path out, int run) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String numbered = dot > 0 ? name.substring(0, dot) + "-" + run + name.substring(dot) : name + "-" + run;
        return out.resolveSibling(numbered);
    }

    /** The harness's options; {@code trials} empty means the 20,000 that the cases declare. */
    record Options(OptionalInt trials, String jupiterClass, String heap, String details, Optional<String> storage,
            List<String> jvmArgs, String first, int runs, Path out, boolean live) {

        Options withOut(Path other) {
            return new Options(trials, jupiterClass, heap, details, storage, jvmArgs, first, runs, other, live);
        }

        static final CommandLine COMMAND = new CommandLine("benchmarks/run overhead [options]: a 20,000-trial @Tune"
                + " study beside Jupiter's @RepeatedTest(20000) and an engine that only shows 20,000 tests, all through"
                + " the ConsoleLauncher in one JVM: µs per trial, per repetition and per bare test");
        private static final OptionSpec<Integer> TRIALS = COMMAND.number("trials",
                "Tuner's trials (default: the 20,000 the case declares; Jupiter's repetitions are @RepeatedTest's)");
        private static final OptionSpec<String> JUPITER = COMMAND.text("jupiter", "CLASS",
                "the @RepeatedTest class run beside", TrivialRepeated.class.getName());
        private static final OptionSpec<String> HEAP = COMMAND.text("heap", "SIZE", "the child JVM's -Xmx", "256m");
        private static final OptionSpec<String> DETAILS = COMMAND.text("details", "tree|flat|none|...",
                "the ConsoleLauncher's --details", "tree");
        private static final OptionSpec<String> STORAGE = COMMAND.text("storage", "journal:FILE|memory:",
                "the study's storage (default: a journal in a temporary file)");
        private static final OptionSpec<String> JVM_ARGS = COMMAND.text("jvm-args", "ARGS",
                "more options of the child JVM, separated by spaces, e.g. \"-XX:StartFlightRecording=filename=x.jfr\"");
        private static final OptionSpec<String> FIRST = COMMAND.text("first", "tuner|jupiter",
                "the engine run first, which pays for compiling the launcher's code", "tuner");
        private static final OptionSpec<Integer> RUNS = COMMAND.number("runs",
                "runs one after the other (the host's speed varies), each written to FILE-1, FILE-2...; the RESULT"
                + " line gives their medians", 1);
        private static final OptionSpec<String> LIVE = COMMAND.text("live", "true|false",
                "whether the study's report is rewritten while it runs (tuner.report.live; its trials and interval"
                + " keep their defaults, 10 trials or 10 s)", "true");
        private static final OptionSpec<Path> OUT = COMMAND.out("overhead.json");

        static Options parse(String... args) {
            CommandLine.Values given = COMMAND.parse(args);
            String first = given.get(FIRST);
            if (!first.equals("tuner") && !first.equals("jupiter")) {
                throw new IllegalArgumentException("--first " + first + ": give tuner or jupiter, the engine to run first");
            }
            int runs = given.get(RUNS);
            if (runs < 1) {
                throw new IllegalArgumentException("--runs " + runs + ": give at least 1 run");
            }
            OptionalInt trials = given.find(TRIALS).map(OptionalInt::of).orElseGet(OptionalInt::empty);
            List<String> jvmArgs = given.find(JVM_ARGS).map(value -> List.of(value.strip().split("\\s+")))
                    .orElse(List.of());
            String live = given.get(LIVE);
            if (!live.equals("true") && !live.equals("false")) {
                throw new IllegalArgumentException("--live " + live + ": give true or false");
            }
            return new Options(trials, given.get(JUPITER), given.get(HEAP), given.get(DETAILS), given.find(STORAGE),
                    jvmArgs, first, runs, given.get(OUT), Boolean.parseBoolean(live));
        }
    }

    /** Runs the ConsoleLauncher in a child JVM, writes the results' JSON and prints them. */
    static JsonNode run(Options options) throws IOException, InterruptedException {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Path folder = Files.createTempDirectory("tuner-overhead-benchmark");
        try {
            Path journal = folder.resolve("journal.jsonl");
            String storage = options.storage().orElse("journal:" + journal);
            Path listenerOut = folder.resolve("listener.json");
            Path console = folder.resolve("console.txt");
            int trials = options.trials().orElse(TrivialTuning.TRIALS);
            List<String> command = command(options, storage, folder, listenerOut, trials);

            long start = System.nanoTime();
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(console.toFile()).start();
            int exit = child.waitFor();
            double processSeconds = (System.nanoTime() - start) / 1e9;
            List<String> output = Files.readAllLines(console);
            if (exit != 0 || !Files.exists(listenerOut)) {
                throw new IllegalStateException("the ConsoleLauncher run failed (exit value " + exit + "); its last lines:\n"
                        + String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size()))
                        + "\ncommand: " + String.join(" ", command));
            }

            JsonNode measured = new ObjectMapper().readTree(listenerOut.toFile());
            JsonNode tuner = container(measured, "tuner");
            JsonNode jupiter = container(measured, "junit-jupiter");
            JsonNode floor = container(measured, PlatformFloorEngine.ID);
            ObjectNode results = new ObjectMapper().createObjectNode();
            results.put("tuner_us", microsPerTest(tuner));
            results.put("jupiter_us", microsPerTest(jupiter));
            results.put("floor_us", microsPerTest(floor));
            // the machine's speed varies from minute to minute (a shared host), the engines' ratio much less
            results.put("tuner_to_jupiter", microsPerTest(tuner) / microsPerTest(jupiter));
            results.put("tuner_cpu_us", cpuMicrosPerTest(tuner));
            results.put("jupiter_cpu_us", cpuMicrosPerTest(jupiter));
            results.put("tuner_java_threads_cpu_us", tuner.get("java_threads_cpu_nanos").asDouble() / 1e3 / tuner.get("tests").asInt());
            results.put("jupiter_java_threads_cpu_us", jupiter.get("java_threads_cpu_nanos").asDouble() / 1e3 / jupiter.get("tests").asInt());
            results.put("tuner_end_ms", tuner.get("end_nanos").asDouble() / 1e6);
            results.put("tuner_start_ms", tuner.get("start_nanos").asDouble() / 1e6);
            results.put("tuner_us_second_half", secondHalfMicrosPerTest(tuner));
            results.put("jupiter_us_second_half", secondHalfMicrosPerTest(jupiter));
            results.put("tuner_retained_bytes_per_trial_middle", bytesPerTest(tuner, "heap_middle_bytes", "heap_middle_tests"));
            results.put("tuner_retained_bytes_per_trial_after", bytesPerTest(tuner, "heap_after_bytes", "tests"));
            results.put("jupiter_retained_bytes_per_test_after", bytesPerTest(jupiter, "heap_after_bytes", "tests"));
            results.put("heap_peak_bytes", measured.get("heap_peak_bytes").asLong());
            results.put("heap_end_bytes", measured.get("heap_end_bytes").asLong());
            results.put("heap_max_bytes", measured.get("heap_max_bytes").asLong());
            results.put("process_seconds", processSeconds);
            results.put("storage", options.storage().isPresent() ? storage : "journal:<temporary file>");
            results.put("journal_bytes", Files.exists(journal) ? Files.size(journal) : 0);
            results.put("details", options.details());
            results.put("live_report", options.live());
            results.put("first", options.first());
            results.put("load_average_before", loadBefore);
            results.put("load_average_after", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            results.putPOJO("console_summary", summary(output));
            results.putPOJO("command", command);
            results.set("tuner", tuner);
            results.set("jupiter", jupiter);
            results.set("floor", floor);

            Files.createDirectories(options.out().toAbsolutePath().getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(options.out().toFile(), results);
            print(results, tuner, jupiter);
            System.out.println("results written to " + options.out());
            return results;
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    /** {@code RESULT overhead tuner_us=… jupiter_us=…}, one decimal each. */
    static String resultLine(double tunerMicros, double jupiterMicros) {
        return String.format(Locale.ROOT, "RESULT overhead tuner_us=%.1f jupiter_us=%.1f", tunerMicros, jupiterMicros);
    }

    /** The container's time per test under it, in microseconds. */
    static double microsPerTest(JsonNode container) {
        return container.get("nanos").asDouble() / 1e3 / container.get("tests").asInt();
    }

    /** The container's time per test after its middle, once the code is compiled; NaN without a middle. */
    static double secondHalfMicrosPerTest(JsonNode container) {
        if (!container.has("nanos_to_middle")) {
            return Double.NaN;
        }
        return (container.get("nanos").asDouble() - container.get("nanos_to_middle").asDouble()) / 1e3
                / (container.get("tests").asInt() - container.get("heap_middle_tests").asInt());
    }

    /** The JVM's CPU time (all threads) during the container, per test under it, in microseconds. */
    static double cpuMicrosPerTest(JsonNode container) {
        return container.get("cpu_nanos").asDouble() / 1e3 / container.get("tests").asInt();
    }

    private static double bytesPerTest(JsonNode container, String heapKey, String testsKey) {
        JsonNode heap = container.get(heapKey);
        return heap == null ? Double.NaN
                : (heap.asDouble() - container.get("heap_before_bytes").asDouble()) / container.get(testsKey).asInt();
    }

    private static List<String> command(Options options, String storage, Path folder, Path listenerOut, int trials)
            throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + options.heap()));
        agentJar(classPath).ifPresent(jar -> command.add("-javaagent:" + jar));
        command.addAll(options.jvmArgs());
        command.addAll(List.of("-cp", listenerRegistration(folder) + File.pathSeparator + engineFirst(classPath, options.first()),
                LAUNCHER, "execute",
                "--disable-banner", "--disable-ansi-colors", "--details", options.details(),
                "--select-class", TrivialTuning.class.getName(), "--select-class", options.jupiterClass(),
                "--select-class", PlatformFloor.class.getName(),
                "--config", "tuner.mode=search",
                "--config", "tuner.storage=" + storage,
                "--config", "tuner.output.dir=" + folder.resolve("tuner"),
                "--config", "tuner.report.live=" + options.live(),
                "--config", OverheadListener.OUT_KEY + "=" + listenerOut,
                "--config", OverheadListener.SNAPSHOT_AT_KEY + "=" + trials / 2));
        options.trials().ifPresent(count -> command.addAll(List.of("--config", "tuner.trials=" + count)));
        return command;
    }

    /**
     * The class path with the engine to run first at its front: the launcher runs engines in the
     * order it finds them on the class path, and the first pays for compiling the launcher's code.
     */
    static String engineFirst(String classPath, String first) {
        String jar = first.equals("tuner") ? "tuner-junit-engine" : "junit-jupiter-engine";
        List<String> entries = new ArrayList<>(Arrays.asList(classPath.split(File.pathSeparator)));
        List<String> engine = entries.stream().filter(entry -> entry.contains(jar)).toList();
        entries.removeAll(engine);
        entries.addAll(0, engine);
        return String.join(File.pathSeparator, entries);
    }

    /** A folder whose {@code META-INF/services} registers {@link OverheadListener}, for the child's class path only. */
    private static Path listenerRegistration(Path folder) throws IOException {
        Path services = folder.resolve("listener/META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(TestExecutionListener.class.getName()), OverheadListener.class.getName() + "\n");
        Files.writeString(services.resolve(TestEngine.class.getName()), PlatformFloorEngine.class.getName() + "\n");
        return folder.resolve("listener");
    }

    /** tuner-core's jar on the class path, for {@code -javaagent}; empty when it is a classes folder (the engine attaches then). */
    private static Optional<String> agentJar(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> Path.of(entry).getFileName().toString().matches("tuner-core-[^/]*\\.jar"))
                .findFirst();
    }

    private static JsonNode container(JsonNode measured, String engine) {
        for (JsonNode container : measured.get("containers")) {
            if (container.get("engine").asText().equals(engine)) {
                if (!container.get("result").asText().equals("SUCCESSFUL") || container.get("tests").asInt() == 0) {
                    throw new IllegalStateException("the " + engine + " container " + container.get("unique_id").asText()
                            + " ended " + container.get("result").asText() + " after " + container.get("tests").asInt()
                            + " tests; the console output says why");
                }
                return container;
            }
        }
        throw new IllegalStateException("the ConsoleLauncher run had no timed container of engine " + engine
                + " (a @Tune method or a @RepeatedTest); was the class selected and its engine on the class path?");
    }

    /** The ConsoleLauncher's closing summary: the lines from "Test run finished" on. */
    private static List<String> summary(List<String> output) {
        for (int i = output.size() - 1; i >= 0; i--) {
            if (output.get(i).startsWith("Test run finished")) {
                return output.subList(i, output.size()).stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
            }
        }
        return List.of();
    }

    private static void print(JsonNode results, JsonNode tuner, JsonNode jupiter) {
        System.out.printf(Locale.ROOT, "ConsoleLauncher, --details %s, %s first, whole process %.1f s (load average %.2f before)%n",
                results.get("details").asText(), results.get("first").asText(), results.get("process_seconds").asDouble(),
                results.get("load_average_before").asDouble());
        System.out.printf(Locale.ROOT, "Tuner    %6d trials       %7.1f µs a trial (target ≤ 85; CPU %.1f µs, of which Java threads %.1f), storage %s%n",
                tuner.get("tests").asInt(), results.get("tuner_us").asDouble(), results.get("tuner_cpu_us").asDouble(),
                results.get("tuner_java_threads_cpu_us").asDouble(), results.get("storage").asText());
        System.out.printf(Locale.ROOT, "Jupiter  %6d repetitions  %7.1f µs a repetition (≈ 300 on the reference machine; CPU %.1f µs, of which Java threads %.1f)%n",
                jupiter.get("tests").asInt(), results.get("jupiter_us").asDouble(), results.get("jupiter_cpu_us").asDouble(),
                results.get("jupiter_java_threads_cpu_us").asDouble());
        System.out.printf(Locale.ROOT, "Floor    %6d tests        %7.1f µs a test: the launcher and its listeners alone, for an engine that only shows tests (run last, warm)%n",
                results.get("floor").get("tests").asInt(), results.get("floor_us").asDouble());
        System.out.printf(Locale.ROOT, "Tuner / Jupiter: %.2f (the target's 85 against Jupiter's ≈ 300: 0.28)%n",
                results.get("tuner_to_jupiter").asDouble());
        System.out.printf(Locale.ROOT, "second half alone: Tuner %.1f µs a trial, Jupiter %.1f µs a repetition%n",
                results.get("tuner_us_second_half").asDouble(), results.get("jupiter_us_second_half").asDouble());
        System.out.printf(Locale.ROOT, "the study's start (storage opened, first trial run), in Tuner's time: %.1f ms, %.1f µs a trial%n",
                results.get("tuner_start_ms").asDouble(), results.get("tuner_start_ms").asDouble() * 1e3 / tuner.get("tests").asInt());
        System.out.printf(Locale.ROOT, "the study's end (best trial, properties file, report), in Tuner's time: %.1f ms, %.1f µs a trial%n",
                results.get("tuner_end_ms").asDouble(), results.get("tuner_end_ms").asDouble() * 1e3 / tuner.get("tests").asInt());
        System.out.printf(Locale.ROOT, "heap: peak %.0f MB of %.0f MB; %.0f MB at the end%n",
                results.get("heap_peak_bytes").asDouble() / (1 << 20), results.get("heap_max_bytes").asDouble() / (1 << 20),
                results.get("heap_end_bytes").asDouble() / (1 << 20));
        System.out.printf(Locale.ROOT, "kept a trial: %.0f bytes while the study runs, %.0f bytes after it (Jupiter: %.0f a repetition)%n",
                results.get("tuner_retained_bytes_per_trial_middle").asDouble(),
                results.get("tuner_retained_bytes_per_trial_after").asDouble(),
                results.get("jupiter_retained_bytes_per_test_after").asDouble());
        if (tuner.has("instances_middle")) {
            System.out.println("live instances after " + tuner.get("heap_middle_tests").asInt() + " trials / repetitions:");
            tuner.get("instances_middle").properties().forEach(entry -> System.out.printf(Locale.ROOT,
                    "  %8d / %8d  %s%n", entry.getValue().asLong(),
                    jupiter.path("instances_middle").path(entry.getKey()).asLong(), entry.getKey()));
        }
        if (tuner.has("growth_middle")) {
            System.out.println("what the study's first " + tuner.get("heap_middle_tests").asInt() + " trials keep, by class:");
            for (JsonNode growth : tuner.get("growth_middle")) {
                System.out.printf(Locale.ROOT, "  %10d bytes %8d × %s%n", growth.get("bytes").asLong(),
                        growth.get("instances").asLong(), growth.get("class").asText());
            }
        }
    }
}

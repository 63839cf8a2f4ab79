package dev.tuner.engine.console;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import dev.tuner.engine.Constants;
import dev.tuner.engine.TunerTestEngine;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs every {@code @Tune} method found under the given test-class directories with the tuner
 * engine, prints each trial and a summary, and exits with {@link #EXIT_OK} when every study ran,
 * {@link #EXIT_STUDY_FAILED} when one could not run, {@link #EXIT_NO_STUDY} when no study matched,
 * {@link #EXIT_CUT_OFF} when the JVM went down mid-run, {@link #EXIT_CLASSES_TOO_NEW} when this JVM is
 * too old for the test classes. This is the main class the {@code tuner:tune}
 * goal starts in its forked JVM, and these codes are what the goal reads.
 *
 * <pre>
 * java -Dtuner.trials=200 -Dtuner.test=QuickstartTuning -cp ... dev.tuner.engine.console.TunerConsole target/test-classes
 * </pre>
 *
 * <p>Settings are the {@code tuner.*} configuration parameters of {@link Constants}, read from
 * system properties and {@code junit-platform.properties}.
 */
public final class TunerConsole {

    /** Exit code: every study ran. */
    public static final int EXIT_OK = 0;
    /** Exit code: a study could not run, or ended without a complete trial; its error is printed. */
    public static final int EXIT_STUDY_FAILED = 1;
    /** Exit code: no {@code @Tune} method matched. */
    public static final int EXIT_NO_STUDY = 2;
    /** Exit code: the JVM went down mid-run (System.exit in an objective, a signal); the trials cut off are printed. */
    public static final int EXIT_CUT_OFF = 3;
    /**
     * Exit code: no study ran because the test classes were compiled for a newer Java than this JVM's;
     * the class, its version and this JVM are printed.
     */
    public static final int EXIT_CLASSES_TOO_NEW = 4;

    private TunerConsole() {}

    /** Runs the studies under the directories named by {@code args}; see the class comment. */
    public static void main(String[] args) {
        ExitGuard guard = ExitGuard.install(System.out);
        ParentWatch.start(System.out, guard);
        int code = run(args, System.out, System.console() != null);
        guard.finished();
        System.exit(code);
    }

    /**
     * The run's settings: every {@code tuner.*} system property, with the defaults of a tuning run:
     * search (an ordinary test run defaults to the best), a progress line refreshed twice a
     * second on a terminal, every ten seconds in a log, and no summary printed by a search's best
     * test, since the console prints its own.
     */
    private static Map<String, String> settings(boolean terminal) {
        Map<String, String> settings = new HashMap<>();
        System.getProperties().forEach((key, value) -> {
            if (key.toString().startsWith("tuner.")) {
                settings.put(key.toString(), value.toString());
            }
        });
        settings.putIfAbsent(Constants.MODE_PROPERTY_NAME, "search");
        settings.putIfAbsent(Constants.PROGRESS_INTERVAL_PROPERTY_NAME, terminal ? "500ms" : "10s");
        settings.putIfAbsent(Constants.BEST_SUMMARY_PROPERTY_NAME, "false");
        return settings;
    }

    static int run(String[] args, PrintStream out) {
        return run(args, out, false);
    }

    /** Runs the studies, printing to {@code out}, redrawing the progress line in place if it is a terminal. */
    static int run(String[] args, PrintStream out, boolean terminal) {
        if (args.length == 0) {
            out.println("[tuner] ERROR: no test-class directory given; "
                    + "usage: TunerConsole <test-classes directory>...");
            return EXIT_NO_STUDY;
        }
        Set<Path> roots = Arrays.stream(args).map(Path::of).filter(Files::isDirectory)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        String testFilter = System.getProperty(Constants.TEST_PROPERTY_NAME, "");
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(roots))
                .filters(includeEngines(TunerTestEngine.ENGINE_ID),
                        includeClassNamePatterns(ClassNamePatterns.fromFilter(testFilter)))
                // explicit, so that the engine can list them (tuner.<sampler>.* options)
                .configurationParameters(settings(terminal))
                .build();
        ConsoleReport report = new ConsoleReport(out, terminal);
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, report);
        if (report.studiesRun() == 0 && report.studiesSkipped() == 0) {
            // the platform skips a class this JVM cannot load without a word: say so, rather than "no @Tune method"
            int feature = Runtime.version().feature();
            Optional<TooNewClasses.Found> tooNew = TooNewClasses.find(roots, TooNewClasses.newestLoadable(feature));
            if (tooNew.isPresent()) {
                out.println("[tuner] ERROR: " + TooNewClasses.message(tooNew.get(), System.getProperty("java.version"),
                        System.getProperty("java.home"), feature));
                return EXIT_CLASSES_TOO_NEW;
            }
            out.println("[tuner] ERROR: no @Tune method found in " + roots
                    + (testFilter.isBlank() ? "" : " matching " + Constants.TEST_PROPERTY_NAME + "=" + testFilter)
                    + "; annotate an objective method in the test sources with @Tune, or correct the filter");
            return EXIT_NO_STUDY;
        }
        return report.studiesFailed() == 0 ? EXIT_OK : EXIT_STUDY_FAILED;
    }
}

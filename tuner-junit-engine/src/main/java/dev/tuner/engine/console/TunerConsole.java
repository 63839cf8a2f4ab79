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
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs every {@code @Tune} method found under the given test-class directories with the tuner
 * engine, prints each trial and a summary, and exits with 0 when every study ran, 1 when one
 * could not run, 2 when no study matched. This is the main class the {@code tuner:tune} goal
 * starts in its forked JVM.
 *
 * <pre>
 * java -Dtuner.trials=200 -Dtuner.test=QuickstartTuning -cp ... dev.tuner.engine.console.TunerConsole target/test-classes
 * </pre>
 *
 * <p>Settings are the {@code tuner.*} configuration parameters of {@link Constants}, read from
 * system properties and {@code junit-platform.properties}.
 */
public final class TunerConsole {

    private TunerConsole() {}

    /** Runs the studies under the directories named by {@code args}; see the class comment. */
    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    private static Map<String, String> tunerSystemProperties() {
        Map<String, String> settings = new HashMap<>();
        System.getProperties().forEach((key, value) -> {
            if (key.toString().startsWith("tuner.")) {
                settings.put(key.toString(), value.toString());
            }
        });
        return settings;
    }

    static int run(String[] args, PrintStream out) {
        if (args.length == 0) {
            out.println("[tuner] ERROR: no test-class directory given; "
                    + "usage: TunerConsole <test-classes directory>...");
            return 2;
        }
        Set<Path> roots = Arrays.stream(args).map(Path::of).filter(Files::isDirectory)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        String testFilter = System.getProperty(Constants.TEST_PROPERTY_NAME, "");
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathRoots(roots))
                .filters(includeEngines(TunerTestEngine.ENGINE_ID),
                        includeClassNamePatterns(ClassNamePatterns.fromFilter(testFilter)))
                // explicit, so that the engine can list them (tuner.<sampler>.* options)
                .configurationParameters(tunerSystemProperties())
                .build();
        ConsoleReport report = new ConsoleReport(out);
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, report);
        if (report.studiesRun() == 0) {
            out.println("[tuner] ERROR: no @Tune method found in " + roots
                    + (testFilter.isBlank() ? "" : " matching " + Constants.TEST_PROPERTY_NAME + "=" + testFilter)
                    + "; annotate an objective method in the test sources with @Tune, or correct the filter");
            return 2;
        }
        return report.studiesFailed() == 0 ? 0 : 1;
    }
}

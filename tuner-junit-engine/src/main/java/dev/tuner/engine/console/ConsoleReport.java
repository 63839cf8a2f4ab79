package dev.tuner.engine.console;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/** Prints each trial as it finishes and, at the end, a summary of every study. */
final class ConsoleReport implements TestExecutionListener {

    private static final String PREFIX = "[tuner] ";

    private final PrintStream out;
    private final Map<String, StudyLine> studies = new LinkedHashMap<>();
    private final Map<String, String> studyOfTrial = new HashMap<>();

    ConsoleReport(PrintStream out) {
        this.out = out;
    }

    int studiesRun() {
        return studies.size();
    }

    int studiesFailed() {
        return (int) studies.values().stream().filter(study -> study.failure != null).count();
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        if (isStudy(identifier)) {
            StudyLine study = new StudyLine(studyName(identifier));
            studies.put(identifier.getUniqueId(), study);
            out.println(PREFIX + "Tuning " + study.name);
        }
    }

    @Override
    public void dynamicTestRegistered(TestIdentifier identifier) {
        identifier.getParentId().ifPresent(parent -> studyOfTrial.put(identifier.getUniqueId(), parent));
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        StudyLine study = studies.get(identifier.getUniqueId());
        if (study != null) {
            result.getThrowable().ifPresent(failure -> {
                study.failure = describe(failure);
                out.println(PREFIX + "ERROR " + study.name + ": " + study.failure);
            });
            return;
        }
        String parent = studyOfTrial.remove(identifier.getUniqueId());
        StudyLine owner = parent == null ? null : studies.get(parent);
        if (owner != null) {
            owner.trials++;
            Optional<Throwable> ended = result.getThrowable();
            // a pruned trial is aborted, not failed: the pruner stopped it, nothing went wrong
            boolean pruned = result.getStatus() == TestExecutionResult.Status.ABORTED;
            if (ended.isPresent()) {
                if (pruned) {
                    owner.pruned++;
                } else {
                    owner.failed++;
                }
            }
            out.println(PREFIX + "  " + identifier.getDisplayName()
                    + ended.map(cause -> (pruned ? "  ✂ " : "  ✗ ") + describe(cause)).orElse(""));
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier identifier, ReportEntry entry) {
        StudyLine study = studies.get(identifier.getUniqueId());
        if (study != null) {
            study.entries.putAll(entry.getKeyValuePairs());
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (studies.isEmpty()) {
            return;
        }
        out.println(PREFIX + "Summary");
        for (StudyLine study : studies.values()) {
            out.println(PREFIX + "  " + study.name + ": " + study.trials + " trials, " + study.failed + " failed"
                    + (study.pruned > 0 ? ", " + study.pruned + " pruned" : ""));
            if (study.failure != null) {
                out.println(PREFIX + "    could not run: " + study.failure);
                continue;
            }
            out.println(PREFIX + "    best " + study.entries.getOrDefault("tuner.best", "?")
                    + "  (seed " + study.entries.getOrDefault("tuner.seed", "?") + ")");
            out.println(PREFIX + "    written to " + relative(study.entries.getOrDefault("tuner.properties", "?")));
        }
    }

    /**
     * Tuner's own errors explain themselves in their message; anything else is shown with its
     * type and where it was thrown, since its message alone may say nothing.
     */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        if (message != null && failure.getClass().getName().startsWith("dev.tuner.")) {
            return message;
        }
        StackTraceElement[] stack = failure.getStackTrace();
        return failure + (stack.length == 0 ? "" : " (at " + stack[0] + ")");
    }

    /** A path under the working directory as a relative one, which is shorter to read. */
    private static String relative(String path) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        Path file = Path.of(path).toAbsolutePath();
        return file.startsWith(workingDirectory) ? workingDirectory.relativize(file).toString() : path;
    }

    private static boolean isStudy(TestIdentifier identifier) {
        return identifier.isContainer() && identifier.getSource().filter(MethodSource.class::isInstance).isPresent();
    }

    private static String studyName(TestIdentifier identifier) {
        MethodSource source = (MethodSource) identifier.getSource().orElseThrow();
        return source.getClassName() + "." + source.getMethodName();
    }

    private static final class StudyLine {
        final String name;
        final Map<String, String> entries = new LinkedHashMap<>();
        int trials;
        int failed;
        int pruned;
        String failure;

        StudyLine(String name) {
            this.name = name;
        }
    }
}

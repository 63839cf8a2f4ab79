package dev.tuner.engine.console;

import dev.tuner.core.trial.TrialFailure;
import dev.tuner.engine.Constants;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints each trial as it finishes, with the line the engine published on its test as it ended, a
 * study's progress line now and then, and at the end a summary of every study. The test a search
 * shows its best trial by, after the trials, is neither counted nor printed: the summary says it.
 * The engine may call it from several workers at once, so each event is heard alone. On a terminal the progress line stays at the bottom and is redrawn in place; in a
 * log (CI) it is printed as a plain line each time the engine publishes it.
 */
final class ConsoleReport implements TestExecutionListener {

    private static final String PREFIX = "[tuner] ";
    private static final String CLEAR_LINE = "\r\u001b[K";

    private final PrintStream out;
    private final boolean terminal;
    private final Map<String, StudyLine> studies = new LinkedHashMap<>();
    private final Map<String, String> studyOfTrial = new HashMap<>();
    /** The line of each trial that published one as it ended ({@link Constants#TRIAL_ENTRY}), by unique id. */
    private final Map<String, String> lineOfTrial = new HashMap<>();
    /** The tests a search showed its best trial by ({@link Constants#BEST_ENTRY} on a test), by unique id. */
    private final Set<String> bestTests = new HashSet<>();
    private int skipped;
    private String progressShown;

    ConsoleReport(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    int studiesRun() {
        return studies.size();
    }

    int studiesSkipped() {
        return skipped;
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier identifier, String reason) {
        if (isStudy(identifier)) {
            skipped++;
            println(PREFIX + "Skipped " + studyName(identifier) + ": " + reason);
        }
    }

    int studiesFailed() {
        return (int) studies.values().stream().filter(study -> study.failure != null).count();
    }

    @Override
    public synchronized void executionStarted(TestIdentifier identifier) {
        if (isStudy(identifier)) {
            StudyLine study = new StudyLine(studyName(identifier));
            studies.put(identifier.getUniqueId(), study);
            println(PREFIX + "Tuning " + study.name);
        }
    }

    @Override
    public synchronized void dynamicTestRegistered(TestIdentifier identifier) {
        identifier.getParentId().ifPresent(parent -> studyOfTrial.put(identifier.getUniqueId(), parent));
    }

    @Override
    public synchronized void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        StudyLine study = studies.get(identifier.getUniqueId());
        if (study != null) {
            result.getThrowable().ifPresent(failure -> {
                study.failure = describe(failure);
                println(PREFIX + "ERROR " + study.name + ": " + study.failure);
            });
            clearProgress();
            return;
        }
        String parent = studyOfTrial.remove(identifier.getUniqueId());
        if (bestTests.remove(identifier.getUniqueId())) {
            return;
        }
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
            // the test's name was given at the trial's start; its line, with every knob and the value, at its end
            String line = lineOfTrial.remove(identifier.getUniqueId());
            println(PREFIX + "  " + (line != null ? line : identifier.getDisplayName())
                    + ended.map(cause -> pruned ? "  ✂ " + whereStopped(cause) : "  ✗ " + describe(cause)).orElse(""));
        }
    }

    @Override
    public synchronized void reportingEntryPublished(TestIdentifier identifier, ReportEntry entry) {
        if (studyOfTrial.containsKey(identifier.getUniqueId())) {
            Map<String, String> pairs = entry.getKeyValuePairs();
            if (pairs.containsKey(Constants.TRIAL_ENTRY)) {
                lineOfTrial.put(identifier.getUniqueId(), pairs.get(Constants.TRIAL_ENTRY));
            } else if (pairs.containsKey(Constants.BEST_ENTRY)) {
                bestTests.add(identifier.getUniqueId());
            }
            return;
        }
        StudyLine study = studies.get(identifier.getUniqueId());
        if (study == null) {
            return;
        }
        Map<String, String> pairs = entry.getKeyValuePairs();
        study.entries.putAll(pairs);
        if (pairs.containsKey(Constants.PROGRESS_ENTRY)) {
            showProgress(PREFIX + "  " + pairs.get(Constants.PROGRESS_ENTRY));
        }
        if (pairs.containsKey(Constants.RESUMED_ENTRY)) {
            println(PREFIX + "  resuming: " + pairs.get(Constants.RESUMED_ENTRY)
                    + (pairs.containsKey(Constants.RESUMED_FAILED_ENTRY) ? ", " + pairs.get(Constants.RESUMED_FAILED_ENTRY) : ""));
        }
        if (pairs.containsKey(Constants.SOURCE_ENTRY)) {
            println(PREFIX + "  parameters from " + pairs.get(Constants.SOURCE_ENTRY));
        }
        if (pairs.containsKey(Constants.WARNING_ENTRY)) {
            pairs.get(Constants.WARNING_ENTRY).lines().forEach(warning -> println(PREFIX + "WARNING: " + warning));
        }
    }

    /** Prints a line, above the progress line on a terminal. */
    private void println(String line) {
        if (terminal && progressShown != null) {
            out.print(CLEAR_LINE);
            out.println(line);
            out.print(progressShown);
            out.flush();
        } else {
            out.println(line);
        }
    }

    private void showProgress(String line) {
        if (terminal) {
            out.print(CLEAR_LINE + line);
            out.flush();
            progressShown = line;
        } else {
            out.println(line);
        }
    }

    private void clearProgress() {
        if (terminal && progressShown != null) {
            out.print(CLEAR_LINE);
            out.flush();
            progressShown = null;
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        clearProgress();
        if (studies.isEmpty()) {
            return;
        }
        out.println(PREFIX + "Summary");
        String index = null;
        for (StudyLine study : studies.values()) {
            String resumed = study.entries.get(Constants.RESUMED_ENTRY);
            out.println(PREFIX + "  " + study.name + ": " + study.trials + (resumed == null ? " trials, " : " new trials, ")
                    + study.failed + " failed" + (study.pruned > 0 ? ", " + study.pruned + " pruned" : "")
                    + (resumed == null ? "" : "; resumed with " + resumed.substring(0, resumed.indexOf(" already"))
                            + Optional.ofNullable(study.entries.get(Constants.RESUMED_FAILED_ENTRY))
                                    .map(failed -> " (" + failed.substring(0, failed.indexOf(" failed") + 7) + ")")
                                    .orElse("")
                            + (study.trials == 0 ? ", the whole budget: raise tuner.trials to search further" : "")));
            if (study.failure != null) {
                out.println(PREFIX + "    could not run: " + study.failure);
                continue;
            }
            if (!study.entries.containsKey(Constants.BEST_ENTRY)) {
                continue;  // a best run or a replay: its one trial above says it all
            }
            String seed = study.entries.getOrDefault(Constants.SEED_ENTRY, "?");
            String picked = study.entries.get(Constants.PICKED_ENTRY);
            out.println(PREFIX + (picked == null ? "    best " : "    picked ") + study.entries.get(Constants.BEST_ENTRY)
                    + "  (" + (picked == null ? "" : picked + "; ")
                    + (study.entries.containsKey(Constants.BEST_FROM_EARLIER_RUN_ENTRY)
                            ? "found by an earlier run; this run's seed " + seed + ")"
                            : "seed " + seed + ")"));
            if (study.entries.containsKey(Constants.SAMPLER_ENTRY)) {
                out.println(PREFIX + "    sampler " + study.entries.get(Constants.SAMPLER_ENTRY));
            }
            out.println(PREFIX + "    written to " + relative(study.entries.getOrDefault(Constants.PROPERTIES_ENTRY, "?")));
            if (study.entries.containsKey(Constants.PARETO_ENTRY)) {
                out.println(PREFIX + "    Pareto set " + relative(study.entries.get(Constants.PARETO_ENTRY)));
            }
            if (study.entries.containsKey(Constants.REPORT_ENTRY)) {
                Path page = Path.of(study.entries.get(Constants.REPORT_ENTRY));
                out.println(PREFIX + "    report " + relative(page.toString()));
                index = page.resolveSibling("index.html").toString();
            }
        }
        if (index != null) {
            out.println(PREFIX + "Report of every study: " + relative(index));
        }
    }

    /**
     * Tuner's own errors explain themselves in their message; anything else is shown with its
     * type and where it was thrown, since its message alone may say nothing.
     */
    static String describe(Throwable thrown) {
        Throwable failure = TrialFailure.unwrapped(thrown);
        String message = failure.getMessage();
        if (message != null && failure.getClass().getName().startsWith("dev.tuner.")) {
            return message;
        }
        StackTraceElement[] stack = failure.getStackTrace();
        return failure + (stack.length == 0 ? "" : " (at " + stack[0] + ")");
    }

    /** A pruned trial's reason without the words its name already says: {@code at step 4 (value 0.91)}. */
    private static String whereStopped(Throwable pruned) {
        String message = describe(pruned);
        int at = message.indexOf(" pruned ");
        return message.startsWith("trial #") && at > 0 ? message.substring(at + " pruned ".length()) : message;
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

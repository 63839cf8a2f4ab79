package dev.tuner.engine;

import dev.tuner.core.inject.TunerAgent;
import dev.tuner.core.output.BestLookup;
import dev.tuner.core.output.KnownParameters;
import dev.tuner.core.plan.StudyPlan;
import dev.tuner.core.storage.StorageName;
import dev.tuner.core.storage.StoragePool;
import java.util.Optional;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Runs one {@code @Tune} method as its mode says ({@link Constants#MODE_PROPERTY_NAME}): its study,
 * its best known parameters once, one stored trial again, or nothing. The container fails only
 * when the method cannot run at all: an invalid declaration or setting, or no trial completing.
 */
final class StudyExecution {

    private final TuneMethodDescriptor descriptor;
    private final EngineExecutionListener listener;
    private final RunSettings settings;
    private final StoragePool storages;

    StudyExecution(TuneMethodDescriptor descriptor, EngineExecutionListener listener, RunSettings settings,
            StoragePool storages) {
        this.descriptor = descriptor;
        this.listener = listener;
        this.settings = settings;
        this.storages = storages;
    }

    void run() {
        StudyPlan plan;
        Optional<KnownParameters> known = Optional.empty();
        TrialDescriptor.Kind kind = TrialDescriptor.Kind.SEARCHED;
        try {
            settings.checkKeys();
            StudyMode mode = mode();
            if (mode == StudyMode.OFF) {
                listener.executionSkipped(descriptor, Constants.MODE_PROPERTY_NAME + "=off");
                return;
            }
            plan = StudyPlan.of(descriptor.testClass(), descriptor.method(), settings.overrides());
            if (descriptor.replayedTrial().isPresent()) {
                known = Optional.of(replayed(plan, descriptor.replayedTrial().getAsInt()));
                kind = TrialDescriptor.Kind.REPLAYED;
            } else if (mode == StudyMode.BEST) {
                BestLookup.Found found = bestKnown(plan);
                known = found.known();
                if (known.isEmpty()) {
                    listener.executionSkipped(descriptor, "no tuned parameters of study " + plan.studyName()
                            + " yet (looked in " + String.join(", ", found.lookedIn()) + "); run mvn tuner:tune to"
                            + " search, or set " + Constants.MODE_PROPERTY_NAME + "=search");
                    return;
                }
                kind = TrialDescriptor.Kind.BEST;
            }
            // only a study that runs and reads knobs of fields or methods needs the agent
            TunerAgent.ensureInstalledFor(plan.objective());
        } catch (Throwable invalid) {
            rethrowIfOutOfMemory(invalid);
            listener.executionStarted(descriptor);
            listener.executionFinished(descriptor, TestExecutionResult.failed(invalid));
            return;
        }
        listener.executionStarted(descriptor);
        TestExecutionResult result;
        try {
            if (known.isPresent()) {
                new SingleTrialRun(descriptor, listener, settings).run(plan, known.get(), kind);
            } else {
                new SearchRun(descriptor, listener, settings).run(plan,
                        storages.open(plan.storage(), settings.storageOutageTimeout()));
            }
            result = TestExecutionResult.successful();
        } catch (Throwable failure) {
            // a study that cannot go on fails its container and the run goes on to the next study:
            // an error escaping the engine would end the run, and the launcher would only log it
            rethrowIfOutOfMemory(failure);
            result = TestExecutionResult.failed(failure);
        }
        listener.executionFinished(descriptor, result);
    }

    /** As JUnit's engines do: out of memory outside a trial is the one error not worth reporting per study. */
    private static void rethrowIfOutOfMemory(Throwable thrown) {
        if (thrown instanceof OutOfMemoryError outOfMemory) {
            throw outOfMemory;
        }
    }

    /**
     * The run's mode, else the one the selection implies: a method selected by itself searches,
     * one reached through its class or package runs its best, so a plain test run never searches.
     * Rerunning the test of a best run runs the best again, whatever the run's mode but off.
     */
    private StudyMode mode() {
        Optional<StudyMode> configured = settings.mode();
        if (configured.orElse(null) == StudyMode.OFF) {
            return StudyMode.OFF;
        }
        if (descriptor.bestRequested()) {
            return StudyMode.BEST;
        }
        return configured.orElse(descriptor.selectedDirectly() ? StudyMode.SEARCH : StudyMode.BEST);
    }

    private KnownParameters replayed(StudyPlan plan, int number) {
        return storages.openIfPresent(plan.storage(), settings.storageOutageTimeout())
                .flatMap(storage -> KnownParameters.storedTrial(storage, plan.studyName(), number))
                .orElseThrow(() -> new IllegalStateException("trial #" + number + " of study " + plan.studyName()
                        + " is not in storage " + plan.storage() + ", so it cannot be run again; run the whole study"
                        + " (its method) instead, or point " + Constants.STORAGE_PROPERTY_NAME
                        + " at the storage that holds it"));
    }

    /** The best parameters known, as {@link BestLookup} finds them, and every place it looked in. */
    private BestLookup.Found bestKnown(StudyPlan plan) {
        BestLookup lookup = new BestLookup(settings.outputDirectory(), settings.outputFile(), settings.productionFile(),
                descriptor.testClass().getClassLoader());
        return lookup.find(plan.studyName(), plan.directions(), plan.objective().pick(), StorageName.of(plan.storage()),
                storages.openIfPresent(plan.storage(), settings.storageOutageTimeout()));
    }
}

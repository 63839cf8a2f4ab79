package dev.tuner.engine;

import dev.tuner.core.storage.StoragePool;
import java.util.logging.Logger;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;

/** Runs the discovered tree: engine, then each class, then the study of each {@code @Tune} method. */
final class TunerExecution {

    /** Warnings about the run's settings go where JUnit's own go, so that Surefire, IDEs and the console show them. */
    private static final Logger LOG = Logger.getLogger(TunerTestEngine.class.getName());

    private final TestDescriptor engine;
    private final EngineExecutionListener listener;
    private final RunSettings settings;

    TunerExecution(ExecutionRequest request) {
        this.engine = request.getRootTestDescriptor();
        this.listener = request.getEngineExecutionListener();
        this.settings = new RunSettings(request.getConfigurationParameters());
    }

    void run() {
        listener.executionStarted(engine);
        settings.deprecations().forEach(LOG::warning);
        // one storage object per spec for the whole run: studies sharing a journal share its lock
        try (StoragePool storages = new StoragePool()) {
            for (TestDescriptor testClass : engine.getChildren()) {
                listener.executionStarted(testClass);
                for (TestDescriptor child : testClass.getChildren()) {
                    new StudyExecution((TuneMethodDescriptor) child, listener, settings, storages).run();
                }
                listener.executionFinished(testClass, TestExecutionResult.successful());
            }
        }
        listener.executionFinished(engine, TestExecutionResult.successful());
    }
}

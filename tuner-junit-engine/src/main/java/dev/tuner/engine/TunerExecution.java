package dev.tuner.engine;

import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;

/** Runs the discovered tree: engine, then each class, then the study of each {@code @Tune} method. */
final class TunerExecution {

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
        for (TestDescriptor testClass : engine.getChildren()) {
            listener.executionStarted(testClass);
            for (TestDescriptor child : testClass.getChildren()) {
                new StudyExecution((TuneMethodDescriptor) child, listener, settings).run();
            }
            listener.executionFinished(testClass, TestExecutionResult.successful());
        }
        listener.executionFinished(engine, TestExecutionResult.successful());
    }
}

package dev.tuner.engine;

import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;

/**
 * The JUnit Platform engine {@code tuner}: discovers {@code @Tune} methods and runs the study of
 * each, reporting every trial as a dynamic test under its method's container.
 *
 * <p>It is found through {@code META-INF/services}, so having {@code tuner-junit-engine} on the
 * test classpath is enough for IDEs, Surefire and the {@code tuner:tune} goal. Its settings are the
 * configuration parameters in {@link Constants}.
 */
public final class TunerTestEngine implements TestEngine {

    /** The engine's id: {@value}. */
    public static final String ENGINE_ID = "tuner";

    private static final EngineDiscoveryRequestResolver<EngineDescriptor> RESOLVER =
            EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
                    .addClassContainerSelectorResolver(TuneSelectorResolver.IS_TUNE_CLASS)
                    .addSelectorResolver(context -> new TuneSelectorResolver(context.getClassNameFilter()))
                    .build();

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "Tuner");
        RESOLVER.resolve(request, engine);
        DirectSelections.mark(request, engine);
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        new TunerExecution(request).run();
    }
}

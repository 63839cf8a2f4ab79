package dev.tuner.core.inject;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.utility.JavaModule;

/**
 * Reports a class the agent could not rewrite, once, in one line: its annotated fields and
 * methods keep their declared values there, and the run goes on. The full trace appears with
 * {@code -Dtuner.agent.debug=true}.
 */
final class InstrumentationErrors extends AgentBuilder.Listener.Adapter {

    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    @Override
    public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
            Throwable throwable) {
        if (!reported.add(typeName)) {
            return;
        }
        System.err.println("[tuner] WARNING: could not instrument " + typeName + " (" + throwable
                + "); knob fields and methods read there keep their declared values. Run with "
                + "-Dtuner.agent.debug=true for the trace, -Dnet.bytebuddy.dump=DIR for the class files");
        if (Boolean.getBoolean("tuner.agent.debug")) {
            throwable.printStackTrace();
        }
    }
}

package dev.tuner.core.inject;

import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * The Java agent that lets annotated fields and methods read the current trial's knob values
 * (see {@link TrialContext}). The {@code tuner:tune} goal starts the JVM that runs the trials
 * with it:
 *
 * <pre>
 * java -javaagent:tuner-core.jar -cp ... dev.tuner.engine.console.TunerConsole ...
 * </pre>
 *
 * <p>Elsewhere (an IDE, Surefire) the engine calls {@link #ensureInstalled()} before the first
 * study, which attaches the agent to the running JVM and prints a warning once: self-attach is
 * slower, and JDK 21 and later warn about it unless started with
 * {@code -XX:+EnableDynamicAgentLoading}. Prefer {@code -javaagent}.
 *
 * <p>The agent rewrites reads of annotated fields (static or instance, final or not) and the
 * returns of annotated methods without parameters, in every class that could read them; classes
 * loaded before it are retransformed. It adds no members to any class.
 */
public final class TunerAgent {

    private static Instrumentation installed;
    private static boolean warned;

    private TunerAgent() {}

    /** Entry point of {@code -javaagent:tuner-core.jar}. */
    public static void premain(String arguments, Instrumentation instrumentation) {
        install(instrumentation);
    }

    /** Entry point when the agent is attached to a running JVM. */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        install(instrumentation);
    }

    /**
     * Installs the agent unless it is installed already, attaching it to this JVM when it was not
     * started with {@code -javaagent}.
     *
     * @throws IllegalStateException if this JVM cannot attach an agent to itself; the message says
     *     how to start it with {@code -javaagent} instead
     */
    public static synchronized void ensureInstalled() {
        if (installed != null) {
            return;
        }
        if (!warned) {
            warned = true;
            System.err.println("[tuner] WARNING: the Tuner agent was not given with -javaagent, so it is attached "
                    + "to the running JVM; annotated fields and methods work, but start the JVM with "
                    + "-javaagent:<path of tuner-core.jar> (as mvn tuner:tune does) to avoid self-attach, which "
                    + "JDK 21+ warns about and may forbid");
        }
        Instrumentation instrumentation;
        try {
            instrumentation = ByteBuddyAgent.install();
        } catch (IllegalStateException cannotAttach) {
            throw new IllegalStateException("Could not attach the Tuner agent to this JVM (" + cannotAttach.getMessage()
                    + "), so annotated fields and methods cannot read trial values; start the JVM with "
                    + "-javaagent:<path of tuner-core.jar>, or run a full JDK rather than a JRE", cannotAttach);
        }
        install(instrumentation);
    }

    /** Whether the agent is installed in this JVM. */
    public static synchronized boolean isInstalled() {
        return installed != null;
    }

    private static synchronized void install(Instrumentation instrumentation) {
        if (installed != null) {
            return;
        }
        KnobInstrumentation.install(instrumentation);
        installed = instrumentation;
    }
}

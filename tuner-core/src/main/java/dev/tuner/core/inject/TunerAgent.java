package dev.tuner.core.inject;

import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * The Java agent that lets annotated fields and methods read the current trial's knob values
 * (see {@link TrialContext}). Give it when the JVM starts, as JaCoCo's agent is given:
 *
 * <pre>
 * java -javaagent:tuner-core.jar -cp ... dev.tuner.engine.console.TunerConsole ...
 * </pre>
 *
 * <p>{@code mvn tuner:tune} starts its JVM so; {@code tuner:prepare-agent} puts the option into
 * Surefire's {@code argLine} (and so into IDEs that import the pom); in another IDE run, add it to the
 * run configuration's VM options. A study needs the agent only when its code reads knobs of fields or
 * methods ({@link MethodObjective#knobReadByAgent()}); one whose knobs are all parameters of its
 * {@code @Tune} method runs without it. When a study needs it and it was not given,
 * {@link #ensureInstalledFor(MethodObjective)} attaches it to the running JVM, with a warning: JDK 21
 * and later warn about that too, and a JVM started with {@code -XX:-EnableDynamicAgentLoading} (a
 * coming JDK's default) forbids it, so the study fails with a message that says how to give it.
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
     * Installs the agent if {@code objective} reads knobs of fields or methods and it is not installed
     * yet: from Byte Buddy's agent if that was given with {@code -javaagent}, else by attaching it to
     * this JVM, with a warning.
     *
     * @throws IllegalStateException if the agent is needed but cannot be attached; the message names
     *     the study, the knob that needs it, and how to start the JVM with {@code -javaagent}
     */
    public static synchronized void ensureInstalledFor(MethodObjective objective) {
        Optional<String> knob = objective.knobReadByAgent();
        if (knob.isEmpty() || installed != null) {
            return;
        }
        try {
            attach();
        } catch (CannotAttach cannotAttach) {
            throw new IllegalStateException("@Tune method " + objective.describe() + " reads the " + knob.get()
                    + ", which only the Tuner agent can hand a trial's value, and " + cannotAttach.getMessage(),
                    cannotAttach.getCause());
        }
    }

    /**
     * Installs the agent unless it is installed already: from Byte Buddy's agent if that was given
     * with {@code -javaagent}, else by attaching it to this JVM, with a warning.
     *
     * @throws IllegalStateException if this JVM cannot attach an agent to itself; the message says
     *     how to start it with {@code -javaagent} instead
     */
    public static synchronized void ensureInstalled() {
        if (installed != null) {
            return;
        }
        try {
            attach();
        } catch (CannotAttach cannotAttach) {
            throw new IllegalStateException("The Tuner agent cannot be installed: " + cannotAttach.getMessage(),
                    cannotAttach.getCause());
        }
    }

    /** Installs Byte Buddy's agent's instrumentation if it was given, else attaches to this JVM. */
    private static void attach() throws CannotAttach {
        Optional<Instrumentation> given = givenByteBuddyAgent();
        if (given.isPresent()) {
            install(given.get());
            return;
        }
        if (dynamicAgentLoadingDisabled()) {
            throw new CannotAttach("this JVM forbids attaching agents (it runs with "
                    + "-XX:-EnableDynamicAgentLoading); " + howToGive(), null);
        }
        if (!warned) {
            warned = true;
            System.err.println("[tuner] WARNING: the Tuner agent was not given with -javaagent, so it is attached "
                    + "to the running JVM, which JDK 21+ warns about and will forbid; " + howToGive());
        }
        Instrumentation instrumentation;
        try {
            instrumentation = ByteBuddyAgent.install();
        } catch (IllegalStateException cannotAttach) {
            throw new CannotAttach("it could not be attached to this JVM (" + cannotAttach.getMessage()
                    + "); " + howToGive(), cannotAttach);
        }
        install(instrumentation);
    }

    /** Whether the agent is installed in this JVM. */
    public static synchronized boolean isInstalled() {
        return installed != null;
    }

    /**
     * How to give the agent: the option with this JVM's tuner-core jar, and where it goes. Each place
     * is documented in docs/ide.md.
     */
    static String howToGive() {
        return "start the JVM with -javaagent:" + jar().map(Path::toString).orElse("<path of tuner-core.jar>")
                + ": run mvn tuner:tune, which does; for mvn test, add the tuner:prepare-agent goal to the "
                + "tuner-maven-plugin in the pom, which puts it into Surefire's argLine (IDEs that import the pom "
                + "take it from there); elsewhere add it to the run configuration's VM options (docs/ide.md)";
    }

    /** The jar this class was loaded from, if it was a jar: the one to give with {@code -javaagent}. */
    static Optional<Path> jar() {
        CodeSource source = TunerAgent.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return location.getFileName() != null && location.getFileName().toString().endsWith(".jar")
                    ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException notAFile) {
            return Optional.empty();
        }
    }

    /** The instrumentation of Byte Buddy's own agent, if the JVM was started with {@code -javaagent:byte-buddy-agent.jar}. */
    private static Optional<Instrumentation> givenByteBuddyAgent() {
        try {
            return Optional.of(ByteBuddyAgent.getInstrumentation());
        } catch (IllegalStateException notGiven) {
            return Optional.empty();
        }
    }

    /**
     * Whether the JVM runs with {@code -XX:-EnableDynamicAgentLoading}, so that attaching would fail
     * (after Byte Buddy tried an external process too). False where the option is unknown.
     */
    private static boolean dynamicAgentLoadingDisabled() {
        try {
            return ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption("EnableDynamicAgentLoading").getValue().equals("false");
        } catch (RuntimeException | LinkageError unknown) {
            return false;
        }
    }

    /** Why the agent could not be attached, worded to follow "and". */
    private static final class CannotAttach extends Exception {

        private static final long serialVersionUID = 1L;

        CannotAttach(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private static synchronized void install(Instrumentation instrumentation) {
        if (installed != null) {
            return;
        }
        KnobInstrumentation.install(instrumentation);
        installed = instrumentation;
    }
}

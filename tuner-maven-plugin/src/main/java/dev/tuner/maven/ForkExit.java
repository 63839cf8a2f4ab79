package dev.tuner.maven;

import dev.tuner.engine.console.TunerConsole;
import java.util.Optional;

/** What the forked JVM's exit code says about the run, as the message the build fails with. */
final class ForkExit {

    private ForkExit() {}

    /** Why the build fails for exit code {@code code}; empty when every study ran. */
    static Optional<String> failure(int code) {
        switch (code) {
            case TunerConsole.EXIT_OK:
                return Optional.empty();
            case TunerConsole.EXIT_STUDY_FAILED:
                return Optional.of("A study could not run (exit code " + code + "); its error is printed above as"
                        + " [tuner] ERROR and in the summary");
            case TunerConsole.EXIT_NO_STUDY:
                return Optional.of("No study ran: no @Tune method matched (see [tuner] ERROR above)");
            case TunerConsole.EXIT_CUT_OFF:
                return Optional.of("The JVM running the studies exited before they finished (System.exit in an"
                        + " objective, or a signal): the trials it cut off are named above as [tuner] ERROR; the"
                        + " finished ones are kept, and running tuner:tune again resumes the studies");
            case TunerConsole.EXIT_CLASSES_TOO_NEW:
                return Optional.of("No study ran: the JVM running the studies is older than the Java the test classes"
                        + " were compiled for (see [tuner] ERROR above for the class, its version and that JVM). Run"
                        + " the studies on a newer JDK: select it with maven-toolchains-plugin or the plugin's"
                        + " <jdkToolchain>, as for Surefire, or give its java with -Dtuner.jvm");
            default:
                if (code > 128 && code < 128 + 65) {
                    return Optional.of("The JVM running the studies was killed by signal " + (code - 128) + " (exit code "
                            + code + ")" + (code - 128 == 9 ? ", e.g. by kill -9 or the kernel's out-of-memory killer" : "")
                            + ", so it could not say which trial was running. The trials it finished are kept, and"
                            + " running tuner:tune again resumes the studies");
                }
                return Optional.of("The JVM running the studies ended with exit code " + code + " before they finished"
                        + " (a crash of the JVM, or Runtime.halt in an objective): see its output above. The trials it"
                        + " finished are kept, and running tuner:tune again resumes the studies");
        }
    }
}

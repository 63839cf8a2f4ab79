package it.jdbc;

import dev.tuner.Tune;
import dev.tuner.Uniform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

class JdbcSettingsTuning {

    private static boolean recorded;

    /**
     * Appends each x to target/evaluations.txt, for the check to compare with the database; on its first
     * trial in a JVM, also keeps what that JVM was started with (the goal deletes its argument file at its
     * end) and whether a password reached it through the environment.
     */
    @Tune
    double quad(@Uniform(min = -10, max = 10) double x) throws IOException {
        append("target/evaluations.txt", x + "\n");
        synchronized (JdbcSettingsTuning.class) {
            if (!recorded) {
                recorded = true;
                try (Stream<Path> files = Files.list(Path.of("target"))) {
                    for (Path arguments : files.filter(file -> file.getFileName().toString().endsWith(".args")).toList()) {
                        append("target/fork-arguments.txt", Files.readString(arguments));
                    }
                }
                append("target/fork-login.txt", "user " + System.getenv("TUNER_JDBC_USER")
                        + ", password in the environment: " + (System.getenv("TUNER_JDBC_PASSWORD") != null) + "\n");
            }
        }
        return (x - 2) * (x - 2);
    }

    private static void append(String file, String text) throws IOException {
        Files.writeString(Path.of(file), text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}

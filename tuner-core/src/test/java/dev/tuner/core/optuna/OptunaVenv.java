package dev.tuner.core.optuna;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real Optuna, in a throwaway virtual environment under {@code target/}: {@code python3 -m venv}
 * and {@code pip install optuna==5.0.0}, from whatever index or wheel mirror pip is configured
 * with. Tests that need it are skipped, saying why, where Python, venv or the wheel is missing;
 * {@code .ci/run} installs Debian's python3-venv so that CI runs them.
 */
final class OptunaVenv {

    static final String VERSION = "5.0.0";
    private static final Path HOME = Path.of("target", "optuna-venv").toAbsolutePath();

    private static Path python;

    private OptunaVenv() {}

    /** The venv's {@code python}, with Optuna installed; the calling test is skipped if it cannot be made. */
    static synchronized Path python() throws IOException, InterruptedException {
        if (python != null) {
            return python;
        }
        Path bin = HOME.resolve("bin").resolve("python");
        Path marker = HOME.resolve("optuna-" + VERSION + ".installed");
        if (!Files.exists(marker)) {
            Result version = run(List.of("python3", "--version"), HOME.getParent(), 60);
            assumeTrue(version.code == 0, () -> "python3 is not on the PATH (" + version.output.strip()
                    + "): the tests against the real Optuna are skipped; install python3 and python3-venv to run them");
            Result venv = run(List.of("python3", "-m", "venv", "--clear", HOME.toString()), HOME.getParent(), 300);
            assumeTrue(venv.code == 0, () -> "python3 -m venv failed (" + venv.output.strip()
                    + "): the tests against the real Optuna are skipped; install python3-venv to run them");
            Result pip = run(List.of(bin.toString(), "-m", "pip", "install", "--quiet", "--retries", "1", "optuna==" + VERSION),
                    HOME.getParent(), 900);
            assumeTrue(pip.code == 0, () -> "pip install optuna==" + VERSION + " failed (" + tail(pip.output)
                    + "): the tests against the real Optuna are skipped; give pip an index or wheel mirror that holds"
                    + " optuna " + VERSION + " and its dependencies");
            Files.writeString(marker, VERSION);
        }
        python = bin;
        return python;
    }

    /**
     * Runs {@code script} with the venv's Python and {@code arguments}, and returns what it printed.
     *
     * @throws AssertionError if the script fails, with its output
     */
    static String runScript(String script, Path directory, String... arguments) throws IOException, InterruptedException {
        Path file = directory.resolve("script.py");
        Files.writeString(file, script);
        List<String> command = new ArrayList<>(List.of(python().toString(), file.toString()));
        command.addAll(List.of(arguments));
        Result result = run(command, directory, 300);
        if (result.code != 0) {
            throw new AssertionError("the Python script failed with exit code " + result.code + ":\n" + result.output);
        }
        return result.output;
    }

    private record Result(int code, String output) {}

    private static Result run(List<String> command, Path directory, int timeoutSeconds)
            throws IOException, InterruptedException {
        Files.createDirectories(directory);
        Path output = Files.createTempFile(directory, "process", ".out");
        Path errors = Files.createTempFile(directory, "process", ".err");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
        } catch (IOException notFound) {
            return new Result(-1, notFound.getMessage());
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return new Result(-1, String.join(" ", command) + " ran longer than " + timeoutSeconds + " s");
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        String warnings = Files.readString(errors, StandardCharsets.UTF_8);
        Files.delete(output);
        Files.delete(errors);
        int code = process.exitValue();
        // what it printed on stdout alone when it worked (Optuna logs to stderr), and everything when not
        return new Result(code, code == 0 ? text : text + warnings);
    }

    private static String tail(String output) {
        String stripped = output.strip();
        return stripped.length() > 600 ? "..." + stripped.substring(stripped.length() - 600) : stripped;
    }
}

package dev.tuner.core.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A headless Chromium for the report's browser tests: found at {@code TUNER_CHROMIUM}, or where
 * Debian's {@code chromium} package puts it; run once per page with no network (a proxy that
 * does not exist), no profile of the user, and the page's console logged to stderr.
 */
final class HeadlessChromium {

    static final String ENV = "TUNER_CHROMIUM";
    private static final List<String> KNOWN = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");
    private static final long TIMEOUT_SECONDS = 120;

    /** What one run printed. */
    record Run(String stdout, String stderr) {

        /** The lines the page's console wrote, as Chromium logs them ({@code ...:CONSOLE(12)] "message", source: ...}). */
        List<String> consoleLines() {
            return stderr.lines().filter(line -> line.contains(":CONSOLE")).toList();
        }
    }

    private final Path binary;
    private final Path workDirectory;

    private HeadlessChromium(Path binary, Path workDirectory) {
        this.binary = binary;
        this.workDirectory = workDirectory;
    }

    /** The browser, if one is installed; {@code workDirectory} holds its throwaway profile. */
    static Optional<HeadlessChromium> find(Path workDirectory) {
        String configured = System.getenv(ENV);
        Stream<String> candidates = configured == null || configured.isBlank()
                ? KNOWN.stream()
                : Stream.of(configured);
        return candidates.map(Path::of).filter(Files::isExecutable).findFirst()
                .map(binary -> new HeadlessChromium(binary, workDirectory));
    }

    /** The page's DOM after it loaded and its load handlers ran. */
    Run dumpDom(Path page) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", page.toUri().toString()));
    }

    /** A screenshot of the page's first {@code width × height} pixels, as PNG. */
    Run screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        return run(List.of("--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + png,
                page.toUri().toString()));
    }

    /**
     * Starts loading the page, which may reload itself, and dumps its DOM once {@code virtualMillis}
     * of the page's virtual time passed: its timers run without waiting, so a page reloading every
     * 200 ms reloads as fast as the browser can load it, until it stops reloading.
     */
    Started dumpDomAfter(Path page, long virtualMillis) throws IOException {
        return start(List.of("--virtual-time-budget=" + virtualMillis, "--dump-dom", page.toUri().toString()));
    }

    /** A browser that runs while the test writes the pages it loads. */
    final class Started {

        private final Process process;
        private final List<String> command;
        private final Path out;
        private final Path err;

        private Started(Process process, List<String> command, Path out, Path err) {
            this.process = process;
            this.command = command;
            this.out = out;
            this.err = err;
        }

        /** What the page's console wrote so far. */
        List<String> consoleLines() throws IOException {
            return new Run("", Files.readString(err, StandardCharsets.UTF_8)).consoleLines();
        }

        /** Whether the browser still runs. */
        boolean isAlive() {
            return process.isAlive();
        }

        /** Waits for the browser to end, as {@link #dumpDom} does. */
        Run finish() throws IOException, InterruptedException {
            return HeadlessChromium.this.finish(process, command, out, err);
        }

        /** Ends the browser, should the test end before it. */
        void kill() {
            process.destroyForcibly();
        }
    }

    private Run run(List<String> arguments) throws IOException, InterruptedException {
        return start(arguments).finish();
    }

    private Started start(List<String> arguments) throws IOException {
        Path profile = Files.createTempDirectory(workDirectory, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-default-apps", "--no-first-run",
                "--no-default-browser-check", "--user-data-dir=" + profile,
                // nothing may be fetched: any request goes to a proxy that is not there and fails
                "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                "--enable-logging=stderr", "--v=0"));
        command.addAll(arguments);
        Path out = workDirectory.resolve("chromium.out");
        Path err = workDirectory.resolve("chromium.err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        return new Started(process, command, out, err);
    }

    private Run finish(Process process, List<String> command, Path out, Path err) throws IOException,
            InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(binary + " did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(binary + " exited with " + process.exitValue() + ": " + command
                    + "\n" + stderr);
        }
        return new Run(stdout, stderr);
    }
}

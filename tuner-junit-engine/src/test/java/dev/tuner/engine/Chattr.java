package dev.tuner.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Makes files and folders immutable with chattr, which stops root too: the tests run as root on the
 * build machines, whom file modes do not stop.
 */
final class Chattr {

    private Chattr() {}

    /** Sets ({@code +i}) or clears ({@code -i}) the immutable flag; whether it took, false where chattr is missing. */
    static boolean immutable(Path path, boolean on) throws IOException, InterruptedException {
        try {
            Process process = new ProcessBuilder("chattr", on ? "+i" : "-i", path.toString())
                    .redirectErrorStream(true).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0
                    && (!on || !Files.isWritable(path) || isImmutable(path));
        } catch (IOException noChattr) {
            return false;
        }
    }

    private static boolean isImmutable(Path path) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("lsattr", "-d", path.toString()).redirectErrorStream(true).start();
        String flags = new String(process.getInputStream().readAllBytes());
        return process.waitFor(30, TimeUnit.SECONDS) && flags.split(" ")[0].contains("i");
    }
}

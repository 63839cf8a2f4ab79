package dev.tuner.testing.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The user the server runs as. PostgreSQL refuses to run as root, and CI machines run as root; there the
 * server runs as {@value #UNPRIVILEGED}, which every Linux system has (Debian's and Ubuntu's base images
 * included), through {@code setpriv} of util-linux, which every such system has too and which, unlike
 * {@code su} or {@code runuser}, needs no login session. Any other user runs the server as itself.
 */
final class ServerAccount {

    static final String UNPRIVILEGED = "nobody";

    private final String uid;
    private final String gid;

    private ServerAccount(String uid, String gid) {
        this.uid = uid;
        this.gid = gid;
    }

    /** The account for this process: itself, or {@value #UNPRIVILEGED} when it is root. */
    static ServerAccount forThisProcess() {
        if (!isRoot()) {
            return new ServerAccount(null, null);
        }
        return new ServerAccount(id("-u"), id("-g"));
    }

    boolean switchesUser() {
        return uid != null;
    }

    /** The command line that runs {@code command} as this account. */
    List<String> command(List<String> command) {
        if (!switchesUser()) {
            return command;
        }
        List<String> switched = new ArrayList<>(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"));
        switched.addAll(command);
        return switched;
    }

    /** Makes {@code path} this account's, for a server that writes there; nothing to do unless switching. */
    void own(Path path) throws IOException, InterruptedException {
        if (switchesUser()) {
            run(List.of("chown", uid + ":" + gid, path.toString()));
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException noProc) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static String id(String option) {
        try {
            return run(List.of("id", option, UNPRIVILEGED)).strip();
        } catch (IOException | RuntimeException failed) {
            throw new IllegalStateException("running as root, PostgreSQL must run as another user, and the user "
                    + UNPRIVILEGED + " could not be looked up (" + failed.getMessage() + "); run the tests as a user"
                    + " other than root", failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking up the user " + UNPRIVILEGED, interrupted);
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output.strip());
        }
        return output;
    }

    @Override
    public String toString() {
        return switchesUser() ? UNPRIVILEGED + " (uid " + uid + ", as this process runs as root)" : "this process's user";
    }
}

package dev.tuner.core.storage;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server of a test's own, which the test stops, starts and restarts, as
 * {@code .ci/postgres.sh} starts the shared one: {@code initdb} and {@code pg_ctl} of the newest
 * {@code /usr/lib/postgresql/<version>/bin}, run as the {@code postgres} user when the test runs as
 * root (the server refuses to run as root), on a free port of 127.0.0.1, its data in a temporary
 * folder removed by {@link #close()}. Without the binaries the calling test is skipped, saying why;
 * {@code .ci/run} installs them.
 */
final class PostgresCluster implements AutoCloseable {

    private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");
    private static final String USER = "postgres";

    private final Path bin;
    private final Path folder;
    private final int port;
    private final String password = UUID.randomUUID().toString();
    private final boolean asPostgres;

    private PostgresCluster(Path bin, Path folder, int port, boolean asPostgres) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** A new cluster, created and started; skips the calling test when PostgreSQL is not installed. */
    static PostgresCluster start() throws IOException, InterruptedException {
        Path bin = newestBin();
        assumeTrue(bin != null, "PostgreSQL's server binaries are not installed (no " + INSTALLATIONS
                + "/<version>/bin/pg_ctl), so the tests that restart a server of their own are skipped;"
                + " install Debian's postgresql package, as .ci/run does");
        boolean root = "root".equals(System.getProperty("user.name"));
        assumeTrue(!root || Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser")),
                "running as root without runuser, so PostgreSQL cannot be started as the postgres user");
        Path folder = Files.createTempDirectory("tuner-postgres-restart");
        PostgresCluster cluster = new PostgresCluster(bin, folder, freePort(), root);
        try {
            if (root) {
                UserPrincipalLookupService users = folder.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(folder, users.lookupPrincipalByName(USER));
            }
            Path passwordFile = folder.resolve("password");
            Files.writeString(passwordFile, cluster.password + "\n", StandardCharsets.UTF_8);
            if (root) {
                Files.setOwner(passwordFile, folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER));
            }
            cluster.run("initdb", "-D", folder.resolve("data").toString(), "-U", USER, "--auth-local=trust",
                    "--auth-host=scram-sha-256", "--pwfile=" + passwordFile, "--no-sync");
            cluster.startServer();
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException failed) {
            cluster.close();
            throw failed;
        }
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** A storage builder on this server, with its login. */
    JdbcStorage.Builder storage() {
        return JdbcStorage.builder(url()).user(USER).password(password);
    }

    /** Starts the server, and returns once it accepts connections. */
    void startServer() throws IOException, InterruptedException {
        run("pg_ctl", "-D", folder.resolve("data").toString(), "-l", folder.resolve("server.log").toString(), "-w",
                "-t", "60", "start", "-o", "-c listen_addresses=127.0.0.1 -p " + port + " -k " + folder
                        + " -c fsync=off -c full_page_writes=off");
    }

    /**
     * Stops the server in fast mode, as an administrator does before a restart or a failover: every
     * open connection is ended ({@code 57P01 admin shutdown}) and new ones are refused until it starts.
     */
    void stopServer() throws IOException, InterruptedException {
        run("pg_ctl", "-D", folder.resolve("data").toString(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    private void run(String program, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asPostgres) {
            command.addAll(List.of("runuser", "-u", USER, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output + serverLog());
        }
    }

    private String serverLog() {
        try {
            Path log = folder.resolve("server.log");
            return Files.isReadable(log) ? "\nserver log:\n" + Files.readString(log) : "";
        } catch (IOException unreadable) {
            return "";
        }
    }

    private static Path newestBin() throws IOException {
        if (!Files.isDirectory(INSTALLATIONS)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")) && Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparingInt(bin -> versionOf(bin.getParent())))
                    .orElse(null);
        }
    }

    private static int versionOf(Path installation) {
        try {
            return Integer.parseInt(installation.getFileName().toString());
        } catch (NumberFormatException notAVersion) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the server if it runs and removes its folder. */
    @Override
    public void close() {
        try {
            if (Files.exists(folder.resolve("data/postmaster.pid"))) {
                stopServer();
            }
        } catch (IOException | InterruptedException | RuntimeException ignored) {
            // removed below either way
        } finally {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException failed) {
                throw new UncheckedIOException("could not remove " + folder, failed);
            }
        }
    }
}

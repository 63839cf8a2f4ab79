package dev.tuner.testing.postgres;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.postgresql.Driver;

/**
 * A throwaway PostgreSQL server on 127.0.0.1, started from the binaries on the class path ({@value
 * PostgresBinaries#ARTIFACT}) with their own {@code initdb} and {@code pg_ctl}: its data in a new folder of
 * the temporary directory, a free port, and a database {@value #DATABASE} owned by a user {@value #USER}
 * with a random password, logged in over TCP by password as workers do. As root it runs as another user
 * (see {@link ServerAccount}). A test can stop it and start it again, on the same data and port, as an
 * administrator restarts a server; {@link #close()} stops it and removes its folder.
 *
 * <pre>{@code
 * try (PostgresServer server = PostgresServer.start()) {
 *     PostgresLogin login = server.login();
 *     server.stopServer();   // every connection ends (57P01 admin shutdown)
 *     server.startServer();  // back, with its data
 * }
 * }</pre>
 *
 * <p>It is a server for tests: no fsync, so nothing in it outlives a crash of the machine.
 */
public final class PostgresServer implements AutoCloseable {

    /** The database the tests get. */
    public static final String DATABASE = "tuner";
    /** The user the tests log in as, owner of {@link #DATABASE} but no superuser. */
    public static final String USER = "tuner";
    private static final String SUPERUSER = "postgres";
    private static final int PORT_ATTEMPTS = 3;

    private final Path bin;
    private final Path folder;
    private final ServerAccount account;
    private final String password = UUID.randomUUID().toString();
    private int port;
    private Duration startup;
    private String version;

    private PostgresServer(Path bin, Path folder, ServerAccount account) {
        this.bin = bin;
        this.folder = folder;
        this.account = account;
    }

    /**
     * A new server, created and started, with its database and user.
     *
     * @throws IllegalStateException when it could not be, saying which step failed and the server's log
     */
    public static PostgresServer start() {
        return start(PostgresServer.class.getClassLoader(), Path.of(System.getProperty("java.io.tmpdir")));
    }

    static PostgresServer start(ClassLoader loader, Path temporary) {
        long began = System.nanoTime();
        Path installation = PostgresBinaries.installation(loader, temporary);
        ServerAccount account = ServerAccount.forThisProcess();
        PostgresServer server;
        try {
            server = new PostgresServer(installation.resolve("bin"), Files.createTempDirectory(temporary, "tuner-postgres-server"), account);
        } catch (IOException failed) {
            throw new IllegalStateException("could not create a folder for PostgreSQL's data in " + temporary + ": " + failed, failed);
        }
        try {
            server.create();
            server.startOnAFreePort();
            server.createDatabase();
            server.startup = Duration.ofNanos(System.nanoTime() - began);
            return server;
        } catch (RuntimeException failed) {
            server.close();
            throw failed;
        }
    }

    /** How the tests log in: user {@value #USER} to database {@value #DATABASE}. */
    public PostgresLogin login() {
        return new PostgresLogin("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, USER, password);
    }

    /** The server's version, as it says it ({@code server_version}). */
    public String version() {
        return version;
    }

    /** How long {@link #start()} took: unpacking the binaries (the first time on a machine), initdb, start, database. */
    public Duration startup() {
        return startup;
    }

    /** Starts the stopped server again, on its data and port, and returns once it accepts connections. */
    public void startServer() {
        pgCtl("start", "-l", folder.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-c listen_addresses=127.0.0.1 -p " + port + " -k " + folder
                        + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
    }

    /**
     * Stops the server in fast mode, as an administrator does before a restart or a failover: every open
     * connection is ended ({@code 57P01 admin shutdown}) and new ones are refused until it starts again.
     */
    public void stopServer() {
        pgCtl("stop", "-m", "fast", "-w", "-t", "60");
    }

    /** Stops the server if it runs, and removes its folder. */
    @Override
    public void close() {
        try {
            if (Files.exists(folder.resolve("data/postmaster.pid"))) {
                pgCtl("stop", "-m", "immediate", "-w", "-t", "60");
            }
        } catch (RuntimeException ignored) {
            // the folder goes either way
        } finally {
            PostgresBinaries.remove(folder);
        }
    }

    private void create() {
        try {
            account.own(folder);
            Path passwordFile = folder.resolve("password");
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            account.own(passwordFile);
            run("initdb", "-D", data(), "-U", SUPERUSER, "--pwfile=" + passwordFile, "--auth-local=trust",
                    "--auth-host=scram-sha-256", "--locale=C", "--encoding=UTF8", "--no-sync");
            Files.delete(passwordFile);
        } catch (IOException failed) {
            throw new IllegalStateException("could not prepare PostgreSQL's folder " + folder + ": " + failed, failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing PostgreSQL in " + folder, interrupted);
        }
    }

    /** Starts on a free port; one taken by another process between our look and the server's bind is tried again. */
    private void startOnAFreePort() {
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            try {
                startServer();
                return;
            } catch (IllegalStateException failed) {
                if (attempt == PORT_ATTEMPTS || !failed.getMessage().contains("could not bind")) {
                    throw failed;
                }
            }
        }
    }

    private void createDatabase() {
        Properties superuser = new Properties();
        superuser.setProperty("user", SUPERUSER);
        superuser.setProperty("password", password);
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection connection = new Driver().connect(url, superuser);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE USER " + USER + " PASSWORD '" + password + "'");
            statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
            try (ResultSet row = statement.executeQuery("SELECT current_setting('server_version')")) {
                row.next();
                version = row.getString(1);
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("could not create the database " + DATABASE + " and its user on " + url + ": "
                    + failed.getMessage() + serverLog(), failed);
        }
    }

    /** The folder of its data, log and socket. */
    Path folder() {
        return folder;
    }

    private String data() {
        return folder.resolve("data").toString();
    }

    private void pgCtl(String action, String... options) {
        List<String> arguments = new ArrayList<>(List.of(action, "-D", data()));
        arguments.addAll(List.of(options));
        try {
            run("pg_ctl", arguments.toArray(String[]::new));
        } catch (IOException failed) {
            throw new IllegalStateException("could not run pg_ctl " + action + ": " + failed, failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during pg_ctl " + action, interrupted);
        }
    }

    private void run(String program, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(account.command(command)).directory(folder.toFile()).redirectErrorStream(true);
        // the server's settings are all on the command line; none may come from the environment
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(program + " " + String.join(" ", arguments) + ", run as " + account + ", failed: "
                    + output.strip() + serverLog());
        }
    }

    private String serverLog() {
        Path log = folder.resolve("server.log");
        try {
            return Files.isReadable(log) ? "\nserver log " + log + ":\n" + Files.readString(log).strip() : "";
        } catch (IOException unreadable) {
            return "";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new IllegalStateException("found no free port on 127.0.0.1 for PostgreSQL: " + failed, failed);
        }
    }
}

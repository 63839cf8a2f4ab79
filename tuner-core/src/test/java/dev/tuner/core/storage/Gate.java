package dev.tuner.core.storage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Opens a {@link JdbcStorage}'s connections to a real server and cuts them as a network or a
 * server would, at the moment a test chooses: all at once ({@link #close()}, after which new ones
 * are refused until {@link #open()}), or one at the commit of a chosen statement, with the commit
 * done on the server and its answer lost, or not done, or left hanging on the server as a client
 * that gave up on its socket leaves it. A cut connection answers every call with PostgreSQL's
 * driver's own failure, {@code 08006}.
 */
final class Gate implements JdbcSession.Connector {

    /** What happens to the next commit of a transaction that ran a chosen statement. */
    enum Cut {
        /** The server commits; the answer is lost with the connection. */
        ANSWER_LOST,
        /** The connection breaks before the commit reaches the server, which rolls back. */
        NEVER_SENT,
        /** The client gives up waiting; the server's process stays in its open transaction. */
        ABANDONED
    }

    private final List<Cuttable> connections = new CopyOnWriteArrayList<>();
    private final List<Connection> abandoned = new CopyOnWriteArrayList<>();
    private volatile boolean open = true;
    private volatile String marker;
    private volatile Cut cut;

    @Override
    public Connection open(String url, Properties properties) throws SQLException {
        if (!open) {
            throw new SQLException("Connection to " + url + " refused (the gate is closed)", "08001");
        }
        Cuttable connection = new Cuttable(DriverManager.getConnection(url, properties));
        connections.add(connection);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                connection);
    }

    /** Cuts every connection, and refuses new ones until {@link #open()}. */
    void close() throws SQLException {
        open = false;
        for (Cuttable connection : connections) {
            connection.cut(false);
        }
    }

    /** Lets connections be opened again. */
    void open() {
        open = true;
    }

    /** Cuts, as {@code cut} says, the connection that commits a transaction which prepared a statement containing {@code marker}. */
    void cutAtCommitOf(String marker, Cut cut) {
        this.cut = cut;
        this.marker = marker;
    }

    /** Whether the chosen commit was cut. */
    boolean cutDone() {
        return marker == null;
    }

    /** Closes the connections abandoned on the server. */
    void release() throws SQLException {
        for (Connection connection : abandoned) {
            connection.close();
        }
    }

    private final class Cuttable implements InvocationHandler {

        private final Connection real;
        private volatile boolean broken;
        private boolean marked;

        Cuttable(Connection real) {
            this.real = real;
        }

        void cut(boolean keepOnServer) throws SQLException {
            broken = true;
            if (keepOnServer) {
                abandoned.add(real);
            } else {
                real.close();
            }
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            String name = method.getName();
            if (broken) {
                return switch (name) {
                    case "close" -> null;
                    case "isClosed" -> true;
                    default -> throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                };
            }
            if (name.startsWith("prepare") && marker != null && arguments[0] instanceof String sql && sql.contains(marker)) {
                marked = true;
            }
            if (name.equals("commit") && marked) {
                marked = false;
                Cut chosen = cut;
                marker = null;
                if (chosen == Cut.ANSWER_LOST) {
                    real.commit();
                }
                cut(chosen == Cut.ABANDONED);
                throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
            }
            if (name.equals("rollback")) {
                marked = false;
            }
            try {
                return method.invoke(real, arguments);
            } catch (InvocationTargetException thrown) {
                throw thrown.getCause();
            }
        }
    }
}

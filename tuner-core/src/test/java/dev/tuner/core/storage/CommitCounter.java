package dev.tuner.core.storage;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens a {@link JdbcStorage}'s connections to a real server and counts the transactions they
 * commit, as the server's {@code xact_commit} would for this storage alone.
 */
final class CommitCounter implements JdbcSession.Connector {

    private final AtomicInteger commits = new AtomicInteger();

    @Override
    public Connection open(String url, Properties properties) throws SQLException {
        Connection real = DriverManager.getConnection(url, properties);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        commits.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException thrown) {
                        throw thrown.getCause();
                    }
                });
    }

    /** The transactions committed so far. */
    int commits() {
        return commits.get();
    }
}

package dev.tuner.core.storage;

import dev.tuner.Direction;

/**
 * Opens {@code args[0]} with {@link Storages#open}, so with the login of this process's environment
 * only, creates study {@code login} in it and prints {@code OPENED}; or prints {@code REFUSED} and
 * the error's message and exits with 1. Started in a child JVM by {@link JdbcEnvironmentLoginTest}.
 */
public final class JdbcLoginMain {

    private JdbcLoginMain() {}

    public static void main(String[] args) {
        try (Storage storage = Storages.open(args[0])) {
            storage.createStudy("login", Direction.MINIMIZE);
            System.out.println("OPENED");
        } catch (RuntimeException refused) {
            System.out.println("REFUSED " + refused.getMessage());
            System.exit(1);
        }
    }
}

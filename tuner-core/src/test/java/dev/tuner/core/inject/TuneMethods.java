package dev.tuner.core.inject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Tune;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/** Finds the {@code @Tune} method of a test case class, for the tests that make objectives and plans of them. */
public final class TuneMethods {

    private TuneMethods() {}

    /** The one {@code @Tune} method that {@code type} declares; fails the test if it declares none or several. */
    public static Method tuneMethod(Class<?> type) {
        List<Method> methods = Arrays.stream(type.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Tune.class))
                .toList();
        assertThat(methods).as("@Tune methods of %s", type).hasSize(1);
        return methods.get(0);
    }
}

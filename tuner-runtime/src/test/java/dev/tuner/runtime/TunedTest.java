package dev.tuner.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.IntUniform;
import dev.tuner.Uniform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The static facade reads the file named by {@code tuner.properties} once. This is the only test
 * class that touches {@link Tuned}, so the property is set before its values are first read.
 */
class TunedTest {

    static class Service {
        @IntUniform(min = 1, max = 64) int threads = 4;
        @Uniform(min = 0, max = 1) double ratio = 0.5;

        Service() {
            Tuned.apply(this);
        }

        @IntUniform(min = 1, max = 1024) static int queue() {
            return 16;
        }
    }

    private static Path file;

    @BeforeAll
    static void pointAtATunedFile() throws IOException {
        file = Files.createTempFile("tuned", ".properties");
        Files.write(file, List.of(Service.class.getName() + ".threads=12"));
        System.setProperty(Tuned.FILE_PROPERTY, file.toString());
    }

    @AfterAll
    static void forgetTheFile() throws IOException {
        System.clearProperty(Tuned.FILE_PROPERTY);
        Files.deleteIfExists(file);
    }

    @Test
    void aConstructorCallingApplyGetsTheTunedValuesAndKeepsOtherDefaults() {
        Service service = new Service();

        assertThat(service.threads).isEqualTo(12);
        assertThat(service.ratio).isEqualTo(0.5);
        assertThat(Tuned.values().source()).isEqualTo(file.toString());
    }

    @Test
    void valueFallsBackToAStaticMethodsDefault() {
        assertThat(Tuned.<Integer>value(Service.class, "queue")).isEqualTo(16);
        assertThat(Tuned.<Integer>value(Service.class, "threads")).isEqualTo(12);
    }
}

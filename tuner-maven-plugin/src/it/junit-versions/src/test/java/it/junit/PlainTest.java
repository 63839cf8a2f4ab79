package it.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's own test, untouched by Tuner: it must run on the project's JUnit, all of one version. */
class PlainTest {

    @Test
    void runsOnOneJUnitVersion(@TempDir Path directory) throws Exception {
        String jupiter = Test.class.getPackage().getImplementationVersion();
        String platform = org.junit.platform.engine.TestEngine.class.getPackage().getImplementationVersion();
        String commons = org.junit.platform.commons.util.Preconditions.class.getPackage().getImplementationVersion();
        System.out.println("[it] jupiter " + jupiter + ", platform " + platform + ", commons " + commons);
        // JUnit 5 numbers its platform 1.x beside Jupiter 5.x; JUnit 6 numbers both alike
        assertEquals(jupiter.startsWith("5.") ? "1." + jupiter.substring(2) : jupiter, platform);
        assertEquals(platform, commons);
        Files.writeString(directory.resolve("a"), "a");
    }
}

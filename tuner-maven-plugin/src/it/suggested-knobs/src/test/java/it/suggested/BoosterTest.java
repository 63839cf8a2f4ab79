package it.suggested;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Production code reads each study's tuned "rounds" from the classpath tuner.properties the search merged into. */
class BoosterTest {

    @Test
    void eachStudysRoundsReachProduction() throws IOException {
        int accuracy = Booster.accuracyRounds();
        int latency = Booster.latencyRounds();
        Files.writeString(Path.of("target/production.txt"), "accuracy=" + accuracy + "\nlatency=" + latency + "\n");
        assertEquals(2, accuracy);
        assertEquals(5, latency);
    }
}

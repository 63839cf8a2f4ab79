package dev.tuner.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpellingTest {

    private static final List<String> KEYS = List.of("tuner.parallelism", "tuner.trial.timeout", "tuner.timeout",
            "tuner.trials", "fsync");

    @Test
    void findsTheKeyAMisspellingMeant() {
        assertThat(Spelling.closest("tuner.paralelism", KEYS)).contains("tuner.parallelism");
        assertThat(Spelling.closest("tuner.trail.timeout", KEYS)).contains("tuner.trial.timeout");
        assertThat(Spelling.closest("fsnyc", KEYS)).contains("fsync");
        assertThat(Spelling.closest("tuner.Trials", KEYS)).contains("tuner.trials");
    }

    @Test
    void offersNothingForANameFarFromEveryKey() {
        assertThat(Spelling.closest("tuner.colour", KEYS)).isEmpty();
        assertThat(Spelling.didYouMean("tuner.colour", KEYS)).isEmpty();
        assertThat(Spelling.didYouMean("fsnyc", KEYS)).isEqualTo("; did you mean fsync?");
    }

    @Test
    void countsEditsAndSwaps() {
        assertThat(Spelling.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Spelling.distance("trail", "trial")).isEqualTo(1);
        assertThat(Spelling.distance("", "abc")).isEqualTo(3);
    }
}

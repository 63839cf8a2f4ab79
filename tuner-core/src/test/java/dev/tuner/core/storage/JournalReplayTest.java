package dev.tuner.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JournalReplayTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T11:31:05Z", "2026-11-22T11:31:05.100Z", "2026-11-22T11:31:05.123456Z",
            "2026-11-22T11:31:05.123456789Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "2024-02-29T12:00:00.5Z",
            "+12026-01-01T00:00:00Z"})
    void readsTimesAsInstantParseDoes(String text) {
        assertThat(JournalReplay.instant(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-13-22T11:31:05Z", "2026-11-22T11:31:05"})
    void rejectsWhatIsNotATime(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> JournalReplay.instant(text)).withMessageContaining("is not a time");
    }
}

package dev.tuner.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-22T11:31:05Z", "2026-11-22T11:31:05.100Z", "2026-11-22T11:31:05.123456Z",
            "2026-11-22T11:31:05.123456789Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "2024-02-29T12:00:00.5Z",
            "+12026-01-01T00:00:00Z"})
    void readsTimesAsInstantParseDoes(String text) {
        assertThat(InstantText.parse(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-13-22T11:31:05Z", "2026-11-22T11:31:05"})
    void rejectsWhatIsNotATime(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> InstantText.parse(text)).withMessageContaining("is not a time");
    }

    @Test
    void timesAreWrittenToTheMicrosecondAndReadBackEqual() {
        InstantText text = new InstantText();
        Instant instant = Instant.parse("2026-11-22T10:00:01.000456789Z");
        Instant kept = InstantText.truncate(instant);

        assertThat(quoted(text, instant)).isEqualTo("\"2026-11-22T10:00:01.000456Z\"");
        assertThat(InstantText.parse(unquoted(text, instant))).isEqualTo(kept);
        assertThat(quoted(text, Instant.parse("2026-11-22T10:00:02Z"))).isEqualTo("\"2026-11-22T10:00:02.000000Z\"");
        assertThat(quoted(text, Instant.parse("2026-11-22T10:00:01.999999Z"))).isEqualTo("\"2026-11-22T10:00:01.999999Z\"");
        Instant farAhead = Instant.parse("+12026-01-01T00:00:00.000007Z");
        assertThat(InstantText.parse(unquoted(text, farAhead))).isEqualTo(farAhead);
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 2_000; i++) {
            Instant any = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_800L), random.nextInt(1_000_000_000));
            Instant expected = InstantText.truncate(any);
            assertThat(quoted(text, any)).as("%s", any).isEqualTo("\"" + expected.toString()
                    .replaceFirst("(\\d{2}:\\d{2}:\\d{2})(\\.\\d+)?Z$", "$1") + String.format(".%06dZ\"", expected.getNano() / 1_000));
        }
    }

    private static String quoted(InstantText text, Instant instant) {
        return new String(text.quoted(instant), StandardCharsets.UTF_8);
    }

    private static String unquoted(InstantText text, Instant instant) {
        String quoted = quoted(text, instant);
        return quoted.substring(1, quoted.length() - 1);
    }
}

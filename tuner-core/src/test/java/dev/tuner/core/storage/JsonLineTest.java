package dev.tuner.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonLineTest {

    private static final JsonLine.Key V = JsonLine.key("v");
    private static final JsonLine.Key A = JsonLine.key("a");
    private static final JsonLine.Key B = JsonLine.key("b");
    private static final JsonLine.Key C = JsonLine.key("c");
    private static final JsonLine.Key D = JsonLine.key("d");
    private static final JsonLine.Key E = JsonLine.key("e");
    private static final JsonLine.Key G = JsonLine.key("g");

    private final JsonLine line = new JsonLine();

    @ParameterizedTest
    @ValueSource(longs = {0, 7, -7, 9, 10, 99, 100, -100, 1_000_000_007L, 999_999_999_999_999_999L,
        1_000_000_000_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1})
    void writesLongsAsJavaDoes(long value) {
        assertThat(text(line.start("n").number(V, value).end())).isEqualTo("{\"op\":\"n\",\"v\":" + value + "}\n");
    }

    @Test
    void writesRandomLongsAsJavaDoes() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            long value = random.nextLong() >> random.nextInt(64);
            assertThat(text(line.start("n").number(V, value).end())).endsWith(":" + value + "}\n");
        }
    }

    @Test
    void escapesStringsWhetherKeptOrNot() {
        String name = "s \"quoted\" \\ ü\n";
        for (int i = 0; i < 2; i++) {
            assertThat(text(line.start("x").string(A, name, true).string(B, name, false).number(C, Double.NaN)
                    .object(D).string(E, "f", false).endObject().raw(G, "{\"h\":1}").end()))
                    .isEqualTo("{\"op\":\"x\",\"a\":\"s \\\"quoted\\\" \\\\ ü\\n\",\"b\":\"s \\\"quoted\\\" \\\\ ü\\n\","
                            + "\"c\":\"NaN\",\"d\":{\"e\":\"f\"},\"g\":{\"h\":1}}\n");
        }
    }

    private static String text(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }

    @Test
    void refusesAFieldNameThatWouldNeedEscaping() {
        assertThatThrownBy(() -> JsonLine.key("a\"b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a\"b");
    }
}

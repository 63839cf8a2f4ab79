package dev.tuner.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PropertiesTextTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "plain", "", " ", "  two leading spaces", "trailing spaces  ", "inner spaces here", "a=b", "a:b", "#not a comment",
        "!not a comment", "back\\slash", "tab\there", "line\nbreak", "carriage\rreturn", "form\ffeed", "größe",
        "naïve café", "emoji 😀", "\u0000nul", "del\u007f", "\\u0041 is not an escape"
    })
    void keysAndValuesRoundTripThroughPropertiesLoad(String text) throws IOException {
        String line = PropertiesText.escape(text, true) + "=" + PropertiesText.escape(text, false) + "\n";
        Properties properties = new Properties();

        properties.load(new StringReader(line));

        assertThat(properties).containsOnlyKeys(text);
        assertThat(properties.getProperty(text)).isEqualTo(text);
        assertThat(line).matches("[\\x20-\\x7e]*\n");
    }
}

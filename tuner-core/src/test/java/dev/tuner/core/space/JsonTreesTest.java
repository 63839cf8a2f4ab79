package dev.tuner.core.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTreesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"uniform\",\"min\":-10.0,\"max\":1.0E-300,\"q\":0.5}",
        "{\"options\":[\"relu\",16,3000000000,123456789012345678901234567890,0.5,true,false,null,{\"long\":3},[]],\"x\":{}}",
        "\"ünïcode \\\" \\\\ \\n\"",
        "-0.0",
        "[1,2.5,\"NaN\"]"})
    void readsAndWritesTreesAsAnObjectMapperDoes(String json) throws Exception {
        JsonNode tree = JsonTrees.read(json);
        JsonNode expected = MAPPER.readTree(json);

        assertThat(tree).isEqualTo(expected);
        assertThat(JsonTrees.write(tree)).isEqualTo(MAPPER.writeValueAsString(expected));
    }

    @Test
    void keepsTheTypeOfEachNumberByItsSize() throws Exception {
        JsonNode options = JsonTrees.read("[16,3000000000,123456789012345678901234567890,0.5]");

        assertThat(options.get(0).isInt()).isTrue();
        assertThat(options.get(1).isLong()).isTrue();
        assertThat(options.get(2).isBigInteger()).isTrue();
        assertThat(options.get(3).isDouble()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{\"type\":", "{} {}", "{\"a\":tru}"})
    void refusesWhatIsNotOneJsonValue(String json) {
        assertThatThrownBy(() -> JsonTrees.read(json)).isInstanceOf(JsonProcessingException.class);
    }
}

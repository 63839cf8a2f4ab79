package dev.tuner.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
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
    void writesEveryKindOfNodeAsAnObjectMapperDoes() throws Exception {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode tree = nodes.objectNode();
        tree.put("nan", Double.NaN).put("inf", Double.NEGATIVE_INFINITY).put("float", 0.1f).put("short", (short) 3)
                .put("decimal", new BigDecimal("1.50E+3")).put("big", new BigInteger("123456789012345678901234567890"))
                .put("tiny", 4.9E-324).put("control", "tab\t bell\u0007 slash/ \u2028").putNull("none");
        tree.putArray("empty");
        tree.putObject("nested").putArray("list").add(1.0e20).add(true).add(nodes.objectNode());

        assertThat(JsonTrees.write(tree)).isEqualTo(MAPPER.writeValueAsString(tree));
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

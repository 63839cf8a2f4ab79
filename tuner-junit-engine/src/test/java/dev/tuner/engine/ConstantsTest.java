package dev.tuner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One vocabulary: every key is dotted lower case, and every renamed key's old name leads to a key of today. */
class ConstantsTest {

    private static final String DOTTED_LOWER_CASE = "tuner(\\.[a-z]+)+";

    static List<String> values(String suffix) throws IllegalAccessException {
        List<String> values = new ArrayList<>();
        for (Field field : Constants.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && field.getName().endsWith(suffix)) {
                values.add((String) field.get(null));
            }
        }
        return values;
    }

    @Test
    void everyKeyAndReportEntryIsDottedLowerCaseOneWordBetweenDots() throws IllegalAccessException {
        assertThat(values("_PROPERTY_NAME")).hasSizeGreaterThan(20).allMatch(key -> key.matches(DOTTED_LOWER_CASE));
        assertThat(values("_ENTRY")).hasSizeGreaterThan(10).allMatch(key -> key.matches(DOTTED_LOWER_CASE));
    }

    @Test
    void everyOldNameLeadsToAKeyOfToday() throws IllegalAccessException {
        List<String> keys = values("_PROPERTY_NAME");

        assertThat(Constants.RENAMED_PROPERTY_NAMES).isNotEmpty()
                .allSatisfy((old, renamed) -> assertThat(keys).contains(renamed).doesNotContain(old));
    }
}

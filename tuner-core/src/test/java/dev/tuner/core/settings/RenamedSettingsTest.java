package dev.tuner.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenamedSettingsTest {

    private static final RenamedSettings RENAMED = new RenamedSettings(
            Map.of("tuner.outputFile", "tuner.output.file", "tuner.warmstart", "tuner.warm.start"), "0.2");

    private static Map<String, String> settings(String... keysAndValues) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            settings.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return settings;
    }

    @Test
    void anOldKeyIsAppliedUnderItsNewOneWithAWarningSayingWhereItWasGiven() {
        RenamedSettings.Resolved resolved = RENAMED.resolve(
                settings("tuner.outputFile", "best.properties", "tuner.trials", "5"), key -> "in junit-platform.properties");

        assertThat(resolved.settings()).containsExactlyInAnyOrderEntriesOf(
                Map.of("tuner.output.file", "best.properties", "tuner.trials", "5"));
        assertThat(resolved.warnings()).containsExactly("tuner.outputFile (in junit-platform.properties) is deprecated;"
                + " use tuner.output.file (the old name works until Tuner 0.2)");
    }

    @Test
    void newKeysAloneGiveNoWarning() {
        RenamedSettings.Resolved resolved = RENAMED.resolve(settings("tuner.output.file", "best.properties"), key -> "-D");

        assertThat(resolved.settings()).containsExactlyEntriesOf(Map.of("tuner.output.file", "best.properties"));
        assertThat(resolved.warnings()).isEmpty();
    }

    @Test
    void bothNamesWithOneValueAreTheSameSettingGivenTwice() {
        RenamedSettings.Resolved resolved = RENAMED.resolve(
                settings("tuner.outputFile", "best.properties", "tuner.output.file", " best.properties"), key -> "-D");

        assertThat(resolved.settings()).containsOnlyKeys("tuner.output.file");
        assertThat(resolved.warnings()).hasSize(1);
    }

    @Test
    void bothNamesWithDifferentValuesAreAnErrorNamingBoth() {
        Map<String, String> origins = Map.of("tuner.outputFile", "in junit-platform.properties",
                "tuner.output.file", "a -D system property");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> RENAMED.resolve(settings("tuner.outputFile", "a.properties",
                        "tuner.output.file", "b.properties", "tuner.warmstart", "w.properties"), origins::get))
                .withMessage("tuner.outputFile=a.properties (in junit-platform.properties) and tuner.output.file="
                        + "b.properties (a -D system property) set one setting to different values; keep"
                        + " tuner.output.file, its new name, and remove tuner.outputFile");
    }

    @Test
    void knowsEachOldKeysNewOne() {
        assertThat(RENAMED.newKey("tuner.warmstart")).contains("tuner.warm.start");
        assertThat(RENAMED.newKey("tuner.warm.start")).isEmpty();
        assertThat(RENAMED.oldKeys()).containsExactlyInAnyOrder("tuner.outputFile", "tuner.warmstart");
    }
}

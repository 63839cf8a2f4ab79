package dev.tuner.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class KnownParametersTest {

    private static final String STUDY = "com.acme.BoostTuning.accuracy";

    private static KnownParameters known(Map<String, ?> values) {
        return new KnownParameters(values, "src/main/resources/tuner.properties", OptionalInt.of(3),
                "src/main/resources/tuner.properties");
    }

    @Test
    void aStudyReadsItsOwnKnobsByFullNameAndLeavesTheOthers() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(STUDY + ".rounds", "7");
        values.put("com.acme.Classifier.learningRate", "0.01");
        values.put("com.acme.BoostTuning.latency.rounds", "40");

        KnownParameters own = known(values).forStudy(STUDY);

        assertThat(own.values()).isEqualTo(values);
        assertThat(known(values).bareKeysWarning(STUDY)).isEmpty();
    }

    @Test
    void aBareKeyOfTuner01IsReadAsTheStudysKnobWithAWarningSayingHowToRegenerate() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("rounds", "7");
        values.put("optimizer.lr", "0.1");
        values.put("com.acme.Classifier.learningRate", "0.01");

        KnownParameters own = known(values).forStudy(STUDY);

        assertThat(own.values()).isEqualTo(Map.of(STUDY + ".rounds", "7", "optimizer.lr", "0.1",
                "com.acme.Classifier.learningRate", "0.01"));
        assertThat(own.trialNumber()).isEqualTo(OptionalInt.of(3));
        assertThat(known(values).bareKeysWarning(STUDY)).hasValueSatisfying(warning -> assertThat(warning)
                .contains("study " + STUDY + ": src/main/resources/tuner.properties names knobs")
                .contains("bare names (rounds)")
                .contains("read as " + STUDY + ".rounds until Tuner 0.2")
                .contains("run mvn tuner:tune again"));
    }

    @Test
    void aBareKeyBesideTheFullNameIsDroppedWithoutAWarning() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("rounds", "1");
        values.put(STUDY + ".rounds", "7");

        assertThat(known(values).forStudy(STUDY).values()).isEqualTo(Map.of(STUDY + ".rounds", "7"));
        assertThat(known(values).bareKeysWarning(STUDY)).isEmpty();
    }
}

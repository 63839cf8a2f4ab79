package dev.tuner.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.tuner.Tune;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the knobs a study suggests through its {@code Trial}, or declares as parameters, by study and name. */
class StudyKnobValuesTest {

    private static final String TUNING = BoostTuning.class.getName();
    private static final String ACCURACY = TUNING + ".accuracy";
    private static final String LATENCY = TUNING + ".latency";

    @TempDir
    Path directory;

    enum Booster { GBTREE, DART }

    /** Stands for a tuning class: the bodies of its @Tune methods would suggest "rounds" and the rest. */
    static class BoostTuning {
        @Tune
        double accuracy() {
            return 0;
        }

        @Tune
        double latency() {
            return 0;
        }
    }

    static class OneStudyTuning {
        @Tune
        double accuracy() {
            return 0;
        }
    }

    static class InheritedTuning extends OneStudyTuning {}

    @Test
    void twoStudiesSuggestingOneNameAreReadApartByStudy() throws IOException {
        TunedValues values = file(ACCURACY + ".rounds=7", LATENCY + ".rounds=40");

        assertThat(values.value(ACCURACY, "rounds", int.class)).isEqualTo(7);
        assertThat(values.value(LATENCY, "rounds", int.class)).isEqualTo(40);
    }

    @Test
    void valuesAreOfTheTypeAsked() throws IOException {
        TunedValues values = file(ACCURACY + ".eta=0.125", ACCURACY + ".depth=6.0", ACCURACY + ".booster=DART",
                ACCURACY + ".objective=binary:logistic", ACCURACY + ".early=true", ACCURACY + ".seed=12345678901");

        double eta = values.value(ACCURACY, "eta", double.class);
        int depth = values.value(ACCURACY, "depth", int.class);
        Booster booster = values.value(ACCURACY, "booster", Booster.class);
        String objective = values.value(ACCURACY, "objective", String.class);
        boolean early = values.value(ACCURACY, "early", boolean.class);
        long seed = values.value(ACCURACY, "seed", Long.class);

        assertThat(eta).isEqualTo(0.125);
        assertThat(depth).isEqualTo(6);
        assertThat(booster).isEqualTo(Booster.DART);
        assertThat(objective).isEqualTo("binary:logistic");
        assertThat(early).isTrue();
        assertThat(seed).isEqualTo(12345678901L);
    }

    @Test
    void aValueOfAnotherTypeNamesKeyAndFile() throws IOException {
        Path file = write(ACCURACY + ".rounds=many");

        assertThatIllegalStateException()
                .isThrownBy(() -> TunedValues.load(file).value(ACCURACY, "rounds", int.class))
                .withMessage("tuned value " + ACCURACY + ".rounds=many in " + file + " is not a valid int; correct the"
                        + " value or rerun tuner:tune");
    }

    @Test
    void aMissingValueSaysWhichKeyWhereAndHowToFix() throws IOException {
        Path file = write(LATENCY + ".rounds=40");

        assertThatIllegalStateException()
                .isThrownBy(() -> TunedValues.load(file).value(ACCURACY, "rounds", int.class))
                .withMessage("no tuned value of knob 'rounds': looked for " + ACCURACY + ".rounds in " + file
                        + "; run mvn tuner:tune and put its values where Tuned reads them (copy"
                        + " target/tuner/<study>.properties to src/main/resources/tuner.properties, or run with"
                        + " -Dtuner.output.file=src/main/resources/tuner.properties), or check the study's and the"
                        + " knob's names");
    }

    @Test
    void withoutAFileTheMessageSaysWhereItLooked() {
        TunedValues none = TunedValues.fromClasspath("no-such-tuner.properties", getClass().getClassLoader());

        assertThatIllegalStateException()
                .isThrownBy(() -> none.value(ACCURACY, "rounds", int.class))
                .withMessageStartingWith("no tuned value of knob 'rounds': looked for " + ACCURACY + ".rounds in no"
                        + " classpath resource no-such-tuner.properties; run mvn tuner:tune");
    }

    @Test
    void theStudyClassFindsTheStudyThatHasTheKnob() throws IOException {
        TunedValues values = file(ACCURACY + ".rounds=7", LATENCY + ".threads=4");

        assertThat(values.value(BoostTuning.class, "rounds", int.class)).isEqualTo(7);
        assertThat(values.value(BoostTuning.class, "threads", int.class)).isEqualTo(4);
    }

    @Test
    void anInheritedTuneMethodIsAStudyOfTheSubclass() throws IOException {
        TunedValues values = file(InheritedTuning.class.getName() + ".accuracy.rounds=9", OneStudyTuning.class.getName()
                + ".accuracy.rounds=1");

        assertThat(values.value(InheritedTuning.class, "rounds", int.class)).isEqualTo(9);
        assertThat(values.value(OneStudyTuning.class, "rounds", int.class)).isEqualTo(1);
    }

    @Test
    void theStudyClassMustSayWhichStudyWhenSeveralHaveTheKnob() throws IOException {
        Path file = write(ACCURACY + ".rounds=7", LATENCY + ".rounds=40");

        assertThatIllegalStateException()
                .isThrownBy(() -> TunedValues.load(file).value(BoostTuning.class, "rounds", int.class))
                .withMessage(file + " holds knob 'rounds' of several studies of " + TUNING + " (" + ACCURACY + ".rounds, "
                        + LATENCY + ".rounds); name the study: Tuned.value(\"" + ACCURACY + "\", \"rounds\", int.class)");
    }

    @Test
    void theStudyClassListsEveryKeyLookedForWhenNoneHasAValue() throws IOException {
        Path file = write("other=1");

        assertThatIllegalStateException()
                .isThrownBy(() -> TunedValues.load(file).value(BoostTuning.class, "rounds", int.class))
                .withMessageStartingWith("no tuned value of knob 'rounds': looked for " + ACCURACY + ".rounds, "
                        + LATENCY + ".rounds in " + file + "; run mvn tuner:tune");
    }

    @Test
    void aClassWithoutTuneMethodNamesNoStudy() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TunedValues.none().value(String.class, "rounds", int.class))
                .withMessage("java.lang.String has no @Tune method, so it names no study whose knob 'rounds' could be"
                        + " read; pass the class that declares the @Tune method, or the study's name:"
                        + " Tuned.value(\"<class>.<method>\", \"rounds\", type)");
    }

    @Test
    void aBareKeyOfTuner01IsReadWithAWarningSayingHowToRegenerate() throws IOException {
        Path file = write("rounds=5");
        List<String> warnings = new ArrayList<>();
        Logger logger = Logger.getLogger(TunedValues.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        try {
            TunedValues values = TunedValues.load(file);
            assertThat(values.value(ACCURACY, "rounds", int.class)).isEqualTo(5);
            assertThat(values.value(ACCURACY, "rounds", int.class)).isEqualTo(5);  // warned once
            assertThat(TunedValues.load(file).value(BoostTuning.class, "rounds", int.class)).isEqualTo(5);
        } finally {
            logger.removeHandler(handler);
        }

        assertThat(warnings).hasSize(2).first().asString()
                .isEqualTo("WARNING " + file + " names knob 'rounds' by its bare name, as Tuner 0.1 wrote the knobs a"
                        + " @Tune method suggests, so that two studies suggesting one name clash; it is read as "
                        + ACCURACY + ".rounds until Tuner 0.2. Regenerate the file with mvn tuner:tune, or rename the"
                        + " key to " + ACCURACY + ".rounds");
    }

    @Test
    void theMemberFormPointsAtTheStudyFormForAKnobThatIsNoMember() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TunedValues.none().value(BoostTuning.class, "rounds"))
                .withMessageContaining("has no knob field or method named 'rounds'")
                .withMessageContaining("Tuned.value(<study class or name>, \"rounds\", int.class)");
    }

    private TunedValues file(String... lines) throws IOException {
        return TunedValues.load(write(lines));
    }

    private Path write(String... lines) throws IOException {
        Path file = directory.resolve("tuner.properties");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.ISO_8859_1);
        return file;
    }
}

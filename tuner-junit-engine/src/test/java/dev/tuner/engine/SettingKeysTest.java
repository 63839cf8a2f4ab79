package dev.tuner.engine;

import static dev.tuner.engine.TunerKit.execute;
import static dev.tuner.engine.TunerKit.studyId;
import static dev.tuner.engine.TunerKit.uniqueId;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.tuner.engine.testcases.QuadraticStudy;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingKeysTest {

    @TempDir
    Path outputDir;

    @Test
    void everyKeyTunerKnowsPasses() {
        assertThatCode(() -> SettingKeys.check(Set.of("tuner.parallelism", "tuner.trial.timeout", "tuner.tpe.gamma",
                "tuner.hyperband.maxResource", "tuner.skip", "tuner.arg.line", "tuner.output.file",
                "tuner.storage.outage.timeout",
                "junit.jupiter.execution.parallel.enabled")))
                .doesNotThrowAnyException();
    }

    @Test
    void theOldNameOfARenamedKeyPasses() {
        // RunSettings applies it under its new name, and warns
        assertThatCode(() -> SettingKeys.check(Set.of("tuner.outputFile", "tuner.argLine", "tuner.displayname")))
                .doesNotThrowAnyException();
    }

    @Test
    void aMisspeltKeyIsOfferedTheNewNameOfTheKeyItMeant() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SettingKeys.check(Set.of("tuner.outputFiel", "tuner.warmStart", "tuner.display.nmae")))
                .withMessageStartingWith("unknown configuration parameters tuner.display.nmae (did you mean "
                        + "tuner.display.name?), tuner.outputFiel (did you mean tuner.output.file?), tuner.warmStart"
                        + " (did you mean tuner.warm.start?). Correct the key");
    }

    @Test
    void aMisspeltKeyIsAnErrorNamingTheKeyItMeant() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SettingKeys.check(Set.of("tuner.paralelism", "tuner.trail.timeout", "tuner.tep.gamma")))
                .withMessageStartingWith("unknown configuration parameters tuner.paralelism (did you mean "
                        + "tuner.parallelism?), tuner.tep.gamma (did you mean tuner.tpe.gamma?), tuner.trail.timeout "
                        + "(did you mean tuner.trial.timeout?). Correct the key");
        assertThatIllegalArgumentException().isThrownBy(() -> SettingKeys.check(Set.of("tuner.colour")))
                .withMessageStartingWith("unknown configuration parameter tuner.colour. Correct the key");
        // an option under a name far from every sampler's is not offered under some sampler
        assertThatIllegalArgumentException().isThrownBy(() -> SettingKeys.check(Set.of("tuner.benchmark.out")))
                .withMessageStartingWith("unknown configuration parameter tuner.benchmark.out. Correct the key");
    }

    @Test
    void aRunWithAMisspeltKeyFailsEachStudySayingSo() {
        var results = execute(QuadraticStudy.class, outputDir, "tuner.paralelism", "4");

        results.containerEvents().assertThatEvents().haveExactly(1, event(
                uniqueId(studyId(QuadraticStudy.class, "quad(double)")),
                finishedWithFailure(message(text -> text.contains("tuner.paralelism (did you mean tuner.parallelism?)")))));
    }
}

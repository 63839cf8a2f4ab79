package dev.tuner.examples.svm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.core.inject.MethodObjective;
import dev.tuner.core.optuna.OptunaExport;
import dev.tuner.core.optuna.OptunaImport;
import dev.tuner.core.optuna.OptunaJournal;
import dev.tuner.core.optuna.OptunaStudy;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.storage.JournalStorage;
import dev.tuner.core.trial.FrozenTrial;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The studies the build's own {@code tuner:tune} run wrote come back exactly through an Optuna journal
 * ({@code docs/coming-from-optuna.md}), with their times and workers: read back from it, and imported
 * from it as a warm start matched to the knobs by name, also after the journal lost what Tuner keeps
 * for itself in it, as a journal Optuna wrote would lack it.
 */
class OptunaRoundTripIT {

    private static final Class<?> TUNING = SvmDigitsTuning.class;
    private static final Path OPTUNA = Path.of("target", "tuner", "optuna-journal.log");

    @Test
    void everyTrialOfEveryStudyComesBackExactly() throws IOException {
        List<Method> methods = Arrays.stream(TUNING.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(dev.tuner.Tune.class)).toList();
        List<String> names = methods.stream().map(method -> TUNING.getName() + "." + method.getName()).toList();
        try (JournalStorage tuned = JournalStorage.openToRead(Path.of("target", "tuner", "journal.jsonl"))) {
            OptunaExport.write(tuned, names, OPTUNA);
            Path bare = OPTUNA.resolveSibling("optuna-journal-bare.log");
            Files.write(bare, Files.readAllLines(OPTUNA).stream().filter(line -> !line.contains("tuner:distributions")).toList());
            List<OptunaStudy> read = OptunaJournal.read(OPTUNA);
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                List<FrozenTrial> trials = tuned.trials(name);
                assertThat(trials).as(name).isNotEmpty();
                assertThat(read.get(i).name()).isEqualTo(name);
                assertSame(read.get(i).trials(), trials);
                for (Path journal : List.of(OPTUNA, bare)) {
                    InMemoryStorage imported = new InMemoryStorage();
                    imported.createStudy(name, tuned.directions(name).orElseThrow());
                    MethodObjective objective = MethodObjective.of(TUNING, methods.get(i));
                    OptunaImport.warmStart(journal, imported, name, objective.declaredKnobs(), objective.suggestsKnobs());
                    assertSame(imported.trials(name), trials);
                }
            }
        }
    }

    private static void assertSame(List<FrozenTrial> actual, List<FrozenTrial> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            FrozenTrial want = expected.get(i);
            FrozenTrial got = actual.get(i);
            String trial = "trial #" + want.number();
            assertThat(got.number()).as(trial).isEqualTo(want.number());
            assertThat(got.state()).as(trial).isEqualTo(want.state());
            assertThat(got.result()).as(trial).isEqualTo(want.result());
            assertThat(got.suggestions()).as(trial).containsExactlyEntriesOf(want.suggestions());
            assertThat(got.failure()).as(trial).isEqualTo(want.failure());
            assertThat(got.intermediateValues()).as(trial).containsExactlyEntriesOf(want.intermediateValues());
            assertThat(got.started()).as(trial).isEqualTo(want.started().truncatedTo(ChronoUnit.MICROS));
            assertThat(got.finished()).as(trial).isEqualTo(want.finished().map(t -> t.truncatedTo(ChronoUnit.MICROS)));
            assertThat(got.worker()).as(trial).isEqualTo(want.worker()).isPresent();
        }
    }
}

package dev.tuner.core.optuna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.tuner.Direction;
import dev.tuner.core.space.Choice;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.Uniform;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An Optuna journal as a warm start: its parameters matched to a study's knobs by name, its values to their distributions. */
class OptunaImportTest {

    static final String STUDY = "com.acme.Tuning.objective";

    /** A sealed type's branches, as a {@code @Choice} over it chooses among them. */
    sealed interface Model permits Svm, Forest {}

    record Svm() implements Model {}

    record Forest() implements Model {}

    /** A field knob's owner: a class on the class path with a member of the parameter's name. */
    static final class Classifier {
        double learningRate;
    }

    @TempDir
    Path dir;

    @Test
    void parametersMatchKnobsByFullNameOwnNameOrMemberAndTakeTheDeclaredDistributions() throws IOException {
        Path file = optunaJournal(Map.of("model", Choice.of("Svm", "Forest"), "trees", IntUniform.of(10, 500),
                Classifier.class.getName() + ".learningRate", Uniform.of(0, 1), STUDY + ".kernel", Choice.of("RBF", "LINEAR")),
                Map.of("model", 1.0, "trees", 120.0, Classifier.class.getName() + ".learningRate", 0.5, STUDY + ".kernel", 0.0));
        Map<String, Distribution> declared = new LinkedHashMap<>();
        declared.put(STUDY + ".model", Choice.of(Svm.class, Forest.class));
        declared.put(STUDY + ".model.Forest.trees", IntUniform.of(10, 500));
        declared.put(STUDY + ".trees", IntUniform.of(1, 1000));
        declared.put(STUDY + ".kernel", Choice.of(Kernel.LINEAR, Kernel.RBF));
        InMemoryStorage storage = new InMemoryStorage();
        storage.createStudy(STUDY, Direction.MAXIMIZE);

        int imported = OptunaImport.warmStart(file, storage, STUDY, declared, false);

        assertThat(imported).isEqualTo(1);
        FrozenTrial trial = storage.trial(STUDY, 0);
        assertThat(trial.params()).containsExactlyInAnyOrderEntriesOf(Map.of(STUDY + ".model", Forest.class,
                STUDY + ".trees", 120L, Classifier.class.getName() + ".learningRate", 0.5, STUDY + ".kernel", Kernel.RBF));
        assertThat(trial.suggestions().get(STUDY + ".kernel").distribution()).isEqualTo(declared.get(STUDY + ".kernel"));
        assertThat(trial.suggestions().get(STUDY + ".kernel").internal()).isEqualTo(1.0);
        assertThat(trial.value()).hasValue(0.9);
    }

    enum Kernel { LINEAR, RBF }

    @Test
    void everyParameterThatMatchesNoKnobAndEveryValueThatFitsNoneIsNamedInOneMessage() throws IOException {
        Path file = optunaJournal(Map.of("lr", Uniform.of(0, 1), "x", Uniform.of(0, 20), "com.acme.Missing.knob", Uniform.of(0, 1)),
                Map.of("lr", 0.5, "x", 15.0, "com.acme.Missing.knob", 0.5));
        InMemoryStorage storage = new InMemoryStorage();
        storage.createStudy(STUDY, Direction.MAXIMIZE);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> OptunaImport.warmStart(file, storage, STUDY, Map.of(STUDY + ".x", Uniform.of(0, 10)), false))
                .withMessageStartingWith("the Optuna journal " + file + ", study 'from-python', does not fit study '" + STUDY + "':")
                .withMessageContaining("parameter 'lr' matches no knob (trials #0)")
                .withMessageContaining("parameter 'com.acme.Missing.knob' matches no knob (trials #0)")
                .withMessageContaining("'x' = 15.0 in trial #0 is not a value of knob " + STUDY + ".x (uniform(0, 10))")
                .withMessageContaining("the study's knobs: [" + STUDY + ".x]");
        assertThat(storage.trials(STUDY)).isEmpty();
    }

    @Test
    void anObjectiveThatSuggestsByNameTakesAnyNameAsItsOwnKnob() throws IOException {
        Path file = optunaJournal(Map.of("lr", Uniform.of(0, 1)), Map.of("lr", 0.25));
        InMemoryStorage storage = new InMemoryStorage();
        storage.createStudy(STUDY, Direction.MAXIMIZE);

        OptunaImport.warmStart(file, storage, STUDY, Map.of(), true);

        assertThat(storage.trial(STUDY, 0).params()).containsExactly(Map.entry(STUDY + ".lr", 0.25));
    }

    @Test
    void otherDirectionsAStudyWithTrialsOrNoStudyToTakeAreRefused() throws IOException {
        Path file = optunaJournal(Map.of("x", Uniform.of(0, 1)), Map.of("x", 0.5));
        InMemoryStorage storage = new InMemoryStorage();
        storage.createStudy(STUDY, Direction.MINIMIZE);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OptunaImport.warmStart(file, storage, STUDY, Map.of(), true))
                .withMessageContaining("has directions [MAXIMIZE], but study '" + STUDY + "' has [MINIMIZE]");

        storage.createStudy("busy", Direction.MAXIMIZE);
        storage.createTrial("busy");
        assertThatIllegalStateException()
                .isThrownBy(() -> OptunaImport.warmStart(file, storage, "busy", Map.of(), true))
                .withMessageContaining("holds trials already");

        InMemoryStorage two = new InMemoryStorage();
        two.createStudy("a", Direction.MAXIMIZE);
        two.createStudy("b", Direction.MAXIMIZE);
        Path several = dir.resolve("several.log");
        OptunaExport.write(two, List.of("a", "b"), several);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OptunaImport.warmStart(several, storage, STUDY, Map.of(), true))
                .withMessageContaining("holds 2 studies [a, b], none named '" + STUDY + "'");
    }

    @Test
    void aLineThatIsNoOptunaOperationIsNamedByFileAndLine() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.log"), "{\"op_code\":0,\"worker_id\":\"w\",\"study_name\":\"s\","
                + "\"directions\":[1]}\n{\"op_code\":42}\n{\"op_code\":4,\"study_id\":0,\"datetime_start\":null}\n");

        assertThatIllegalArgumentException().isThrownBy(() -> OptunaJournal.read(file))
                .withMessageContaining(file + ", line 2 has op_code 42, which Optuna 5 does not write");
    }

    @Test
    void metricNamesThatDoNotNameEachObjectiveOnceAreDroppedNotAFailedImport() throws IOException {
        String study = "{\"op_code\":0,\"worker_id\":\"w\",\"study_name\":\"%s\",\"directions\":[2,1]}\n";
        String names = "{\"op_code\":3,\"worker_id\":\"w\",\"study_id\":%d,\"system_attr\":{\"study:metric_names\":%s}}\n";
        Path file = Files.writeString(dir.resolve("names.log"), study.formatted("good") + names.formatted(0, "[\"acc\",\"ms\"]")
                + study.formatted("twice") + names.formatted(1, "[\"score\",\"score\"]")
                + study.formatted("blank") + names.formatted(2, "[\"acc\",\"\"]"));

        List<OptunaStudy> read = OptunaJournal.read(file);

        assertThat(read).extracting(OptunaStudy::objectiveNames)
                .containsExactly(List.of("acc", "ms"), List.of(), List.of());
        InMemoryStorage storage = new InMemoryStorage();
        OptunaImport.copy(read.get(1), storage, "twice");
        assertThat(storage.objectiveNames("twice")).isEmpty();
    }

    /** An Optuna journal of study 'from-python' (maximize) with one complete trial of value 0.9. */
    private Path optunaJournal(Map<String, Distribution> distributions, Map<String, Double> internals) {
        InMemoryStorage python = new InMemoryStorage();
        python.createStudy("from-python", Direction.MAXIMIZE);
        int trial = python.createTrial("from-python");
        distributions.forEach((name, distribution) -> python.setParam("from-python", trial, name, distribution,
                internals.get(name)));
        python.finishTrial("from-python", trial, TrialState.COMPLETE, TrialResult.of(0.9), null);
        Path file = dir.resolve("optuna.log");
        OptunaExport.write(python, List.of("from-python"), file);
        return file;
    }
}

package dev.tuner.core.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

import dev.tuner.Direction;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.storage.JournalStorage;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Studies of several objectives, and constraints with one objective or several, through ask/tell and optimize. */
class SeveralObjectivesTest {

    @TempDir
    Path folder;

    private static Study accuracyAndLatency() {
        return Studies.builder("trade-off", 1).directions(Direction.MAXIMIZE, Direction.MINIMIZE).build();
    }

    /** Tells a new trial of {@code study} these values, after recording {@code size} as a constraint. */
    private static FrozenTrial told(Study study, double size, double... values) {
        Trial trial = study.ask();
        trial.suggestFloat("x", 0, 1);
        trial.constrain("size", size);
        return study.tell(trial, values);
    }

    @Test
    void askTellKeepsEveryValueAndConstraintAndTheBestTrialsAreTheFeasibleFront() {
        Study study = accuracyAndLatency();

        FrozenTrial fastAndGood = told(study, -1, 0.90, 10);
        told(study, -1, 0.85, 12);                       // dominated by #0
        FrozenTrial accurate = told(study, 0, 0.95, 30);  // on the front: a constraint of 0 is feasible
        told(study, 5, 0.99, 1);                         // would dominate all, but too large
        FrozenTrial tie = told(study, -2, 0.90, 10);      // equal to #0: both stay

        assertThat(fastAndGood.values()).containsExactly(0.90, 10.0);
        assertThat(fastAndGood.constraints()).containsExactly(entry("size", -1.0));
        assertThat(study.directions()).containsExactly(Direction.MAXIMIZE, Direction.MINIMIZE);
        assertThat(study.bestTrials()).extracting(FrozenTrial::number)
                .containsExactly(fastAndGood.number(), accurate.number(), tie.number());
        assertThat(study.trials().get(3).isFeasible()).isFalse();
    }

    @Test
    void aStudyOfSeveralObjectivesHasNoOneBestTrialNorDirectionNorValue() {
        Study study = accuracyAndLatency();
        FrozenTrial trial = told(study, -1, 0.9, 10);

        assertThatIllegalStateException().isThrownBy(study::bestTrial)
                .withMessage("study 'trade-off' has 2 objectives [MAXIMIZE, MINIMIZE], so no one trial is best; use"
                        + " bestTrials() for the feasible trials that no other beats on every objective (the Pareto front)");
        assertThatIllegalStateException().isThrownBy(study::direction).withMessageContaining("read directions()");
        assertThatIllegalStateException().isThrownBy(trial::value)
                .withMessage("trial #0 has 2 objective values [0.9, 10.0] (its study has several directions), so it has"
                        + " no one value; read values()");
    }

    @Test
    void tellingTheWrongNumberOfValuesIsRefusedAndTheTrialStaysRunning() {
        Study study = accuracyAndLatency();
        Trial trial = study.ask();

        assertThatIllegalArgumentException().isThrownBy(() -> study.tell(trial, 0.9))
                .withMessage("trial #0 of study 'trade-off' was told 1 value, but the study has 2 objectives [MAXIMIZE,"
                        + " MINIMIZE]; give one value per direction, in their order (study.tell(trial, v1, v2, ...), or"
                        + " Objective.several(trial -> new double[] {v1, v2, ...}))");
        assertThatIllegalArgumentException().isThrownBy(() -> study.tell(trial, 1, 2, 3))
                .withMessageContaining("was told 3 values");
        assertThat(study.trials().get(0).state()).isEqualTo(TrialState.RUNNING);

        Study single = Studies.inMemory("single", 1);
        Trial one = single.ask();
        assertThatIllegalArgumentException().isThrownBy(() -> single.tell(one, 1, 2))
                .withMessageContaining("but the study has 1 objective [MINIMIZE]");
        assertThat(single.tell(one, new double[] {4}).value()).hasValue(4);
    }

    @Test
    void aValueThatIsNotFiniteFailsTheTrialSayingWhichValue() {
        Study study = accuracyAndLatency();

        FrozenTrial failed = study.tell(study.ask(), 0.9, Double.NaN);

        assertThat(failed.state()).isEqualTo(TrialState.FAIL);
        assertThat(failed.failure().orElseThrow().message())
                .startsWith("the objective returned NaN as value 2 of [0.9, NaN] in trial #0");
    }

    @Test
    void optimizeRunsAnObjectiveOfSeveralValuesAndFailsTrialsThatReturnTheWrongNumber() {
        Study study = accuracyAndLatency();

        study.optimize(Objective.several(trial -> {
            double x = trial.suggestFloat("x", 0, 1);
            trial.constrain("size", x - 0.8);
            return trial.number() == 3 ? new double[] {x} : new double[] {x, x * x};
        }), 6);

        List<FrozenTrial> trials = study.trials();
        assertThat(trials).extracting(FrozenTrial::state).containsExactly(TrialState.COMPLETE, TrialState.COMPLETE,
                TrialState.COMPLETE, TrialState.FAIL, TrialState.COMPLETE, TrialState.COMPLETE);
        assertThat(trials.get(3).failure().orElseThrow().message())
                .startsWith("trial #3 of study 'trade-off' returned 1 value, but the study has 2 objectives");
        assertThat(trials.get(0).values()).hasSize(2);
        assertThat(trials.get(0).constraints()).containsOnlyKeys("size");
        assertThat(study.bestTrials()).isNotEmpty().allSatisfy(best -> assertThat(best.isFeasible()).isTrue());
    }

    @Test
    void anObjectiveOfOneValueIsRefusedByAStudyOfSeveral() {
        Study study = accuracyAndLatency();

        assertThatIllegalStateException().isThrownBy(() -> study.optimize(trial -> 1.0, 3))
                .withMessage("study 'trade-off' has 2 objectives [MAXIMIZE, MINIMIZE], but its objective returns one"
                        + " value; give one that returns a value per direction:"
                        + " Objective.several(trial -> new double[] {accuracy, latency})");
        assertThat(study.trials()).isEmpty();
    }

    @Test
    void withOneObjectiveTheBestTrialIsTheBestFeasibleOne() {
        Study study = Studies.inMemory("constrained", 1);
        study.optimize(trial -> {
            double x = trial.suggestFloat("x", -10, 10);
            trial.constrain("x at least 2", 2 - x);
            return x * x;
        }, 60);

        FrozenTrial best = study.bestTrial().orElseThrow();
        assertThat(best.params().get("x")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.DOUBLE)
                .isGreaterThanOrEqualTo(2);
        assertThat(study.trials()).filteredOn(FrozenTrial::isFeasible)
                .allSatisfy(trial -> assertThat(trial.value().getAsDouble()).isGreaterThanOrEqualTo(best.value().getAsDouble()));
        assertThat(study.trials()).as("an infeasible trial was better").anySatisfy(trial ->
                assertThat(trial.value().getAsDouble()).isLessThan(best.value().getAsDouble()));
        assertThat(study.bestTrials()).containsExactly(best);
    }

    @Test
    void aConstraintNeedsANameAndANumber() {
        Trial trial = Studies.inMemory("s", 1).ask();

        assertThatIllegalArgumentException().isThrownBy(() -> trial.constrain(" ", 1))
                .withMessageContaining("a constraint of trial #0 needs a non-blank name");
        assertThatIllegalArgumentException().isThrownBy(() -> trial.constrain("latency", Double.NaN))
                .withMessageContaining("constraint 'latency' of trial #0 is NaN");
    }

    @Test
    void aStudyOfSeveralObjectivesResumesOnlyWithTheSameDirections() {
        InMemoryStorage storage = new InMemoryStorage();
        Studies.builder("trade-off", 1).directions(Direction.MAXIMIZE, Direction.MINIMIZE).storage(storage).build();

        assertThatIllegalStateException().isThrownBy(() -> Studies.builder("trade-off", 1).storage(storage).build())
                .withMessageContaining("study 'trade-off' exists with directions [MAXIMIZE, MINIMIZE], not [MINIMIZE]");
    }

    @Test
    void objectivesAreNamedAsDeclaredOrByDefault() {
        Study named = Studies.builder("named", 1).objectiveNames("accuracy", "latency")
                .directions(Direction.MAXIMIZE, Direction.MINIMIZE).build();

        assertThat(named.objectiveNames()).containsExactly("accuracy", "latency");
        assertThat(accuracyAndLatency().objectiveNames()).containsExactly("objective 0", "objective 1");
        assertThat(Studies.inMemory("single", 1).objectiveNames()).containsExactly("value");
        assertThat(Studies.builder("one", 1).direction(Direction.MAXIMIZE).objectiveNames("accuracy").build()
                .objectiveNames()).containsExactly("accuracy");
    }

    @Test
    void namesOtherThanTheDefaultsAreKeptInTheStorageForAStudyBuiltWithoutThem() throws IOException {
        Path journal = folder.resolve("journal.jsonl");
        try (JournalStorage storage = JournalStorage.open(journal)) {
            Studies.builder("named", 1).storage(storage).objectiveNames("accuracy", "latency")
                    .directions(Direction.MAXIMIZE, Direction.MINIMIZE).build();
            Studies.builder("single", 1).storage(storage).direction(Direction.MINIMIZE).build();
        }
        assertThat(Files.readAllLines(journal)).filteredOn(line -> line.contains("\"names\"")).singleElement()
                .asString().contains("\"study\":\"named\"", "\"names\":[\"accuracy\",\"latency\"]");

        try (JournalStorage storage = JournalStorage.open(journal)) {
            Study again = Studies.builder("named", 1).storage(storage)
                    .directions(Direction.MAXIMIZE, Direction.MINIMIZE).build();
            assertThat(again.objectiveNames()).containsExactly("accuracy", "latency");
            assertThat(Studies.builder("single", 1).storage(storage).direction(Direction.MINIMIZE).build()
                    .objectiveNames()).containsExactly("value");
            Studies.builder("named", 1).storage(storage).objectiveNames("accuracy", "latency")
                    .directions(Direction.MAXIMIZE, Direction.MINIMIZE).build();
            assertThat(Files.readAllLines(journal)).as("names kept already are not written again")
                    .filteredOn(line -> line.contains("\"names\"")).hasSize(1);
            Studies.builder("named", 1).storage(storage).objectiveNames("top1", "latencyMs")
                    .directions(Direction.MAXIMIZE, Direction.MINIMIZE).build();
            assertThat(storage.objectiveNames("named")).contains(List.of("top1", "latencyMs"));
        }
    }

    @Test
    void objectiveNamesAreOnePerDirectionEachItsOwn() {
        assertThatIllegalArgumentException().isThrownBy(() -> Studies.builder("s", 1)
                        .directions(Direction.MAXIMIZE, Direction.MINIMIZE).objectiveNames("accuracy").build())
                .withMessage("study 's' has 2 directions [MAXIMIZE, MINIMIZE] but 1 objective name [accuracy]; give one"
                        + " name per direction, in their order");
        assertThatIllegalArgumentException().isThrownBy(() -> Study.builder("s").objectiveNames("accuracy", "accuracy"))
                .withMessage("study 's' was given objective name 'accuracy' twice in [accuracy, accuracy]; give each"
                        + " objective its own name");
        assertThatIllegalArgumentException().isThrownBy(() -> Study.builder("s").objectiveNames("accuracy", " "))
                .withMessageContaining("study 's' was given a blank objective name among [accuracy,  ]");
    }
}

package dev.tuner.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.tuner.Direction;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Trial;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a snapshot says of a study's objectives and best trials, with one objective or several. */
class StudySnapshotTest {

    /** Tells a new trial of {@code study} these values, after recording {@code size} as a constraint. */
    private static void told(Study study, double size, double... values) {
        Trial trial = study.ask();
        trial.suggestFloat("x", 0, 1);
        trial.constrain("size", size);
        study.tell(trial, values);
    }

    @Test
    void aSnapshotOfSeveralObjectivesCarriesTheirDirectionsAndNamesAndItsFrontButNoOneBest() {
        Study study = Studies.builder("trade-off", 1).directions(Direction.MAXIMIZE, Direction.MINIMIZE)
                .objectiveNames("accuracy", "latency").build();
        told(study, -1, 0.90, 10);
        told(study, -1, 0.85, 12);   // dominated
        told(study, 0, 0.95, 30);
        told(study, 5, 0.99, 1);     // infeasible

        StudySnapshot snapshot = StudySnapshot.of(study);

        assertThat(snapshot.directions()).containsExactly(Direction.MAXIMIZE, Direction.MINIMIZE);
        assertThat(snapshot.objectiveNames()).containsExactly("accuracy", "latency");
        assertThat(snapshot.isMultiObjective()).isTrue();
        assertThat(snapshot.best()).isEmpty();
        assertThat(snapshot.bestTrials()).extracting(FrozenTrial::number).containsExactly(0, 2);
        assertThat(snapshot.bestTrials()).isEqualTo(study.bestTrials());
        assertThatIllegalStateException().isThrownBy(snapshot::direction)
                .withMessage("study 'trade-off' has 2 objectives [accuracy, latency] with directions [MAXIMIZE, MINIMIZE],"
                        + " so it has no one direction; read directions()");
    }

    @Test
    void aSnapshotOfOneObjectiveIsAsBeforeAndItsBestIsFeasible() {
        Study study = Studies.builder("single", 1).direction(Direction.MAXIMIZE).build();
        told(study, -1, 0.90);
        told(study, 3, 0.99);    // better, but infeasible
        told(study, 0, 0.90);    // a tie, later

        StudySnapshot snapshot = StudySnapshot.of(study);

        assertThat(snapshot.direction()).isEqualTo(Direction.MAXIMIZE);
        assertThat(snapshot.directions()).containsExactly(Direction.MAXIMIZE);
        assertThat(snapshot.objectiveNames()).containsExactly("value");
        assertThat(snapshot.isMultiObjective()).isFalse();
        assertThat(snapshot.best()).map(FrozenTrial::number).hasValue(0);
        assertThat(snapshot.bestTrials()).extracting(FrozenTrial::number).containsExactly(0, 2);
        assertThat(new StudySnapshot("s", Direction.MINIMIZE, List.of()).objectiveNames()).containsExactly("value");
    }

    @Test
    void aSnapshotNeedsOneNamePerDirection() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StudySnapshot("s", List.of(Direction.MAXIMIZE, Direction.MINIMIZE), List.of("accuracy"), List.of()))
                .withMessage("study 's' has directions [MAXIMIZE, MINIMIZE] and objective names [accuracy]; give at least"
                        + " one direction, and one name per direction");
    }
}

package dev.tuner.core.inject;

import static dev.tuner.core.inject.TuneMethods.tuneMethod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.tuner.AtLeast;
import dev.tuner.AtMost;
import dev.tuner.Direction;
import dev.tuner.Maximize;
import dev.tuner.Minimize;
import dev.tuner.Tune;
import dev.tuner.Uniform;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.ParetoPick;
import dev.tuner.core.trial.TrialState;
import org.junit.jupiter.api.Test;

/** A {@code @Tune} method returning a record: its objectives and constraints, and each misuse refused. */
class RecordOutcomeTest {

    public record Outcome(@Maximize double accuracy, @Minimize @AtMost(20) double latencyMs, @AtLeast(0.5) Double recall) {}

    static class TradeOffCase {
        @Tune(pick = "latencyMs")
        Outcome f(@Uniform(min = 0, max = 1) double x) {
            return new Outcome(x, 40 * x, 1 - x);
        }
    }

    public record One(@Maximize double accuracy, @AtMost(50) int sizeMb) {}

    static class OneCase {
        @Tune
        One f(@Uniform(min = 0, max = 1) double x) {
            return new One(x, (int) (100 * x));
        }
    }

    @Test
    void aRecordsMarkedComponentsAreTheObjectivesAndItsBoundsTheConstraints() throws Exception {
        MethodObjective objective = MethodObjective.of(tuneMethod(TradeOffCase.class));

        assertThat(objective.directions()).containsExactly(Direction.MAXIMIZE, Direction.MINIMIZE);
        assertThat(objective.objectiveNames()).containsExactly("accuracy", "latencyMs");
        assertThat(objective.constraintViolations()).containsExactly(entry("latencyMs", "latencyMs > 20"),
                entry("recall", "recall < 0.5"));
        assertThat(objective.pick()).isEqualTo(ParetoPick.parse("latencyMs", objective.objectiveNames()));

        Study study = Studies.builder(MethodObjective.studyName(TradeOffCase.class, tuneMethod(TradeOffCase.class)), 1)
                .directions(Direction.MAXIMIZE, Direction.MINIMIZE).build();
        study.enqueue(java.util.Map.of(study.name() + ".x", 0.75));
        FrozenTrial trial = study.runTrial(objective.forStudy()).trial();

        assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(trial.values()).containsExactly(0.75, 30.0);
        assertThat(trial.constraints()).containsExactly(entry("latencyMs", 10.0), entry("recall", 0.25));
        assertThat(trial.isFeasible()).isFalse();
    }

    @Test
    void aRecordOfOneObjectiveIsAStudyOfOneWithConstraints() {
        MethodObjective objective = MethodObjective.of(tuneMethod(OneCase.class));
        Study study = Studies.builder("one", 1).direction(Direction.MAXIMIZE).build();
        study.enqueue(java.util.Map.of("one.x", 0.6));  // not the study's own name: read as drawn
        FrozenTrial trial = study.runTrial(objective.forStudy()).trial();

        assertThat(objective.forStudy()).isSameAs(objective);
        assertThat(objective.objectiveNames()).containsExactly("accuracy");
        assertThat(trial.values()).hasSize(1);
        assertThat(trial.constraints()).containsOnlyKeys("sizeMb");
    }

    public record Unmarked(@Maximize double accuracy, double note) {}

    static class UnmarkedCase {
        @Tune
        Unmarked f() {
            return null;
        }
    }

    public record Text(@Maximize double accuracy, @Minimize String latency) {}

    static class TextCase {
        @Tune
        Text f() {
            return null;
        }
    }

    public record NoObjective(@AtMost(1) double size) {}

    static class NoObjectiveCase {
        @Tune
        NoObjective f() {
            return null;
        }
    }

    static class DirectionCase {
        @Tune(direction = Direction.MAXIMIZE)
        One f() {
            return null;
        }
    }

    static class PickOnNumberCase {
        @Tune(pick = "knee")
        double f() {
            return 0;
        }
    }

    public record Both(@Maximize @Minimize double accuracy) {}

    static class BothCase {
        @Tune
        Both f() {
            return null;
        }
    }

    public record Infinite(@Maximize @AtMost(Double.POSITIVE_INFINITY) double accuracy) {}

    static class InfiniteCase {
        @Tune
        Infinite f() {
            return null;
        }
    }

    static class StringCase {
        @Tune
        String f() {
            return null;
        }
    }

    @Test
    void everyMisuseIsRefusedNamingTheClassMethodComponentAndFix() {
        String unmarked = "component 'note' of record " + Unmarked.class.getName() + ", returned by @Tune method "
                + UnmarkedCase.class.getName() + ".f(): is neither an objective nor a constraint; mark it @Maximize or"
                + " @Minimize to optimize it, or @AtMost(...) or @AtLeast(...) to require a bound on it, or take it out of"
                + " the record";
        refused(UnmarkedCase.class, unmarked);
        refused(TextCase.class, "component 'latency' of record " + Text.class.getName() + ", returned by @Tune method "
                + TextCase.class.getName() + ".f(): is a java.lang.String, but objectives and constraints are numbers;"
                + " make it a double (or another number type)");
        refused(NoObjectiveCase.class, "@Tune method " + NoObjectiveCase.class.getName() + ".f(): returns record "
                + NoObjective.class.getName() + ", which has no objective; mark at least one component @Maximize or"
                + " @Minimize (or return the objective as a double)");
        refused(DirectionCase.class, "@Tune method " + DirectionCase.class.getName() + ".f(): returns record "
                + One.class.getName() + " and sets @Tune(direction = MAXIMIZE), but a record gives each objective's"
                + " direction on its component; remove direction from @Tune and mark the components @Maximize or @Minimize");
        refused(PickOnNumberCase.class, "sets @Tune(pick = \"knee\"), but returns one number, so its best trial is the"
                + " one picked; remove pick");
        refused(BothCase.class, "component 'accuracy' of record " + Both.class.getName());
        refused(BothCase.class, "is marked both @Maximize and @Minimize; keep the one direction");
        refused(InfiniteCase.class, "@AtMost(Infinity) is not a finite number");
        refused(StringCase.class, "returns java.lang.String, but the objective must be a number, or a record of"
                + " objectives");
    }

    private static void refused(Class<?> type, String message) {
        assertThatThrownBy(() -> MethodObjective.of(tuneMethod(type)))
                .isInstanceOf(InvalidDeclarationException.class).hasMessageContaining(message);
    }
}

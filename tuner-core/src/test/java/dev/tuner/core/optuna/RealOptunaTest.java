package dev.tuner.core.optuna;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialHistory;
import dev.tuner.core.trial.TrialState;
import dev.tuner.Direction;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proof with the real Optuna 5, installed into a throwaway venv ({@link OptunaVenv}; skipped, saying
 * why, where Python or the wheel is missing): {@code optuna.load_study} reads an exported journal
 * as the same trials, and a journal Optuna wrote comes into Tuner exactly.
 */
class RealOptunaTest {

    /** Loads the studies named after the journal and prints what Optuna sees of them, as JSON. */
    static final String DUMP = """
            import json, sys
            from datetime import timezone
            import optuna
            from optuna.storages import JournalStorage
            from optuna.storages.journal import JournalFileBackend

            def utc(moment):
                return None if moment is None else moment.astimezone(timezone.utc).isoformat()

            def dump(storage, names):
                out = {}
                for name in names:
                    study = optuna.load_study(study_name=name, storage=storage)
                    trials = [{
                        "number": t.number, "state": t.state.name, "values": t.values, "params": t.params,
                        "distributions": {k: json.loads(optuna.distributions.distribution_to_json(d))
                                          for k, d in t.distributions.items()},
                        "intermediate": {str(k): v for k, v in t.intermediate_values.items()},
                        "user_attrs": t.user_attrs, "system_attrs": t.system_attrs,
                        "start": utc(t.datetime_start), "complete": utc(t.datetime_complete)}
                        for t in study.get_trials(deepcopy=False)]
                    if len(study.directions) > 1:
                        best = sorted(t.number for t in study.best_trials)
                    else:
                        best = study.best_trial.number
                    out[name] = {"directions": [d.name for d in study.directions], "trials": trials, "best": best,
                                 "metric_names": study.metric_names}
                return out

            if __name__ == "__main__":
                optuna.logging.set_verbosity(optuna.logging.WARNING)
                storage = JournalStorage(JournalFileBackend(sys.argv[1]))
                print(json.dumps(dump(storage, sys.argv[2:])))
            """;

    /** Runs a study in Optuna with conditional knobs, every state, intermediate values and an enqueued trial. */
    static final String WRITE = """
            import json, sys
            import optuna
            from optuna.storages import JournalStorage
            from optuna.storages.journal import JournalFileBackend
            from dump import dump

            optuna.logging.set_verbosity(optuna.logging.WARNING)
            storage = JournalStorage(JournalFileBackend(sys.argv[1]))
            study = optuna.create_study(study_name="written-by-optuna", storage=storage, direction="maximize",
                                        sampler=optuna.samplers.RandomSampler(seed=3))

            def objective(trial):
                model = trial.suggest_categorical("model", ["svm", "forest"])
                if model == "svm":
                    value = trial.suggest_float("c", 1e-3, 1e3, log=True) / 1000
                    trial.suggest_int("degree", 1, 5)
                    trial.suggest_categorical("shrinking", [True, False])
                else:
                    value = trial.suggest_int("trees", 10, 500, step=10) / 500
                    trial.suggest_float("fraction", 0.1, 1.0, step=0.1)
                    trial.suggest_int("depth", 1, 64, log=True)
                    trial.suggest_float("alpha", -1.0, 1.0)
                for step in range(3):
                    trial.report(value * step, step)
                if trial.number % 4 == 1:
                    raise optuna.TrialPruned()
                if trial.number % 4 == 2:
                    raise ValueError("boom in trial %d" % trial.number)
                return value

            study.optimize(objective, n_trials=12, catch=(ValueError,))
            study.enqueue_trial({"model": "svm", "c": 1.0})
            print(json.dumps(dump(storage, ["written-by-optuna"])))
            """;

    @TempDir
    Path dir;

    @Test
    void optunaLoadsAnExportedStudyAsTheSameTrialsValuesParamsAndBestTrial() throws Exception {
        OptunaVenv.python();
        InMemoryStorage storage = new InMemoryStorage();
        Studies.write(storage);
        Path file = dir.resolve("exported.log");
        OptunaExport.write(storage, List.of(Studies.MIXED, Studies.MO), file);

        JsonNode seen = JournalOps.JSON.readTree(OptunaVenv.runScript(DUMP, dir, file.toString(), Studies.MIXED, Studies.MO));

        JsonNode mixed = seen.path(Studies.MIXED);
        assertThat(mixed.path("directions").toString()).isEqualTo("[\"MINIMIZE\"]");
        List<FrozenTrial> trials = storage.trials(Studies.MIXED);
        assertSameAsOptuna(mixed.path("trials"), trials, new ExportedForm(Studies.MIXED));
        assertThat(mixed.path("best").asInt()).isEqualTo(TrialHistory.best(trials, Direction.MINIMIZE).orElseThrow().number())
                .isEqualTo(4);
        JsonNode first = mixed.path("trials").get(0);
        assertThat(first.path("params").path(Studies.MIXED + ".direction").asText()).isEqualTo("MAXIMIZE");
        assertThat(first.path("params").path(Studies.MIXED + ".flag").asBoolean()).isTrue();
        assertThat(first.path("params").path(Studies.MIXED + ".units").isIntegralNumber()).isTrue();
        assertThat(first.path("distributions").path(Studies.MIXED + ".units").toString())
                .isEqualTo("{\"name\":\"IntDistribution\",\"attributes\":{\"log\":true,\"step\":1,\"low\":1,\"high\":1024}}");
        assertThat(first.path("distributions").path(Studies.MIXED + ".dropout").toString())
                .isEqualTo("{\"name\":\"FloatDistribution\",\"attributes\":{\"step\":0.05,\"low\":0.0,\"high\":0.5,\"log\":false}}");
        assertThat(first.path("user_attrs").path("tuner.trial").asText()).startsWith("#0 ");
        assertThat(first.path("user_attrs").path("tuner.worker").asText()).isEqualTo(trials.get(0).worker().orElseThrow()
                .toString()).endsWith("/" + ProcessHandle.current().pid());
        assertThat(mixed.path("trials").get(2).path("system_attrs").path("fail_reason").asText())
                .isEqualTo("java.lang.IllegalStateException: boom \"quoted\" ü (at A.b(A.java:3))");
        assertThat(mixed.path("trials").get(3).path("system_attrs").path("constraints").toString()).isEqualTo("[0.5,-3.0]");

        JsonNode mo = seen.path(Studies.MO);
        assertThat(mo.path("directions").toString()).isEqualTo("[\"MINIMIZE\",\"MAXIMIZE\"]");
        assertSameAsOptuna(mo.path("trials"), storage.trials(Studies.MO), new ExportedForm(Studies.MO));
        assertThat(mo.path("best").toString()).isEqualTo("[0,1,2]");
        assertThat(mo.path("metric_names").toString()).isEqualTo("[\"error\",\"score\"]");
        assertThat(mixed.path("metric_names").isNull()).as("a study whose objective was never named").isTrue();
    }

    /** Optuna copies every study of one journal into another, writing each trial itself. */
    static final String COPY = """
            import sys
            import optuna
            from optuna.storages import JournalStorage
            from optuna.storages.journal import JournalFileBackend

            source = JournalStorage(JournalFileBackend(sys.argv[1]))
            target = JournalStorage(JournalFileBackend(sys.argv[2]))
            for summary in optuna.get_all_study_summaries(source):
                optuna.copy_study(from_study_name=summary.study_name, from_storage=source, to_storage=target)
            """;

    @Test
    void aStudyOptunaRewroteComesBackIntoTunerExactly() throws Exception {
        OptunaVenv.python();
        InMemoryStorage storage = new InMemoryStorage();
        Studies.write(storage);
        Path exported = dir.resolve("exported.log");
        Path rewritten = dir.resolve("rewritten.log");
        OptunaExport.write(storage, List.of(Studies.MIXED, Studies.MO), exported);

        OptunaVenv.runScript(COPY, dir, exported.toString(), rewritten.toString());

        List<OptunaStudy> read = OptunaJournal.read(rewritten);
        assertThat(read).extracting(OptunaStudy::name).containsExactly(Studies.MIXED, Studies.MO);
        OptunaExportTest.assertSameTrials(read.get(0).trials(), storage.trials(Studies.MIXED));
        OptunaExportTest.assertSameTrials(read.get(1).trials(), storage.trials(Studies.MO));
        assertThat(read.get(1).objectiveNames()).as("Optuna's copy keeps the metric names").isEqualTo(Studies.MO_NAMES);
    }

    @Test
    void aJournalOptunaWroteComesIntoTunerExactly() throws Exception {
        OptunaVenv.python();
        java.nio.file.Files.writeString(dir.resolve("dump.py"), DUMP);
        Path file = dir.resolve("optuna.log");

        JsonNode written = JournalOps.JSON.readTree(OptunaVenv.runScript(WRITE, dir, file.toString()))
                .path("written-by-optuna");

        List<OptunaStudy> read = OptunaJournal.read(file);
        assertThat(read).singleElement().extracting(OptunaStudy::name).isEqualTo("written-by-optuna");
        OptunaStudy study = read.get(0);
        assertThat(study.directions()).containsExactly(Direction.MAXIMIZE);
        assertSameAsOptuna(written.path("trials"), study.trials(), null);
        List<TrialState> states = study.trials().stream().map(FrozenTrial::state).toList();
        assertThat(states).contains(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL, TrialState.WAITING);
        // Optuna 5 keeps no reason for a failure (Optuna 4 kept fail_reason): the failure says where it came from
        assertThat(study.trials().get(2).failure().orElseThrow().where()).isEqualTo(file + ", study 'written-by-optuna',"
                + " trial #2");
        assertThat(study.trials().get(12).enqueuedValues()).containsExactly(Map.entry("model", "svm"), Map.entry("c", "1.0"));

        InMemoryStorage storage = new InMemoryStorage();
        OptunaImport.copy(study, storage, "imported");
        List<FrozenTrial> imported = storage.trials("imported");
        assertSameAsOptuna(written.path("trials"), imported, null);
        assertThat(TrialHistory.best(imported, Direction.MAXIMIZE).orElseThrow().number()).isEqualTo(written.path("best").asInt());
    }

    /** How Optuna shows a Tuner trial's values: its knobs' Optuna external values. */
    private record ExportedForm(String study) {}

    /**
     * Each trial as Optuna dumped it against Tuner's: number, state, values, params (as Optuna's
     * external values, or as Tuner's for a journal Optuna wrote), intermediate values, start and
     * finish times to the microsecond, and, for an exported study, the constraint values.
     */
    private static void assertSameAsOptuna(JsonNode dumped, List<FrozenTrial> trials, ExportedForm exported) {
        assertThat(dumped.size()).isEqualTo(trials.size());
        Iterator<JsonNode> each = dumped.iterator();
        for (FrozenTrial trial : trials) {
            JsonNode optuna = each.next();
            String which = "trial #" + trial.number();
            assertThat(optuna.path("number").asInt()).as(which).isEqualTo(trial.number());
            assertThat(optuna.path("state").asText()).as(which).isEqualTo(trial.state().name());
            List<Double> values = new ArrayList<>();
            optuna.path("values").forEach(value -> values.add(value.doubleValue()));
            assertThat(values).as(which).isEqualTo(trial.values());
            Map<String, Object> params = new LinkedHashMap<>();
            optuna.path("params").properties().forEach(param -> params.put(param.getKey(),
                    OptunaDistribution.scalarOf(param.getValue())));
            Map<String, Object> expected = new LinkedHashMap<>();
            trial.suggestions().forEach((knob, suggestion) -> expected.put(knob, exported == null
                    ? suggestion.value() : optunaValue(optuna, knob, suggestion)));
            assertThat(params).as(which).containsExactlyInAnyOrderEntriesOf(expected);
            Map<Integer, Double> intermediate = new LinkedHashMap<>();
            optuna.path("intermediate").properties().forEach(step ->
                    intermediate.put(Integer.parseInt(step.getKey()), step.getValue().doubleValue()));
            assertThat(intermediate).as(which).isEqualTo(trial.intermediateValues());
            if (trial.state() != TrialState.WAITING) {
                assertThat(java.time.OffsetDateTime.parse(optuna.path("start").asText()).toInstant()).as(which)
                        .isEqualTo(trial.started().truncatedTo(ChronoUnit.MICROS));
                JsonNode complete = optuna.path("complete");
                assertThat(complete.isNull() ? null : java.time.OffsetDateTime.parse(complete.asText()).toInstant())
                        .as(which).isEqualTo(trial.finished().map(t -> t.truncatedTo(ChronoUnit.MICROS)).orElse(null));
            }
            if (exported != null && trial.state() != TrialState.WAITING) {
                List<Double> constraints = new ArrayList<>();
                optuna.path("system_attrs").path("constraints").forEach(value -> constraints.add(value.doubleValue()));
                assertThat(constraints).as(which).isEqualTo(new ArrayList<>(trial.constraints().values()));
            }
        }
    }

    /** The external value Optuna gives an exported knob: the choice at its index, else the internal value. */
    private static Object optunaValue(JsonNode optuna, String knob, Suggestion suggestion) {
        JsonNode distribution = optuna.path("distributions").path(knob);
        return OptunaDistribution.fromTree(distribution).toExternal(suggestion.internal());
    }
}

package dev.tuner.core.storage;

import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link JdbcStorage#together} gathers while its calls run: the knob values they draw, which
 * are written in one transaction at its end instead of one each, and the study's history as read
 * in the transaction that started the trial, which the sampler's reads get instead of a read each.
 * Reads in the batch see the values it drew, as they would once written.
 */
final class JdbcBatch {

    /** A knob's value drawn in the batch, not written yet. */
    record Param(int study, String studyName, int number, String knob, String distributionJson,
            Distribution distribution, double internal) {}

    private final List<Param> params = new ArrayList<>();
    private final Map<Integer, List<FrozenTrial>> history = new HashMap<>();

    void add(Param param) {
        params.add(param);
    }

    /** The values drawn and not written yet, in the order drawn; the batch forgets them. */
    List<Param> takeParams() {
        List<Param> taken = List.copyOf(params);
        params.clear();
        return taken;
    }

    /** Keeps the study's history as read in this batch. */
    void history(int study, List<FrozenTrial> trials) {
        history.put(study, trials);
    }

    /** Forgets the study's history read in this batch, which a write of the batch's own made stale. */
    void forgetHistory(int study) {
        history.remove(study);
    }

    /** The study's history as read in this batch, with the values drawn since; null if none was read. */
    List<FrozenTrial> history(int study) {
        List<FrozenTrial> trials = history.get(study);
        if (trials == null || params.isEmpty()) {
            return trials;
        }
        List<FrozenTrial> drawn = null;
        for (Param param : params) {
            int index = JdbcDeferredParams.indexOf(trials, param.number());
            if (param.study() == study && index >= 0) {
                if (drawn == null) {
                    drawn = new ArrayList<>(trials);
                }
                drawn.set(index, withParams(study, trials.get(index)));
            }
        }
        return drawn == null ? trials : List.copyOf(drawn);
    }

    /** The trial with the values drawn for it in this batch. */
    FrozenTrial withParams(int study, FrozenTrial trial) {
        List<Param> drawn = new ArrayList<>();
        for (Param param : params) {
            if (param.study() == study && param.number() == trial.number()) {
                drawn.add(param);
            }
        }
        return JdbcDeferredParams.withParams(trial, drawn);
    }
}

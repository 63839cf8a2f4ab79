package dev.tuner.core.storage;

import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The knob values {@link JdbcStorage#setParamDeferred} holds back, by trial, until a write of that
 * trial takes them along (its finish or a reported value, in the same transaction) or the heartbeat
 * does; and the overlay that shows them in this worker's reads meanwhile, as if they were written.
 * Only {@code RUNNING} trials show them: a trial that stopped running will never take them.
 * Not thread-safe: the storage locks.
 */
final class JdbcDeferredParams {

    /** The values held back, by trial (study id in the high half, number in the low), in the order drawn. */
    private final Map<Long, List<JdbcBatch.Param>> byTrial = new LinkedHashMap<>();

    private static long key(int study, int number) {
        return ((long) study << 32) | (number & 0xffffffffL);
    }

    void add(JdbcBatch.Param param) {
        byTrial.computeIfAbsent(key(param.study(), param.number()), trial -> new ArrayList<>()).add(param);
    }

    boolean isEmpty() {
        return byTrial.isEmpty();
    }

    /** The values held back for one trial, in the order drawn; they are no longer held. */
    List<JdbcBatch.Param> take(int study, int number) {
        List<JdbcBatch.Param> taken = byTrial.remove(key(study, number));
        return taken == null ? List.of() : taken;
    }

    /** Every value held back, trial after trial; they are no longer held. */
    List<JdbcBatch.Param> takeAll() {
        List<JdbcBatch.Param> taken = new ArrayList<>();
        byTrial.values().forEach(taken::addAll);
        byTrial.clear();
        return taken;
    }

    /** Holds again values {@linkplain #take taken} for a write that failed, before any drawn since. */
    void putBack(List<JdbcBatch.Param> params) {
        Map<Long, List<JdbcBatch.Param>> since = new LinkedHashMap<>(byTrial);
        byTrial.clear();
        params.forEach(this::add);
        since.forEach((trial, drawn) -> byTrial.computeIfAbsent(trial, key -> new ArrayList<>()).addAll(drawn));
    }

    /** The trial with the values held back for it, if it runs. */
    FrozenTrial withParams(int study, FrozenTrial trial) {
        List<JdbcBatch.Param> held = byTrial.get(key(study, trial.number()));
        return held == null ? trial : withParams(trial, held);
    }

    /** The trials, in number order, each running one with the values held back for it. */
    List<FrozenTrial> withParams(int study, List<FrozenTrial> trials) {
        if (byTrial.isEmpty()) {
            return trials;
        }
        List<FrozenTrial> shown = null;
        for (List<JdbcBatch.Param> held : byTrial.values()) {
            if (held.get(0).study() != study) {
                continue;
            }
            int index = indexOf(trials, held.get(0).number());
            if (index >= 0) {
                if (shown == null) {
                    shown = new ArrayList<>(trials);
                }
                shown.set(index, withParams(trials.get(index), held));
            }
        }
        return shown == null ? trials : List.copyOf(shown);
    }

    /** {@code trial} with {@code params} (all of it, whichever trial they name), if it runs. */
    static FrozenTrial withParams(FrozenTrial trial, List<JdbcBatch.Param> params) {
        if (params.isEmpty() || trial.state() != TrialState.RUNNING) {
            return trial;
        }
        Map<String, Suggestion> suggestions = new LinkedHashMap<>(trial.suggestions());
        for (JdbcBatch.Param param : params) {
            suggestions.put(param.knob(), new Suggestion(param.distribution(), param.internal()));
        }
        return new FrozenTrial(trial.number(), trial.state(), trial.result(), suggestions, trial.failure(),
                trial.started(), trial.finished(), trial.intermediateValues(), trial.enqueuedValues(), trial.worker());
    }

    /** Where trial {@code number} is in {@code trials}, which are in number order; -1 if it is not. */
    static int indexOf(List<FrozenTrial> trials, int number) {
        int low = 0;
        int high = trials.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int found = trials.get(middle).number();
            if (found == number) {
                return middle;
            }
            if (found < number) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return -1;
    }
}

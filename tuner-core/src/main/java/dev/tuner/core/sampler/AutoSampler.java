package dev.tuner.core.sampler;

import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialHistory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The default sampler, named {@code auto}: picks, for each study and as the study grows, the sampler
 * that searched its kind of space best at that budget, and says which it picked and why
 * ({@link #describe}, shown in the study's summary and report).
 *
 * <ul>
 *   <li>While every finished trial holds the same knobs, each a uniform, log-uniform or int range or
 *       a choice: {@link GpSampler Gaussian-process BO} until {@code gpTrials} (300) trials have
 *       finished, then {@code afterGp} ({@link CmaEsSampler CMA-ES}).</li>
 *   <li>A conditional space (knobs that only some trials hold), or a normal, log-normal or custom
 *       knob, whose prior only TPE models: {@link TpeSampler TPE}.</li>
 *   <li>Once a trial was pruned: {@link TpeSampler TPE}, which ranks pruned trials below complete
 *       ones and among themselves by how far they got; a Gaussian process has no final value for
 *       them.</li>
 *   <li>A study of several objectives follows the same rules, with {@link TpeSampler TPE}
 *       (multi-objective TPE) after GP in place of CMA-ES, which models one objective: GP (a random
 *       scalarization of the objectives per trial, times the probability of feasibility) while the space
 *       is flat and under {@code gpTrials} trials have finished, TPE otherwise.</li>
 * </ul>
 *
 * <p>Every stage reads the whole history from the storage, so a stage picks up where the one before
 * left off (CMA-ES warm-starts from the best of GP's trials), and a study resumed or shared by
 * several workers makes the same choices from the same history. The stage only moves forward: a space
 * found conditional, or a study that pruned a trial, stays with TPE.
 *
 * <p>Defaults: {@code gpTrials} 300, {@code afterGp} {@code cmaes}; the samplers it picks keep their
 * own defaults. The rules were chosen on the training half of the outside suite
 * ({@code benchmarks/run quality --suite bbob --split train}), never on the public nine functions,
 * on {@code benchmarks/run pruning} for pruned studies, and on {@code benchmarks/run mo --suite training}
 * for studies of several objectives. Measurements: {@code
 * benchmarks/README.md}, section "Measurements", "GP, CMA-ES and {@code auto}" and "{@code auto}
 * in pruned studies".
 *
 * <pre>{@code
 * Sampler auto = Samplers.create("auto", 42, Map.of("gpTrials", "150"));
 * }</pre>
 */
public final class AutoSampler implements Sampler {

    /** The options {@link #create} knows, with their defaults. */
    static final Map<String, String> DEFAULTS = Map.of("gpTrials", "300", "afterGp", "cmaes");

    private final int gpTrials;
    private final String afterGpName;
    private final Sampler tpe;
    private final Sampler gp;
    private final Sampler afterGp;
    private final Map<TrialHistory, Choices> choices = Collections.synchronizedMap(new WeakHashMap<>());

    private AutoSampler(long seed, int gpTrials, String afterGpName) {
        this.gpTrials = gpTrials;
        this.afterGpName = afterGpName;
        this.tpe = Samplers.create("tpe", seed);
        this.gp = Samplers.create("gp", seed);
        this.afterGp = afterGpName.equals("tpe") ? tpe : Samplers.create(afterGpName, seed);
    }

    /**
     * An automatic sampler with options by name, as {@code tuner.auto.<option>}: {@code gpTrials}
     * (finished trials after which a flat space leaves GP; default 300, 0 never uses GP) and
     * {@code afterGp} (the sampler that follows: {@code cmaes}, the default, {@code tpe},
     * {@code random} or {@code qmc}). The samplers it picks keep their own defaults.
     */
    static AutoSampler create(long seed, Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!DEFAULTS.containsKey(key)) {
                throw new IllegalArgumentException("the auto sampler knows the options " + DEFAULTS.keySet()
                        + ", not '" + key + "' (tuner.auto." + key + ")");
            }
        }
        String gpTrials = options.getOrDefault("gpTrials", DEFAULTS.get("gpTrials")).trim();
        int trials;
        try {
            trials = Integer.parseInt(gpTrials);
        } catch (NumberFormatException notANumber) {
            trials = -1;
        }
        if (trials < 0) {
            throw new IllegalArgumentException("tuner.auto.gpTrials=" + gpTrials
                    + " is not a whole number ≥ 0; give e.g. 200 (0 never uses GP)");
        }
        String afterGp = options.getOrDefault("afterGp", DEFAULTS.get("afterGp")).trim();
        if (!List.of("tpe", "cmaes", "random", "qmc").contains(afterGp)) {
            throw new IllegalArgumentException("tuner.auto.afterGp=" + afterGp
                    + " is not a sampler for long numeric studies; give tpe, cmaes, random or qmc");
        }
        return new AutoSampler(seed, trials, afterGp);
    }

    @Override
    public Map<String, Suggestion> sampleRelative(TrialHistory study, int trialNumber) {
        return choose(study, trialNumber).sampleRelative(study, trialNumber);
    }

    @Override
    public double sample(TrialHistory study, int trialNumber, String name, Distribution distribution) {
        return current(study, trialNumber).sample(study, trialNumber, name, distribution);
    }

    /**
     * Which samplers this one picked for {@code study} in this process, from which trial on, and why:
     * e.g. {@code gp from #0 (a flat space, under 300 finished trials); cmaes from #300 (...)}.
     */
    @Override
    public String describe(TrialHistory study) {
        Choices made = choices.get(study);
        return made == null ? "nothing picked yet" : made.toString();
    }

    /** Picks the stage for a trial that starts now, from the study's history. */
    private Sampler choose(TrialHistory study, int trialNumber) {
        Choices made = choices.computeIfAbsent(study, ignored -> new Choices());
        SpaceProfile space = made.scan.of(study.trials());
        String name;
        String reason;
        if (!space.flat()) {
            name = "tpe";
            reason = space.whyNotFlat();
        } else if (space.pruned()) {
            name = "tpe";
            reason = "trial #" + space.firstPruned() + " was pruned: TPE ranks pruned trials by how far they got,"
                    + " a Gaussian process learns only from final values";
        } else if (space.finished() < gpTrials) {
            name = "gp";
            reason = "a flat space" + (space.knobs() == 0 ? "" : " of " + space.knobs() + " knobs") + ", under "
                    + gpTrials + " finished trials";
        } else if (study.isMultiObjective() && afterGpName.equals("cmaes")) {
            name = "tpe";
            reason = space.finished() + " finished trials of " + study.directions().size() + " objectives, where a"
                    + " Gaussian process costs much and gains little, and CMA-ES models one objective";
        } else {
            name = afterGpName;
            reason = space.finished() + " finished trials, where a Gaussian process costs much and gains little";
        }
        synchronized (made) {
            // the stage only moves forward: a conditional space or a pruned trial found once stays with TPE
            if (made.current == null || rank(name) > rank(made.current)) {
                made.record(name, trialNumber, reason);
            }
            return sampler(made.current);
        }
    }

    private Sampler current(TrialHistory study, int trialNumber) {
        Choices made = choices.get(study);
        if (made == null) {
            return choose(study, trialNumber);
        }
        synchronized (made) {
            return sampler(made.current);
        }
    }

    private int rank(String stage) {
        return stage.equals("gp") ? 0 : stage.equals("tpe") ? 2 : 1;
    }

    private Sampler sampler(String stage) {
        return stage.equals("gp") ? gp : stage.equals("tpe") ? tpe : afterGp;
    }

    @Override
    public String toString() {
        return "AutoSampler[gpTrials=" + gpTrials + ", afterGp=" + afterGpName + "]";
    }

    /** The stages picked for one study, in order. */
    private static final class Choices {
        private final SpaceProfile.Scan scan = new SpaceProfile.Scan();
        private final List<String> made = new ArrayList<>();
        private String current;

        void record(String stage, int trialNumber, String reason) {
            current = stage;
            made.add(stage + " from #" + trialNumber + " (" + reason + ")");
        }

        @Override
        public String toString() {
            return String.join("; ", made);
        }
    }
}

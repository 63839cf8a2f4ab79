package dev.tuner.core.sampler;

import dev.tuner.core.space.Distribution;
import dev.tuner.core.study.Study;
import dev.tuner.core.study.Suggestion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The default sampler: picks, for each study and as the study grows, the sampler that searched its
 * kind of space best at that budget in the benchmark, and says which it picked and why
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
 * </ul>
 *
 * <p>Every stage reads the whole history from the storage, so a stage picks up where the one before
 * left off (CMA-ES warm-starts from the best of GP's trials), and a study resumed or shared by
 * several workers makes the same choices from the same history. The stage only moves forward: a space
 * found conditional, or a study that pruned a trial, stays with TPE.
 *
 * <h2>The benchmark that chose the rules</h2>
 * <p>Chosen on the training half of {@code benchmarks/run quality --suite bbob} (odd BBOB functions,
 * dimensions 2, 5, 10, and the synthetic {@code branches} and {@code mixedcat} families), never on the
 * public nine functions; the figures are geometric means of median gaps, lower is better:
 * <ul>
 *   <li>Numeric spaces, 36 problems, 3 seeds: GP 8.2 / 2.7 / 1.06 / 0.63 at 25 / 50 / 100 / 200 trials,
 *       CMA-ES 22 / 12 / 5.3 / 2.1, TPE 17.6 / 8.5 / 3.8 / 2.2. GP leads at every budget from 25 on;
 *       only at 10 trials, while GP still takes its Sobol points, TPE and CMA-ES lead.</li>
 *   <li>Long numeric studies, 72 problems, 5 seeds, from scratch: TPE 2.3 / 1.65 / 1.22 at 200 / 300 /
 *       500 trials, CMA-ES 2.5 / 1.12 / 0.47; after 200 GP trials, CMA-ES and TPE end within noise at
 *       300 and 400 (2 seeds), and CMA-ES proposes in microseconds where GP takes tens of milliseconds
 *       and TPE about one at 10,000 trials: so CMA-ES follows GP. GP alone stayed ahead of the switch at
 *       200 (24 problems of dimension 5 and 10, 2 seeds: 1.82 / 1.61 at 300 / 400 trials against
 *       2.02 / 1.70), while its proposals still cost tens of milliseconds there: so GP runs to 300.</li>
 *   <li>Categorical knobs in a flat space ({@code mixedcat}, 10 seeds, 100 trials): GP's median gaps
 *       are 1e-6 to 1e-5 against TPE's 5e-3 to 0.4, on both halves, so choices stay with GP. In a
 *       conditional space ({@code branches}) TPE did better on three of four instances (validation
 *       instance 4: 0.0019 against GP's 0.39), so conditional spaces go to TPE.</li>
 *   <li>Pruned studies ({@code benchmarks/run pruning --sampler gp|tpe}, crossing learning curves
 *       of three numeric knobs, 20 seeds, 30 trials, median best final loss): under the median
 *       pruner GP reached 0.096 and TPE 0.073; GP with pruned trials as data at the worst complete
 *       loss 0.096, at the median complete loss 0.085. Without pruning GP leads (0.056 against
 *       0.062), so the switch waits for the first pruned trial.</li>
 * </ul>
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
    private final Map<Study, Choices> choices = Collections.synchronizedMap(new WeakHashMap<>());

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
    public Map<String, Suggestion> sampleRelative(Study study, int trialNumber) {
        return choose(study, trialNumber).sampleRelative(study, trialNumber);
    }

    @Override
    public double sample(Study study, int trialNumber, String name, Distribution distribution) {
        return current(study, trialNumber).sample(study, trialNumber, name, distribution);
    }

    /**
     * Which samplers this one picked for {@code study} in this process, from which trial on, and why:
     * e.g. {@code gp from #0 (a flat space, under 300 finished trials); cmaes from #300 (...)}.
     */
    @Override
    public String describe(Study study) {
        Choices made = choices.get(study);
        return made == null ? "nothing picked yet" : made.toString();
    }

    /** Picks the stage for a trial that starts now, from the study's history. */
    private Sampler choose(Study study, int trialNumber) {
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

    private Sampler current(Study study, int trialNumber) {
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

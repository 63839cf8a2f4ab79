package dev.tuner.core.report;

import dev.tuner.Direction;
import dev.tuner.core.sampler.Samplers;
import dev.tuner.core.space.Normal;
import dev.tuner.core.space.Scale;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Studies for the report's tests, run for real through ask and tell. */
final class ReportStudies {

    static final String MIXED = "com.acme.ClassifierTuning.accuracy";

    private ReportStudies() {}

    /**
     * A study over every kind of knob (linear, log, integer, categorical, clipped normal, boolean), with
     * failures (every 13th trial and those of a large learning rate), a knob that only one branch reads, and learning curves; maximizing.
     */
    static StudySnapshot mixed(int trials, long seed) {
        Study study = Studies.builder(MIXED, Samplers.create("tpe", seed)).direction(Direction.MAXIMIZE).build();
        for (int i = 0; i < trials; i++) {
            Trial trial = study.ask();
            double lr = trial.suggestFloat(MIXED + ".learningRate", 1e-5, 1e-1, Scale.LOG);
            int layers = trial.suggestInt(MIXED + ".layers", 1, 8);
            String activation = trial.suggestCategorical(MIXED + ".activation", List.of("relu", "tanh", "elu"));
            double dropout = (Double) trial.suggest(MIXED + ".dropout", Normal.of(0.3, 0.2).clipped(0, 0.9));
            boolean shuffle = trial.suggestCategorical(MIXED + ".shuffle", List.of(true, false));
            double momentum = "relu".equals(activation) ? trial.suggestFloat(MIXED + ".momentum", 0, 1) : 0.5;
            double score = 0.95 - 0.04 * Math.pow(Math.log10(lr) + 2.5, 2) - 0.01 * Math.abs(layers - 4)
                    - ("tanh".equals(activation) ? 0.03 : 0) - 0.05 * dropout * dropout - 0.02 * (momentum - 0.5)
                    + (shuffle ? 0.002 : 0);
            if (lr > 0.05 || trial.number() % 13 == 7) {
                study.tellFailure(trial, new IllegalStateException("diverged: loss <NaN> & \"grad\" exploded"));
                continue;
            }
            for (int epoch = 1; epoch <= 10; epoch++) {
                trial.report(epoch, score * (1 - Math.exp(-epoch / 3.0)));
            }
            study.tell(trial, score);
        }
        return StudySnapshot.of(study);
    }

    /**
     * A finished trial as a storage records it, for the states ask and tell cannot make yet
     * (pruned); the one place that builds a {@link FrozenTrial} by hand.
     */
    static FrozenTrial finished(int number, TrialState state, double value, Map<String, Suggestion> suggestions) {
        return new FrozenTrial(number, state, OptionalDouble.of(value), suggestions, Optional.empty(), Instant.EPOCH,
                Optional.of(Instant.EPOCH.plusMillis(5)));
    }

    /** {@code 100 x² + y} over {@code x, y ∈ [-1, 1]}, minimized by random search: x matters, y barely. */
    static StudySnapshot xDominates(int trials, long seed) {
        Study study = Studies.inMemory("xDominates", seed);
        for (int i = 0; i < trials; i++) {
            Trial trial = study.ask();
            double x = trial.suggestFloat("f.x", -1, 1);
            double y = trial.suggestFloat("f.y", -1, 1);
            study.tell(trial, 100 * x * x + y);
        }
        return StudySnapshot.of(study);
    }
}

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

    /**
     * Accuracy (maximized) against latency (minimized) of a made-up model, with a constraint on its
     * size: a larger model is more accurate and slower, and models above 6 MB are infeasible. Random
     * search; every 17th trial fails.
     */
    static StudySnapshot accuracyLatency(int trials, long seed) {
        Study study = Studies.builder("com.acme.ModelTuning.accuracyLatency", seed)
                .directions(Direction.MAXIMIZE, Direction.MINIMIZE).objectiveNames("accuracy", "latency").build();
        for (int i = 0; i < trials; i++) {
            Trial trial = study.ask();
            int layers = trial.suggestInt("com.acme.Model.layers", 1, 8);
            double width = trial.suggestFloat("com.acme.Model.width", 16, 512, Scale.LOG);
            double dropout = trial.suggestFloat("com.acme.Model.dropout", 0, 0.5);
            double size = layers * width / 400;
            double accuracy = 0.99 - 0.3 / (1 + size) - 0.1 * Math.pow(dropout - 0.2, 2);
            double latency = 2 + 3 * layers + width / 40 + 2 * dropout;
            if (trial.number() % 17 == 9) {
                study.tellFailure(trial, new IllegalStateException("out of memory"));
                continue;
            }
            trial.constrain("sizeMb", size - 6);
            study.tell(trial, accuracy, latency);
        }
        return StudySnapshot.of(study);
    }

    /** DTLZ2-like: three objectives, all minimized, on a sphere's octant, with a constraint on the first. */
    static StudySnapshot threeObjectives(int trials, long seed) {
        Study study = Studies.builder("com.acme.Sphere.three", seed)
                .directions(Direction.MINIMIZE, Direction.MINIMIZE, Direction.MINIMIZE).objectiveNames("f1", "f2", "f3")
                .build();
        for (int i = 0; i < trials; i++) {
            Trial trial = study.ask();
            double a = trial.suggestFloat("s.a", 0, 1);
            double b = trial.suggestFloat("s.b", 0, 1);
            double r = 1 + trial.suggestFloat("s.r", 0, 1);
            double f1 = r * Math.cos(a * Math.PI / 2) * Math.cos(b * Math.PI / 2);
            double f2 = r * Math.cos(a * Math.PI / 2) * Math.sin(b * Math.PI / 2);
            double f3 = r * Math.sin(a * Math.PI / 2);
            trial.constrain("f1Below", f1 - 1.6);
            study.tell(trial, f1, f2, f3);
        }
        return StudySnapshot.of(study);
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

package dev.tuner.benchmarks.pruning;

import dev.tuner.Direction;
import dev.tuner.core.space.Scale;
import dev.tuner.core.study.Objective;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialPruned;
import dev.tuner.examples.data.Dataset;
import dev.tuner.examples.mlp.Activation;
import dev.tuner.examples.mlp.Mlp;
import java.util.List;

/**
 * The real problem: the plain-Java MLP of {@code examples/mlp-digits} trained on digits (features
 * divided by 16, the file's train/valid split), one epoch a step, reporting the validation
 * accuracy after each epoch; maximize the accuracy after the last epoch.
 *
 * <p>Knobs, drawn define-by-run as an {@code examples/mlp-digits} study would draw them: the
 * learning rate (log-uniform in [1e-3, 1]), the momentum ([0, 0.95]), the activation (ReLU or
 * tanh), the number of hidden layers (1 or 2), and per layer its units (8 to 64, log scale) and
 * dropout ([0, 0.5]). Small on purpose (at most two layers of 64 units, {@value #EPOCHS} epochs) so
 * that the benchmark's 20 seeds × 5 pruners run in minutes on two cores.
 *
 * <p>The weights' initialization and shuffling are seeded by the study's seed, so within a study
 * the accuracy is a function of the knobs alone.
 */
final class MlpDigits implements PruningProblem {

    /** Epochs of a trial that is not pruned. */
    static final int EPOCHS = 20;

    private final Dataset digits;
    private final int epochs;

    MlpDigits(Dataset digits, int epochs) {
        this.digits = digits;
        this.epochs = epochs;
    }

    @Override
    public String name() {
        return "mlp-digits";
    }

    @Override
    public Direction direction() {
        return Direction.MAXIMIZE;
    }

    @Override
    public int steps() {
        return epochs;
    }

    @Override
    public Objective objective(long seed) {
        return trial -> evaluate(trial, seed);
    }

    private double evaluate(Trial trial, long seed) {
        Mlp.Builder builder = Mlp.builder(digits.featureCount(), digits.classes())
                .learningRate(trial.suggestFloat("learningRate", 1e-3, 1, Scale.LOG))
                .momentum(trial.suggestFloat("momentum", 0, 0.95))
                .activation(trial.suggestCategorical("activation", List.of(Activation.RELU, Activation.TANH)))
                .seed(seed);
        int layers = trial.suggestInt("layers", 1, 2);
        for (int layer = 0; layer < layers; layer++) {
            builder.hidden(trial.suggestInt("units" + layer, 8, 64, Scale.LOG),
                    trial.suggestFloat("dropout" + layer, 0, 0.5));
        }
        Mlp mlp = builder.build();
        double accuracy = Double.NaN;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            mlp.trainEpoch(digits.train());
            accuracy = mlp.accuracy(digits.valid());
            trial.report(epoch, accuracy);
            if (trial.shouldPrune()) {
                throw new TrialPruned();
            }
        }
        return accuracy;
    }
}

package dev.tuner.examples.mlp;

import dev.tuner.Choice;
import dev.tuner.Direction;
import dev.tuner.LogUniform;
import dev.tuner.Tune;
import dev.tuner.core.space.Scale;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialPruned;
import dev.tuner.examples.data.Dataset;
import dev.tuner.examples.data.Datasets;

/**
 * The classic per-layer network search: how many hidden layers, and for each its width and dropout,
 * drawn in code as the loop over layers reaches them (define-by-run), beside a log-uniform learning
 * rate and a choice of activation declared on the method's parameters. After each epoch the
 * validation accuracy is reported, and the study's pruner stops the trials that fall behind.
 * {@code mvn tuner:tune} here runs it; the best network's knobs land in {@code target/tuner/}.
 */
class MlpDigitsTuning {

    /** Epochs of a trial that is not pruned: enough for the good networks to pass 0.97 on the digits. */
    static final int EPOCHS = 10;

    /** Seed of every network's initial weights, shuffling and dropout, so that the knobs alone decide a trial. */
    static final long SEED = 1;

    private static final Dataset DIGITS = Datasets.digits();

    /*
     * pruner = "median": on this network (benchmarks/run pruning; benchmarks/README.md, section
     * "Measurements") it ran about half the epochs of no pruning for one of the 540 validation digits,
     * where "sh" ran under a quarter of them but lost 3, and "hyperband" ran more epochs than "sh" for
     * the same loss. An epoch's accuracy here foretells the last one well, so judging against
     * the median of the completed trials, from the first epoch on, is safe; it waits for 5 trials to
     * complete before it prunes any.
     */
    @Tune(trials = 50, direction = Direction.MAXIMIZE, pruner = "median")
    double validationAccuracy(@LogUniform(min = 1e-3, max = 1) double learningRate,
                              @Choice Activation activation,
                              Trial trial) {
        Mlp.Builder network = Mlp.builder(DIGITS.featureCount(), DIGITS.classes())
                .learningRate(learningRate)
                .activation(activation)
                .seed(SEED);
        int layers = trial.suggestInt("layers", 1, 3);
        for (int layer = 1; layer <= layers; layer++) {
            // knobs that exist only when the network has this layer: a trial of one layer has no units2
            network.hidden(trial.suggestInt("units" + layer, 8, 64, Scale.LOG),
                    trial.suggestFloat("dropout" + layer, 0, 0.5));
        }
        Mlp mlp = network.build();
        double accuracy = 0;
        for (int epoch = 1; epoch <= EPOCHS; epoch++) {
            mlp.trainEpoch(DIGITS.train());
            accuracy = mlp.accuracy(DIGITS.valid());
            trial.report(epoch, accuracy);
            if (trial.shouldPrune()) {
                throw new TrialPruned();   // the trial ends PRUNED, keeping this epoch's accuracy
            }
        }
        return accuracy;
    }
}

package dev.tuner.examples.selection;

import dev.tuner.Bool;
import dev.tuner.IntUniform;
import dev.tuner.examples.data.Dataset;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.tree.ExtraTreesTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.ensemble.BaggingTrainer;
import org.tribuo.ensemble.EnsembleModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * An ensemble of decision trees (Tribuo's CART trees), each grown on a bootstrap sample of the
 * training rows and looking at a random subset of the features at each split; the trees vote.
 * Training is seeded, so the same knobs give the same accuracy.
 *
 * @param trees how many trees vote; more trees vote more steadily and train longer
 * @param maxDepth how deep a tree may grow; shallow trees underfit, deep ones memorize their sample
 * @param featuresPerSplit how many features, drawn at random, each split chooses from (scikit-learn's
 *                         {@code max_features}; √30 ≈ 5 is its default here); must be below the
 *                         number of features
 * @param extraTrees {@code true} for extremely randomized trees (Geurts et al. 2006: each candidate
 *                   feature splits at a random threshold), {@code false} for a random forest
 *                   (Breiman 2001: the best threshold)
 */
public record Forest(@IntUniform(min = 10, max = 200, log = true) int trees,
                     @IntUniform(min = 1, max = 16) int maxDepth,
                     @IntUniform(min = 1, max = 20) int featuresPerSplit,
                     @Bool boolean extraTrees) implements Model {

    /** Trees and bootstrap samples are drawn from this seed, so that a trial can be repeated. */
    private static final long SEED = 12345L;

    private static final LabelFactory LABELS = new LabelFactory();

    /**
     * Tribuo logs every tree it builds at INFO, hundreds of lines per trial; kept here so that the
     * level set on it holds (java.util.logging keeps loggers only weakly).
     */
    private static final Logger BAGGING_LOG = Logger.getLogger(BaggingTrainer.class.getName());

    static {
        BAGGING_LOG.setLevel(Level.WARNING);
    }

    @Override
    public double validationAccuracy(Dataset data) {
        int features = data.featureCount();
        if (featuresPerSplit < 1 || featuresPerSplit >= features) {
            throw new IllegalArgumentException("Forest.featuresPerSplit is " + featuresPerSplit + ", but "
                    + data.name() + " has " + features + " features; choose 1 to " + (features - 1)
                    + " (a forest's trees see a subset of the features at each split)");
        }
        String[] names = data.featureNames().toArray(String[]::new);
        EnsembleModel<Label> model = trainer(features).train(examples(data.name(), names, data.train()));
        Dataset.Part valid = data.valid();
        int correct = 0;
        for (int i = 0; i < valid.size(); i++) {
            Prediction<Label> prediction = model.predict(new ArrayExample<>(LABELS.getUnknownOutput(), names,
                    valid.features()[i]));
            if (prediction.getOutput().getLabel().equals(label(valid.labels()[i]).getLabel())) {
                correct++;
            }
        }
        return (double) correct / valid.size();
    }

    private BaggingTrainer<Label> trainer(int features) {
        // Tribuo takes the share of features per split and rounds share × features back to this count
        float share = (float) featuresPerSplit / features;
        CARTClassificationTrainer tree = new CARTClassificationTrainer(maxDepth, 1f, 0f, share, extraTrees,
                new GiniIndex(), SEED);
        return extraTrees
                ? new ExtraTreesTrainer<>(tree, new VotingCombiner(), trees, SEED)
                : new RandomForestTrainer<>(tree, new VotingCombiner(), trees, SEED);
    }

    private static MutableDataset<Label> examples(String name, String[] names, Dataset.Part part) {
        MutableDataset<Label> examples = new MutableDataset<>(
                new SimpleDataSourceProvenance(name + " training part", LABELS), LABELS);
        for (int i = 0; i < part.size(); i++) {
            examples.add(new ArrayExample<>(label(part.labels()[i]), names, part.features()[i]));
        }
        return examples;
    }

    private static Label label(int label) {
        return new Label(Integer.toString(label));
    }
}

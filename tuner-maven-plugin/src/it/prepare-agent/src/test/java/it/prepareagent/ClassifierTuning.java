package it.prepareagent;

import dev.tuner.Tune;

class ClassifierTuning {

    @Tune(trials = 5, seed = 3)
    double loss() {
        return new Classifier().loss();
    }
}

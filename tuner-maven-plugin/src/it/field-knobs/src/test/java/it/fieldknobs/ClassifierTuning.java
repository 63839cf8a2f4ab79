package it.fieldknobs;

import dev.tuner.Tune;

class ClassifierTuning {

    @Tune(trials = 10)
    double loss() {
        return new Classifier().loss();
    }
}

package dev.tuner.core.optuna;

import dev.tuner.Direction;
import dev.tuner.core.trial.FrozenTrial;
import java.nio.file.Path;
import java.util.List;

/**
 * A study as an Optuna journal holds it, read by {@link OptunaJournal#read}: its trials as Tuner
 * records them, each parameter under its Optuna name with the Tuner distribution it maps to.
 *
 * @param file the journal it was read from
 * @param name the study's name
 * @param directions one per objective
 * @param trials in number order
 */
public record OptunaStudy(Path file, String name, List<Direction> directions, List<FrozenTrial> trials) {

    public OptunaStudy {
        directions = List.copyOf(directions);
        trials = List.copyOf(trials);
    }
}

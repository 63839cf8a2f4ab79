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
 * @param objectiveNames the objectives' names ({@code study.set_metric_names} in Optuna), one per
 *     direction; empty when the study named none
 */
public record OptunaStudy(Path file, String name, List<Direction> directions, List<FrozenTrial> trials,
        List<String> objectiveNames) {

    public OptunaStudy {
        directions = List.copyOf(directions);
        trials = List.copyOf(trials);
        objectiveNames = List.copyOf(objectiveNames);
    }

    /** A study whose objectives have no names. */
    public OptunaStudy(Path file, String name, List<Direction> directions, List<FrozenTrial> trials) {
        this(file, name, directions, trials, List.of());
    }
}

package dev.tuner.core.storage;

import dev.tuner.Direction;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rules of a study's objective names, which every storage checks before it keeps them. */
final class ObjectiveNames {

    private ObjectiveNames() {}

    /**
     * Checks that {@code names} name each of the study's {@code directions} once: as many names as
     * directions, none blank, no two alike.
     *
     * @return the names, unmodifiable
     * @throws IllegalArgumentException saying which rule the names break
     */
    static List<String> check(String studyName, List<Direction> directions, List<String> names) {
        if (names.size() != directions.size()) {
            throw new IllegalArgumentException("study '" + studyName + "' has " + directions.size() + " objectives "
                    + directions + ", but " + names.size() + " names " + names + " were given; name each objective once,"
                    + " in the order of its directions");
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("study '" + studyName + "' was given the objective names " + names
                        + ", one of them blank; give every objective a name");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("study '" + studyName + "' was given the objective names " + names
                        + ", '" + name + "' twice; give each objective a name of its own");
            }
        }
        return List.copyOf(names);
    }
}

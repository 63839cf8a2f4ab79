package dev.tuner.core.storage;

import dev.tuner.Direction;
import java.util.List;
import java.util.Objects;

/** The directions of a study as the storages keep them: one per objective, checked once. */
final class Directions {

    private Directions() {}

    /**
     * Checks a study's directions before anything is written.
     *
     * @throws IllegalArgumentException if there are none or one is null
     */
    static List<Direction> check(String studyName, List<Direction> directions) {
        Objects.requireNonNull(directions, "directions");
        if (directions.isEmpty()) {
            throw new IllegalArgumentException("study '" + studyName + "' needs at least one direction, one per objective;"
                    + " give MINIMIZE or MAXIMIZE for each");
        }
        for (Direction direction : directions) {
            Objects.requireNonNull(direction, () -> "a direction of study '" + studyName + "'");
        }
        return List.copyOf(directions);
    }

    /** The directions as the storages write them: {@code MINIMIZE} for one, {@code MINIMIZE,MAXIMIZE} for two. */
    static String text(List<Direction> directions) {
        StringBuilder text = new StringBuilder();
        for (Direction direction : directions) {
            text.append(text.length() == 0 ? "" : ",").append(direction.name());
        }
        return text.toString();
    }

    /**
     * The directions {@link #text} wrote.
     *
     * @throws IllegalArgumentException if a part is not a direction
     */
    static List<Direction> parse(String text) {
        String[] parts = text.split(",", -1);
        Direction[] directions = new Direction[parts.length];
        for (int i = 0; i < parts.length; i++) {
            directions[i] = Direction.valueOf(parts[i].trim());
        }
        return List.of(directions);
    }

    /** The message for a study that exists with other directions than a worker asks for. */
    static IllegalStateException mismatch(String studyName, List<Direction> existing, List<Direction> asked) {
        if (existing.size() == 1 && asked.size() == 1) {
            return new IllegalStateException("study '" + studyName + "' exists with direction " + existing.get(0)
                    + ", not " + asked.get(0) + "; use another study name or the same direction");
        }
        return new IllegalStateException("study '" + studyName + "' exists with directions " + existing + ", not "
                + asked + "; a study keeps its objectives and their directions, so use another study name or the"
                + " same directions in the same order");
    }
}

package dev.tuner.core.pruner;

/**
 * A part of a study's trials, chosen by trial number, that a sampler models apart from the rest
 * (see {@link Pruner#samplerGroup}). A group is a value: equal groups ({@code equals} and
 * {@code hashCode}) hold the same trials, and a group holds a trial for ever once it holds it.
 */
public interface TrialGroup {

    /** Whether trial {@code trialNumber} belongs to this group. */
    boolean contains(int trialNumber);
}

package dev.tuner.core.pruner;

import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Trial;
import dev.tuner.core.trial.TrialHistory;
import java.util.Optional;

/**
 * Decides whether a running trial should stop early, judging by the values it
 * {@linkplain Trial#report reported} so far beside those of the study's other trials. The study
 * asks it in {@link Trial#shouldPrune()}; the objective then stops the trial, which ends
 * {@code PRUNED}.
 *
 * <pre>{@code
 * Study study = Study.builder("mlp").direction(Direction.MAXIMIZE)
 *         .sampler(new TpeSampler(1))
 *         .pruner(HyperbandPruner.builder().build())   // or Pruners.create("hyperband", Map.of())
 *         .storage(new InMemoryStorage())
 *         .build();
 * }</pre>
 *
 * <p>Pruners read the history only from the study (and so from its storage): several workers
 * sharing a study prune by the same trials. They must be safe to call from several threads, and
 * give the same answer for the same history.
 */
public interface Pruner {

    /**
     * Whether {@code trial} should stop now.
     *
     * @param study the study the trial runs in, whose {@link TrialHistory#trials()} are the others
     * @param trial the trial as stored now, {@code RUNNING}, with the values it reported
     */
    boolean prune(TrialHistory study, FrozenTrial trial);

    /**
     * The group of trials the sampler learns from when it proposes the values of trial
     * {@code trialNumber}, or empty (the default) for every trial of the study. A pruner that runs
     * separate searches inside one study says so here: {@link HyperbandPruner} puts each trial in
     * one bracket, and the sampler then models each bracket on its own, since trials stopped at
     * different budgets are not comparable.
     */
    default Optional<TrialGroup> samplerGroup(TrialHistory study, int trialNumber) {
        return Optional.empty();
    }
}

package dev.tuner.core.storage;

import dev.tuner.core.trial.TrialFailure;

/**
 * Why a storage failed a {@link dev.tuner.core.trial.TrialState#RUNNING RUNNING} trial that no one
 * will finish: its worker process died (a kill, a crash, a closed laptop), or, with
 * {@link JdbcStorage}, stopped sending heartbeats for longer than the grace period. The trial's
 * {@link TrialFailure#type()} is this class's name and its message begins with {@code worker died}.
 *
 * <p>Storages record it; they never throw it.
 */
public final class WorkerDiedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private WorkerDiedException() {}

    /** The failure recorded for a trial whose worker is gone, {@code detail} saying how that is known. */
    static TrialFailure failure(String detail) {
        return new TrialFailure(WorkerDiedException.class.getName(), "worker died: " + detail, "");
    }
}

package dev.tuner.core.storage;

import dev.tuner.core.trial.TrialState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

/**
 * A study's row of {@code tuner_studies}, locked for the rest of a transaction: its next trial
 * number, how many of its trials are in each state, and the number of its latest change of a
 * trial's state. Every change of a trial's state locks this row first, changes the trial, counts
 * the move here and {@linkplain #save saves} the row, so that a trial starts within its budget
 * without counting the study's trials, and each change gets a number that is committed after every
 * smaller one (the lock is held until the commit), which lets {@link JdbcTrialReader} read only what
 * changed. One change number serves a whole transaction, however many trials it moves.
 */
final class JdbcStudyRow {

    private static final String LOCK = "SELECT next_number, last_change, waiting, running, complete, pruned, failed"
            + " FROM tuner_studies WHERE study_id = ? FOR UPDATE";

    private static final String SAVE = "UPDATE tuner_studies SET next_number = ?, last_change = ?, waiting = ?,"
            + " running = ?, complete = ?, pruned = ?, failed = ? WHERE study_id = ?";

    private final int study;
    private int nextNumber;
    private final long lastChange;
    private final int[] counts = new int[TrialState.values().length];
    private boolean changed;

    private JdbcStudyRow(int study, ResultSet row) throws SQLException {
        this.study = study;
        this.nextNumber = row.getInt(1);
        this.lastChange = row.getLong(2);
        counts[TrialState.WAITING.ordinal()] = row.getInt(3);
        counts[TrialState.RUNNING.ordinal()] = row.getInt(4);
        counts[TrialState.COMPLETE.ordinal()] = row.getInt(5);
        counts[TrialState.PRUNED.ordinal()] = row.getInt(6);
        counts[TrialState.FAIL.ordinal()] = row.getInt(7);
    }

    /**
     * Locks the study's row until the transaction ends and reads it.
     *
     * @throws IllegalStateException if the study's row is gone (its tables were emptied by hand)
     */
    static JdbcStudyRow lock(Connection connection, int study) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(LOCK)) {
            select.setInt(1, study);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("study id " + study + " has no row in tuner_studies any more; its"
                            + " tables were changed by hand while this worker ran. Open the storage again");
                }
                return new JdbcStudyRow(study, row);
            }
        }
    }

    /** The number this transaction's changes of a trial's state take: one more than the study's latest. */
    long change() {
        return lastChange + 1;
    }

    /** How many trials in the {@code counted} states spend a budget: {@code WAITING} ones never do. */
    int spent(Set<TrialState> counted) {
        int spent = 0;
        for (TrialState state : counted) {
            if (state != TrialState.WAITING) {
                spent += counts[state.ordinal()];
            }
        }
        return spent;
    }

    /** Whether a trial of the study waits to be claimed. */
    boolean hasWaiting() {
        return counts[TrialState.WAITING.ordinal()] > 0;
    }

    /** Takes the study's next trial number. */
    int takeNumber() {
        changed = true;
        return nextNumber++;
    }

    /** Counts a new trial in {@code state}. */
    void added(TrialState state) {
        changed = true;
        counts[state.ordinal()]++;
    }

    /** Counts {@code trials} trials moved from one state to another. */
    void moved(TrialState from, TrialState to, int trials) {
        changed = true;
        counts[from.ordinal()] -= trials;
        counts[to.ordinal()] += trials;
    }

    /** Writes the counters and the change number back, if anything was counted; the lock stays until the commit. */
    void save(Connection connection) throws SQLException {
        if (!changed) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(SAVE)) {
            update.setInt(1, nextNumber);
            update.setLong(2, change());
            update.setInt(3, counts[TrialState.WAITING.ordinal()]);
            update.setInt(4, counts[TrialState.RUNNING.ordinal()]);
            update.setInt(5, counts[TrialState.COMPLETE.ordinal()]);
            update.setInt(6, counts[TrialState.PRUNED.ordinal()]);
            update.setInt(7, counts[TrialState.FAIL.ordinal()]);
            update.setInt(8, study);
            update.executeUpdate();
        }
    }
}

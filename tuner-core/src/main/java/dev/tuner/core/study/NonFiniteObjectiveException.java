package dev.tuner.core.study;

/** Raised for a trial whose objective returned NaN or an infinity: the trial fails with it. */
public final class NonFiniteObjectiveException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NonFiniteObjectiveException(int trialNumber, double value) {
        super("the objective returned " + value + " in trial #" + trialNumber
                + "; return a finite number, or throw an exception to mark the trial failed");
    }

    NonFiniteObjectiveException(int trialNumber, double[] values, int index) {
        super("the objective returned " + values[index] + " as value " + (index + 1) + " of "
                + java.util.Arrays.toString(values) + " in trial #" + trialNumber
                + "; return finite numbers, or throw an exception to mark the trial failed");
    }
}

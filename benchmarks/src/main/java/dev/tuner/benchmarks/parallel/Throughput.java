package dev.tuner.benchmarks.parallel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trials finished in a span of wall-clock time, by some number of threads or worker processes.
 *
 * @param runners the threads or processes that ran the trials together
 * @param trials how many trials they finished
 * @param seconds the wall-clock time from the start signal to the last trial's end
 */
record Throughput(int runners, int trials, double seconds) {

    Throughput {
        if (trials < 1 || !(seconds > 0)) {
            throw new IllegalArgumentException("a throughput needs at least one trial and a positive time, not "
                    + trials + " trials in " + seconds + " s");
        }
    }

    double trialsPerSecond() {
        return trials / seconds;
    }

    /** How many times the trials per second of {@code baseline} this is. */
    double speedupOver(Throughput baseline) {
        return trialsPerSecond() / baseline.trialsPerSecond();
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runners", runners);
        json.put("trials", trials);
        json.put("seconds", seconds);
        json.put("trials_per_s", trialsPerSecond());
        return json;
    }
}

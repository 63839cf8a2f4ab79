package dev.tuner.core.report;

import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Numbers;
import dev.tuner.core.trial.TrialResult;
import dev.tuner.core.trial.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The trials as a table, sortable by any column in the browser (the page's script sorts by each
 * cell's {@code data-v}): number, state, value, duration, the worker that ran it when several did,
 * each knob's value and the failure. A trial enqueued and still waiting shows the values it was
 * enqueued with, as given.
 * A study of more than {@value #MAX_ROWS} trials lists its best complete trials and its most recent
 * others, and says so.
 */
final class TrialTable {

    static final int MAX_ROWS = 1000;
    static final int BEST_ROWS = 700;
    static final int MAX_FAILURE_TEXT = 160;
    static final int MAX_FAILURE_TITLE = 2000;

    private TrialTable() {}

    /** The table of a study of one objective. */
    static Plot render(TrialColumns trials, List<Knob> knobs) {
        return render(trials, knobs, null);
    }

    /**
     * The table of a study of several objectives: a column per objective (headed by its name), a
     * feasibility column when some trial recorded a constraint, the Pareto front's rows highlighted
     * and, past {@value #MAX_ROWS} trials, listed first.
     */
    static Plot render(ParetoColumns pareto, List<Knob> knobs) {
        return render(pareto.trials(), knobs, pareto);
    }

    private static Plot render(TrialColumns trials, List<Knob> knobs, ParetoColumns pareto) {
        boolean[] highlighted = new boolean[trials.size()];
        if (pareto == null) {
            int bestNumber = trials.bestNumber();
            for (int i = 0; i < highlighted.length; i++) {
                highlighted[i] = trials.number(i) == bestNumber;
            }
        } else {
            for (int i : pareto.front()) {
                highlighted[pareto.trial(i)] = true;
            }
        }
        int[] rows = pareto == null ? rows(trials) : rows(trials, frontFirst(pareto));
        int objectives = pareto == null ? 1 : pareto.objectives();
        boolean feasibility = pareto != null && pareto.hasConstraints();
        boolean workers = severalWorkers(trials);
        StringBuilder html = new StringBuilder(256 + rows.length * (120 + 40 * knobs.size() + 30 * objectives));
        html.append("<div class=\"tablewrap\"><table class=\"trials sortable\"><thead><tr>");
        header(html, "#", "num", "");
        header(html, "state", "text", "");
        if (pareto == null) {
            header(html, "value", "num", "value");
        } else {
            for (int k = 0; k < objectives; k++) {
                header(html, pareto.name(k), "num", "value-" + k, pareto.label(k));
            }
        }
        if (feasibility) {
            header(html, "feasible", "text", "feasible", "✓ when every constraint is at most 0, else the ones broken");
        }
        header(html, "duration", "num", "");
        if (workers) {
            header(html, "worker", "text", "", "the process that ran the trial, host/pid");
        }
        for (Knob knob : knobs) {
            header(html, knob.shortName(), knob.isCategorical() ? "text" : "num", "", knob.name());
        }
        header(html, "failure", "text", "");
        html.append("</tr></thead><tbody>");
        for (int row : rows) {
            FrozenTrial trial = trials.trial(row);
            html.append(highlighted[row] ? "<tr class=\"best\">" : "<tr>");
            cell(html, String.valueOf(trial.number()), String.valueOf(trial.number()));
            String state = trial.state().name().toLowerCase(Locale.ROOT);
            html.append("<td data-v=\"").append(state).append("\"><span class=\"state ").append(state).append("\">")
                    .append(state).append("</span></td>");
            TrialResult result = trial.result();
            for (int k = 0; k < objectives; k++) {
                if (result.size() == objectives) {
                    double value = result.value(k);
                    cell(html, Double.toString(value), Numbers.compact(value));
                } else {
                    cell(html, "", "");
                }
            }
            if (feasibility) {
                String broken = ConstraintTable.broken(trial.constraints());
                String text = trial.constraints().isEmpty() ? "" : broken.isEmpty() ? "✓" : "✗ " + broken;
                cell(html, text, text);
            }
            Duration duration = trial.finished().map(end -> Duration.between(trial.started(), end)).orElse(null);
            if (duration == null) {
                cell(html, "", "");
            } else {
                cell(html, String.valueOf(duration.toNanos() / 1e6), duration(duration));
            }
            if (workers) {
                String worker = trial.worker().map(Worker::toString).orElse("");
                cell(html, worker, worker);
            }
            for (Knob knob : knobs) {
                double position = knob.position(row);
                String enqueued = trial.enqueuedValues().get(knob.name());
                if (Double.isNaN(position) && enqueued != null) {
                    cell(html, enqueued, enqueued); // a waiting trial: the value it was enqueued with
                } else if (Double.isNaN(position)) {
                    cell(html, "", "");
                } else {
                    String label = knob.positionLabel(position);
                    cell(html, knob.isCategorical() ? label : Double.toString(position), label);
                }
            }
            String failure = trial.failure().map(reason -> reason.describe()).orElse("");
            html.append("<td class=\"failure\" data-v=\"").append(Html.escape(Frame.abbreviate(failure, MAX_FAILURE_TITLE)))
                    .append("\">").append(Html.escape(Frame.abbreviate(failure, MAX_FAILURE_TEXT))).append("</td>");
            html.append("</tr>");
        }
        html.append("</tbody></table></div>");
        int total = trials.size();
        String best = pareto == null ? "best complete ones" : "first trials of the Pareto front";
        String note = rows.length < total
                ? "Showing " + rows.length + " of " + total + " trials: the " + Math.min(BEST_ROWS, rows.length)
                        + " " + best + " and the most recent others. Click a heading to sort."
                : pareto == null ? "Click a heading to sort; the best trial is highlighted."
                : "Click a heading to sort; the trials of the Pareto front are highlighted.";
        return new Plot("trials", "Trials", note, html.toString(), true);
    }

    /** Whether trials of the study ran in more than one process: the table then says which ran each. */
    static boolean severalWorkers(TrialColumns trials) {
        Worker first = null;
        for (int i = 0; i < trials.size(); i++) {
            Worker worker = trials.trial(i).worker().orElse(null);
            if (first == null) {
                first = worker;
            } else if (worker != null && !worker.equals(first)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The indices of the trials listed: every trial when they fit, else the best complete ones and
     * the most recent others; in number order.
     */
    static int[] rows(TrialColumns trials) {
        return trials.size() <= MAX_ROWS ? IntStream.range(0, trials.size()).toArray() : rows(trials, trials.best(BEST_ROWS));
    }

    /** The trials of the Pareto front, at most {@value #BEST_ROWS}, by first objective. */
    private static int[] frontFirst(ParetoColumns pareto) {
        int[] front = pareto.front();
        int[] first = new int[Math.min(BEST_ROWS, front.length)];
        for (int j = 0; j < first.length; j++) {
            first[j] = pareto.trial(front[j]);
        }
        return first;
    }

    /** {@code best} (trial indices) and the most recent others, up to {@value #MAX_ROWS}, in number order. */
    private static int[] rows(TrialColumns trials, int[] best) {
        int total = trials.size();
        if (total <= MAX_ROWS) {
            return IntStream.range(0, total).toArray();
        }
        boolean[] chosen = new boolean[total];
        int count = best.length;
        for (int trial : best) {
            chosen[trial] = true;
        }
        for (int i = total - 1; i >= 0 && count < MAX_ROWS; i--) {
            if (!chosen[i]) {
                chosen[i] = true;
                count++;
            }
        }
        int[] rows = new int[count];
        int row = 0;
        for (int i = 0; i < total; i++) {
            if (chosen[i]) {
                rows[row++] = i;
            }
        }
        return rows;
    }

    private static void header(StringBuilder html, String label, String type, String key) {
        header(html, label, type, key, "");
    }

    private static void header(StringBuilder html, String label, String type, String key, String title) {
        html.append("<th data-type=\"").append(type).append('"');
        if (!key.isEmpty()) {
            html.append(" data-key=\"").append(key).append('"');
        }
        if (!title.isEmpty()) {
            html.append(" title=\"").append(Html.escape(title)).append('"');
        }
        html.append('>').append(Html.escape(label)).append("</th>");
    }

    /**
     * A cell showing {@code text} and sorted by {@code sortValue}, which also holds the full value:
     * the page's script shows it on hover where the text is shortened.
     */
    private static void cell(StringBuilder html, String sortValue, String text) {
        html.append("<td data-v=\"").append(Html.escape(sortValue)).append("\">").append(Html.escape(text)).append("</td>");
    }

    /** {@code 0.42 ms}, {@code 350 ms}, {@code 2.4 s}, {@code 3 min 12 s}, {@code 1 h 5 min}. */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 10) {
            // hundredths of a millisecond, rounded half up as String.format's "%.2f" would
            long nanos = duration.toNanos();
            return (nanos < 0 ? "-" : "") + decimal((Math.abs(nanos) + 5_000) / 10_000, 2) + " ms";
        }
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return decimal((millis + 50) / 100, 1) + " s";
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    /** {@code units / 10^digits}, {@code units ≥ 0}, with {@code digits} decimals: {@code decimal(42, 2)} is {@code 0.42}. */
    private static String decimal(long units, int digits) {
        String text = Long.toString(units);
        if (text.length() <= digits) {
            text = "0".repeat(digits + 1 - text.length()) + text;
        }
        int point = text.length() - digits;
        return text.substring(0, point) + "." + text.substring(point);
    }
}

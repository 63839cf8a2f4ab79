package dev.tuner.core.sampler;

import dev.tuner.Direction;
import dev.tuner.core.pareto.Domination;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Suggestion;
import dev.tuner.core.trial.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One study's history as the TPE sampler reads it, kept between proposals. Finished trials never
 * change, so each is read once: its loss goes into a list kept sorted (best first) and its knobs'
 * model values into one column per knob. Each proposal then only reads the trials that finished
 * since the last one, and the trials still running (for the constant liar).
 *
 * <p>With several objectives ({@link MultiObjectiveRanking}) the ranking is not kept by insertion,
 * since a new trial can change every other trial's front: it is recomputed at the first split after
 * new trials finished. With constraints, each trial's constraint values are kept too: its total
 * violation for ranking infeasible trials last, and each constraint's values for c-TPE's splits.
 *
 * <p>Not thread-safe: the sampler holds its lock while it proposes.
 */
final class TpeHistory {

    /** A knob as TPE models it: its name and distribution (the same name with another range is another column). */
    record ColumnKey(String name, Distribution distribution) {}

    /** One knob's model values by observation, NaN where the observation lacks the knob. */
    static final class Column {
        final ColumnKey key;
        final TpeParam param;
        double[] values = new double[16];
        int count;

        Column(ColumnKey key, TpeParam param, int observations) {
            this.key = key;
            this.param = param;
            Arrays.fill(values, Double.NaN);
            ensure(observations);
        }

        void ensure(int size) {
            if (values.length < size) {
                int old = values.length;
                values = Arrays.copyOf(values, Math.max(size, 2 * old));
                Arrays.fill(values, old, values.length, Double.NaN);
            }
        }
    }

    private final List<Direction> directions;
    /** Whether infeasible trials rank behind feasible and pruned ones ({@link TpeSettings.Constraints#RANK}). */
    private final boolean infeasibleLast;
    private final Map<ColumnKey, Column> columns = new LinkedHashMap<>();
    private double[] loss = new double[16];
    private boolean[] pruned = new boolean[16];
    /** The last step a pruned trial reported, -1 if none; ranks pruned trials. */
    private int[] lastStep = new int[16];
    private int[] trialNumber = new int[16];
    /** Each observation's total constraint violation, 0 when feasible. */
    private double[] violation = new double[16];
    /** With several objectives: each complete observation's objectives, signed to be minimized; null for pruned ones. */
    private double[][] objectives = new double[16][];
    /** Each constraint's values by observation, NaN where an observation lacks it; in the order first recorded. */
    private final Map<String, double[]> constraintValues = new LinkedHashMap<>();
    /** With several objectives: whether {@link #order} must be recomputed before the next split. */
    private boolean reorder;
    /**
     * Observation indices, best first: complete trials by loss, then pruned ones, those that went
     * further first and then by loss; ties by trial number.
     */
    private int[] order = new int[16];
    private int observations;
    private int scanned;
    /** Positions in the trial list (which may be a sampler's view of a group) of trials not yet finished. */
    private List<Integer> unfinished = new ArrayList<>();
    private final List<FrozenTrial> running = new ArrayList<>();
    /** The trial being proposed for, as last read; null when it is not in the study (yet). */
    private FrozenTrial currentTrial;
    /** Joint proposals made for running trials and not read yet, by trial number; dropped when the trial finishes. */
    private final Map<Integer, Map<String, Suggestion>> pending = new HashMap<>();
    /** Knobs grouped so that the knobs of a group were always active together. */
    private List<List<ColumnKey>> groups = new ArrayList<>();

    TpeHistory(Direction direction) {
        this(List.of(direction), true);
    }

    /**
     * @param directions the study's directions, one per objective
     * @param infeasibleLast whether infeasible trials rank behind feasible and pruned ones
     */
    TpeHistory(List<Direction> directions, boolean infeasibleLast) {
        this.directions = List.copyOf(directions);
        this.infeasibleLast = infeasibleLast;
    }

    private boolean multiObjective() {
        return directions.size() > 1;
    }

    /** Reads the trials that finished since the last call; remembers those still running, except {@code current}. */
    void refresh(List<FrozenTrial> trials, int current) {
        List<Integer> stillUnfinished = new ArrayList<>();
        running.clear();
        currentTrial = null;
        for (int position : unfinished) {
            visit(trials.get(position), position, current, stillUnfinished);
        }
        for (int position = scanned; position < trials.size(); position++) {
            visit(trials.get(position), position, current, stillUnfinished);
        }
        scanned = trials.size();
        unfinished = stillUnfinished;
    }

    private void visit(FrozenTrial trial, int position, int current, List<Integer> stillUnfinished) {
        if (trial.state().isFinished()) {
            pending.remove(trial.number());
            absorb(trial);
            return;
        }
        stillUnfinished.add(position);
        if (trial.number() == current) {
            currentTrial = trial;
        }
        if (trial.state() == TrialState.RUNNING && trial.number() != current && !trial.suggestions().isEmpty()) {
            running.add(trial);
        }
    }

    /**
     * The loss TPE ranks a finished trial by (smaller is better), or NaN to ignore it: FAIL trials
     * are ignored. A PRUNED trial's loss is its last reported value (kept as its value), or +∞ when
     * that is NaN or it reported nothing; it ranks after every complete trial, among the pruned
     * ones by the last step it reached (further is better) and then by that loss, as Optuna does.
     */
    private double lossOf(FrozenTrial trial) {
        if (multiObjective()) {
            // several objectives are ranked by fronts (MultiObjectiveRanking); a pruned trial has no values to rank by
            if (trial.state() == TrialState.PRUNED) {
                return Double.POSITIVE_INFINITY;
            }
            return trial.state() == TrialState.COMPLETE && trial.values().size() == directions.size() ? 0 : Double.NaN;
        }
        Direction direction = directions.get(0);
        if (trial.state() == TrialState.PRUNED) {
            double value = trial.value().orElse(Double.NaN);
            return Double.isNaN(value) ? Double.POSITIVE_INFINITY : direction == Direction.MAXIMIZE ? -value : value;
        }
        if (trial.state() != TrialState.COMPLETE || trial.value().isEmpty()) {
            return Double.NaN;
        }
        double value = trial.value().getAsDouble();
        return direction == Direction.MAXIMIZE ? -value : value;
    }

    private void absorb(FrozenTrial trial) {
        double value = lossOf(trial);
        if (Double.isNaN(value)) {
            return;
        }
        int o = observations++;
        if (o == loss.length) {
            int size = 2 * o;
            loss = Arrays.copyOf(loss, size);
            pruned = Arrays.copyOf(pruned, size);
            lastStep = Arrays.copyOf(lastStep, size);
            trialNumber = Arrays.copyOf(trialNumber, size);
            order = Arrays.copyOf(order, size);
            violation = Arrays.copyOf(violation, size);
            objectives = Arrays.copyOf(objectives, size);
            for (Map.Entry<String, double[]> entry : constraintValues.entrySet()) {
                int old = entry.getValue().length;
                entry.setValue(Arrays.copyOf(entry.getValue(), size));
                Arrays.fill(entry.getValue(), old, size, Double.NaN);
            }
        }
        loss[o] = value;
        pruned[o] = trial.state() == TrialState.PRUNED;
        lastStep[o] = trial.lastStep().orElse(-1);
        trialNumber[o] = trial.number();
        absorbConstraints(trial, o);
        if (multiObjective()) {
            objectives[o] = pruned[o] ? null : signed(trial.values());
            order[o] = o;
            reorder = true;
        } else {
            int at = insertionPoint(o);
            System.arraycopy(order, at, order, at + 1, o - at);
            order[at] = o;
        }

        Set<ColumnKey> keys = new LinkedHashSet<>();
        for (Map.Entry<String, Suggestion> entry : trial.suggestions().entrySet()) {
            Distribution distribution = entry.getValue().distribution();
            ColumnKey key = new ColumnKey(entry.getKey(), distribution);
            Column column = columns.get(key);
            if (column == null) {
                TpeParam param = TpeParam.of(distribution);
                if (param == null) {
                    continue;
                }
                column = new Column(key, param, o);
                columns.put(key, column);
            }
            column.ensure(o + 1);
            column.values[o] = column.param.toModel(entry.getValue().internal());
            column.count++;
            keys.add(key);
        }
        for (Column column : columns.values()) {
            column.ensure(o + 1);
        }
        regroup(keys);
    }

    private void absorbConstraints(FrozenTrial trial, int o) {
        Map<String, Double> constraints = trial.constraints();
        double[] values = new double[constraints.size()];
        int i = 0;
        for (Map.Entry<String, Double> entry : constraints.entrySet()) {
            double[] column = constraintValues.computeIfAbsent(entry.getKey(), name -> {
                double[] fresh = new double[loss.length];
                Arrays.fill(fresh, Double.NaN);
                return fresh;
            });
            column[o] = entry.getValue();
            values[i++] = entry.getValue();
        }
        violation[o] = Domination.violation(values);
    }

    /** The objective values signed so that each is minimized. */
    private double[] signed(List<Double> values) {
        double[] point = new double[values.size()];
        for (int m = 0; m < point.length; m++) {
            double value = values.get(m);
            point[m] = directions.get(m) == Direction.MAXIMIZE ? -value : value;
        }
        return point;
    }

    /**
     * The tier an observation ranks in, before any other order: complete (and, when infeasible
     * trials rank last, feasible) trials, then pruned ones, then infeasible ones.
     */
    private int tier(int o) {
        if (pruned[o]) {
            return 1;
        }
        return infeasibleLast && violation[o] > 0 ? 2 : 0;
    }

    private boolean before(int a, int b) {
        int tierA = tier(a);
        int tierB = tier(b);
        if (tierA != tierB) {
            return tierA < tierB;
        }
        if (tierA == 2 && violation[a] != violation[b]) {
            return violation[a] < violation[b];
        }
        if (pruned[a] && lastStep[a] != lastStep[b]) {
            return lastStep[a] > lastStep[b];
        }
        if (loss[a] != loss[b]) {
            return loss[a] < loss[b];
        }
        return trialNumber[a] < trialNumber[b];
    }

    private int insertionPoint(int o) {
        int lo = 0;
        int hi = o;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (before(order[mid], o)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Splits every group by whether its knobs were in this trial, and adds the trial's new knobs as a group. */
    private void regroup(Set<ColumnKey> keys) {
        List<List<ColumnKey>> next = new ArrayList<>();
        Set<ColumnKey> seen = new LinkedHashSet<>();
        for (List<ColumnKey> group : groups) {
            List<ColumnKey> in = new ArrayList<>();
            List<ColumnKey> out = new ArrayList<>();
            for (ColumnKey key : group) {
                (keys.contains(key) ? in : out).add(key);
                seen.add(key);
            }
            if (!in.isEmpty()) {
                next.add(in);
            }
            if (!out.isEmpty()) {
                next.add(out);
            }
        }
        List<ColumnKey> fresh = new ArrayList<>();
        for (ColumnKey key : keys) {
            if (!seen.contains(key)) {
                fresh.add(key);
            }
        }
        if (!fresh.isEmpty()) {
            next.add(fresh);
        }
        groups = next;
    }

    /** How many trials were finished and ranked (complete or pruned). */
    int observations() {
        return observations;
    }

    List<List<ColumnKey>> groups() {
        return groups;
    }

    /** Whether every observation holds the knobs of {@code group} (a group of {@link #groups()}). */
    boolean alwaysActive(List<ColumnKey> group) {
        return columns.get(group.get(0)).count == observations;
    }

    /**
     * The keys of the group that holds {@code key}, less the knobs the current trial (of the last
     * {@link #refresh}) already holds, {@code key} always among them; null when no group holds it.
     */
    List<ColumnKey> openGroupOf(ColumnKey key) {
        for (List<ColumnKey> group : groups) {
            if (group.contains(key)) {
                Map<String, Suggestion> held = currentTrial == null ? Map.of() : currentTrial.suggestions();
                List<ColumnKey> open = new ArrayList<>(group.size());
                for (ColumnKey k : group) {
                    if (k.equals(key) || !held.containsKey(k.name())) {
                        open.add(k);
                    }
                }
                return open;
            }
        }
        return null;
    }

    /** Forgets the proposals kept for trial {@code trialNumber}. */
    void clearPending(int trialNumber) {
        pending.remove(trialNumber);
    }

    /** Keeps proposals for trial {@code trialNumber} until it reads them or finishes. */
    void keepPending(int trialNumber, Map<String, Suggestion> proposals) {
        if (!proposals.isEmpty()) {
            pending.computeIfAbsent(trialNumber, n -> new HashMap<>()).putAll(proposals);
        }
    }

    /** The kept proposal of knob {@code name} from {@code distribution} for a trial, removed; null if none. */
    Suggestion takePending(int trialNumber, String name, Distribution distribution) {
        Map<String, Suggestion> kept = pending.get(trialNumber);
        if (kept == null) {
            return null;
        }
        Suggestion suggestion = kept.remove(name);
        if (kept.isEmpty()) {
            pending.remove(trialNumber);
        }
        return suggestion != null && suggestion.distribution().equals(distribution) ? suggestion : null;
    }

    /** How many trials have proposals kept: for tests, that nothing is kept for finished trials. */
    int pendingTrials() {
        return pending.size();
    }

    Column column(ColumnKey key) {
        return columns.get(key);
    }

    /**
     * The arrays of the bad observations' values and weights, reused from one split to the next:
     * a proposal with 10,000 trials otherwise spent a quarter of its time writing fresh memory.
     */
    private double[][] aboveBuffers = new double[0][];
    private double[] weightBuffer = new double[0];
    /** The count of bad observations whose weights {@link #weightBuffer} holds; -1 for none. */
    private int weightsFor = -1;

    /**
     * As {@link #split(List, TpeSettings)}, into arrays this history reuses: the split is valid
     * until the next call. For the sampler, which is done with one split before it asks for the next.
     */
    Split splitReusing(List<ColumnKey> keys, TpeSettings settings) {
        return split(keys, settings, true);
    }

    /**
     * The observations that hold every knob of {@code keys}, split into the best
     * {@code settings.below(n)} and the rest, as model values ({@code [dim][observation]}); with
     * the constant liar, running trials that hold the knobs join the rest.
     */
    Split split(List<ColumnKey> keys, TpeSettings settings) {
        return split(keys, settings, false);
    }

    /** The rows of the bad observations of {@code dims} knobs, at least {@code size} long. */
    private double[][] aboveRows(int dims, int size, boolean reuse) {
        if (!reuse) {
            return new double[dims][size];
        }
        if (aboveBuffers.length < dims) {
            aboveBuffers = Arrays.copyOf(aboveBuffers, dims);
        }
        double[][] rows = new double[dims][];
        for (int k = 0; k < dims; k++) {
            if (aboveBuffers[k] == null || aboveBuffers[k].length < size) {
                aboveBuffers[k] = new double[Math.max(size, aboveBuffers[k] == null ? 0 : 2 * aboveBuffers[k].length)];
            }
            rows[k] = aboveBuffers[k];
        }
        return rows;
    }

    /** The weights of {@code bad} bad observations and room for {@code liars} more (set by the caller). */
    private double[] badWeights(int bad, int liars, TpeSettings settings, boolean reuse) {
        if (!reuse) {
            double[] weights = new double[bad + liars];
            settings.badWeights(weights, bad);
            return weights;
        }
        if (weightBuffer.length < bad + liars) {
            weightBuffer = new double[Math.max(bad + liars, 2 * weightBuffer.length)];
            weightsFor = -1;
        }
        if (weightsFor != bad) {
            settings.badWeights(weightBuffer, bad);
            weightsFor = bad;
        }
        return weightBuffer;
    }

    /** With several objectives, recomputes the ranking if trials finished since it was last computed. */
    private void rankIfNeeded(TpeSettings settings) {
        if (!reorder) {
            return;
        }
        reorder = false;
        int[] tiers = new int[observations];
        for (int o = 0; o < observations; o++) {
            tiers[o] = tier(o);
        }
        int[] ranked = MultiObjectiveRanking.order(objectives, tiers, violation, lastStep, trialNumber, observations,
                settings.below(observations));
        System.arraycopy(ranked, 0, order, 0, observations);
    }

    /**
     * The weights of the good observations {@code good} (indices, in rank order) for the good
     * estimator: with several objectives and {@link TpeSettings#hypervolumeWeights()}, each one's
     * share of the good group's hypervolume ({@link MultiObjectiveRanking#weights}); otherwise null
     * (equal weights).
     */
    private double[] belowWeights(int[] good, int count, TpeSettings settings) {
        if (!multiObjective() || !settings.hypervolumeWeights() || count == 0) {
            return null;
        }
        double[][] points = new double[count][];
        for (int b = 0; b < count; b++) {
            int o = good[b];
            points[b] = tier(o) == 0 ? objectives[o] : null;
        }
        return MultiObjectiveRanking.weights(points);
    }

    private Split split(List<ColumnKey> keys, TpeSettings settings, boolean reuse) {
        rankIfNeeded(settings);
        int dims = keys.size();
        Column[] cols = new Column[dims];
        for (int k = 0; k < dims; k++) {
            cols[k] = columns.get(keys.get(k));
            if (cols[k] == null) {
                return new Split(new double[dims][0], 0, null, new double[dims][0], 0, null);
            }
        }
        boolean everyHolds = true;
        for (Column column : cols) {
            everyHolds &= column.count == observations;
        }
        int liarRoom = settings.constantLiar() ? running.size() : 0;
        double[][] below;
        double[][] above;
        int belowCount;
        int bad;
        double[] belowWeights;
        if (everyHolds) {
            // the common case, knobs every trial held: the good are the first of the ranking, and the
            // bad are copied in runs between them
            belowCount = settings.below(observations);
            bad = observations - belowCount;
            below = new double[dims][belowCount];
            above = aboveRows(dims, bad + liarRoom, reuse);
            int[] good = Arrays.copyOf(order, belowCount);
            belowWeights = belowWeights(good, belowCount, settings);
            for (int k = 0; k < dims; k++) {
                double[] values = cols[k].values;
                for (int b = 0; b < belowCount; b++) {
                    below[k][b] = values[good[b]];
                }
            }
            Arrays.sort(good);
            for (int k = 0; k < dims; k++) {
                double[] values = cols[k].values;
                int from = 0;
                int a = 0;
                for (int g : good) {
                    System.arraycopy(values, from, above[k], a, g - from);
                    a += g - from;
                    from = g + 1;
                }
                System.arraycopy(values, from, above[k], a, observations - from);
            }
        } else {
            // which observations hold every knob, one column at a time
            boolean[] holds = new boolean[observations];
            Arrays.fill(holds, true);
            for (Column column : cols) {
                double[] values = column.values;
                for (int o = 0; o < observations; o++) {
                    holds[o] &= !Double.isNaN(values[o]);
                }
            }
            int holding = 0;
            for (int o = 0; o < observations; o++) {
                holding += holds[o] ? 1 : 0;
            }
            // the good: the best that hold the knobs, read in rank order until there are enough
            belowCount = settings.below(holding);
            below = new double[dims][belowCount];
            int[] good = new int[belowCount];
            for (int r = 0, b = 0; b < belowCount; r++) {
                int o = order[r];
                if (holds[o]) {
                    holds[o] = false;
                    good[b] = o;
                    for (int k = 0; k < dims; k++) {
                        below[k][b] = cols[k].values[o];
                    }
                    b++;
                }
            }
            belowWeights = belowWeights(good, belowCount, settings);
            // the bad, oldest first, so that their weights can follow their age
            bad = holding - belowCount;
            above = aboveRows(dims, bad + liarRoom, reuse);
            for (int k = 0; k < dims; k++) {
                double[] values = cols[k].values;
                double[] into = above[k];
                for (int o = 0, a = 0; o < observations; o++) {
                    if (holds[o]) {
                        into[a++] = values[o];
                    }
                }
            }
        }
        double[] weights = badWeights(bad, liarRoom, settings, reuse);
        int total = liars(keys, settings, above, bad, bad + liarRoom);
        // the liars' weights follow the bad ones' (which stay as they are for the next split)
        Arrays.fill(weights, bad, total, 1);
        return new Split(below, belowCount, belowWeights, above, total, weights);
    }

    /** The names of the constraints the finished trials recorded, in the order first recorded. */
    List<String> constraintNames() {
        return List.copyOf(constraintValues.keySet());
    }

    /**
     * c-TPE's split of the observations that hold every knob of {@code keys} and recorded
     * {@code constraint}, by its value: good are those at most {@code max(0, t)}, where {@code t}
     * is the {@code settings.below(n)}-th smallest value, so all feasible ones when enough are
     * feasible and otherwise the least violating few; the rest are bad, and so are running
     * trials that hold the knobs (the constant liar: their constraint values are not known yet).
     * Equal weights: a constraint is a fixed property of a point, not something the search moves.
     */
    Split constraintSplit(List<ColumnKey> keys, String constraint, TpeSettings settings) {
        int dims = keys.size();
        double[] values = constraintValues.get(constraint);
        Column[] cols = new Column[dims];
        for (int k = 0; k < dims; k++) {
            cols[k] = columns.get(keys.get(k));
            if (cols[k] == null || values == null) {
                return new Split(new double[dims][0], 0, null, new double[dims][0], 0, null);
            }
        }
        int[] holding = new int[observations];
        int n = 0;
        for (int o = 0; o < observations; o++) {
            boolean holds = !Double.isNaN(values[o]);
            for (int k = 0; k < dims && holds; k++) {
                holds = !Double.isNaN(cols[k].values[o]);
            }
            if (holds) {
                holding[n++] = o;
            }
        }
        if (n == 0) {
            return new Split(new double[dims][0], 0, null, new double[dims][0], 0, null);
        }
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = values[holding[i]];
        }
        Arrays.sort(sorted);
        double threshold = Math.max(0, sorted[settings.below(n) - 1]);
        int good = 0;
        for (int i = 0; i < n; i++) {
            good += values[holding[i]] <= threshold ? 1 : 0;
        }
        int liarRoom = settings.constantLiar() ? running.size() : 0;
        double[][] below = new double[dims][good];
        double[][] above = new double[dims][n - good + liarRoom];
        for (int i = 0, b = 0, a = 0; i < n; i++) {
            int o = holding[i];
            boolean isGood = values[o] <= threshold;
            for (int k = 0; k < dims; k++) {
                if (isGood) {
                    below[k][b] = cols[k].values[o];
                } else {
                    above[k][a] = cols[k].values[o];
                }
            }
            if (isGood) {
                b++;
            } else {
                a++;
            }
        }
        int total = liars(keys, settings, above, n - good, n - good + liarRoom);
        return new Split(below, good, null, above, total, null);
    }

    /** Appends the running trials' values to {@code above} from index {@code a} up to {@code end}; the new count. */
    private int liars(List<ColumnKey> keys, TpeSettings settings, double[][] above, int a, int end) {
        if (!settings.constantLiar()) {
            return a;
        }
        for (FrozenTrial trial : running) {
            if (a >= end) {
                return a;
            }
            boolean all = true;
            for (ColumnKey key : keys) {
                Suggestion s = trial.suggestions().get(key.name());
                if (s == null || !s.distribution().equals(key.distribution())) {
                    all = false;
                    break;
                }
            }
            if (!all) {
                continue;
            }
            for (int k = 0; k < keys.size(); k++) {
                TpeParam param = TpeParam.of(keys.get(k).distribution());
                above[k][a] = param.toModel(trial.suggestions().get(keys.get(k).name()).internal());
            }
            a++;
        }
        return a;
    }

    /**
     * Good and bad observations of some knobs, {@code [dim][i]}, with how many of each are filled
     * and their weights (null: equal).
     */
    record Split(double[][] below, int belowCount, double[] belowWeights, double[][] above, int aboveCount,
            double[] aboveWeights) {

        /** The share of good observations among all: c-TPE's quantile of this split. */
        double quantile() {
            int total = belowCount + aboveCount;
            return total == 0 ? 0 : (double) belowCount / total;
        }
    }
}

package dev.tuner.benchmarks.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tuner.Direction;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The printed tables and scores of a quality run.
 *
 * <p>A problem the reference files have (a public function, or an objective-class method of the
 * same name) with a known optimum is <em>reference-scored</em>: it gets r against Optuna's better
 * TPE ({@link Scoreboard}, the old score) and rp against the best peer ({@link PeerScoreboard},
 * §1b), printed side by side. Every other problem with a known optimum gets its median gap per
 * sampler and, when several samplers run, the {@link RelativeScore}, for all such problems and
 * for each half of the split.
 */
final class QualityReport {

    private static final List<String> SCORED = List.of("25", "50", "100");
    private static final List<String> REFERENCE_OPTIMIZERS =
            List.of("optuna_tpe", "optuna_tpe_mv", "hyperopt_tpe", "optuna_random");

    private final JsonNode ours;
    private final Scoreboard scoreboard;
    private final PeerScoreboard peers;
    private final List<String> columns;
    private final List<Problem> problems;
    private final List<Integer> checkpoints;

    /**
     * @param ours the {@code results} object the run wrote
     * @param columns the optimizers' names in the results ({@code tuner_<spec>})
     */
    QualityReport(JsonNode ours, Scoreboard scoreboard, PeerScoreboard peers, List<String> columns,
            List<Problem> problems, List<Integer> checkpoints) {
        this.ours = ours;
        this.scoreboard = scoreboard;
        this.peers = peers;
        this.columns = columns;
        this.problems = problems;
        this.checkpoints = checkpoints;
    }

    /**
     * The name the reference files have a problem under, when it is reference-scored: known
     * optimum, the run reaches 25, 50 and 100 trials, and the reference has both Optuna TPE
     * variants and a peer there, under the problem's name or its {@link Problem#referenceName()}.
     */
    Optional<String> referenceName(Problem problem) {
        if (problem.optimum().isEmpty()
                || !SCORED.stream().allMatch(c -> checkpoints.contains(Integer.valueOf(c)))) {
            return Optional.empty();
        }
        for (String name : new LinkedHashSet<>(List.of(problem.name(), problem.referenceName()))) {
            if (SCORED.stream().allMatch(c -> scoreboard.scores(name, c) && peers.scores(name, c))) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private double gap(String column, Problem problem, String checkpoint) {
        JsonNode gap = ours.path(problem.name()).path("optimizers").path(column).path("checkpoints").path(checkpoint)
                .path("median_gap_to_optimum");
        return gap.isNumber() ? gap.asDouble() : Double.NaN;
    }

    private double median(String column, Problem problem, String checkpoint) {
        return ours.path(problem.name()).path("optimizers").path(column).path("checkpoints").path(checkpoint)
                .path("median").asDouble(Double.NaN);
    }

    void print(PrintStream out) {
        List<Problem> scored = new ArrayList<>();
        List<Problem> others = new ArrayList<>();
        for (Problem problem : problems) {
            (referenceName(problem).isPresent() ? scored : others).add(problem);
        }
        if (!scored.isEmpty()) {
            printReferenceTable(out, scored);
            printReferenceScores(out, scored);
        } else {
            out.printf(Locale.ROOT, "%nNo reference score: no problem has a known optimum and Optuna's and a peer's "
                    + "figures in the reference files at 25, 50 and 100 trials%n");
            columns.forEach(column -> out.println("RESULT quality sampler=" + sampler(column) + " scored=0"));
        }
        if (!others.isEmpty()) {
            printGapTable(out, others);
            printRelativeScores(out, others);
            printGroups(out, others);
        }
    }

    private static String sampler(String column) {
        return column.substring("tuner_".length());
    }

    private int width(List<Problem> shown) {
        return Math.max(13, shown.stream().mapToInt(problem -> problem.name().length()).max().orElse(0));
    }

    private void printReferenceTable(PrintStream out, List<Problem> shown) {
        out.printf(Locale.ROOT, "%nMedian best value at 100 trials (r = median gap / better Optuna TPE's gap; "
                + "rp = median gap / best peer's gap, gaps floored at %.0e)%n", PeerScoreboard.GAP_FLOOR);
        int width = width(shown);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s %12s", "function",
                "optimum"));
        columns.forEach(column -> header.append(String.format(Locale.ROOT, " %14s %7s %7s", column, "r@100",
                "rp@100")));
        REFERENCE_OPTIMIZERS.forEach(column -> header.append(String.format(Locale.ROOT, " %14s", column)));
        header.append(String.format(Locale.ROOT, " %16s", "best peer@100"));
        out.println(header);
        for (Problem problem : shown) {
            String name = referenceName(problem).orElseThrow();
            double optimum = problem.optimum().getAsDouble();
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s %12.6g", problem.name(),
                    optimum));
            for (String column : columns) {
                double gap = gap(column, problem, "100");
                row.append(String.format(Locale.ROOT, " %14.6g %7.2f %7.2f", median(column, problem, "100"),
                        scoreboard.ratio(name, "100", gap), peers.ratio(name, "100", gap)));
            }
            for (String optimizer : REFERENCE_OPTIMIZERS) {
                if (scoreboard.hasGap(name, optimizer, "100")) {
                    double gap = scoreboard.referenceGap(name, optimizer, "100");
                    row.append(String.format(Locale.ROOT, " %14.6g",
                            problem.direction() == Direction.MAXIMIZE ? optimum - gap : optimum + gap));
                } else {
                    row.append(String.format(Locale.ROOT, " %14s", "-"));
                }
            }
            row.append(String.format(Locale.ROOT, " %16s", peers.best(name, "100").orElseThrow().optimizer()));
            out.println(row);
        }
    }

    private void printReferenceScores(PrintStream out, List<Problem> shown) {
        List<String> names = shown.stream().map(problem -> referenceName(problem).orElseThrow()).toList();
        if (shown.size() < problems.size()) {
            out.printf(Locale.ROOT, "%nReference scores on %d of %d problems (the others have no reference)%n",
                    shown.size(), problems.size());
        }
        out.printf(Locale.ROOT, "%nScore against Optuna's TPE (geometric mean of r; lower is better; "
                + "target for the default sampler <= 0.8)%n");
        out.printf(Locale.ROOT, "%-22s %8s %8s %8s%n", "optimizer", "@25", "@50", "@100");
        Map<String, double[]> tpeScores = new LinkedHashMap<>();
        for (String column : columns) {
            double[] scores = SCORED.stream().mapToDouble(c -> Scoreboard.geometricMean(
                    ratios(column, shown, c, false))).toArray();
            tpeScores.put(column, scores);
            out.printf(Locale.ROOT, "%-22s %8.2f %8.2f %8.2f%n", column, scores[0], scores[1], scores[2]);
        }
        for (String optimizer : REFERENCE_OPTIMIZERS) {
            if (names.stream().allMatch(name -> SCORED.stream().allMatch(c -> scoreboard.hasGap(name, optimizer, c)))) {
                double[] scores = SCORED.stream().mapToDouble(c -> scoreboard.referenceScore(names, optimizer, c))
                        .toArray();
                out.printf(Locale.ROOT, "%-22s %8.2f %8.2f %8.2f   (reference)%n", optimizer, scores[0], scores[1],
                        scores[2]);
            }
        }

        out.printf(Locale.ROOT, "%nBest-peer score (geometric mean of rp; lower is better; target for the default "
                + "sampler <= 1.0 at each checkpoint and rp <= 2 on every function)%n");
        out.printf(Locale.ROOT, "%-22s %8s %8s %8s %8s%n", "optimizer", "@25", "@50", "@100", "max rp");
        List<String> results = new ArrayList<>();
        for (String column : columns) {
            double[] scores = SCORED.stream().mapToDouble(c -> Scoreboard.geometricMean(
                    ratios(column, shown, c, true))).toArray();
            double maxPeer = SCORED.stream().flatMap(c -> ratios(column, shown, c, true).stream())
                    .mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            out.printf(Locale.ROOT, "%-22s %8.2f %8.2f %8.2f %8.2f%n", column, scores[0], scores[1], scores[2],
                    maxPeer);
            double[] tpe = tpeScores.get(column);
            double maxRatio = ratios(column, shown, "100", false).stream().mapToDouble(Double::doubleValue).max()
                    .orElse(Double.NaN);
            results.add(String.format(Locale.ROOT, "sampler=%s score25=%.3f score50=%.3f score100=%.3f maxr100=%.3f "
                    + "peer25=%.3f peer50=%.3f peer100=%.3f maxpeer=%.3f", sampler(column), tpe[0], tpe[1], tpe[2],
                    maxRatio, scores[0], scores[1], scores[2], maxPeer));
        }
        for (String optimizer : referenceOptimizers()) {
            if (names.stream().allMatch(name -> SCORED.stream()
                    .allMatch(c -> peers.referenceGap(name, optimizer, c).isPresent()))) {
                double[] scores = SCORED.stream().mapToDouble(c -> peers.referenceScore(names, optimizer, c)).toArray();
                out.printf(Locale.ROOT, "%-22s %8.2f %8.2f %8.2f %8s   (reference)%n", optimizer, scores[0], scores[1],
                        scores[2], "");
            }
        }
        results.forEach(line -> out.println("RESULT quality " + line));
    }

    /** Every optimizer any reference file has on the first reference-scored problem. */
    private Set<String> referenceOptimizers() {
        Set<String> names = new LinkedHashSet<>();
        for (Problem problem : problems) {
            Optional<String> name = referenceName(problem);
            if (name.isEmpty()) {
                continue;
            }
            for (JsonNode reference : peers.references()) {
                for (Iterator<String> it = reference.path(name.get()).path("optimizers").fieldNames(); it.hasNext();) {
                    names.add(it.next());
                }
            }
            break;
        }
        return names;
    }

    private List<Double> ratios(String column, List<Problem> shown, String checkpoint, boolean peer) {
        List<Double> ratios = new ArrayList<>();
        for (Problem problem : shown) {
            String name = referenceName(problem).orElseThrow();
            double gap = gap(column, problem, checkpoint);
            ratios.add(peer ? peers.ratio(name, checkpoint, gap) : scoreboard.ratio(name, checkpoint, gap));
        }
        return ratios;
    }

    private void printGapTable(PrintStream out, List<Problem> shown) {
        String last = String.valueOf(checkpoints.get(checkpoints.size() - 1));
        out.printf(Locale.ROOT, "%nMedian gap to the optimum at %s trials (median best value where the optimum is "
                + "unknown)%n", last);
        int width = width(shown);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s %-10s %12s", "problem",
                "half", "optimum"));
        columns.forEach(column -> header.append(String.format(Locale.ROOT, " %14s", column)));
        out.println(header);
        for (Problem problem : shown) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s %-10s %12s",
                    problem.name(), problem.half().map(Half::label).orElse("-"),
                    problem.optimum().isPresent() ? String.format(Locale.ROOT, "%.6g", problem.optimum().getAsDouble())
                            : "-"));
            for (String column : columns) {
                double gap = gap(column, problem, last);
                row.append(Double.isNaN(gap)
                        ? String.format(Locale.ROOT, " %14s", String.format(Locale.ROOT, "[%.6g]",
                                median(column, problem, last)))
                        : String.format(Locale.ROOT, " %14.6g", gap));
            }
            out.println(row);
        }
    }

    private void printRelativeScores(PrintStream out, List<Problem> shown) {
        List<Problem> known = shown.stream().filter(problem -> problem.optimum().isPresent()).toList();
        Map<String, List<Problem>> groups = new LinkedHashMap<>();
        groups.put("all", known);
        for (Half half : Half.values()) {
            List<Problem> members = known.stream().filter(problem -> problem.half().equals(Optional.of(half))).toList();
            if (!members.isEmpty() && members.size() < known.size()) {
                groups.put(half.label(), members);
            } else if (!members.isEmpty()) {
                // every problem is of this half (--split): name the group by it
                groups.remove("all");
                groups.put(half.label(), members);
            }
        }
        boolean relative = columns.size() > 1;
        for (Map.Entry<String, List<Problem>> group : groups.entrySet()) {
            List<Problem> members = group.getValue();
            if (members.isEmpty()) {
                continue;
            }
            out.printf(Locale.ROOT, "%n%s on %s (%d problems): %s%n", relative ? "Relative score" : "Gaps",
                    group.getKey().equals("all") ? "all of them" : "the " + group.getKey() + " half", members.size(),
                    relative ? "geometric mean of r = median gap / best median gap of the samplers run; gm gap = "
                            + "geometric mean of median gaps (both floored at 1e-3)"
                            : "gm gap = geometric mean of the median gaps, floored at 1e-3");
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-30s", "sampler"));
            for (int checkpoint : checkpoints) {
                if (relative) {
                    header.append(String.format(Locale.ROOT, " %8s", "r@" + checkpoint));
                }
                header.append(String.format(Locale.ROOT, " %11s", "gm gap@" + checkpoint));
            }
            out.println(header);
            Map<Integer, Map<String, Double>> scores = new LinkedHashMap<>();
            Map<Integer, Map<String, Double>> meanGaps = new LinkedHashMap<>();
            for (int checkpoint : checkpoints) {
                Map<String, double[]> gaps = new LinkedHashMap<>();
                for (String column : columns) {
                    gaps.put(column, members.stream().mapToDouble(problem -> gap(column, problem,
                            String.valueOf(checkpoint))).toArray());
                }
                scores.put(checkpoint, RelativeScore.scores(gaps));
                Map<String, Double> means = new LinkedHashMap<>();
                gaps.forEach((column, values) -> means.put(column, RelativeScore.geometricMeanGap(values)));
                meanGaps.put(checkpoint, means);
            }
            List<String> results = new ArrayList<>();
            for (String column : columns) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-30s", column));
                StringBuilder result = new StringBuilder(String.format(Locale.ROOT, "RESULT relative split=%s "
                        + "sampler=%s problems=%d", group.getKey(), sampler(column), members.size()));
                for (int checkpoint : checkpoints) {
                    double score = scores.get(checkpoint).get(column);
                    double meanGap = meanGaps.get(checkpoint).get(column);
                    if (relative) {
                        row.append(String.format(Locale.ROOT, " %8.2f", score));
                        result.append(String.format(Locale.ROOT, " score%d=%.3f", checkpoint, score));
                    }
                    row.append(String.format(Locale.ROOT, " %11.4g", meanGap));
                    result.append(String.format(Locale.ROOT, " gmgap%d=%.4g", checkpoint, meanGap));
                }
                out.println(row);
                results.add(result.toString());
            }
            results.forEach(out::println);
        }
    }

    /** At the last checkpoint, per problem group (BBOB class, synthetic family): each sampler's gm gap and r. */
    private void printGroups(PrintStream out, List<Problem> shown) {
        Map<String, List<Problem>> groups = new LinkedHashMap<>();
        for (Problem problem : shown) {
            if (problem.optimum().isPresent() && problem.group().isPresent()) {
                groups.computeIfAbsent(problem.group().get(), group -> new ArrayList<>()).add(problem);
            }
        }
        if (groups.size() < 2) {
            return;
        }
        String last = String.valueOf(checkpoints.get(checkpoints.size() - 1));
        boolean relative = columns.size() > 1;
        out.printf(Locale.ROOT, "%nBy group at %s trials: gm gap%s%n", last, relative ? " (r)" : "");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-40s %8s", "group", "problems"));
        columns.forEach(column -> header.append(String.format(Locale.ROOT, " %24s", column)));
        out.println(header);
        for (Map.Entry<String, List<Problem>> group : groups.entrySet()) {
            Map<String, double[]> gaps = new LinkedHashMap<>();
            for (String column : columns) {
                gaps.put(column, group.getValue().stream().mapToDouble(problem -> gap(column, problem, last)).toArray());
            }
            Map<String, Double> scores = RelativeScore.scores(gaps);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-40s %8d", group.getKey(),
                    group.getValue().size()));
            for (String column : columns) {
                double meanGap = RelativeScore.geometricMeanGap(gaps.get(column));
                row.append(relative
                        ? String.format(Locale.ROOT, " %24s", String.format(Locale.ROOT, "%.4g (%.2f)", meanGap,
                                scores.get(column)))
                        : String.format(Locale.ROOT, " %24.4g", meanGap));
            }
            out.println(row);
        }
    }
}

package dev.tuner.core.report;

import dev.tuner.core.trial.FrozenTrial;
import dev.tuner.core.trial.Numbers;
import dev.tuner.core.trial.TrialFormat;
import dev.tuner.core.trial.TrialState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTML of one study's page: a summary with the best parameters, then the plots (history,
 * importance, a slice per knob, parallel coordinates, intermediate values, samples against the
 * prior) and the table of trials, with the stylesheet and script inlined so the page needs nothing
 * else to show. A study of several objectives, which has no one best value, shows its Pareto front,
 * hypervolume, constraints and each objective's knob importance instead of the plots of one value.
 */
final class StudyPage {

    /** The id of the script element holding the page's {@link StudySummary}. */
    static final String SUMMARY_ID = "tuner-summary";

    private StudyPage() {}

    /**
     * The file name of a study's page: its name with characters other than letters, digits,
     * {@code . _ $ - @} as {@code _}; {@code @} separates a study's name from its storage's in a page
     * written beside the study's own ({@code <study>@memory.html}).
     */
    static String fileName(String studyName) {
        StringBuilder chars = new StringBuilder(studyName.length());
        studyName.codePoints().forEach(c -> chars.append(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
                || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '$' || c == '-' || c == '@' ? (char) c : '_'));
        String safe = chars.toString();
        if (safe.isEmpty() || safe.equalsIgnoreCase("index") || safe.startsWith(".")) {
            safe = "study-" + safe;
        }
        return safe + ".html";
    }

    /** The summary of the page {@code page} (a file name), written at {@code written} from {@code storage} (null if unknown). */
    static StudySummary summary(TrialColumns columns, String page, Instant written, String storage) {
        written = written.truncatedTo(ChronoUnit.SECONDS);
        StudySnapshot study = columns.study();
        Optional<FrozenTrial> best = columns.best();
        return new StudySummary(study.name(), page, directions(study), columns.size(),
                columns.count(TrialState.COMPLETE), columns.count(TrialState.PRUNED), columns.count(TrialState.FAIL),
                best.map(trial -> trial.value().getAsDouble()).orElse(null),
                best.map(FrozenTrial::number).orElse(null), written.toString(), storage);
    }

    /**
     * The direction as the index lists it: {@code minimize}, or for several objectives each with its
     * name, {@code maximize accuracy, minimize latency}.
     */
    static String directions(StudySnapshot study) {
        if (!study.isMultiObjective()) {
            return study.direction().name().toLowerCase(Locale.ROOT);
        }
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < study.directions().size(); k++) {
            text.append(k == 0 ? "" : ", ").append(study.directions().get(k).name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(study.objectiveNames().get(k));
        }
        return text.toString();
    }

    /** The page of the study whose trials {@code columns} holds, which {@code summary} sums up, naming its sampler unless empty. */
    static String render(TrialColumns columns, StudySummary summary, String sampler) {
        StudySnapshot study = columns.study();
        StringBuilder html = new StringBuilder(64 * 1024);
        String json = summary.toJson();
        html.append(PageResources.head(TrialFormat.shortName(study.name()) + " · Tuner report",
                "<script type=\"application/json\" id=\"" + SUMMARY_ID + "\">" + Html.scriptJson(json) + "</script>\n",
                PageResources.liveAttributes(summary.state() == null ? StudySummary.FINISHED : summary.state(),
                        summary.refresh(), summary.written())));
        html.append("<body>\n<div class=\"page\">\n");
        if (study.isMultiObjective()) {
            ParetoColumns pareto = ParetoColumns.of(columns, study.directions(), study.objectiveNames());
            header(html, columns, pareto, summary, sampler);
            severalObjectives(html, pareto, summary);
        } else {
            header(html, columns, null, summary, sampler);
            oneObjective(html, columns, summary);
        }
        html.append("<footer>Written by Tuner at ").append(Html.escape(summary.written()))
                .append(". This page is self-contained: it loads nothing from the network.</footer>\n</div>\n");
        html.append(PageResources.tail());
        return html.toString();
    }

    /**
     * The plots of a study of several objectives: its Pareto front (a scatter of two objectives, or
     * parallel coordinates and pairs of three or more), the hypervolume over trials, the constraints,
     * the knobs' importance for each objective, then the plots that need no one value.
     */
    private static void severalObjectives(StringBuilder html, ParetoColumns pareto, StudySummary summary) {
        TrialColumns columns = pareto.trials();
        if (pareto.objectives() == 2) {
            section(html, "Pareto front", ObjectiveScatter.render(pareto));
        } else {
            section(html, "Pareto front", List.of(ObjectivesParallelPlot.render(pareto), PairwisePlot.render(pareto)));
        }
        section(html, "Hypervolume and constraints", List.of(HypervolumePlot.render(pareto, HypervolumeHistory.of(pareto)),
                ConstraintTable.render(pareto), FeasibilityPlot.render(pareto)));
        List<Optional<Plot>> importances = new ArrayList<>();
        Map<String, Double> summed = new LinkedHashMap<>();
        for (int k = 0; k < pareto.objectives(); k++) {
            Map<String, Double> importance = KnobImportance.of(columns.forObjective(k, pareto.direction(k)));
            importance.forEach((knob, share) -> summed.merge(knob, share, Double::sum));
            importances.add(ImportancePlot.render(importance, (int) summary.complete(), "importance-" + k,
                    "Knob importance for " + pareto.name(k), pareto.name(k)));
        }
        section(html, "Knob importance for each objective", importances);
        Map<String, Double> ranked = new LinkedHashMap<>();
        summed.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(entry -> ranked.put(entry.getKey(), entry.getValue()));
        List<Knob> knobs = byImportance(columns.knobs(), ranked);
        section(html, "Pruning", IntermediatePlot.render(columns));
        priors(html, columns, knobs);
        section(html, "Trials", Optional.of(TrialTable.render(pareto, knobs)));
    }

    /** The plots of a study of one objective. */
    private static void oneObjective(StringBuilder html, TrialColumns columns, StudySummary summary) {
        Map<String, Double> importance = KnobImportance.of(columns);
        List<Knob> knobs = byImportance(columns.knobs(), importance);
        section(html, "", List.of(bestParameters(columns), ImportancePlot.render(importance, (int) summary.complete())));
        section(html, "History", HistoryPlot.render(columns));
        List<Optional<Plot>> slices = new ArrayList<>();
        for (int k = 0; k < knobs.size(); k++) {
            slices.add(SlicePlot.render(columns, knobs.get(k), k));
        }
        section(html, "Objective value against each knob", slices);
        section(html, "Knobs together", ParallelCoordinatesPlot.render(columns, knobs));
        section(html, "Pruning", IntermediatePlot.render(columns));
        priors(html, columns, knobs);
        section(html, "Trials", Optional.of(TrialTable.render(columns, knobs)));
    }

    private static void priors(StringBuilder html, TrialColumns columns, List<Knob> knobs) {
        List<Optional<Plot>> priors = new ArrayList<>();
        for (int k = 0; k < knobs.size(); k++) {
            priors.add(PriorPlot.render(columns, knobs.get(k), k));
        }
        section(html, "Samples against the prior", priors);
    }

    /** The knobs, the ranked ones first in order of importance, then the others as the trials read them. */
    static List<Knob> byImportance(List<Knob> knobs, Map<String, Double> importance) {
        List<String> ranked = new ArrayList<>(importance.keySet());
        List<Knob> ordered = new ArrayList<>(knobs);
        ordered.sort(Comparator.comparingInt(knob -> {
            int rank = ranked.indexOf(knob.name());
            return rank < 0 ? Integer.MAX_VALUE : rank;
        }));
        return ordered;
    }

    /** The study's name and facts; of a study of several objectives ({@code pareto} not null), its objectives and front. */
    private static void header(StringBuilder html, TrialColumns columns, ParetoColumns pareto, StudySummary summary,
            String sampler) {
        StudySnapshot study = columns.study();
        html.append("<header>\n<nav><a href=\"index.html\">← All studies</a></nav>\n");
        html.append("<h1>").append(Html.escape(TrialFormat.shortName(study.name()))).append("</h1>\n");
        html.append("<p class=\"fullname\">").append(Html.escape(study.name())).append("</p>\n");
        html.append("<p class=\"status\">").append(Html.escape(summary.status())).append("</p>\n");
        html.append("<dl class=\"facts\">");
        if (pareto == null) {
            fact(html, "best value", summary.best() == null ? "none" : Numbers.compact(summary.best()));
            fact(html, "best trial", summary.bestTrial() == null ? "none" : "#" + summary.bestTrial());
            fact(html, "direction", summary.direction());
        } else {
            html.append("<div class=\"fact prose\"><dt>objectives</dt><dd>").append(Html.escape(summary.direction()))
                    .append("</dd></div>");
            fact(html, "Pareto front", String.valueOf(pareto.front().length));
            if (pareto.hasConstraints()) {
                fact(html, "feasible", String.valueOf(pareto.feasibleCount()));
            }
        }
        fact(html, "trials", String.valueOf(summary.trials()));
        fact(html, "complete", String.valueOf(summary.complete()));
        if (summary.pruned() > 0) {
            fact(html, "pruned", String.valueOf(summary.pruned()));
        }
        fact(html, "failed", String.valueOf(summary.failed()));
        long waiting = columns.count(TrialState.WAITING);
        if (waiting > 0) {
            fact(html, "waiting", String.valueOf(waiting));
        }
        if (!sampler.isEmpty()) {
            // a sentence, not a figure: set in text size
            html.append("<div class=\"fact prose\"><dt>sampler</dt><dd>").append(Html.escape(sampler))
                    .append("</dd></div>");
        }
        if (summary.storage() != null) {
            html.append("<div class=\"fact prose\"><dt>storage</dt><dd>").append(Html.escape(summary.storage()))
                    .append("</dd></div>");
        }
        html.append("</dl>\n");
        html.append("</header>\n");
    }

    /** The best trial's knob values, full names and full values. */
    private static Optional<Plot> bestParameters(TrialColumns columns) {
        return columns.best().filter(best -> !best.params().isEmpty()).map(best -> {
            StringBuilder table = new StringBuilder("<table class=\"bestparams\">");
            for (Map.Entry<String, Object> param : best.params().entrySet()) {
                // long names may wrap after a dot, not inside a word
                table.append("<tr><td>").append(Html.escape(param.getKey()).replace(".", ".<wbr>")).append("</td><td title=\"")
                        .append(Html.escape(String.valueOf(param.getValue()))).append("\">")
                        .append(Html.escape(Knob.label(param.getValue()))).append("</td></tr>");
            }
            table.append("</table>");
            return new Plot("best", "Best parameters", "Trial #" + best.number() + ", value "
                    + Numbers.compact(best.value().getAsDouble()) + "; full values on hover and in the properties file.",
                    table.toString(), false);
        });
    }

    private static void fact(StringBuilder html, String label, String value) {
        html.append("<div class=\"fact\"><dt>").append(Html.escape(label)).append("</dt><dd>")
                .append(Html.escape(value)).append("</dd></div>");
    }

    private static void section(StringBuilder html, String heading, Optional<Plot> plot) {
        section(html, heading, List.of(plot));
    }

    private static void section(StringBuilder html, String heading, List<Optional<Plot>> plots) {
        List<Plot> present = plots.stream().flatMap(Optional::stream).toList();
        if (present.isEmpty()) {
            return;
        }
        if (!heading.isEmpty()) {
            html.append("<h2>").append(Html.escape(heading)).append("</h2>\n");
        }
        html.append("<div class=\"grid\">\n");
        for (Plot plot : present) {
            html.append("<figure class=\"card ").append(plot.body().startsWith("<svg") ? "plot" : "table").append(plot.wide() ? " wide" : "")
                    .append("\" id=\"").append(Html.escape(plot.id())).append("\"><figcaption><h3");
            if (!plot.hint().isEmpty()) {
                html.append(" title=\"").append(Html.escape(plot.hint())).append('"');
            }
            html.append('>').append(Html.escape(plot.title())).append("</h3>");
            if (!plot.note().isEmpty()) {
                html.append("<p class=\"note\">").append(Html.escape(plot.note())).append("</p>");
            }
            html.append("</figcaption>\n").append(plot.body()).append("\n</figure>\n");
        }
        html.append("</div>\n");
    }
}

package dev.tuner.core.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the index lists of a study, kept as JSON inside the study's page so that the index can be
 * rebuilt from the pages alone.
 *
 * @param study the study's name
 * @param page the page's file name, relative to the index
 * @param direction {@code minimize} or {@code maximize}
 * @param trials how many trials the study has
 * @param complete how many completed
 * @param pruned how many were pruned
 * @param failed how many failed
 * @param best the best value, or null without a complete trial
 * @param bestTrial the best trial's number, or null
 * @param written when the page was written, ISO-8601
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record StudySummary(
        String study,
        String page,
        String direction,
        long trials,
        long complete,
        long pruned,
        long failed,
        Double best,
        Integer bestTrial,
        String written) {}

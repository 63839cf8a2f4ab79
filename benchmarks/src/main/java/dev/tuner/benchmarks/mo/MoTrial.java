package dev.tuner.benchmarks.mo;

import java.util.Map;

/** One evaluated point of a run: the parameters an optimizer proposed and what the problem returned. */
public record MoTrial(Map<String, Object> params, MoEvaluation evaluation) {}

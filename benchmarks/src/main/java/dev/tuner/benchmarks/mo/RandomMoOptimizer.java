package dev.tuner.benchmarks.mo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Uniform random search, seeded: floats uniform in their range, a log knob log-uniform, integers
 * and choices uniform. The baseline that {@code mo_quality.json}'s {@code random} measures (its own
 * random stream, so equal in distribution, not point for point).
 */
final class RandomMoOptimizer implements MoOptimizer {

    private final SplittableRandom random;

    RandomMoOptimizer(long seed) {
        this.random = new SplittableRandom(seed);
    }

    @Override
    public Map<String, Object> propose(MoProblem problem, List<MoTrial> history) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (MoParameter parameter : problem.space()) {
            params.put(parameter.name(), switch (parameter.kind()) {
                case FLOAT -> parameter.low() + random.nextDouble() * (parameter.high() - parameter.low());
                case LOG_FLOAT -> Math.exp(Math.log(parameter.low())
                        + random.nextDouble() * (Math.log(parameter.high()) - Math.log(parameter.low())));
                case INT -> (int) parameter.low() + random.nextInt((int) parameter.high() - (int) parameter.low() + 1);
                case CATEGORICAL -> parameter.choices().get(random.nextInt(parameter.choices().size()));
            });
        }
        return params;
    }
}

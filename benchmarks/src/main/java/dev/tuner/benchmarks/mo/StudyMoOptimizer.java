package dev.tuner.benchmarks.mo;

import dev.tuner.Direction;
import dev.tuner.benchmarks.quality.SamplerSpecs;
import dev.tuner.core.space.Scale;
import dev.tuner.core.storage.InMemoryStorage;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.Trial;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A core sampler run as a user runs it: through a real {@link Study} of the problem's directions
 * (all minimized) in memory, by ask and tell. Each proposal first tells the study the evaluation of
 * the previous one, its constraints recorded as {@code c0}, {@code c1}, ... with
 * {@link Trial#constrain}, then asks for a new trial and draws every knob of the space from it.
 * Named {@code study:<sampler spec>} in {@code --optimizers}: {@code study:tpe},
 * {@code study:tpe+gamma=0.15} (options as {@code benchmarks/run quality} takes them).
 */
final class StudyMoOptimizer implements MoOptimizer {

    static final String PREFIX = "study:";

    private final String spec;
    private final long seed;
    private Study study;
    private Trial pending;

    StudyMoOptimizer(String spec, long seed) {
        this.spec = spec;
        this.seed = seed;
        SamplerSpecs.create(spec, seed); // an unknown sampler or option fails before any run
    }

    @Override
    public Map<String, Object> propose(MoProblem problem, List<MoTrial> history) {
        if (study == null) {
            Direction[] directions = new Direction[problem.objectives()];
            Arrays.fill(directions, Direction.MINIMIZE);
            study = Study.builder(problem.name()).directions(directions).sampler(SamplerSpecs.create(spec, seed))
                    .storage(new InMemoryStorage()).build();
        }
        if (pending != null) {
            MoEvaluation last = history.get(history.size() - 1).evaluation();
            for (int i = 0; i < last.constraints().length; i++) {
                pending.constrain("c" + i, last.constraints()[i]);
            }
            study.tell(pending, last.objectives());
        }
        pending = study.ask();
        Map<String, Object> params = new LinkedHashMap<>();
        for (MoParameter parameter : problem.space()) {
            params.put(parameter.name(), switch (parameter.kind()) {
                case FLOAT -> pending.suggestFloat(parameter.name(), parameter.low(), parameter.high());
                case LOG_FLOAT -> pending.suggestFloat(parameter.name(), parameter.low(), parameter.high(), Scale.LOG);
                case INT -> pending.suggestInt(parameter.name(), (int) parameter.low(), (int) parameter.high());
                case CATEGORICAL -> pending.suggestCategorical(parameter.name(), parameter.choices());
            });
        }
        return params;
    }
}

package dev.tuner.core.inject;

import dev.tuner.IntUniform;
import dev.tuner.Uniform;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.Trial;

/**
 * Run by {@link LoadedBeforeAgentTest} in a JVM of its own: loads and uses a class with knobs,
 * only then installs the agent (twice), and prints what the class reads in and out of a trial.
 *
 * <p>The reads are in methods of the early class: a method that is running while the agent
 * retransforms its class (this {@code main}) goes on with its old code until it returns, which is
 * why the engine installs the agent before it runs the first study.
 */
@SuppressWarnings("try") // scopes are opened for their effect, only closed
public final class LoadedBeforeAgentMain {

    /** Loaded, initialized and run before the agent exists. */
    static class Early {
        @IntUniform(min = 100, max = 200)
        int width = 7;

        @Uniform(min = 10, max = 20)
        static double scale = 1.5;

        int width() {
            return width;
        }

        static double scale() {
            return scale;
        }
    }

    private LoadedBeforeAgentMain() {}

    public static void main(String[] arguments) {
        Early early = new Early();
        System.out.println("before agent: installed=" + TunerAgent.isInstalled() + " width=" + early.width()
                + " scale=" + Early.scale());

        TunerAgent.ensureInstalled();
        TunerAgent.ensureInstalled();

        Study study = Studies.inMemory("early", 1);
        Trial trial = study.ask();
        try (TrialContext.Scope scope = TrialContext.bind(trial)) {
            System.out.println("in trial: width=" + early.width() + " scale=" + Early.scale());
        }
        System.out.println("params: " + trial.params());
        System.out.println("after trial: width=" + early.width() + " scale=" + Early.scale());
    }
}

package dev.tuner.core.inject;

import dev.tuner.Tune;
import dev.tuner.Uniform;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.trial.FrozenTrial;

/**
 * Run by {@link AgentOnlyWhenNeededTest} in a JVM of its own, as the engine runs a study: builds the
 * objective of {@code <TestCase class> <method>}, installs the agent if the study needs it, runs three
 * trials, and prints whether the agent is installed and what each trial read. A study that cannot run
 * prints its error and exits with 3.
 */
public final class AgentOnlyWhenNeededMain {

    /** Knobs on fields of a class the objective builds: only the agent can redirect their reads. */
    static class Model {
        @Uniform(min = 10, max = 20)
        double width = 1;
    }

    /** Its knob is a parameter of the method: no agent needed. */
    static class ParametersOnlyTestCase {
        @Tune
        double loss(@Uniform(min = -1, max = 1) double x) {
            return x * x;
        }
    }

    /** Reads a field knob. */
    static class FieldKnobTestCase {
        @Tune
        double loss() {
            return new Model().width;
        }
    }

    private AgentOnlyWhenNeededMain() {}

    public static void main(String[] arguments) throws Exception {
        Class<?> testClass = Class.forName(AgentOnlyWhenNeededMain.class.getName() + "$" + arguments[0]);
        MethodObjective objective = MethodObjective.of(testClass.getDeclaredMethod(arguments[1],
                arguments.length > 2 ? new Class<?>[] {double.class} : new Class<?>[0]));
        try {
            TunerAgent.ensureInstalledFor(objective);
        } catch (IllegalStateException cannotRun) {
            System.out.println("cannot run: " + cannotRun.getMessage());
            System.exit(3);
        }
        Study study = Studies.inMemory(arguments[0], 1);
        study.optimize(objective, 3);
        System.out.println("installed=" + TunerAgent.isInstalled());
        for (FrozenTrial trial : study.trials()) {
            System.out.println("trial " + trial.number() + " " + trial.state() + " value=" + trial.value() + " "
                    + trial.params());
        }
    }
}

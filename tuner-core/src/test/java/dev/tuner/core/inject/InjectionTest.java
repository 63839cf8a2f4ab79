package dev.tuner.core.inject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Choice;
import dev.tuner.IntUniform;
import dev.tuner.LogUniform;
import dev.tuner.Tune;
import dev.tuner.Uniform;
import dev.tuner.core.study.Studies;
import dev.tuner.core.study.Study;
import dev.tuner.core.study.TrialOutcome;
import dev.tuner.core.trial.Trial;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent at work on real classes in this JVM: reads of annotated fields and returns of
 * annotated methods see the bound trial's values, and their declared values outside a trial.
 */
@SuppressWarnings("try") // scopes are opened for their effect, only closed
class InjectionTest {

    private static final String NETWORK = Network.class.getName();

    enum Activation { RELU, TANH, ELU }

    sealed interface Model permits Svm, Forest {
        double score();
    }

    record Svm(@LogUniform(min = 1e-3, max = 1e3) double c, @LogUniform(min = 1e-6, max = 10) double gamma)
            implements Model {
        @Override
        public double score() {
            return c * gamma;
        }
    }

    static final class Forest implements Model {
        @IntUniform(min = 10, max = 500)
        int trees = 100;

        @Override
        public double score() {
            return trees;
        }
    }

    /** Every kind of annotated member the agent redirects. */
    static class Network {
        @Uniform(min = 0, max = 1)
        static double momentum = 0.9;

        @IntUniform(min = 1, max = 8)
        int layers = 2;

        @LogUniform(min = 1e-4, max = 1e-1)
        private final double rate = Math.abs(1e-2);

        @Choice
        Activation activation = Activation.RELU;

        @Choice({"adam", "sgd"})
        String optimizer = "adam";

        @Choice
        Model model = new Svm(1, 1);

        @IntUniform(min = 16, max = 4096)
        int batchSize() {
            return 128;
        }

        @Uniform(min = 0, max = 0.5)
        static double dropout() {
            return 0.25;
        }

        double rate() {
            return rate;
        }
    }

    /** Reads its inherited knob fields through its own name: {@code getfield Deep.layers}. */
    static class Deep extends Network {
        int doubled() {
            return 2 * layers;
        }
    }

    /** A @Tune method whose objective builds its model from a sealed choice and reads field knobs. */
    static class SelectTestCase {
        static final List<Object[]> SEEN = new ArrayList<>();

        @Tune
        double select(@Choice Model model) {
            Network network = new Network();
            SEEN.add(new Object[] {model, network.layers, TrialContext.current().orElseThrow()});
            return model.score() + network.layers;
        }
    }

    @BeforeAll
    static void installAgent() {
        TunerAgent.ensureInstalled();
    }

    /** An integer knob's value as the trial records it (a long), as the int the member reads. */
    private static int intParam(Map<String, Object> params, String name) {
        assertThat(params).containsKey(name);
        return ((Number) params.get(name)).intValue();
    }

    @Test
    void outsideATrialTheCodeSeesItsDeclaredValues() {
        Network network = new Network();

        assertThat(TrialContext.current()).isEmpty();
        assertThat(Network.momentum).isEqualTo(0.9);
        assertThat(network.layers).isEqualTo(2);
        assertThat(network.rate()).isEqualTo(1e-2);
        assertThat(network.activation).isEqualTo(Activation.RELU);
        assertThat(network.optimizer).isEqualTo("adam");
        assertThat(network.model).isEqualTo(new Svm(1, 1));
        assertThat(network.batchSize()).isEqualTo(128);
        assertThat(Network.dropout()).isEqualTo(0.25);
    }

    @Test
    void insideATrialEveryAnnotatedMemberReadsTheTrialsValue() {
        Trial trial = Studies.inMemory("injection", 1).ask();
        Network network = new Network();

        try (TrialContext.Scope scope = TrialContext.bind(trial)) {
            double momentum = Network.momentum;
            int layers = network.layers;
            double rate = network.rate();
            Activation activation = network.activation;
            String optimizer = network.optimizer;
            int batchSize = network.batchSize();
            double dropout = Network.dropout();

            Map<String, Object> params = trial.params();
            assertThat(momentum).isEqualTo(params.get(NETWORK + ".momentum")).isBetween(0.0, 1.0);
            assertThat(layers).isEqualTo(intParam(params, NETWORK + ".layers"));
            assertThat(rate).isEqualTo(params.get(NETWORK + ".rate")).isBetween(1e-4, 1e-1);
            assertThat(activation).isEqualTo(params.get(NETWORK + ".activation"));
            assertThat(optimizer).isEqualTo(params.get(NETWORK + ".optimizer"));
            assertThat(batchSize).isEqualTo(intParam(params, NETWORK + ".batchSize")).isBetween(16, 4096);
            assertThat(dropout).isEqualTo(params.get(NETWORK + ".dropout")).isBetween(0.0, 0.5);
        }
        // the fields themselves were never written
        assertThat(network.layers).isEqualTo(2);
        assertThat(Network.momentum).isEqualTo(0.9);
    }

    @Test
    void anInheritedFieldIsTheKnobOfItsDeclaringClass() {
        Trial trial = Studies.inMemory("injection", 10).ask();

        try (TrialContext.Scope scope = TrialContext.bind(trial)) {
            Deep deep = new Deep();
            assertThat(deep.doubled()).isEqualTo(2 * deep.layers).isEqualTo(2 * new Network().layers);
        }
        assertThat(trial.params()).containsOnlyKeys(NETWORK + ".layers");
        assertThat(new Deep().doubled()).isEqualTo(4);
    }

    @Test
    void aKnobIsSampledAtItsFirstReadOnly() {
        Trial trial = Studies.inMemory("injection", 2).ask();
        Network network = new Network();

        try (TrialContext.Scope scope = TrialContext.bind(trial)) {
            assertThat(network.layers).isPositive();
            assertThat(trial.params()).containsOnlyKeys(NETWORK + ".layers");
            network.batchSize();
            assertThat(trial.params()).containsOnlyKeys(NETWORK + ".layers", NETWORK + ".batchSize");
        }
    }

    @Test
    void aValueIsStableWithinATrialAndResampledInTheNext() {
        Study study = Studies.inMemory("injection", 3);
        Set<Double> rates = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            Trial trial = study.ask();
            try (TrialContext.Scope scope = TrialContext.bind(trial)) {
                Network first = new Network();
                Network second = new Network();
                double rate = first.rate();
                assertThat(first.rate()).isEqualTo(rate);
                assertThat(second.rate()).isEqualTo(rate);
                assertThat(second.layers).isEqualTo(first.layers);
                assertThat(second.batchSize()).isEqualTo(first.batchSize());
                rates.add(rate);
            }
        }
        assertThat(rates).hasSize(8);
    }

    @Test
    void aSealedChoiceFieldBuildsTheChosenRecordOrClassOncePerTrial() {
        Study study = Studies.inMemory("injection", 4);
        Set<Class<?>> kinds = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            Trial trial = study.ask();
            try (TrialContext.Scope scope = TrialContext.bind(trial)) {
                Network network = new Network();
                Model model = network.model;
                assertThat(network.model).isSameAs(model);
                kinds.add(model.getClass());
                Map<String, Object> params = trial.params();
                assertThat(params.get(NETWORK + ".model")).isEqualTo(model.getClass());
                if (model instanceof Svm svm) {
                    // the built record's components read the values it was built with, by their nested names
                    assertThat(svm.c()).isEqualTo(params.get(NETWORK + ".model.Svm.c"));
                    assertThat(svm.gamma()).isEqualTo(params.get(NETWORK + ".model.Svm.gamma"));
                    assertThat(params).doesNotContainKey(NETWORK + ".model.Forest.trees");
                } else {
                    assertThat(((Forest) model).trees).isEqualTo(intParam(params, NETWORK + ".model.Forest.trees"));
                    assertThat(params).doesNotContainKey(NETWORK + ".model.Svm.c");
                }
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder(Svm.class, Forest.class);
    }

    @Test
    void aTuneMethodGetsItsSealedChoiceBuiltAndItsFieldsRedirected() throws Exception {
        SelectTestCase.SEEN.clear();
        MethodObjective objective = MethodObjective.of(TuneMethods.tuneMethod(SelectTestCase.class));
        Study study = Studies.inMemory("injection", 5);
        String model = SelectTestCase.class.getName() + ".select.model";

        for (int i = 0; i < 6; i++) {
            TrialOutcome outcome = study.runTrial(objective);
            assertThat(outcome.failure()).isEmpty();
            Object[] seen = SelectTestCase.SEEN.get(i);
            Map<String, Object> params = outcome.trial().params();
            assertThat(params.get(model)).isEqualTo(seen[0].getClass());
            assertThat(seen[1]).isEqualTo(intParam(params, NETWORK + ".layers"));
            if (seen[0] instanceof Svm svm) {
                assertThat(svm).isEqualTo(new Svm((Double) params.get(model + ".Svm.c"),
                        (Double) params.get(model + ".Svm.gamma")));
            } else {
                assertThat(((Forest) seen[0]).trees).isEqualTo(intParam(params, model + ".Forest.trees"));
            }
        }
        assertThat(TrialContext.current()).as("unbound after the call").isEmpty();
    }

    @Test
    void aThreadStartedInsideTheTrialReadsTheTrialsValues() throws Exception {
        Trial trial = Studies.inMemory("injection", 6).ask();
        AtomicReference<Integer> read = new AtomicReference<>();

        int layers;
        try (TrialContext.Scope scope = TrialContext.bind(trial)) {
            Thread worker = new Thread(() -> read.set(new Network().layers));
            worker.start();
            worker.join();
            layers = new Network().layers;
        }

        assertThat(read.get()).isEqualTo(layers).isEqualTo(intParam(trial.params(), NETWORK + ".layers"));
    }

    @Test
    void tasksOfAnExecutorCreatedInsideTheTrialReadItsValues() throws Exception {
        Trial trial = Studies.inMemory("injection", 7).ask();
        ExecutorService executor;
        List<Integer> reads = new ArrayList<>();

        try (TrialContext.Scope scope = TrialContext.bind(trial)) {
            executor = Executors.newFixedThreadPool(2);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                futures.add(executor.submit(() -> new Network().batchSize()));
            }
            for (Future<Integer> future : futures) {
                reads.add(future.get());
            }
        }
        // after the trial, its pool threads see no trial any more
        int afterwards = executor.submit(() -> new Network().batchSize()).get();
        executor.shutdown();

        assertThat(reads).hasSize(6).containsOnly(intParam(trial.params(), NETWORK + ".batchSize"));
        assertThat(afterwards).isEqualTo(128);
    }

    @Test
    void anExecutorCreatedBeforeTheTrialNeedsWrappedTasks() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        executor.submit(() -> {}).get();  // its thread exists before the trial
        Trial trial = Studies.inMemory("injection", 8).ask();

        int wrapped;
        int plain;
        try (TrialContext.Scope scope = TrialContext.bind(trial)) {
            Callable<Integer> read = () -> new Network().layers;
            wrapped = executor.submit(TrialContext.wrap(read)).get();
            plain = executor.submit(read).get();
        } finally {
            executor.shutdown();
        }

        assertThat(wrapped).isEqualTo(intParam(trial.params(), NETWORK + ".layers"));
        assertThat(plain).isEqualTo(2);
    }

    @Test
    void bindingsNestAndRestoreTheOuterTrial() {
        Study study = Studies.inMemory("injection", 9);
        Trial outer = study.ask();
        Trial inner = study.ask();

        try (TrialContext.Scope outerScope = TrialContext.bind(outer)) {
            try (TrialContext.Scope innerScope = TrialContext.bind(inner)) {
                assertThat(TrialContext.current()).containsSame(inner);
            }
            assertThat(TrialContext.current()).containsSame(outer);
        }
        assertThat(TrialContext.current()).isEmpty();
    }
}

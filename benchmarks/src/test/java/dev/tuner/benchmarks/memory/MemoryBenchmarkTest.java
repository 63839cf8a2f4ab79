package dev.tuner.benchmarks.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class MemoryBenchmarkTest {

    /**
     * Issue 21's bound is 40 MB at 100,000 trials, 400 bytes a trial, which {@code benchmarks/run
     * memory} measures (376). At a fifth of the size what every worker holds whatever its study's
     * size (the classes' objects, the sampler's arrays grown by doubling to 32,768) weighs more:
     * about 420 bytes a trial. Before the trials shared their knobs' names and distributions and a
     * finished trial dropped its second copy of its values, a trial took 1,313 bytes. Bytes of live
     * objects, as the JVM's class histogram counts them: no clock is read.
     */
    @Test
    void aWorkerHoldsUnder500BytesATrialOfAStudyReadFromAJournal() throws Exception {
        MemoryBenchmark.Held held = MemoryBenchmark.measure(Space.named("conditional"), "journal", "auto", 20_000, 3);

        assertThat(held.picked()).startsWith("tpe");
        assertThat(held.bytesPerTrial()).isLessThan(500);
    }

    @Test
    void optionsHaveDefaultsAndAMistakeFailsNamingIt() {
        var defaults = MemoryBenchmark.COMMAND.parse();
        assertThat(defaults.get(MemoryBenchmark.TRIALS)).isEqualTo(100_000);
        assertThat(defaults.get(MemoryBenchmark.SAMPLER)).isEqualTo("auto");
        assertThat(defaults.get(MemoryBenchmark.STORAGE)).isEqualTo("journal");
        assertThatIllegalArgumentException().isThrownBy(() -> Space.named("nested")).withMessageContaining("--space nested");
    }
}

package dev.tuner.core.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class WorkerTest {

    @Test
    void itsTextIsHostSlashPidAndParsesBack() {
        Worker worker = new Worker("build-7.example.com", 48211);
        assertThat(worker).hasToString("build-7.example.com/48211");
        assertThat(Worker.parse(worker.toString())).contains(worker);
    }

    @Test
    void aTextNotOfTheFormHostSlashPidNamesNoWorker() {
        for (String text : new String[] {"", "host", "/12", "host/", "host/12a", "a/b/12", "host/-3", "host/١٢",
                "host/99999999999999999999"}) {
            assertThat(Worker.parse(text)).as(text).isEmpty();
        }
    }

    @Test
    void aHostWithASlashOrANegativePidIsRefusedSayingWhy() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Worker("a/b", 1))
                .withMessageContaining("worker host 'a/b' must be a host name, not empty and without '/'");
        assertThatIllegalArgumentException().isThrownBy(() -> new Worker("h", -1))
                .withMessageContaining("worker pid -1 of host 'h' is negative");
    }
}

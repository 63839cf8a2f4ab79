package dev.tuner.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryStorageTest extends StorageContractTest {

    @Override
    Storage newStorage() {
        return new InMemoryStorage();
    }

    @Test
    void concurrentTrialsGetDistinctNumbers() throws Exception {
        InMemoryStorage storage = new InMemoryStorage();
        storage.createStudy("parallel", Direction.MINIMIZE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                tasks.add(() -> storage.createTrial("parallel"));
            }
            List<Integer> numbers = new ArrayList<>();
            for (Future<Integer> number : pool.invokeAll(tasks)) {
                numbers.add(number.get());
            }

            assertThat(numbers).doesNotHaveDuplicates().hasSize(400).allSatisfy(n -> assertThat(n).isBetween(0, 399));
            assertThat(storage.trials("parallel")).hasSize(400);
        } finally {
            pool.shutdownNow();
        }
    }
}

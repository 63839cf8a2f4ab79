package dev.tuner.core.storage;

class InMemoryStorageTest extends StorageContractTest {

    @Override
    Storage newStorage() {
        return new InMemoryStorage();
    }

    @Override
    Storage sameStoreAgain(Storage storage) {
        return storage; // memory is not shared: the same storage stands for a second worker
    }
}

package dev.tuner.benchmarks.overhead;

/** The class {@link PlatformFloorEngine} claims: selecting it adds the floor's tests to the run. */
public final class PlatformFloor {

    private PlatformFloor() {}
}

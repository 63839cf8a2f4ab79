package dev.tuner.engine;

import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;

/**
 * Marks the studies a discovery request named by themselves: by method (the IDE's run button
 * next to a method), by the study's unique id, or by a trial's unique id (rerunning one trial in
 * the IDE), which asks to replay that trial; and those whose best run the request named.
 */
final class DirectSelections {

    private DirectSelections() {}

    static void mark(EngineDiscoveryRequest request, TestDescriptor engine) {
        for (MethodSelector selector : request.getSelectorsByType(MethodSelector.class)) {
            studies(engine).stream()
                    .filter(study -> study.method().getName().equals(selector.getMethodName())
                            && study.testClass().getName().equals(selector.getClassName()))
                    .forEach(TuneMethodDescriptor::markSelectedDirectly);
        }
        for (UniqueIdSelector selector : request.getSelectorsByType(UniqueIdSelector.class)) {
            UniqueId id = selector.getUniqueId();
            List<UniqueId.Segment> segments = id.getSegments();
            UniqueId.Segment last = segments.get(segments.size() - 1);
            if (last.getType().equals(TuneMethodDescriptor.SEGMENT_TYPE)) {
                study(engine, id).ifPresent(TuneMethodDescriptor::markSelectedDirectly);
            } else if (last.getType().equals(TrialDescriptor.SEGMENT_TYPE)) {
                study(engine, id.removeLastSegment()).ifPresent(study -> {
                    study.markSelectedDirectly();
                    parseTrialNumber(last.getValue()).ifPresent(study::replay);
                });
            } else if (last.getType().equals(TrialDescriptor.BEST_SEGMENT_TYPE)) {
                study(engine, id.removeLastSegment()).ifPresent(TuneMethodDescriptor::requestBest);
            }
        }
    }

    private static Optional<Integer> parseTrialNumber(String value) {
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static Optional<TuneMethodDescriptor> study(TestDescriptor engine, UniqueId id) {
        return engine.findByUniqueId(id)
                .filter(TuneMethodDescriptor.class::isInstance)
                .map(TuneMethodDescriptor.class::cast);
    }

    private static List<TuneMethodDescriptor> studies(TestDescriptor engine) {
        return engine.getDescendants().stream()
                .filter(TuneMethodDescriptor.class::isInstance)
                .map(TuneMethodDescriptor.class::cast)
                .toList();
    }
}

package dev.tuner.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.tuner.Tune;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves class, method and unique-id selectors to {@code @Tune} methods (a trial's unique id to
 * its study's); package, classpath-root and module selectors reach it as class selectors through
 * {@link #IS_TUNE_CLASS}.
 */
final class TuneSelectorResolver implements SelectorResolver {

    /** Concrete classes that declare or inherit a {@code @Tune} method (see {@link #isTuneClass}). */
    static final Predicate<Class<?>> IS_TUNE_CLASS = TuneSelectorResolver::isTuneClass;

    private final Predicate<String> classNameFilter;

    TuneSelectorResolver(Predicate<String> classNameFilter) {
        this.classNameFilter = classNameFilter;
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        Class<?> testClass = selector.getJavaClass();
        if (!isTuneClass(testClass) || !classNameFilter.test(testClass.getName())) {
            return Resolution.unresolved();
        }
        return context.addToParent(parent -> Optional.of(new ClassDescriptor(parent.getUniqueId(), testClass)))
                .map(descriptor -> Resolution.match(Match.exact(descriptor, () -> tuneMethodSelectors(testClass))))
                .orElse(Resolution.unresolved());
    }

    @Override
    public Resolution resolve(MethodSelector selector, Context context) {
        Class<?> testClass = selector.getJavaClass();
        Method method = selector.getJavaMethod();
        if (!isTuneClass(testClass) || !AnnotationSupport.isAnnotated(method, Tune.class)) {
            return Resolution.unresolved();
        }
        // the class by its unique id, not a class selector: the run's class-name filter (the console's
        // default keeps only *Test classes) is for classes found by scanning, not for a method picked by itself
        return context.addToParent(() -> selectUniqueId(classId(testClass)),
                        parent -> Optional.of(new TuneMethodDescriptor(parent.getUniqueId(), testClass, method)))
                .map(descriptor -> Resolution.match(Match.exact(descriptor)))
                .orElse(Resolution.unresolved());
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId uniqueId = selector.getUniqueId();
        List<UniqueId.Segment> segments = uniqueId.getSegments();
        UniqueId.Segment last = segments.get(segments.size() - 1);
        if (last.getType().equals(ClassDescriptor.SEGMENT_TYPE)) {
            // resolved here rather than as a class selector, so that the class-name filter does not drop it
            return ReflectionSupport.tryToLoadClass(last.getValue()).toOptional()
                    .filter(TuneSelectorResolver::isTuneClass)
                    .flatMap(testClass -> context.addToParent(
                                    parent -> Optional.of(new ClassDescriptor(parent.getUniqueId(), testClass)))
                            .map(descriptor -> Resolution.match(Match.exact(descriptor,
                                    () -> tuneMethodSelectors(testClass)))))
                    .orElse(Resolution.unresolved());
        }
        if (last.getType().equals(TuneMethodDescriptor.SEGMENT_TYPE) && segments.size() >= 2) {
            String className = segments.get(segments.size() - 2).getValue();
            return ReflectionSupport.tryToLoadClass(className).toOptional()
                    .flatMap(testClass -> findTuneMethod(testClass, last.getValue())
                            .map(method -> Resolution.selectors(Set.of(selectMethod(testClass, method)))))
                    .orElse(Resolution.unresolved());
        }
        if (last.getType().equals(TrialDescriptor.SEGMENT_TYPE)
                || last.getType().equals(TrialDescriptor.BEST_SEGMENT_TYPE)) {
            // a trial's test resolves to its study, which replays it (see DirectSelections)
            return Resolution.selectors(Set.of(selectUniqueId(uniqueId.removeLastSegment())));
        }
        return Resolution.unresolved();
    }

    private static UniqueId classId(Class<?> testClass) {
        return UniqueId.forEngine(TunerTestEngine.ENGINE_ID).append(ClassDescriptor.SEGMENT_TYPE, testClass.getName());
    }

    private static Optional<Method> findTuneMethod(Class<?> testClass, String segmentValue) {
        return tuneMethods(testClass).stream()
                .filter(method -> TuneMethodDescriptor.segmentValue(method).equals(segmentValue))
                .findFirst();
    }

    private static Set<DiscoverySelector> tuneMethodSelectors(Class<?> testClass) {
        return tuneMethods(testClass).stream()
                .map(method -> selectMethod(testClass, method))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static List<Method> tuneMethods(Class<?> testClass) {
        return ReflectionSupport.findMethods(testClass,
                method -> AnnotationSupport.isAnnotated(method, Tune.class), HierarchyTraversalMode.TOP_DOWN);
    }

    /**
     * A class whose {@code @Tune} methods make studies: not abstract (a base class's studies run in
     * its concrete subclasses, as Jupiter's tests do), not an interface, anonymous or local class. An
     * inner (non-static) class is taken, so that its studies fail saying it must be static, rather
     * than be skipped without a word.
     */
    private static boolean isTuneClass(Class<?> candidate) {
        int modifiers = candidate.getModifiers();
        boolean concrete = !Modifier.isAbstract(modifiers) && !candidate.isInterface()
                && !candidate.isAnonymousClass() && !candidate.isLocalClass();
        return concrete && !tuneMethods(candidate).isEmpty();
    }
}

package dev.tuner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.tuner.IntUniform;
import dev.tuner.Tune;
import dev.tuner.Uniform;
import dev.tuner.engine.testcases.AbstractStudy;
import dev.tuner.engine.testcases.PlainHelper;
import dev.tuner.engine.testcases.QuadraticStudy;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;

class TunerTestEngineDiscoveryTest {

    private static final UniqueId ENGINE_ID = UniqueId.forEngine(TunerTestEngine.ENGINE_ID);

    @Test
    void engineIdIsTuner() {
        assertThat(new TunerTestEngine().getId()).isEqualTo("tuner");
    }

    @Test
    void classSelectorFindsEveryTuneMethodOfTheClass() {
        TestDescriptor engine = discover(selectClass(TwoStudiesTestCase.class));

        assertThat(engine.getChildren()).hasSize(1);
        TestDescriptor testClass = engine.getChildren().iterator().next();
        assertThat(testClass.getUniqueId()).isEqualTo(classId(TwoStudiesTestCase.class));
        assertThat(testClass.getDisplayName()).isEqualTo("TwoStudiesTestCase");
        assertThat(testClass.isContainer()).isTrue();
        assertThat(testClass.getSource()).contains(ClassSource.from(TwoStudiesTestCase.class));

        assertThat(uniqueIds(testClass.getChildren())).containsExactlyInAnyOrder(
                methodId(TwoStudiesTestCase.class, "first(double)"),
                methodId(TwoStudiesTestCase.class, "second(int)"));
        for (TestDescriptor study : testClass.getChildren()) {
            assertThat(study.isContainer()).isTrue();
            assertThat(study.isTest()).isFalse();
            assertThat(study.mayRegisterTests()).isTrue();
            assertThat(study.getChildren()).isEmpty();
            MethodSource source = (MethodSource) study.getSource().orElseThrow();
            assertThat(source.getClassName()).isEqualTo(TwoStudiesTestCase.class.getName());
            assertThat(study.getDisplayName()).startsWith(source.getMethodName() + "(");
        }
    }

    @Test
    void methodSelectorFindsOnlyThatMethod() {
        TestDescriptor engine = discover(selectMethod(TwoStudiesTestCase.class, "second", "int"));

        assertThat(uniqueIds(engine.getDescendants()))
                .containsExactlyInAnyOrder(classId(TwoStudiesTestCase.class),
                        methodId(TwoStudiesTestCase.class, "second(int)"));
    }

    @Test
    void methodWithoutTuneIsIgnored() {
        TestDescriptor engine = discover(selectMethod(TwoStudiesTestCase.class, "notAStudy", "double"));

        assertThat(engine.getChildren()).isEmpty();
    }

    @Test
    void classesThatCannotHoldAStudyAreIgnored() {
        TestDescriptor engine = discover(selectClass(NoTuneTestCase.class), selectClass(PlainHelper.class),
                selectClass(AbstractStudy.class), selectClass(AbstractBaseTestCase.class),
                selectClass(StudyInterfaceTestCase.class));

        assertThat(engine.getChildren()).isEmpty();
    }

    @Test
    void anInnerClassIsDiscoveredSoThatItsStudiesSayItMustBeStatic() {
        TestDescriptor engine = discover(selectClass(InnerTestCase.class));

        assertThat(uniqueIds(engine.getChildren())).containsExactly(classId(InnerTestCase.class));
    }

    @Test
    void concreteSubclassOfAnAbstractStudyIsDiscoveredWithTheInheritedMethod() {
        TestDescriptor engine = discover(selectClass(ConcreteSubclassTestCase.class));

        assertThat(uniqueIds(engine.getDescendants())).containsExactlyInAnyOrder(
                classId(ConcreteSubclassTestCase.class),
                methodId(ConcreteSubclassTestCase.class, "inherited(double)"));
    }

    @Test
    void packageSelectorFindsOnlyConcreteTuneClasses() {
        TestDescriptor engine = discover(selectPackage("dev.tuner.engine.testcases"));

        assertThat(uniqueIds(engine.getDescendants())).containsExactlyInAnyOrder(
                classId(QuadraticStudy.class), methodId(QuadraticStudy.class, "quad(double)"));
    }

    @Test
    void classpathRootSelectorHonoursTheClassNameFilter() {
        TestDescriptor engine = discover(selectClasspathRoots(Set.of(testClassesRoot())),
                includeClassNamePatterns("dev\\.tuner\\.engine\\.testcases\\..*"));

        assertThat(uniqueIds(engine.getDescendants())).containsExactlyInAnyOrder(
                classId(QuadraticStudy.class), methodId(QuadraticStudy.class, "quad(double)"));
    }

    @Test
    void classpathRootSelectorFindsStaticNestedClasses() {
        TestDescriptor engine = discover(selectClasspathRoots(Set.of(testClassesRoot())),
                includeClassNamePatterns(".*\\.TunerTestEngineDiscoveryTest\\$TwoStudiesTestCase"));

        assertThat(uniqueIds(engine.getChildren())).containsExactly(classId(TwoStudiesTestCase.class));
        assertThat(engine.getDescendants()).hasSize(3);
    }

    @Test
    void classUniqueIdSelectsEveryTuneMethodOfTheClass() {
        TestDescriptor engine = discover(selectUniqueId(classId(TwoStudiesTestCase.class)));

        assertThat(uniqueIds(engine.getDescendants())).containsExactlyInAnyOrder(
                classId(TwoStudiesTestCase.class),
                methodId(TwoStudiesTestCase.class, "first(double)"),
                methodId(TwoStudiesTestCase.class, "second(int)"));
    }

    @Test
    void methodUniqueIdSelectsOnlyThatMethod() {
        TestDescriptor engine = discover(selectUniqueId(methodId(TwoStudiesTestCase.class, "first(double)")));

        assertThat(uniqueIds(engine.getDescendants())).containsExactlyInAnyOrder(
                classId(TwoStudiesTestCase.class), methodId(TwoStudiesTestCase.class, "first(double)"));
    }

    @Test
    void uniqueIdsOfDiscoveredDescriptorsSelectTheSameDescriptors() {
        TestDescriptor byClass = discover(selectClass(TwoStudiesTestCase.class));
        List<DiscoverySelector> byIds = byClass.getDescendants().stream()
                .filter(descriptor -> descriptor.getSource().filter(MethodSource.class::isInstance).isPresent())
                .map(descriptor -> selectUniqueId(descriptor.getUniqueId()))
                .collect(Collectors.toList());

        TestDescriptor again = discover(byIds.toArray(DiscoverySelector[]::new));

        assertThat(uniqueIds(again.getDescendants())).isEqualTo(uniqueIds(byClass.getDescendants()));
    }

    @Test
    void trialUniqueIdSelectsItsStudy() {
        UniqueId study = methodId(TwoStudiesTestCase.class, "first(double)");

        TestDescriptor engine = discover(selectUniqueId(study.append(TrialDescriptor.SEGMENT_TYPE, "1")));

        assertThat(uniqueIds(engine.getDescendants()))
                .containsExactlyInAnyOrder(classId(TwoStudiesTestCase.class), study);
    }

    @Test
    void uniqueIdOfAnUnknownMethodOrClassSelectsNothing() {
        TestDescriptor engine;
        try {
            engine = discover(
                    selectUniqueId(classId(TwoStudiesTestCase.class).append(TuneMethodDescriptor.SEGMENT_TYPE,
                            "missing(double)")),
                    selectUniqueId(ENGINE_ID.append(ClassDescriptor.SEGMENT_TYPE, "dev.tuner.NoSuchClass")));
        } catch (org.junit.platform.commons.JUnitException unresolved) {
            // JUnit Platform before 1.13 fails an unresolvable selector of the engine's own ids
            // instead of reporting a discovery issue: nothing was selected either way
            assertThat(unresolved).hasMessageContaining("resolution failed");
            return;
        }

        assertThat(engine.getChildren()).isEmpty();
    }

    /** A console run's default class-name filter: it keeps *Test classes, not a *Tuning one. */
    private static final ClassNameFilter DEFAULT_CLASS_NAMES =
            ClassNameFilter.includeClassNamePatterns(ClassNameFilter.STANDARD_INCLUDE_PATTERN);

    @Test
    void aUniqueIdOrAMethodSelectedByItselfIsFoundWhateverItsClassIsCalled() {
        UniqueId study = methodId(QuadTuning.class, "quad(double)");
        List<DiscoverySelector> bySelf = List.of(selectUniqueId(classId(QuadTuning.class)), selectUniqueId(study),
                selectUniqueId(study.append(TrialDescriptor.SEGMENT_TYPE, "3")), selectMethod(QuadTuning.class, "quad", "double"));

        for (DiscoverySelector selector : bySelf) {
            TestDescriptor engine = discover(List.of(selector), DEFAULT_CLASS_NAMES);
            assertThat(uniqueIds(engine.getDescendants())).as("%s", selector).contains(study);
        }
        // a class selected as a class is filtered as Jupiter filters it
        assertThat(discover(List.of(selectClass(QuadTuning.class)), DEFAULT_CLASS_NAMES).getChildren()).isEmpty();
    }

    private static TestDescriptor discover(DiscoverySelector... selectors) {
        return discover(List.of(selectors));
    }

    private static TestDescriptor discover(List<? extends DiscoverySelector> selectors, Filter<?>... filters) {
        // the engine itself, not EngineTestKit's discover(), which JUnit Platform 1.10 lacks
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(filters)
                .build();
        return new TunerTestEngine().discover(request, UniqueId.forEngine(TunerTestEngine.ENGINE_ID));
    }

    private static UniqueId classId(Class<?> testClass) {
        return ENGINE_ID.append(ClassDescriptor.SEGMENT_TYPE, testClass.getName());
    }

    private static UniqueId methodId(Class<?> testClass, String method) {
        return classId(testClass).append(TuneMethodDescriptor.SEGMENT_TYPE, method);
    }

    private static Set<UniqueId> uniqueIds(Set<? extends TestDescriptor> descriptors) {
        return descriptors.stream().map(TestDescriptor::getUniqueId).collect(Collectors.toSet());
    }

    static Path testClassesRoot() {
        try {
            return Path.of(TunerTestEngineDiscoveryTest.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static class TwoStudiesTestCase {

        @Tune(trials = 2, seed = 1)
        double first(@Uniform(min = 0, max = 1) double x) {
            return x;
        }

        @Tune(trials = 2, seed = 1)
        double second(@IntUniform(min = 0, max = 9) int n) {
            return n;
        }

        double notAStudy(double x) {
            return x;
        }
    }

    static class NoTuneTestCase {

        double objective(double x) {
            return x;
        }
    }

    abstract static class AbstractBaseTestCase {

        @Tune(trials = 2, seed = 1)
        double inherited(@Uniform(min = 0, max = 1) double x) {
            return x;
        }
    }

    static class ConcreteSubclassTestCase extends AbstractBaseTestCase {}

    interface StudyInterfaceTestCase {

        @Tune(trials = 2, seed = 1)
        default double fromInterface(@Uniform(min = 0, max = 1) double x) {
            return x;
        }
    }

    @SuppressWarnings("InnerClassMayBeStatic")
    class InnerTestCase {

        @Tune(trials = 2, seed = 1)
        double inner(@Uniform(min = 0, max = 1) double x) {
            return x;
        }
    }

    static class QuadTuning {

        @Tune(trials = 3)
        double quad(@Uniform(min = -1, max = 1) double x) {
            return x * x;
        }
    }
}

package dev.tuner.core;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import dev.tuner.core.storage.StorageName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The packages of tuner-core and how they may use each other, as {@code docs/architecture.md} draws
 * them: free of cycles, each package using only those below it, and each showing a public face of
 * the types users and the other modules need, its workings package-private.
 */
class ArchitectureTest {

    private static final String CORE = "dev.tuner.core";

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CORE);

    /** Each package of tuner-core, bottom up, and the packages of tuner-core it may use. */
    static final Map<String, Set<String>> MAY_USE = byPackage(
            "space", Set.of(),
            "settings", Set.of(),
            // objective vectors as double[]: samplers, studies and reports may all use it
            "pareto", Set.of(),
            "json", Set.of("space"),
            // pareto: a study's best trials, which the study and its snapshot both ask for, are its front
            "trial", Set.of("space", "pareto"),
            "sampler", Set.of("trial", "space", "pareto"),
            "pruner", Set.of("trial", "space"),
            "storage", Set.of("trial", "space", "json", "settings"),
            "study", Set.of("sampler", "pruner", "storage", "trial", "space", "pareto"),
            // pareto: the hypervolume the page of a study of several objectives plots
            "report", Set.of("storage", "trial", "space", "json", "pareto"),
            // pareto: the progress line of several objectives keeps the Pareto set so far
            "output", Set.of("report", "storage", "trial", "space", "pareto"),
            // Optuna's journal both ways: reads a study from any storage, writes trials into one
            "optuna", Set.of("storage", "trial", "space", "json"),
            "inject", Set.of("study", "trial", "space"),
            "plan", Set.of("inject", "study", "sampler", "pruner", "storage", "trial", "space"));

    /**
     * The public types of each package: what users (the docs and examples), the other modules
     * (engine, plugin, benchmarks) or a package above need. Any other type is package-private.
     */
    static final Map<String, Set<String>> PUBLIC = byPackage(
            "space", Set.of("Distribution", "Uniform", "LogUniform", "Normal", "LogNormal", "IntUniform", "Choice",
                    "PriorityChoice", "Bool", "Fixed", "CustomDistribution", "DistributionProvider", "SearchSpace", "Scale"),
            "settings", Set.of("Spelling", "RenamedSettings"),
            "pareto", Set.of("Domination", "NonDominatedSort", "CrowdingDistance", "Hypervolume"),
            "json", Set.of("JsonTrees", "DistributionJson"),
            "trial", Set.of("Trial", "FrozenTrial", "TrialState", "Suggestion", "TrialResult", "TrialFailure", "TrialPruned",
                    "TrialHistory", "TrialFormat", "Numbers", "ParetoPick", "Worker"),
            "sampler", Set.of("Sampler", "Samplers", "Seeds", "AutoSampler", "RandomSampler", "GridSampler", "QmcSampler",
                    "TpeSampler", "GpSampler", "CmaEsSampler", "Nsga2Sampler"),
            "pruner", Set.of("Pruner", "Pruners", "TrialGroup", "NopPruner", "MedianPruner", "PercentilePruner",
                    "SuccessiveHalvingPruner", "HyperbandPruner"),
            "storage", Set.of("Storage", "Storages", "StorageName", "StoragePool", "StartedTrial", "InMemoryStorage",
                    "JournalStorage", "JdbcStorage", "WorkerDiedException"),
            "study", Set.of("Study", "Objective", "MultiObjective", "OptimizeSettings", "OptimizeResult", "TrialOutcome", "StopCondition",
                    "TrialCallback", "RequireKnobs", "StudyAbortedError", "NonFiniteObjectiveException",
                    "TrialTimeoutException"),
            "report", Set.of("HtmlReport", "StudySnapshot", "KnobImportance", "AtomicFile"),
            "output", Set.of("StudyOutputs", "BestLookup", "KnownParameters", "Progress", "LiveReport"),
            "optuna", Set.of("OptunaExport", "OptunaJournal", "OptunaStudy", "OptunaImport"),
            // KnobReads: instrumented classes, in the user's packages, call it
            "inject", Set.of("TrialContext", "TunerAgent", "MethodObjective", "InvalidDeclarationException", "KnobReads"),
            "plan", Set.of("StudyPlan", "StudyOverrides"));

    static final ArchRule EVERY_CLASS_IN_A_KNOWN_PACKAGE = classes().that().resideInAPackage(CORE + "..")
            .should().resideInAnyPackage(packages(MAY_USE.keySet()))
            .because("each package of tuner-core has its place in the layering (docs/architecture.md)");

    static final ArchRule NO_CYCLES = slices().matching(CORE + ".(*)..").should().beFreeOfCycles();

    static final ArchRule LAYERS = CompositeArchRule.of(layerRules());

    static final ArchRule REPORT_DRAWS_FROM_A_SNAPSHOT = noClasses().that().resideInAPackage(CORE + ".report")
            .should().dependOnClassesThat(resideInAnyPackage(CORE + ".storage").and(not(type(StorageName.class))))
            .because("the report reads a StudySnapshot and never reads or writes a storage; it names one only");

    static final ArchRule PUBLIC_FACES = CompositeArchRule.of(publicFaceRules());

    /**
     * The journal's hand-written stand-ins for library code, each kept for the gain the overhead
     * benchmark measured (benchmarks/README.md, "Speed-ups kept in code").
     */
    static final Set<String> SPEED_UPS = Set.of("JsonLine", "InstantText", "DistributionTexts");

    static final ArchRule SPEED_UPS_BEHIND_THE_CODEC = classes()
            .that(declaredIn(CORE + ".storage", SPEED_UPS))
            .should().onlyHaveDependentClassesThat(declaredIn(CORE + ".storage", union(SPEED_UPS, Set.of("JournalCodec"))))
            .because("the journal's hand-written speed-ups are used through its codec alone, which names what each buys");

    @Test
    void packagesAreFreeOfCycles() {
        NO_CYCLES.check(PRODUCTION);
    }

    @Test
    void eachPackageUsesOnlyThePackagesBelowIt() {
        LAYERS.check(PRODUCTION);
    }

    @Test
    void theReportNeverTouchesAStorage() {
        REPORT_DRAWS_FROM_A_SNAPSHOT.check(PRODUCTION);
    }

    @Test
    void eachPackageShowsOnlyItsPublicFace() {
        PUBLIC_FACES.check(PRODUCTION);
        Map<String, Set<String>> shown = PRODUCTION.stream()
                .filter(type -> type.isTopLevelClass() && type.getModifiers().contains(JavaModifier.PUBLIC))
                .collect(groupingBy(type -> type.getPackageName().substring(CORE.length() + 1),
                        mapping(JavaClass::getSimpleName, toSet())));
        assertThat(shown).as("the public types of each package").isEqualTo(PUBLIC);
    }

    @Test
    void theJournalsSpeedUpsAreUsedThroughItsCodecAlone() {
        SPEED_UPS_BEHIND_THE_CODEC.check(PRODUCTION);
    }

    private static List<ArchRule> layerRules() {
        List<ArchRule> rules = new ArrayList<>(List.of(EVERY_CLASS_IN_A_KNOWN_PACKAGE));
        MAY_USE.forEach((pkg, below) -> {
            Set<String> allowed = new HashSet<>(below);
            allowed.add(pkg);
            rules.add(classes().that().resideInAPackage(CORE + "." + pkg)
                    .should().onlyDependOnClassesThat(resideOutsideOfPackage(CORE + "..")
                            .or(resideInAnyPackage(packages(allowed))))
                    .because(pkg + " may use only " + (below.isEmpty() ? "what is outside tuner-core" : below)));
        });
        return rules;
    }

    private static List<ArchRule> publicFaceRules() {
        List<ArchRule> rules = new ArrayList<>();
        PUBLIC.forEach((pkg, face) -> rules.add(classes().that().resideInAPackage(CORE + "." + pkg)
                .and().areTopLevelClasses()
                .and(not(named(face)))
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .allowEmptyShould(true)
                .because(pkg + " shows " + face + " and keeps its workings package-private")));
        return rules;
    }

    private static DescribedPredicate<JavaClass> named(Set<String> simpleNames) {
        return DescribedPredicate.describe("named one of " + simpleNames, type -> simpleNames.contains(type.getSimpleName()));
    }

    /** The top-level classes of {@code pkg} named one of {@code simpleNames}, and the classes nested in them. */
    private static DescribedPredicate<JavaClass> declaredIn(String pkg, Set<String> simpleNames) {
        return DescribedPredicate.describe("are declared in " + pkg + "." + simpleNames, type -> {
            String topLevel = type.getName().replaceFirst("\\$.*", "");
            return type.getPackageName().equals(pkg) && simpleNames.contains(topLevel.substring(pkg.length() + 1));
        });
    }

    private static Set<String> union(Set<String> some, Set<String> others) {
        Set<String> union = new HashSet<>(some);
        union.addAll(others);
        return union;
    }

    private static String[] packages(Set<String> names) {
        return names.stream().map(name -> CORE + "." + name).toArray(String[]::new);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Set<String>> byPackage(Object... pairs) {
        Map<String, Set<String>> byPackage = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            byPackage.put((String) pairs[i], (Set<String>) pairs[i + 1]);
        }
        return byPackage;
    }
}

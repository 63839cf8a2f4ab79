package dev.tuner.benchmarks.quality;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Which problems a quality run takes: {@code --suite}, narrowed by {@code --functions},
 * {@code --dims}, {@code --instances} and {@code --split}.
 *
 * <ul>
 *   <li>{@code public}: the nine functions of {@code shared/bench/functions.md}, the test set with
 *       Optuna's and Hyperopt's reference figures (the default).</li>
 *   <li>{@code bbob}: the problems defaults are chosen by: BBOB f1..f24 × {@code --dims} (2, 5, 10)
 *       × {@code --instances} (1..3), and the synthetic categorical/conditional families
 *       ({@link SyntheticProblems}, instances 1..4), split into a training and a validation half
 *       ({@link BbobProblems}, {@link SyntheticProblems}).</li>
 *   <li>{@code mixint}: COCO's bbob-mixint variants of f1..f24 ({@link BbobMixint}) × the
 *       multiples of 5 among {@code --dims} (5, 10) × {@code --instances} (1..3), split as BBOB.</li>
 *   <li>{@code real}: model tuning on shipped data ({@link RealProblems}): {@code svm-digits}
 *       (a test problem, in neither half); {@code mlp-digits}, {@code svm-wine} and
 *       {@code mlp-one-layer} (training half); {@code model-selection}, {@code svm-breast-cancer} and
 *       {@code forest-breast-cancer} (validation half).</li>
 *   <li>{@code all}: all of them.</li>
 * </ul>
 *
 * <p>{@code --functions} names problems of the chosen suites: a public function ({@code branin}),
 * a BBOB function ({@code f7} or {@code f07}, for {@code bbob} and {@code mixint}), a synthetic family ({@code branches},
 * {@code mixedcat}) or a real problem ({@code svm-digits}, {@code mlp-digits}, ...); a suite none of whose problems is named adds nothing.
 * {@code --split train} or {@code validation} keeps the problems of that half only, so it drops
 * the test problems, which are in neither: the public suite and svm-digits.
 */
final class Suites {

    static final List<String> NAMES = List.of("public", "bbob", "mixint", "real", "all");

    private Suites() {}

    /**
     * The problems of a selection, in suite order (public, BBOB, synthetic, real).
     *
     * @param functions the {@code --functions} entries, or empty for every problem of the suites
     * @param dimensions the BBOB dimensions, or empty for {@link BbobProblems#DIMENSIONS}
     * @param instances the BBOB and synthetic instances, or empty for each one's default
     */
    static List<Problem> problems(String suite, Optional<List<String>> functions, Optional<List<Integer>> dimensions,
            Optional<List<Integer>> instances, Optional<Half> split) {
        if (!NAMES.contains(suite)) {
            throw new IllegalArgumentException("--suite " + suite + " is not a suite; use one of " + NAMES);
        }
        boolean all = suite.equals("all");
        List<String> publicNames = Functions.all().stream().map(BenchmarkFunction::name).toList();
        List<String> publicChosen = new ArrayList<>();
        Set<Integer> bbobChosen = new LinkedHashSet<>();
        List<String> syntheticChosen = new ArrayList<>();
        List<String> realChosen = new ArrayList<>();
        boolean wantPublic = all || suite.equals("public");
        boolean wantBbob = all || suite.equals("bbob");
        boolean wantReal = all || suite.equals("real");
        boolean wantMixint = all || suite.equals("mixint");
        Set<Integer> mixintChosen = new LinkedHashSet<>();
        if (functions.isEmpty()) {
            if (wantPublic) {
                publicChosen.addAll(publicNames);
            }
            if (wantBbob) {
                IntStream.rangeClosed(1, BbobFunction.COUNT).forEach(bbobChosen::add);
                syntheticChosen.addAll(SyntheticProblems.FAMILIES);
            }
            if (wantReal) {
                realChosen.addAll(RealProblems.NAMES);
            }
            if (wantMixint) {
                IntStream.rangeClosed(1, BbobFunction.COUNT).forEach(mixintChosen::add);
            }
        } else {
            for (String entry : functions.get()) {
                String name = entry.strip();
                Optional<Integer> bbob = BbobProblems.functionNumber(name);
                if (bbob.isPresent() && (wantBbob || wantMixint)) {
                    if (wantBbob) {
                        bbobChosen.add(bbob.get());
                    }
                    if (wantMixint) {
                        mixintChosen.add(bbob.get());
                    }
                } else if (wantPublic && publicNames.contains(name)) {
                    publicChosen.add(name);
                } else if (wantBbob && SyntheticProblems.FAMILIES.contains(name)) {
                    syntheticChosen.add(name);
                } else if (wantReal && RealProblems.NAMES.contains(name)) {
                    realChosen.add(name);
                } else {
                    throw new IllegalArgumentException("--functions " + name + " is not a problem of --suite " + suite
                            + "; it takes " + known(wantPublic, wantBbob, wantMixint, wantReal, publicNames));
                }
            }
        }
        List<Problem> problems = new ArrayList<>();
        publicChosen.forEach(name -> problems.add(Problem.of(Functions.byName(name))));
        problems.addAll(BbobProblems.problems(List.copyOf(bbobChosen), dimensions.orElse(BbobProblems.DIMENSIONS),
                instances.orElse(BbobProblems.INSTANCES)));
        problems.addAll(SyntheticProblems.problems(syntheticChosen, instances.orElse(SyntheticProblems.INSTANCES)));
        problems.addAll(BbobProblems.mixint(List.copyOf(mixintChosen), dimensions.orElse(BbobMixint.DIMENSIONS),
                instances.orElse(BbobProblems.INSTANCES)));
        problems.addAll(RealProblems.problems(realChosen));
        if (split.isEmpty()) {
            return problems;
        }
        return problems.stream().filter(problem -> problem.half().equals(split)).toList();
    }

    private static String known(boolean wantPublic, boolean wantBbob, boolean wantMixint, boolean wantReal,
            List<String> publicNames) {
        List<String> names = new ArrayList<>();
        if (wantPublic) {
            names.addAll(publicNames);
        }
        if (wantBbob || wantMixint) {
            names.add("f1..f24");
        }
        if (wantBbob) {
            names.addAll(SyntheticProblems.FAMILIES);
        }
        if (wantReal) {
            names.addAll(RealProblems.NAMES);
        }
        return String.join(", ", names);
    }
}

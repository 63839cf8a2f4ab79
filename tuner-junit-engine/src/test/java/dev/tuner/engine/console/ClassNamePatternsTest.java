package dev.tuner.engine.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassNamePatternsTest {

    @Test
    void simpleNameMatchesTheClassInAnyPackage() {
        String[] patterns = ClassNamePatterns.fromFilter("QuickstartTuning");

        assertThat(matches(patterns, "QuickstartTuning")).isTrue();
        assertThat(matches(patterns, "com.acme.QuickstartTuning")).isTrue();
        assertThat(matches(patterns, "org.example.deep.pkg.QuickstartTuning")).isTrue();
        assertThat(matches(patterns, "com.acme.Outer$QuickstartTuning")).isTrue();
        assertThat(matches(patterns, "com.acme.MyQuickstartTuning")).isFalse();
        assertThat(matches(patterns, "com.acme.QuickstartTuningTest")).isFalse();
        assertThat(matches(patterns, "com.acme.QuickstartTuning$Inner")).isFalse();
    }

    @Test
    void qualifiedNameMatchesOnlyThatClass() {
        String[] patterns = ClassNamePatterns.fromFilter("com.acme.QuickstartTuning");

        assertThat(matches(patterns, "com.acme.QuickstartTuning")).isTrue();
        assertThat(matches(patterns, "org.acme.QuickstartTuning")).isFalse();
        assertThat(matches(patterns, "x.com.acme.QuickstartTuning")).isFalse();
        assertThat(matches(patterns, "QuickstartTuning")).isFalse();
    }

    @Test
    void dotsInAQualifiedNameAreLiteral() {
        String[] patterns = ClassNamePatterns.fromFilter("com.acme.Tuning");

        assertThat(matches(patterns, "comXacmeXTuning")).isFalse();
    }

    @Test
    void starMatchesAnyCharacters() {
        String[] patterns = ClassNamePatterns.fromFilter("Quick*Tuning");

        assertThat(matches(patterns, "com.acme.QuickstartTuning")).isTrue();
        assertThat(matches(patterns, "QuickTuning")).isTrue();
        assertThat(matches(patterns, "com.acme.SlowTuning")).isFalse();
    }

    @Test
    void starInAQualifiedNameMatchesWholePackages() {
        String[] patterns = ClassNamePatterns.fromFilter("com.acme.*");

        assertThat(matches(patterns, "com.acme.QuickstartTuning")).isTrue();
        assertThat(matches(patterns, "com.acme.sub.Other")).isTrue();
        assertThat(matches(patterns, "org.acme.QuickstartTuning")).isFalse();
    }

    @Test
    void leadingAndTrailingStars() {
        assertThat(matches(ClassNamePatterns.fromFilter("*Tuning"), "com.acme.QuickstartTuning")).isTrue();
        assertThat(matches(ClassNamePatterns.fromFilter("*Tuning"), "com.acme.TuningHelper")).isFalse();
        assertThat(matches(ClassNamePatterns.fromFilter("Quick*"), "com.acme.QuickstartTuning")).isTrue();
        assertThat(matches(ClassNamePatterns.fromFilter("*"), "com.acme.Anything")).isTrue();
        assertThat(matches(ClassNamePatterns.fromFilter("Quick*"), "com.QuickPkg.Other")).isFalse();
    }

    @Test
    void commaSeparatedNamesMatchEachOfThem() {
        String[] patterns = ClassNamePatterns.fromFilter(" QuickstartTuning , com.acme.Other,,");

        assertThat(patterns).hasSize(2);
        assertThat(matches(patterns, "org.x.QuickstartTuning")).isTrue();
        assertThat(matches(patterns, "com.acme.Other")).isTrue();
        assertThat(matches(patterns, "org.acme.Other")).isFalse();
        assertThat(matches(patterns, "com.acme.Third")).isFalse();
    }

    @Test
    void regexCharactersInNamesAreLiteral() {
        String[] patterns = ClassNamePatterns.fromFilter("Outer$Inner");

        assertThat(matches(patterns, "com.acme.Outer$Inner")).isTrue();
        assertThat(matches(patterns, "com.acme.OuterInner")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", " , ,", "\t"})
    void blankFilterMatchesEverything(String filter) {
        String[] patterns = ClassNamePatterns.fromFilter(filter);

        assertThat(patterns).hasSize(1);
        assertThat(matches(patterns, "com.acme.QuickstartTuning")).isTrue();
        assertThat(matches(patterns, "X")).isTrue();
        assertThat(matches(patterns, "a.b.C$D")).isTrue();
    }

    private static boolean matches(String[] patterns, String className) {
        return Arrays.stream(patterns).anyMatch(className::matches);
    }
}

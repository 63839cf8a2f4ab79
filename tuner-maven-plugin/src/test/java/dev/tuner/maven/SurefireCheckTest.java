package dev.tuner.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SurefireCheckTest {

    @Test
    void maven3sDefaultSurefireIsWarnedAbout() {
        assertThat(SurefireCheck.warning("2.12.4")).hasValueSatisfying(warning -> assertThat(warning)
                .contains("2.12.4, which cannot run JUnit Platform engines").contains("3.5.3 or newer"));
        assertThat(SurefireCheck.warning("2.22.2")).hasValueSatisfying(warning -> assertThat(warning)
                .contains("too old for current JUnit Platform launchers"));
    }

    @Test
    void surefire3AndUnknownVersionsPass() {
        assertThat(SurefireCheck.warning("3.5.3")).isEmpty();
        assertThat(SurefireCheck.warning("3.0.0-M9")).isEmpty();
        assertThat(SurefireCheck.warning(null)).isEmpty();
        assertThat(SurefireCheck.warning("${surefire.version}")).isEmpty();
    }
}

package dev.tuner.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JvmOptionsTest {

    @Test
    void noArgLineGivesNoOptions() {
        assertThat(JvmOptions.split(null)).isEmpty();
        assertThat(JvmOptions.split("   ")).isEmpty();
    }

    @Test
    void splitsOnWhiteSpace() {
        assertThat(JvmOptions.split(" -Xmx2g\t-Dfoo=bar  -ea ")).containsExactly("-Xmx2g", "-Dfoo=bar", "-ea");
    }

    @Test
    void keepsQuotedPartsWhole() {
        assertThat(JvmOptions.split("-Dname=\"two words\" '-Dother=a b' -Dempty=\"\""))
                .containsExactly("-Dname=two words", "-Dother=a b", "-Dempty=");
    }

    @Test
    void unclosedQuoteNamesTheSetting() {
        assertThatThrownBy(() -> JvmOptions.split("-Dname=\"open"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unclosed \" quote")
                .hasMessageContaining("tuner.arg.line");
    }
}

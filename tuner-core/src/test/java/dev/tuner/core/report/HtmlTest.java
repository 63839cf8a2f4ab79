package dev.tuner.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void markupCharactersBecomeReferences() {
        assertThat(Html.escape("<script>alert('x & \"y\"')</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;");
    }

    @Test
    void plainTextIsReturnedAsItIs() {
        String text = "com.acme.Classifier.learningRate → 0.931, étude 学習率";
        assertThat(Html.escape(text)).isSameAs(text);
    }

    @Test
    void charactersHtmlForbidsBecomeTheReplacementCharacter() {
        assertThat(Html.escape("a\u0000b\u0007c\u007fd")).isEqualTo("a\uFFFDb\uFFFDc\uFFFDd");
        assertThat(Html.escape("tab\tline\nreturn\r")).isEqualTo("tab\tline\nreturn\r");
    }

    @Test
    void surrogatePairsStayAndLoneSurrogatesAreReplaced() {
        assertThat(Html.escape("x😀y")).isEqualTo("x😀y");
        assertThat(Html.escape("x\uD83Dy")).isEqualTo("x\uFFFDy");
        assertThat(Html.escape("x\uDE00y")).isEqualTo("x\uFFFDy");
    }

    @Test
    void jsonInAScriptElementCannotCloseIt() {
        assertThat(Html.scriptJson("{\"study\":\"</script><script>alert(1)</script>\"}"))
                .doesNotContain("</")
                .isEqualTo("{\"study\":\"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>\"}");
    }
}

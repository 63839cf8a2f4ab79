package dev.tuner.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnippetSourceTest {

    private static Snippet snippet(String code) {
        return new Snippet(Path.of("docs/trial-api.md"), 42, code, Optional.empty());
    }

    @Test
    void anElidedMethodBodyThrowsAndAnElidedTypeBodyIsEmpty() {
        String code = String.join("\n",
                "record Svm(@LogUniform(min = 1e-3, max = 1e3) double c) implements Model { ... }",
                "public double value() { ... }",
                "@Choice({\"a\", \"b\"}) String pick() { ... }");

        assertThat(SnippetSource.expandElidedBodies(code)).isEqualTo(String.join("\n",
                "record Svm(@LogUniform(min = 1e-3, max = 1e3) double c) implements Model { }",
                "public double value() { throw new UnsupportedOperationException(); }",
                "@Choice({\"a\", \"b\"}) String pick() { throw new UnsupportedOperationException(); }"));
    }

    @Test
    void eachBlockGetsAPackageOfItsOwn() {
        assertThat(SnippetSource.packageFor(snippet("int a;"))).isEqualTo("snippets.docs_trial_api_md.l42");
    }

    @Test
    void membersAreWrappedInAClassAndKeepTheirLines() {
        SnippetSource source = new SnippetSource(snippet("int a = 1;\nint b = 2;"), SnippetSource.Form.MEMBERS,
                List.of("dev.tuner.examples.svm.*"));

        String[] lines = source.text().split("\n");

        assertThat(lines[0]).startsWith("package snippets.docs_trial_api_md.l42; import dev.tuner.*;")
                .contains(" import dev.tuner.examples.svm.*;")
                .endsWith(" class Snippet {");
        assertThat(lines[1]).isEqualTo("int a = 1;");
        assertThat(source.markdownLine(2, 1)).isEqualTo(42);
        assertThat(source.markdownLine(3, 1)).isEqualTo(43);
        assertThat(source.markdownLine(1, 1)).isZero();
        assertThat(source.markdownLine(4, 1)).isZero();
    }

    @Test
    void aBlockWithItsOwnPackageIsCompiledAsWritten() {
        String code = "package com.acme;\n\npublic class Tuning {}";
        SnippetSource source = new SnippetSource(snippet(code), SnippetSource.Form.UNIT, List.of());

        assertThat(source.text()).isEqualTo(code + "\n");
        assertThat(source.markdownLine(3, 1)).isEqualTo(44);
        assertThat(source.file().getName()).isEqualTo("/com/acme/Tuning.java");
    }

    @Test
    void aUnitIsNamedAfterItsPublicType() {
        SnippetSource source = new SnippetSource(snippet("class Helper {}\npublic final class Classifier {}"),
                SnippetSource.Form.UNIT, List.of());

        assertThat(source.file().getName()).isEqualTo("/snippets/docs_trial_api_md/l42/Classifier.java");
    }

    @Test
    void importsAtTheTopOfAFragmentJoinTheImports() {
        SnippetSource source = new SnippetSource(snippet("import dev.tuner.examples.mlp.Mlp;   // the perceptron\n\nMlp mlp;"),
                SnippetSource.Form.MEMBERS, List.of());

        String[] lines = source.text().split("\n", -1);

        assertThat(lines[0]).contains(" import dev.tuner.examples.mlp.Mlp; class Snippet {");
        assertThat(lines[1]).isEmpty();
        assertThat(lines[3]).isEqualTo("Mlp mlp;");
        int column = lines[0].indexOf("import dev.tuner.examples.mlp.Mlp;") + 1;
        assertThat(source.markdownLine(1, column + 7)).isEqualTo(42);
        assertThat(source.markdownLine(1, 1)).isZero();
    }
}

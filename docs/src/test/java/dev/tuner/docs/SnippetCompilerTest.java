package dev.tuner.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnippetCompilerTest {

    private static final Path FILE = Path.of("docs/page.md");

    private final SnippetCompiler compiler = new SnippetCompiler(System.getProperty("java.class.path"));

    @TempDir
    Path classes;

    private List<SnippetCompiler.Failure> compile(String... blocks) {
        StringBuilder markdown = new StringBuilder("# Page\n");
        for (String block : blocks) {
            markdown.append("\n```java\n").append(block).append("\n```\n");
        }
        return compiler.compile(MarkdownSnippets.of(FILE, markdown.toString()), snippet -> List.of(), classes);
    }

    @Test
    void unitsMembersAndStatementsCompileWithTheCommonImports() {
        List<SnippetCompiler.Failure> failures = compile(
                // a unit: a type, using the annotations without imports
                "class QuadraticTuning {\n    @Tune(trials = 20, direction = MAXIMIZE)\n"
                        + "    double quad(@Uniform(min = -1, max = 1) double x) { return -x * x; }\n}",
                // members: fields and a method with an elided body
                "@IntUniform(min = 1, max = 8) int layers = 2;\n@Bool boolean shuffle = true;\ndouble fit() { ... }",
                // statements: the ask/tell loop
                "Study study = Study.builder(\"s\").sampler(new RandomSampler(1)).storage(new InMemoryStorage()).build();\n"
                        + "for (int i = 0; i < 3; i++) {\n    Trial trial = study.ask();\n"
                        + "    study.tell(trial, trial.suggestFloat(\"x\", -1, 1));\n}",
                // a unit of its own package
                "package com.acme;\n\nimport dev.tuner.Uniform;\n\npublic class Knobs {\n    @Uniform(min = 0, max = 1) double x;\n}");

        assertThat(failures).isEmpty();
    }

    @Test
    void aFailureNamesTheFileTheLineAndTheCompilersMessage() {
        List<SnippetCompiler.Failure> failures = compile(
                "int fine = 1;",
                "Study study = Study.builder(\"s\").build();\nstudy.tellEverything();");

        // the second block's code starts on line 8: "# Page", "", ```java, 1 line, ```, "", ```java
        assertThat(failures).singleElement().satisfies(failure -> {
            assertThat(failure.markdownLine()).isEqualTo(9);
            assertThat(failure.form()).isEqualTo(SnippetSource.Form.STATEMENTS);
            assertThat(failure.describe())
                    .startsWith("docs/page.md:9: cannot find symbol")
                    .contains("study.tellEverything();")
                    .contains("(the block at docs/page.md:8, compiled as statements of a method)");
        });
    }

    @Test
    void aSyntaxErrorIsReportedInTheFormThatReadFurthest() {
        List<SnippetCompiler.Failure> failures = compile("class Broken {\n    int a = 1;\n    int b = ;\n}");

        assertThat(failures).isNotEmpty().allSatisfy(failure -> {
            assertThat(failure.form()).isEqualTo(SnippetSource.Form.UNIT);
            assertThat(failure.markdownLine()).isEqualTo(6);
        });
    }

    @Test
    void blocksMayDeclareTheSameNames() {
        assertThat(compile("class Classifier { int a; }", "class Classifier { int b; }")).isEmpty();
    }

    @Test
    void manyFragmentsDoNotHideEachOthersForm() {
        // each block is 60 statements: as a Java file each gives dozens of syntax errors, more than
        // javac reports by default, which must not make a later block look like a valid file
        String statements = "int a = 1;\n" + "a = a + 1;\n".repeat(60);

        assertThat(compile(statements, statements, statements, statements)).isEmpty();
    }
}

package dev.tuner.docs;

import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles snippets with the JDK's compiler, all in one task, against this JVM's class path, and
 * tells which failed, where, and why.
 *
 * <p>Each block's form is found first by the Java parser: the first of {@link SnippetSource.Form#UNIT},
 * {@link SnippetSource.Form#MEMBERS} and {@link SnippetSource.Form#STATEMENTS} it parses as. A block
 * that parses as none is compiled in the form that got furthest before its first syntax error, so
 * the message is the one that matters.
 */
final class SnippetCompiler {

    /** An error of a snippet: where in the Markdown file, and the compiler's message. */
    record Failure(Snippet snippet, SnippetSource.Form form, long markdownLine, String message, String code) {

        /** The failure as a reader of a build log needs it: file:line, message, the line, the block. */
        String describe() {
            String where = markdownLine > 0 ? snippet.file() + ":" + markdownLine : snippet.location() + " (in text the test adds)";
            String shown = code.isBlank() ? "" : "\n      " + code.strip();
            return where + ": " + message.replace("\n", "\n      ") + shown
                    + "\n    (the block at " + snippet.location() + ", compiled as " + form.description() + ")";
        }
    }

    /** Options of the compilation; {@code -Xmaxerrs}: javac stops reporting after 100 errors by default. */
    private static final List<String> OPTIONS = List.of("--release", "17", "-proc:none", "-nowarn", "-Xlint:none",
            "-parameters", "-encoding", "UTF-8", "-Xmaxerrs", "1000000");

    private final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    private final String classPath;

    /** A compiler of snippets against {@code classPath} (entries separated as the platform does). */
    SnippetCompiler(String classPath) {
        if (compiler == null) {
            throw new IllegalStateException("no Java compiler in this JVM (" + System.getProperty("java.home")
                    + "); run the tests on a JDK, not a JRE");
        }
        this.classPath = classPath;
    }

    /**
     * Compiles {@code snippets} into {@code output}.
     *
     * @param extraImports the imports a snippet gets beside the common ones
     * @return every error, in the order of the snippets; empty when all compile
     */
    List<Failure> compile(List<Snippet> snippets, Function<Snippet, List<String>> extraImports, Path output) {
        List<SnippetSource> sources = new ArrayList<>();
        for (Snippet snippet : snippets) {
            sources.add(new SnippetSource(snippet, SnippetSource.Form.UNIT, extraImports.apply(snippet)));
        }
        List<SnippetSource> formed = withForms(sources);
        Map<JavaFileObject, SnippetSource> byFile = new IdentityHashMap<>();
        for (SnippetSource source : formed) {
            byFile.put(source.file(), source);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = new ArrayList<>(OPTIONS);
        options.addAll(List.of("-classpath", classPath, "-d", output.toString()));
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            compiler.getTask(null, files, diagnostics, options, null, byFile.keySet()).call();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        Map<SnippetSource, List<Failure>> failures = new LinkedHashMap<>();
        formed.forEach(source -> failures.put(source, new ArrayList<>()));
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            SnippetSource source = byFile.get(diagnostic.getSource());
            if (source == null) {
                throw new IllegalStateException("the compiler failed outside the snippets: " + diagnostic);
            }
            long line = source.markdownLine(diagnostic.getLineNumber(), diagnostic.getColumnNumber());
            failures.get(source).add(new Failure(source.snippet(), source.form(), line,
                    diagnostic.getMessage(Locale.ROOT), line > 0 ? source.codeLine(line) : ""));
        }
        return failures.values().stream().flatMap(List::stream).toList();
    }

    /** Each source in the first form the parser accepts, else the one it read furthest in. */
    private List<SnippetSource> withForms(List<SnippetSource> sources) {
        List<SnippetSource> result = new ArrayList<>(sources);
        long[] furthest = new long[sources.size()];
        SnippetSource[] best = sources.toArray(new SnippetSource[0]);
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            open.add(i);
        }
        for (SnippetSource.Form form : SnippetSource.Form.values()) {
            if (open.isEmpty()) {
                break;
            }
            List<SnippetSource> candidates = open.stream().map(i -> sources.get(i).as(form)).toList();
            Map<Integer, Long> firstErrors = firstSyntaxErrors(candidates);
            List<Integer> stillOpen = new ArrayList<>();
            for (int k = 0; k < candidates.size(); k++) {
                int index = open.get(k);
                Long errorLine = firstErrors.get(k);
                if (errorLine == null) {
                    result.set(index, candidates.get(k));
                    continue;
                }
                if (errorLine > furthest[index]) {
                    furthest[index] = errorLine;
                    best[index] = candidates.get(k);
                }
                result.set(index, best[index]);
                stillOpen.add(index);
            }
            open = stillOpen;
        }
        return result;
    }

    /** For each candidate that does not parse, by its index, the line of its first syntax error. */
    private Map<Integer, Long> firstSyntaxErrors(List<SnippetSource> candidates) {
        List<JavaFileObject> files = candidates.stream().map(SnippetSource::file).toList();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavacTask task = (JavacTask) compiler.getTask(null, null, diagnostics, List.of("-proc:none", "--release", "17", "-Xmaxerrs", "1000000"),
                null, files);
        try {
            task.parse();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        Map<Integer, Long> first = new LinkedHashMap<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                int index = files.indexOf(diagnostic.getSource());
                first.merge(index, diagnostic.getLineNumber(), Math::min);
            }
        }
        return first;
    }
}

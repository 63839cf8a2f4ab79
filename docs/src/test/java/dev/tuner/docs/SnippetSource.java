package dev.tuner.docs;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;

/**
 * A snippet made a compilation unit, in one of three {@linkplain Form forms}:
 *
 * <ul>
 *   <li>{@link Form#UNIT}: the block is a Java file. With its own {@code package} line it is
 *       compiled exactly as written; otherwise it goes into a package of its own, after the
 *       {@linkplain #COMMON_IMPORTS common imports}.
 *   <li>{@link Form#MEMBERS}: the block is fields, methods and nested types, put in
 *       {@code class Snippet { ... }} after the common imports.
 *   <li>{@link Form#STATEMENTS}: the block is statements, put in
 *       {@code class Snippet { void snippet() throws Exception { ... } }} after the common imports.
 * </ul>
 *
 * <p>In the last two forms, {@code import} lines at the top of the block are moved to the imports.
 * One shorthand is compiled as if written out: an elided body {@code { ... }} is an empty body
 * after a type's header ({@code record Svm(double c) implements Model { ... }}) and a body that throws
 * after a method's ({@code double fit() { ... }}), so a snippet can leave out what it is not about.
 *
 * <p>The added text sits on the unit's first line, so line {@code n} of the block is line {@code n + 1}
 * of the unit; {@link #markdownLine(long, long)} maps back.
 */
final class SnippetSource {

    /** How a block is wrapped; the compiler tries them in this order. */
    enum Form {
        UNIT("a Java file"),
        MEMBERS("members of a class"),
        STATEMENTS("statements of a method");

        private final String description;

        Form(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    /**
     * The imports every snippet without a {@code package} line gets: the annotations, the user-facing
     * packages of tuner-core and tuner-runtime, {@code java.util}, {@code java.nio.file},
     * {@code java.time}, {@code MINIMIZE}/{@code MAXIMIZE} and JUnit's assertions. The distribution
     * classes of {@code dev.tuner.core.space} share simple names with the annotations, so only the
     * unambiguous ones are imported.
     */
    static final List<String> COMMON_IMPORTS = List.of(
            "dev.tuner.*",
            "static dev.tuner.Direction.*",
            "dev.tuner.core.study.*",
            "dev.tuner.core.trial.*",
            "dev.tuner.core.sampler.*",
            "dev.tuner.core.storage.*",
            "dev.tuner.core.space.Distribution",
            "dev.tuner.core.space.DistributionProvider",
            "dev.tuner.core.space.CustomDistribution",
            "dev.tuner.core.space.Scale",
            "dev.tuner.core.space.SearchSpace",
            "dev.tuner.core.inject.TrialContext",
            "dev.tuner.runtime.*",
            "java.util.*",
            "java.nio.file.*",
            "java.time.*",
            "static org.junit.jupiter.api.Assertions.*");

    static final String CLASS_NAME = "Snippet";

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?[\\w.]+(\\.\\*)?\\s*;\\s*(//.*)?$");
    private static final Pattern ELIDED_BODY = Pattern.compile("\\{ \\.\\.\\. \\}");
    private static final Pattern TYPE_HEADER = Pattern.compile("\\b(class|interface|enum|record)\\b");
    private static final Pattern PUBLIC_TOP_LEVEL_TYPE = Pattern.compile(
            "^public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|interface|enum|record|@interface)\\s+(\\w+)",
            Pattern.MULTILINE);
    private static final Pattern OWN_PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    private final Snippet snippet;
    private final Form form;
    private final String packageName;
    private final List<String> extraImports;
    /** The block's imports moved to the first line: the column each starts at, to the block line it came from. */
    private final TreeMap<Integer, Integer> hoisted = new TreeMap<>();
    private final String text;

    SnippetSource(Snippet snippet, Form form, List<String> extraImports) {
        this.snippet = snippet;
        this.form = form;
        this.extraImports = List.copyOf(extraImports);
        Matcher own = OWN_PACKAGE.matcher(stripLeadingComments(snippet.code()));
        this.packageName = form == Form.UNIT && own.lookingAt() ? own.group(1) : packageFor(snippet);
        this.text = render();
    }

    Snippet snippet() {
        return snippet;
    }

    Form form() {
        return form;
    }

    /** The same snippet in another form. */
    SnippetSource as(Form other) {
        return new SnippetSource(snippet, other, extraImports);
    }

    /** Whether the block brings its own {@code package} line, and so is compiled as written. */
    boolean hasOwnPackage() {
        return form == Form.UNIT && OWN_PACKAGE.matcher(stripLeadingComments(snippet.code())).lookingAt();
    }

    /** The compilation unit's text. */
    String text() {
        return text;
    }

    private String render() {
        String code = expandElidedBodies(snippet.code());
        if (hasOwnPackage()) {
            return code + "\n";
        }
        StringBuilder header = new StringBuilder("package ").append(packageName).append(";");
        for (String imported : COMMON_IMPORTS) {
            header.append(" import ").append(imported).append(";");
        }
        for (String imported : extraImports) {
            header.append(" import ").append(imported).append(";");
        }
        if (form != Form.UNIT) {
            // the block's own imports go where imports may stand; blank lines keep the others in place
            String[] lines = code.split("\n", -1);
            for (int i = 0; i < lines.length && (lines[i].isBlank() || IMPORT.matcher(lines[i]).matches()); i++) {
                if (!lines[i].isBlank()) {
                    header.append(' ');
                    hoisted.put(header.length() + 1, i + 1);   // 1-based column where the import starts
                    header.append(lines[i].replaceFirst("//.*$", "").strip());   // a comment would end the line
                    lines[i] = "";
                }
            }
            code = String.join("\n", lines);
        }
        return switch (form) {
            case UNIT -> header + "\n" + code + "\n";
            case MEMBERS -> header + " class " + CLASS_NAME + " {\n" + code + "\n}\n";
            case STATEMENTS -> header + " class " + CLASS_NAME + " { void snippet() throws Exception {\n" + code
                    + "\n}}\n";
        };
    }

    /**
     * The Markdown line of the unit's line {@code unitLine} (and {@code column}, on the first line,
     * where the block's own imports were moved), or 0 when it is text the test added: the package,
     * imports and wrapper on the first line, the closing braces after the block.
     */
    long markdownLine(long unitLine, long column) {
        if (unitLine == 1 && !hasOwnPackage()) {
            Map.Entry<Integer, Integer> imported = hoisted.floorEntry((int) column);
            return imported == null ? 0 : snippet.line() + imported.getValue() - 1;
        }
        long blockLine = hasOwnPackage() ? unitLine : unitLine - 1;
        long blockLines = snippet.code().split("\n", -1).length;
        if (blockLine < 1 || blockLine > blockLines) {
            return 0;
        }
        return snippet.line() + blockLine - 1;
    }

    /** The block's line {@code markdownLine} of the file, for messages. */
    String codeLine(long markdownLine) {
        String[] lines = snippet.code().split("\n", -1);
        int index = (int) (markdownLine - snippet.line());
        return index >= 0 && index < lines.length ? lines[index] : "";
    }

    /** The unit as a file the compiler reads; its name says which block it is. */
    JavaFileObject file() {
        String typeName = form == Form.UNIT ? publicTypeName(snippet.code()) : CLASS_NAME;
        URI uri = URI.create("string:///" + packageName.replace('.', '/') + "/" + typeName + ".java");
        return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
    }

    /**
     * {@code { ... }} written out: an empty body after a type's header, a throwing body after any
     * other (a method, a constructor, a lambda). Lines stay where they are.
     */
    static String expandElidedBodies(String code) {
        Matcher elided = ELIDED_BODY.matcher(code);
        StringBuilder expanded = new StringBuilder();
        while (elided.find()) {
            String before = code.substring(0, elided.start());
            int headerStart = Math.max(before.lastIndexOf(';'), Math.max(before.lastIndexOf('{'), before.lastIndexOf('}')));
            String header = before.substring(headerStart + 1);
            String body = TYPE_HEADER.matcher(header).find() ? "{ }" : "{ throw new UnsupportedOperationException(); }";
            elided.appendReplacement(expanded, Matcher.quoteReplacement(body));
        }
        elided.appendTail(expanded);
        return expanded.toString();
    }

    /** A package of its own for each block: {@code snippets.docs_trial_api_md.l42}. */
    static String packageFor(Snippet snippet) {
        String file = snippet.file().toString().replace('\\', '/').toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_");
        if (!Character.isLetter(file.charAt(0))) {
            file = "f" + file;
        }
        return "snippets." + file + ".l" + snippet.line();
    }

    private static String stripLeadingComments(String code) {
        return code.replaceFirst("^(\\s*(//[^\n]*\n|/\\*(?s:.*?)\\*/))*", "");
    }

    /** The public top-level type's name, which javac wants as the file's name; else {@value #CLASS_NAME}. */
    private static String publicTypeName(String code) {
        Matcher type = PUBLIC_TOP_LEVEL_TYPE.matcher(code);
        return type.find() ? type.group(1) : CLASS_NAME;
    }
}

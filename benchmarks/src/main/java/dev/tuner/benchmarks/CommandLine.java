package dev.tuner.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import joptsimple.ArgumentAcceptingOptionSpec;
import joptsimple.HelpFormatter;
import joptsimple.OptionDescriptor;
import joptsimple.OptionException;
import joptsimple.OptionParser;
import joptsimple.OptionSet;
import joptsimple.OptionSpec;
import joptsimple.ValueConversionException;
import joptsimple.ValueConverter;

/**
 * The command line of a benchmark's {@code main}: each option declared once, with its name, the
 * shape of its value, its default and a description, and parsed by jopt-simple (the parser JMH
 * itself uses).
 *
 * <pre>
 * static final CommandLine COMMAND = new CommandLine("benchmarks/run svm-digits [options]: ...");
 * static final OptionSpec&lt;Integer&gt; SEEDS = COMMAND.number("seeds", "seeds 0..N-1 per sampler", 10);
 *
 * public static void main(String[] args) {
 *     if (COMMAND.shouldHelp(args)) {
 *         COMMAND.showHelp(System.out);
 *         return;
 *     }
 *     int seeds = COMMAND.parse(args).get(SEEDS);
 * </pre>
 *
 * <p>{@code --help} (or {@code -h}) prints every option with its default. A mistake fails at once
 * with an {@link IllegalArgumentException} that names the option: an unknown option lists the
 * known ones, a missing or malformed value says what it must be. An option given twice keeps its
 * last value, so that the {@code --out} and {@code --reference} that {@code benchmarks/run} passes
 * before the user's options give way to the user's; a {@link #repeatable} option keeps them all.
 * Options are never abbreviated: {@code --seed} is not {@code --seeds}.
 */
public final class CommandLine {

    private static final String RESULTS = "benchmarks/target/results/";
    private static final int WIDTH = 110;

    private static final ValueConverter<Integer> WHOLE_NUMBER =
            converter(Integer.class, value -> Integer.valueOf(value.strip()), "must be a whole number");
    private static final ValueConverter<Double> DECIMAL =
            converter(Double.class, value -> Double.valueOf(value.strip()), "must be a number");
    private static final ValueConverter<Path> FILE = converter(Path.class, Path::of, "must be a path");
    private static final ValueConverter<List<String>> LIST =
            converter(listType(), CommandLine::split, "must be a list separated by commas");

    private final String usage;
    private final OptionParser parser = new OptionParser(false);
    private final List<String> names = new ArrayList<>();

    /**
     * A command line without options yet.
     *
     * @param usage the first line of {@code --help}: the command and what it does
     */
    public CommandLine(String usage) {
        this.usage = usage;
        parser.formatHelpWith(new Help());
        parser.acceptsAll(List.of("help", "h"), "print these options").forHelp();
    }

    /** An option whose value is a whole number, {@code defaultValue} when it is not given. */
    public OptionSpec<Integer> number(String name, String description, int defaultValue) {
        return declare(name, "N", description, WHOLE_NUMBER).defaultsTo(defaultValue);
    }

    /** An option whose value is a whole number, with no default: {@link Values#find} is empty without it. */
    public OptionSpec<Integer> number(String name, String description) {
        return declare(name, "N", description, WHOLE_NUMBER);
    }

    /** An option whose value is a number, {@code defaultValue} when it is not given. */
    public OptionSpec<Double> decimal(String name, String description, double defaultValue) {
        return declare(name, "X", description, DECIMAL).defaultsTo(defaultValue);
    }

    /** An option whose value is any text, shown as {@code shape} in the help; {@code defaultValue} without it. */
    public OptionSpec<String> text(String name, String shape, String description, String defaultValue) {
        return declare(name, shape, description).defaultsTo(defaultValue);
    }

    /** An option whose value is any text, with no default. */
    public OptionSpec<String> text(String name, String shape, String description) {
        return declare(name, shape, description);
    }

    /** An option that may be given any number of times, each value kept ({@link Values#all}). */
    public OptionSpec<String> repeatable(String name, String shape, String description) {
        return declare(name, shape, description);
    }

    /** An option whose value is a file or folder, {@code defaultValue} when it is not given. */
    public OptionSpec<Path> file(String name, String description, Path defaultValue) {
        return declare(name, "FILE", description, FILE).defaultsTo(defaultValue);
    }

    /** An option whose value is a file or folder, with no default. */
    public OptionSpec<Path> file(String name, String description) {
        return declare(name, "FILE", description, FILE);
    }

    /** {@code --out FILE}: where the results' JSON goes, by default {@code benchmarks/target/results/<fileName>}. */
    public OptionSpec<Path> out(String fileName) {
        return file("out", "where the results' JSON is written", Path.of(RESULTS + fileName));
    }

    /** {@code --commit SHA}: the git commit the results record, by default {@code TUNER_GIT_COMMIT}. */
    public OptionSpec<String> commit() {
        return text("commit", "SHA", "the git commit measured, recorded in the results",
                Optional.ofNullable(System.getenv("TUNER_GIT_COMMIT")).orElse("unknown"));
    }

    /** An option whose value is a list separated by commas, {@code a,b}; {@code defaultValue} when it is not given. */
    @SuppressWarnings("unchecked")
    public OptionSpec<List<String>> list(String name, String description, List<String> defaultValue) {
        return declare(name, "a,b", description, LIST).defaultsTo(defaultValue);
    }

    /** An option whose value is a list separated by commas ({@code a,b}), with no default. */
    public OptionSpec<List<String>> list(String name, String description) {
        return declare(name, "a,b", description, LIST);
    }

    /**
     * An option whose value is whole numbers of at least {@code least} separated by commas
     * ({@code 2,5,10}), {@code defaultValue} when it is not given.
     */
    @SuppressWarnings("unchecked")
    public OptionSpec<List<Integer>> numbers(String name, String description, int least, List<Integer> defaultValue) {
        return declare(name, "N,N", description, numbers(least)).defaultsTo(defaultValue);
    }

    /** An option whose value is whole numbers of at least {@code least} separated by commas, with no default. */
    public OptionSpec<List<Integer>> numbers(String name, String description, int least) {
        return declare(name, "N,N", description, numbers(least));
    }

    private ArgumentAcceptingOptionSpec<String> declare(String name, String shape, String description) {
        names.add("--" + name);
        return parser.accepts(name, description).withRequiredArg().describedAs(shape);
    }

    private <T> ArgumentAcceptingOptionSpec<T> declare(String name, String shape, String description,
            ValueConverter<T> converter) {
        return declare(name, shape, description).withValuesConvertedBy(converter);
    }

    /** Whether the arguments ask for {@code --help} (or {@code -h}), whatever else they hold. */
    public boolean shouldHelp(String... args) {
        return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
    }

    /** Prints the usage line and every option, with its value's shape, its description and its default. */
    public synchronized void showHelp(PrintStream out) {
        StringWriter options = new StringWriter();
        try {
            parser.printHelpOn(options);
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
        out.println(wrap(usage, 0));
        out.println();
        out.print(options);
    }

    /**
     * The options given.
     *
     * @throws IllegalArgumentException for an unknown option (naming the known ones), an option
     *     without its value, a value that is not what the option takes, or an argument that is no option
     */
    public synchronized Values parse(String... args) {
        OptionSet given;
        try {
            given = parser.parse(args);
            // jopt-simple converts a value when it is read; read them all now, so that a mistake fails here
            parser.recognizedOptions().values().forEach(given::valuesOf);
        } catch (OptionException mistake) {
            // the message says all that jopt-simple's exception does; its stack would only lengthen the user's
            throw new IllegalArgumentException(message(mistake));
        }
        if (!given.nonOptionArguments().isEmpty()) {
            throw new IllegalArgumentException("unexpected argument " + given.nonOptionArguments().get(0)
                    + ", not an option; " + known());
        }
        return new Values(given);
    }

    private String message(OptionException mistake) {
        String name = mistake.options().get(0);
        String option = (name.length() == 1 ? "-" : "--") + name;
        if (!parser.recognizedOptions().containsKey(name)) {
            return "unknown option " + option + "; " + known();
        }
        if (mistake.getCause() instanceof ValueConversionException malformed) {
            return option + " " + malformed.getMessage();
        }
        return "option " + option + " needs a value";
    }

    /** {@code use --a, --b or --c (--help describes them)}. */
    private String known() {
        String all = names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        return "use " + all + " (--help describes them)";
    }

    private static ValueConverter<List<Integer>> numbers(int least) {
        return converter(listType(), value -> {
            List<Integer> numbers = split(value).stream().map(Integer::valueOf).toList();
            if (numbers.isEmpty() || numbers.stream().anyMatch(n -> n < least)) {
                throw new IllegalArgumentException(value);
            }
            return numbers;
        }, "must be whole numbers of at least " + least + ", separated by commas, e.g. " + least + "," + (least + 1));
    }

    private static List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(entry -> !entry.isEmpty()).toList();
    }

    /**
     * A converter whose failure reads {@code <value> <expectation>}; this class puts the option's
     * name in front.
     */
    private static <T> ValueConverter<T> converter(Class<T> type, Function<String, T> parse, String expectation) {
        return new ValueConverter<>() {
            @Override
            public T convert(String value) {
                try {
                    return parse.apply(value);
                } catch (RuntimeException malformed) {
                    throw new ValueConversionException(value + " " + expectation, malformed);
                }
            }

            @Override
            public Class<T> valueType() {
                return type;
            }

            @Override
            public String valuePattern() {
                return null;
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Class<List<T>> listType() {
        return (Class) List.class;
    }

    /** The options a command line was given, each the last value given or else its default. */
    public static final class Values {

        private final OptionSet given;

        private Values(OptionSet given) {
            this.given = given;
        }

        /**
         * The option's last value, or its default.
         *
         * @throws IllegalStateException when it was not given and has no default
         */
        public <T> T get(OptionSpec<T> option) {
            return find(option).orElseThrow(() -> new IllegalStateException(option + " has no default; use find"));
        }

        /** The option's last value, or its default, or empty when it has none. */
        public <T> Optional<T> find(OptionSpec<T> option) {
            List<T> values = given.valuesOf(option);
            return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
        }

        /** Every value given to a {@linkplain #repeatable repeatable} option, in order. */
        public <T> List<T> all(OptionSpec<T> option) {
            return given.valuesOf(option);
        }

        /** Whether the option was given, rather than left at its default. */
        public boolean has(OptionSpec<?> option) {
            return given.has(option);
        }
    }

    /**
     * The options in the order they were declared, {@code --help} last: each with the shape of its
     * value, its description and its default, wrapped at spaces.
     */
    private static final class Help implements HelpFormatter {

        @Override
        public String format(Map<String, ? extends OptionDescriptor> options) {
            List<OptionDescriptor> rows = new ArrayList<>(new LinkedHashSet<>(options.values()));
            rows.removeIf(OptionDescriptor::representsNonOptions);
            rows.sort(Comparator.comparing(row -> row.options().contains("help")));
            Map<OptionDescriptor, String> heads = new LinkedHashMap<>();
            for (OptionDescriptor row : rows) {
                String names = row.options().stream().sorted(Comparator.comparing(String::length))
                        .map(name -> (name.length() == 1 ? "-" : "--") + name).collect(Collectors.joining(", "));
                heads.put(row, row.acceptsArguments() ? names + " <" + row.argumentDescription() + ">" : names);
            }
            int indent = 2 + heads.values().stream().mapToInt(String::length).max().orElse(0) + 2;
            StringBuilder help = new StringBuilder();
            heads.forEach((row, head) -> {
                String text = row.description() + (row.defaultValues().isEmpty() ? ""
                        : " (default: " + defaultValue(row.defaultValues()) + ")");
                help.append(String.format("  %-" + (indent - 2) + "s", head)).append(wrap(text, indent)).append('\n');
            });
            return help.toString();
        }

        private static String defaultValue(List<?> values) {
            Object value = values.size() == 1 ? values.get(0) : values;
            return value instanceof List<?> list ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
                    : String.valueOf(value);
        }
    }

    /** {@code text} in lines of at most {@value #WIDTH} characters, broken at spaces, each after the first indented. */
    private static String wrap(String text, int indent) {
        StringBuilder wrapped = new StringBuilder();
        int column = indent;
        for (String word : text.split(" ")) {
            if (column > indent && column + 1 + word.length() > WIDTH) {
                wrapped.append('\n').append(" ".repeat(indent));
                column = indent;
            } else if (column > indent) {
                wrapped.append(' ');
                column++;
            }
            wrapped.append(word);
            column += word.length();
        }
        return wrapped.toString();
    }
}

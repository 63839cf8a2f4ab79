package dev.tuner.engine;

import dev.tuner.core.output.StudyOutputs;
import dev.tuner.core.storage.JdbcStorage;
import dev.tuner.core.storage.Storages;
import java.util.Map;

/**
 * The configuration parameters of the tuner engine. Each can be given in
 * {@code junit-platform.properties}, as a {@code -D} system property, in a launcher request, or as
 * the Maven plugin's user property of the same name; a value given for the run takes precedence
 * over the {@code @Tune} annotation's attribute. The keys of the Maven goal's own settings are here
 * too, so that the goal and the engine share one vocabulary.
 *
 * <pre>
 * mvn tuner:tune -Dtuner.trials=500 -Dtuner.seed=1 -Dtuner.test=QuickstartTuning
 * </pre>
 *
 * <p>Keys are dotted lower case, one word between dots, as JUnit's are ({@code tuner.output.file}).
 * The options of a sampler or pruner, {@code tuner.<sampler>.<option>}, keep the name of the builder
 * method that sets them ({@code tuner.tpe.startupTrials}, {@code TpeSampler.builder().startupTrials(10)}).
 * Keys renamed to this style work under their old names until Tuner {@value #RENAMED_PROPERTY_NAMES_REMOVED_IN},
 * with a warning: {@link #RENAMED_PROPERTY_NAMES}.
 */
public final class Constants {

    /** Trial budget of every study in the run: a positive whole number. Key: {@value}. */
    public static final String TRIALS_PROPERTY_NAME = "tuner.trials";

    /** Sampler seed of every study in the run: a whole number. Key: {@value}. */
    public static final String SEED_PROPERTY_NAME = "tuner.seed";

    /**
     * Sampler of every study in the run, by name: {@code auto} (the default), {@code tpe}, {@code random},
     * {@code grid}, {@code qmc}, {@code cmaes} or {@code gp}; its options as {@code tuner.<sampler>.<option>}. Key: {@value}.
     */
    public static final String SAMPLER_PROPERTY_NAME = "tuner.sampler";

    /**
     * Pruner of every study in the run, by name ({@code median}, the default, {@code percentile},
     * {@code sh}, {@code hyperband} or {@code nop}); its options are the keys
     * {@code tuner.<pruner>.<option>}, e.g. {@code tuner.hyperband.maxResource=100}. Key: {@value}.
     */
    public static final String PRUNER_PROPERTY_NAME = "tuner.pruner";

    /**
     * How each trial's test is named: a pattern with {@code {number}}, {@code {params}},
     * {@code {value}} and {@code {state}}. Key: {@value}; default {@code #{number} {params} → {value}}.
     */
    public static final String DISPLAY_NAME_PROPERTY_NAME = "tuner.display.name";

    /**
     * How many trials of a study run at once, on threads of one JVM: a positive whole number. The
     * objective's code must then be thread-safe. Key: {@value}; default 1.
     */
    public static final String PARALLELISM_PROPERTY_NAME = "tuner.parallelism";

    /**
     * How long each study may start new trials: {@code 90s}, {@code 10m}, {@code 2h}, {@code 500ms} or
     * ISO-8601 ({@code PT10M}). Running trials finish. Key: {@value}; default: no limit.
     */
    public static final String TIMEOUT_PROPERTY_NAME = "tuner.timeout";

    /**
     * How long one trial may run before it fails (and is interrupted), in the same form as
     * {@link #TIMEOUT_PROPERTY_NAME}; the study goes on. Key: {@value}; default: no limit.
     */
    public static final String TRIAL_TIMEOUT_PROPERTY_NAME = "tuner.trial.timeout";

    /**
     * Directory the best-parameter files and reports go to, relative to the working directory. Key: {@value};
     * default {@value #OUTPUT_DIR_DEFAULT}, and for the Maven goal {@code ${project.build.directory}/tuner}.
     */
    public static final String OUTPUT_DIR_PROPERTY_NAME = "tuner.output.dir";

    /** Default of {@link #OUTPUT_DIR_PROPERTY_NAME}: {@value}. */
    public static final String OUTPUT_DIR_DEFAULT = "target/tuner";

    /**
     * Whether a run may replace a study's properties file and report page written from another
     * persistent storage: {@code true} or {@code false}. Each output names the storage it came from,
     * and by default a run from another storage (a scratch journal, {@code memory:}) writes its own
     * beside them as {@code <study>@<storage>.properties} and {@code .html}, does not merge into
     * {@link #OUTPUT_FILE_PROPERTY_NAME}, and warns. An in-memory storage never replaces a persistent
     * storage's outputs. Key: {@value}; default {@code false}.
     */
    public static final String OUTPUT_REPLACE_PROPERTY_NAME = StudyOutputs.REPLACE_SETTING;

    /**
     * Whether each study also writes an HTML report with plots to the output directory
     * ({@code <study>.html}, and {@code index.html} listing every study there): {@code true} or
     * {@code false}. Key: {@value}; default {@code true}.
     */
    public static final String REPORT_PROPERTY_NAME = "tuner.report";

    /**
     * Whether a study's report page and the index are rewritten while it runs (each saying the study
     * runs, and reloading itself in a browser), and when it stops before its end: {@code true} or
     * {@code false}; without it the report is written at the study's end only. Key: {@value};
     * default {@code true} (with {@link #REPORT_PROPERTY_NAME} true).
     */
    public static final String REPORT_LIVE_PROPERTY_NAME = "tuner.report.live";

    /**
     * After how many finished trials a running study's report is rewritten, unless
     * {@link #REPORT_LIVE_INTERVAL_PROPERTY_NAME} comes first: a positive whole number. Rewriting
     * never takes more than a tenth of the run's time, however large the study. Key: {@value};
     * default 10.
     */
    public static final String REPORT_LIVE_TRIALS_PROPERTY_NAME = "tuner.report.live.trials";

    /**
     * After how long a running study's report is rewritten, when fewer than
     * {@link #REPORT_LIVE_TRIALS_PROPERTY_NAME} trials finished, in the form of
     * {@link #TIMEOUT_PROPERTY_NAME}; also how often a browser reloads a running study's page. Key:
     * {@value}; default 10s.
     */
    public static final String REPORT_LIVE_INTERVAL_PROPERTY_NAME = "tuner.report.live.interval";

    /**
     * Whether the test of a search's best trial ({@code best #17 …}, shown after every trial's) prints
     * a summary of what the search found as its output: the best trial, its value and knobs, how many
     * trials, and where the best parameters and the report were written; {@code true} or
     * {@code false}. Tools that keep a test's output but not its report entries, as Surefire's
     * {@code TEST-*.xml}, have it that way. Key: {@value}; default {@code true} ({@code mvn tuner:tune}
     * sets {@code false}: its console prints that summary itself).
     */
    public static final String BEST_SUMMARY_PROPERTY_NAME = "tuner.best.summary";

    /**
     * Which test classes the console launcher ({@code mvn tuner:tune}) runs: comma-separated
     * class names, simple ({@code QuickstartTuning}) or qualified, with {@code *} as a wildcard.
     * Key: {@value}; default: every class.
     */
    public static final String TEST_PROPERTY_NAME = "tuner.test";

    /**
     * Where each study's trials are kept: {@code journal:<path>}, {@code memory:} or
     * {@code jdbc:postgresql://host:port/database} (credentials from {@code TUNER_JDBC_USER} and
     * {@code TUNER_JDBC_PASSWORD}). A study found there is resumed: its trials count toward the
     * budget and the sampler learns from them. Overrides {@code @Tune(storage)}. Key: {@value};
     * default {@value #STORAGE_DEFAULT}.
     */
    public static final String STORAGE_PROPERTY_NAME = "tuner.storage";

    /** Default of {@link #STORAGE_PROPERTY_NAME}: {@value}. */
    public static final String STORAGE_DEFAULT = Storages.DEFAULT;

    /**
     * How long a worker waits for the server of a {@code jdbc:postgresql:} storage that went away or
     * is not up yet (a restart, a failover, a network blip), in the form of {@link #TIMEOUT_PROPERTY_NAME}:
     * meanwhile every call is retried on a new connection, with a growing pause, and what it is to
     * write (a finished trial's result) is kept in memory; a longer outage fails the study, naming
     * this key. A journal or memory storage ignores it. Key: {@value}; default 60s.
     */
    public static final String STORAGE_OUTAGE_TIMEOUT_PROPERTY_NAME = JdbcStorage.OUTAGE_TIMEOUT_SETTING;

    /**
     * What a run does with each {@code @Tune} method: {@code search} runs its study; {@code best}
     * runs the objective once with the best known parameters (from the storage, else the
     * properties file in {@link #OUTPUT_DIR_PROPERTY_NAME}, else {@link #OUTPUT_FILE_PROPERTY_NAME},
     * else the production values {@code Tuned} reads: the file {@code tuner.properties} names, else the
     * classpath resource {@code tuner.properties}), and skips it when none are known, listing where it
     * looked; {@code off} skips it. Key: {@value}. When unset, a method
     * selected by itself (the IDE's run button next to it, {@code --select-method}) searches and
     * any other (a whole class or package, as Surefire selects: a plain {@code mvn test}) runs
     * {@code best}, so that an ordinary test run never starts a long search. {@code mvn tuner:tune}
     * sets {@code search}.
     */
    public static final String MODE_PROPERTY_NAME = "tuner.mode";

    /**
     * A properties file of knob values (e.g. last run's best) that a new study tries as its first
     * trial; the sampler draws the knobs it does not name. The trial is enqueued in the study's
     * storage, so the first worker to start a trial runs it, and it waits there across a crash
     * until one does. Or an Optuna journal (told by its content: JSON lines with an {@code op_code}),
     * whose trials the study takes as its own, matched to its knobs by name. Ignored for a study that
     * has trials already, waiting ones included. Key: {@value}; default: none.
     */
    public static final String WARM_START_PROPERTY_NAME = "tuner.warm.start";

    /**
     * A properties file the best parameters of every study are also merged into, e.g.
     * {@code src/main/resources/tuner.properties} for {@code Tuned} to read in production. Keys of
     * other knobs in the file are kept. Key: {@value}; default: none.
     */
    public static final String OUTPUT_FILE_PROPERTY_NAME = "tuner.output.file";

    /**
     * How often a running study publishes its progress line (trials done, best so far, rate, ETA)
     * as a report entry, in the form of {@link #TIMEOUT_PROPERTY_NAME}. Key: {@value}; default
     * 10s ({@code mvn tuner:tune} refreshes it twice a second on a terminal).
     */
    public static final String PROGRESS_INTERVAL_PROPERTY_NAME = "tuner.progress.interval";

    /**
     * Whether failed trials are made up for: {@code true} leaves them out of the trial budget, so
     * that a study killed mid-trial, or one with flaky trials, still gets its budget of finished
     * ones; a trial whose worker died is run again with the same values, once. The study gives up
     * once more trials failed than its budget. Default {@code false}. Key: {@value}.
     */
    public static final String RETRY_FAILED_PROPERTY_NAME = "tuner.retry.failed";

    /** Skips the Maven goal: {@code true} or {@code false}. Read by the goal only. Key: {@value}; default {@code false}. */
    public static final String SKIP_PROPERTY_NAME = "tuner.skip";

    /**
     * JVM options of the JVM the Maven goal forks to run the studies, as Surefire's {@code argLine}
     * ({@code -Xmx4g}). Read by the goal only. Key: {@value}; default: none.
     */
    public static final String ARG_LINE_PROPERTY_NAME = "tuner.arg.line";

    /**
     * The project property that the {@code prepare-agent} goal sets to the Tuner agent's
     * {@code -javaagent} option, before the property's earlier value, as JaCoCo's {@code propertyName}
     * does. Read by the goal only. Key: {@value}; default {@code argLine}, Surefire's.
     */
    public static final String AGENT_PROPERTY_PROPERTY_NAME = "tuner.agent.property";

    /** The {@code java} executable of the JVM the Maven goal forks. Read by the goal only. Key: {@value}; default: Maven's. */
    public static final String JVM_PROPERTY_NAME = "tuner.jvm";

    /**
     * The directory the {@code package-worker} goal writes a worker that runs without Maven to. Read by
     * that goal only. Key: {@value}; default: {@code target/tuner-worker}.
     */
    public static final String WORKER_DIRECTORY_PROPERTY_NAME = "tuner.worker.directory";

    /**
     * The studies the {@code export} goal writes as an Optuna journal, comma-separated full names
     * ({@code com.acme.ClassifierTuning.validationAccuracy}). Read by that goal only. Key: {@value};
     * required.
     */
    public static final String EXPORT_STUDY_PROPERTY_NAME = "tuner.export.study";

    /**
     * The Optuna journal file the {@code export} goal writes, replacing it. Read by that goal only.
     * Key: {@value}; default: {@code target/tuner/optuna-journal.log}.
     */
    public static final String EXPORT_FILE_PROPERTY_NAME = "tuner.export.file";

    /**
     * The {@code <server>} of the Maven settings whose login the Maven goal hands to a
     * {@code jdbc:postgresql:} storage. Read by the goal only. Key: {@value}; default: a server
     * {@code tuner}, if the settings have one.
     */
    public static final String JDBC_SERVER_ID_PROPERTY_NAME = "tuner.jdbc.server.id";

    /**
     * Keys renamed to dotted lower case, each new key by its old one. An old key still works until Tuner
     * {@value #RENAMED_PROPERTY_NAMES_REMOVED_IN}: the engine and the Maven goal apply it under its new key
     * and warn, naming both and where the old key was given; both keys with different values are an error.
     */
    public static final Map<String, String> RENAMED_PROPERTY_NAMES = Map.of(
            "tuner.displayname", DISPLAY_NAME_PROPERTY_NAME,
            "tuner.warmstart", WARM_START_PROPERTY_NAME,
            "tuner.outputFile", OUTPUT_FILE_PROPERTY_NAME,
            "tuner.outputDirectory", OUTPUT_DIR_PROPERTY_NAME,
            "tuner.argLine", ARG_LINE_PROPERTY_NAME,
            "tuner.jdbcServerId", JDBC_SERVER_ID_PROPERTY_NAME);

    /** The release whose engine and Maven goal no longer read the old keys of {@link #RENAMED_PROPERTY_NAMES}: {@value}. */
    public static final String RENAMED_PROPERTY_NAMES_REMOVED_IN = "0.2";

    /** Report entry on a study's container: its best trial, as {@code #17 x=0.5 → 0.25}. */
    public static final String BEST_ENTRY = "tuner.best";

    /** Report entry on a study's container: how many trials it holds at the end, not counting enqueued ones still waiting. */
    public static final String TRIALS_ENTRY = "tuner.trials";

    /** Report entry on a study's container: the sampler's seed. */
    public static final String SEED_ENTRY = "tuner.seed";

    /** Report entry on a study's container, present when its best trial was found by an earlier run than this one. */
    public static final String BEST_FROM_EARLIER_RUN_ENTRY = "tuner.best.earlier";

    /**
     * Report entry on a study's container: its sampler by name and, for {@code auto}, which sampler
     * it picked from which trial on, and why.
     */
    public static final String SAMPLER_ENTRY = "tuner.sampler";

    /**
     * Report entry on the container of a study of several objectives: how its best trial
     * ({@link #BEST_ENTRY}, the one its properties hold) was picked from its Pareto set, as
     * {@code knee of 7 Pareto trials}.
     */
    public static final String PICKED_ENTRY = "tuner.picked";

    /** Report entry on the container of a study of several objectives: the Pareto set file written ({@code <study>.pareto.csv}). */
    public static final String PARETO_ENTRY = "tuner.pareto";

    /** Report entry on a study's container: the best-parameters file written. */
    public static final String PROPERTIES_ENTRY = "tuner.properties";

    /** Report entry on a study's container: the HTML report page written, unless {@link #REPORT_PROPERTY_NAME} is false. */
    public static final String REPORT_ENTRY = "tuner.report";

    /** Report entry on a study's container while it runs: its progress line. */
    public static final String PROGRESS_ENTRY = "tuner.progress";

    /** Report entry on a resumed study's container: how many trials its storage held already. */
    public static final String RESUMED_ENTRY = "tuner.resumed";

    /** Report entry on a resumed study's container: how many of the trials it found had failed. */
    public static final String RESUMED_FAILED_ENTRY = "tuner.resumed.failed";

    /**
     * Report entry on a study's container: what its end left as it was, and why, one message a line;
     * e.g. the outputs of another storage it did not replace; or known values that name the knobs the
     * study suggests by their bare names, as Tuner 0.1 wrote them.
     */
    public static final String WARNING_ENTRY = "tuner.warning";

    /** Report entry on the container of a best run or a replay: where the parameters came from. */
    public static final String SOURCE_ENTRY = "tuner.source";

    /**
     * Report entry on a trial's test, published as it ends: the trial as {@link #DISPLAY_NAME_PROPERTY_NAME}
     * lays it out then, with every knob it read and its value ({@code #17 x=0.5 y=2 → 0.25}). The test's
     * name was given at its start, when only the knobs drawn up front were known.
     */
    public static final String TRIAL_ENTRY = "tuner.trial";

    /** Report entry on a trial's test, as it ends: its state, {@code complete}, {@code pruned} or {@code fail}. */
    public static final String STATE_ENTRY = "tuner.state";

    /**
     * Report entry on a trial's test, as it ends, if it has one: its objective value, in full precision.
     * A trial of several objectives publishes one entry per objective instead, this key, a dot and the
     * objective's name ({@code tuner.value.accuracy}).
     */
    public static final String VALUE_ENTRY = "tuner.value";

    /**
     * Report entry on a trial's test that recorded constraints, as it ends: {@code true} when every
     * constraint is met, else {@code false}; each constraint's value follows under this key's prefix
     * {@code tuner.constraint.} and its name ({@code tuner.constraint.latencyMs}), at most 0 when met.
     */
    public static final String FEASIBLE_ENTRY = "tuner.feasible";

    /** The prefix of the report entries of a trial's constraint values: {@value}, then the constraint's name. */
    public static final String CONSTRAINT_ENTRY_PREFIX = "tuner.constraint.";

    /** Report entry on a trial's test, as it ends: every knob it read, {@code full.name=value}, one a line. */
    public static final String PARAMS_ENTRY = "tuner.params";

    private Constants() {}
}

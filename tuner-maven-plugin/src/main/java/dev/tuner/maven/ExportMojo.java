package dev.tuner.maven;

import dev.tuner.core.optuna.OptunaExport;
import dev.tuner.core.storage.Storage;
import dev.tuner.core.storage.Storages;
import dev.tuner.engine.Constants;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Writes studies of a storage as an Optuna journal, which {@code optuna.load_study}, optuna-dashboard
 * and the other readers of Optuna's JournalStorage open:
 *
 * <pre>
 * mvn tuner:export -Dtuner.export.study=com.acme.ClassifierTuning.validationAccuracy
 * python -c "import optuna; from optuna.storages import JournalStorage; from optuna.storages.journal import JournalFileBackend;
 *   s = optuna.load_study(study_name='com.acme.ClassifierTuning.validationAccuracy',
 *                         storage=JournalStorage(JournalFileBackend('target/tuner/optuna-journal.log'))); print(s.best_trial)"
 * </pre>
 *
 * <p>The project's tests are compiled first, and read on their class path: a knob whose options are
 * enum constants or a sealed type's branches is stored by their classes' names.
 * It reads the storage the {@code tune} goal writes ({@code tuner.storage}, by default the project's
 * {@code target/tuner/journal.jsonl}); a relative journal path is the project's. A
 * {@code jdbc:postgresql:} storage needs the driver among the plugin's dependencies, as Maven's own JVM
 * reads it, and the login in {@code TUNER_JDBC_USER} and {@code TUNER_JDBC_PASSWORD}. The mapping of
 * distributions is in {@code docs/coming-from-optuna.md}.
 */
@Mojo(name = "export", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
@Execute(phase = LifecyclePhase.TEST_COMPILE)
public class ExportMojo extends AbstractTunerMojo {

    /** The project, whose directory relative paths start from. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /**
     * The studies to write, comma-separated full names: {@code <test class binary name>.<@Tune method>},
     * as the {@code tune} goal prints them. Example: {@code -Dtuner.export.study=com.acme.ClassifierTuning.validationAccuracy}.
     */
    @Parameter(property = Constants.EXPORT_STUDY_PROPERTY_NAME)
    private String exportStudy;

    /** The Optuna journal to write, replacing it. Default: {@code ${project.build.directory}/tuner/optuna-journal.log}. */
    @Parameter(property = Constants.EXPORT_FILE_PROPERTY_NAME, defaultValue = "${project.build.directory}/tuner/optuna-journal.log")
    private File exportFile;

    /**
     * The storage the studies are in: {@code journal:<path>} (relative to the project), or
     * {@code jdbc:postgresql://host:port/db}. Default: {@code journal:target/tuner/journal.jsonl}.
     */
    @Parameter(property = Constants.STORAGE_PROPERTY_NAME)
    private String storage;

    @Override
    protected void executeTuner() throws MojoExecutionException, MojoFailureException {
        if (exportStudy == null || exportStudy.isBlank()) {
            throw new MojoFailureException("No study to export: give " + Constants.EXPORT_STUDY_PROPERTY_NAME
                    + "=<test class binary name>.<@Tune method> (comma-separated for several), as the tune goal prints"
                    + " the study names, e.g. -D" + Constants.EXPORT_STUDY_PROPERTY_NAME + "=com.acme.ClassifierTuning.validationAccuracy");
        }
        List<String> studies = Arrays.stream(exportStudy.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
        String spec = projectStorage(storage == null || storage.isBlank() ? Storages.DEFAULT : storage.strip());
        Map<String, Integer> written;
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader projectClasses = new URLClassLoader(testClasspath(), getClass().getClassLoader())) {
            // the storage names the classes of enum and sealed-type options, which only the project's class path holds
            thread.setContextClassLoader(projectClasses);
            try (Storage opened = Storages.openToRead(spec).orElseThrow(() -> new IllegalArgumentException("storage " + spec
                    + " holds no study (a journal that does not exist, or memory:); run mvn tuner:tune first, or give "
                    + Constants.STORAGE_PROPERTY_NAME + " the storage the studies were run in"))) {
                written = OptunaExport.write(opened, studies, exportFile.toPath());
            }
        } catch (IllegalArgumentException | IllegalStateException invalid) {
            throw new MojoFailureException("Could not export to " + exportFile + ": " + invalid.getMessage(), invalid);
        } catch (UncheckedIOException | IOException failed) {
            throw new MojoExecutionException("Could not export to " + exportFile + ": " + failed.getMessage(), failed);
        } finally {
            thread.setContextClassLoader(before);
        }
        Path shown = project.getBasedir().toPath().relativize(exportFile.toPath().toAbsolutePath());
        written.forEach((study, trials) -> getLog().info("Exported study " + study + " (" + trials + " trials) of " + spec));
        getLog().info("Optuna journal written to " + shown + ": optuna.load_study(study_name=..., storage="
                + "JournalStorage(JournalFileBackend('" + shown + "'))) reads it");
    }

    private URL[] testClasspath() throws MojoExecutionException {
        try {
            List<String> elements = project.getTestClasspathElements();
            URL[] urls = new URL[elements.size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = new File(elements.get(i)).toURI().toURL();
            }
            return urls;
        } catch (DependencyResolutionRequiredException | MalformedURLException failed) {
            throw new MojoExecutionException("Could not resolve the project's test class path: " + failed.getMessage(), failed);
        }
    }

    /** A relative journal path made the project's, as the tune goal's forked JVM reads it. */
    private String projectStorage(String spec) {
        if (!spec.startsWith("journal:")) {
            return spec;
        }
        String path = spec.substring("journal:".length());
        Path file = Path.of(path.isEmpty() ? Storages.DEFAULT_JOURNAL : path);
        return "journal:" + (file.isAbsolute() ? file : project.getBasedir().toPath().resolve(file));
    }
}

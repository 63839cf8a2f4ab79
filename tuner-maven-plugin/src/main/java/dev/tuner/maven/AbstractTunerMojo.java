package dev.tuner.maven;

import dev.tuner.engine.Constants;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/** Base of the tuner goals: handles {@code tuner.skip}, then does the goal's work. */
public abstract class AbstractTunerMojo extends AbstractMojo {

    /** Skips the goal. */
    @Parameter(property = Constants.SKIP_PROPERTY_NAME, defaultValue = "false")
    private boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping tuner: " + Constants.SKIP_PROPERTY_NAME + " is set");
            return;
        }
        executeTuner();
    }

    /** The goal's work, when it is not skipped. */
    protected abstract void executeTuner() throws MojoExecutionException, MojoFailureException;
}

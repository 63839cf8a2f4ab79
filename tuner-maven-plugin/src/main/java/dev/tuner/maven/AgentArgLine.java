package dev.tuner.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The value the {@code prepare-agent} goal gives Surefire's {@code argLine}: the Tuner agent's
 * {@code -javaagent} option, then the property's earlier value without an earlier Tuner agent
 * option (so running the goal twice gives it once), as JaCoCo's {@code prepare-agent} does.
 */
final class AgentArgLine {

    private AgentArgLine() {}

    /** {@code -javaagent:<agentJar>} before the options of {@code earlier} (null or blank for none). */
    static String prepend(Path agentJar, String earlier) {
        String option = "-javaagent:" + agentJar;
        List<String> parts = new ArrayList<>();
        parts.add(option.chars().anyMatch(Character::isWhitespace) ? '"' + option + '"' : option);
        for (String kept : JvmOptions.split(earlier)) {
            if (!isTunerAgent(kept)) {
                parts.add(kept.chars().anyMatch(Character::isWhitespace) ? '"' + kept + '"' : kept);
            }
        }
        return String.join(" ", parts);
    }

    /** A {@code -javaagent} option naming a tuner-core jar. */
    private static boolean isTunerAgent(String option) {
        if (!option.startsWith("-javaagent:")) {
            return false;
        }
        String jar = option.substring("-javaagent:".length());
        int argument = jar.indexOf('=');
        String name = Path.of(argument < 0 ? jar : jar.substring(0, argument)).getFileName().toString();
        return name.startsWith("tuner-core") && name.endsWith(".jar");
    }
}

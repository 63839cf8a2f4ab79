package dev.tuner.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Properties;

/**
 * Where a configuration parameter of the run was given, for messages about it: a {@code -D} system
 * property, {@code junit-platform.properties}, or the launch request itself (an IDE, the console
 * runner, a test kit). JUnit's {@code ConfigurationParameters} does not say, so this looks where the
 * platform looks, and names the first place that holds the parameter with its value.
 */
final class SettingOrigins {

    static final String SYSTEM_PROPERTY = "a -D system property";
    static final String PROPERTIES_FILE = "in junit-platform.properties";
    static final String LAUNCH_REQUEST = "a configuration parameter of the launch";

    private static final String PROPERTIES_FILE_NAME = "junit-platform.properties";

    private SettingOrigins() {}

    /** Where the parameter {@code key} with {@code value} was given. */
    static String of(String key, String value) {
        if (value.equals(System.getProperty(key))) {
            return SYSTEM_PROPERTY;
        }
        if (value.equals(propertiesFile().getProperty(key))) {
            return PROPERTIES_FILE;
        }
        return LAUNCH_REQUEST;
    }

    /** The {@code junit-platform.properties} the platform reads: the first on the default class loader. */
    private static Properties propertiesFile() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL file = (loader == null ? SettingOrigins.class.getClassLoader() : loader).getResource(PROPERTIES_FILE_NAME);
        Properties properties = new Properties();
        if (file != null) {
            try (InputStream in = file.openStream()) {
                properties.load(in);
            } catch (IOException unreadable) {
                // the platform could not read it either, and said so; the origin is only for a message
            }
        }
        return properties;
    }
}

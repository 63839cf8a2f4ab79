package dev.tuner.benchmarks.overhead;

import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The live objects of this JVM's heap by class, as {@code jcmd <pid> GC.class_histogram} prints
 * them (which first collects the garbage): the count and bytes of each class's instances. The
 * difference of two shows what a piece of work left reachable.
 */
public record ClassHistogram(Map<String, long[]> classes) {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    /** The histogram of this JVM's heap now, after a full collection. */
    public static ClassHistogram take() {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            return parse((String) text);
        } catch (JMException unavailable) {
            throw new IllegalStateException("this JVM cannot take a class histogram (the DiagnosticCommand MBean: "
                    + unavailable.getMessage() + "); run the overhead benchmark on a HotSpot JDK", unavailable);
        }
    }

    /** Reads the text of {@code GC.class_histogram}: rows of {@code num: instances bytes class}. */
    static ClassHistogram parse(String text) {
        Map<String, long[]> classes = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                classes.merge(row.group(3), new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        return new ClassHistogram(classes);
    }

    /**
     * The {@code limit} classes whose instances grew most in bytes since {@code before}, largest
     * first, each as {@code {class, instances, bytes}} (the growth).
     */
    public List<Map<String, Object>> growthSince(ClassHistogram before, int limit) {
        return classes.entrySet().stream()
                .map(entry -> {
                    long[] earlier = before.classes.getOrDefault(entry.getKey(), new long[2]);
                    Map<String, Object> growth = new LinkedHashMap<>();
                    growth.put("class", entry.getKey());
                    growth.put("instances", entry.getValue()[0] - earlier[0]);
                    growth.put("bytes", entry.getValue()[1] - earlier[1]);
                    return growth;
                })
                .filter(growth -> (long) growth.get("bytes") > 0)
                .sorted(Comparator.comparingLong((Map<String, Object> growth) -> (long) growth.get("bytes")).reversed())
                .limit(limit)
                .toList();
    }

    /** How many live instances of the named class there are. */
    long instances(String className) {
        long[] count = classes.get(className);
        return count == null ? 0 : count[0];
    }

    /** The bytes of every live object. */
    public long totalBytes() {
        return classes.values().stream().mapToLong(count -> count[1]).sum();
    }
}

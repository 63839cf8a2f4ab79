package dev.tuner.core.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys Tuner 0.1 wrote for the knobs a {@code @Tune} method suggests through its {@code Trial}:
 * their bare names ({@code rounds}), which clash between studies. Such a knob's name is now its
 * study's name and its own ({@code com.acme.BoostTuning.accuracy.rounds}), as a parameter's is.
 *
 * <p>Every other knob's full name holds a dot (a class's binary name, then a member), so a key
 * without one can only be such a bare name. A bare name with a dot ({@code optimizer.lr}) cannot be
 * told from a full name, and is not recognized. Bare keys are read, with a warning, until Tuner 0.2.
 */
final class BareKeys {

    /** The last Tuner release that reads bare keys. */
    static final String LAST_RELEASE = "0.2";

    private BareKeys() {}

    static boolean isBare(String key) {
        return key.indexOf('.') < 0;
    }

    /** The bare keys of {@code values}, in their order, that the study's own full name does not also give. */
    static List<String> of(Map<String, ?> values, String studyName) {
        List<String> bare = new ArrayList<>();
        for (String key : values.keySet()) {
            if (isBare(key) && !values.containsKey(qualified(studyName, key))) {
                bare.add(key);
            }
        }
        return bare;
    }

    /** {@code values} with each bare key renamed to the study's full name, or dropped when that name is there too. */
    static Map<String, ?> qualify(Map<String, ?> values, String studyName) {
        Map<String, Object> qualified = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (!isBare(key)) {
                qualified.put(key, value);
            } else if (!values.containsKey(qualified(studyName, key))) {
                qualified.put(qualified(studyName, key), value);
            }
        });
        return qualified;
    }

    static String qualified(String studyName, String key) {
        return studyName + "." + key;
    }
}

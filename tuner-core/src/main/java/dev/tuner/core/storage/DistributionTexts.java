package dev.tuner.core.storage;

import dev.tuner.core.json.DistributionJson;
import dev.tuner.core.space.Distribution;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The JSON of the distributions a journal's {@code param} records name, as UTF-8, each written
 * once. An annotated knob hands the same distribution object to every trial, so it is found by
 * identity; a define-by-run knob ({@code trial.suggestFloat("x", 0, 1)}) makes an equal object
 * each trial, so the knob's last distribution is kept by name and compared. Neither hashes a
 * distribution: the first {@code hashCode} of a record spins method handles, tens of milliseconds
 * of a study's first trial. Both maps are bounded. {@link JournalCodec} is the way in. Not
 * thread-safe.
 */
final class DistributionTexts {

    private static final int KEPT = 256;

    private final Map<Distribution, byte[]> byIdentity = new IdentityHashMap<>();
    private final Map<String, Written> lastByKnob = new RecentlyUsed<>(KEPT);

    /** The JSON of {@code distribution}, which knob {@code knob} reads. */
    byte[] json(String knob, Distribution distribution) {
        byte[] json = byIdentity.get(distribution);
        if (json != null) {
            return json;
        }
        Written last = lastByKnob.get(knob);
        if (last != null && last.distribution.equals(distribution)) {
            return last.json; // an equal object, made anew for this trial
        }
        json = DistributionJson.write(distribution).getBytes(StandardCharsets.UTF_8);
        lastByKnob.put(knob, new Written(distribution, json));
        if (byIdentity.size() >= KEPT) {
            byIdentity.clear();
        }
        byIdentity.put(distribution, json);
        return json;
    }

    private record Written(Distribution distribution, byte[] json) {}
}

package dev.tuner.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class StudySummaryTest {

    private static final StudySummary SUMMARY = new StudySummary("com.acme.T.accuracy", "com.acme.T.accuracy.html",
            "maximize", 200, 180, 12, 8, 0.9731, 57, "2026-11-22T10:15:30Z", "journal:target/tuner/journal.jsonl");

    @Test
    void isWrittenAsAJsonObjectOfItsComponentsInOrder() {
        assertThat(SUMMARY.toJson()).isEqualTo("{\"study\":\"com.acme.T.accuracy\",\"page\":\"com.acme.T.accuracy.html\","
                + "\"direction\":\"maximize\",\"trials\":200,\"complete\":180,\"pruned\":12,\"failed\":8,"
                + "\"best\":0.9731,\"bestTrial\":57,\"written\":\"2026-11-22T10:15:30Z\","
                + "\"storage\":\"journal:target/tuner/journal.jsonl\"}");
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        StudySummary none = new StudySummary("s \"quoted\" </script>", "s.html", "minimize", 3, 0, 0, 3, null, null, "w", null);

        assertThat(StudySummary.fromJson(SUMMARY.toJson())).isEqualTo(SUMMARY);
        assertThat(StudySummary.fromJson(none.toJson())).isEqualTo(none);
    }

    @Test
    void skipsFieldsOfALaterVersionAndLeavesMissingOnesEmpty() throws IOException {
        StudySummary read = StudySummary.fromJson("{\"extra\":{\"nested\":[1,{\"study\":\"no\"}]},\"study\":\"s\","
                + "\"trials\":4,\"more\":[\"x\"]}");

        assertThat(read).isEqualTo(new StudySummary("s", null, null, 4, 0, 0, 0, null, null, null, null));
    }

    @Test
    void aSummaryWithoutAStudyOrNotAnObjectIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> StudySummary.fromJson("{\"trials\":4}"))
                .withMessageContaining("names no study");
        assertThatIllegalArgumentException().isThrownBy(() -> StudySummary.fromJson("[1, 2]"))
                .withMessageContaining("not a JSON object");
        assertThatThrownBy(() -> StudySummary.fromJson("{\"study\": ")).isInstanceOf(IOException.class);
    }
}

package dev.tuner.core.trial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrialFailureTest {

    @Test
    void describesTypeMessageAndPlace() {
        TrialFailure failure = new TrialFailure("java.lang.IllegalStateException", "boom", "Foo.bar(Foo.java:12)");

        assertThat(failure.describe()).isEqualTo("java.lang.IllegalStateException: boom (at Foo.bar(Foo.java:12))");
    }

    @Test
    void leavesOutWhatIsNotKnown() {
        assertThat(new TrialFailure("java.lang.Error", null, null).describe()).isEqualTo("java.lang.Error");
        assertThat(new TrialFailure("java.lang.Error", "", "X.y(X.java:1)").describe())
                .isEqualTo("java.lang.Error (at X.y(X.java:1))");
    }

    @Test
    void takesTheTopFrameOfAThrowable() {
        RuntimeException cause = new UnsupportedOperationException("no");

        TrialFailure failure = TrialFailure.of(cause);

        assertThat(failure.type()).isEqualTo("java.lang.UnsupportedOperationException");
        assertThat(failure.message()).isEqualTo("no");
        assertThat(failure.where()).isEqualTo(cause.getStackTrace()[0].toString())
                .startsWith(TrialFailureTest.class.getName() + ".takesTheTopFrameOfAThrowable(");
    }

    @Test
    void reflectionsWrapperGivesWayToWhatItWraps() {
        IllegalStateException inner = new IllegalStateException("knob 'x' is invalid");
        TrialFailure failure = TrialFailure.of(new java.lang.reflect.InvocationTargetException(
                new java.lang.reflect.UndeclaredThrowableException(inner)));

        assertThat(failure.type()).isEqualTo(IllegalStateException.class.getName());
        assertThat(failure.message()).isEqualTo("knob 'x' is invalid");
        assertThat(failure.where()).isEqualTo(inner.getStackTrace()[0].toString());
    }

    @Test
    void aThrowableWithoutMessageOrTraceGivesEmptyParts() {
        RuntimeException cause = new RuntimeException((String) null, null, false, false) {};

        TrialFailure failure = TrialFailure.of(cause);

        assertThat(failure.message()).isEmpty();
        assertThat(failure.where()).isEmpty();
    }
}

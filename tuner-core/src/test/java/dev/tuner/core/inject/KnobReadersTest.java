package dev.tuner.core.inject;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tuner.IntUniform;
import dev.tuner.KnobAnnotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;

/** Which classes the agent hands to Byte Buddy: those that may read a knob, judged on class files. */
class KnobReadersTest {

    private final KnobReaders readers = new KnobReaders();

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @KnobAnnotation(Object.class)
    @interface Custom {}

    static class WithKnob {
        @IntUniform(min = 1, max = 3)
        int width = 1;
    }

    static class WithCustomKnob {
        @Custom
        int depth = 1;
    }

    static class WithKnobMethod {
        @IntUniform(min = 1, max = 3)
        int width() {
            return 1;
        }
    }

    static class Sub extends WithKnob {}

    static class ReadsAKnob {
        int read(WithKnob source) {
            return source.width;
        }
    }

    static class ReadsAnInheritedKnob {
        int read(Sub source) {
            return source.width;
        }
    }

    static class ReadsACustomKnob {
        int read(WithCustomKnob source) {
            return source.depth;
        }
    }

    static class ReadsNoKnob {
        int read(Sub source, java.awt.Point point) {
            return point.x + source.hashCode();
        }
    }

    private boolean mayReadKnobs(Class<?> type) {
        return readers.loadedClassMayReadKnobs(type.getName().replace('.', '/'), type.getClassLoader());
    }

    @Test
    void classesDeclaringKnobsAreChosen() {
        assertThat(mayReadKnobs(WithKnob.class)).isTrue();
        assertThat(mayReadKnobs(WithKnobMethod.class)).isTrue();
        assertThat(mayReadKnobs(WithCustomKnob.class)).isTrue();
    }

    @Test
    void classesReadingAKnobFieldAreChosenThroughTheFieldsClass() {
        assertThat(mayReadKnobs(ReadsAKnob.class)).isTrue();
        assertThat(mayReadKnobs(ReadsAnInheritedKnob.class)).isTrue();
        assertThat(mayReadKnobs(ReadsACustomKnob.class)).isTrue();
    }

    @Test
    void otherClassesAreLeftAlone() {
        assertThat(mayReadKnobs(ReadsNoKnob.class)).isFalse();
        assertThat(mayReadKnobs(Sub.class)).as("inherits knobs, but reads none itself").isFalse();
        assertThat(mayReadKnobs(KnobReadersTest.class)).isFalse();
        assertThat(readers.loadedClassMayReadKnobs("java/lang/String", null)).isFalse();
    }

    @Test
    void librariesAndTunersOwnClassesAreAnsweredWithoutReadingTheirClassFiles() throws Exception {
        byte[] notAClassFile = {1, 2, 3};
        ClassLoader loader = getClass().getClassLoader();

        assertThat(readers.mayReadKnobs("com/fasterxml/jackson/core/JsonFactory", notAClassFile, loader, null)).isFalse();
        assertThat(readers.mayReadKnobs("org/junit/platform/launcher/Launcher", notAClassFile, loader, null)).isFalse();
        assertThat(readers.mayReadKnobs("dev/tuner/core/study/Study", notAClassFile, loader,
                KnobReaders.class.getProtectionDomain())).isFalse();
    }

    @Test
    void aUsersClassIsStillJudgedOnItsClassFile() throws Exception {
        byte[] classFile;
        try (var in = getClass().getResourceAsStream("KnobReadersTest$ReadsAKnob.class")) {
            classFile = in.readAllBytes();
        }
        String name = ReadsAKnob.class.getName().replace('.', '/');

        assertThat(readers.mayReadKnobs(name, classFile, getClass().getClassLoader(),
                ReadsAKnob.class.getProtectionDomain())).isTrue();
    }
}

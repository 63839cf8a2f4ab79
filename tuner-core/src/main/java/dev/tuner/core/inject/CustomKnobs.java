package dev.tuner.core.inject;

import dev.tuner.KnobAnnotation;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.DistributionProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/** Reads a user's {@link KnobAnnotation}-marked annotation through the provider it names. */
final class CustomKnobs {

    private CustomKnobs() {}

    static Distribution distribution(Annotation annotation, Class<?> type, String where) {
        String simpleName = AnnotationSpace.simpleName(annotation);
        Class<?> providerType = annotation.annotationType().getAnnotation(KnobAnnotation.class).value();
        DistributionProvider<Annotation> provider = provider(simpleName, providerType, where);
        Distribution distribution;
        try {
            distribution = provider.create(annotation, type);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidDeclarationException(where, simpleName + " is invalid: " + invalid.getMessage());
        } catch (ClassCastException wrongAnnotation) {
            throw new InvalidDeclarationException(where, simpleName + " names " + providerType.getName()
                    + ", which serves another annotation (" + wrongAnnotation.getMessage()
                    + "); name a DistributionProvider<" + annotation.annotationType().getSimpleName() + ">");
        }
        if (distribution == null) {
            throw new InvalidDeclarationException(where, providerType.getName() + " returned no distribution for "
                    + simpleName + "; return a Distribution, or throw IllegalArgumentException saying what is wrong");
        }
        return distribution;
    }

    @SuppressWarnings("unchecked")
    private static DistributionProvider<Annotation> provider(String annotation, Class<?> providerType, String where) {
        if (!DistributionProvider.class.isAssignableFrom(providerType)) {
            throw new InvalidDeclarationException(where, annotation + " names " + providerType.getName()
                    + " in @KnobAnnotation, which is not a " + DistributionProvider.class.getName()
                    + "; implement DistributionProvider<" + annotation.substring(1) + "> in it");
        }
        Constructor<?> constructor;
        try {
            constructor = providerType.getDeclaredConstructor();
        } catch (NoSuchMethodException missing) {
            throw new InvalidDeclarationException(where, annotation + " names " + providerType.getName()
                    + ", which has no constructor without arguments; add one");
        }
        try {
            constructor.setAccessible(true);
            return (DistributionProvider<Annotation>) constructor.newInstance();
        } catch (InvocationTargetException thrown) {
            throw new InvalidDeclarationException(where, "the provider " + providerType.getName() + " of " + annotation
                    + " failed to start: " + thrown.getCause());
        } catch (ReflectiveOperationException | RuntimeException inaccessible) {
            throw new InvalidDeclarationException(where, "the provider " + providerType.getName() + " of " + annotation
                    + " cannot be created (" + inaccessible + "); make it a concrete, static class with a "
                    + "constructor without arguments");
        }
    }
}

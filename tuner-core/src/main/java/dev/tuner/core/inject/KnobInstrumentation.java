package dev.tuner.core.inject;

import static net.bytebuddy.matcher.ElementMatchers.declaresAnnotation;
import static net.bytebuddy.matcher.ElementMatchers.fieldType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isChildOf;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isEquals;
import static net.bytebuddy.matcher.ElementMatchers.isHashCode;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isPrimitive;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.isTypeInitializer;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Objects;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.asm.MemberSubstitution;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * The transformation the {@link TunerAgent} installs: in every class that could read a knob, each
 * read of an annotated field goes through {@link KnobReads} (member substitution), and each
 * annotated method without parameters returns through {@link MethodKnobAdvice}. Neither adds a
 * member, so classes loaded before the agent are retransformed in place.
 *
 * <p>Skipped: the JDK, Byte Buddy, JUnit, Maven, the libraries Tuner uses, and Tuner's own
 * classes (those loaded from the same place as this class), and class loaders that cannot see
 * {@link KnobReads}. Set {@code -Dnet.bytebuddy.dump=DIR} to see the transformed class files.
 */
final class KnobInstrumentation {

    /** Byte Buddy's switch for its self-injection helper class, read once per JVM: {@value}. */
    static final String NEXUS_DISABLED = "net.bytebuddy.nexus.disabled";

    private KnobInstrumentation() {}

    static ResettableClassFileTransformer install(Instrumentation instrumentation) {
        OriginalClassFiles classFiles = new OriginalClassFiles();
        KnobReaders readers = new KnobReaders();
        classFiles.retransformingLoadedClasses();
        try {
            return builder(classFiles, readers).installOn(instrumentation);
        } finally {
            classFiles.loadingFinished();
        }
    }

    private static AgentBuilder builder(OriginalClassFiles classFiles, KnobReaders readers) {
        // Byte Buddy leaves synthetic methods alone by default, but lambda bodies are synthetic
        // methods that read fields as much as any other
        return withoutNexus(new ByteBuddy().ignore(ElementMatchers.none()))
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(new InstrumentationErrors())
                .with(transformer -> new KnobReadersOnly(transformer, readers))
                .with(classFiles)
                .ignore(skipped())
                .type(not(skipped()), isChildOf(KnobReads.class.getClassLoader()))
                .and(KnobInstrumentation::notTunersOwn)
                .and((type, loader, module, loaded, domain) -> loaded == null
                        || readers.loadedClassMayReadKnobs(type.getInternalName(), loader))
                .transform((builder, type, loader, module, domain) -> builder
                        .visit(fieldReads().on(isMethod().or(isConstructor()).or(isTypeInitializer())
                                .and(not(generatedRecordMethod()))))
                        .visit(methodReturns()));
    }

    /**
     * Byte Buddy's agent builder, created without its {@code Nexus}. The public constructors set up
     * self-injection, which injects a class into the system class loader through
     * {@code sun.misc.Unsafe}: JDK 24 and later print "WARNING: A terminally deprecated method in
     * sun.misc.Unsafe has been called" for it, in every study. This agent never uses it
     * ({@code disableClassFormatChanges()} turns self-injection off), so the Nexus is disabled by
     * Byte Buddy's own switch, {@value #NEXUS_DISABLED}, while the builder is created (the only time
     * Byte Buddy reads it), unless the user set that property.
     *
     * <p>The switch is global to the Byte Buddy classes this one shares: another agent that builds on
     * the same, unshaded, Byte Buddy after this one finds the Nexus off. Agents shade Byte Buddy, and
     * Mockito does not use the Nexus.
     */
    static AgentBuilder withoutNexus(ByteBuddy byteBuddy) {
        if (System.getProperty(NEXUS_DISABLED) != null) {
            return new AgentBuilder.Default(byteBuddy);
        }
        System.setProperty(NEXUS_DISABLED, "true");
        try {
            return new AgentBuilder.Default(byteBuddy);
        } finally {
            System.clearProperty(NEXUS_DISABLED);
        }
    }

    /**
     * A record's generated {@code toString}, {@code hashCode} and {@code equals}: they reach the
     * components through an invokedynamic whose field handles Byte Buddy's substitution cannot
     * parse, and read no field through an instruction that could be redirected.
     */
    private static ElementMatcher.Junction<MethodDescription> generatedRecordMethod() {
        return ElementMatchers.<MethodDescription>isToString().or(isHashCode()).or(isEquals())
                .and(isDeclaredBy(ElementMatchers.<TypeDescription>isRecord()));
    }

    /** Reads of annotated fields, each type to its own method of {@link KnobReads}. */
    static MemberSubstitution fieldReads() {
        MemberSubstitution substitution = MemberSubstitution.relaxed();
        for (Class<?> type : List.of(double.class, float.class, long.class, int.class, short.class, byte.class,
                char.class, boolean.class)) {
            substitution = substitution.field(knobField().and(fieldType(type))).onRead()
                    .replaceWith(readThrough(reader(type)));
        }
        return substitution.field(knobField().and(not(fieldType(isPrimitive())))).onRead()
                .replaceWith(readThrough(reader(Object.class)));
    }

    /** The return of annotated methods without parameters. */
    static AsmVisitorWrapper methodReturns() {
        return Advice.to(MethodKnobAdvice.class).on(isMethod()
                .and(declaresAnnotation(KnobInstrumentation::isKnobAnnotation))
                .and(takesArguments(0))
                .and(not(returns(void.class)))
                .and(not(isAbstract()))
                .and(not(isSynthetic())));
    }

    private static ElementMatcher.Junction<FieldDescription> knobField() {
        return declaresAnnotation(KnobInstrumentation::isKnobAnnotation);
    }

    private static MemberSubstitution.Substitution.Chain.Factory<MemberSubstitution.Target> readThrough(
            Method reader) {
        return MemberSubstitution.Substitution.Chain.<MemberSubstitution.Target>with(Assigner.DEFAULT,
                        Assigner.Typing.DYNAMIC)
                .executing(MemberSubstitution.Substitution.Chain.Step.OfOriginalExpression.INSTANCE,
                        MemberSubstitution.Substitution.Chain.Step.ForDelegation.to(reader));
    }

    private static Method reader(Class<?> type) {
        String name = "read" + Character.toUpperCase(type.getSimpleName().charAt(0)) + type.getSimpleName().substring(1);
        try {
            return KnobReads.class.getMethod(name, type, String.class, Class.class, Object.class);
        } catch (NoSuchMethodException missing) {
            throw new IllegalStateException("KnobReads lacks " + name, missing);
        }
    }

    /**
     * Whether an annotation declares a knob: one of Tuner's (package {@code dev.tuner}, except
     * {@code @Tune}), or a custom one meta-annotated with one of Tuner's. Decided on the class
     * file, before any class is loaded; {@link KnobRegistry} reads the member for good.
     */
    static boolean isKnobAnnotation(AnnotationDescription annotation) {
        TypeDescription type = annotation.getAnnotationType();
        if (isTuners(type)) {
            return !type.getName().equals("dev.tuner.Tune");
        }
        for (AnnotationDescription meta : type.getDeclaredAnnotations()) {
            if (isTuners(meta.getAnnotationType())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTuners(TypeDescription type) {
        return type.getName().startsWith("dev.tuner.") && type.getName().indexOf('.', "dev.tuner.".length()) < 0;
    }

    private static ElementMatcher.Junction<TypeDescription> skipped() {
        ElementMatcher.Junction<TypeDescription> skipped = ElementMatchers.<TypeDescription>isSynthetic()
                .or(ElementMatchers.isAnnotation());
        for (String prefix : KnobReaders.LIBRARY_PACKAGES) {
            skipped = skipped.or(nameStartsWith(prefix));
        }
        return skipped;
    }

    /** Tuner's own classes read no knobs: they come from the same jar or directory as this one. */
    private static boolean notTunersOwn(TypeDescription type, ClassLoader loader, net.bytebuddy.utility.JavaModule module,
            Class<?> redefined, ProtectionDomain domain) {
        URL own = location(KnobInstrumentation.class.getProtectionDomain());
        return own == null || !Objects.equals(own, location(domain));
    }

    private static URL location(ProtectionDomain domain) {
        CodeSource source = domain == null ? null : domain.getCodeSource();
        return source == null ? null : source.getLocation();
    }
}

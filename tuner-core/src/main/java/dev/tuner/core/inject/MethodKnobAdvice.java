package dev.tuner.core.inject;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The code the {@link TunerAgent} adds at the exit of an annotated method: the method runs as
 * written, then its return value is replaced by the knob's value when a trial is current.
 */
final class MethodKnobAdvice {

    private MethodKnobAdvice() {}

    @Advice.OnMethodExit
    static void exit(@Advice.Origin Class<?> owner, @Advice.Origin("#m") String method,
            @Advice.This(optional = true) Object instance,
            @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object returned) {
        returned = KnobReads.methodReturn(returned, owner, method, instance);
    }
}

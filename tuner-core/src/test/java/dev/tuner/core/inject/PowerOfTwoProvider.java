package dev.tuner.core.inject;

import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.DistributionProvider;
import dev.tuner.core.space.PowersOfTwo;

/** The behaviour behind {@link PowerOfTwo}: a {@link PowersOfTwo} on {@code long} members. */
class PowerOfTwoProvider implements DistributionProvider<PowerOfTwo> {

    @Override
    public Distribution create(PowerOfTwo annotation, Class<?> memberType) {
        if (memberType != long.class && memberType != Long.class) {
            throw new IllegalArgumentException("@PowerOfTwo produces long values, but the type is " + memberType.getName()
                    + "; declare the member long");
        }
        return new PowersOfTwo(annotation.maxExponent());
    }
}

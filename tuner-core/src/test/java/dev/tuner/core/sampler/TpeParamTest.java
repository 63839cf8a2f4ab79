package dev.tuner.core.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tuner.core.sampler.TpeParam.Kind;
import dev.tuner.core.space.Distribution;
import dev.tuner.core.space.Fixed;
import dev.tuner.core.space.IntUniform;
import dev.tuner.core.space.LogNormal;
import dev.tuner.core.space.LogUniform;
import dev.tuner.core.space.Normal;
import dev.tuner.core.space.Uniform;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class TpeParamTest {

    static final List<Distribution> MODELLED = List.of(Uniform.of(-10, 10), Uniform.of(0.03, 1).quantized(0.1),
            LogUniform.of(1e-5, 1), LogUniform.of(16, 4096).quantized(16), LogUniform.of(2.5, 100).quantized(2),
            IntUniform.of(1, 8), IntUniform.of(3, 11).withStep(2), IntUniform.of(1, 4096).onLogScale(),
            Normal.of(2, 3), Normal.of(0.5, 0.2).clipped(0, 1), Normal.of(0, 10).quantized(1),
            Normal.of(0, 1).clipped(3, 10), Normal.of(0, 1).clipped(-10, -3).quantized(0.5),
            LogNormal.of(Math.log(1e-2), 1.5), LogNormal.of(4, 1).quantized(1),
            LogNormal.of(0, 1).clipped(0.5, 4).quantized(0.25), new TpeDistributionsTest.Exponent(20));

    @Test
    void everyModelValueInTheRangeGivesAValueTheDistributionContains() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        for (Distribution distribution : MODELLED) {
            TpeParam param = TpeParam.of(distribution);
            assertThat(param).as("%s", distribution).isNotNull();
            for (int i = 0; i <= 1000; i++) {
                double model = param.modelLow() + (param.modelHigh() - param.modelLow()) * i / 1000.0;
                if (param.drawnFromPrior()) {
                    model = param.drawPrior(rng);
                } else if (param.kind() == Kind.DISCRETE) {
                    model = param.snap(model);
                }
                double internal = param.toInternal(model);
                assertThat(distribution.contains(internal)).as("%s contains %s (model %s)", distribution, internal,
                        model).isTrue();
            }
        }
    }

    @Test
    void everyPriorDrawInTheRangeRoundTripsThroughModelSpace() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(2L);
        for (Distribution distribution : MODELLED) {
            TpeParam param = TpeParam.of(distribution);
            for (int i = 0; i < 1000; i++) {
                double internal = distribution.sample(rng);
                double model = param.toModel(internal);
                assertThat(model).isBetween(param.modelLow(), param.modelHigh());
                if (param.kind() == Kind.DISCRETE) {
                    assertThat(param.snap(model)).as("%s: %s is on the grid", distribution, internal).isEqualTo(model);
                    assertThat(param.centre(param.cell(model))).isEqualTo(model);
                }
                boolean inside = model > param.modelLow() && model < param.modelHigh();
                if (inside || param.kind() == Kind.DISCRETE) {
                    assertThat(param.toInternal(model)).as("%s", distribution).isCloseTo(internal,
                            within(1e-12 * Math.max(1, Math.abs(internal))));
                }
            }
        }
    }

    @Test
    void gridsAreModelledCellByCell() {
        TpeParam quantized = TpeParam.of(Uniform.of(-10, 10).quantized(0.5));
        assertThat(quantized.kind()).isEqualTo(Kind.DISCRETE);
        assertThat(quantized.cells()).isEqualTo(41);
        assertThat(quantized.toInternal(7)).isEqualTo(-6.5);

        // a log grid: the value 4, first of the multiples of 2 in [2.5, 100], owns [log 2.5, log 5]
        TpeParam log = TpeParam.of(LogUniform.of(2.5, 100).quantized(2));
        assertThat(log.kind()).isEqualTo(Kind.DISCRETE);
        assertThat(log.log()).isTrue();
        assertThat(log.cells()).isEqualTo(49);
        double four = log.toModel(4);
        assertThat(log.cellLow(four)).isEqualTo(Math.log(2.5));
        assertThat(log.cellHigh(four)).isCloseTo(Math.log(5), within(1e-12));
        assertThat(log.cellHigh(log.toModel(100))).isEqualTo(Math.log(100));

        TpeParam logInt = TpeParam.of(IntUniform.of(1, 4096).onLogScale());
        assertThat(logInt.kind()).isEqualTo(Kind.DISCRETE);
        assertThat(logInt.cellLow(logInt.toModel(1))).isEqualTo(Math.log(0.5));
        assertThat(logInt.cellHigh(logInt.toModel(10))).isCloseTo(Math.log(10.5), within(1e-12));

        // a grid too fine to model cell by cell is continuous, and rounded
        TpeParam fine = TpeParam.of(Uniform.of(0, 1).quantized(1e-7));
        assertThat(fine.kind()).isEqualTo(Kind.CONTINUOUS);
        assertThat(Uniform.of(0, 1).quantized(1e-7).contains(fine.toInternal(0.123456789))).isTrue();
    }

    @Test
    void aNormalKnobsRangeIsItsClipBoundsOrFiveSdAndItsPriorItsOwn() {
        TpeParam free = TpeParam.of(Normal.of(2, 3));
        assertThat(free.modelLow()).isEqualTo(-13);
        assertThat(free.modelHigh()).isEqualTo(17);
        assertThat(free.priorCentre()).isEqualTo(2);
        assertThat(free.priorSigma()).isEqualTo(3);

        TpeParam clipped = TpeParam.of(Normal.of(0.5, 0.2).clipped(0, 1));
        assertThat(clipped.modelLow()).isEqualTo(0);
        assertThat(clipped.modelHigh()).isEqualTo(1);

        // clipped to a tail: five sd from the clip bound
        TpeParam tail = TpeParam.of(Normal.of(0, 1).clipped(6, Double.POSITIVE_INFINITY));
        assertThat(tail.modelLow()).isEqualTo(6);
        assertThat(tail.modelHigh()).isEqualTo(11);

        TpeParam logNormal = TpeParam.of(LogNormal.of(1, 0.5));
        assertThat(logNormal.log()).isTrue();
        assertThat(logNormal.modelLow()).isEqualTo(-1.5);
        assertThat(logNormal.modelHigh()).isEqualTo(3.5);

        // a quantized log-normal reaches 0, the value of the lowest cell
        TpeParam units = TpeParam.of(LogNormal.of(0, 1).quantized(1));
        assertThat(units.toInternal(units.modelLow())).isEqualTo(0);
        assertThat(units.toModel(0)).isEqualTo(units.modelLow());
        assertThat(units.cellHigh(units.modelLow())).isCloseTo(Math.log(0.5), within(1e-12));
    }

    @Test
    void whatTpeCannotModelIsNull() {
        assertThat(TpeParam.of(Fixed.of("rbf"))).isNull();
        assertThat(TpeParam.of(new TpeDistributionsTest.Geometric())).isNull();
        // one reachable multiple only
        assertThat(TpeParam.of(Normal.of(0, 0.01).quantized(1))).isNull();
    }
}

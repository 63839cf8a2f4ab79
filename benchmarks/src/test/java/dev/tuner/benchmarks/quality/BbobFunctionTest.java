package dev.tuner.benchmarks.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The BBOB functions against COCO's own numbers: values at points taken from COCO's regression
 * test data ({@code code-experiments/test/regression-test/data/regression_test_2data_for_suite_bbob.py}
 * of numbbo/coco, whose keys are problem indices of the suite "bbob" with dimensions
 * 2, 3, 5, 10, 20, 40 and 15 instances of which the first five are instances 1..5), the minimum
 * at x_opt, and hand-computed values of f1 and f5.
 */
class BbobFunctionTest {

    /** (function, dimension, instance, x, COCO's f(x)); instance index &lt; 5 only, so the year of the data set does not matter. */
    static Stream<Arguments> cocoRegressionValues() {
        return Stream.of(
                Arguments.of(1, 5, 1, new double[] {13.382317228473649, 10.13915864997532, -12.670622241727648,
                    21.616498180472121, 47.318782398113612}, 3409.8428938036641),
                Arguments.of(7, 10, 1, new double[] {0.07127896933514466, 0.069338680590770724, -0.24502386531612247,
                    -0.10644094505932154, -0.0028361810880690869, -0.1177946802769979, 0.019156043745721999,
                    -0.077308988685629867, -0.16250002729183, 0.054619761400912223}, 850.09425447190688),
                Arguments.of(21, 5, 1, new double[] {3.6472217223054555, -3.9785310018064211, -3.7791315682464774,
                    -9.2294643938015017, 1.7179725043474665}, 142.31188369733121),
                Arguments.of(11, 2, 4, new double[] {1.9361136676810644, -1.5014043871608866}, 20918782.066791113),
                Arguments.of(17, 2, 4, new double[] {0.32598204350746929, -0.12240041586110581}, 64.360558825508548),
                Arguments.of(15, 10, 5, new double[] {-0.89319975499017157, 2.0030210815907084, -0.036003622572198496,
                    -1.901876477691667, 2.9267201678314692, 1.6103760700854057, 0.66128554000190409,
                    -2.9271907451121604, -5.4771273892496817, 2.5739082453831661}, 164.12629748459159),
                Arguments.of(14, 2, 4, new double[] {-0.29748149218593301, -0.60194396702417319}, 45.572363184703732),
                Arguments.of(11, 5, 4, new double[] {-0.5440304062592517, -0.66581036479101141, -0.19209640780203416,
                    0.57562982055464307, -0.40543081397694386}, 812189.02268257306),
                Arguments.of(18, 2, 3, new double[] {-2.3236829137046375, -0.29582281565743079}, 383.11822241109655),
                Arguments.of(14, 10, 3, new double[] {0.06720362243865885, -0.72676370601228213, 1.558085877942013,
                    0.15076227086943253, 1.9101074499015021, -1.7326189045889875, 0.56252757175730106,
                    0.12599417173904215, -2.63321737903606, 0.59281394873295201}, 112.13340304247183),
                Arguments.of(9, 10, 4, new double[] {17.962934592339327, 16.466125612092078, 25.045604780029617,
                    -1.1947316935096324, -39.713177213949557, -2.1127661732928056, -14.571059867305484,
                    -16.229058723030317, 10.806876839463685, 14.635546457078716}, 248120148.14311245),
                Arguments.of(2, 10, 3, new double[] {0.34260653999354285, -0.098678241710591114, 0.064055335384277629,
                    0.17033148399456044, -0.00060252627393624146, -0.030956819753924333, 0.11595488850617267,
                    0.10352020860549199, -0.38291440201788246, -0.36997726990845931}, 15772336.783852827),
                Arguments.of(12, 2, 3, new double[] {-0.95544321164350832, 1.3711789569529362}, 401501186.44412392),
                Arguments.of(7, 2, 3, new double[] {-0.15589564659987321, -1.0591918840804744}, 1136.0032451796758),
                Arguments.of(13, 2, 4, new double[] {-0.48527734685953461, 0.14582002833024926}, 1158.4171691629858),
                Arguments.of(4, 10, 1, new double[] {-0.27274711930265672, -1.7323072286189416, -0.59051812044358831,
                    1.1513995553020884, 0.039743062782827375, 1.9399764817648582, -1.0691844497400784,
                    2.342911487711183, 1.231824268399095, 0.89427272062847618}, -166.09388640027845),
                Arguments.of(6, 5, 3, new double[] {-13.970673659422706, -1.0206948487510619, 3.6770626809236622,
                    -4.1208665865535909, -1.6407017247730142}, 32263.786884340625),
                Arguments.of(3, 2, 5, new double[] {0.85456301226369891, 0.23428555905143855}, 200.31670460007004),
                Arguments.of(3, 10, 3, new double[] {-23.165067340182926, -30.647705733379272, 29.192817134883871,
                    -2.3329456709465406, -9.013956801229341, -26.729173172974754, 6.7219863583414066,
                    -14.995808707985878, -14.123464818951483, -17.295514078460066}, 21135.690797759093),
                Arguments.of(9, 2, 4, new double[] {-0.1312288906422803, 0.30606056563875489}, -90.099326082029492),
                Arguments.of(16, 10, 1, new double[] {4.4902050543853571, 7.5047932738821164, -3.5555615146332227,
                    -4.3292029801932195, 1.8467130069479889, -3.8299962019875129, 2.2002880747616422,
                    -3.4871378643186968, 4.3150367713006501, 3.79228151118381}, 181.87051648429971),
                Arguments.of(19, 10, 2, new double[] {1.5657791034241229, 0.10930405165583502, 0.37863861929176051,
                    -5.144732009363806, 3.6120114690235079, -6.4636391405477553, 10.672361818228318,
                    -3.639874498721396, 2.2581396494056474, 6.5424864117997759}, 409.93314374036737),
                Arguments.of(3, 5, 1, new double[] {0.3880986175959239, -1.0102090325630915, -0.037114701772910812,
                    -0.054617866780047035, -0.42790314432297455}, -293.72170457240748),
                Arguments.of(8, 5, 3, new double[] {0.73111731314370854, 1.1540624651251867, -0.82155345662572554,
                    0.36306217304240085, -0.40230989664875688}, 35960.260096793354),
                Arguments.of(24, 10, 3, new double[] {0.29040480111878442, -0.13877041379325253, -0.13929688533478432,
                    -0.043805481575511077, -0.052110520127243709, 0.0484921272055178, 0.0031813744863189689,
                    -0.12313491040826739, 0.12671827047562009, 0.062146300578258526}, 198.69568678008267),
                Arguments.of(10, 2, 5, new double[] {-0.10302420048693195, 0.19148965845790877}, 9462134.3515544124),
                Arguments.of(5, 5, 3, new double[] {0.049697208650467485, -0.24656232892983046, -0.12070322844304902,
                    -0.071920656732912994, -0.24780941915480603}, 171.68574036617102),
                Arguments.of(5, 5, 3, new double[] {2.1098843803961964, -3.1832454367610001, 1.4529878914874914,
                    1.25059125783786, 2.8493528415900902}, 197.03472428726457),
                Arguments.of(22, 2, 2, new double[] {1.3047361391760659, 1.0721587410969771}, 1014.9354295014659),
                Arguments.of(19, 2, 5, new double[] {-0.49667307898834967, -1.1591344588994257}, -611.68409518868827),
                Arguments.of(6, 2, 3, new double[] {-4.832569131933333, 1.0223936761197201}, 810022.447545117),
                Arguments.of(7, 5, 1, new double[] {0.96952495404160532, -1.2489038625801214, 2.7768900926680704,
                    1.7002919952012689, 1.3068899045461275}, 178.80636994734238),
                Arguments.of(20, 10, 4, new double[] {-0.038605858668216794, 0.6092340576271319, 0.42721790117607311,
                    -0.46365391518047933, 0.47676006019462913, 0.79696925593486667, 0.37016535083289021,
                    0.2669678945324041, -0.044835525234019805, -0.7246080703918375}, 18110.675863887533),
                Arguments.of(23, 2, 3, new double[] {0.094812294860924226, 0.33238069179051011}, -104.73656135785458));
    }

    @ParameterizedTest(name = "f{0} in {1}-D, instance {2}")
    @MethodSource("cocoRegressionValues")
    void agreesWithCocosRegressionData(int function, int dimension, int instance, double[] x, double expected) {
        double value = BbobFunction.of(function, dimension, instance).value(x);

        assertThat(value).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
    }

    @Test
    void everyFunctionReachesItsOptimumAtItsOptimumInEveryDimensionAndInstance() {
        for (int function = 1; function <= 24; function++) {
            for (int dimension : new int[] {2, 5, 10}) {
                for (int instance = 1; instance <= 5; instance++) {
                    BbobFunction f = BbobFunction.of(function, dimension, instance);
                    // f20's reported optimum is 4e-10 off the one its formula uses (as in COCO)
                    double tolerance = function == 20 ? 1e-6 : 1e-9;
                    assertThat(f.value(f.xopt())).as(f.name()).isCloseTo(f.fopt(), within(tolerance));
                    for (double xi : f.xopt()) {
                        assertThat(xi).as(f.name()).isBetween(-5.0, 5.0);
                    }
                }
            }
        }
    }

    @Test
    void handComputedValuesOfTheSphereAndTheLinearSlope() {
        BbobFunction sphere = BbobFunction.of(1, 3, 2);
        double[] x = sphere.xopt();
        x[1] += 3;
        assertThat(sphere.value(x)).isCloseTo(sphere.fopt() + 9, within(1e-12));

        // f5: sum over i of 5 |s_i| - s_i z_i with |s_i| = 10^(i/(D-1)): 55 at the origin in 2-D ...
        BbobFunction slope2 = BbobFunction.of(5, 2, 1);
        assertThat(slope2.value(new double[2])).isCloseTo(slope2.fopt() + 55, within(1e-9));
        // ... 5 (1 + 10^0.25 + 10^0.5 + 10^0.75 + 10) in 5-D, and twice that at the corner opposite x_opt
        BbobFunction slope5 = BbobFunction.of(5, 5, 3);
        double sum = 1 + Math.pow(10, 0.25) + Math.pow(10, 0.5) + Math.pow(10, 0.75) + 10;
        assertThat(slope5.value(new double[5])).isCloseTo(slope5.fopt() + 5 * sum, within(1e-9));
        double[] opposite = slope5.xopt();
        for (int i = 0; i < 5; i++) {
            assertThat(Math.abs(opposite[i])).isEqualTo(5.0);
            opposite[i] = -opposite[i];
        }
        assertThat(slope5.value(opposite)).isCloseTo(slope5.fopt() + 10 * sum, within(1e-9));
    }

    @Test
    void theFirstInstanceOfTheSphereHasItsOffset() {
        // 79.48: a ratio of two seeded normals rounded to two decimals; COCO's regression value for f1, 5-D,
        // instance 1 (above) agrees only with this offset
        assertThat(BbobFunction.of(1, 2, 1).fopt()).isEqualTo(79.48);
    }

    @Test
    void aWrongFunctionDimensionOrPointIsRefusedWithTheRule() {
        assertThatThrownBy(() -> BbobFunction.of(25, 2, 1)).hasMessageContaining("1..24");
        assertThatThrownBy(() -> BbobFunction.of(1, 2, 1).value(new double[3])).hasMessageContaining("takes 2");
    }
}

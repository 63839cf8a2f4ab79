// Every line of the matrix tuned the study and ran both tests on one JUnit version.
def log = new File(basedir, 'build.log').text
def expected = ['5.10.3': '1.10.3', '5.14.4': '1.14.4', '6.0.3': '6.0.3', '6.1.3': '6.1.3']
expected.each { jupiter, platform ->
    def line = "[it] jupiter ${jupiter}, platform ${platform}, commons ${platform}"
    assert log.count(line) == 2 : "expected two runs (with and without junit-bom) printing '${line}'"
}
assert log.count('it.junit.QuadTest.quad: 10 trials, 0 failed') == 8
assert log.count('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') >= 8
assert !log.contains('NoSuchMethodError')
assert log.count('BUILD SUCCESS') == 8

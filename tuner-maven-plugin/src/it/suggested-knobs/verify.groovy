// Build 1 searched both studies and merged their best into src/main/resources/tuner.properties; build 2, a plain
// `mvn test`, ran each study's best once and production code (Booster) read each study's "rounds" with Tuned.value;
// build 3, as on a fresh checkout, ran each best from the production file.
def load = { String path ->
    def properties = new Properties()
    new File(basedir, path).withReader('ISO-8859-1') { properties.load(it) }
    properties
}
def accuracy = 'it.suggested.BoostTuning.accuracy'
def latency = 'it.suggested.BoostTuning.latency'

// each knob is keyed by its study, so the two "rounds" are apart in one file, and no bare key is left
def merged = load('src/main/resources/tuner.properties')
assert merged.stringPropertyNames() == [accuracy + '.rounds', latency + '.rounds'] as Set : "keys: ${merged.stringPropertyNames()}"
assert merged.getProperty(accuracy + '.rounds') == '2'
assert merged.getProperty(latency + '.rounds') == '5'
assert load("target/tuner/${accuracy}.properties").stringPropertyNames() == [accuracy + '.rounds'] as Set

// production code read each study's value from the classpath
assert new File(basedir, 'target/production.txt').readLines() == ['accuracy=2', 'latency=5']

// each plain test run replayed each best once, with its own study's value
def evaluations = new File(basedir, 'target/evaluations.txt').readLines()
assert evaluations.size() == 28 : "expected 12 + 12 trials and two best runs twice, got ${evaluations.size()}"
def bestRuns = evaluations.drop(24)
assert bestRuns.count { it ==~ /accuracy #\d+ rounds=2/ } == 2 : "best runs: ${bestRuns}"
assert bestRuns.count { it ==~ /latency #\d+ rounds=5/ } == 2 : "best runs: ${bestRuns}"

// build 3's report: the best runs' values came from the production file, under the studies' keys
def suite = new File(basedir, 'target/surefire-reports/TEST-it.suggested.BoostTuning.xml').getText('UTF-8')
assert suite.contains('failures="0"') && suite.contains('errors="0"') && suite.contains('skipped="0"')
assert suite =~ /<testcase name="best #\d+ rounds=2 \(from classpath tuner.properties\) \[\d+\]"/
assert suite =~ /<testcase name="best #\d+ rounds=5 \(from classpath tuner.properties\) \[\d+\]"/
def log = new File(basedir, 'build.log').text
assert !log.contains('bare names')
return true

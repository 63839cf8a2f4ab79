// mvn test on a fresh checkout ran the study's best once, from the committed production values, as trial #41.
assert !new File(basedir, 'target/tuner/journal.jsonl').exists() : 'a best run must not create a journal'
def evaluations = new File(basedir, 'target/evaluations.txt').readLines()
assert evaluations == ['#41 2.005'] : "expected one run of the committed best, got ${evaluations}"

def report = new File(basedir, 'target/surefire-reports/TEST-it.production.ProductionTuning.xml')
assert report.isFile() : 'surefire wrote no report'
def suite = report.getText('UTF-8')
assert suite.contains('failures="0"')
assert suite.contains('errors="0"')
// the best test names where its values came from
assert suite.contains('<testcase name="best #41 x=2.005 (from classpath tuner.properties) [41]"')

// the study the file has no values of is skipped, saying every place it looked in
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 1')
assert suite.contains('<skipped message="no tuned parameters of study it.production.ProductionTuning.untuned yet (looked in'
        + ' journal:target/tuner/journal.jsonl (nothing stored there yet),'
        + ' target/tuner/it.production.ProductionTuning.untuned.properties (no such file), tuner.output.file (not set),'
        + ' classpath tuner.properties (target/classes/tuner.properties; holds other studies&apos; values only)); run'
        + ' mvn tuner:tune to search, or set tuner.mode=search"')
return true

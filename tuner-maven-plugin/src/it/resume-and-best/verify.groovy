// Run 1 searched 10 trials; run 2 resumed the study to 15; run 3, a plain `mvn test`, ran the best once.
def evaluations = new File(basedir, 'target/evaluations.txt').readLines().collect { it as double }
assert evaluations.size() == 16 : "expected 10 + 5 trials and one best run, got ${evaluations.size()}"

def journal = new File(basedir, 'target/tuner/journal.jsonl')
assert journal.isFile()

def properties = new Properties()
new File(basedir, 'target/tuner/it.resume.ResumeTuning.quad.properties').withReader('ISO-8859-1') { properties.load(it) }
def best = properties.getProperty('it.resume.ResumeTuning.quad.x') as double
assert best == evaluations.take(15).min { Math.abs(it - 2) }
assert new File(basedir, 'target/tuner/it.resume.ResumeTuning.quad.properties').text.contains('# trials: 15 (15 complete, 0 failed)')

// the best was also merged into the resources file that production code reads, which run 2 named by the old
// name of tuner.output.file: it still works, with a warning from the goal (and none from the forked JVM)
def merged = new Properties()
new File(basedir, 'src/main/resources/tuner.properties').withReader('ISO-8859-1') { merged.load(it) }
assert (merged.getProperty('it.resume.ResumeTuning.quad.x') as double) == best
def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] tuner.outputFile (a -D property of Maven) is deprecated; use tuner.output.file'
        + ' (the old name works until Tuner 0.2)')
assert !log.contains('tuner.outputFile (a -D system property)')

// run 4 gave both names with different values: the goal failed, naming both
assert log.contains('tuner.outputFile=a.properties (a -D property of Maven) and tuner.output.file=b.properties'
        + ' (a -D property of Maven) set one setting to different values; keep tuner.output.file, its new name,'
        + ' and remove tuner.outputFile')
assert !new File(basedir, 'a.properties').exists() && !new File(basedir, 'b.properties').exists()

// the plain test run evaluated exactly the best, as one test
assert evaluations.last() == best
def report = new File(basedir, 'target/surefire-reports').listFiles().find { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }
assert report != null : 'surefire wrote no report'
def suite = report.getText('UTF-8')
assert suite.contains('tests="1"')
assert suite.contains('failures="0"')
assert suite =~ /<testcase name="best #\d+ x=/
return true

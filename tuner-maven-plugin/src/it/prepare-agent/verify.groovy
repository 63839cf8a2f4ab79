// prepare-agent put -javaagent before the project's own argLine, which forbids attaching agents, and the
// study of a field knob ran under Surefire with the agent given at start
def log = new File(basedir, 'build.log').text
assert log =~ /argLine set to -javaagent:\S+tuner-core-\S+\.jar -XX:-EnableDynamicAgentLoading/
// five trials and the search's best, a test of its own
assert log.contains('Tests run: 6, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('BUILD SUCCESS')
assert !log.contains('loaded dynamically')
assert !log.contains('the Tuner agent was not given with -javaagent')

// every trial read the trial's dropout (at most 0.5), never the declared 0.9: loss below 0.6
def file = new File(basedir, 'target/tuner/it.prepareagent.ClassifierTuning.loss.properties')
assert file.isFile() : "missing ${file}"
def properties = new Properties()
file.withReader('ISO-8859-1') { properties.load(it) }
def dropout = properties.getProperty('it.prepareagent.Classifier.dropout') as double
assert dropout <= 0.5 : "dropout ${dropout}"
return true

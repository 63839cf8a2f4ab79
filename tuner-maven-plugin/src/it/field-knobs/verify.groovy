// The study read the knobs of main-code fields and a method, through the agent given with -javaagent.
def log = new File(basedir, 'build.log').text
assert log.contains('it.fieldknobs.ClassifierTuning.loss: 80 trials, 0 failed')
assert log.contains('BUILD SUCCESS')
// -javaagent in the fork: the engine did not have to attach the agent itself
assert !log.contains('the Tuner agent was not given with -javaagent')
// nor any JVM warning a user would see (JDK 21+: an agent loaded dynamically; JDK 24+: Byte Buddy's Unsafe)
assert !log.contains('loaded dynamically')
assert !log.contains('sun.misc.Unsafe')
assert !log.contains('terminally deprecated')
assert log =~ /learningRate=\S+ layers=\d kernel=(LINEAR|RBF) dropout=\S+/

def file = new File(basedir, 'target/tuner/it.fieldknobs.ClassifierTuning.loss.properties')
assert file.isFile() : "missing ${file}"
def properties = new Properties()
file.withReader('ISO-8859-1') { properties.load(it) }
assert properties.stringPropertyNames() == ['it.fieldknobs.Classifier.learningRate', 'it.fieldknobs.Classifier.layers',
        'it.fieldknobs.Classifier.kernel', 'it.fieldknobs.Classifier.dropout'] as Set
// the declared defaults give a loss of 8.9; the best trial of 80 does far better
def objective = file.text =~ /# objective: (\S+)/
assert objective.find()
def best = objective.group(1) as double
assert best < 3 : "best loss ${best}"
return true

// prebuild.groovy killed a nested Maven while trial #0 ran, and its fork recorded the trial FAIL; this build
// resumed the study to 3 trials, the failed one counted: it found no trial RUNNING that a dead worker had left.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
// the invoker runs this script even when prebuild.groovy failed: name that failure, not its consequences
boolean prebuildPassed = log.contains('killed-maven: the fork stopped by itself')
assert prebuildPassed : 'prebuild.groovy failed: ' + log.readLines().find { it =~ /^[\w.$]+(Error|Exception)\b/ }
def records = new File(basedir, 'target/tuner/journal.jsonl').readLines().collect { new JsonSlurper().parseText(it) }

assert log.contains('resuming: 1 trials already in journal:')
assert log.contains(', 1 of them failed;')
assert !log.contains('which is gone; it is now FAIL (worker died)')

def started = records.findAll { it.op == 'trial' }*.number
def finished = records.findAll { it.op == 'finish' }
assert started == finished*.number : "a trial is left RUNNING: ${records}"
assert finished*.state == ['FAIL', 'COMPLETE', 'COMPLETE']
assert finished[0].failure.message.contains('that started this JVM is gone')
return true

def log = new File(basedir, 'build.log').text
// 1: the Error is the failed trial's reason; both studies ran to their budget
assert log =~ /\[tuner\]   #1 x=\S+ → fail\S*\s+✗ java\.lang\.Error: objective broke at x=/
assert log.contains('it.errors.ErrorTuning.throwsError: 4 trials, 1 failed')
assert log.contains('it.errors.ErrorTuning.runsAfter: 4 trials, 0 failed')
// 2: System.exit(0) at trial #2 is named, recorded failed, and fails the build
assert log.contains('[tuner] ERROR: the JVM running the studies is exiting before they finished')
assert log.contains('Trial #2 of study it.errors.ExitTuning.quits was running; it is recorded as failed.')
assert log.contains('The JVM running the studies exited before they finished (System.exit in an objective, or a signal)')
assert log.contains('BUILD FAILURE')
def journal = new File(basedir, 'target/tuner/journal.jsonl').text
assert journal.contains('the JVM exited while the trial ran')
return true

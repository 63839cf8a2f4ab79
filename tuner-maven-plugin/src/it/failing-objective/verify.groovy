// Every trial failed with its own reason; the study could not produce a best, so the build failed.
def log = new File(basedir, 'build.log').text
assert (log =~ /\[tuner\]   #\d x=\S+ → fail\S*\s+✗ java\.lang\.IllegalStateException: loss diverged at x=/).count == 4
assert log.contains('it.failing.FailingTuning.diverges: 4 trials, 4 failed')
assert log.contains("no trial of study 'it.failing.FailingTuning.diverges' completed: all 4 failed; the first failure was")
assert log.contains('A study could not run')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/tuner/it.failing.FailingTuning.diverges.properties').exists()
return true

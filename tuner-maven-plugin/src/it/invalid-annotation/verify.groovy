def log = new File(basedir, 'build.log').text
assert log.contains("parameter 'x' of @Tune method it.invalid.InvalidTuning.reversed(double)")
assert log.contains('min (1.0) must be less than max (0.0)')
assert log.contains('A study could not run')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/tuner/it.invalid.InvalidTuning.reversed.properties').exists()
return true

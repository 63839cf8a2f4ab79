def log = new File(basedir, 'build.log').text
assert log.contains('no @Tune method found')
assert log.contains('tuner.test=NoSuchTuning')
assert log.contains('No study ran')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/tuner').exists()
return true

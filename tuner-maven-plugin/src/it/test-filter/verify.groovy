assert new File(basedir, 'target/tuner/it.filter.SecondTuning.square.properties').isFile()
assert !new File(basedir, 'target/tuner/it.filter.FirstTuning.square.properties').exists()
def log = new File(basedir, 'build.log').text
assert log.contains('it.filter.SecondTuning.square: 20 trials, 0 failed')
assert !log.contains('Tuning it.filter.FirstTuning')
assert log.contains('BUILD SUCCESS')
return true

// Trial #1 read its file from the fork's own copy, although target/test-classes was gone.
def log = new File(basedir, 'build.log').text
assert log.contains('it.snapshot.RewrittenTuning.quad: 2 trials, 0 failed') : 'trial #1 could not read its file'
assert !new File(basedir, 'target/test-classes').exists()
// and the copy is gone with the fork
assert new File(basedir, 'target').listFiles().findAll { it.name.startsWith('tuner-fork-classes-') }.isEmpty()
assert log.contains('BUILD SUCCESS')
return true

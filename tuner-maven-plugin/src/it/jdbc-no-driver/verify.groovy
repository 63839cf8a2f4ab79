// The study fails naming the dependency to add; Tuner no longer brings the driver to every project.
def log = new File(basedir, 'build.log').text
assert log.contains("PostgreSQL's driver is not on the class path. Add the dependency org.postgresql:postgresql")
assert log.contains('A study could not run')
assert log.contains('BUILD FAILURE')
return true

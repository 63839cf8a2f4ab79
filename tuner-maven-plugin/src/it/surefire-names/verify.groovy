// Surefire's XML names each trial, not three times the method.
def xml = new File(basedir, 'target/surefire-reports/TEST-it.names.BraninTest.xml').text
def names = (xml =~ /<testcase name="([^"]*)"/).collect { it[1] }
assert names.size() == 3 : "testcases: ${names}"
assert names.toSet().size() == 3 : "trials share a name: ${names}"
names.eachWithIndex { name, i -> assert name ==~ /#${i} x1=\S+ → \S+ \[${i}\]/ : name }
return true

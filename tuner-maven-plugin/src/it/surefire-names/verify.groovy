// Surefire's XML names each trial, not three times the method; each trial's testcase holds what its
// objective printed and lasts as long as it ran.
def xml = new File(basedir, 'target/surefire-reports/TEST-it.names.BraninTest.xml').getText('UTF-8')
def suite = new groovy.xml.XmlSlurper().parseText(xml)
def cases = suite.testcase.list()
def names = cases.collect { it.@name.text() }
assert names.size() == 3 : "testcases: ${names}"
assert names.toSet().size() == 3 : "trials share a name: ${names}"
// named as the trial starts: its knobs are fields, read by the objective, so the name holds its number
names.eachWithIndex { name, i -> assert name == "#${i} [${i}]" : name }
cases.each { testcase ->
    def out = testcase.'system-out'.text()
    assert (out =~ /objective ran with x1=/).count == 1 : "${testcase.@name}: system-out is ${out}"
    assert Double.parseDouble(testcase.@time.text()) >= 0.15 : "${testcase.@name} lasted ${testcase.@time}s, less than its objective"
}
return true

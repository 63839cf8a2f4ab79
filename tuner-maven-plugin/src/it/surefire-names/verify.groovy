// Surefire's XML names each trial, not three times the method; each trial's testcase holds what its
// objective printed and lasts as long as it ran. After the trials, the best is a testcase of its own
// whose output says what the search found, since Surefire's XML keeps no report entry.
def xml = new File(basedir, 'target/surefire-reports/TEST-it.names.BraninTest.xml').getText('UTF-8')
def suite = new groovy.xml.XmlSlurper().parseText(xml)
def cases = suite.testcase.list()
def names = cases.collect { it.@name.text() }
assert names.size() == 4 : "testcases: ${names}"
assert names.toSet().size() == 4 : "tests share a name: ${names}"
def trials = cases.take(3)
// named as the trial starts: its knobs are fields, read by the objective, so the name holds its number
trials.eachWithIndex { testcase, i -> assert testcase.@name.text() == "#${i} [${i}]" : testcase.@name.text() }
def x1s = trials.collect { testcase ->
    def out = testcase.'system-out'.text()
    assert (out =~ /objective ran with x1=/).count == 1 : "${testcase.@name}: system-out is ${out}"
    assert Double.parseDouble(testcase.@time.text()) >= 0.15 : "${testcase.@name} lasted ${testcase.@time}s, less than its objective"
    (out =~ /objective ran with x1=(\S+)/)[0][1] as double
}

// the best: the trial with the lowest (x1 - 3)², by its number, knob and value, with that number as its index
def values = x1s.collect { (it - 3) * (it - 3) }
int best = values.indexOf(values.min())
def last = cases[3]
assert last.@name.text() ==~ /best #${best} x1=\S+ → \S+ \[${best}\]/ : "the best testcase: ${last.@name}"
def summary = last.'system-out'.text()
assert summary.startsWith("best trial of study it.names.BraninTest.branin: #${best} x1=") : "best system-out: ${summary}"
assert summary.contains("  value       ${values[best]}\n") : "best system-out: ${summary}"
assert summary.contains("  knobs       it.names.BraninTest.x1=${x1s[best]}\n") : "best system-out: ${summary}"
assert summary.contains('  trials      3 (seed 5, sampler ') : "best system-out: ${summary}"
assert summary.contains('  properties  target/tuner/it.names.BraninTest.branin.properties\n') : "best system-out: ${summary}"
assert summary.contains('  report      target/tuner/it.names.BraninTest.branin.html\n') : "best system-out: ${summary}"
assert last.failure.size() == 0 && last.error.size() == 0 : "the best testcase passes"
return true

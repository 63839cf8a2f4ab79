// Run 1 searched 30 trials of two objectives with a constraint; run 2, a plain `mvn test`, ran the picked trial once.
def study = 'it.several.TradeOffTuning.tradeOff'
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains("${study}: 30 trials, 0 failed")
// each trial's line names both objectives; the too slow ones say which constraint they break
assert (log =~ /#\d+ x=\S+ → accuracy \S+, latency \S+/).count >= 30
assert log =~ /#\d+ x=\S+ → accuracy \S+, latency \S+ ✗ latency > 0\.5/
assert log =~ /\[tuner\]     picked #\d+ x=\S+ → accuracy \S+, latency \S+  \(knee of \d+ Pareto trials; seed 3\)/
assert log.contains("[tuner]     Pareto set target/tuner/${study}.pareto.csv")

def evaluations = new File(basedir, 'target/evaluations.txt').readLines().collect { it as double }
assert evaluations.size() == 31 : "expected 30 trials and one best run, got ${evaluations.size()}"

// the Pareto set: every feasible trial (accuracy and latency both rise with x), none infeasible
def rows = new File(basedir, "target/tuner/${study}.pareto.csv").readLines()
assert rows[0] == "trial,accuracy,latency,constraint latency,${study}.x"
def front = rows.drop(1).collect { it.split(',') }
def feasible = evaluations.take(30).findAll { it * it <= 0.5 }
assert front.collect { it[1] as double }.sort() == feasible.sort()
front.each { assert (it[3] as double) <= 0 && (it[4] as double) == (it[1] as double) }

// the properties hold the knee of that front, and say so
def file = new File(basedir, "target/tuner/${study}.properties")
def properties = new Properties()
file.withReader('ISO-8859-1') { properties.load(it) }
def picked = properties.getProperty("${study}.x") as double
assert feasible.contains(picked)
assert file.text =~ /# objective: accuracy \S+ \(maximize\), latency \S+ \(minimize\), trial #\d+/
assert file.text.contains("# picked: knee of ${front.size()} Pareto trials")

// the report's page of the study shows its front
def page = new File(basedir, "target/tuner/${study}.html")
assert page.isFile() : "no report page ${page}"
assert page.text.contains('Pareto front')

// the plain test run evaluated exactly the picked trial
assert evaluations[30] == picked
return true

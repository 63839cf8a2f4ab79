import groovy.json.JsonSlurper

// run 1 tuned 12 trials; run 5 imported them from the Optuna journal and ran 3 more
def evaluations = new File(basedir, 'target/evaluations.txt').readLines()
assert evaluations.size() == 15 : "expected 12 trials and 3 more after the import, got ${evaluations.size()}"

// run 2 wrote Optuna's journal: one JSON operation a line, the study first, then its 12 trials
def lines = new File(basedir, 'target/tuner/optuna-journal.log').readLines()
def json = new JsonSlurper()
def ops = lines.collect { json.parseText(it) }
assert ops[0].op_code == 0 && ops[0].study_name == 'it.optuna.OptunaTuning.quad' && ops[0].directions == [1]
assert ops.count { it.op_code == 4 } == 12
assert ops.findAll { it.op_code == 4 }.every { it.params.size() == 3 && it.distributions.size() == 3 }
assert ops.findAll { it.op_code == 6 }.every { it.state == 1 && it.values.size() == 1 }
// an enum knob's options by their names
def choice = ops.find { it.op_code == 4 }.distributions['it.optuna.OptunaTuning.quad.form']
assert json.parseText(choice) == [name: 'CategoricalDistribution', attributes: [choices: ['PLAIN', 'SHIFTED']]]

def log = new File(basedir, 'build.log').text
assert log.contains('Exported study it.optuna.OptunaTuning.quad (12 trials) of journal:')
assert log.contains('Optuna journal written to target/tuner/optuna-journal.log')
// runs 3 and 4 failed, saying what to give
assert log.contains('No study to export: give tuner.export.study=<test class binary name>.<@Tune method>')
assert log.contains("holds no study 'it.optuna.OptunaTuning.nope'")
return true

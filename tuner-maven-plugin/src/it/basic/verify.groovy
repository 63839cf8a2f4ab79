// The two studies ran with the command line's budget and wrote their best parameters and reports.
def log = new File(basedir, 'build.log').text
assert log.contains('[tuner] Summary')
assert log.contains('it.basic.BasicTuning.quad1: 150 trials, 0 failed')
assert log =~ /it\.basic\.BasicTuning\.peak: 150 trials, [1-9]\d* failed/
assert log.contains('(seed 7)')
// each study's best once, in the summary: the test that shows it after the trials is neither a trial line
// nor counted (150 trials above), and prints no summary of its own here
assert (log =~ /\[tuner\]     best #\d+ /).count == 2
assert !(log =~ /\[tuner\]   best #/)
assert !log.contains('best trial of study')
assert log.contains('BUILD SUCCESS')
// a project without JUnit of its own: tuner:tune brings a platform, and says mvn test will not
assert log.contains('has no JUnit Platform, so mvn test and IDEs cannot run its @Tune studies')
// and Maven 3.8's default Surefire, which would run none of them either (the build machines' Maven is 3.8)
assert log.contains("The project's maven-surefire-plugin is 2.12.4, which cannot run JUnit Platform engines")

def load = { String name ->
    def file = new File(basedir, "target/tuner/${name}.properties")
    assert file.isFile() : "missing ${file}"
    def properties = new Properties()
    file.withReader('ISO-8859-1') { properties.load(it) }
    [file.text, properties]
}

def (quadText, quad) = load('it.basic.BasicTuning.quad1')
def x = quad.getProperty('it.basic.BasicTuning.quad1.x') as double
assert Math.abs(x - 0.5) < 0.5 : "best x ${x} is far from 0.5"
assert quadText.contains('# objective: ')
assert quadText.contains('(minimize)')
assert quadText.contains('# trials: 150 (150 complete, 0 failed)')
assert quadText =~ /# written: \d{4}-\d\d-\d\dT/

def (peakText, peak) = load('it.basic.BasicTuning.peak')
assert peak.getProperty('it.basic.BasicTuning.peak.n') == '15'
assert peak.getProperty('it.basic.BasicTuning.peak.level') == 'high'
assert peakText.contains('(maximize)')

// and a report page each, listed by the index
['it.basic.BasicTuning.quad1', 'it.basic.BasicTuning.peak'].each { name ->
    def page = new File(basedir, "target/tuner/${name}.html")
    assert page.isFile() : "missing ${page}"
    assert page.text.contains('Optimization history')
    assert page.text.contains('"trials":150')
}
def index = new File(basedir, 'target/tuner/index.html')
assert index.isFile() : "missing ${index}"
assert index.text.contains('href="it.basic.BasicTuning.quad1.html"')
assert index.text.contains('href="it.basic.BasicTuning.peak.html"')
return true

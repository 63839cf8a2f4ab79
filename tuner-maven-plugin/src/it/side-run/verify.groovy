// Build 1 searched 40 trials on the default journal; build 2 ran 3 trials in memory; build 3 ran 4 on a
// scratch journal; build 4 made the scratch journal the study's own (tuner.output.replace=true).
def study = 'it.side.SideTuning.quad'
def tuner = new File(basedir, 'target/tuner')
def log = new File(basedir, 'build.log').text

def load = { File file ->
    assert file.isFile() : "missing ${file}"
    def properties = new Properties()
    file.withReader('ISO-8859-1') { properties.load(it) }
    properties
}

// the side run in memory wrote beside the study's outputs, and said so
def memory = new File(tuner, "${study}@memory.properties")
assert memory.text.contains('# storage: memory:')
assert memory.text.contains('# trials: 3 (3 complete, 0 failed)')
assert new File(tuner, "${study}@memory.html").text.contains('<dt>storage</dt><dd>memory:</dd>')
assert log.contains("[tuner] WARNING: study ${study}: target/tuner/${study}.properties holds the best of"
        + " journal:target/tuner/journal.jsonl, not of this run's storage memory:, so it is left as it is; this run wrote"
        + " its best to target/tuner/${study}@memory.properties and its report to target/tuner/${study}@memory.html.")
assert log.contains('memory: is gone when its run ends, so it never replaces')
assert log.contains("written to target/tuner/${study}@memory.properties")

// tuner.output.file, the setting's new name, gives no warning
assert !log.contains('is deprecated; use tuner.')

// nor was its best merged into the production file, which still holds build 1's
def production = new File(basedir, 'src/main/resources/tuner.properties')
assert production.text.contains("# study ${study}: trial #")
assert production.text.contains('from journal:target/tuner/journal.jsonl')
assert log.contains("its best from memory: is not merged into src/main/resources/tuner.properties, whose values of the"
        + " study came from journal:target/tuner/journal.jsonl; they are in target/tuner/${study}@memory.properties.")

// the scratch journal's run wrote beside them too, then, told to, replaced them
def scratch = new File(tuner, "${study}@crash.jsonl.properties")
assert scratch.text.contains('# storage: journal:target/scratch/crash.jsonl')
assert scratch.text.contains('# trials: 4 (')
assert log.contains("To make journal:target/scratch/crash.jsonl the study's storage, delete"
        + " target/tuner/${study}.properties and target/tuner/${study}.html, or run with tuner.output.replace=true")
def main = new File(tuner, "${study}.properties")
assert main.text.contains('# storage: journal:target/scratch/crash.jsonl')
assert main.text.contains('# trials: 5 (')

// the production file was never written by a side run: its value is build 1's best
def firstBest = load(production).getProperty("${study}.x") as double
def journal = new File(tuner, 'journal.jsonl')
assert journal.isFile()
assert Math.abs(firstBest - 2) < 1.5 : "build 1's best x ${firstBest} is far from 2"

// the index lists each page with its storage
def index = new File(tuner, 'index.html').text
assert index.contains("href=\"${study}.html\"")
assert index.contains("href=\"${study}@memory.html\"")
assert index.contains('>memory:<')
return true

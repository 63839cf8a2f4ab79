// A real Maven killed while a trial runs (issue #16 item 2): its forked JVM must notice and stop by itself,
// recording the trial FAIL with Maven's death as the reason, rather than run the study on as an orphan.
//
// This script starts a nested `mvn -o tuner:tune` of this project, logging to nested-build.log. Its objective
// (KilledTuning) writes target/objective-started and blocks; then the script finds Maven's forked JVM, kills
// Maven with SIGKILL, as `kill -9` or a cancelled CI job does, and waits for the fork to exit with no one
// left to stop it but its ParentWatch. The invoker's own build then resumes the study (verify.groovy).
// Each wait has a deadline, and the finally kills whatever is still running, so a failure leaves no process.
import groovy.json.JsonSlurper
import java.util.concurrent.TimeUnit

def journal = new File(basedir, 'target/tuner/journal.jsonl')
def started = new File(basedir, 'target/objective-started')
def log = new File(basedir, 'nested-build.log')
new File(basedir, 'target').deleteDir()  // a rerun starts afresh

def waitUntil = { String what, long seconds, Closure<Boolean> done ->
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
    while (!done()) {
        assert System.nanoTime() < deadline : "waited ${seconds} s for ${what}; the nested build's log:\n${log.text}"
        Thread.sleep(100)
    }
}
// a process no one has reaped yet (a zombie) has ended too
def alive = { ProcessHandle process ->
    def stat = new File("/proc/${process.pid()}/stat")
    process.isAlive() && !(stat.exists() && stat.text.replaceFirst(/^.*\) /, '').startsWith('Z'))
}
def records = { journal.readLines().collect { new JsonSlurper().parseText(it) } }
def running = { records().findAll { it.op == 'trial' }*.number - records().findAll { it.op == 'finish' }*.number }

// mvn is a shell script that execs java: the process started becomes Maven's JVM, whose pid the goal gives the fork.
// Offline, but for file: repositories, so that it still reads the outer build's local repository (the pom's).
def mvn = new File(System.getProperty('maven.home'), 'bin/mvn')
def nested = new ProcessBuilder(mvn.path, '-o', '-Daether.offline.protocols=file', '-B',
        '-s', new File(basedir, 'nested-settings.xml').path, "-Dmaven.repo.local=${localRepositoryPath}", 'tuner:tune')
        .directory(basedir).redirectErrorStream(true).redirectOutput(log)
nested.environment().put('KILLED_MAVEN_STARTED', started.path)
long start = System.nanoTime()
Process maven = nested.start()
ProcessHandle fork = null
try {
    waitUntil('trial #0 to run', 180) { started.exists() || !maven.isAlive() }
    assert started.exists() : "the nested build ended (exit code ${maven.exitValue()}) before a trial ran:\n${log.text}"
    def forks = maven.children().toList()
    assert forks.size() == 1 : "Maven's JVM should have one child, its fork: ${forks*.info()}"
    fork = forks[0]
    println "killed-maven: trial #0 runs in the fork (pid ${fork.pid()}) of Maven (pid ${maven.pid()})" +
            " after ${TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)} s"

    assert maven.info().command().get().endsWith('/java') : "not Maven's JVM: ${maven.info()}"
    // the fork's command line is `java @<argument file>`, which holds the pid it watches
    def argumentFile = fork.info().arguments().get().find { it.startsWith('@') }
    assert argumentFile : "not the fork: ${fork.info()}"
    assert new File(argumentFile.substring(1)).text.contains("\"-Ddev.tuner.parentPid=${maven.pid()}\"")
    assert running() == [0] : "the journal should show trial #0 RUNNING: ${journal.text}"

    maven.destroyForcibly()  // SIGKILL
    assert maven.waitFor(30, TimeUnit.SECONDS) && maven.exitValue() == 128 + 9
    long killed = System.nanoTime()
    waitUntil('the fork to exit by itself after Maven was killed', 60) { !alive(fork) }
    println "killed-maven: the fork exited ${TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed)} ms after Maven was killed"
} finally {
    maven.descendants().forEach { it.destroyForcibly() }
    fork?.destroyForcibly()
    maven.destroyForcibly()
}

// it said why it stopped, into the log it shares with Maven
def output = log.text
assert output.contains("[tuner] ERROR: the Maven process (pid ${maven.pid()}) that started this JVM is gone")
assert output.contains('Trial #0 of study it.killed.KilledTuning.blocks was running; it is recorded as failed.')

// and recorded trial #0 FAIL, with Maven's death as the reason, leaving no trial RUNNING
assert running() == []
def finish = records().find { it.op == 'finish' && it.number == 0 }
assert finish.state == 'FAIL'
assert finish.failure.message == "the JVM exited while the trial ran: the Maven process (pid ${maven.pid()})" +
        ' that started this JVM is gone'
println 'killed-maven: the fork stopped by itself, recording trial #0 FAIL'
return true

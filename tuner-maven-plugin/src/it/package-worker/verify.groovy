// tuner:package-worker wrote a worker that runs without Maven; run it twice on one journal, as two machines
// would run it against one database: with plain java (a PATH holding java alone), then with its script
def worker = new File(basedir, 'target/tuner-worker')
assert new File(worker, 'worker.args').isFile()
assert new File(worker, 'worker').canExecute()
assert new File(worker, 'test-classes/it/worker/WorkerTuning.class').isFile()
assert worker.listFiles().find { it.name == 'lib' }.list().any { it.startsWith('tuner-core-') && it.endsWith('.jar') }

// every path is relative to the worker, so it runs wherever it is copied; the goal's settings are its defaults,
// and the paths of the machine it was built on are left out
def arguments = new File(worker, 'worker.args').getText('UTF-8')
assert !arguments.contains(basedir.path) && !arguments.contains('local-repo') && !arguments.contains('.m2')
assert arguments.contains('"-javaagent:lib/tuner-core-')
assert arguments.contains('"-Dtuner.trials=4"') && arguments.contains('"-Dtuner.seed=3"')
assert !arguments.contains('tuner.output.dir')

def log = new File(basedir, 'build.log').text
assert log.contains('Worker written to target/tuner-worker, to run without Maven from its directory: ./worker')

def java = new File(System.getProperty('java.home'), 'bin/java')
def journal = new File(basedir, 'target/shared.jsonl')

def run = { List<String> command, Map<String, String> environment, File output ->
    def builder = new ProcessBuilder(command).directory(worker).redirectErrorStream(true).redirectOutput(output)
    builder.environment().clear()
    builder.environment().putAll(environment)
    def process = builder.start()
    assert process.waitFor() == 0 : "the worker failed: ${output.text}"
    output.text
}

// 1: plain java from the worker's directory, the goal's budget of 4 trials
def first = run([java.path, '@worker.args', "-Dtuner.storage=journal:${journal.path}".toString(),
        'dev.tuner.engine.console.TunerConsole', 'test-classes'],
        [PATH: java.parentFile.path], new File(basedir, 'target/worker-1.log'))
assert first.contains('it.worker.WorkerTuning')

// 2: the script, a setting given when it runs winning over the goal's: the study resumed to 7 trials
def second = run(['/bin/sh', 'worker', '-Dtuner.trials=7', "-Dtuner.storage=journal:${journal.path}".toString()],
        [PATH: '/usr/bin:/bin', JAVA: java.path], new File(basedir, 'target/worker-2.log'))
assert second.contains('resuming: 4 trials already in journal:')

def finished = journal.readLines().findAll { it.contains('"op":"finish"') }
assert finished.size() == 7 : "expected 7 finished trials in the journal, got ${finished.size()}"
assert finished.every { it.contains('"state":"COMPLETE"') }
assert (0..6).every { n -> finished.any { it.contains("\"number\":${n},") } }
assert new File(worker, 'target/tuner/it.worker.WorkerTuning.quad.properties').text.contains('# trials: 7 (7 complete, 0 failed)')

// 3: two workers at once on one study in PostgreSQL (the one TUNER_TEST_JDBC_URL names, else a real server
// started here from the binaries on the plugin's test class path), each logging in from its environment alone,
// as a Kubernetes Job or a CI matrix runs them
def pg = dev.tuner.testing.postgres.TestPostgres.fromEnvironment()
def server = null
if (pg == null) {
    server = dev.tuner.testing.postgres.PostgresServer.start()
    pg = server.login()
}
try {
    def url = pg.url()
    def user = pg.user()
    def password = pg.password()
    assert !url.contains('?') : "$url has parameters; this IT appends ?currentSchema= to it"
    def login = new Properties()
    login.setProperty('user', user)
    login.setProperty('password', password)
    def connection = new org.postgresql.Driver().connect(url, login)
    try {
        connection.createStatement().execute('DROP SCHEMA IF EXISTS tuner_it_package_worker CASCADE')
        connection.createStatement().execute('CREATE SCHEMA tuner_it_package_worker')
    } finally {
        connection.close()
    }
    def storage = "-Dtuner.storage=${url}?currentSchema=tuner_it_package_worker".toString()
    def workers = (1..2).collect { n ->
        def output = new File(basedir, "target/pg-worker-${n}.log")
        def builder = new ProcessBuilder([java.path, '@worker.args', storage, '-Dtuner.trials=10',
                'dev.tuner.engine.console.TunerConsole', 'test-classes'])
                .directory(worker).redirectErrorStream(true).redirectOutput(output)
        builder.environment().clear()
        builder.environment().putAll([PATH: java.parentFile.path, TUNER_JDBC_USER: user, TUNER_JDBC_PASSWORD: password])
        [builder.start(), output]
    }
    workers.each { process, output -> assert process.waitFor() == 0 : "a PostgreSQL worker failed: ${output.text}" }
    connection = new org.postgresql.Driver().connect(url, login)
    try {
        def rows = connection.createStatement().executeQuery(
                "SELECT count(*), count(DISTINCT number) FROM tuner_it_package_worker.tuner_trials WHERE state = 'COMPLETE'")
        rows.next()
        assert rows.getInt(1) == 10 && rows.getInt(2) == 10 : "expected 10 complete trials, numbered apart, in PostgreSQL"
    } finally {
        connection.close()
    }
    workers.each { process, output -> assert !output.text.contains(password) }
    assert !new File(worker, 'worker.args').text.contains(password)
} finally {
    server?.close()
}
return true

// Invocations 1 and 2 ran one study in PostgreSQL, logged in by the settings' server tuner-it-db; 3 named a
// server the settings lack; 4 one with a wrong password. The password shows up nowhere.
// prebuild.groovy started the server unless TUNER_TEST_JDBC_URL named one: stopped at the end, whatever failed
try {
    def jdbc = context.get('jdbc') // the database prebuild.groovy gave the builds
    def url = jdbc.url()
    def user = jdbc.user()
    def password = jdbc.password()
    def storage = "${url}?currentSchema=tuner_it_jdbc_settings"
    // a failed assert shows the values in it: never let it show the password
    def refuse = { boolean leaked, String where -> if (leaked) throw new AssertionError("the password is in ${where}") }
    def log = new File(basedir, 'build.log').text

    // first, since a failed assert below would print the log: the password, right or wrong, is in no log line
    // and no file the builds wrote (the forked JVMs' argument files, deleted by the goal, were copied by the
    // objective into target/fork-arguments.txt)
    refuse(log.contains(password), 'build.log')
    basedir.eachFileRecurse(groovy.io.FileType.FILES) { file ->
        refuse(file.getText('ISO-8859-1').contains(password), file.path)
    }

    // 1 and 2: the login came from the settings, reached the forked JVM in its environment, not its arguments
    assert log.count("PostgreSQL login: user '${user}' from server 'tuner-it-db' of the Maven settings (") == 2
    assert new File(basedir, 'target/fork-login.txt').readLines() == ["user ${user}, password in the environment: true"] * 2
    def arguments = new File(basedir, 'target/fork-arguments.txt').text
    assert arguments.contains("\"-Dtuner.storage=${storage}\"")
    assert !arguments.contains('TUNER_JDBC')

    // the study lives in the database, not in a journal, and run 2 resumed it from there
    assert log.contains("resuming: 6 trials already in ${storage}")
    assert !new File(basedir, 'target/tuner/journal.jsonl').exists()
    def evaluations = new File(basedir, 'target/evaluations.txt').readLines().collect { it as double }
    assert evaluations.size() == 10 : "expected 6 + 4 trials, got ${evaluations.size()}"
    assert new File(basedir, 'target/tuner/it.jdbc.JdbcSettingsTuning.quad.properties').text.contains('# trials: 10 (10 complete, 0 failed)')

    def login = new Properties()
    login.setProperty('user', user)
    login.setProperty('password', password)
    def connection = new org.postgresql.Driver().connect(url, login)
    try {
        def rows = connection.createStatement().executeQuery(
                "SELECT t.number, t.state, t.value, p.internal FROM tuner_it_jdbc_settings.tuner_trials t"
                + " JOIN tuner_it_jdbc_settings.tuner_studies s USING (study_id)"
                + " JOIN tuner_it_jdbc_settings.tuner_params p USING (study_id, number)"
                + " WHERE s.name = 'it.jdbc.JdbcSettingsTuning.quad' AND p.knob = 'it.jdbc.JdbcSettingsTuning.quad.x'"
                + " ORDER BY t.number")
        def trials = []
        while (rows.next()) {
            trials << [number: rows.getInt(1), state: rows.getString(2), value: rows.getDouble(3), x: rows.getDouble(4)]
        }
        assert trials*.number == (0..9).toList()
        assert trials*.state.every { it == 'COMPLETE' }
        assert trials*.x == evaluations : 'the database holds the trials the objective evaluated, in order'
        assert trials.every { Math.abs(it.value - (it.x - 2) * (it.x - 2)) < 1e-9 }
    } finally {
        connection.createStatement().execute('DROP SCHEMA tuner_it_jdbc_settings CASCADE')
        connection.close()
    }

    // 3: a server the settings lack, said before any JVM started
    assert log.contains("jdbcServerId names server 'no-such-server', which the Maven settings (")
    assert log.contains("do not have (they have tuner-it-db, tuner-it-wrong-password), so the studies could not log in to ${storage}. "
            + "Add <server><id>no-such-server</id><username>")
    // 4: a wrong password, refused by the server
    assert log.contains("PostgreSQL login: user '${user}' from server 'tuner-it-wrong-password' of the Maven settings (")
    assert log.contains("could not connect to ${storage} as user ${user}: FATAL: password authentication failed")
    assert log.count('BUILD FAILURE') == 2
} finally {
    context.get('server')?.close()
}
return true

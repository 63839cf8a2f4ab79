// Gives this IT's builds a PostgreSQL: the one TUNER_TEST_JDBC_URL names (with TUNER_TEST_JDBC_USER and
// TUNER_TEST_JDBC_PASSWORD), else a real server started here from the binaries on the plugin's test class path,
// which verify.groovy stops. Its URL and login reach the builds as the user properties it.jdbc.url, it.jdbc.user
// and it.jdbc.password (which the pom and jdbc-settings.xml read), and verify.groovy through the context. Then
// empties the schema this IT's study lives in, so that a rerun against the same server starts afresh.
def login = dev.tuner.testing.postgres.TestPostgres.fromEnvironment()
if (login == null) {
    def server = dev.tuner.testing.postgres.PostgresServer.start()
    context.put('server', server)
    login = server.login()
}
assert !login.url().contains('?') : "${login.url()} has parameters; the IT's pom appends ?currentSchema= to it"
context.put('jdbc', login)
context.userProperties.setProperty('it.jdbc.url', login.url())
context.userProperties.setProperty('it.jdbc.user', login.user())
context.userProperties.setProperty('it.jdbc.password', login.password())

def properties = new Properties()
properties.setProperty('user', login.user())
properties.setProperty('password', login.password())
def connection = new org.postgresql.Driver().connect(login.url(), properties)
try {
    connection.createStatement().execute('DROP SCHEMA IF EXISTS tuner_it_jdbc_settings CASCADE')
    connection.createStatement().execute('CREATE SCHEMA tuner_it_jdbc_settings')
} finally {
    connection.close()
}
return true

// Empties the schema this IT's study lives in, so that a rerun against the same server starts afresh.
def url = System.getenv('TUNER_TEST_JDBC_URL')
assert !url.contains('?') : "TUNER_TEST_JDBC_URL=$url has parameters; the IT's pom appends ?currentSchema= to it"
def login = new Properties()
login.setProperty('user', System.getenv('TUNER_TEST_JDBC_USER'))
login.setProperty('password', System.getenv('TUNER_TEST_JDBC_PASSWORD'))
def connection = new org.postgresql.Driver().connect(url, login)
try {
    connection.createStatement().execute('DROP SCHEMA IF EXISTS tuner_it_jdbc_settings CASCADE')
    connection.createStatement().execute('CREATE SCHEMA tuner_it_jdbc_settings')
} finally {
    connection.close()
}
return true

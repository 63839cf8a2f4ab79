// Runs only when a PostgreSQL is there to log in to: .ci/run starts one with .ci/postgres.sh, which exports
// these three variables; without them (a laptop with no PostgreSQL) this IT is skipped.
def missing = ['TUNER_TEST_JDBC_URL', 'TUNER_TEST_JDBC_USER', 'TUNER_TEST_JDBC_PASSWORD'].findAll { !System.getenv(it) }
if (missing) {
    println "jdbc-settings skipped: ${missing.join(', ')} not set; run `source .ci/postgres.sh && start_postgres` first"
    return false
}
return true

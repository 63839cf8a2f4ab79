# Sourced by .ci/run (and by developers: `source .ci/postgres.sh && start_postgres`): starts a
# throwaway PostgreSQL server on loopback for JdbcStorage's tests, installing it from Debian's
# packages when it is missing, and exports TUNER_TEST_JDBC_URL, TUNER_TEST_JDBC_USER and
# TUNER_TEST_JDBC_PASSWORD. The server, its data and its socket live in one temporary folder,
# removed, with the server stopped, when the shell exits (a trap on EXIT).

postgres_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# Runs a command as the postgres user when we are root (the server refuses to run as root).
as_postgres() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    local port
    for port in $(seq 55432 55532); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    echo "no free port in 55432..55532 for PostgreSQL" >&2
    return 1
}

stop_postgres() {
    if [ -n "${TUNER_PG_DIR:-}" ] && [ -d "$TUNER_PG_DIR" ]; then
        as_postgres "$TUNER_PG_BIN/pg_ctl" -D "$TUNER_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$TUNER_PG_DIR"
    fi
}

start_postgres() {
    if [ -z "$(postgres_bin)" ]; then
        echo "PostgreSQL is not installed; installing it from Debian's packages" >&2
        if [ "$(id -u)" != 0 ]; then
            echo "cannot install PostgreSQL without root: apt-get install postgresql" >&2
            return 1
        fi
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    TUNER_PG_BIN=$(postgres_bin)
    TUNER_PG_DIR=$(mktemp -d /tmp/tuner-postgres.XXXXXX)
    trap stop_postgres EXIT
    trap 'stop_postgres; exit 130' INT TERM
    if [ "$(id -u)" = 0 ]; then
        chown postgres: "$TUNER_PG_DIR"
    fi
    local port password
    port=$(free_port)
    password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
    # trust on the private socket (for creating the user below), passwords over TCP (as workers connect)
    as_postgres "$TUNER_PG_BIN/initdb" -D "$TUNER_PG_DIR/data" -U postgres --auth-local=trust \
        --auth-host=scram-sha-256 --no-sync >/dev/null
    # a test server: no fsync, as nothing in it outlives the run
    as_postgres "$TUNER_PG_BIN/pg_ctl" -D "$TUNER_PG_DIR/data" -l "$TUNER_PG_DIR/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $TUNER_PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        >/dev/null
    as_postgres "$TUNER_PG_BIN/psql" -q -h "$TUNER_PG_DIR" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE USER tuner PASSWORD '$password'" -c "CREATE DATABASE tuner OWNER tuner" >/dev/null
    export TUNER_TEST_JDBC_URL="jdbc:postgresql://127.0.0.1:$port/tuner"
    export TUNER_TEST_JDBC_USER=tuner
    export TUNER_TEST_JDBC_PASSWORD="$password"
    echo "PostgreSQL $("$TUNER_PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port for the storage tests ($TUNER_TEST_JDBC_URL)"
}

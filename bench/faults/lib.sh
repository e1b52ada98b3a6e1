# Shared by the fault runs (sourced, not run). Starts our own MariaDB server (port FAULTS_DB_PORT, own data
# directory under target/faults) and application nodes from the fat jar, so nothing shared is touched.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$(pwd)
FAULTS_DIR=${FAULTS_DIR:-$ROOT/target/faults}
DB_PORT=${FAULTS_DB_PORT:-13307}
DB_NAME=${FAULTS_DB_NAME:-hc_faults}
DB_DIR=$FAULTS_DIR/db
ADMIN_PASSWORD=faults-Pa55word
JAR=$(ls "$ROOT"/target/healthy-cities-engine-*.jar 2>/dev/null | grep -v original | head -1 || true)
DRIVER=$(ls ~/.m2/repository/org/mariadb/jdbc/mariadb-java-client/*/mariadb-java-client-*.jar | grep -v sources | tail -1)
mkdir -p "$FAULTS_DIR"

sql() { mariadb -h 127.0.0.1 -P "$DB_PORT" -u root -N -B "$DB_NAME" -e "$1"; }

db_start() {
    mariadb-admin -h 127.0.0.1 -P "$DB_PORT" -u root ping > /dev/null 2>&1 && return 0
    if [ ! -d "$DB_DIR/data/mysql" ]; then
        mkdir -p "$DB_DIR/data"
        mariadb-install-db --no-defaults --datadir="$DB_DIR/data" --user="$(id -un)" --auth-root-authentication-method=normal \
            --skip-test-db > "$DB_DIR/install.log" 2>&1
    fi
    /usr/sbin/mariadbd --no-defaults --datadir="$DB_DIR/data" --port="$DB_PORT" --bind-address=127.0.0.1 \
        --socket="$DB_DIR/mariadbd.sock" --pid-file="$DB_DIR/mariadbd.pid" --user="$(id -un)" --skip-log-bin \
        --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --transaction-isolation=READ-COMMITTED \
        --max-connections=300 --innodb-buffer-pool-size=256M --innodb-flush-log-at-trx-commit=1 \
        >> "$DB_DIR/mariadbd.log" 2>&1 &
    echo $! > "$DB_DIR/server.pid"
    for _ in $(seq 1 60); do
        mariadb-admin -h 127.0.0.1 -P "$DB_PORT" -u root ping > /dev/null 2>&1 && return 0
        sleep 0.5
    done
    echo "database did not start" >&2; return 1
}

stop_pid_file() {   # stop_pid_file FILE SIGNAL: signals the process named in FILE, waits for its end, removes FILE
    local pid; pid=$(cat "$1" 2>/dev/null || true)
    [ -n "$pid" ] || return 0
    kill "$2" "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    rm -f "$1"
}

# stop: clean shutdown (SIGTERM); crash: kill -9
db_stop() { stop_pid_file "$DB_DIR/server.pid" "${1:--TERM}"; }

db_fresh() {
    mariadb -h 127.0.0.1 -P "$DB_PORT" -u root -e "DROP DATABASE IF EXISTS $DB_NAME; CREATE DATABASE $DB_NAME CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
}

# node_start NAME PORT [extra java args...]: starts the fat jar against our database
node_start() {
    local name=$1 port=$2; shift 2
    [ -n "$JAR" ] || { echo "build the jar first: mvn -q -DskipTests package" >&2; return 1; }
    SPRING_DATASOURCE_URL="jdbc:mariadb://127.0.0.1:$DB_PORT/$DB_NAME" SPRING_DATASOURCE_USERNAME=root \
    SPRING_DATASOURCE_PASSWORD= SPRING_DATASOURCE_DRIVER_CLASS_NAME=org.mariadb.jdbc.Driver \
    PORT=$port HC_ADMIN_PASSWORD=$ADMIN_PASSWORD HC_BASE_URL="http://localhost:$port" \
        java -Xmx512m -XX:TieredStopAtLevel=1 "$@" -jar "$JAR" >> "$FAULTS_DIR/$name.log" 2>&1 &
    echo $! > "$FAULTS_DIR/$name.pid"; disown $!
}

node_wait() {
    local name=$1 port=$2
    for _ in $(seq 1 240); do
        curl -sf "http://localhost:$port/actuator/health" > /dev/null 2>&1 && return 0
        kill -0 "$(cat "$FAULTS_DIR/$name.pid")" 2>/dev/null || { echo "node $name died on start" >&2; tail -30 "$FAULTS_DIR/$name.log" >&2; return 1; }
        sleep 1
    done
    echo "node $name did not become healthy" >&2; return 1
}

node_kill() { stop_pid_file "$FAULTS_DIR/$1.pid" "${2:--TERM}"; }   # node_kill NAME [signal]

# compiles the programs of bench/faults with what they share from bench/ (BenchHttp.java: JDK only) into
# $FAULTS_DIR/classes, once per shell
faults_compile() {
    [ -n "${FAULTS_COMPILED:-}" ] && return 0
    rm -rf "$FAULTS_DIR/classes"
    javac -nowarn -d "$FAULTS_DIR/classes" -cp "$DRIVER" bench/BenchHttp.java bench/faults/*.java || return 1
    FAULTS_COMPILED=1
}

faults_java() {  # faults_java CLASS [args...]: runs a program of bench/faults with the MariaDB driver on the class path
    local program=$1; shift
    faults_compile || return 1
    java -cp "$FAULTS_DIR/classes:$DRIVER" "$program" "$@"
}

# burst_start NAME PORT PARTICIPANTS GROUPS THREADS ROUNDS SECONDS: on a fresh database, starts node "app" on
# PORT and FaultBurst against it in the background (its pid in BURST); returns SECONDS into the burst with the
# count of answers stored by then in BEFORE. The node and the database are stopped on exit.
burst_start() {
    local name=$1 port=$2 n=$3 g=$4 t=$5 r=$6 after=$7
    local started=$FAULTS_DIR/$name.started
    trap 'node_kill app -KILL; db_stop' EXIT
    rm -f "$started"; : > "$FAULTS_DIR/app.log"
    faults_compile || return 1
    db_start; db_fresh
    node_start app "$port"; node_wait app "$port"
    faults_java FaultBurst "http://localhost:$port" "jdbc:mariadb://127.0.0.1:$DB_PORT/$DB_NAME" "$ADMIN_PASSWORD" \
        "$n" "$g" "$t" "$r" "$started" &
    BURST=$!
    while [ ! -f "$started" ]; do kill -0 $BURST || exit 1; sleep 0.2; done
    sleep "$after"
    BEFORE=$(sql "SELECT COUNT(*) FROM workshop_answer WHERE value LIKE 'p% r%'")
}

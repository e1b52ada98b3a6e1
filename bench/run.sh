#!/usr/bin/env bash
# Runs every benchmark (not part of mvn verify; see bench/README.md):
#   bash bench/run.sh
# 1. builds, starts the application with `mvn spring-boot:run` on a fresh data dir (target/bench-data) and port
#    18080, waits for /actuator/health;
# 2. JDBC baseline on the application's embedded MariaDB; workshop burst (600 participants); 200 applications
#    through /apply driven to membership over REST; each measures the JDBC baseline again right before its
#    burst and prints its ratio to it; each records its measured part with JFR (jcmd JFR.start/stop on the application JVM);
# 3. stops the application (SIGTERM, the embedded MariaDB stops with it);
# 4. the evaluation benchmark (1,300 members, report over 10 years), in its own JVM on its own embedded MariaDB,
#    with its JDBC baseline and a JFR recording of the opening and of the report;
# 5. the survey results benchmark (1,300 members answer 30 fields; the results page and its XLSX export, through
#    the service and over HTTP), in its own JVM on its own embedded MariaDB, against a JDBC SELECT of the same rows.
# Output: target/bench/*.log, *.jfr and *.hot.txt (top methods). Settings by environment:
#   PORT (18080) PARTICIPANTS (600) WORKSHOP_GROUPS (100) BURST_THREADS (64) APPLICATIONS (200) APPLY_THREADS (32)
#   MEMBERS (1300) YEARS (10) SURVEY_MEMBERS (1300) SURVEY_ROUNDS (7) ONLY (e.g. "workshop applications" or
#   "evaluation" or "surveys" or "knowledge") KNOWLEDGE_ITEMS (20000) KNOWLEDGE_DOCUMENTS (2000) BENCH_CLASSPATH_FILE (the dependencies' class path, test scope, instead of asking
#   the dependency plugin for it)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-18080}"
DATA="target/bench-data"
OUT="target/bench"
PASSWORD="bench-$(date +%s)-Pa55"
ONLY="${ONLY:-baseline workshop applications evaluation surveys knowledge}"
mkdir -p "$OUT"

echo "== machine: $(nproc) cores, $(free -m | awk '/Mem:/ {print $2 " MB"}') memory, $(java -version 2>&1 | head -1)"
echo "== load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ -n "${BENCH_CLASSPATH_FILE:-}" ]]; then
  # the dependencies' class path given (e.g. where the dependency plugin cannot be resolved offline)
  mvn -B -q test-compile
  tr -d '\n' < "$BENCH_CLASSPATH_FILE" > target/bench-classpath.txt.new
  mv target/bench-classpath.txt.new target/bench-classpath.txt
else
  mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
fi
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
rm -rf target/bench-classes
javac -nowarn -d target/bench-classes -cp "$CP" bench/*.java
BENCH_CP="target/bench-classes:$CP"

# a benchmark in its own JVM on its own embedded MariaDB: the application itself, without target/test-classes (the
# tests' fixtures are Spring components too); its output goes to $OUT/<log>.log
own_jvm() { # main class, log name, -D settings...
  local main="$1" log="$2"
  shift 2
  java -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -Dprofile.dir="$OUT" "$@" \
    -cp "target/bench-classes:target/classes:$(cat target/bench-classpath.txt)" "$main" 2>&1 \
    | grep -v '^\s*$' | tee "$OUT/$log.log"
}

hot() { # top methods of a recording
  python3 bench/hot-methods.py "$1" > "${1%.jfr}.hot.txt" || true
  head -45 "${1%.jfr}.hot.txt"
}

APP_PID=""
MVN_PID=""
stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID"
    for _ in $(seq 1 120); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
  fi
  if [[ -n "$MVN_PID" ]]; then wait "$MVN_PID" 2>/dev/null || true; fi
  APP_PID=""
  MVN_PID=""
}
trap stop_app EXIT

if [[ " $ONLY " =~ \ (baseline|workshop|applications)\  ]]; then
  rm -rf "$DATA"
  echo "== starting the application on port $PORT (log: $OUT/app.log)"
  HC_DATA_DIR="$DATA" PORT="$PORT" HC_ADMIN_PASSWORD="$PASSWORD" HC_BASE_URL="http://localhost:$PORT" \
    mvn -B -q spring-boot:run -Dspring-boot.run.jvmArguments="-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints" \
    > "$OUT/app.log" 2>&1 &
  MVN_PID=$!
  for i in $(seq 1 600); do
    if curl -fs "http://localhost:$PORT/actuator/health" | grep -q UP; then break; fi
    if ! kill -0 "$MVN_PID" 2>/dev/null; then echo "the application did not start, see $OUT/app.log"; exit 1; fi
    sleep 1
  done
  curl -fs "http://localhost:$PORT/actuator/health" > "$OUT/health.json"
  grep -q UP "$OUT/health.json"
  APP_PID=$(pgrep -P "$MVN_PID" java || true)
  # the embedded server's port, from its command line (it is logged before logging starts)
  DB_PORT=$(tr '\0' '\n' < "/proc/$(cat "$DATA/mariadb/mariadbd.pid")/cmdline" | sed -n 's/^--port=//p')
  if [[ -z "$APP_PID" || -z "$DB_PORT" ]]; then echo "no application pid ($APP_PID) or database port ($DB_PORT)"; exit 1; fi
  JDBC="-Djdbc.url=jdbc:mariadb://127.0.0.1:$DB_PORT/healthycities"
  echo "== application up (pid $APP_PID), database on port $DB_PORT; load $(cut -d' ' -f1-3 /proc/loadavg)"

  profile() { # name class args...: the benchmark records its measured part with JFR on the application JVM
    local name=$1 main=$2; shift 2
    java -cp "$BENCH_CP" "$JDBC" -Dprofile.pid="$APP_PID" -Dprofile.file="$(pwd)/$OUT/$name.jfr" "$main" "$@" 2>&1 \
      | tee "$OUT/$name.log"
    echo "== $name done; load $(cut -d' ' -f1-3 /proc/loadavg)"
    hot "$OUT/$name.jfr"
  }

  if [[ " $ONLY " == *" baseline "* ]]; then
    echo "== JDBC baseline"
    java -cp "$BENCH_CP" JdbcBaseline "jdbc:mariadb://127.0.0.1:$DB_PORT/healthycities" 2>&1 | tee "$OUT/baseline.log"
  fi
  if [[ " $ONLY " == *" workshop "* ]]; then
    echo "== workshop burst"
    profile workshop WorkshopBurst "http://localhost:$PORT" admin "$PASSWORD" \
      "${PARTICIPANTS:-600}" "${WORKSHOP_GROUPS:-100}" "${BURST_THREADS:-64}"
  fi
  if [[ " $ONLY " == *" applications "* ]]; then
    echo "== applications"
    profile applications ApplicationsBench "http://localhost:$PORT" admin "$PASSWORD" \
      "${APPLICATIONS:-200}" "${APPLY_THREADS:-32}"
  fi
  echo "== stopping the application"
  stop_app
fi

if [[ " $ONLY " == *" evaluation "* ]]; then
  echo "== evaluation round (own JVM and embedded MariaDB)"
  own_jvm EvaluationBenchmark evaluation -Dmembers="${MEMBERS:-1300}" -Dyears="${YEARS:-10}"
  echo "== evaluation done; load $(cut -d' ' -f1-3 /proc/loadavg)"
  hot "$OUT/evaluation-opening.jfr"
  hot "$OUT/evaluation-report.jfr"
fi

if [[ " $ONLY " == *" surveys "* ]]; then
  echo "== survey results (own JVM and embedded MariaDB)"
  own_jvm SurveyResultsBenchmark surveys -Dmembers="${SURVEY_MEMBERS:-1300}" -Drounds="${SURVEY_ROUNDS:-7}"
  echo "== survey results done; load $(cut -d' ' -f1-3 /proc/loadavg)"
  hot "$OUT/surveys.jfr"
fi

if [[ " $ONLY " == *" knowledge "* ]]; then
  echo "== knowledge bank search (own JVM and embedded MariaDB)"
  own_jvm KnowledgeSearchBenchmark knowledge -Ditems="${KNOWLEDGE_ITEMS:-20000}" -Ddocuments="${KNOWLEDGE_DOCUMENTS:-2000}"
  echo "== knowledge bank search done; load $(cut -d' ' -f1-3 /proc/loadavg)"
fi
echo "== load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Runs the benchmarks (not part of mvn verify; see bench/README.md) and ends with one summary table:
#   bash bench/run.sh
# 1. builds the fat jar (mvn package, tests not run), extracts it for the AOT cache or CDS (java -Djarmode=tools ...
#    extract, to target/bench-app) and compiles the programs in bench/ (target/bench-classes; their class path is
#    the application's classes and the jar's libraries);
#    The application runs on the Java of docker/Dockerfile's runtime image (its "FROM eclipse-temurin:<N>-jre"): a
#    JDK <N> under /usr/lib/jvm or RUN_JAVA_HOME; the build and the programs in bench/ on the default java.
# 2. start: the application's start to ready (/actuator/health UP) on a fresh data folder and again on the same
#    folder, as a plain `java -jar` and with the class cache of that Java (Java 24 and later: the AOT cache, a
#    training run with -XX:AOTCacheOutput, then -XX:AOTCache; before: CDS, -XX:ArchiveClassesAtExit, then
#    -XX:SharedArchiveFile), and, when the runtime is not the default java, a second start with CDS on the default
#    java as a baseline; the log's "Started ... in X seconds"; the JVM's and the embedded MariaDB's RSS after ready;
# 3. starts the application for the loads: the extracted jar with the cache on a fresh data folder
#    (target/bench-data), port 18080, with the JVM options of docker/Dockerfile (its ENV JAVA_TOOL_OPTIONS) as every
#    start here;
# 4. baseline: the JDBC baseline on the application's embedded MariaDB;
# 5. workshop: Gatling (bench/gatling) WorkshopSimulation, open model: 600 phones in 100 groups, each saving its own
#    field every 3 s for 60 s (200 saves/s offered), set up by WorkshopSetup (which measures the JDBC baseline right
#    before) and checked in the database by WorkshopCheck; the RSS again after it;
# 6. applications: Gatling ApplySimulation: after 200 warm-up applicants (10 a second) and a pause of 10 s, 200
#    applicants open /apply/sund-by over 10 s and all submit the multipart form with a small PDF at once (set up by
#    ApplicationsBench -Dsetup.only), checked by ApplicationsCheck;
# 7. stops the application (SIGTERM, the embedded MariaDB stops with it);
# 8. evaluation: the evaluation benchmark (1,300 members, report over 10 years) in its own JVM and embedded MariaDB;
# 9. the summary table: target/bench/summary.md (bench/summary.py, from target/bench/*.figures).
# Stages by ONLY (default "start baseline workshop applications evaluation", the figures of the table):
#   start baseline workshop applications (gatling = workshop applications) evaluation, and not by default:
#   burst (WorkshopBurst, the closed burst of 600 saves from 64 threads) membership (ApplicationsBench: 200 submits
#   from 32 threads and their drive to membership over /engine-rest) surveys knowledge
# Output: target/bench/*.log, *.figures, summary.md, gatling/<simulation>-<time>/index.html, *.jfr and *.hot.txt.
# Settings by environment: PORT (18080) PARTICIPANTS (600) WORKSHOP_GROUPS (100) DURATION (60 s) PACE (3 s)
#   WARMUP_SAVES (10000: saves on a session of its own before the workshop load, so it meets compiled code)
#   WARMUP_APPLICATIONS (200: applicants of their own, 10 a second, before the /apply burst; 0 = a cold burst)
#   APPLICATIONS (200) BURST_THREADS (64) APPLY_THREADS (32) MEMBERS (1300) YEARS (10) SURVEY_MEMBERS (1300)
#   SURVEY_ROUNDS (7) KNOWLEDGE_ITEMS (20000) KNOWLEDGE_DOCUMENTS (2000) PROFILE (0; 1 = record the Gatling loads
#   with JFR too) MVN_LOCK (/tmp/mvn.lock: each Maven command runs under flock on it, one build at a time on a
#   shared machine; empty = no lock) SKIP_BUILD (0; 1 = use target/healthy-cities-engine-*.jar as it is)
#   BENCH_CLASSPATH_FILE (a class path for the programs instead of the jar's libraries) RUN_JAVA_HOME (the JDK that
#   runs the application; default: the one of the Dockerfile's runtime image, else the default java)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PORT="${PORT:-18080}"
DATA="target/bench-data"
OUT="target/bench"
PASSWORD="bench-$(date +%s)-Pa55"
ONLY=" ${ONLY:-start baseline workshop applications evaluation} "
if [[ "$ONLY" == *" gatling "* ]]; then ONLY="$ONLY workshop applications "; fi
MVN_LOCK="${MVN_LOCK-/tmp/mvn.lock}"
PROFILE="${PROFILE:-0}"
mkdir -p "$OUT"
# every figure of the summary comes from this run
rm -f "$OUT"/*.figures "$OUT"/*.counters "$OUT"/workshop-*.csv "$OUT"/apply-*.csv "$OUT"/summary.md

has() { [[ "$ONLY" == *" $1 "* ]]; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
mvn_() { # one Maven build at a time
  if [[ -n "$MVN_LOCK" ]] && command -v flock > /dev/null; then flock "$MVN_LOCK" mvn "$@"; else mvn "$@"; fi
}

echo "== machine: $(nproc) cores, $(free -m | awk '/Mem:/ {print $2 " MB"}') memory, $(java -version 2>&1 | head -1)"
echo "== load average at start: $(load); stages:$ONLY"

# the JVM options production runs with: the value of ENV JAVA_TOOL_OPTIONS in docker/Dockerfile
JVM_OPTIONS=$(sed -n 's/^ENV JAVA_TOOL_OPTIONS=//p' docker/Dockerfile | head -1 | sed 's/^"\(.*\)"$/\1/')
MALLOC_ARENAS=$(sed -n 's/^ENV MALLOC_ARENA_MAX=//p' docker/Dockerfile | head -1)
export MALLOC_ARENA_MAX="${MALLOC_ARENAS:-8}"
echo "== JVM options of docker/Dockerfile (JAVA_TOOL_OPTIONS): ${JVM_OPTIONS:-none}; MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX"
{
  echo "date=$(date '+%Y-%m-%d %H:%M %Z')"
  echo "machine=$(nproc) cores, $(free -m | awk '/Mem:/ {print $2 " MB"}') memory, $(java -version 2>&1 | head -1)"
  echo "load.start=$(load)"
  echo "stages=$(echo $ONLY)"
  echo "java.tool.options=$JVM_OPTIONS"
} > "$OUT/run.figures"

# ---- build (SKIP_BUILD=1: the jar as it is, e.g. when only the programs in bench/ changed)
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then mvn_ -B -q -DskipTests package; fi
JAR=$(ls target/healthy-cities-engine-*.jar | grep -v '\.original$' | head -1)
APP_DIR="target/bench-app"
rm -rf "$APP_DIR"
java -Djarmode=tools -jar "$JAR" extract --destination "$APP_DIR" > /dev/null
APP_JAR="$APP_DIR/$(basename "$JAR")"

# the Java that runs the application: the one of the image (docker/Dockerfile's runtime stage)
IMAGE_JAVA=$(sed -n 's/^FROM eclipse-temurin:\([0-9]*\)-jre.*/\1/p' docker/Dockerfile | head -1)
java_major() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
if [[ -z "${RUN_JAVA_HOME:-}" ]]; then
  RUN_JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  if [[ "$(java_major java)" != "$IMAGE_JAVA" ]]; then
    for home in /usr/lib/jvm/*"$IMAGE_JAVA"*; do
      if [[ -x "$home/bin/java" && "$(java_major "$home/bin/java")" == "$IMAGE_JAVA" ]]; then RUN_JAVA_HOME=$home; break; fi
    done
  fi
fi
RUN_JAVA="$RUN_JAVA_HOME/bin/java"
JCMD="$RUN_JAVA_HOME/bin/jcmd"
RUN_MAJOR=$(java_major "$RUN_JAVA")
DEFAULT_MAJOR=$(java_major java)
if [[ "$RUN_MAJOR" != "$IMAGE_JAVA" ]]; then
  echo "== NOTE: no Java $IMAGE_JAVA found (the image's runtime); the application runs on Java $RUN_MAJOR"
fi
echo "== the application runs on $("$RUN_JAVA" -version 2>&1 | head -1) ($RUN_JAVA_HOME)"
echo "runtime=$("$RUN_JAVA" -version 2>&1 | head -1)" >> "$OUT/run.figures"
# Java 24 and later: the AOT cache (JEP 483/514/515), which Spring Boot recommends over CDS there
if (( RUN_MAJOR >= 24 )); then
  CACHE_KIND="AOT cache"
  CACHE_FILE="$ROOT/$APP_DIR/application.aot"
  CACHE_TRAIN=(-XX:AOTCacheOutput="$CACHE_FILE")
  CACHE_USE=(-XX:AOTCache="$CACHE_FILE")
else
  CACHE_KIND="CDS"
  CACHE_FILE="$ROOT/$APP_DIR/application.jsa"
  CACHE_TRAIN=(-XX:ArchiveClassesAtExit="$CACHE_FILE")
  CACHE_USE=(-XX:SharedArchiveFile="$CACHE_FILE")
fi
echo "cache.kind=$CACHE_KIND" >> "$OUT/run.figures"
if [[ -n "${BENCH_CLASSPATH_FILE:-}" ]]; then
  tr -d '\n' < "$BENCH_CLASSPATH_FILE" > target/bench-classpath.txt
else
  # what the fat jar ships: the application's own libraries, nothing of the tests
  ls "$APP_DIR"/lib/*.jar | paste -sd: > target/bench-classpath.txt
fi
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
rm -rf target/bench-classes
# the programs that start the application in their own JVM use its classes directly: each is compiled when its stage
# runs, so one that no longer compiles against the application stops only its own stage
OWN_JVM=" EvaluationBenchmark SurveyResultsBenchmark KnowledgeSearchBenchmark "
SHARED=()
for f in bench/*.java; do [[ "$OWN_JVM" == *" $(basename "$f" .java) "* ]] || SHARED+=("$f"); done
# ProcStat (a process's CPU time) is shared with the Gatling simulations
javac -nowarn -d target/bench-classes -cp "$CP" "${SHARED[@]}" bench/gatling/src/test/java/ProcStat.java
BENCH_CP="target/bench-classes:$CP"

# a benchmark in its own JVM on its own embedded MariaDB: the application itself, without target/test-classes (the
# tests' fixtures are Spring components too); its output goes to $OUT/<log>.log
own_jvm() { # main class, log name, -D settings...
  local main="$1" log="$2"
  shift 2
  javac -nowarn -d target/bench-classes -cp "$BENCH_CP" "bench/$main.java" 2>&1 | tee "$OUT/$log.log" || return 1
  "$RUN_JAVA" -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints -Dprofile.dir="$OUT" "$@" \
    -cp "target/bench-classes:target/classes:$(cat target/bench-classpath.txt)" "$main" 2>&1 \
    | grep -v '^\s*$' | tee "$OUT/$log.log"
}

hot() { # top methods of a recording
  python3 bench/hot-methods.py "$1" > "${1%.jfr}.hot.txt" || true
  head -45 "${1%.jfr}.hot.txt"
}

# ---- starting and stopping the application
APP_PID=""
READY_S=""
stop_app() { # SIGTERM and wait: graceful shutdown, the embedded MariaDB stops with the JVM
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID"
    # (up to 2 minutes: a training run writes its cache on the way out)
    for _ in $(seq 1 240); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
trap stop_app EXIT

rss_mb() { # VmRSS of a process in MB
  awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo "-"
}
db_pid() { cat "$1/mariadb/mariadbd.pid" 2>/dev/null || true; }
mapped_mb() { # how much class data the JVM mapped from CDS archives or its AOT cache (the JDK's own: ~13 MB)
  "$JCMD" "$1" VM.info 2>/dev/null | sed -n 's/^CDS archive(s) mapped at.* size \([0-9]*\),.*/\1/p' \
    | awk '{printf "%.0f", $1 / 1048576}'
}

launch() { # data folder, log, java arguments...: starts the application, waits for /actuator/health UP; sets APP_PID, READY_S
  # (LAUNCH_JAVA: another java than the runtime's, for a baseline)
  local data="$1" log="$2" java="${LAUNCH_JAVA:-$RUN_JAVA}"
  shift 2
  if curl -fs -o /dev/null "http://localhost:$PORT/actuator/health"; then
    echo "something already answers on port $PORT"; exit 1
  fi
  local t0
  t0=$(date +%s%N)
  HC_DATA_DIR="$data" PORT="$PORT" HC_ADMIN_PASSWORD="$PASSWORD" HC_BASE_URL="http://localhost:$PORT" \
    JAVA_TOOL_OPTIONS="$JVM_OPTIONS" "$java" "$@" > "$log" 2>&1 &
  APP_PID=$!
  local deadline=$(( $(date +%s) + 600 ))
  until curl -fs "http://localhost:$PORT/actuator/health" 2>/dev/null | grep -q UP; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then echo "the application did not start, see $log"; tail -20 "$log"; exit 1; fi
    if (( $(date +%s) > deadline )); then echo "the application was not ready after 600 s, see $log"; exit 1; fi
    sleep 0.1
  done
  READY_S=$(awk -v t0="$t0" -v t1="$(date +%s%N)" 'BEGIN {printf "%.1f", (t1 - t0) / 1e9}')
}

started_s() { # "Started HealthyCitiesApplication in 23.456 seconds" in the log
  grep -o 'Started [A-Za-z]* in [0-9.]* seconds' "$1" | head -1 | awk '{printf "%.1f", $4}' || true
}

measure_start() { # key, data folder, java arguments...: one start to ready, its figures to start.figures, stopped again
  local key="$1" data="$2"
  shift 2
  launch "$data" "$OUT/start-$key.log" "$@"
  local rss db started mapped
  rss=$(rss_mb "$APP_PID")
  db=$(rss_mb "$(db_pid "$data")")
  started=$(started_s "$OUT/start-$key.log")
  mapped=$(mapped_mb "$APP_PID")
  printf '%s.ready=%s\n%s.started=%s\n%s.rss=%s\n%s.db.rss=%s\n%s.mapped.mb=%s\n' "$key" "$READY_S" \
    "$key" "${started:--}" "$key" "$rss" "$key" "$db" "$key" "${mapped:--}" >> "$OUT/start.figures"
  echo "   $key: ready after $READY_S s (log: started in ${started:--} s), JVM RSS $rss MB, MariaDB RSS $db MB," \
    "classes mapped ${mapped:--} MB; load $(load)"
  stop_app
}

CACHE_READY=""
train_cache() { # java, cache file, training options...: a training run of the extracted jar on a fresh data folder,
  # a whole start to ready and a graceful stop, at whose exit the JVM writes the cache (the documented
  # -Dspring.context.exit=onRefresh would leave out what the start does after the refresh: the web server, the
  # engine's deployments, the started listeners)
  local java="$1" file="$2"
  shift 2
  rm -rf target/bench-cache-training "$file"
  local t0
  t0=$(date +%s)
  LAUNCH_JAVA="$java" launch "$ROOT/target/bench-cache-training" "$OUT/cache-training-$(basename "$file").log" "$@" \
    -jar "$APP_JAR"
  stop_app
  if [[ ! -s "$file" ]]; then echo "no cache written, see $OUT/cache-training-$(basename "$file").log"; exit 1; fi
  echo "   $(basename "$file"): $(du -m "$file" | cut -f1) MB in $(( $(date +%s) - t0 )) s"
}
prepare_cache() { # the runtime's cache, once per run
  [[ -n "$CACHE_READY" ]] && return 0
  echo "== $CACHE_KIND training run (${CACHE_TRAIN[*]}) on a fresh data folder"
  train_cache "$RUN_JAVA" "$CACHE_FILE" "${CACHE_TRAIN[@]}"
  CACHE_READY=1
}
CACHE_ARGS=("${CACHE_USE[@]}" -jar "$APP_JAR")

# ---- 2. start figures
if has start; then
  echo "== start to ready (fresh data folder, then the same folder again)"
  printf 'java.tool.options=%s\ncache.kind=%s\n' "$JVM_OPTIONS" "$CACHE_KIND" > "$OUT/start.figures"
  rm -rf target/bench-start-plain target/bench-start-cache
  # the very first start: the embedded server's binaries unpacked too (into a folder of their own, removed after);
  # every later start, whatever its data folder, finds them unpacked under ~/.cache/healthy-cities
  rm -rf target/bench-binaries-first
  HC_MARIADB_BINARIES="$ROOT/target/bench-binaries-first" measure_start plain.first target/bench-start-plain -jar "$JAR"
  measure_start plain.second target/bench-start-plain -jar "$JAR"
  prepare_cache
  measure_start cache.first target/bench-start-cache "${CACHE_ARGS[@]}"
  measure_start cache.second target/bench-start-cache -Dhc.startup.steps=true "${CACHE_ARGS[@]}"
  echo "== the slowest beans of the second start with the $CACHE_KIND (BufferingApplicationStartup, StartupReport):"
  sed -n '/Slowest beans to create/,/Ready [0-9]* ms after/p' "$OUT/start-cache.second.log" | sed -n '2,16p'
  if [[ "$RUN_MAJOR" != "$DEFAULT_MAJOR" ]] && (( DEFAULT_MAJOR < 24 )); then
    # the baseline of what the image ran before: the default java (Java 17) with CDS, on the same data folder
    echo "== baseline: a second start on the default java (Java $DEFAULT_MAJOR) with CDS"
    DEFAULT_JAVA=$(command -v java)
    train_cache "$DEFAULT_JAVA" "$ROOT/$APP_DIR/application.jsa" -XX:ArchiveClassesAtExit="$ROOT/$APP_DIR/application.jsa"
    printf 'default.java=%s\n' "$(java -version 2>&1 | head -1)" >> "$OUT/start.figures"
    LAUNCH_JAVA="$DEFAULT_JAVA" measure_start default.cds.second target/bench-start-cache \
      -XX:SharedArchiveFile="$ROOT/$APP_DIR/application.jsa" -jar "$APP_JAR"
  fi
fi

# ---- 3.-7. the loads against one running application
if has baseline || has workshop || has applications || has burst || has membership; then
  prepare_cache
  rm -rf "$DATA"
  PROFILE_ARGS=()
  if [[ "$PROFILE" == 1 ]]; then PROFILE_ARGS=(-XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints); fi
  echo "== starting the application for the loads ($CACHE_KIND, fresh data folder $DATA, port $PORT; log: $OUT/app.log)"
  launch "$DATA" "$OUT/app.log" "${PROFILE_ARGS[@]}" "${CACHE_ARGS[@]}"
  # the embedded server's port, from its command line (it is logged before logging starts)
  DB_PORT=$(tr '\0' '\n' < "/proc/$(db_pid "$DATA")/cmdline" | sed -n 's/^--port=//p')
  if [[ -z "$DB_PORT" ]]; then echo "no database port"; exit 1; fi
  JDBC_URL="jdbc:mariadb://127.0.0.1:$DB_PORT/healthycities"
  JDBC="-Djdbc.url=$JDBC_URL"
  {
    echo "ready=$READY_S"
    echo "started=$(started_s "$OUT/app.log")"
    echo "rss.start=$(rss_mb "$APP_PID")"
    echo "db.rss.start=$(rss_mb "$(db_pid "$DATA")")"
  } > "$OUT/app.figures"
  echo "== application up (pid $APP_PID) after $READY_S s, JVM RSS $(rss_mb "$APP_PID") MB, MariaDB RSS" \
    "$(rss_mb "$(db_pid "$DATA")") MB, database on port $DB_PORT; load $(load)"

  profile() { # name class args...: the benchmark records its measured part with JFR on the application JVM
    local name=$1 main=$2; shift 2
    java -cp "$BENCH_CP" "$JDBC" -Dprofile.jcmd="$JCMD" -Dprofile.pid="$APP_PID" -Dprofile.file="$ROOT/$OUT/$name.jfr" "$main" "$@" 2>&1 \
      | tee "$OUT/$name.log"
    echo "== $name done; load $(load)"
    hot "$OUT/$name.jfr"
  }

  gatling() { # simulation, name, -D settings...: the load, its report in $OUT/gatling, its figures in $OUT/<name>.figures
    local simulation=$1 name=$2; shift 2
    local lower
    lower=$(echo "$simulation" | tr '[:upper:]' '[:lower:]')
    if [[ "$PROFILE" == 1 ]]; then "$JCMD" "$APP_PID" JFR.start name=gatling settings=profile > /dev/null; fi
    local since rc=0
    since=$(date +%s)
    mvn_ -B -f bench/gatling/pom.xml gatling:test -Dgatling.simulationClass="$simulation" \
      -Dbase.url="http://localhost:$PORT" -Dbench.out="$ROOT/$OUT" -Djdbc.url="$JDBC_URL" \
      -Dapp.pid="$APP_PID" -Ddb.pid="$(db_pid "$DATA")" "$@" 2>&1 \
      | sed -u '/^\[INFO\]/d; /^\s*$/d' | tee "$OUT/$name.log" || rc=$?
    if [[ "$PROFILE" == 1 ]]; then
      "$JCMD" "$APP_PID" JFR.stop name=gatling filename="$ROOT/$OUT/$name.jfr" > /dev/null
      hot "$OUT/$name.jfr"
    fi
    local report
    report=$(ls -td "$OUT"/gatling/"$lower"-*/ 2>/dev/null | head -1)
    if [[ -z "$report" || ! -f "$report/index.html" || $(stat -c %Y "$report/index.html") -lt $since ]]; then
      echo "== $name: Gatling failed (exit $rc), no report; see $OUT/$name.log"
      return 1
    fi
    python3 bench/gatling_figures.py "$report" > "$OUT/$name.figures"
    echo "== $name done: report ${report%/}/index.html; load $(load)"
  }

  if has baseline; then
    echo "== JDBC baseline"
    java -cp "$BENCH_CP" JdbcBaseline "$JDBC_URL" 2>&1 | tee "$OUT/baseline.log"
    sed -n 's/^BASELINE serial=\([0-9.]*\) concurrent=\([0-9.]*\)$/serial=\1\nconcurrent=\2/p' "$OUT/baseline.log" \
      > "$OUT/baseline.figures"
  fi
  if has workshop; then
    echo "== workshop: set-up (session, ${PARTICIPANTS:-600} phones join) and the JDBC baseline right before"
    if java -cp "$BENCH_CP" "$JDBC" -Dbench.out="$OUT" -Dwarmup.saves="${WARMUP_SAVES:-10000}" WorkshopSetup \
        "http://localhost:$PORT" admin "$PASSWORD" "${PARTICIPANTS:-600}" "${WORKSHOP_GROUPS:-100}" 2>&1 | tee "$OUT/workshop-setup.log"; then
      echo "== workshop: Gatling WorkshopSimulation, a save every ${PACE:-3} s per phone for ${DURATION:-60} s"
      if gatling WorkshopSimulation workshop -Dduration="${DURATION:-60}" -Dpace="${PACE:-3}"; then
        printf 'pace=%s\nduration=%s\n' "${PACE:-3}" "${DURATION:-60}" >> "$OUT/workshop.figures"
        cat "$OUT/workshop-window.figures" >> "$OUT/workshop.figures" 2>/dev/null || true
      fi
      echo "rss.after.workshop=$(rss_mb "$APP_PID")" >> "$OUT/app.figures"
      echo "db.rss.after.workshop=$(rss_mb "$(db_pid "$DATA")")" >> "$OUT/app.figures"
      echo "== workshop: check in the database; JVM RSS now $(rss_mb "$APP_PID") MB"
      java -cp "$BENCH_CP" "$JDBC" -Dbench.out="$OUT" WorkshopCheck 2>&1 | tee "$OUT/workshop-check.log" \
        || echo "== the workshop check failed"
    else
      echo "== the workshop set-up failed, see $OUT/workshop-setup.log"
    fi
  fi
  if has applications; then
    echo "== applications: set-up (${APPLICATIONS:-200} municipality codes imported, ${WARMUP_APPLICATIONS:-200} for the warm-up) and the JDBC baseline right before"
    if java -cp "$BENCH_CP" "$JDBC" -Dbench.out="$OUT" -Dsetup.only=true -Dwarmup="${WARMUP_APPLICATIONS:-200}" ApplicationsBench "http://localhost:$PORT" \
        admin "$PASSWORD" "${APPLICATIONS:-200}" 2>&1 | tee "$OUT/applications-setup.log"; then
      echo "== applications: Gatling ApplySimulation, the warm-up (10 a second), a pause, then all at once"
      if gatling ApplySimulation applications; then
        cat "$OUT/apply-window.figures" >> "$OUT/applications.figures" 2>/dev/null || true
      fi
      java -cp "$BENCH_CP" "$JDBC" -Dbench.out="$OUT" ApplicationsCheck 2>&1 | tee "$OUT/applications-check.log" \
        || echo "== the applications check failed"
    else
      echo "== the applications set-up failed, see $OUT/applications-setup.log"
    fi
  fi
  if has burst; then
    echo "== workshop burst (closed: every phone saves once, at the same moment, from ${BURST_THREADS:-64} threads)"
    profile burst WorkshopBurst "http://localhost:$PORT" admin "$PASSWORD" \
      "${PARTICIPANTS:-600}" "${WORKSHOP_GROUPS:-100}" "${BURST_THREADS:-64}"
  fi
  if has membership; then
    echo "== applications from ${APPLY_THREADS:-32} threads, driven to membership over /engine-rest"
    profile membership ApplicationsBench "http://localhost:$PORT" admin "$PASSWORD" \
      "${APPLICATIONS:-200}" "${APPLY_THREADS:-32}"
  fi
  echo "== stopping the application"
  stop_app
fi

if has evaluation; then
  echo "== evaluation round (own JVM and embedded MariaDB)"
  own_jvm EvaluationBenchmark evaluation -Dmembers="${MEMBERS:-1300}" -Dyears="${YEARS:-10}" \
    || echo "== the evaluation benchmark failed, see $OUT/evaluation.log"
  {
    sed -n 's/^OPENING: round for \([0-9]*\) members, every invitation out after \([0-9.]*\) s$/members=\1\nopening.seconds=\2/p' "$OUT/evaluation.log"
    sed -n 's/.*bare engine: \([0-9,]*\) instances[a-z -]* in \([0-9.]*\) s.*/bare.instances=\1\nbare.seconds=\2/p' "$OUT/evaluation.log"
  } > "$OUT/evaluation.figures"
  echo "== evaluation done; load $(load)"
  for f in "$OUT"/evaluation-opening.jfr "$OUT"/evaluation-report.jfr; do [[ -f "$f" ]] && hot "$f"; done
fi

if has surveys; then
  echo "== survey results (own JVM and embedded MariaDB)"
  if own_jvm SurveyResultsBenchmark surveys -Dmembers="${SURVEY_MEMBERS:-1300}" -Drounds="${SURVEY_ROUNDS:-7}"; then
    echo "== survey results done; load $(load)"
    hot "$OUT/surveys.jfr"
  else
    echo "== the survey results benchmark failed, see $OUT/surveys.log"
  fi
fi

if has knowledge; then
  echo "== knowledge bank search (own JVM and embedded MariaDB)"
  own_jvm KnowledgeSearchBenchmark knowledge -Ditems="${KNOWLEDGE_ITEMS:-20000}" -Ddocuments="${KNOWLEDGE_DOCUMENTS:-2000}" \
    || echo "== the knowledge bank search benchmark failed, see $OUT/knowledge.log"
fi
echo "== load average at end: $(load)"
echo "load.end=$(load)" >> "$OUT/run.figures"

echo "== summary ($OUT/summary.md)"
python3 bench/summary.py "$OUT" | tee "$OUT/summary.md"

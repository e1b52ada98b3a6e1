#!/usr/bin/env bash
# Fault 3: two application nodes on one database (a Camunda homogeneous cluster: same schema, both job
# executors on). Starts both at the same moment on an empty database, then checks (bench/faults/Cluster.java):
# first-start data made once; a login on A valid on B (our pages and Camunda's webapps); async jobs and
# reminder timers run once; node A killed (kill -9) while it holds jobs, node B takes them over once A's
# locks run out (lock time shortened to LOCK_MS for the run); A restarted; the same claimed task completed
# on A and B at the same moment, exactly one succeeds.
#   bench/faults/two-nodes.sh [members] [lock-ms]
source "$(dirname "$0")/lib.sh"
M=${1:-100}; LOCK_MS=${2:-15000}
PA=18281; PB=18282; A=http://localhost:$PA; B=http://localhost:$PB
JDBC="jdbc:mariadb://127.0.0.1:$DB_PORT/$DB_NAME"
trap 'node_kill a -KILL; node_kill b -KILL; db_stop' EXIT
: > "$FAULTS_DIR/a.log"; : > "$FAULTS_DIR/b.log"
db_start; db_fresh
export HC_JOB_LOCK_TIME_MS=$LOCK_MS
# an idle job executor polls at most every 2 s (default: backs off to 60 s), so both nodes take part
POLL="-Dcamunda.bpm.job-execution.wait-time-in-millis=1000 -Dcamunda.bpm.job-execution.max-wait=2000"
HC_NODE_NAME=node-a node_start a $PA $POLL
HC_NODE_NAME=node-b node_start b $PB $POLL
t0=$(date +%s)
node_wait a $PA; node_wait b $PB
echo "Both nodes started at once and healthy after $(( $(date +%s) - t0 )) s"
grep -h "Waited .* for another node" "$FAULTS_DIR/a.log" "$FAULTS_DIR/b.log" | sed 's/.*: /  startup lock: /' || true
status=0
for phase in startup sessions jobs; do
    echo "== $phase"
    faults_java Cluster $phase $A $B "$JDBC" "$ADMIN_PASSWORD" "$M" || status=1
done
echo "== kill (lock time $LOCK_MS ms)"
faults_java Cluster kill $A $B "$JDBC" "$ADMIN_PASSWORD" "$M" "$FAULTS_DIR/a.pid" || status=1
rm -f "$FAULTS_DIR/a.pid"
HC_NODE_NAME=node-a node_start a $PA $POLL; node_wait a $PA
echo "== tasks (node A restarted)"
faults_java Cluster tasks $A $B "$JDBC" "$ADMIN_PASSWORD" "$M" || status=1
echo "Errors logged: node A $(grep -c ' ERROR ' "$FAULTS_DIR/a.log"), node B $(grep -c ' ERROR ' "$FAULTS_DIR/b.log")"
exit $status

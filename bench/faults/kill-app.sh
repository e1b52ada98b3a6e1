#!/usr/bin/env bash
# Fault 1: kill -9 of the application during the workshop burst, then a restart.
#   bench/faults/kill-app.sh [participants] [groups] [threads] [rounds] [seconds-before-kill]
source "$(dirname "$0")/lib.sh"
N=${1:-600}; G=${2:-100}; T=${3:-64}; R=${4:-10}; AFTER=${5:-4}
PORT=18181; STARTED=$FAULTS_DIR/kill-app.started
trap 'node_kill app -KILL; db_stop' EXIT
rm -f "$STARTED"; : > "$FAULTS_DIR/app.log"
db_start; db_fresh
node_start app $PORT; node_wait app $PORT
faults_java FaultBurst.java "http://localhost:$PORT" "jdbc:mariadb://127.0.0.1:$DB_PORT/$DB_NAME" "$ADMIN_PASSWORD" \
    "$N" "$G" "$T" "$R" "$STARTED" &
BURST=$!
while [ ! -f "$STARTED" ]; do kill -0 $BURST || exit 1; sleep 0.2; done
sleep "$AFTER"
before=$(sql "SELECT COUNT(*) FROM workshop_answer WHERE value LIKE 'p% r%'")
node_kill app -KILL
echo "FAULT kill -9 of the application $AFTER s into the burst (answers with text at the kill: $before)"
t0=$(date +%s)
node_start app $PORT; node_wait app $PORT
echo "FAULT restarted and healthy after $(( $(date +%s) - t0 )) s"
wait $BURST

#!/usr/bin/env bash
# Fault 2: the database stopped and started again under load (the workshop burst), the application left
# running: it must recover by itself (Hikari opens new connections, the job executor acquires again).
#   bench/faults/db-restart.sh [participants] [groups] [threads] [rounds] [seconds-before] [seconds-down] [stop|crash]
# stop = clean shutdown (SIGTERM), crash = kill -9 of mariadbd (InnoDB recovers from its log on start).
source "$(dirname "$0")/lib.sh"
N=${1:-600}; G=${2:-100}; T=${3:-64}; R=${4:-10}; AFTER=${5:-4}; DOWN=${6:-15}; HOW=${7:-stop}
PORT=18182
burst_start db-restart $PORT "$N" "$G" "$T" "$R" "$AFTER"
if [ "$HOW" = crash ]; then db_stop -KILL; else db_stop -TERM; fi
echo "FAULT database $HOW $AFTER s into the burst (answers with text then: $BEFORE); down for $DOWN s"
sleep "$DOWN"
db_start
t0=$(date +%s)
echo "FAULT database up again; health of the application:"
for _ in $(seq 1 120); do
    curl -sf "http://localhost:$PORT/actuator/health" > /dev/null && break
    sleep 1
done
echo "FAULT application healthy $(( $(date +%s) - t0 )) s after the database came back (no restart of the application)"
wait $BURST
status=$?
echo "Errors the application logged while the database was away: $(grep -c ' ERROR ' "$FAULTS_DIR/app.log")"
kill -0 "$(cat "$FAULTS_DIR/app.pid")" && echo "FAULT application process still the same one: yes"
exit $status

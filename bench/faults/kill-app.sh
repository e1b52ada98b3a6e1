#!/usr/bin/env bash
# Fault 1: kill -9 of the application during the workshop burst, then a restart.
#   bench/faults/kill-app.sh [participants] [groups] [threads] [rounds] [seconds-before-kill]
source "$(dirname "$0")/lib.sh"
N=${1:-600}; G=${2:-100}; T=${3:-64}; R=${4:-10}; AFTER=${5:-4}
PORT=18181
burst_start kill-app $PORT "$N" "$G" "$T" "$R" "$AFTER"
node_kill app -KILL
echo "FAULT kill -9 of the application $AFTER s into the burst (answers with text at the kill: $BEFORE)"
t0=$(date +%s)
node_start app $PORT; node_wait app $PORT
echo "FAULT restarted and healthy after $(( $(date +%s) - t0 )) s"
wait $BURST

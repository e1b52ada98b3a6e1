#!/usr/bin/env bash
# All fault runs, one after the other (about 15-25 minutes on a 2-core machine). Build the jar first:
#   mvn -q -DskipTests package && bench/faults/run-all.sh
set -uo pipefail
dir=$(dirname "$0")
status=0
echo "=== 1. kill -9 of the application during the workshop burst"; "$dir/kill-app.sh" || status=1
echo "=== 2a. database stopped cleanly under load";                 "$dir/db-restart.sh" 600 100 64 10 4 15 stop || status=1
echo "=== 2b. database killed (kill -9) under load";                "$dir/db-restart.sh" 600 100 64 10 4 15 crash || status=1
echo "=== 3. two nodes on one database";                            "$dir/two-nodes.sh" || status=1
exit $status

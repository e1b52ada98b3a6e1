#!/usr/bin/env bash
# The evaluation benchmark alone (not part of mvn verify); see bench/run.sh and bench/README.md:
#   bash bench/evaluation-benchmark.sh            # 1,300 members; 10 years for the report
#   MEMBERS=200 YEARS=3 bash bench/evaluation-benchmark.sh
exec env ONLY=evaluation bash "$(dirname "$0")/run.sh"

#!/usr/bin/env bash
# Benchmark of the annual evaluation (not part of mvn verify):
#   bash bench/evaluation-benchmark.sh            # 1,300 members; 10 years for the report
#   MEMBERS=200 YEARS=3 bash bench/evaluation-benchmark.sh
# Prints the time until every invitation of a round for 1,300 generated members is out, and the time of
# the round report + year-over-year view over 10 years x 1,300 members, on the embedded MariaDB
# (fresh, under target/bench-db).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Dmembers="${MEMBERS:-1300}" -Dyears="${YEARS:-10}" \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" bench/EvaluationBenchmark.java

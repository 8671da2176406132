#!/usr/bin/env bash
# Builds (once per call) and runs one benchmark: bench/run.sh RebuildBenchmark [args]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -ntp -o -q -Pbench -pl bench -am -DskipTests package
fi
CP="bench/target/classes"
for m in shared-kernel platform command-side query-side standalone; do CP="$CP:$m/target/classes"; done
CP="$CP:$(cat bench/target/classpath.txt)"
main="$1"; shift
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -cp "$CP" "se.malspar.bench.$main" "$@"

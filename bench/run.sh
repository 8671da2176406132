#!/usr/bin/env bash
# Builds (once per call) and runs one benchmark: bench/run.sh RebuildBenchmark [args]
# The build resolves what it needs (a fresh clone has never downloaded the dependency plugin's own
# dependencies); BENCH_MAVEN_OFFLINE=1 builds offline (-o) once they are there. SKIP_BUILD=1 skips it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -ntp -q ${BENCH_MAVEN_OFFLINE:+-o} -Pbench -pl bench -am -DskipTests package
fi
CP="bench/target/classes"
for m in shared-kernel platform command-side query-side standalone; do CP="$CP:$m/target/classes"; done
CP="$CP:$(cat bench/target/classpath.txt)"
main="$1"; shift
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -cp "$CP" "se.malspar.bench.$main" "$@"

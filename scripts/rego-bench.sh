#!/usr/bin/env bash
# Benchmarks of the Rego engine, as reported in rego/BENCHMARKS.md: the gateway
# authorization policy (rego/src/test/resources/bench/authz.rego, 1,000 catalog entities,
# a pool of 256 inputs) evaluated through a prepared query, and parsing plus compiling
# 100 modules. About 5 minutes on 2 cores. Not run by CI: the numbers only mean something
# on a quiet machine.
#
# Usage: scripts/rego-bench.sh [JMH benchmark regex] [extra JMH options...]
#   scripts/rego-bench.sh                          all: latency, throughput 1/2 threads, parse+compile, harness
#   scripts/rego-bench.sh 'AuthzEval.*latency' -prof gc
# Output: printed, and kept under rego/target/bench/.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"
OUT="$ROOT/rego/target/bench"
FILTER="${1:-dev\.cairn\.rego\.bench\..*Benchmark}"
shift || true
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

echo "== build (rego test classes and their class path)"
./mvnw -q -pl rego test-compile dependency:build-classpath \
	-Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="$ROOT/rego/target/test-classes:$ROOT/rego/target/classes:$(cat rego/target/bench-classpath.txt)"
mkdir -p "$OUT"

echo "== machine"
echo "cores: $(nproc), memory: $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -version 2>&1 | head -2

echo "== JMH (full log: $OUT/jmh.log)"
"$JAVA" -cp "$CP" org.openjdk.jmh.Main -foe true -o "$OUT/jmh.log" -rf text -rff "$OUT/jmh.txt" "$FILTER" "$@"
cat "$OUT/jmh.txt"

if [ $# -eq 0 ]; then
	echo "== per-evaluation latency, every evaluation timed (no JMH)"
	"$JAVA" -Xms1g -Xmx1g -cp "$CP" dev.cairn.rego.bench.LatencyHarness 2000000 2000000 | tee "$OUT/harness.txt"
fi

echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

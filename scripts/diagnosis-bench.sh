#!/usr/bin/env bash
# What deployment_diagnose costs in process (the analyzers over the sandbox's ports, no MCP
# or guard): every deployed demo service in both environments, nine failures injected, as
# reported in docs/performance.md. Under a minute. Not run by CI.
#
# Usage: scripts/diagnosis-bench.sh [rounds]
# Output: printed, and kept in mcp-server/target/bench/diagnosis.txt.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"
OUT="$ROOT/mcp-server/target/bench"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

echo "== build (test classes and their class path)"
./mvnw -q -pl mcp-server -am test-compile dependency:build-classpath \
	-Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="$ROOT/mcp-server/target/test-classes:$ROOT/mcp-server/target/classes:$(cat mcp-server/target/bench-classpath.txt)"
mkdir -p "$OUT"

echo "== machine"
echo "cores: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== Diagnoser.diagnose over the sandbox"
"$JAVA" -Xms1g -Xmx1g -cp "$CP" dev.cairn.bench.DiagnosisLatency "$@" | tee "$OUT/diagnosis.txt"

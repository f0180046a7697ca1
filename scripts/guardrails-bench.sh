#!/usr/bin/env bash
# The cost of the guardrails, as reported in docs/performance.md: the same MCP tools/call
# against Cairn with the guard off, with the in-process Rego engine and the audit trail,
# and with a stubbed OPA server and the audit trail, all in one run (rounds alternate).
# About 4 minutes on 2 cores. Not run by CI: the numbers only mean something on a quiet
# machine.
#
# Usage: scripts/guardrails-bench.sh [rounds] [sequential calls per round] [clients] [seconds per round]
# Output: printed, and kept in mcp-server/target/bench/guardrails.txt.
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
echo "cores: $(nproc), memory: $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -version 2>&1 | head -2

echo "== tools/call with the guardrails off, on (in-process Rego) and on (stubbed OPA server)"
"$JAVA" -Xms2g -Xmx2g -cp "$CP" dev.cairn.bench.GuardrailsOverhead "$@" | tee "$OUT/guardrails.txt"

echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

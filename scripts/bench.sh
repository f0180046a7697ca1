#!/usr/bin/env bash
# Scale benchmark of the catalog, as reported in docs/performance.md: a generated
# catalog of 100,000 entities and about 1,000,000 relations; its load time and heap;
# catalog_get_entity and catalog_blast_radius in-process (JMH); catalog_get_entity over
# MCP Streamable HTTP, sequential and with 8 concurrent clients. About 10 minutes on
# 2 cores. Not run by CI: the numbers only mean something on a quiet machine.
#
# Usage: scripts/bench.sh [JMH benchmark regex]   (default: all catalog benchmarks)
# Output: printed, and kept under mcp-server/target/bench/.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"
OUT="$ROOT/mcp-server/target/bench"
CATALOG="$ROOT/mcp-server/target/bench-catalog"
FILTER="${1:-dev\.cairn\.catalog\..*Benchmark}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

echo "== build (test classes and their class path)"
./mvnw -q -pl mcp-server -am test-compile dependency:build-classpath \
	-Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="$ROOT/mcp-server/target/test-classes:$ROOT/mcp-server/target/classes:$(cat mcp-server/target/bench-classpath.txt)"
mkdir -p "$OUT"

echo "== machine"
echo "cores: $(nproc), memory: $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -version 2>&1 | head -2

echo "== 1/4 generated catalog"
"$JAVA" -cp "$CP" dev.cairn.bench.CatalogGenerator "$CATALOG"

echo "== 2/4 counts, heap retained after load, blast radius sizes"
"$JAVA" -Xms4g -Xmx4g -cp "$CP" dev.cairn.catalog.CatalogFootprint "$CATALOG" | tee "$OUT/footprint.txt"

echo "== 3/4 JMH: load, catalog_get_entity and catalog_blast_radius in-process, with allocation (full log: $OUT/jmh.log)"
"$JAVA" -Dcairn.bench.catalog="$CATALOG" -cp "$CP" org.openjdk.jmh.Main -foe true -prof gc \
	-o "$OUT/jmh.log" -rf text -rff "$OUT/jmh.txt" "$FILTER"
cat "$OUT/jmh.txt"

echo "== 4/4 catalog_get_entity over MCP Streamable HTTP (server in the same JVM)"
"$JAVA" -Xms4g -Xmx4g -cp "$CP" dev.cairn.bench.McpHttpLoad "$CATALOG" 5000 8 30 | tee "$OUT/http.txt"

echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

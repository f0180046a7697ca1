#!/usr/bin/env bash
# Runs the Rego tests of the guardrails the way `opa test` does, with Cairn's own engine:
# every *_test.rego under the paths given (default: policies/), then line coverage with a
# 90% floor. Exit code 0 when every test passes and coverage is at least 90%, 2 when a
# test fails or coverage is short, 1 when a file does not parse (file:row:col is printed).
#
# Usage: scripts/policy-test.sh [flags] [PATH...]
#   flags as for `opa test`: -v, -r REGEX, -f json, -t 10s, ... (see rego/TESTING.md)
#   COVERAGE=85 scripts/policy-test.sh   changes the floor; COVERAGE=0 skips the coverage run
set -euo pipefail

cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
CP_FILE=rego/target/policy-test-classpath.txt

if [ ! -f "$CP_FILE" ] || [ ! -d rego/target/classes ] || [ -n "$(find rego/pom.xml rego/src/main -newer "$CP_FILE" -print -quit)" ]; then
	echo "building the rego module ..." >&2
	./mvnw -q -B -pl rego compile dependency:build-classpath -Dmdep.outputFile=target/policy-test-classpath.txt \
		-Dmdep.includeScope=runtime >&2
fi
CP="rego/target/classes:$(cat "$CP_FILE")"

paths=()
flags=()
for arg in "$@"; do
	if [ -e "$arg" ]; then paths+=("$arg"); else flags+=("$arg"); fi
done
[ ${#paths[@]} -gt 0 ] || paths=(policies)

"$JAVA" -cp "$CP" dev.cairn.rego.test.Main "${flags[@]}" "${paths[@]}"
floor="${COVERAGE:-90}"
if [ "$floor" != "0" ]; then
	report=rego/target/policy-coverage.json
	status=0
	"$JAVA" -cp "$CP" dev.cairn.rego.test.Main --threshold "$floor" "${paths[@]}" >"$report" || status=$?
	total=$(grep -o '"coverage": *[0-9.]*' "$report" | tail -n 1 | grep -o '[0-9.]*$' || true)
	# Below the floor, the runner prints only its own message (on standard error).
	[ -z "$total" ] || echo "COVERAGE: ${total}% (floor ${floor}%; per file: $report)"
	exit "$status"
fi

#!/usr/bin/env bash
# CI proof that `npm test` leaves the user's database alone (issue 11's done-when: after
# `npm start` and an import of a generated 3,000-actor graph into it, `npm test` passes and
# the imported graph is unchanged afterwards). Uses the built CLI (`npm run build` first), as
# a user would, on the database `npm start` serves (NEO4J_BOLT_PORT, default data folder).
#   bash .ci/user-database.sh prepare   start it, migrate, seed France, import a generated graph, record its fingerprint
#   bash .ci/user-database.sh check     fail, saying what changed, when the fingerprint differs from the recorded one
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ACTORS="${MAILLAGE_CI_USER_ACTORS:-3000}"
WORK=.ci/user-database
cli() { node dist/src/cli/main.js "$@"; }

# Counts by label and relationship type, plus a digest of the whole re-importable export.
fingerprint() {
  cli stats --json
  echo "export sha256: $(cli export --format json --quiet | sha256sum | cut -d' ' -f1)"
}

case "${1:-}" in
  prepare)
    mkdir -p "$WORK"
    bash scripts/db-start.sh
    cli migrate
    cli seed --no-demo
    cli generate --actors "$ACTORS" --seed user-database --out "$WORK/graph.json" --quiet
    cli import "$WORK/graph.json" --quiet --report "$WORK/graph.report.json"
    fingerprint > "$WORK/before.txt"
    echo "user's database ready in ${SECONDS} s: $(grep -c . "$WORK/before.txt") fingerprint lines recorded in $WORK/before.txt"
    ;;
  check)
    fingerprint > "$WORK/after.txt"
    if ! diff -u "$WORK/before.txt" "$WORK/after.txt"; then
      echo "FAIL: npm test changed the user's database at ${NEO4J_URI:-bolt://127.0.0.1:${NEO4J_BOLT_PORT:-7687}} (diff above: before vs after the tests)" >&2
      exit 1
    fi
    echo "user's database unchanged by the tests ($(grep -c . "$WORK/after.txt") fingerprint lines identical)"
    ;;
  *)
    echo "usage: bash .ci/user-database.sh prepare|check; got \"${1:-}\"" >&2
    exit 2
    ;;
esac

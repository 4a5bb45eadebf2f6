#!/usr/bin/env bash
# Stop the embedded Neo4j dev server started by scripts/db-start.sh.
#   npm run db:stop       (or: bash scripts/db-stop.sh, from any cwd)
# SIGTERM -> the launcher's shutdown hook closes the store cleanly; SIGKILL after 60 s.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_DIR="${NEO4J_DATA_DIR:-$REPO_ROOT/.neo4j-data}"
PID_FILE="$DATA_DIR/neo4j.pid"
STOP_TIMEOUT="${NEO4J_STOP_TIMEOUT:-60}"
MAIN_CLASS="fr.maillage.db.Launcher"

pid="$(cat "$PID_FILE" 2>/dev/null || true)"
# Only signal the pid if it is alive and really is our launcher (guards against pid reuse).
if [[ ! "$pid" =~ ^[0-9]+$ ]] || ! kill -0 "$pid" 2>/dev/null ||
   ! tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "$MAIN_CLASS"; then
  rm -f "$PID_FILE"
  echo "Neo4j is not running"
  exit 0
fi

kill -TERM "$pid"
printf 'Stopping Neo4j (pid %s) ' "$pid"
for (( i = 0; i < STOP_TIMEOUT; i++ )); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo
    rm -f "$PID_FILE"
    echo "Neo4j stopped"
    exit 0
  fi
  printf '.'
  sleep 1
done

echo
echo "Neo4j did not exit ${STOP_TIMEOUT}s after SIGTERM; sending SIGKILL (next start will run store recovery)" >&2
kill -KILL "$pid" 2>/dev/null || true
while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
rm -f "$PID_FILE"
echo "Neo4j stopped (killed)"

#!/usr/bin/env bash
# Start the embedded Neo4j Community dev server (db/launcher) in the background.
#   npm run db:start      (or: bash scripts/db-start.sh, from any cwd)
# Env:
#   NEO4J_BOLT_PORT      Bolt port on 127.0.0.1          (default 7687)
#   NEO4J_DATA_DIR       store + logs + pid file          (default <repo>/.neo4j-data)
#   NEO4J_HEAP           max heap, -Xmx                   (default 2g)
#   NEO4J_HEAP_INITIAL   initial heap, -Xms               (default 512m)
#   NEO4J_JAVA_OPTS      extra JVM options                (default empty)
#   NEO4J_START_TIMEOUT  seconds to wait for Bolt         (default 180)
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LAUNCHER_DIR="$REPO_ROOT/db/launcher"
PORT="${NEO4J_BOLT_PORT:-7687}"
DATA_DIR="${NEO4J_DATA_DIR:-$REPO_ROOT/.neo4j-data}"
LOG_FILE="$DATA_DIR/launcher.log"
PID_FILE="$DATA_DIR/neo4j.pid"
TIMEOUT="${NEO4J_START_TIMEOUT:-180}"
MAIN_CLASS="fr.maillage.db.Launcher"

bolt_answers() {
  # Plain TCP connect via bash's /dev/tcp; `timeout` guards against a hung connect.
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT" 2>/dev/null
}

# Prints the pid from the pid file if that process is alive and is our launcher.
our_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q "$MAIN_CLASS" || return 1
  echo "$pid"
}

listener_pid() {
  # Best effort, for the message only.
  ss -Hltnp "sport = :$PORT" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true
}

if bolt_answers; then
  pid="$(our_pid || listener_pid)"
  echo "Neo4j already running on 127.0.0.1:$PORT (pid ${pid:-unknown})"
  exit 0
fi

mkdir -p "$DATA_DIR"

if pid="$(our_pid)"; then
  # Started by an earlier call but Bolt is not up yet: wait for it instead of starting a second JVM.
  echo "Neo4j is starting (pid $pid), waiting for Bolt on 127.0.0.1:$PORT"
else
  rm -f "$PID_FILE"

  # Build the launcher only when needed (first run, or sources/pom changed since the last build).
  JAR="$LAUNCHER_DIR/target/neo4j-launcher-1.0.0.jar"
  if [[ ! -f "$JAR" || ! -d "$LAUNCHER_DIR/target/lib" ]] ||
     [[ -n "$(find "$LAUNCHER_DIR/src" "$LAUNCHER_DIR/pom.xml" -newer "$JAR" -print -quit)" ]]; then
    echo "Building Neo4j launcher (first run downloads ~130 MB from Maven Central)..."
    rm -rf "$LAUNCHER_DIR/target/lib"   # drop jars of a previous Neo4j version
    # sed: Debian's Maven 3.8 prints stray ANSI resets even with -B -q; errors still show.
    mvn -B -q -f "$LAUNCHER_DIR/pom.xml" package -DskipTests 2>&1 | sed -u $'s/\e\\[[0-9;]*m//g'
  fi

  # Same module flags Neo4j 5.26's own neo4j.conf passes (java.nio, java.io, sun.nio.ch,
  # native access) plus the ones Netty / the page cache probe for on Java 17+.
  JVM_FLAGS=(
    "-Xms${NEO4J_HEAP_INITIAL:-512m}" "-Xmx${NEO4J_HEAP:-2g}"
    -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+DisableExplicitGC
    -XX:+UnlockExperimentalVMOptions -XX:+TrustFinalNonStaticFields
    -Djdk.nio.maxCachedBufferSize=1024 -Dio.netty.tryReflectionSetAccessible=true
    -Dlog4j2.disable.jmx=true -Dfile.encoding=UTF-8
    --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
    --add-opens=java.base/java.lang=ALL-UNNAMED
    --add-opens=java.base/java.util=ALL-UNNAMED
    --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
    --add-opens=java.base/java.net=ALL-UNNAMED
    --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED
    --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
    --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED
    --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED
    --add-exports=java.base/sun.nio.ch=ALL-UNNAMED
    --add-exports=java.base/sun.net.dns=ALL-UNNAMED
    --enable-native-access=ALL-UNNAMED
  )
  # shellcheck disable=SC2206  # NEO4J_JAVA_OPTS is intentionally word-split
  EXTRA_OPTS=(${NEO4J_JAVA_OPTS:-})

  [[ -f "$LOG_FILE" ]] && mv -f "$LOG_FILE" "$LOG_FILE.1"
  echo "Starting Neo4j (Bolt 127.0.0.1:$PORT, data $DATA_DIR, log $LOG_FILE)"
  # setsid + nohup: detach from the caller's session/process group so the server
  # outlives `npm run` and the terminal. cwd = launcher dir for the relative classpath.
  (
    cd "$LAUNCHER_DIR"
    NEO4J_BOLT_PORT="$PORT" NEO4J_DATA_DIR="$DATA_DIR" \
      exec setsid nohup java "${JVM_FLAGS[@]}" "${EXTRA_OPTS[@]}" \
        -cp "target/classes:target/lib/*" "$MAIN_CLASS" </dev/null >>"$LOG_FILE" 2>&1
  ) &
  pid=$!
  echo "$pid" > "$PID_FILE"
fi

fail() {
  echo >&2
  echo "ERROR: $1" >&2
  echo "---- last 40 lines of $LOG_FILE ----" >&2
  tail -n 40 "$LOG_FILE" >&2 || true
  echo "----" >&2
  echo "Hints: see also $DATA_DIR/logs/debug.log; is port $PORT taken (ss -ltnp)?" >&2
  echo "       raise NEO4J_START_TIMEOUT on slow machines; 'bash scripts/db-stop.sh' then retry." >&2
  exit 1
}

# Ready = Bolt port answers AND the launcher logged its ready line (default database online).
start_ts=$SECONDS
printf 'Waiting for Bolt on 127.0.0.1:%s ' "$PORT"
while true; do
  if ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$PID_FILE"
    fail "Neo4j process $pid exited during startup."
  fi
  if bolt_answers && grep -q ' ready, Bolt on ' "$LOG_FILE" 2>/dev/null; then
    break
  fi
  if (( SECONDS - start_ts >= TIMEOUT )); then
    fail "Bolt not answering on 127.0.0.1:$PORT after ${TIMEOUT}s (process $pid still running; stop it with scripts/db-stop.sh)."
  fi
  printf '.'
  sleep 1
done
echo
grep ' ready, Bolt on ' "$LOG_FILE" | tail -1
echo "Neo4j started in $(( SECONDS - start_ts ))s (pid $pid)"

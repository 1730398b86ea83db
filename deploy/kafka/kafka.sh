#!/usr/bin/env bash
# Local single-node Apache Kafka (KRaft) from Maven Central jars: fetch | up [--fresh] | down | status | logs
#
# Environment:
#   NEWSFLOW_KAFKA_PORT        client port (default 9092); the controller listens on PORT+1
#   NEWSFLOW_KAFKA_STATE_DIR   data, logs and pid file (default: <repo>/.kafka-local, gitignored)
#   NEWSFLOW_KAFKA_HEAP        JVM heap flags (default "-Xms512m -Xmx1g")
#   NEWSFLOW_KAFKA_START_TIMEOUT  seconds to wait for a metadata answer (default 90)
#   NEWSFLOW_KAFKA_SASL_PORT   also open a SASL_PLAINTEXT listener (SASL/PLAIN) on this port;
#                              its users come from NEWSFLOW_KAFKA_SASL_USERS="name:password,..."
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
port=${NEWSFLOW_KAFKA_PORT:-9092}
controller_port=${NEWSFLOW_KAFKA_CONTROLLER_PORT:-$((port + 1))}
state=${NEWSFLOW_KAFKA_STATE_DIR:-$repo/.kafka-local}
heap=${NEWSFLOW_KAFKA_HEAP:--Xms512m -Xmx1g}
timeout=${NEWSFLOW_KAFKA_START_TIMEOUT:-90}
jars="$here/target/dependency"
pidfile="$state/broker.pid"
python=${PYTHON:-python3}
launcher=$(command -v setsid || true)

say() { echo "kafka: $*" >&2; }

fetch() {
  if compgen -G "$jars/kafka_2.13-*.jar" >/dev/null; then
    return 0
  fi
  command -v mvn >/dev/null || { say "Maven (mvn) is needed to fetch the Kafka jars"; exit 1; }
  command -v java >/dev/null || { say "a Java runtime (java, 11+) is needed to run Kafka"; exit 1; }
  say "fetching Apache Kafka jars from Maven Central (first run only; cached in ~/.m2)"
  local log
  log=$(mktemp)
  (cd "$here" && mvn -q -B -Dstyle.color=never dependency:copy-dependencies) >"$log" 2>&1 || {
    say "Maven could not fetch the jars:"; cat "$log" >&2; rm -f "$log"; exit 1; }
  rm -f "$log"
}

running_pid() {
  [ -f "$pidfile" ] || return 1
  local pid
  pid=$(cat "$pidfile")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    echo "$pid"
    return 0
  fi
  return 1
}

answers() { "$python" "$here/probe.py" "127.0.0.1:$port" 2 >/dev/null 2>&1; }

render_config() {
  sed -e "s|@PORT@|$port|g" -e "s|@CONTROLLER_PORT@|$controller_port|g" -e "s|@LOG_DIR@|$state/data|g" \
    "$here/server.properties" >"$state/server.properties"
  if [ -n "${NEWSFLOW_KAFKA_SASL_PORT:-}" ]; then
    sasl_config >>"$state/server.properties"
  fi
  chmod 600 "$state/server.properties"  # it may hold the SASL users' passwords
}

# A listener that only admits clients with SASL/PLAIN credentials; later keys override the
# template's (java.util.Properties keeps the last one).
sasl_config() {
  local users="" pair
  [ -n "${NEWSFLOW_KAFKA_SASL_USERS:-}" ] || { say "NEWSFLOW_KAFKA_SASL_USERS is empty"; exit 1; }
  IFS=',' read -ra pairs <<<"$NEWSFLOW_KAFKA_SASL_USERS"
  for pair in "${pairs[@]}"; do
    users+=" user_${pair%%:*}=\"${pair#*:}\""
  done
  cat <<CONF

# --- SASL/PLAIN listener (NEWSFLOW_KAFKA_SASL_PORT) ---
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port,SASL_PLAINTEXT://127.0.0.1:$NEWSFLOW_KAFKA_SASL_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$port,SASL_PLAINTEXT://127.0.0.1:$NEWSFLOW_KAFKA_SASL_PORT
sasl.enabled.mechanisms=PLAIN
listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required$users;
CONF
}

java_cmd() {
  # setsid: the broker outlives the shell (and a Ctrl-C in make) that started it.
  # shellcheck disable=SC2086
  ${exec_java:-} $launcher java $heap -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$here/log4j.properties" -Dkafka.logs.dir="$state/logs" \
    -Dnewsflow.kafka.state="$state" -cp "$jars/*" "$@"
}

up() {
  local fresh=0
  [ "${1:-}" = "--fresh" ] && fresh=1
  fetch
  if pid=$(running_pid); then
    say "already running (pid $pid) on 127.0.0.1:$port"
    return 0
  fi
  if answers; then
    say "something else already answers on 127.0.0.1:$port; not starting a second broker"
    say "set NEWSFLOW_KAFKA_PORT to use another port, or NEWSFLOW_BOOTSTRAP_SERVERS to use that broker"
    exit 1
  fi
  [ "$fresh" = 1 ] && rm -rf "$state"
  mkdir -p "$state/data" "$state/logs"
  render_config
  if [ ! -f "$state/data/meta.properties" ]; then
    local cluster_id
    cluster_id=$(java_cmd kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
    java_cmd kafka.tools.StorageTool format -t "$cluster_id" -c "$state/server.properties" \
      --ignore-formatted >"$state/logs/format.log" 2>&1 || {
      say "formatting the log dir failed:"; tail -n 20 "$state/logs/format.log" >&2; exit 1; }
  fi
  local started
  started=$(date +%s)
  # exec inside the subshell so that $! is the JVM's own pid, which `down` signals.
  (exec_java=exec java_cmd kafka.Kafka "$state/server.properties") >"$state/logs/stdout.log" 2>&1 </dev/null &
  echo $! >"$pidfile"
  local pid
  pid=$(cat "$pidfile")
  until answers; do
    if ! kill -0 "$pid" 2>/dev/null; then
      say "the broker exited during start-up; last lines of its logs:"
      tail -n 30 "$state/logs/stdout.log" "$state/logs/server.log" 2>/dev/null >&2 || true
      rm -f "$pidfile"
      exit 1
    fi
    if [ $(($(date +%s) - started)) -ge "$timeout" ]; then
      say "no metadata answer after ${timeout}s; last lines of its log:"
      tail -n 30 "$state/logs/server.log" 2>/dev/null >&2 || true
      down
      exit 1
    fi
    sleep 0.5
  done
  say "up on 127.0.0.1:$port (pid $pid) after $(($(date +%s) - started))s; state in $state"
}

down() {
  local pid
  if ! pid=$(running_pid); then
    say "not running"
    rm -f "$pidfile"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "broker did not stop in 30s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
  say "stopped"
}

status() {
  if pid=$(running_pid) && answers; then
    say "running (pid $pid) on 127.0.0.1:$port"
  else
    say "not running"
    return 1
  fi
}

case "${1:-}" in
  fetch) fetch ;;
  up) shift; up "$@" ;;
  down) down ;;
  status) status ;;
  logs) tail -n "${2:-50}" "$state/logs/server.log" ;;
  *) echo "usage: $0 fetch | up [--fresh] | down | status | logs [N]" >&2; exit 2 ;;
esac

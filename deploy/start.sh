#!/usr/bin/env bash
# Start the planner as it is deployed: PLANNER_REPLICAS `streamlit run app.py` replicas behind
# Debian's nginx, everything on loopback. Runs in the foreground; Ctrl-C or SIGTERM stops nginx
# and the replicas. Prints "ready: URL" once nginx answers.
#
#   PLANNER_ALLOWED_HOSTS=planner.example.com bash deploy/start.sh
#
# Settings (environment):
#   PLANNER_ALLOWED_HOSTS  comma-separated host names people use (Streamlit's server.allowedHosts);
#                          without it any Host may open the WebSocket (DNS rebinding): warned loudly
#   PLANNER_PORT           nginx's port on 127.0.0.1 (8080)
#   PLANNER_REPLICAS       how many replicas (2)
#   PLANNER_REPLICA_PORT   the first replica's port; the others follow (8601)
#   PLANNER_SERVER_NAME    nginx's server_name (localhost 127.0.0.1)
#   PLANNER_RUN_DIR        where configs, logs and pid files go (a new directory under /tmp)
#
#   bash deploy/start.sh --check   # the warnings and nginx's own check of the configuration; starts nothing
set -euo pipefail
CHECK_ONLY=0
[ "${1:-}" = "--check" ] && CHECK_ONLY=1
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PORT="${PLANNER_PORT:-8080}"
REPLICAS="${PLANNER_REPLICAS:-2}"
FIRST="${PLANNER_REPLICA_PORT:-8601}"
SERVER_NAME="${PLANNER_SERVER_NAME:-localhost 127.0.0.1}"
RUN="${PLANNER_RUN_DIR:-$(mktemp -d /tmp/planner-deploy.XXXXXX)}"
ALLOWED="${PLANNER_ALLOWED_HOSTS:-}"
NGINX="$(command -v nginx || true)"
[ -n "$NGINX" ] || NGINX=/usr/sbin/nginx
if [ ! -x "$NGINX" ]; then
  echo "deploy/start.sh: nginx is not installed: apt-get install -y nginx (scripts/system-deps.sh does)" >&2
  exit 1
fi

if [ -z "$ALLOWED" ]; then
  cat >&2 <<'WARN'
################################################################################
# WARNING: PLANNER_ALLOWED_HOSTS is not set.                                   #
# Streamlit's server.allowedHosts stays empty: a page on ANY host name can     #
# open the app's WebSocket (DNS rebinding). Fine on a laptop, not in           #
# production. Set the names people use, e.g.                                   #
#   PLANNER_ALLOWED_HOSTS=planner.example.com bash deploy/start.sh             #
################################################################################
WARN
fi

mkdir -p "$RUN/tmp"
upstreams=""
for ((i = 0; i < REPLICAS; i++)); do
  upstreams+="    server 127.0.0.1:$((FIRST + i)) max_fails=2 fail_timeout=5s;"$'\n'
done
user=""
if [ "$(id -u)" -eq 0 ]; then  # nginx drops its workers to nobody, who must write its temp files
  user="user nobody nogroup;"  # (uploads are buffered there: without it every upload fails with 500)
  chown -R nobody:nogroup "$RUN/tmp"
  chmod o+x "$RUN"  # mktemp -d makes it 0700: nobody could not reach tmp/ inside
fi
sed -e "s|@USER@|$user|" "$ROOT/deploy/nginx.conf" >"$RUN/nginx.conf"
awk -v listen="127.0.0.1:$PORT" -v name="$SERVER_NAME" -v ups="${upstreams%$'\n'}" \
  '{ gsub("@LISTEN@", listen); gsub("@SERVER_NAME@", name); if ($0 == "@REPLICAS@") print ups; else print }' \
  "$ROOT/deploy/planner.nginx.conf" >"$RUN/planner.nginx.conf"
"$NGINX" -t -q -p "$RUN" -c "$RUN/nginx.conf"
if [ "$CHECK_ONLY" -eq 1 ]; then
  echo "checked: $RUN/nginx.conf and $RUN/planner.nginx.conf"
  exit 0
fi

pids=()
stop() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT
trap 'exit 0' INT TERM

host_args=()
IFS=',' read -ra hosts <<< "$ALLOWED"
for host in "${hosts[@]}"; do
  [ -n "$host" ] && host_args+=(--server.allowedHosts "$host")
done

for ((i = 0; i < REPLICAS; i++)); do
  port=$((FIRST + i))
  (cd "$ROOT" && exec python -m streamlit run app.py --server.port "$port" --server.address 127.0.0.1 \
     --server.headless true --browser.gatherUsageStats false --server.fileWatcherType none \
     "${host_args[@]}") >"$RUN/replica-$i.log" 2>&1 &
  pids+=($!)
  echo "$!" >"$RUN/replica-$i.pid"
done

for ((i = 0; i < REPLICAS; i++)); do
  port=$((FIRST + i))
  for _ in $(seq 1 240); do
    if curl -fsS "http://127.0.0.1:$port/_stcore/health" >/dev/null 2>&1; then break; fi
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then
      echo "deploy/start.sh: replica $i exited; its log:" >&2; tail -20 "$RUN/replica-$i.log" >&2; exit 1
    fi
    sleep 0.25
  done
done

"$NGINX" -p "$RUN" -c "$RUN/nginx.conf" -g "daemon off;" &
pids+=($!)
echo "$!" >"$RUN/nginx.pid"

for _ in $(seq 1 80); do
  if curl -fsS "http://127.0.0.1:$PORT/_stcore/health" >/dev/null 2>&1; then
    echo "ready: http://127.0.0.1:$PORT (replicas on 127.0.0.1:$FIRST..$((FIRST + REPLICAS - 1)), files in $RUN)"
    wait -n "${pids[@]}" || true
    echo "deploy/start.sh: a process exited; stopping the others" >&2
    exit 1
  fi
  sleep 0.25
done
echo "deploy/start.sh: nginx did not answer on port $PORT; its log:" >&2
tail -20 "$RUN/error.log" >&2 || true
exit 1

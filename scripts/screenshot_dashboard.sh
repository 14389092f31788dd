#!/usr/bin/env bash
# Rebuild docs/dashboard.png (and docs/items.png, docs/item.png): build the demo database,
# serve it, and photograph the pages with headless Chromium.
#
#   scripts/screenshot_dashboard.sh            # needs: apt-get install -y chromium fonts-noto-cjk
#
# The CJK font is only for this machine's screenshot; the app itself names the client's
# system fonts and ships none.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PLANWATCH="${PLANWATCH:-$ROOT/.venv/bin/planwatch}"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
AS_OF="${AS_OF:-2025-06-30}"
BROWSER="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"
if [[ -z "$BROWSER" ]]; then
  echo "没有找到 Chromium：请先运行 apt-get install -y chromium fonts-noto-cjk" >&2
  exit 1
fi

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# planwatch demo writes planwatch-demo.sqlite into the working folder.
(cd "$WORK" && "$PLANWATCH" demo >/dev/null)
DB="sqlite:///$WORK/planwatch-demo.sqlite"

PORT="$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$PLANWATCH" serve --db "$DB" --port "$PORT" >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do
  if "$PYTHON" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/static/planwatch.css')" 2>/dev/null; then break; fi
  sleep 0.2
done

shoot() {  # shoot OUTPUT WIDTH HEIGHT PATH
  "$BROWSER" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --lang=zh-CN \
    --hide-scrollbars --user-data-dir="$WORK/profile" --window-size="$2,$3" \
    --screenshot="$ROOT/$1" "http://127.0.0.1:$PORT$4" 2>/dev/null
  echo "$1"
}

PLAN_CODE="$("$PYTHON" - "$PORT" <<'PY'
import json, sys, urllib.request
print(json.load(urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/api/plans"))[0]["code"])
PY
)"
shoot docs/dashboard.png 1400 1580 "/?plan=$PLAN_CODE&as_of=$AS_OF"
shoot docs/items.png 1400 1000 "/items?plan=$PLAN_CODE&as_of=$AS_OF&kind=project&sort=gap"
FIRST_ALERT="$("$PYTHON" - "$PORT" "$PLAN_CODE" "$AS_OF" <<'PY'
import json, sys, urllib.parse, urllib.request
port, plan, as_of = sys.argv[1:]
query = urllib.parse.urlencode({"plan": plan, "as_of": as_of})
alerts = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?{query}"))["alerts"]
# a project shows the most: figures, history with sources; else the worst alert
pick = next((a for a in alerts if a["kind"] == "project" and a["last_report"]), alerts[0] if alerts else None)
print(urllib.parse.quote(pick["code"]) if pick else "")
PY
)"
if [[ -n "$FIRST_ALERT" ]]; then
  shoot docs/item.png 1400 1320 "/items/$FIRST_ALERT?plan=$PLAN_CODE&as_of=$AS_OF"
fi

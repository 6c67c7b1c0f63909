#!/usr/bin/env bash
# The interactive console through a pseudo-terminal: prompt, Tab completion,
# `?` help, history, line continuation, Ctrl-D. TAP-style lines, counted by tests/run.
set -euo pipefail
root=$(readlink -f -- "${BASH_SOURCE[0]}")
root=${root%/*/*/*}
tmp=$(mktemp -d)
trap 'rm -rf -- "$tmp"' EXIT
export ROSCERT_MASTER_KEY_FILE=$tmp/master.key
# The launcher builds first when needed; build now so the terminal session does not wait on it.
"$root/roscert" --data-dir "$tmp/warm" /certificate print count-only >/dev/null
python3 "$root/tests/console/pty_session.py" "$root/roscert" "$tmp/data"

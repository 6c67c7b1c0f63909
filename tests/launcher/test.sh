#!/usr/bin/env bash
# Tests of the ./roscert launcher. Prints one TAP-style line per check
# ("ok N - what" / "not ok N - what"); tests/run counts them. Exits 1 when any
# check failed.
#
# Most checks run a copy of the launcher in a sandbox repo with a fake `dotnet`
# on PATH that "builds" a tiny program echoing its arguments, so rebuild logic,
# locking and pass-through are tested fast and exactly. Two checks use the real
# repo and real dotnet, comparing the launcher with the binary it runs (exit
# status and stdout), so they hold whatever the program prints.
set -euo pipefail

root=$(readlink -f -- "${BASH_SOURCE[0]}")
root=${root%/*/*/*}
tmp=$(mktemp -d)
trap 'rm -rf -- "$tmp"' EXIT

n=0 failed=0
check() { # check WHAT COMMAND...: runs COMMAND, reports it
  local what=$1
  shift
  n=$((n + 1))
  if "$@"; then
    echo "ok $n - $what"
  else
    echo "not ok $n - $what"
    failed=$((failed + 1))
  fi
}

# --- sandbox ---------------------------------------------------------------
box=$tmp/repo
mkdir -p "$box/src/RosCert.Host/"{obj,bin} "$tmp/fakebin" "$tmp/cwd"
cp "$root/roscert" "$box/roscert"
echo 'class P {}' >"$box/src/RosCert.Host/Program.cs"
echo '<Solution />' >"$box/RosCert.slnx"
ln -s "$box/roscert" "$tmp/link"
calls=$tmp/calls
: >"$calls"

# Fake dotnet: logs each call; FAKE_FAIL=1 fails like a compile error;
# FAKE_SLEEP=S makes the build slow. It fails when it inherited the lock's fd 9
# (real dotnet leaves build servers running that would keep the lock held). The program it "builds" prints its
# arguments in brackets, then its stdin, writes to stderr and exits 42.
cat >"$tmp/fakebin/dotnet" <<'EOF'
#!/usr/bin/env bash
echo "$*" >>"$FAKE_CALLS"
[[ -e /proc/$$/fd/9 ]] && { echo "fd 9 (the build lock) leaked into dotnet"; exit 1; }
sleep "${FAKE_SLEEP:-0}"
if [[ -n ${FAKE_FAIL:-} ]]; then
  echo "Program.cs(1,1): error CS1002: ; expected"
  exit 1
fi
while (($#)); do [[ $1 == --artifacts-path ]] && art=$2; shift; done
out=$art/bin/RosCert.Host/release
mkdir -p "$out"
printf '%s\n' '#!/usr/bin/env bash' 'printf "[%s]" "$@"; echo; cat; echo stderr-text >&2; exit 42' >"$out/roscert"
chmod +x "$out/roscert"
EOF
chmod +x "$tmp/fakebin/dotnet"

# run ARGS...: runs the sandbox launcher with fake dotnet; sets rc, out, err.
run() {
  rc=0
  FAKE_CALLS=$calls PATH=$tmp/fakebin:$PATH "$box/roscert" "$@" \
    <<<"input-line" >"$tmp/out" 2>"$tmp/err" || rc=$?
  out=$(<"$tmp/out") err=$(<"$tmp/err")
}
ncalls() { wc -l <"$calls"; }
target() { readlink "$box/.build/current"; }
age_sources() { touch "$box/src/RosCert.Host/Program.cs"; }

args=(--data-dir "$tmp/d d" "" "a b" "*" /certificate print count-only)
want='[--data-dir]['"$tmp"'/d d][][a b][*][/certificate][print][count-only]
input-line'

run "${args[@]}"
check "first run builds once, passes args, stdin and exit status through" \
  test "$rc/$out/$(ncalls)" = "42/$want/1"
check "stderr passes through, stdout has only the program's output" \
  test "$err" = "stderr-text"
first=$(target)

run "${args[@]}"
check "second run does not build (fast path)" test "$rc/$out/$(ncalls)" = "42/$want/1"

touch "$box/src/RosCert.Host/obj/x.cache" "$box/src/RosCert.Host/bin/x.dll"
run
check "files in src/*/obj and bin (IDE builds) do not trigger a build" test "$rc/$(ncalls)" = "42/1"

age_sources
run
check "a changed source rebuilds and switches the build" \
  test "$rc/$(ncalls)" = "42/2" -a "$(target)" != "$first"
second=$(target)

touch "$box/src/RosCert.Host/New.cs"
run
check "an added source rebuilds; only current and previous builds are kept" \
  test "$rc/$(ncalls)/$(cd "$box/.build" && echo bin-*)" = \
  "42/3/$(cd "$box/.build" && printf '%s\n' "$second" "$(target)" | sort | xargs)"

age_sources
before=$(target)
FAKE_FAIL=1 run
check "a failed build exits 1, shows the error on stderr, switches nothing" \
  test "$rc/$(ncalls)/$out/$(target)" = "1/4//$before" -a "${err/error CS1002/}" != "$err"
run
check "after a failed build the next run builds again" \
  test "$rc/$(ncalls)" = "42/5" -a "$(target)" != "$before"

age_sources
(FAKE_SLEEP=1 run >/dev/null; echo "$rc" >"$tmp/rc1") &
(FAKE_SLEEP=1 run >/dev/null; echo "$rc" >"$tmp/rc2") &
wait
check "two concurrent stale runs both succeed and build once" \
  test "$(<"$tmp/rc1")/$(<"$tmp/rc2")/$(ncalls)" = "42/42/6"

rc=0
(cd "$tmp/cwd" && FAKE_CALLS=$calls PATH=$tmp/fakebin:$PATH "$tmp/link" x </dev/null >"$tmp/out" 2>/dev/null) || rc=$?
check "works from another directory through a symlink" \
  test "$rc/$(<"$tmp/out")/$(ncalls)" = "42/[x]/6"

# --- the real repo, real dotnet ----------------------------------------------
real=$root/.build
[[ -e $real/stamp ]] && touch -d '2000-01-01' "$real/stamp" # force one real build
same_as_binary() { # same_as_binary ARGS...: launcher and binary agree
  local a b ra=0 rb=0
  a=$("$root/roscert" "$@" </dev/null 2>/dev/null) || ra=$?
  b=$("$real/current/roscert" "$@" </dev/null 2>/dev/null) || rb=$?
  [[ $ra == "$rb" && $a == "$b" ]]
}
check "real build: launcher's exit status and stdout equal the binary's" \
  same_as_binary --data-dir "$tmp/data" /certificate print count-only
real_fast() { # no dotnet call at all (the fake one would fail), same result
  : >"$calls"
  FAKE_CALLS=$calls FAKE_FAIL=1 PATH=$tmp/fakebin:$PATH same_as_binary "$@" && [[ ! -s $calls ]]
}
check "real second run: no dotnet call, same result as the binary" \
  real_fast --data-dir "$tmp/data" /certificate print count-only

echo "launcher: $((n - failed)) of $n checks passed"
((failed == 0))

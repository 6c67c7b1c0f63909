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
shopt -s extglob

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

# NativeAOT only where a check asks for it (ROSCERT_AOT=wait/auto).
export ROSCERT_AOT=off

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
for fd in 8 9; do
  [[ -e /proc/$$/fd/$fd ]] && { echo "fd $fd (a build lock) leaked into dotnet"; exit 1; }
done
sleep "${FAKE_SLEEP:-0}"
if [[ -n ${FAKE_FAIL:-} || ($1 == publish && -n ${FAKE_AOT_FAIL:-}) ]]; then
  echo "Program.cs(1,1): error CS1002: ; expected"
  exit 1
fi
verb=$1 mark=""
while (($#)); do
  [[ $1 == --artifacts-path ]] && art=$2
  [[ $1 == -o ]] && o=$2
  shift
done
out=$art/bin/RosCert.Host/release
# publish (NativeAOT) writes straight to -o, and its program says "aot" first.
[[ $verb == publish ]] && out=$o mark="aot"
mkdir -p "$out"
printf '%s\n' '#!/usr/bin/env bash' "printf $mark"'"[%s]" "$@"; echo; cat; echo stderr-text >&2; exit 42' >"$out/roscert"
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

# --- NativeAOT (fake clang: any program will do, the fake dotnet ignores it) ----
publishes() { grep -c '^publish ' "$calls" || true; }
aot_target() { readlink "$box/.build/current-aot"; }
age_sources
export ROSCERT_AOT_CC=true
ROSCERT_AOT="wait" run x
check "wait mode: builds JIT and NativeAOT once, runs the NativeAOT binary" \
  test "$rc/$out/$(publishes)" = "42/aot[x]
input-line/1"
ROSCERT_AOT="wait" run x
check "NativeAOT build as new as the JIT build: runs it, builds nothing" \
  test "$rc/${out%%$'\n'*}/$(publishes)/$(ncalls)" = "42/aot[x]/1/$(ncalls)"
calls_before=$(ncalls)
ROSCERT_AOT=off run x
check "ROSCERT_AOT=off runs the JIT build" test "$rc/${out%%$'\n'*}/$(ncalls)" = "42/[x]/$calls_before"

age_sources
ROSCERT_AOT_CC="" ROSCERT_AOT="wait" run x
check "no clang: a changed source rebuilds JIT only and runs it (NativeAOT is stale)" \
  test "$rc/${out%%$'\n'*}/$(publishes)" = "42/[x]/1"

FAKE_AOT_FAIL=1 ROSCERT_AOT="wait" run x
check "a failed NativeAOT build says so on stderr and runs the JIT build" \
  test "$rc/${out%%$'\n'*}/$(publishes)" = "42/[x]/2" -a "${err/NativeAOT build failed/}" != "$err"
ROSCERT_AOT="wait" run x
check "a failed NativeAOT build is not retried until the sources change" \
  test "$rc/${out%%$'\n'*}/$(publishes)" = "42/[x]/2"

age_sources
before_aot=$(aot_target)
# auto means wait under CI=true (the launcher's rule), so this check runs as a user's shell would.
CI=false ROSCERT_AOT=auto run x
first_out=${out%%$'\n'*}
# The background publish may wait for a loaded machine: up to a minute.
for _ in $(seq 600); do [[ $(aot_target) != "$before_aot" ]] && break; sleep 0.1; done
CI=false ROSCERT_AOT=auto run x
check "auto mode: runs JIT at once, publishes in the background, then runs NativeAOT" \
  test "$first_out/${out%%$'\n'*}/$(publishes)" = "[x]/aot[x]/3"
check "only the current and previous NativeAOT builds are kept" \
  test "$(cd "$box/.build" && echo aot-+([0-9-]) | wc -w)" = 2
unset ROSCERT_AOT_CC

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

# The real NativeAOT binary (where clang is installed; CI has it) does the work of
# the JIT one: a script that adds, signs and prints gives the same output from both.
if (unset ROSCERT_AOT_CC; ROSCERT_AOT="wait" "$root/roscert" --data-dir "$tmp/data" /certificate print count-only >/dev/null) &&
  [[ -x $real/current-aot/roscert && ! $real/stamp -nt $real/aot-stamp ]]; then
  script='add name=ca common-name=CA key-size=prime256v1 key-usage=key-cert-sign,crl-sign
sign ca
add name=leaf common-name=leaf key-size=secp384r1 subject-alt-name=DNS:leaf.example days-valid=30
sign leaf ca=ca
print proplist=name,common-name,key-size,subject-alt-name,issuer
add name=bad key-size=3000
print count-only'
  both_agree() {
    local a b ra=0 rb=0
    a=$("$real/current-aot/roscert" --data-dir "$tmp/aot" <<<"$script" 2>&1) || ra=$?
    b=$("$real/current/roscert" --data-dir "$tmp/jit" <<<"$script" 2>&1) || rb=$?
    [[ $ra/$a == "$rb/$b" && $a == *leaf.example* && $ra == 1 ]] || { echo "$ra/$a" && echo "$rb/$b"; } >&2
    [[ $ra/$a == "$rb/$b" && $a == *leaf.example* && $ra == 1 ]]
  }
  check "real NativeAOT build: a script's output and exit status equal the JIT build's" both_agree
elif [[ ${CI:-} == true ]]; then
  check "CI has clang: the real NativeAOT build exists (log: .build/aot.log)" false
fi

echo "launcher: $((n - failed)) of $n checks passed"
((failed == 0))

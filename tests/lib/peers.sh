# shellcheck shell=bash
# need_peers BINARY:PACKAGE...  (BINARY may be an absolute path, for packages
# that ship a library or plugin rather than a program)
# Installs the Debian packages whose binaries are missing (apt-get update only
# when something must be installed). As non-root it prints what to install.
# Under CI=true a binary still missing is an error (return 1): CI must not
# quietly skip the tests that need it.
have() { # have BINARY-or-/absolute/path
  if [[ $1 == /* ]]; then [[ -e $1 ]]; else command -v "$1" >/dev/null; fi
}

need_peers() {
  local spec missing=() still=()
  for spec in "$@"; do
    have "${spec%%:*}" || missing+=("${spec#*:}")
  done
  ((${#missing[@]})) || return 0

  if ((EUID == 0)); then
    echo "installing Debian packages: ${missing[*]}" >&2
    apt-get update -qq >&2 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" </dev/null >&2 || true
  else
    echo "missing Debian packages; run: sudo apt-get install ${missing[*]}" >&2
  fi

  for spec in "$@"; do
    have "${spec%%:*}" || still+=("${spec%%:*}")
  done
  ((${#still[@]})) || return 0
  if [[ ${CI:-} == true ]]; then
    echo "error: required peer binaries missing under CI: ${still[*]}" >&2
    return 1
  fi
  echo "warning: missing ${still[*]}; tests that need them will skip" >&2
}

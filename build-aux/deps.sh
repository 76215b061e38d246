# build-aux/deps.sh — the Debian 12 packages Hankesalkku needs, installed when missing.
# Sourced by build-aux/run and build-aux/test.

# To build and run the application.
HS_RUN_PACKAGES="meson ninja-build pkg-config gcc libc6-dev gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libxml2-dev libcairo2-dev libpango1.0-dev shared-mime-info
  adwaita-icon-theme hicolor-icon-theme librsvg2-common python3"

# Also to run the tests and benchmarks: a virtual X server, the metadata
# validators, the independent readers of what we write, fixed fonts, and
# real key presses for the keyboard tests (xdotool).
HS_TEST_PACKAGES="xvfb xauth desktop-file-utils appstream libxml2-utils
  sqlite3 poppler-utils fonts-cantarell fonts-dejavu-core xdotool"

hs_missing_packages() {
  missing=""
  for p in "$@"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [ "$status" = "installed" ] || missing="$missing $p"
  done
  echo "$missing"
}

hs_ensure_packages() {
  missing=$(hs_missing_packages "$@")
  [ -z "$missing" ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Hankesalkku needs these Debian packages:$missing" >&2
    echo "This system has no apt-get; install their equivalents and try again." >&2
    exit 1
  fi
  echo "Installing Debian packages:$missing"
  if [ "$(id -u)" -eq 0 ]; then
    sudo=""
  elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "Installing$missing needs root; run as root or install sudo." >&2
    exit 1
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
}

# Also to fuzz (build-aux/fuzz): clang with libFuzzer and its sanitizers.
HS_FUZZ_PACKAGES="clang libclang-rt-14-dev"

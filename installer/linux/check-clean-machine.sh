#!/usr/bin/env bash
# Checks issue 16's two clean-machine promises in throw-away chroots (too slow for .ci/run):
#
#   verify   a machine with nothing but JDK 17 (openjdk-17-jdk-headless, git, ca-certificates and
#            what they pull in; no CJK font, no pcscd, no PostgreSQL, no display) clones this
#            repository's HEAD and runs ./mvnw verify as an ordinary user. --no-fonts also removes
#            the one font family the JDK pulls in (DejaVu, via fontconfig-config): no font at all.
#            --with-pango adds libpangoft2-1.0-0, which JavaFX's text layout needs on Linux (without
#            it the TestFX tests skip, saying so); --mvn-args passes options to ./mvnw verify (e.g.
#            "-Dtest=dev.pindesk.ui.** -Dsurefire.failIfNoSpecifiedTests=false -DskipITs").
#   install  a minimal machine (debootstrap minbase) installs target/installer/pindesk_*.deb with
#            apt and its declared Depends only (no Recommends), runs pindesk --version and a few
#            commands, opens the counter window in training mode on an Xvfb of this host and takes
#            a screenshot, then purges the package and checks nothing of it is left.
#
# Usage: installer/linux/check-clean-machine.sh [--release bookworm|jammy|noble] [--check verify|install]...
#          [--dir DIR] [--deb FILE] [--no-fonts] [--with-pango] [--mvn-args ARGS] [--as-root] [--keep]
#          [--extra-ca FILE.crt]... [--repo DIR]
# Needs: root, debootstrap, slirp4netns, util-linux (unshare, nsenter), git; for install also
# Xvfb, xdotool and ImageMagick's import on this host. The Ubuntu releases come from
# archive.ubuntu.com without a signature check of the first download (Debian has no Ubuntu keyring
# package); apt inside the chroot then checks against the chroot's own ubuntu-keyring.
#
# --extra-ca adds a CA certificate to the chroot's trust store before the JDK is installed: only
# for a network that intercepts TLS (a company proxy); a clean machine on the open internet needs
# none.
#
# Isolation: the chroot gets its own network namespace with user-mode networking (slirp4netns
# --disable-host-loopback): it reaches the internet (apt, Maven Central) but not this host's
# localhost, so a pcscd/vpcd (ports 35963/35964) or PostgreSQL running here is invisible to the
# tests inside. Its /run, /tmp and /dev/shm are its own. Results: DIR/<check>-<release>.log, and
# for install the screenshot DIR/install-<release>.png. See docs/developer-guide.md.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
# (a copy of this script run from elsewhere: --repo names the working tree to clone)

release=bookworm
checks=()
dir=/var/tmp/pindesk-chroots
deb=""
no_fonts=""
with_pango=""
mvn_args=""
as_root=""
keep=""
extra_cas=()
while [ $# -gt 0 ]; do
  case "$1" in
    --release) release="$2"; shift 2 ;;
    --check) checks+=("$2"); shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --deb) deb="$2"; shift 2 ;;
    --no-fonts) no_fonts=1; shift ;;
    --with-pango) with_pango=1; shift ;;
    --mvn-args) mvn_args="$2"; shift 2 ;;
    --as-root) as_root=1; shift ;;
    --keep) keep=1; shift ;;
    --repo) repo="$(cd "$2" && pwd)"; shift 2 ;;
    --extra-ca) extra_cas+=("$2"); shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "check-clean-machine: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ "${#checks[@]}" -gt 0 ] || checks=(verify install)
case "$release" in
  bookworm) mirror=http://deb.debian.org/debian; components=main ;;
  jammy | noble) mirror=http://archive.ubuntu.com/ubuntu; components=main,universe ;;
  *) echo "check-clean-machine: release $release is not one of bookworm, jammy, noble" >&2; exit 2 ;;
esac
[ "$(id -u)" -eq 0 ] || { echo "check-clean-machine: run as root (debootstrap, chroot, mounts)" >&2; exit 2; }
for tool in debootstrap slirp4netns unshare nsenter git; do
  command -v "$tool" >/dev/null || { echo "check-clean-machine: $tool not found (apt-get install debootstrap slirp4netns)" >&2; exit 2; }
done

log() { printf '[clean-machine %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
mkdir -p "$dir"

# --- the network namespace: internet through slirp4netns, not this host's loopback --------------
netns_pid=""
slirp_pid=""
start_netns() {
  unshare --net sleep infinity &
  netns_pid=$!
  sleep 0.3
  slirp4netns --configure --mtu=65520 --disable-host-loopback "$netns_pid" tap0 >"$root.slirp4netns.log" 2>&1 &
  slirp_pid=$!
  for _ in $(seq 1 50); do
    nsenter --net="/proc/$netns_pid/ns/net" ip -o addr show tap0 2>/dev/null | grep -q inet && break
    sleep 0.1
  done
  nsenter --net="/proc/$netns_pid/ns/net" ip link set lo up
}
stop_netns() {
  if [ -n "$slirp_pid" ]; then kill "$slirp_pid" 2>/dev/null || true; wait "$slirp_pid" 2>/dev/null || true; fi
  if [ -n "$netns_pid" ]; then kill "$netns_pid" 2>/dev/null || true; wait "$netns_pid" 2>/dev/null || true; fi
  slirp_pid=""
  netns_pid=""
}

# --- chroots -----------------------------------------------------------------------------------
root=""
mounted=()
base_chroot() {
  local base="$dir/base-$release"
  if [ ! -x "$base/usr/bin/apt-get" ]; then
    log "debootstrap --variant=minbase $release ($mirror)" >&2
    rm -rf --one-file-system "$base"
    local extra=()
    if [ "$mirror" = http://archive.ubuntu.com/ubuntu ]; then
      extra=(--no-check-gpg)
      # debootstrap knows every Ubuntu release by the same script
      [ -e "/usr/share/debootstrap/scripts/$release" ] || extra+=(--script=/usr/share/debootstrap/scripts/gutsy)
    fi
    debootstrap --variant=minbase "${extra[@]}" --components="$components" "$release" "$base" "$mirror" \
      >"$dir/debootstrap-$release.log" 2>&1 || { log "debootstrap failed, see $dir/debootstrap-$release.log" >&2; exit 1; }
  fi
  echo "$base"
}
new_chroot() { # $1: name; a fresh copy of the release's minbase chroot
  local base
  base="$(base_chroot)"
  root="$dir/$1-$release"
  umount_all
  rm -rf --one-file-system "$root"
  cp -a "$base" "$root"
  if [ "$mirror" = http://archive.ubuntu.com/ubuntu ]; then
    printf 'deb %s %s main universe\ndeb %s %s-updates main universe\n' \
      "$mirror" "$release" "$mirror" "$release" >"$root/etc/apt/sources.list"
  else
    printf 'deb %s %s main\ndeb %s %s-updates main\ndeb http://deb.debian.org/debian-security %s-security main\n' \
      "$mirror" "$release" "$mirror" "$release" "$release" >"$root/etc/apt/sources.list"
  fi
  # slirp4netns answers DNS on 10.0.2.3; a host resolver on its own loopback is not reachable
  if grep -q '^nameserver 127\.' /etc/resolv.conf; then
    echo 'nameserver 10.0.2.3' >"$root/etc/resolv.conf"
  else
    grep '^nameserver' /etc/resolv.conf >"$root/etc/resolv.conf"
  fi
  if [ "${#extra_cas[@]}" -gt 0 ]; then
    mkdir -p "$root/usr/local/share/ca-certificates"
    cp "${extra_cas[@]}" "$root/usr/local/share/ca-certificates/"
  fi
  mount -t proc proc "$root/proc" && mounted+=("$root/proc")
  mount --bind /sys "$root/sys" && mounted+=("$root/sys")
  mount -o remount,bind,ro "$root/sys" || true
  mount --bind /dev "$root/dev" && mounted+=("$root/dev")
  mount --bind /dev/pts "$root/dev/pts" && mounted+=("$root/dev/pts")
  mount -t tmpfs -o size=2g,mode=1777 shm "$root/dev/shm" && mounted+=("$root/dev/shm")
}
umount_all() {
  local i
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    umount "${mounted[$i]}" 2>/dev/null || umount -l "${mounted[$i]}" 2>/dev/null || true
  done
  mounted=()
}
in_chroot() { # runs a command as root inside the chroot, in the isolated network namespace
  nsenter --net="/proc/$netns_pid/ns/net" chroot "$root" /usr/bin/env -i \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"
}
as_user() { # $1: user; the rest runs under bash -c as that user, in their home
  local user="$1"
  shift
  if [ "$user" = root ]; then
    in_chroot bash -c "cd /root && $*"
  else
    in_chroot runuser -u "$user" -- env HOME="/home/$user" USER="$user" bash -c "cd && $*"
  fi
}
cleanup() {
  local rc=$?
  umount_all
  stop_netns
  if [ -z "$keep" ] && [ -n "$root" ] && [ -d "$root" ]; then
    if ! findmnt -rn -o TARGET | grep -q "^$root/"; then rm -rf --one-file-system "$root"; fi
  fi
  exit "$rc"
}
trap cleanup EXIT

installed_fonts() { # the font files and font packages of the chroot, one line
  local files packages
  files="$(find "$root/usr/share/fonts" -type f \( -name '*.tt[fc]' -o -name '*.otf' -o -name '*.ot[fc]' -o -name '*.pf[ab]' \) 2>/dev/null | sed "s:^$root::" | tr '\n' ' ')"
  packages="$(in_chroot dpkg-query -W -f='${Package} ${Status}\n' 2>/dev/null | awk '$NF=="installed" && $1 ~ /^(fonts-|ttf-)/ {print $1}' | tr '\n' ' ')"
  echo "font packages: ${packages:-none}; font files: ${files:-none}"
}

# --- verify: a fresh clone builds and passes its tests on a JDK-only machine -------------------
check_verify() {
  local variant="verify${with_pango:+-pango}${no_fonts:+-nofonts}${as_root:+-root}"
  local out="$dir/$variant-$release.log"
  : >"$out"
  new_chroot "$variant"
  start_netns
  log "verify on $release: installing openjdk-17-jdk-headless git ca-certificates (no recommends)"
  in_chroot apt-get update -qq >>"$out" 2>&1 || { log "apt-get update failed (see $out)"; return 1; }
  in_chroot apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless git ca-certificates >>"$out" 2>&1 \
    || { log "installing the JDK failed (see $out)"; return 1; }
  if [ -n "$with_pango" ]; then
    log "adding libpangoft2-1.0-0 (JavaFX's text layout)"
    in_chroot apt-get install -y -qq --no-install-recommends libpangoft2-1.0-0 >>"$out" 2>&1 || return 1
  fi
  if [ -n "$no_fonts" ]; then
    log "removing every font package (dpkg --force-depends): no font at all"
    local fonts
    fonts="$(in_chroot dpkg-query -W -f='${Package}\n' | grep -E '^(fonts-|ttf-)' || true)"
    # shellcheck disable=SC2086
    [ -z "$fonts" ] || in_chroot dpkg --purge --force-depends $fonts >>"$out" 2>&1
  fi
  log "$(installed_fonts)" | tee -a "$out"
  for absent in pcscd postgresql xvfb; do
    if in_chroot dpkg-query -W -f='${Status}' "$absent" 2>/dev/null | grep -q 'install ok installed'; then
      log "unexpected: $absent is installed"
    fi
  done
  local user=builder
  if [ -n "$as_root" ]; then user=root; else in_chroot useradd -m -s /bin/bash builder || return 1; fi
  local home=/home/$user
  [ "$user" = root ] && home=/root
  # A fresh clone of HEAD (committed work only), as git clone would give it.
  git -C "$repo" bundle create "$root/tmp/pindesk.bundle" HEAD >/dev/null 2>&1 \
    || { log "git bundle of $repo failed"; return 1; }
  chmod 0644 "$root/tmp/pindesk.bundle"
  as_user "$user" "git -c advice.detachedHead=false clone -q /tmp/pindesk.bundle pindesk && git -C pindesk log --oneline -1" \
    | tee -a "$out"
  [ "${PIPESTATUS[0]}" -eq 0 ] || { log "git clone failed"; return 1; }
  log "verify on $release: ./mvnw -B verify as $user (log: $out)"
  local start rc=0
  start=$(date +%s)
  as_user "$user" "cd pindesk && nice -n 10 ./mvnw -B verify $mvn_args" >>"$out" 2>&1 || rc=$?
  local took=$(($(date +%s) - start))
  log "verify on $release: exit $rc after $((took / 60)) min $((took % 60)) s" | tee -a "$out"
  summarize_reports "$root$home/pindesk/target" | tee -a "$out"
  grep -E '^\[(INFO|WARNING|ERROR)\] Tests run:.*(Skipped: [1-9]|Failures: [1-9]|Errors: [1-9])' "$out" | tail -n 40 || true
  return "$rc"
}
summarize_reports() { # totals and every skipped test with its reason, from the XML reports
  python3 - "$1" <<'EOF'
import glob, sys, xml.etree.ElementTree as ET
target = sys.argv[1]
for kind in ("surefire-reports", "failsafe-reports"):
    tests = fail = err = skip = 0
    reasons = []
    for f in sorted(glob.glob(f"{target}/{kind}/TEST-*.xml")):
        suite = ET.parse(f).getroot()
        for case in suite.iter("testcase"):
            tests += 1
            if case.find("failure") is not None: fail += 1
            if case.find("error") is not None: err += 1
            s = case.find("skipped")
            if s is not None:
                skip += 1
                why = s.get("message") or (s.text or "").strip().split("\n")[0] or "(no reason given)"
                reasons.append(f"  {case.get('classname').rsplit('.',1)[-1]}.{case.get('name')}: {why}")
    print(f"{kind}: {tests} tests, {fail} failures, {err} errors, {skip} skipped")
    print("\n".join(reasons))
EOF
}

# --- install: the .deb on a minimal machine ----------------------------------------------------
check_install() {
  local out="$dir/install-$release.log" shot="$dir/install-$release.png"
  : >"$out"
  if [ -z "$deb" ]; then deb="$(ls "$repo"/target/installer/pindesk_*_amd64.deb 2>/dev/null | head -n 1 || true)"; fi
  [ -f "$deb" ] || { log "no .deb: run installer/linux/build-deb.sh first or pass --deb"; return 2; }
  for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null || { log "$tool not found on this host (apt-get install xvfb xdotool imagemagick)"; return 2; }
  done
  new_chroot install
  start_netns
  log "install on $release: $(basename "$deb") with apt, Depends only" | tee -a "$out"
  cp "$deb" "$root/tmp/"
  in_chroot apt-get update -qq >>"$out" 2>&1 || { log "apt-get update failed (see $out)"; return 1; }
  local start rc=0
  start=$(date +%s)
  in_chroot apt-get install -y -q --no-install-recommends "/tmp/$(basename "$deb")" >>"$out" 2>&1 || rc=$?
  log "apt-get install: exit $rc after $(($(date +%s) - start)) s" | tee -a "$out"
  [ "$rc" -eq 0 ] || { tail -n 30 "$out"; return 1; }
  log "$(installed_fonts)" | tee -a "$out"
  in_chroot useradd -m -s /bin/bash clerk || return 1
  local fail=0
  run_cmd() { # $1: expected exit codes (regex); the rest: a command line for the clerk
    local want="$1" got=0 text
    shift
    text="$(as_user clerk "$*" 2>&1)" || got=$?
    printf '$ %s   (exit %s)\n%s\n' "$*" "$got" "$text" >>"$out"
    if ! [[ "$got" =~ ^($want)$ ]] || grep -qE 'Exception|^\s+at ' <<<"$text"; then
      log "FAILED: $* (exit $got): $(head -c 300 <<<"$text")" | tee -a "$out"
      fail=1
    else
      log "ok: $* (exit $got): $(head -n 2 <<<"$text" | tr '\n' ' ' | cut -c1-160)" | tee -a "$out"
    fi
  }
  run_cmd 0 pindesk --version
  run_cmd 0 pindesk card profile show
  run_cmd 0 PINDESK_LANG=en pindesk card profile show
  # no pcscd runs in the chroot: a clear refusal, not a stack trace
  run_cmd '[1-9]' pindesk readers
  run_cmd '[1-9]' PINDESK_LANG=en pindesk readers
  run_cmd '[1-9]' pindesk central stats
  # the window, in training mode, on an Xvfb of this host
  local display n
  for n in $(seq 91 120); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { display=":$n"; break; }; done
  Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >"$dir/xvfb.log" 2>&1 &
  local xvfb=$!
  for _ in $(seq 1 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
  mkdir -p "$root/tmp/.X11-unix"
  mount --bind /tmp/.X11-unix "$root/tmp/.X11-unix" && mounted+=("$root/tmp/.X11-unix")
  setsid nsenter --net="/proc/$netns_pid/ns/net" chroot "$root" runuser -u clerk -- \
    env -i HOME=/home/clerk USER=clerk PATH=/usr/bin:/bin DISPLAY="$display" LANG=C.UTF-8 \
    pindesk >"$dir/install-$release-gui.log" 2>&1 &
  local gui=$!
  local shown=""
  for _ in $(seq 1 60); do
    if DISPLAY="$display" xdotool search --onlyvisible --name 'PinDesk' >/dev/null 2>&1; then shown=1; break; fi
    kill -0 "$gui" 2>/dev/null || break
    sleep 1
  done
  sleep 10 # first frame and the start-up work behind it
  DISPLAY="$display" import -window root "$shot" 2>>"$out" || true
  if [ -n "$shown" ]; then
    log "ok: the window opened on $display; screenshot $shot" | tee -a "$out"
    # the training counter's sign-in (demo/demo) leads to the case window; submitted while the
    # start-up work behind the first frame still runs, it goes through once that is done, and the
    # sign-in is the first entry of the journal
    DISPLAY="$display" xdotool type --delay 50 demo && DISPLAY="$display" xdotool key Tab \
      && DISPLAY="$display" xdotool type --delay 50 demo && DISPLAY="$display" xdotool key Return
    for _ in $(seq 1 120); do
      grep -qs 'open for appending' "$root/home/clerk/.pindesk/logs/pindesk.log" && break
      sleep 1
    done
    sleep 5
    DISPLAY="$display" import -window root "${shot%.png}-signed-in.png" 2>>"$out" || true
    log "signed in as demo: screenshot ${shot%.png}-signed-in.png" | tee -a "$out"
  else
    log "FAILED: no window within 60 s; screenshot $shot; output:" | tee -a "$out"
    cat "$dir/install-$release-gui.log" | tee -a "$out"
    fail=1
  fi
  kill -- -"$gui" 2>/dev/null || true
  wait "$gui" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
  umount "$root/tmp/.X11-unix" || true # (umount_all tries again, harmlessly)
  # purge: nothing of the package stays behind
  in_chroot apt-get purge -y -q pindesk >>"$out" 2>&1 || { log "FAILED: apt-get purge"; fail=1; }
  for path in /opt/pindesk /usr/bin/pindesk /usr/bin/pindesk-audit /etc/pindesk /usr/share/doc/pindesk; do
    if [ -e "$root$path" ] || [ -L "$root$path" ]; then log "FAILED: left behind after purge: $path" | tee -a "$out"; fail=1; fi
  done
  [ "$fail" -eq 0 ] && log "install on $release: all checks passed (log: $out)" | tee -a "$out"
  return "$fail"
}

status=0
for check in "${checks[@]}"; do
  case "$check" in
    verify) check_verify || status=1 ;;
    install) check_install || status=1 ;;
    *) log "unknown check $check (verify or install)"; status=2 ;;
  esac
  umount_all
  stop_netns
done
exit "$status"

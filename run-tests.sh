#!/usr/bin/env bash
# Runs every test of the solution, from a fresh clone, and ends with one plain line
# "N passed, N failed, N skipped". Exits non-zero if anything failed or no test ran.
#
# Integration tests need root (they create and delete their own network namespaces);
# without root they are reported as skipped, with the reason.
set -uo pipefail
cd "$(dirname "$0")"

# Integration tests and cross-checks call iproute2's `ip` and `ss`.
if ! command -v ip >/dev/null 2>&1 || ! command -v ss >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing iproute2 (ip, ss) ..." >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq iproute2 >&2
  else
    echo "warning: iproute2 is missing and cannot be installed; cross-checks will fail" >&2
  fi
fi

# The generator's conformance test reads the kernel's own spec files from here.
if [ -z "${NETLINK_KERNEL_SPECS:-}" ] && [ -d ../shared/conformance/kernel-specs ]; then
  export NETLINK_KERNEL_SPECS="$(cd ../shared/conformance/kernel-specs && pwd)"
fi
# In CI a missing wire snapshot is a failure, not a file silently created.
if [ "${CI:-}" = "true" ]; then
  export SNAPSHOOTER_STRICT_MODE=true
fi

log=$(mktemp /tmp/netlink-tests.XXXXXX.log)
trap 'rm -f "$log"' EXIT

dotnet restore Netlink.sln >&2 || { echo "0 passed, 1 failed"; echo "restore failed" >&2; exit 1; }
dotnet build Netlink.sln --no-restore -nologo -v:q >&2 || { echo "0 passed, 1 failed"; echo "build failed" >&2; exit 1; }
# One test assembly at a time (-m:1): the integration tests wait on the kernel, veth links and
# child processes, and five test hosts at once on a 2-core CI box starve each other's timers.
dotnet test Netlink.sln --no-build -m:1 "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test assembly prints: "Passed!  - Failed: 0, Passed: 12, Skipped: 1, Total: 13, ...".
read -r failed passed skipped < <(
  grep -E '^(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" |
    sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/' |
    awk '{f+=$1; p+=$2; s+=$3} END {print f+0, p+0, s+0}')

# Packages: pack Netlink.Core/Route/Diag into a temporary folder feed, then build and run the
# schema-author sample against it (PackageReference only, no project reference), so a broken
# package fails CI. Two checks: the pack, and the sample. The sample compiles the kernel's own
# netdev.yaml, so without a kernel spec folder (a clone that is not next to ../shared, and no
# NETLINK_KERNEL_SPECS) it is skipped with that reason, as the conformance test is; the pack
# still runs. The pack reuses the Debug build the tests just made; a unique version and a
# private NUGET_PACKAGES folder make a stale cached package impossible.
# (docs/packaging.md; the shipping command is `dotnet pack -c Release -o artifacts/packages`.)
pack_packages() {
  local work="$1" version="$2"
  # One pack invocation for the packable projects (a solution filter), so they are evaluated once.
  cat > "$work/packages.slnf" <<EOF
{ "solution": { "path": "$PWD/Netlink.sln", "projects": [
  "src/Netlink.Generators/Netlink.Generators.csproj", "src/Netlink.Core/Netlink.Core.csproj",
  "src/Netlink.Route/Netlink.Route.csproj", "src/Netlink.Diag/Netlink.Diag.csproj" ] } }
EOF
  dotnet pack "$work/packages.slnf" -c Debug -o "$work/feed" -p:PackageVersion="$version" -nologo -v:q || return 1
  [ "$(ls "$work/feed"/*.nupkg 2>/dev/null | wc -l)" = 3 ] || { echo "expected 3 packages in $work/feed" >&2; return 1; }
}
run_sample() {
  local work="$1" version="$2"
  NUGET_PACKAGES="$work/packages" dotnet build samples/GenericNetlinkSample -nologo -v:q \
    --artifacts-path "$work/sample" -p:NetlinkPackageSource="$work/feed" -p:NetlinkPackageVersion="$version" || return 1
  local args=()
  [ "$(id -u)" = 0 ] || args=(--current-namespace)   # a fresh namespace needs root
  dotnet "$work/sample/bin/GenericNetlinkSample/debug/GenericNetlinkSample.dll" "${args[@]}"
}
tests_passed=$passed
pack_dir=$(mktemp -d /tmp/netlink-packages.XXXXXX)
pack_version="0.1.0-ci.$(date +%s)"
echo "package check: pack Netlink.Core/Route/Diag into a local feed ..." >&2
if pack_packages "$pack_dir" "$pack_version" >&2; then
  echo "package check: passed" >&2
  passed=$((passed + 1))
  if [ -n "${NETLINK_KERNEL_SPECS:-}" ]; then
    echo "sample check: build and run samples/GenericNetlinkSample from the local feed ..." >&2
    if run_sample "$pack_dir" "$pack_version" >&2; then
      echo "sample check: passed" >&2
      passed=$((passed + 1))
    else
      echo "sample check: FAILED (the sample built from the packages, or its live call)" >&2
      failed=$((failed + 1))
    fi
  else
    echo "sample check: skipped (it compiles the kernel's netdev.yaml: no ../shared/conformance/kernel-specs, and NETLINK_KERNEL_SPECS is unset)" >&2
    skipped=$((skipped + 1))
  fi
else
  echo "package check: FAILED (dotnet pack)" >&2
  failed=$((failed + 1))
fi
rm -rf "$pack_dir"

# Fuzz smoke: the fuzz driver's first 50,000 inputs (fixed seed, so a failure replays anywhere)
# over every decoder, plus its encode(decode(x)) round trip of the kernel seeds. Counted as one
# check. The acceptance-size run (1,000,000 inputs) is tests/Netlink.Fuzz/README.md's command.
echo "fuzz check: 50000 inputs over every target ..." >&2
if dotnet tests/Netlink.Fuzz/bin/Debug/net10.0/Netlink.Fuzz.dll --iterations 50000 >&2; then
  echo "fuzz check: passed" >&2
  passed=$((passed + 1))
else
  echo "fuzz check: FAILED (failing inputs and replay commands are listed above)" >&2
  failed=$((failed + 1))
fi

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # the build or a test host failed before any test could report
fi
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$tests_passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]

#!/usr/bin/env bash
# Runs a command and samples the resident memory of its process tree over time, so that a peak
# can be matched to the phase of the run that made it (docs/performance.md, "Memory").
#
#   scripts/rss-timeline.sh OUT.tsv [INTERVAL_S] -- COMMAND [ARGS...]
#
# OUT.tsv gets one line per sample: seconds since start, wall-clock time, the sum of VmRSS over the
# command's processes (MB), and VmRSS and VmHWM (MB) of the largest of them. The command's own
# output goes where it would go; its exit status is this script's.
set -euo pipefail
out="$1"; shift
interval=0.5
if [ "${1:-}" != "--" ]; then interval="$1"; shift; fi
[ "${1:-}" = "--" ] || { echo "usage: $0 OUT.tsv [INTERVAL_S] -- COMMAND [ARGS...]" >&2; exit 2; }
shift

descendants() {
  local p
  for p in $(pgrep -P "$1" 2>/dev/null); do echo "$p"; descendants "$p"; done
}

kb() { awk -v k="$2" '$1 == k":" { print $2 }' "/proc/$1/status" 2>/dev/null || true; }

"$@" &
root=$!
start=$(date +%s.%N)
printf 'seconds\ttime\ttree_rss_mb\tlargest_rss_mb\tlargest_hwm_mb\n' > "$out"
while kill -0 "$root" 2>/dev/null; do
  total=0; big=0; hwm=0
  for p in "$root" $(descendants "$root"); do
    r=$(kb "$p" VmRSS); [ -n "$r" ] || continue
    total=$((total + r))
    if [ "$r" -gt "$big" ]; then big=$r; hwm=$(kb "$p" VmHWM); fi
  done
  now=$(date +%s.%N)
  awk -v a="$start" -v b="$now" -v t="$(date +%H:%M:%S)" -v r="$total" -v l="$big" -v h="${hwm:-0}" \
    'BEGIN { printf "%.1f\t%s\t%d\t%d\t%d\n", b - a, t, r / 1024, l / 1024, h / 1024 }' >> "$out"
  sleep "$interval"
done
wait "$root"

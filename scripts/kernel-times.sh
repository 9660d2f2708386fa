#!/usr/bin/env bash
# Where a training step's oneDNN time goes: runs `simclr bench train` with ONEDNN_VERBOSE=1 and sums
# the kernels' execution times by primitive, direction and kind (AMX or not), warmup steps included.
# Usage: scripts/kernel-times.sh fp32|bf16 [BENCH ARGS...]
#   e.g. scripts/kernel-times.sh bf16 --width 0.25 --size 28 --channels 1 --batch 128 --steps 3 --warmup 1 --threads 2
set -euo pipefail
precision="$1"; shift
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export OMP_WAIT_POLICY=PASSIVE SIMCLR_JAVA_OPTS="${SIMCLR_JAVA_OPTS:--Xmx4g}"
ONEDNN_VERBOSE=1 "$root/simclr" bench train "$@" --precision "$precision" 2>/dev/null | awk -F, '
  /^onednn_verbose,v1,primitive,exec/ {
    k = $6 " " $8 (($6 == "convolution" || $6 == "matmul") ? ($7 ~ /amx/ ? " (amx)" : " (not amx)") : "")
    t[k] += $NF; n[k]++
  }
  /"samples_per_s"/ { match($0, /"samples_per_s":[0-9.]+/); print substr($0, RSTART, RLENGTH) }
  END { for (k in t) printf "%10.1f ms %6d calls  %s\n", t[k], n[k], k }' | sort -rn

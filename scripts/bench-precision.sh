#!/usr/bin/env bash
# The training step's throughput in four ways, alternated so that every round sees the same machine:
# ours in fp32, ours with train.precision bf16, the reference tutorial in fp32 and with its
# --autocast-bf16 (ResNet-18 CIFAR stem, 32 px, matmul NT-Xent, 2 threads, passive OpenMP for both).
# Usage: scripts/bench-precision.sh PATH/seed_simclr.py [PYTHON] [ROUNDS] [BATCH:STEPS ...]
# Prints one line per run: round, side, precision, batch, source images per second, wall seconds, load.
set -euo pipefail
ref="$1"; python="${2:-python3}"; rounds="${3:-2}"; shift $(( $# < 3 ? $# : 3 ))
sizes=("${@:-64:4}")
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export OMP_WAIT_POLICY=PASSIVE SIMCLR_JAVA_OPTS="${SIMCLR_JAVA_OPTS:--Xmx4g}"
"$root/simclr" plugins >/dev/null   # builds the distribution first if the sources changed


run() {   # side precision batch steps
  local t0 t1 out sps
  t0=$(awk '{print $1}' /proc/uptime)
  if [ "$1" = ours ]; then
    out=$("$root/simclr" bench train --batch "$3" --steps "$4" --warmup 1 --threads 2 --precision "$2" 2>/dev/null | tail -1)
    sps=$(sed 's/.*"samples_per_s":\([0-9.]*\).*/\1/' <<<"$out")
  else
    local flag=(); [ "$2" = bf16 ] && flag=(--autocast-bf16)
    out=$("$python" "$ref" --bench-step --loss-impl matmul --cifar-stem "${flag[@]}" --batch-size "$3" --threads 2 \
          --bench-iters "$4" --warmup-steps 1 2>/dev/null | grep '"bench_step"')
    sps=$(sed 's/.*"samples_per_s": \([0-9.]*\).*/\1/' <<<"$out")
  fi
  t1=$(awk '{print $1}' /proc/uptime)
  printf '%s %-9s %-4s batch %4s  %8s samples/s  (%.0f s wall, load %s)\n' "$round" "$1" "$2" "$3" "$sps" \
    "$(echo "$t1 - $t0" | bc)" "$(cut -d' ' -f1 /proc/loadavg)"
}

for round in $(seq 1 "$rounds"); do
  for size in "${sizes[@]}"; do
    b="${size%%:*}"; n="${size##*:}"
    run ours fp32 "$b" "$n"; run reference fp32 "$b" "$n"; run ours bf16 "$b" "$n"; run reference bf16 "$b" "$n"
  done
done

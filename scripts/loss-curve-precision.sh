#!/usr/bin/env bash
# Quality check of train.precision bf16: the built-in default's first STEPS steps (logged every
# step, no evaluation) in fp32 and in bf16 with the same seed, and in fp32 with another seed for the
# seed-to-seed spread; then the loss curves compared in windows of 20 steps.
# Usage: scripts/loss-curve-precision.sh OUTDIR [STEPS] [--set k=v ...]
set -euo pipefail
out="$1"; steps="${2:-200}"; shift $(( $# < 2 ? $# : 2 ))
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export OMP_WAIT_POLICY=PASSIVE SIMCLR_JAVA_OPTS="${SIMCLR_JAVA_OPTS:--Xmx4g}"
mkdir -p "$out"
for run in fp32:42 bf16:42 fp32:43; do
  p="${run%%:*}"; seed="${run##*:}"
  "$root/simclr" run --out "$out/$p-$seed" --force --set seed="$seed" --set train.precision="$p" --set train.max-steps="$steps" \
    --set train.log-every=1 --set 'evaluate=[]' "$@" >"$out/$p-$seed.log" 2>&1
done
python3 - "$out" <<'PY'
import json, sys
def curve(name):
    with open(f"{sys.argv[1]}/{name}/metrics.jsonl") as f:
        rows = [json.loads(l) for l in f]
    return [r["loss"] for r in rows if r.get("type") == "step"]
a, b, c = curve("fp32-42"), curve("bf16-42"), curve("fp32-43")
n = min(len(a), len(b), len(c))
def windows(x, y, w=20):
    return [abs(sum(x[i:i + w]) / w - sum(y[i:i + w]) / w) for i in range(0, n - w + 1, w)]
bf, seed = windows(a, b), windows(a, c)
print(f"steps {n}; fp32 loss {a[0]:.4f} -> {sum(a[n-20:n])/20:.4f} (last 20 steps), bf16 {b[0]:.4f} -> {sum(b[n-20:n])/20:.4f}")
print("largest |difference| of 20-step mean losses: bf16 vs fp32 (same seed) %.4f, fp32 seed 43 vs 42 %.4f" % (max(bf), max(seed)))
print("per window, bf16 vs fp32:", " ".join(f"{d:.3f}" for d in bf))
print("per window, seed 43 vs 42:", " ".join(f"{d:.3f}" for d in seed))
PY

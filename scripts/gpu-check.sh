#!/usr/bin/env bash
# GPU check: a short pre-training and linear probe on `device: gpu`, then the training throughput.
# Needs DJL's CUDA build of PyTorch 2.7.1 reachable (docs/backends.md, "GPU"): e.g.
#   PYTORCH_LIBRARY_PATH=<unpacked pytorch-native-cu128 2.7.1> PYTORCH_FLAVOR=cu128 bash scripts/gpu-check.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$(mktemp -d)/gpu-check}"
"$root/simclr" doctor
"$root/simclr" run --out "$out" \
  --set backend.device=gpu --set train.epochs=2 --set train.batch-size=256 \
  --set "evaluate=[linear-probe]"
grep '"type":"epoch"' "$out/metrics.jsonl"
"$root/simclr" bench train --device gpu --batch 256 --steps 10 --warmup 2 | tail -1

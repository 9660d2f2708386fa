#!/usr/bin/env bash
# GPU check for a Linux x86-64 machine with one or more CUDA GPUs, prepared to finish in under
# 5 minutes on one modern GPU once the CUDA natives are in the local Maven repository (the first
# -Pcuda build downloads them: about 2.4 GB). It
#   1. builds the distribution with the CUDA profile (-Pcuda: PyTorch 2.5.1 CUDA 12.4 natives);
#   2. prints the training throughput (JSON lines with samples_per_s) of ResNet-18 with the CIFAR
#      stem at 32 px, batch 256 and 1024, and ResNet-50 at 224 px, batch 128, in fp32 (and in bf16
#      when the bench has a --precision option);
#   3. pre-trains one short run on Fashion-MNIST on gpu:0 and probes it (linear probe);
#   4. with more than one GPU, benches and trains the data-parallel path on all of them.
# Usage: bash scripts/gpu-check.sh [OUTPUT_FOLDER]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$(mktemp -d)/gpu-check}"
mkdir -p "$out"
export SIMCLR_MAVEN_ARGS="-Pcuda"        # the launcher rebuilds with the same profile
export PYTORCH_FLAVOR="${PYTORCH_FLAVOR:-cu124}"
export SIMCLR_JAVA_OPTS="${SIMCLR_JAVA_OPTS:--Xmx8g}"
simclr="$root/simclr"

gpus="$(nvidia-smi -L 2>/dev/null | grep -c '^GPU' || true)"
echo "gpu-check: $gpus GPU(s) listed by nvidia-smi; output in $out"
if ! ldconfig -p 2>/dev/null | grep -q 'libcudart\.so' && [[ "${LD_LIBRARY_PATH:-}" != *cuda* ]]; then
  echo "gpu-check: no libcudart on the library path: DJL counts GPUs through it (docs/backends.md, GPU)" >&2
fi

(cd "$root" && mvn -B -q -Pcuda install -DskipTests)
touch "$root/simclr-cli/target/dist/simclr-cli.jar"
"$simclr" doctor

bench() { "$simclr" bench train --steps 20 --warmup 3 "$@" | tail -1; }
precisions=(fp32)
if "$simclr" bench train --help 2>&1 | grep -q -- '--precision'; then precisions+=(bf16); fi
for p in "${precisions[@]}"; do
  extra=(); [ "$p" = fp32 ] || extra=(--precision "$p")
  bench --device gpu --encoder resnet18 --stem cifar --size 32 --batch 256 "${extra[@]}"
  bench --device gpu --encoder resnet18 --stem cifar --size 32 --batch 1024 "${extra[@]}"
  bench --device gpu --encoder resnet50 --stem imagenet --size 224 --batch 128 "${extra[@]}"
done

"$simclr" run --out "$out/one-gpu" --set backend.device=gpu --set train.epochs=1 --set train.batch-size=256 \
  --set "evaluate=[linear-probe]"
grep '"type":"epoch"' "$out/one-gpu/metrics.jsonl"
cat "$out/one-gpu/results.json"

if [ "$gpus" -gt 1 ]; then
  list="gpu:$(seq -s, 0 $((gpus - 1)))"
  bench --device "$list" --encoder resnet18 --stem cifar --size 32 --batch 1024
  "$simclr" run --out "$out/all-gpus" --set "backend.device=$list" --set train.epochs=1 --set train.batch-size=512 \
    --set "evaluate=[linear-probe]"
  grep '"type":"epoch"' "$out/all-gpus/metrics.jsonl"
  cat "$out/all-gpus/results.json"
fi

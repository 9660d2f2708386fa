#!/usr/bin/env python3
"""libtorch's profiler over the reference tutorial's training step, as its --bench-step times it
(ResNet-18 CIFAR stem, 32 px, matmul NT-Xent, Adam; fixed random views, no augmentation), so that
scripts/op-profile.py can set its operators beside ours. Two warm-up steps, then STEPS recorded.

Usage: scripts/profile-reference.py PATH/seed_simclr.py OUT.json [--batch 64] [--steps 3] [--bf16]
"""
import argparse
import importlib.util
import time

import torch
import torch.nn.functional as F


def load(path):
    spec = importlib.util.spec_from_file_location("reference", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    p = argparse.ArgumentParser()
    p.add_argument("reference")
    p.add_argument("out")
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--steps", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--bf16", action="store_true", help="forward under CPU bf16 autocast, as --autocast-bf16")
    a = p.parse_args()
    ref = load(a.reference)
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    model = ref.SimCLR(base_encoder="resnet18", projection_dim=128, cifar_stem=True)
    loss_args = argparse.Namespace(loss_impl="matmul", temperature=0.07)
    criterion = ref.make_criterion(loss_args)
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-4, weight_decay=1e-6)
    model.train()
    views = torch.randn(a.batch, 3, 32, 32), torch.randn(a.batch, 3, 32, 32)

    def step():
        start = time.perf_counter()
        with torch.cpu.amp.autocast(dtype=torch.bfloat16, enabled=a.bf16):
            _, z1 = model(views[0])
            _, z2 = model(views[1])
        loss = criterion(F.normalize(z1.float(), dim=1), F.normalize(z2.float(), dim=1))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        loss.item()
        return time.perf_counter() - start

    for _ in range(2):
        step()
    with torch.autograd.profiler.profile() as prof:
        times = [step() for _ in range(a.steps)]
    prof.export_chrome_trace(a.out)
    print("step seconds while recorded:", " ".join(f"{t:.3f}" for t in times))


if __name__ == "__main__":
    main()

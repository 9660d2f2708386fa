#!/usr/bin/env python3
"""Runs the reference tutorial's script (seed_simclr.py) unchanged and saves its encoder's features.

When the script's own linear probe has run, the frozen encoder's features of the probe's train and
test images are written as OUT-train.npy and OUT-test.npy (float32 [N, D]) with OUT-train-labels.npy
and OUT-test-labels.npy, the layout probe-features-sklearn.py reads. The script's own output, timing
and probe included, is unchanged; the extra feature pass is timed on its own line.

    python3 scripts/reference-features.py PATH/seed_simclr.py OUT -- --data-dir DIR --subset 5000 --epochs 5 ...
"""
import importlib.util
import json
import sys
import time

import numpy as np
import torch


def save_features(model, loader, path):
    model.eval()
    features, labels = [], []
    with torch.no_grad():
        for images, y in loader:
            features.append(model(images)[0].numpy())  # the encoder's output, before the projection head
            labels.append(y.numpy())
    np.save(path + ".npy", np.concatenate(features).astype(np.float32))
    np.save(path + "-labels.npy", np.concatenate(labels).astype(np.int64))


def main():
    if len(sys.argv) < 4 or sys.argv[3] != "--":
        sys.exit(__doc__)
    script, out = sys.argv[1], sys.argv[2]
    spec = importlib.util.spec_from_file_location("seed_simclr", script)
    seed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(seed)
    own_probe = seed.evaluate_linear_probe

    def probe_then_save(model, train_loader, test_loader, **kw):
        accuracy = own_probe(model, train_loader, test_loader, **kw)
        start = time.perf_counter()
        save_features(model, train_loader, out + "-train")
        save_features(model, test_loader, out + "-test")
        print(json.dumps({"event": "features_saved", "prefix": out, "seconds": round(time.perf_counter() - start, 1)}), flush=True)
        return accuracy

    seed.evaluate_linear_probe = probe_then_save
    sys.argv = [script] + sys.argv[4:]
    seed.main()


if __name__ == "__main__":
    main()

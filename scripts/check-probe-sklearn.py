#!/usr/bin/env python3
"""An independent check of the linear probe's raw-pixel baseline with scikit-learn.

Fits scikit-learn's multinomial LogisticRegression (L-BFGS) on flattened Fashion-MNIST pixels,
choosing C on a seeded, stratified validation split of the training images and refitting on all
of them, the same protocol as simclr's linear-probe evaluator, and prints the test accuracy with
its Wilson 95 % interval. Compare it with the linear-probe@raw-pixels row of a run's results.json.

By default it reads the Fashion-MNIST subset shipped with simclr (the built-in default run's
data); --data points it at another folder of the four IDX files (gzipped or not).

    python3 scripts/check-probe-sklearn.py [--data DIR] [--seed 42] [--validation-fraction 0.2]
"""
import argparse
import gzip
import json
import math
import os
import sys
import time

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

BUILTIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "simclr-data", "src", "main", "resources",
                       "dev", "simclr", "data", "fashion-mnist")


def read_idx(folder, stem):
    """The array of one IDX file (magic: two zero bytes, a type byte, the number of dimensions)."""
    for name in (stem + ".gz", stem):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            opener = gzip.open if name.endswith(".gz") else open
            with opener(path, "rb") as f:
                raw = f.read()
            dims = raw[3]
            shape = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
            return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)
    sys.exit(f"no {stem}(.gz) in {folder}")


def wilson95(hits, n):
    z = 1.959963984540054
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def fit_and_score(c, x_fit, y_fit, x_eval, y_eval):
    scaler = StandardScaler().fit(x_fit)
    model = LogisticRegression(C=c, max_iter=1000)  # multinomial with the lbfgs solver
    model.fit(scaler.transform(x_fit), y_fit)
    return model.predict(scaler.transform(x_eval)) == y_eval


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=BUILTIN, help="folder of the IDX files (default: the shipped subset)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--validation-fraction", type=float, default=0.2)
    parser.add_argument("--c-grid", default=",".join(f"{c:.3g}" for c in np.logspace(-5, 1, 13)),
                        help="comma-separated values of C (the inverse of the L2 penalty on the summed loss)")
    args = parser.parse_args()
    x_train = read_idx(args.data, "train-images-idx3-ubyte").reshape(-1, 784).astype(np.float64) / 255
    y_train = read_idx(args.data, "train-labels-idx1-ubyte").astype(np.int64)
    x_test = read_idx(args.data, "t10k-images-idx3-ubyte").reshape(-1, 784).astype(np.float64) / 255
    y_test = read_idx(args.data, "t10k-labels-idx1-ubyte").astype(np.int64)
    x_fit, x_val, y_fit, y_val = train_test_split(x_train, y_train, test_size=args.validation_fraction,
                                                  stratify=y_train, random_state=args.seed)
    start = time.time()
    scores = {}
    for c in (float(v) for v in args.c_grid.split(",")):
        scores[c] = float(np.mean(fit_and_score(c, x_fit, y_fit, x_val, y_val)))
        print(f"C {c:.3g}: validation top-1 {100 * scores[c]:.2f}%", flush=True)
    best = max(scores, key=lambda c: (scores[c], -c))  # ties go to the stronger penalty
    hits = fit_and_score(best, x_train, y_train, x_test, y_test)
    lo, hi = wilson95(int(hits.sum()), len(hits))
    grid = sorted(scores)
    print(json.dumps({"train": len(y_train), "test": len(y_test), "C": best, "at_grid_edge": best in (grid[0], grid[-1]),
                      "validation_top1": scores[best], "top1": float(hits.mean()), "top1_ci": [lo, hi],
                      "seconds": round(time.time() - start, 1)}))


if __name__ == "__main__":
    main()

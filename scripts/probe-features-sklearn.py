#!/usr/bin/env python3
"""The linear-probe protocol of check-probe-sklearn.py, on features saved as .npy files.

For each feature set NAME=TRAIN.npy,TEST.npy (labels beside them as TRAIN-labels.npy and
TEST-labels.npy, as `simclr embed --out X.npy` writes them): C of scikit-learn's multinomial
LogisticRegression chosen on a seeded, stratified validation split of the training features, refit on
all of them, test top-1 with its Wilson 95 % interval. With two or more sets (the same test images in
the same order), the first minus each other, with a 95 % interval from a paired bootstrap over the
test images. Used to score another program's encoder (e.g. the reference tutorial's, saved by
reference-features.py) and ours by one protocol.

    python3 scripts/probe-features-sklearn.py ours=a-train.npy,a-test.npy reference=b-train.npy,b-test.npy
"""
import argparse
import importlib.util
import json
import os

import numpy as np
from sklearn.model_selection import train_test_split

_spec = importlib.util.spec_from_file_location(
    "check_probe_sklearn", os.path.join(os.path.dirname(os.path.abspath(__file__)), "check-probe-sklearn.py"))
check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check)


def load(pair):
    train, test = pair.split(",")
    labels = lambda f: np.load(f[:-len(".npy")] + "-labels.npy").astype(np.int64)
    return np.load(train).astype(np.float64), labels(train), np.load(test).astype(np.float64), labels(test)


def probe(name, x_train, y_train, x_test, y_test, grid, seed, fraction):
    x_fit, x_val, y_fit, y_val = train_test_split(x_train, y_train, test_size=fraction, stratify=y_train, random_state=seed)
    scores = {c: float(np.mean(check.fit_and_score(c, x_fit, y_fit, x_val, y_val))) for c in grid}
    best = max(scores, key=lambda c: (scores[c], -c))  # ties go to the stronger penalty
    hits = check.fit_and_score(best, x_train, y_train, x_test, y_test)
    lo, hi = check.wilson95(int(hits.sum()), len(hits))
    print(json.dumps({"features": name, "dim": x_train.shape[1], "train": len(y_train), "test": len(y_test), "C": best,
                      "at_grid_edge": best in (grid[0], grid[-1]), "validation_top1": scores[best],
                      "top1": float(hits.mean()), "top1_ci": [lo, hi]}), flush=True)
    return hits


def paired_bootstrap(a, b, resamples, seed):
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(a), size=(resamples, len(a)))
    diffs = a[idx].mean(axis=1) - b[idx].mean(axis=1)
    return float(a.mean() - b.mean()), [float(np.percentile(diffs, 2.5)), float(np.percentile(diffs, 97.5))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", metavar="NAME=TRAIN.npy,TEST.npy")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--validation-fraction", type=float, default=0.2)
    parser.add_argument("--c-grid", default=",".join(f"{c:.3g}" for c in np.logspace(-5, 1, 13)))
    parser.add_argument("--resamples", type=int, default=2000)
    args = parser.parse_args()
    grid = [float(v) for v in args.c_grid.split(",")]
    hits, test_labels = {}, {}
    for s in args.sets:
        name, pair = s.split("=", 1)
        x_train, y_train, x_test, y_test = load(pair)
        hits[name] = probe(name, x_train, y_train, x_test, y_test, grid, args.seed, args.validation_fraction).astype(np.float64)
        test_labels[name] = y_test
    first, *others = hits
    for other in others:
        if not np.array_equal(test_labels[first], test_labels[other]):
            raise SystemExit(f"{first} and {other} were not scored on the same test images in the same order")
        diff, ci = paired_bootstrap(hits[first], hits[other], args.resamples, args.seed)
        print(json.dumps({"difference": f"{first} - {other}", "points": 100 * diff, "ci_points": [100 * ci[0], 100 * ci[1]]}))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Time per operator in a Chrome trace of libtorch's profiler (ours: SIMCLR_TORCH_PROFILE=FILE on a
training run or `simclr bench train`; the reference: scripts/profile-reference.py). Prints, per
operator name, its self time (its own span minus the spans nested in it on the same thread) and its
inclusive time, both per step, largest self time first.

Usage: scripts/op-profile.py TRACE.json STEPS [TOP]
"""
import collections
import json
import sys


def spans(path):
    with open(path) as f:
        trace = json.load(f)
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    by_thread = collections.defaultdict(list)
    for e in events:
        if e.get("ph") == "X":
            by_thread[e.get("tid")].append(e)
    return by_thread


def totals(by_thread):
    own, inclusive, calls = collections.Counter(), collections.Counter(), collections.Counter()
    for events in by_thread.values():
        events.sort(key=lambda e: (e["ts"], -e["dur"]))
        open_spans = []
        for e in events:
            while open_spans and open_spans[-1]["ts"] + open_spans[-1]["dur"] <= e["ts"]:
                open_spans.pop()
            if open_spans:
                own[open_spans[-1]["name"]] -= e["dur"]
            own[e["name"]] += e["dur"]
            inclusive[e["name"]] += e["dur"]
            calls[e["name"]] += 1
            open_spans.append(e)
    return own, inclusive, calls


def main():
    path, steps = sys.argv[1], float(sys.argv[2])
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    own, inclusive, calls = totals(spans(path))
    print(f"{sum(own.values()) / 1000 / steps:.1f} ms per step recorded (microsecond spans, per step of {steps:g})")
    print(f"{'self ms':>9} {'incl ms':>9} {'calls':>7}  operator (per step)")
    for name, t in own.most_common(top):
        print(f"{t / 1000 / steps:9.1f} {inclusive[name] / 1000 / steps:9.1f} {calls[name] / steps:7.1f}  {name}")


if __name__ == "__main__":
    main()

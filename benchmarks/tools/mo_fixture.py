#!/usr/bin/env python3
"""Writes the fixture that MoProblemsTest and MoMetricsTest compare the Java port of the mo benchmark to.

It imports the benchmark's definition, mo_functions.py, from the project's shared benchmark folder (it is not
copied into this repository, which holds no licence for it) and records, per problem:
  * points: random and corner points of the space with the objectives and constraints mo_functions computes;
  * front: the true front sample's size, checksum, ideal, nadir and every 25th point (and the last);
  * hv_true, hv_true_wide: the true hypervolumes;
  * metric_sets: hv_ratio, hv_ratio_wide and IGD of the first 10, 25 and 40 random points (feasible
    non-dominated set; IGD normalized by the front sample's ideal and nadir, as mo.md says).

Usage (from the repository root):
  python3 benchmarks/tools/mo_fixture.py [--bench ../shared/bench] [--out benchmarks/src/test/resources/...]
Needs numpy. Deterministic: the points come from numpy's default_rng(19).
"""

import argparse
import json
import os
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_BENCH = os.path.join(os.path.dirname(ROOT), "shared", "bench")
DEFAULT_OUT = os.path.join(ROOT, "benchmarks", "src", "test", "resources", "dev", "tuner", "benchmarks", "mo",
                           "mo_fixture.json")
RANDOM_POINTS = 40
SETS = (10, 25, 40)
FRONT_STRIDE = 25


def corners(space):
    low, high = {}, {}
    for spec in space:
        name, kind = spec[0], spec[1]
        if kind == "cat":
            low[name], high[name] = spec[2][0], spec[2][-1]
        elif kind == "int":
            low[name], high[name] = int(spec[2]), int(spec[3])
        else:
            low[name], high[name] = float(spec[2]), float(spec[3])
    return [low, high]


def plain(params):
    return {k: (v if isinstance(v, str) else (int(v) if isinstance(v, (int, np.integer)) else float(v)))
            for k, v in params.items()}


def metrics(mo, name, prob, objs, cons):
    feasible = [f for f, c in zip(objs, cons) if not c or max(c) <= 0]
    front = mo.true_front(name)
    out = {"n_feasible": len(feasible)}
    if feasible:
        nd = mo.nondominated(np.asarray(feasible))
        out["hv_ratio"] = mo.hypervolume(nd, prob["ref"]) / mo.get_hv_true(name)
        out["hv_ratio_wide"] = mo.hypervolume(nd, prob["ref_wide"]) / mo.get_hv_true(name, True)
        out["igd"] = mo.igd(front, nd, front.min(axis=0), front.max(axis=0))
    else:
        out["hv_ratio"] = 0.0
        out["hv_ratio_wide"] = 0.0
        out["igd"] = None
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", default=DEFAULT_BENCH, help="folder holding mo_functions.py")
    parser.add_argument("--out", default=DEFAULT_OUT, help="fixture file to write")
    args = parser.parse_args()
    sys.path.insert(0, args.bench)
    import mo_functions as mo

    rng = np.random.default_rng(19)
    problems = {}
    for name in mo.PROBLEM_ORDER:
        prob = mo.PROBLEMS[name]
        params = [mo._random_params(prob, rng) for _ in range(RANDOM_POINTS)] + corners(prob["space"])
        points = []
        for p in params:
            f, c = prob["evaluate"](p)
            points.append({"params": plain(p), "objectives": [float(v) for v in f],
                           "constraints": [float(v) for v in c]})
        front = mo.true_front(name)
        rows = list(range(0, len(front), FRONT_STRIDE))
        if rows[-1] != len(front) - 1:
            rows.append(len(front) - 1)
        randoms = points[:RANDOM_POINTS]
        problems[name] = {
            "points": points,
            "front": {
                "size": len(front),
                "checksum": float(front.sum()),
                "ideal": [float(v) for v in front.min(axis=0)],
                "nadir": [float(v) for v in front.max(axis=0)],
                "rows": {str(i): [float(v) for v in front[i]] for i in rows},
            },
            "hv_true": float(mo.get_hv_true(name)),
            "hv_true_wide": float(mo.get_hv_true(name, True)),
            "metric_sets": {str(n): metrics(mo, name, prob, [p["objectives"] for p in randoms[:n]],
                                            [p["constraints"] for p in randoms[:n]]) for n in SETS},
        }
    document = {"source": "mo_functions.py via benchmarks/tools/mo_fixture.py", "problems": problems}
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as out:
        json.dump(document, out, indent=1)
        out.write("\n")
    print("wrote", args.out)


if __name__ == "__main__":
    main()

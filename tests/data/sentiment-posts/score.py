#!/usr/bin/env python3
"""Score the sentiment plugin on prism's own hand-written posts.

usage: score.py [--root DIR] [--show N] [FILE ...]

Each FILE (default: every *.tsv next to this script) has one post per line,
`RATING<TAB>TEXT`, RATING being the mean rating its writer expected from
twenty readers on -4..+4. The posts are run through the real
`build/bin/prism process` of the project at --root (default: the project
this script is in) with only the sentiment plugin, and the script prints,
per file and for all of them: Pearson r between `compound` and the rating,
and sign accuracy on the posts rated clearly positive or negative
(|rating| >= 0.5; a compound of exactly 0 counts as wrong), the measures of
../shared/eval/sentiment.py. --show N lists N posts scored with the wrong
sign. Standard library only."""
import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def load(path):
    items = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rating, sep, text = line.partition("\t")
            try:
                value = float(rating)
            except ValueError:
                value = None
            if not sep or value is None or not -4 <= value <= 4 or not text:
                sys.exit(f"{path}:{n}: expected RATING<TAB>TEXT, "
                         f"RATING in -4..4")
            items.append((f"{os.path.basename(path)}:{n}", value, text))
    return items


def compounds(root, items):
    exe = os.path.join(root, "build", "bin", "prism")
    if not os.access(exe, os.X_OK):
        sys.exit(f"no executable {exe}: build the project first (make)")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                     encoding="utf-8") as f:
        for key, _, text in items:
            f.write(json.dumps({"id": key, "text": text},
                               ensure_ascii=False) + "\n")
    sets = []
    for plugin in ("example", "dateline", "entities"):
        sets += ["--set", f"plugin.{plugin}.enabled=no"]
    try:
        p = subprocess.run([exe, "process", "-c",
                            os.path.join(root, "config", "prism.conf")] +
                           sets + [f.name], cwd=root, capture_output=True)
    finally:
        os.unlink(f.name)
    if p.returncode != 0:
        sys.exit(f"prism process failed: {p.stderr.decode(errors='replace')}")
    out = {}
    for line in p.stdout.decode("utf-8").splitlines():
        rec = json.loads(line)
        res = (rec.get("results") or {}).get("sentiment") or {}
        out[rec["id"]] = float(res.get("compound", 0.0))
    return out


def right(c, g):
    return c != 0 and (c > 0) == (g > 0)


def report(name, items, pred):
    r = statistics.correlation([pred[k] for k, _, _ in items],
                               [g for _, g, _ in items])
    clear = [(k, g) for k, g, _ in items if abs(g) >= 0.5]
    ok = sum(right(pred[k], g) for k, g in clear)
    print(f"{name:30s} n={len(items):5d}  pearson r {r:.3f}  sign accuracy "
          f"{100 * ok / len(clear):.1f}% on {len(clear)} clear posts")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", default=os.path.join(HERE, "..", "..", ".."))
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    files = a.files or sorted(glob.glob(os.path.join(HERE, "*.tsv")))
    if not files:
        sys.exit(f"no *.tsv files in {HERE}")
    per_file = [(os.path.basename(f), load(f)) for f in files]
    everything = [it for _, items in per_file for it in items]
    pred = compounds(os.path.abspath(a.root), everything)
    for name, items in per_file:
        report(name, items, pred)
    if len(per_file) > 1:
        report("all", everything, pred)
    wrong = [(g, pred[k], t) for k, g, t in everything
             if abs(g) >= 0.5 and not right(pred[k], g)]
    for g, c, t in wrong[:a.show]:
        print(f"{g:+.1f} {c:+.3f}  {t}")


if __name__ == "__main__":
    main()

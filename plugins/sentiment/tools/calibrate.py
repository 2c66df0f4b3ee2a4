#!/usr/bin/python3
"""Calibrate the sentiment scorer's constants on the dev halves of the
human-rated sets, and write them to plugins/sentiment/lexicon/calibration.tsv.

usage: calibrate.py [--data DIR] [--rounds N] [--dry-run] [-o FILE]

The data are the four ground-truth sets of Hutto & Gilbert (2014) in
../shared/data/vader (NYT editorial snippets, tweets, Amazon and movie review
snippets, each line `id<TAB>mean rating -4..+4<TAB>text`). Only the dev half
is read: the even lines (0, 2, 4, ...). The odd lines are the test half, for
measuring only, and this script never opens them.

It runs the real `build/bin/prism process` with `plugin.sentiment.tuning`
set to candidate values, and keeps, one constant at a time (coordinate
ascent, a few rounds), the value that maximises the mean Pearson r over the
four sets, the news set (nyt) counting twice. The constants are few (see
CANDIDATES) and the dev halves hold about 12,000 items, so this is a small
calibration, not a model. Rebuild the lexicon afterwards (make) to compile
the new values in. Standard library only.
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
FILES = {"nyt": "nytEditorialSnippets_GroundTruth.txt",
         "tweets": "tweets_GroundTruth.txt",
         "amazon": "amazonReviewSnippets_GroundTruth.txt",
         "movie": "movieReviewSnippets_GroundTruth.txt"}
WEIGHTS = {"nyt": 2.0, "tweets": 1.0, "amazon": 1.0, "movie": 1.0}

# Constant: candidate values tried (the current value is always kept too).
CANDIDATES = {
    "scale": [3.0, 3.5, 4.0, 4.5, 5.0, 6.0],
    "neg_pos": [0.5, 0.6, 0.75, 0.9, 1.0],
    "neg_neg": [0.2, 0.3, 0.45, 0.6, 0.8],
    "neg_scope": [2, 3, 4, 5],
    "neg_residual": [0.0, -0.4, -0.8, -1.2, -1.6],
    "but_before": [0.3, 0.4, 0.5, 0.7, 0.9],
    "but_after": [1.0, 1.25, 1.5, 1.75, 2.0],
    "although_sub": [0.3, 0.5, 0.7, 0.9],
    "although_main": [1.0, 1.15, 1.3, 1.5],
    "caps": [0.0, 0.15, 0.3, 0.5, 0.7],
    "exclaim": [0.0, 0.3, 0.5, 0.7, 0.9, 1.1, 1.3],
    "question": [0.7, 0.85, 1.0],
    "post_mod": [0.0, 0.5, 1.0, 1.5],
    "shift": [0.4, 0.55, 0.7, 0.85, 1.0],
    "shift_scope": [2, 3, 4],
    "excess_pos": [-1.0, -0.75, -0.5, -0.25, 0.25],
    "pos_weight": [0.75, 0.8, 0.85, 0.9, 0.95, 1.0],
    "hyphen": [0.4, 0.55, 0.7, 0.85, 1.0],
    "exclaim_alone": [0.0, 0.2, 0.4, 0.6, 0.8],
    "un_prefix": [-1.0, -0.8, -0.6, -0.4, 0.0],
    "rise": [0.0, 0.2, 0.4],
    "face": [0.75, 1.0, 1.25, 1.5],
    "exclaim_neg": [0.25, 0.5, 0.75, 1.0],
    "blank": [0.0, 0.1, 0.2, 0.3],
    "blank_question": [-0.2, -0.1, 0.0, 0.1],
    "name": [0.0, 0.3, 0.5, 1.0],
    "name_single": [0.3, 0.6, 0.8, 1.0],
}


def load_dev(path):
    items = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for i, line in enumerate(f):
            if i % 2:
                continue  # odd lines: the test half, never used here
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) >= 3:
                items.append((float(parts[1]), "\t".join(parts[2:])))
    return items


def pearson(x, y):
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sx = math.sqrt(sum((a - mx) ** 2 for a in x))
    sy = math.sqrt(sum((b - my) ** 2 for b in y))
    return sxy / (sx * sy) if sx and sy else 0.0


class Runner:
    def __init__(self, docs_path, ids, gold, lexicon):
        self.docs_path, self.ids, self.gold = docs_path, ids, gold
        self.lexicon = lexicon

    def run(self, params):
        tuning = ",".join(f"{k}={v:g}" for k, v in sorted(params.items()))
        cmd = [os.path.join(ROOT, "build", "bin", "prism"), "process",
               "-c", os.path.join(ROOT, "config", "prism.conf"),
               "--set", "daemon.plugin_dir=" +
               os.path.join(ROOT, "build", "plugins"),
               "--set", f"plugin.sentiment.lexicon={self.lexicon}",
               "--set", "plugin.sentiment.sentences=no",
               # only this plugin: the others do not change its scores
               "--set", "plugin.example.enabled=no",
               "--set", "plugin.dateline.enabled=no",
               "--set", "plugin.entities.enabled=no",
               "--set", f"plugin.sentiment.tuning={tuning}",
               self.docs_path]
        p = subprocess.run(cmd, capture_output=True, cwd=ROOT)
        if p.returncode != 0:
            sys.exit(f"prism process failed: {p.stderr.decode()[-500:]}")
        pred = {}
        for line in p.stdout.decode().splitlines():
            rec = json.loads(line)
            res = (rec.get("results") or {}).get("sentiment") or {}
            pred[rec["id"]] = float(res.get("compound", 0.0))
        per_set = {}
        for s in FILES:
            keys = [k for k in self.ids if k.startswith(s + ":")]
            per_set[s] = pearson([pred[k] for k in keys],
                                 [self.gold[k] for k in keys])
        score = sum(WEIGHTS[s] * r for s, r in per_set.items()) / \
            sum(WEIGHTS.values())
        return score, per_set


def read_params(path):
    params = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                fields = line.split()
                if len(fields) == 2 and not line.startswith(("#", "@")):
                    params[fields[0]] = float(fields[1])
    return params


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=os.path.join(ROOT, "..", "shared",
                                                   "data", "vader"))
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--lexicon", default=os.path.join(ROOT, "build", "data",
                                                      "sentiment.lex"))
    ap.add_argument("-o", "--output", default=os.path.join(
        HERE, "..", "lexicon", "calibration.tsv"))
    ap.add_argument("--dry-run", action="store_true",
                    help="print the result, do not write it")
    a = ap.parse_args()

    gold, ids = {}, []
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                     encoding="utf-8") as f:
        for s, name in FILES.items():
            for k, (rating, text) in enumerate(
                    load_dev(os.path.join(a.data, name))):
                key = f"{s}:{k}"
                ids.append(key)
                gold[key] = rating
                f.write(json.dumps({"id": key, "text": text},
                                   ensure_ascii=False) + "\n")
        docs_path = f.name
    try:
        runner = Runner(docs_path, ids, gold, a.lexicon)
        params = read_params(a.output)
        best, per_set = runner.run(params)
        print(f"start  {best:.4f}  " + "  ".join(
            f"{s} {r:.3f}" for s, r in per_set.items()))
        for rnd in range(a.rounds):
            changed = False
            for name, values in CANDIDATES.items():
                for v in values:
                    if params.get(name) == v:
                        continue
                    trial = dict(params, **{name: v})
                    score, ps = runner.run(trial)
                    if score > best + 1e-4:
                        best, per_set, params = score, ps, trial
                        changed = True
                        print(f"round {rnd + 1} {name}={v:g}  {best:.4f}  " +
                              "  ".join(f"{s} {r:.3f}"
                                        for s, r in per_set.items()))
            if not changed:
                break
    finally:
        os.unlink(docs_path)
    lines = ["# Calibrated constants of the sentiment scorer, written by",
             "# tools/calibrate.py from the dev halves (even lines) of the four",
             "# human-rated sets in ../shared/data/vader; see README.md.",
             "# Dev-half mean Pearson r (nyt twice): %.4f; per set: %s." % (
                 best, ", ".join(f"{s} {r:.3f}" for s, r in per_set.items())),
             "@kind param"]
    lines += [f"{k}\t{v:g}" for k, v in sorted(params.items())]
    text = "\n".join(lines) + "\n"
    if a.dry_run:
        print(text)
    else:
        with open(a.output, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"wrote {a.output}; run make to compile it in")


if __name__ == "__main__":
    main()

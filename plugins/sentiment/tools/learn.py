#!/usr/bin/env python3
"""Fit the sentiment plugin's learned correction (lexicon/learned.tsv).

usage: learn.py [--vader DIR] [--posts DIR] [--fold K] [--prism EXE]
                [--plugins DIR] [--lexicon FILE] [-o FILE]

The rules and the lexicon score a text; the learned correction adds to that
score, in units of atanh(compound), a weight for each word and each pair of
adjacent words the text holds. The weights are those of a logistic
regression that predicts the sign of the human rating of a text from
  a * atanh(compound of the rules) + the sum of the weights of its features
fitted by stochastic gradient descent with L2 regularisation, on
  - the dev halves (even lines) of the four rated sets in DIR
    (../shared/data/vader): the part of that data we may train on;
  - our own rated posts, the files tune-*.tsv in --posts
    (tests/data/sentiment-posts); the blind-*.tsv files stay unread.
Only texts rated clearly (|rating| >= 0.5) are fitted. The weights are
written divided by a, so that the plugin adds them to atanh(compound).

Features are read from the real plugin: build/bin/prism process with
`features = yes` and the correction off (tuning learned=0), so the words
and pairs are exactly those the plugin looks up. --fold K fits on one half
of each dev half only (position K mod 2 inside it), for a held-out check on
the other half. Deterministic: the same data gives the same file.
Standard library only."""
import argparse
import glob
import json
import math
import os
import random
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))
SETS = ("nytEditorialSnippets", "tweets", "amazonReviewSnippets",
        "movieReviewSnippets")

L2 = 0.03          # regularisation, per update of a feature
RATE = 0.1         # step size
EPOCHS = 30
MIN_COUNT = 3      # a feature written must occur in this many texts
MIN_WEIGHT = 0.01  # smaller weights are left out of the file


def rating(path, lineno, field):
    try:
        value = float(field)
    except ValueError:
        value = None
    if value is None or not -4 <= value <= 4:
        sys.exit(f"learn.py: {path}:{lineno}: expected a rating in -4..4, "
                 f"not {field!r}")
    return value


def read_vader(d, fold):
    """The dev halves (even lines: ID<TAB>RATING<TAB>TEXT) of the four
    rated sets; with fold, one half of each."""
    items = []
    for s in SETS:
        path = os.path.join(d, f"{s}_GroundTruth.txt")
        if not os.path.exists(path):
            sys.exit(f"learn.py: {path}: no such file")
        with open(path, encoding="utf-8", errors="replace") as f:
            n = 0
            for i, line in enumerate(f):
                p = line.rstrip("\r\n").split("\t")
                if i % 2 or len(p) < 3:
                    continue  # odd lines are the test half: never read
                if fold is None or n % 2 == fold:
                    items.append((rating(path, i + 1, p[1]),
                                  "\t".join(p[2:])))
                n += 1
    return items


def read_posts(d):
    """Our own rated posts (RATING<TAB>TEXT) of the tune-*.tsv files."""
    items = []
    for path in sorted(glob.glob(os.path.join(d, "tune-*.tsv"))):
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                if line.startswith("#") or not line.strip():
                    continue
                r, sep, t = line.rstrip("\n").partition("\t")
                if not sep or not t:
                    sys.exit(f"learn.py: {path}:{lineno}: expected "
                             "RATING<TAB>TEXT")
                items.append((rating(path, lineno, r), t))
    return items


def run_plugin(texts, exe=None, lexicon=None, plugins=None):
    """(compound, features) of each text, with the correction off."""
    exe = exe or os.path.join(ROOT, "build", "bin", "prism")
    conf = os.path.join(ROOT, "config", "prism.conf")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                     encoding="utf-8") as f:
        for i, t in enumerate(texts):
            f.write(json.dumps({"id": str(i), "text": t}) + "\n")
    cmd = [exe, "process", "-c", conf]
    # the entities plugin stays on: the scorer reads its names, as it does
    # when prism runs with its default configuration
    for plugin in ("example", "dateline"):
        cmd += ["--set", f"plugin.{plugin}.enabled=no"]
    if lexicon:
        cmd += ["--set", f"plugin.sentiment.lexicon={lexicon}"]
    if plugins:
        cmd += ["--set", f"daemon.plugin_dir={plugins}"]
    cmd += ["--set", "plugin.sentiment.features=yes",
            "--set", "plugin.sentiment.tuning=learned=0", f.name]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True)
    finally:
        os.unlink(f.name)
    if p.returncode != 0:
        sys.exit(f"learn.py: {' '.join(cmd)} failed:\n{p.stderr[-2000:]}")
    out = [None] * len(texts)
    for line in p.stdout.splitlines():
        r = json.loads(line)
        s = (r.get("results") or {}).get("sentiment")
        if s is None:
            sys.exit(f"learn.py: no sentiment result for text {r['id']}")
        out[int(r["id"])] = (s["compound"], s["features"])
    return out


def fit(data):
    """data: [(sign, atanh(compound), {feature: count})] -> (a, weights)"""
    df = {}
    for _, _, fs in data:
        for k in fs:
            df[k] = df.get(k, 0) + 1
    # Every feature is fitted, even one seen once: such a feature takes up
    # what is peculiar to its text, which the common ones would otherwise
    # learn (held out, that fits better than leaving them out). Only the
    # features seen in MIN_COUNT texts are written.
    w = {k: 0.0 for k in df}
    a = 3.0
    order = list(range(len(data)))
    rng = random.Random(0)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            y, x, fs = data[i]
            z = a * x + sum(w[k] * c for k, c in fs.items())
            g = -y / (1.0 + math.exp(min(50.0, y * z)))
            for k, c in fs.items():
                w[k] -= RATE * (g * c + L2 * w[k])
            a -= RATE * 0.1 * g * x
    return a, {k: v for k, v in w.items() if df[k] >= MIN_COUNT}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--vader", default=os.path.join(ROOT, "..", "shared",
                                                    "data", "vader"))
    ap.add_argument("--posts", default=os.path.join(ROOT, "tests", "data",
                                                    "sentiment-posts"))
    ap.add_argument("--fold", type=int, choices=(0, 1),
                    help="fit on this half of each dev half only")
    ap.add_argument("--prism", help="the prism program (default: "
                    "build/bin/prism)")
    ap.add_argument("--plugins", help="the folder of the plugins (default: "
                    "the config's)")
    ap.add_argument("--lexicon", help="the compiled lexicon (default: the "
                    "config's)")
    ap.add_argument("-o", "--output", default=os.path.join(
        ROOT, "plugins", "sentiment", "lexicon", "learned.tsv"))
    a = ap.parse_args()
    if not os.path.isdir(a.vader):
        sys.exit(f"learn.py: no rated sets at {a.vader} (../shared/data/"
                 "vader); the committed learned.tsv stays as it is")
    items = read_vader(a.vader, a.fold) + read_posts(a.posts)
    scored = run_plugin([t for _, t in items], a.prism, a.lexicon, a.plugins)
    data = []
    for (rating, _), (compound, feats) in zip(items, scored):
        if abs(rating) < 0.5:
            continue
        c = max(-0.999, min(0.999, compound))
        fs = {}
        for k in feats:
            if k[0] in "#@":
                continue  # never a key (lexc reads them as comments)
            fs[k] = fs.get(k, 0) + 1
        data.append((1.0 if rating > 0 else -1.0, math.atanh(c), fs))
    scale, w = fit(data)
    kept = sorted((k, v / scale) for k, v in w.items()
                  if abs(v / scale) >= MIN_WEIGHT)
    with open(a.output, "w", encoding="utf-8") as f:
        f.write("# The learned correction of the sentiment scorer, written by\n"
                "# tools/learn.py (make sentiment-learn): weights of words and"
                " pairs of\n# adjacent words, added to atanh(compound). "
                f"Fitted on {len(data)} clearly rated texts:\n# the dev "
                "halves of ../shared/data/vader"
                f"{'' if a.fold is None else f' (fold {a.fold} only)'}"
                " and tests/data/sentiment-posts/tune-*.\n"
                f"# a = {scale:.4f}; {len(w)} features fitted, {len(kept)} "
                f"kept (|weight| >= {MIN_WEIGHT}).\n@kind learned\n")
        for k, v in kept:
            f.write(f"{k}\t{v:.4f}\n")
    print(f"learn.py: {len(data)} texts, a = {scale:.3f}, {len(kept)} weights"
          f" -> {a.output}", file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Unlabelled English text for the entity tagger's word clusters.

usage: corpus.py OUT.txt CONLL_TRAIN.txt [--wordnet DIR] [--fortunes DIR]

Writes one sentence per line, tokens separated by single spaces, from:
  * wordnet-base (/usr/share/wordnet): every synset's gloss and example
    sentences (encyclopaedic prose, "United States writer and humorist");
  * fortunes (/usr/share/games/fortunes, the Debian packages fortunes and
    fortunes-min): quotations, sayings and their attributions;
  * the words of the CoNLL-2003 train split (its text only, not its tags).
Tokens are split as a news tokenizer would: punctuation and the possessive
"'s" come off words. The clusterer (tools/clusters.c) reads the result.
Deterministic: files are read in sorted order. Standard library only.
"""
import os
import re
import sys

TOKEN = re.compile(r"[A-Za-z0-9\u00c0-\u024f]+(?:[.'\u2019&-][A-Za-z0-9\u00c0-\u024f]+)*\.?"
                   r"|[^\sA-Za-z0-9]")


def tokens(text):
    out = []
    for t in TOKEN.findall(text):
        low = t.lower()
        if low.endswith("'s") and len(t) > 2:
            out.extend([t[:-2], t[-2:]])
        elif t.endswith(".") and len(t) > 1 and not re.fullmatch(
                r"(?:[A-Za-z]\.)+|[A-Z][a-z]{0,3}\.", t):
            out.extend([t[:-1], "."])  # a sentence's full stop, not "U.S."
        else:
            out.append(t)
    return out


def wordnet_text(wn_dir, emit):
    for pos in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(wn_dir, "data." + pos), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  ") or " | " not in line:
                    continue
                gloss = line.split(" | ", 1)[1].strip()
                for part in re.split(r';\s*', gloss):
                    part = part.strip().strip('"').strip()
                    if part:
                        emit(part)


def fortunes_text(dir_, emit):
    if not os.path.isdir(dir_):
        return
    for name in sorted(os.listdir(dir_)):
        path = os.path.join(dir_, name)
        if "." in name or os.path.islink(path) or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        for entry in text.split("\n%\n"):
            entry = re.sub(r".\x08", "", entry)  # overstriking
            entry = re.sub(r"\s+", " ", entry).strip()
            for sent in re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", entry):
                if sent:
                    emit(sent)


def conll_text(path, emit):
    sent = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts or parts[0] == "-DOCSTART-":
                if sent:
                    emit(" ".join(sent), pre=True)
                    sent = []
                continue
            sent.append(parts[0])
    if sent:
        emit(" ".join(sent), pre=True)


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    opts = dict(zip(argv[1:], argv[2:]))
    if len(args) < 2:
        sys.exit(__doc__)
    out, conll = args[0], args[1]
    wn_dir = opts.get("--wordnet", "/usr/share/wordnet")
    fortunes = opts.get("--fortunes", "/usr/share/games/fortunes")
    if not os.path.isdir(wn_dir):
        sys.exit("corpus.py: %s not found: install wordnet-base" % wn_dir)
    if not os.path.isdir(fortunes):
        sys.exit("corpus.py: %s not found: install fortunes" % fortunes)
    n_tok = n_sent = 0
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        def emit(text, pre=False):
            nonlocal n_tok, n_sent
            toks = text.split() if pre else tokens(text)
            if toks:
                f.write(" ".join(toks) + "\n")
                n_tok += len(toks)
                n_sent += 1
        wordnet_text(wn_dir, emit)
        fortunes_text(fortunes, emit)
        conll_text(conll, emit)
    os.replace(tmp, out)
    print("corpus.py: %d sentences, %d tokens" % (n_sent, n_tok))


if __name__ == "__main__":
    main(sys.argv)

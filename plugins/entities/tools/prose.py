#!/usr/bin/env python3
"""Checks and converts the hand-written training prose of the entity tagger.

usage: prose.py check FILE...        marks well formed; counts per type; the
                                     capitalised words outside every mark, for
                                     review (names forgotten?)
       prose.py jsonl [--drop-misc] OUT FILE...
                                     the prose as ner_spans.py reads it
                                     (split "prose-train"; with --drop-misc
                                     only PER/ORG/LOC, as UNER marks them)

The files hold one document per block: a "## doc-id" line, then one sentence
per line, entities marked {PER|...}, {ORG|...}, {LOC|...}, {MISC|...}.
Lines starting with "#" (other than "## ") are comments."""
import json, os, re, signal, sys
from collections import Counter

MARK = re.compile(r"\{(PER|ORG|LOC|MISC)\|([^{}|]+)\}")
CAP = re.compile(r"\b[A-Z][\w’'.-]*")


def read(path):
    """Yields (doc_id, sentence text, [(start, end, type, text)], line no)."""
    doc = None
    try:
        f = open(path, encoding="utf-8")
    except OSError as e:
        raise SystemExit(f"{path}: {e.strerror}")
    for no, line in enumerate(f, 1):
        line = line.rstrip("\n")
        if line.startswith("## "):
            doc = line[3:].strip()
            continue
        if not line.strip() or line.startswith("#"):
            continue
        if doc is None:
            raise SystemExit(f"{path}:{no}: text before the first '## doc-id' line")
        text, ents, pos = [], [], 0
        for m in MARK.finditer(line):
            text.append(line[pos:m.start()])
            start = sum(len(t) for t in text)
            name = m.group(2)
            if name != name.strip():
                raise SystemExit(f"{path}:{no}: spaces inside the mark {m.group(0)!r}")
            text.append(name)
            ents.append((start, start + len(name), m.group(1), name))
            pos = m.end()
        text.append(line[pos:])
        s = "".join(text)
        for ch in "{}|":
            if ch in s:
                raise SystemExit(f"{path}:{no}: stray {ch!r} (a mark must be "
                                 "{TYPE|name}, TYPE one of PER ORG LOC MISC)")
        yield doc, s, ents, no


def check(paths):
    types, docs, sents, loose = Counter(), set(), 0, Counter()
    for p in paths:
        seen = set()
        for doc, s, ents, no in read(p):
            if doc not in seen and doc in docs:
                raise SystemExit(f"{p}:{no}: document id {doc!r} used twice")
            seen.add(doc)
            docs.add(doc)
            sents += 1
            for e in ents:
                types[e[2]] += 1
            inside = [False] * len(s)
            for a, b, _, _ in ents:
                for i in range(a, b):
                    inside[i] = True
            for m in CAP.finditer(s):
                if not inside[m.start()] and m.start() > 0:
                    loose[m.group(0).rstrip(".")] += 1
    print(f"{len(docs)} documents, {sents} sentences, "
          f"{sum(types.values())} entities:",
          ", ".join(f"{t} {types[t]}" for t in ("PER", "ORG", "LOC", "MISC")))
    print("capitalised words outside every mark (not counting a sentence's "
          "first word), most frequent first:")
    print("  " + ", ".join(f"{w} {n}" for w, n in loose.most_common()))


def jsonl(out, paths, drop_misc):
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    n = Counter()
    with open(out, "w", encoding="utf-8") as f:
        for p in paths:
            for doc, s, ents, _ in read(p):
                n[doc] += 1
                es = [{"start": a, "end": b, "type": t, "text": x}
                      for a, b, t, x in ents if not (drop_misc and t == "MISC")]
                f.write(json.dumps({"id": f"{doc}-{n[doc]:02d}", "doc_id": doc,
                                    "split": "prose-train", "text": s,
                                    "entities": es}, ensure_ascii=False) + "\n")
    print(f"{out}: {len(n)} documents, {sum(n.values())} sentences")


def main(argv):
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head` ends it quietly
    if len(argv) >= 2 and argv[0] == "check":
        check(argv[1:])
    elif len(argv) >= 3 and argv[0] == "jsonl":
        drop = "--drop-misc" in argv
        rest = [a for a in argv[1:] if a != "--drop-misc"]
        jsonl(rest[0], rest[1:], drop)
    else:
        print(__doc__.strip())
        return 0 if argv[:1] in (["-h"], ["--help"]) else 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

#!/usr/bin/env python3
"""source.txt (sentences with {TYPE|...} marks) -> OUT (text + character offsets,
the format ../shared/eval/ner_spans.py reads). Run from anywhere.

usage: build.py [OUT]   (default: build/ner-prose.jsonl under the project root)"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
MARK = re.compile(r"\{(PER|ORG|LOC)\|([^{}|]+)\}")

def main():
    out, doc, n = [], None, 0
    for line in open(os.path.join(HERE, "source.txt"), encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("## "):
            doc, n = line[3:].strip(), 0
            continue
        if not line.strip() or line.startswith("#"):
            continue
        text, ents, pos = [], [], 0
        for m in MARK.finditer(line):
            text.append(line[pos:m.start()])
            start = sum(len(t) for t in text)
            text.append(m.group(2))
            ents.append({"start": start, "end": start + len(m.group(2)),
                         "type": m.group(1), "text": m.group(2)})
            pos = m.end()
        text.append(line[pos:])
        s = "".join(text)
        assert "{" not in s and "}" not in s and "|" not in s, line
        n += 1
        out.append({"id": f"{doc}-{n:02d}", "doc_id": doc, "split": "prose-dev",
                    "genre": doc.split("-")[0], "text": s, "entities": ents})
    dest = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        HERE, "..", "..", "..", "build", "ner-prose.jsonl")
    os.makedirs(os.path.dirname(os.path.abspath(dest)), exist_ok=True)
    with open(dest, "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len({r["doc_id"] for r in out}), "documents,", len(out), "sentences,",
          sum(len(r["entities"]) for r in out), "entities")

if __name__ == "__main__":
    main()

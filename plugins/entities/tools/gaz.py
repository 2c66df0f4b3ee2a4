#!/usr/bin/python3
"""Build the entity tagger's gazetteer from Debian packages and prism's lists.

usage: gaz.py LISTS_DIR OUT.tsv [--iso DIR] [--wordnet DIR] [--scowl DIR]
              [--faker DIR|none] [--conll TRAIN.txt]

Reads:
  * iso-codes (/usr/share/iso-codes/json): ISO 3166-1 country names (name,
    common and official names) as COUNTRY, ISO 3166-2 subdivisions (states,
    provinces, regions; many capitals such as Budapest are subdivisions too)
    as STATE;
  * wordnet-base (/usr/share/wordnet): every capitalised noun lemma, typed by
    walking its (instance) hypernyms: cities and towns -> CITY, countries ->
    COUNTRY, administrative districts -> STATE, seas, rivers, mountains,
    continents, regions -> LOC, people -> PERSON (inhabitants and peoples ->
    NORP), organisations -> ORG, wars and other events -> MISC; capitalised
    adjectives that pertain to a place or a people -> NORP; every lower-case
    single-word lemma -> COMMON (a word of ordinary English);
  * scowl (/usr/share/dict/scowl): how common a word is in lower case and
    as a capitalised name, by SCOWL's size levels (W_LOW1, W_LOW2, W_UP1,
    W_UP2 word sets);
  * python3-fake-factory (Faker's person providers, --faker): the given
    names of every locale in Latin script, as GIVEN (a hint for the span
    rules, not a feature), unless a list or WordNet types the word, it is
    an ordinary English word, or the CoNLL-2003 train split (--conll)
    tags it as anything but a person ("Chelsea" the club);
  * the lists in LISTS_DIR, written for prism (see the README): loc.txt
    as REGION, cities.txt and cities-*.txt as CITY, companies.txt,
    organisations.txt and organisations-more.txt as ORG,
    places-natural.txt and facilities.txt as LOC, misc-names.txt as MISC,
    norp.txt and norp-more.txt as NORP (with plurals), ...
Writes one line per (type, phrase): TYPE <TAB> phrase <TAB> canonical-id,
sorted, so that the output depends only on the package versions and lists.
The canonical id (may be empty) groups names of one thing: "C:US" for
countries, "A:n" for the n-th line of aliases.txt.
Standard library only.
"""
import json
import os
import re
import sys

HYPER = {"@", "@i"}
FAKER_DIR = "/usr/lib/python3/dist-packages/faker/providers/person"

# (lemma, lexicographer file) of the WordNet classes that decide a type.
# The first class reached in this order wins.
CLASSES = [
    ("COUNTRY", [("country", 15), ("state", 14)]),
    ("CITY", [("city", 15), ("town", 15), ("national_capital", 15),
              ("state_capital", 15), ("municipality", 15), ("port", 15)]),
    ("STATE", [("administrative_district", 15)]),
    ("NORP", [("inhabitant", 18), ("people", 14), ("ethnic_group", 14),
              ("nation", 14)]),
    ("PERSON", [("person", 3)]),
    ("ORG", [("organization", 14), ("unit", 14)]),
    ("LOC", [("body_of_water", 17), ("geological_formation", 17),
             ("continent", 17), ("island", 17), ("region", 15),
             ("location", 3), ("land", 17)]),
    ("MISC", [("event", 3), ("act", 3), ("communication", 3),
              ("artifact", 3)]),
]


def clean_lemma(w):
    w = re.sub(r"\([a-z]+\)$", "", w)  # adjective markers such as (a)
    return w.replace("_", " ").strip()


def read_wordnet(wn_dir):
    """Returns {offset: (lexfile, [lemmas], [(ptr, target_offset, pos)])}."""
    synsets = {}
    path = os.path.join(wn_dir, "data.noun")
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            head = line.split(" | ", 1)[0].split()
            off, lexfile = head[0], int(head[1])
            n = int(head[3], 16)
            lemmas = [head[4 + 2 * i] for i in range(n)]
            i = 4 + 2 * n
            p_cnt = int(head[i])
            ptrs = []
            for k in range(p_cnt):
                sym, tgt, pos = head[i + 1 + 4 * k: i + 4 + 4 * k]
                ptrs.append((sym, tgt, pos))
            synsets[off] = (lexfile, lemmas, ptrs)
    return synsets


def wordnet_entries(wn_dir, add):
    syn = read_wordnet(wn_dir)
    # Find the offsets of the deciding classes.
    targets = {}
    for typ, keys in CLASSES:
        for lemma, lexfile in keys:
            for off, (lf, lemmas, _) in syn.items():
                if lf == lexfile and lemmas[0] == lemma:
                    targets.setdefault(off, typ)
    order = {typ: i for i, (typ, _) in enumerate(CLASSES)}
    memo = {}

    def classes_of(off, depth=0):
        if off in memo:
            return memo[off]
        memo[off] = set()
        found = set()
        if off in targets:
            found.add(targets[off])
        if depth < 30:
            for sym, tgt, pos in syn[off][2]:
                if sym in HYPER and pos == "n" and tgt in syn:
                    found |= classes_of(tgt, depth + 1)
        memo[off] = found
        return found

    location_like = set()
    for off, (lexfile, lemmas, ptrs) in syn.items():
        proper = [l for l in lemmas if l[:1].isupper()]
        found = classes_of(off)
        if found & {"COUNTRY", "CITY", "STATE", "LOC", "NORP"}:
            location_like.add(off)
        if not proper:
            continue
        if not found:
            continue
        typ = min(found, key=lambda t: order[t])
        for l in proper:
            name = clean_lemma(l)
            if len(name) > 1:
                add(typ, name, "")
    # Lower-case single-word lemmas of every part of speech: COMMON.
    for pos in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(wn_dir, "index." + pos),
                  encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                w = line.split(" ", 1)[0]
                if re.fullmatch(r"[a-z][a-z'\-]*", w):
                    add("COMMON", w, "")
    # Capitalised adjectives pertaining to a place or people: NORP.
    with open(os.path.join(wn_dir, "data.adj"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            head = line.split(" | ", 1)[0].split()
            n = int(head[3], 16)
            lemmas = [clean_lemma(head[4 + 2 * i]) for i in range(n)]
            i = 4 + 2 * n
            p_cnt = int(head[i])
            ptrs = [tuple(head[i + 1 + 4 * k: i + 4 + 4 * k])
                    for k in range(p_cnt)]
            if any(s == "\\" and p == "n" and t in location_like
                   for s, t, p in ptrs):
                for l in lemmas:
                    if l[:1].isupper():
                        add("NORP", l, "")


def iso_entries(iso_dir, add):
    with open(os.path.join(iso_dir, "iso_3166-1.json"), encoding="utf-8") as f:
        for c in json.load(f)["3166-1"]:
            canon = "C:" + c["alpha_2"]
            for key in ("name", "common_name", "official_name"):
                name = c.get(key)
                if not name:
                    continue
                if "," in name:  # "Korea, Republic of" -> "Republic of Korea"
                    a, b = [x.strip() for x in name.split(",", 1)]
                    name = b + " " + a
                add("COUNTRY", name, canon)
    with open(os.path.join(iso_dir, "iso_3166-2.json"), encoding="utf-8") as f:
        for s in json.load(f)["3166-2"]:
            name = re.sub(r"\s*\[.*?\]", "", s["name"]).strip()
            if name:
                add("STATE", name, "")


def scowl_entries(scowl_dir, add):
    """SCOWL's word lists (Debian package scowl) by size level: 10 to 35 are
    the most common English words, 40 to 70 common ones, 80 and 95 rare.
    A lower-case entry is an ordinary word (W_LOW1 up to level 35, W_LOW2
    up to 70); a capitalised entry of the "upper" and "proper-names" lists
    is a name (W_UP1 up to level 50, W_UP2 above). Possessives are left
    out (the tokenizer splits them off)."""
    low, up = {}, {}
    pat = re.compile(r"(english|american|british|canadian)-"
                     r"(words|upper|proper-names)\.(\d+)$")
    for fname in sorted(os.listdir(scowl_dir)):
        m = pat.match(fname)
        if not m:
            continue
        level = int(m.group(3))
        with open(os.path.join(scowl_dir, fname), encoding="utf-8",
                  errors="replace") as f:
            for w in f:
                w = w.strip()
                if not w or w.endswith("'s") or " " in w:
                    continue
                if w[:1].isupper():
                    if m.group(2) != "words" or w[1:] == w[1:].lower():
                        up[w.lower()] = min(up.get(w.lower(), 999), level)
                elif w[:1].isalpha():
                    low[w] = min(low.get(w, 999), level)
    for w, level in low.items():
        if level <= 35:
            add("W_LOW1", w, "")
        elif level <= 70:
            add("W_LOW2", w, "")
    for w, level in up.items():
        add("W_UP1" if level <= 50 else "W_UP2", w, "")


def faker_names(faker_dir):
    """The given names of Faker's person providers (one module per locale):
    every string of their first_names* assignments, read with ast (the
    package is not imported); names in Latin script only."""
    import ast
    names = set()
    for loc in sorted(os.listdir(faker_dir)):
        path = os.path.join(faker_dir, loc, "__init__.py")
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as f:
            tree = ast.parse(f.read())
        for node in ast.walk(tree):
            if not isinstance(node, ast.Assign) or not any(
                    isinstance(t, ast.Name) and t.id.startswith("first_names")
                    for t in node.targets):
                continue
            for c in ast.walk(node.value):
                if isinstance(c, ast.Constant) and isinstance(c.value, str):
                    w = c.value.strip()
                    if len(w) >= 3 and w[0].isupper() and \
                            w[1:].islower() and w.isalpha() and \
                            all(ord(ch) < 0x250 for ch in w):
                        names.add(w)
    return names


def conll_not_people(path):
    """Words the CoNLL-2003 file tags as an organisation, place or MISC."""
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.split()
            if len(p) >= 2 and p[-1][2:] in ("ORG", "LOC", "MISC"):
                out.add(p[0])
    return out


def faker_entries(entries, faker_dir, conll, add):
    """Faker's given names as GIVEN: those no list or WordNet types, that
    are no ordinary English word (the lower-case word sets) and that the
    CoNLL-2003 train split (conll, optional) never tags as anything but a
    person."""
    if not os.path.isdir(faker_dir):
        sys.exit("gaz.py: %s not found: install the Debian package "
                 "python3-fake-factory" % faker_dir)
    if conll and not os.path.isfile(conll):
        sys.exit("gaz.py: %s: no such file (the CoNLL-2003 train split; "
                 "set ENT_CONLL=DIR)" % conll)
    typed = {name.lower() for typ, name, _ in entries
             if typ not in ("PERSON", "NEWSPERSON", "FIRST", "W_UP1", "W_UP2")}
    other = conll_not_people(conll) if conll else set()
    for name in sorted(faker_names(faker_dir)):
        if name.lower() not in typed and name not in other:
            add("GIVEN", name, "")


def read_list(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line)
    return out


def plural(w):
    if w.endswith("ese") or w.endswith("ish") or w.endswith("ch") or \
            w.endswith("s") or w.endswith("men") or " " in w:
        return None
    if w.endswith("y"):
        return w[:-1] + "ies"
    return w + "s"


def list_entries(lists, add):
    for fname in ("norp.txt", "norp-more.txt"):
        for name in read_list(os.path.join(lists, fname)):
            add("NORP", name, "")
            p = plural(name)
            if p:
                add("NORP", p, "")
    # (file, type, long): the long lists of the world's towns, places and
    # organisations name some after people ("Murray", "Zubair", "Anand");
    # there, a single word that is also a given name stays a person's name
    # (the cities WordNet knows, such as Orlando, keep their type).
    simple = [("loc.txt", "REGION", False),
              ("locwords.txt", "LOCWORD", False),
              ("orgwords.txt", "ORGWORD", False),
              ("titles.txt", "TITLE", False),
              ("first_names.txt", "FIRST", False),
              ("orgs.txt", "ORG", False), ("companies.txt", "ORG", False),
              ("organisations.txt", "ORG", True),
              ("organisations-more.txt", "ORG", True),
              ("places-natural.txt", "LOC", True),
              ("facilities.txt", "LOC", True),
              ("misc-names.txt", "MISC", True)]
    # cities.txt, and the cities of each part of the world in cities-*.txt
    simple += [(f, "CITY", f != "cities.txt")
               for f in sorted(os.listdir(lists))
               if re.fullmatch(r"cities(-[a-z-]+)?\.txt", f)]
    first = set(read_list(os.path.join(lists, "first_names.txt")))
    for fname, typ, long_list in simple:
        for name in read_list(os.path.join(lists, fname)):
            if not (long_list and name in first):
                add(typ, name, "")
    for name in read_list(os.path.join(lists, "orgs.txt")):
        add("ORGLIST", name, "")
    for fname, typ in (("miscwords.txt", "MISCHEAD"),
                       ("facwords.txt", "FACHEAD"),
                       ("orgheads.txt", "ORGHEAD")):
        for name in read_list(os.path.join(lists, fname)):
            add(typ, name, "")
    people = os.path.join(lists, "people.txt")
    for line in read_list(people) if os.path.exists(people) else []:
        # "Full Name", "Full Name | Short" or "Full Name | -": the full name
        # and the form the news uses alone (its last word, the short form
        # given, or none) are people's names.
        name, _, short = (x.strip() for x in line.partition("|"))
        short = short or (name.split()[-1] if " " in name else "")
        for form in (name, short) if short != "-" else (name,):
            if form:
                add("PERSON", form, "")
                add("NEWSPERSON", form, "")
    for n, line in enumerate(read_list(os.path.join(lists, "aliases.txt"))):
        for name in line.split("|"):
            add("ALIAS", name.strip(), "A:%d" % n)


def unify_canon(entries):
    """Gives every name of one thing the same canonical id: a phrase that is
    both a country name (C:..) and an alias (A:..) joins the two groups."""
    parent = {}

    def find(x):
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    by_name = {}
    for typ, name, canon in entries:
        if canon:
            by_name.setdefault(name, set()).add(canon)
    for canons in by_name.values():
        canons = sorted(canons)
        for c in canons[1:]:
            a, b = find(canons[0]), find(c)
            if a != b:
                parent[max(a, b)] = min(a, b)
    out = set()
    for typ, name, canon in entries:
        if name in by_name:
            canon = min(find(c) for c in by_name[name])
        out.add((typ, name, canon))
    return out


def main(argv):
    args, opts, rest = [], {}, argv[1:]
    while rest:
        if rest[0].startswith("--") and len(rest) > 1:
            opts[rest[0]] = rest[1]
            rest = rest[2:]
        else:
            args.append(rest.pop(0))
    if len(args) < 2:
        sys.exit(__doc__)
    lists, out = args[0], args[-1]
    iso_dir = opts.get("--iso", "/usr/share/iso-codes/json")
    wn_dir = opts.get("--wordnet", "/usr/share/wordnet")
    entries = set()

    def add(typ, name, canon):
        name = " ".join(name.split())
        if name and len(name) < 100 and "\t" not in name:
            entries.add((typ, name, canon))

    scowl_dir = opts.get("--scowl", "/usr/share/dict/scowl")
    for d, what in ((iso_dir, "iso-codes"), (wn_dir, "wordnet-base"),
                    (scowl_dir, "scowl")):
        if not os.path.isdir(d):
            sys.exit("gaz.py: %s not found: install the Debian package %s"
                     % (d, what))
    iso_entries(iso_dir, add)
    wordnet_entries(wn_dir, add)
    scowl_entries(scowl_dir, add)
    list_entries(lists, add)
    faker_dir = opts.get("--faker", FAKER_DIR)
    if faker_dir != "none":
        faker_entries(entries, faker_dir, opts.get("--conll"), add)
    entries = unify_canon(entries)
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        for typ, name, canon in sorted(entries):
            f.write("%s\t%s\t%s\n" % (typ, name, canon))
    os.replace(tmp, out)
    counts = {}
    for typ, _, _ in entries:
        counts[typ] = counts.get(typ, 0) + 1
    print("gaz.py: %d entries: %s" % (len(entries), " ".join(
        "%s=%d" % kv for kv in sorted(counts.items()))))


if __name__ == "__main__":
    main(sys.argv)

#!/usr/bin/python3
"""Compile prism's sentiment lexicon sources into the file the plugin mmaps.

usage: lexc.py -o OUT.lex [--warn] SOURCE.tsv ...

The sources (plugins/sentiment/lexicon/*.tsv) are plain text, one entry per
line; a line `@kind K` switches the kind of the entries that follow:

  valence    TERM  VALUE  [FORMS]   a word or phrase and its valence, -5..+5;
                                    FORMS: v (verb: -s -ed -ing), vd (verb
                                    doubling its last consonant), n (plural)
  modifier   TERM  SCALAR [excess]  degree word: valence * (1 + SCALAR);
                                    "excess" words ("too") turn a positive
                                    word negative
  negator    TERM  [VALUE]          reverses the sentiment that follows
  shifter    TERM  both|neg [v|vd]  turns the sentiment that follows around
                                    ("reduce poverty"), not negative itself;
                                    "neg": only negative words ("help")
  direction  TERM  up|down|end|worse|undo|plight|rescue [v|vd]
                                    verb of rise or fall: describes the
                                    negative word just before it; "end"
                                    ("is over") turns the word before it
                                    around, good or bad; "worse" and
                                    "undo" are "up" and "down" for a bad
                                    thing ("the drought worsened", "the
                                    ban was lifted") but no rise or fall
                                    of a measure ("sales worsened");
                                    "plight" marks a rated word as a plight
                                    ("missing", "kidnapped"), "rescue" a
                                    way out of one ("freed", "found
                                    alive"), which turns the sentence's
                                    plights around
  contrast   TERM  but|although     clause weighting
  role       TERM  neg-skip|shift-skip|shift-stop|mood|det|tears|measure|burden
                                    a word's part in the rules: it does
                                    not use up a negation's or a shifter's
                                    reach, or a shifter has no object after
                                    it; "mood": an interjection ("lol",
                                    "ugh") that counts like a face, never
                                    negated or modified; "det": a
                                    determiner, after which a one-word
                                    shifter is a noun ("the ending");
                                    "tears": a crying face, which counts
                                    in the direction of its sentence;
                                    "measure": a quantity whose rise is
                                    good news and fall bad ("profit",
                                    "sales"), read by a verb of rise or
                                    fall after it; "burden": one whose
                                    rise is bad news ("costs", "debt")
  param      NAME  VALUE            a calibrated constant of the scorer
  block      TERM                   not a derived form of a rated word
  learned    KEY<TAB>WEIGHT         a weight of the learned correction, for a
                                    word or a pair of adjacent words (KEY as
                                    the plugin writes it with features = yes;
                                    written by tools/learn.py)

Every rated single word also gets its regular derived forms (-s, -ed, -ing,
-ly, -ness; see derived_forms), unless the sources list that form.

Fields are separated by tabs; a TERM may list alternatives with "|". Keys are
lower-cased (ASCII) and the typographic apostrophe is folded to "'", as the
plugin does at run time. Phrases are keys of space-separated words; the first
word of each phrase is marked so that the plugin tries longer matches there.

Hash (key_hash; the plugin computes the same): a key of one token is read
as little-endian 64-bit chunks, the last zero-padded, h = len * K1, then
per chunk h = (h ^ chunk) * K2, h ^= h >> 31. A phrase combines the hashes
of its words: p = hash(word 1), then per word p = (rotl(p, 23) ^ hash(word))
* K3, p ^= p >> 29. The table and the Bloom filter use the 32-bit fold
(h >> 32) ^ (h & 0xFFFFFFFF).

Output, little-endian (the plugin checks every offset before use):
  header   64 bytes: "PRSMSENT", u32 version, n_slots, n_entries, slots_off,
           strings_off, strings_len, params_off, n_params, bloom_off,
           n_bloom_words, role_off, n_role_slots, learned_off,
           n_learned_slots (0: none)
  bloom    n_bloom_words x u64: word (hash * 0x9E3779B1) >> (32 -
           log2 n_bloom_words), bits hash & 63, >> 6 & 63, >> 12 & 63
  slots    n_slots x 32 bytes, open addressing with linear probing on the
           32-bit hash: the key's first 16 bytes (zero-padded), u32 hash,
           u32 str_off, u8 str_len, u8 flags, u8 phrase_words (low 4 bits)
           | 16 rise | 32 fall | 64 shifter of negative words only,
           | 128 worse or undo (with rise or fall), plight (alone),
           rescue (with both),
           u8 roles (1 neg-skip, 2 shift-skip, 4 shift-stop, 8 mood,
           16 det, 32 tears, 64 measure, 128 burden),
           i16 valence*100, i16 scalar*1000
  roles    n_role_slots x 32 bytes, the same format: the words with a role
           in negation and shifting (the main table holds them only when
           they are more than that)
  params   n_params x 32 bytes: name (24 bytes, NUL-padded), f64 value
  learned  n_learned_slots x u32 (a power of two), in buckets of 4: tag
           (bits 44-63 of the 64-bit hash of the word or pair, | 1; 0:
           empty) << 12 | weight * 2000 (12-bit two's complement); a term
           is in one of its two buckets (learned_table)
  strings  the keys, concatenated
Standard library only."""
import argparse
import re
import struct
import sys

MAGIC = b"PRSMSENT"
VERSION = 4
F_LEX, F_NEG, F_MOD, F_BUT, F_ALTHOUGH, F_PHRASE = 1, 2, 4, 8, 16, 32
F_SHIFT, F_EXCESS = 64, 128
DIR_UP, DIR_DOWN = 16, 32  # high bits of the phrase_words byte
SHIFT_NEG_ONLY = 64
DIR_SENSE = 128  # "worse", "undo": no rise or fall of a measure
PUNCT_SPLIT = re.compile(r"([,;:!?])")
POSSESSIVE = re.compile(r"(?<=\w)'s\b")


ROLES = {"neg-skip": 1, "shift-skip": 2, "shift-stop": 4, "mood": 8, "det": 16,
         "tears": 32, "measure": 64, "burden": 128}
M64 = (1 << 64) - 1
K1, K2, K3 = 0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB


def token_hash(data):
    h = (len(data) * K1) & M64
    for o in range(0, len(data), 8):
        chunk = int.from_bytes(data[o:o + 8], "little")
        h = ((h ^ chunk) * K2) & M64
        h ^= h >> 31
    return h


def phrase_hash64(words):
    """The 64-bit hash of a word or a phrase: its words' hashes combined."""
    p = token_hash(words[0].encode("utf-8"))
    for w in words[1:]:
        p = (((p << 23) | (p >> 41)) & M64) ^ token_hash(w.encode("utf-8"))
        p = (p * K3) & M64
        p ^= p >> 29
    return p


def key_hash(key):
    """The 32-bit hash of a key: its words' hashes combined (see above)."""
    p = phrase_hash64(key.split(" "))
    return (p >> 32) ^ (p & 0xFFFFFFFF)


LEARNED_BUCKET = 4


def learned_table(weights):
    """Table of the learned weights: buckets of four 4-byte slots, each slot
    a 20-bit tag (bits 44-63 of the term's 64-bit hash, low bit set; 0 for
    empty) above a 12-bit signed weight * 2000. A term goes to the emptier
    of its two buckets, b1 = hash & (n - 1) and b2 = (hash >> 24) & (n - 1)
    (b1 ^ 1 when they are equal); the plugin sums the weights of the slots
    of both that hold its tag, without branching. Of two terms that share a
    tag and a bucket only the heavier is kept (reported); n doubles until
    every term fits. Returns (number of slots, bytes)."""
    terms = []
    for term, w in sorted(weights.items()):
        h = phrase_hash64(term.split(" "))
        q = int(round(w * 2000))
        if not -2048 <= q <= 2047:
            sys.exit(f"lexc: learned weight out of range: {term!r} {w}")
        terms.append((h, ((h >> 44) | 1) & 0xFFFFF, q, term))
    # the heavier terms first, so that a clash of tags drops the lighter
    terms.sort(key=lambda t: (-abs(t[2]), t[3]))
    n = 2
    while n * LEARNED_BUCKET < 2 * len(terms):
        n *= 2
    while True:
        buckets = [[] for _ in range(n)]
        dropped = []
        for h, tag, q, term in terms:
            b1 = h & (n - 1)
            b2 = (h >> 24) & (n - 1)
            if b2 == b1:
                b2 ^= 1
            if any(t == tag for b in (b1, b2) for t, _ in buckets[b]):
                dropped.append(term)
                continue
            b = b1 if len(buckets[b1]) <= len(buckets[b2]) else b2
            if len(buckets[b]) == LEARNED_BUCKET:
                break
            buckets[b].append((tag, q))
        else:
            break
        n *= 2
    for term in dropped:
        print(f"lexc: learned term {term!r} dropped: its tag clashes with a "
              "heavier term's", file=sys.stderr)
    data = bytearray()
    for b in buckets:
        for tag, q in b + [(0, 0)] * (LEARNED_BUCKET - len(b)):
            data += struct.pack("<I", (tag << 12) | (q & 0xFFF) if tag else 0)
    return n * LEARNED_BUCKET, bytes(data)


def normalise(term):
    term = term.replace("\u2019", "'").replace("\u2018", "'")
    term = "".join(c.lower() if c < "\x80" else c for c in term)
    # The tokenizer splits "'s" off its word ("wit's end" is "wit" "'s"
    # "end", "alzheimer's" two tokens): so is the key.
    term = POSSESSIVE.sub(" 's", term)
    if " " in term.strip():
        # Phrases are matched token by token: punctuation is its own token.
        term = PUNCT_SPLIT.sub(r" \1 ", term)
    return " ".join(term.split())


def is_vowel(c):
    return c in "aeiou"


def verb_forms(base, double):
    """Regular -s, -ed and -ing forms of an English verb."""
    forms = []
    if re.search(r"(s|x|z|ch|sh)$", base) or re.search(r"[^aeiou]o$", base):
        forms.append(base + "es")
    elif re.search(r"[^aeiou]y$", base):
        forms.append(base[:-1] + "ies")
    else:
        forms.append(base + "s")
    if double:
        forms += [base + base[-1] + "ed", base + base[-1] + "ing"]
        return forms
    if base.endswith("e"):
        forms.append(base + "d")
    elif re.search(r"[^aeiou]y$", base):
        forms.append(base[:-1] + "ied")
    else:
        forms.append(base + "ed")
    if base.endswith("ie"):
        forms.append(base[:-2] + "ying")
    elif re.search(r"(ee|ye|oe)$", base) or not base.endswith("e"):
        forms.append(base + "ing")
    else:
        forms.append(base[:-1] + "ing")
    return forms


def derived_forms(base):
    """The regular inflections and derivations a rated single word may have:
    -s, -ed, -ing, -ly, -ness, -ier/-iest of words in -y and -est of other
    short words. They are added
    at the lowest priority, so any entry of the sources wins; the lexicon's
    `@kind block` entries remove the ones that are other words ("meaning" is
    not a form of "mean")."""
    out = set()
    if not re.fullmatch(r"[a-z]+", base) or len(base) < 3:
        return out
    # The shape of a word tells which forms it can have, for a few shapes
    # that are never verbs: an adjective ("hopeless", "critical") has -ly,
    # -ness and, if it is also a noun ("radical"), -s, but no -ed or -ing;
    # a noun ("heroism") only a plural; a long participle ("disgusting")
    # -ly and -s. Generating only these keeps the table small.
    if len(base) >= 6 and re.search(r"(ing|[^e]ed)$", base):
        return {base + "ly", base + "s", base + "ness"}
    if re.search(r"(ism|..ity|hood|ness|dom|[^r]ship)$", base):
        return set(noun_forms(base))
    if len(base) >= 7 and re.search(r"[ao]ry$", base):
        stem = base[:-1]
        return {stem + "ily", stem + "iness", stem + "ies"}
    if re.search(r"(ous|ful|[ts]ive|[ciutrn]al|.{3}less)$", base) or \
            re.search(r"(?<!dis)(?<!en)[ai]ble$", base):
        out.update([base + "ly", base + "ness", base + "s"])
        if base.endswith("le"):
            out.add(base[:-1] + "y")
        return out
    if base.endswith("ic"):
        out.update([base + "ally", base + "s"])
        return out
    cons_y = re.search(r"[^aeiou]y$", base)
    # -s, -es
    if re.search(r"(s|x|z|ch|sh)$", base):
        out.add(base + "es")
    elif cons_y:
        out.add(base[:-1] + "ies")
    else:
        out.add(base + "s")
    # -ed, -ing, with and without a doubled final consonant
    if base.endswith("e"):
        out.update([base + "d", base[:-1] + "ing"])
    elif cons_y:
        out.update([base[:-1] + "ied", base + "ing"])
    else:
        out.update([base + "ed", base + "ing"])
        if re.search(r"[^aeiou][aeiou][bdgklmnprtvz]$", base):
            out.update([base + base[-1] + "ed", base + base[-1] + "ing"])
    # -ly, -ness, -ier, -iest
    if cons_y:
        out.update([base[:-1] + "ily", base[:-1] + "iness",
                    base[:-1] + "ier", base[:-1] + "iest"])
    elif base.endswith("le"):
        out.add(base[:-1] + "y")
    elif not base.endswith("ly"):
        out.update([base + "ly", base + "ness"])
    # -est of a short word ("cutest", "saddest", "dumbest"): the words of
    # English that end in it are not superlatives of rated words ("honest",
    # "protest", "arrest"); -er is left out, as it makes other words
    # ("number" of "numb", "banner" of "ban")
    if len(base) <= 6 and not cons_y and \
            not re.search(r"(s|ly|ed|er|ing|est)$", base):
        if base.endswith("e"):
            out.add(base + "st")
        elif re.fullmatch(r"[^aeiou]*[aeiou][bdgmnpt]", base):
            out.add(base + base[-1] + "est")
        else:
            out.add(base + "est")
    out.discard(base)
    return out


def noun_forms(base):
    if re.search(r"(s|x|z|ch|sh)$", base):
        return [base + "es"]
    if re.search(r"[^aeiou]y$", base):
        return [base[:-1] + "ies"]
    return [base + "s"]


class Entry:
    __slots__ = ("valence", "vprio", "vcount", "scalar", "neg", "contrast",
                 "phrase_words", "origin", "excess", "shift", "direction",
                 "roles")

    def __init__(self):
        self.valence = None
        self.vprio = -1
        self.vcount = 0
        self.scalar = None
        self.neg = False
        self.contrast = None
        self.phrase_words = 0
        self.origin = ""
        self.excess = False
        self.shift = False
        self.direction = None
        self.roles = 0


def alternatives(term):
    """TERM or "a|b|c"; a "|" inside an emoticon (":|") is not a separator."""
    if re.search(r"\w\|\w", term):
        return [t for t in term.split("|") if t]
    return [term]


def parse_fields(line):
    if "\t" in line:
        return [f.strip() for f in line.split("\t") if f.strip() != ""]
    return line.split()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--warn", action="store_true",
                    help="report keys rated differently in two places")
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--derived", type=argparse.FileType("w"),
                    help="write the derived forms to this file")
    ap.add_argument("sources", nargs="+")
    a = ap.parse_args()

    entries = {}
    params = {}
    learned = {}
    blocked = set()
    errors = 0
    n_source_lines = 0

    def entry(key):
        e = entries.get(key)
        if e is None:
            e = entries[key] = Entry()
        return e

    def add_valence(key, value, prio, where):
        e = entry(key)
        if e.valence is None or prio > e.vprio:
            e.valence, e.vprio, e.vcount, e.origin = value, prio, 1, where
        elif prio == e.vprio:
            if a.warn and abs(e.valence - value) > 1e-9:
                print(f"{where}: {key!r} {value} vs {e.valence} at "
                      f"{e.origin}", file=sys.stderr)
            e.valence = (e.valence * e.vcount + value) / (e.vcount + 1)
            e.vcount += 1

    for path in a.sources:
        kind = None
        with open(path, encoding="utf-8") as f:
            for lineno, raw in enumerate(f, 1):
                line = raw.rstrip("\r\n")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                where = f"{path}:{lineno}"
                if line.startswith("@kind"):
                    kind = line.split()[1]
                    continue
                fields = parse_fields(line)
                n_source_lines += 1
                try:
                    if kind == "valence":
                        if "\t" not in line:
                            # "a phrase of words VALUE [FORMS]"
                            forms = ""
                            if re.fullmatch(r"v|vd|n", fields[-1]):
                                forms = fields.pop()
                            fields = [" ".join(fields[:-1]), fields[-1]] + (
                                [forms] if forms else [])
                        term, value = fields[0], float(fields[1])
                        forms = fields[2] if len(fields) > 2 else ""
                        if not -5.0 <= value <= 5.0 or forms not in (
                                "", "v", "vd", "n"):
                            raise ValueError("value or forms out of range")
                        alts = [normalise(t) for t in alternatives(term)]
                        for t in alts:
                            add_valence(t, value, 2, where)
                        base = alts[0]
                        gen = []
                        if forms in ("v", "vd"):
                            gen = verb_forms(base, forms == "vd")
                        elif forms == "n":
                            gen = noun_forms(base)
                        for t in gen:
                            add_valence(t, value, 1, where)
                    elif kind == "modifier":
                        if "\t" in line:
                            term, scalar = fields[0], float(fields[1])
                            excess = fields[2:] == ["excess"]
                            if fields[2:] and not excess:
                                raise ValueError("unknown modifier flag")
                        else:
                            term, scalar = " ".join(fields[:-1]), \
                                float(fields[-1])
                            excess = False
                        if not -0.95 <= scalar <= 2.0:
                            raise ValueError("scalar out of range")
                        for t in alternatives(term):
                            e = entry(normalise(t))
                            e.scalar = scalar
                            e.excess = excess
                    elif kind == "shifter":
                        term, what = fields[0], fields[1]
                        forms = fields[2] if len(fields) > 2 else "-"
                        if what not in ("both", "neg") or forms not in (
                                "-", "v", "vd"):
                            raise ValueError("shifter: both|neg [v|vd]")
                        alts = [normalise(t) for t in alternatives(term)]
                        if forms != "-":
                            alts += verb_forms(alts[0], forms == "vd")
                        for t in alts:
                            entry(t).shift = what
                    elif kind == "negator":
                        term = fields[0] if "\t" in line else line.strip()
                        for t in alternatives(term):
                            e = entry(normalise(t))
                            e.neg = True
                            if len(fields) > 1 and "\t" in line:
                                add_valence(normalise(t), float(fields[1]),
                                            3, where)
                    elif kind == "contrast":
                        term, how = fields[0], fields[1]
                        if how not in ("but", "although"):
                            raise ValueError("contrast kind")
                        for t in alternatives(term):
                            entry(normalise(t)).contrast = how
                    elif kind == "direction":
                        term, how = fields[0], fields[1]
                        forms = fields[2] if len(fields) > 2 else "-"
                        if how not in ("up", "down", "end", "worse",
                                       "undo", "plight", "rescue") or \
                                forms not in (
                                "-", "v", "vd"):
                            raise ValueError("direction")
                        alts = [normalise(t) for t in alternatives(term)]
                        if forms != "-":
                            alts += verb_forms(alts[0], forms == "vd")
                        for t in alts:
                            entry(t).direction = how
                    elif kind == "role":
                        term, what = fields[0], fields[1:]
                        if not what or any(w not in ROLES for w in what):
                            raise ValueError("role: " + "|".join(ROLES))
                        for t in alternatives(term):
                            for w in what:
                                entry(normalise(t)).roles |= ROLES[w]
                    elif kind == "block":
                        for t in alternatives(fields[0] if "\t" in line
                                              else line.strip()):
                            blocked.add(normalise(t))
                    elif kind == "param":
                        params[fields[0]] = float(fields[1])
                    elif kind == "learned":
                        # "word<TAB>weight" or "word word<TAB>weight", the
                        # keys as the plugin writes them (features = yes)
                        term, _, value = line.partition("\t")
                        w = float(value)
                        if not term or term != term.strip() or \
                                len(term.split(" ")) > 2 or not -1 <= w <= 1:
                            raise ValueError("learned: WORD[ WORD]<TAB>W")
                        learned[term] = w
                    else:
                        raise ValueError("no @kind before the first entry")
                except (ValueError, IndexError) as err:
                    print(f"{where}: {err}: {line!r}", file=sys.stderr)
                    errors += 1
    if errors:
        sys.exit(f"lexc: {errors} bad lines")

    # Derived forms of rated single words, at the lowest priority.
    derived = {}
    for key, e in entries.items():
        if e.valence is None or e.valence == 0 or " " in key or e.neg \
                or e.scalar is not None or e.contrast or e.shift:
            continue
        for form in derived_forms(key):
            if form in entries or form in blocked:
                continue
            derived.setdefault(form, []).append(e.valence)
    for form, values in derived.items():
        add_valence(form, sum(values) / len(values), 0, "derived")
    # A plight is a bad thing; a rating it lacks would leave it no effect.
    unrated = sorted(k for k, e in entries.items()
                     if e.direction == "plight" and not (e.valence or 0) < 0)
    if unrated:
        sys.exit("lexc: a plight needs a negative rating: " +
                 ", ".join(unrated))
    if a.derived:
        for form in sorted(derived):
            print(form, file=a.derived)
    # A single word with a valence of 0 that has another role would only
    # hide that role; a phrase rated 0 is a deliberate neutraliser.
    for key, e in entries.items():
        if e.valence == 0 and " " not in key and (
                e.neg or e.scalar or e.contrast or e.shift):
            e.valence = None
    # Mark every proper prefix of every phrase ("in", "in the" of "in the
    # red") with the longest phrase length, so that the plugin extends a
    # match only while some phrase still begins with it.
    for key in list(entries):
        words = key.split(" ")
        if len(words) > 1 and any(re.fullmatch(r"[,;:!?]", w) for w in words):
            sys.exit(f"lexc: a phrase cannot hold punctuation: {key!r}")
        if len(words) > 1:
            if len(words) > 255 or len(key.encode()) > 255:
                sys.exit(f"lexc: phrase too long: {key!r}")
            for k in range(1, len(words)):
                prefix = entry(" ".join(words[:k]))
                prefix.phrase_words = max(prefix.phrase_words, len(words))

    # The little words of the rules (neg-skip, shift-skip, shift-stop) and
    # the measures go to a small table of their own, consulted only while a
    # negation or a shifter is active or at a verb of rise or fall; they
    # are keys of the main table only when they are more than that ("the"
    # starts phrases, "profit" is rated).
    rule_roles = (ROLES["neg-skip"] | ROLES["shift-skip"] | ROLES["shift-stop"] |
                  ROLES["det"] | ROLES["measure"] | ROLES["burden"])
    role_keys = sorted(k for k, e in entries.items() if e.roles & rule_roles)
    keys = sorted(k for k, e in entries.items()
                  if not (e.roles & rule_roles) or e.valence is not None or
                  e.neg or e.scalar is not None or e.contrast or
                  e.phrase_words or e.shift or e.direction)
    hashes = {key: key_hash(key) for key in set(keys) | set(role_keys)}
    # Bloom filter of 64-bit words, about 8 bits per key: word
    # (hash * 0x9E3779B1) >> (32 - log2 n_words), three bits in it, so that
    # most words that are not in the lexicon cost one load.
    n_words = 2
    while n_words * 64 < 8 * len(keys):
        n_words *= 2
    bloom = [0] * n_words
    shift = 32 - (n_words.bit_length() - 1)
    for key in keys:
        h = hashes[key]
        word = ((h * 0x9E3779B1) & 0xFFFFFFFF) >> shift
        for b in (h & 63, (h >> 6) & 63, (h >> 12) & 63):
            bloom[word] |= 1 << b
    bloom = b"".join(struct.pack("<Q", w) for w in bloom)
    strings = bytearray()

    def table(table_keys, load):
        n = 2
        while n * load < len(table_keys) + 1:
            n *= 2
        slots = [None] * n
        for key in table_keys:
            e = entries[key]
            data = key.encode("utf-8")
            if not data or len(data) > 255:
                sys.exit(f"lexc: bad key length: {key!r}")
            flags = 0
            if e.valence is not None:
                flags |= F_LEX
            if e.neg:
                flags |= F_NEG
            if e.scalar is not None:
                flags |= F_MOD
            if e.contrast == "but":
                flags |= F_BUT
            elif e.contrast == "although":
                flags |= F_ALTHOUGH
            if e.phrase_words:
                flags |= F_PHRASE
            if e.shift:
                flags |= F_SHIFT
            if e.excess:
                flags |= F_EXCESS
            h = hashes[key]
            i = h & (n - 1)
            while slots[i] is not None:
                i = (i + 1) & (n - 1)
            if e.phrase_words > 15:
                sys.exit(f"lexc: phrase too long: {key!r}")
            extra = e.phrase_words | {None: 0, "up": DIR_UP,
                                      "down": DIR_DOWN,
                                      "end": DIR_UP | DIR_DOWN,
                                      "worse": DIR_UP | DIR_SENSE,
                                      "undo": DIR_DOWN | DIR_SENSE,
                                      "plight": DIR_SENSE,
                                      "rescue": DIR_UP | DIR_DOWN |
                                      DIR_SENSE}[e.direction]
            if e.shift == "neg":
                extra |= SHIFT_NEG_ONLY
            slots[i] = data[:16].ljust(16, b"\0") + struct.pack(
                "<IIBBBBhh", h, len(strings), len(data), flags, extra,
                e.roles, int(round((e.valence or 0.0) * 100)),
                int(round((e.scalar or 0.0) * 1000)))
            strings.extend(data)
        empty = bytes(32)
        return n, b"".join(s if s is not None else empty for s in slots)

    n_slots, slot_bytes = table(keys, 0.7)
    n_role_slots, role_bytes = table(role_keys, 0.5)
    param_bytes = b"".join(
        struct.pack("<24sd", name.encode()[:23], value)
        for name, value in sorted(params.items()))
    bloom_off = 64
    slots_off = bloom_off + len(bloom)
    role_off = slots_off + len(slot_bytes)
    params_off = role_off + len(role_bytes)
    n_learned, learned_bytes = learned_table(learned) if learned else (0, b"")
    learned_off = params_off + len(param_bytes)
    strings_off = learned_off + len(learned_bytes)
    header = MAGIC + struct.pack("<IIIIIIIIIIIIII", VERSION, n_slots,
                                 len(keys), slots_off, strings_off,
                                 len(strings), params_off, len(params),
                                 bloom_off, n_words, role_off, n_role_slots,
                                 learned_off if n_learned else 0, n_learned)
    header += b"\0" * (64 - len(header))
    with open(a.output, "wb") as f:
        f.write(header + bytes(bloom) + slot_bytes + role_bytes +
                param_bytes + learned_bytes + bytes(strings))
    if a.stats:
        n_val = sum(1 for e in entries.values() if e.valence is not None)
        n_phr = sum(1 for k in entries if " " in k)
        print(f"lexc: {n_source_lines} source lines, {len(keys)} keys "
              f"({n_val} rated, {n_phr} phrases), {len(params)} params, "
              f"{n_slots} slots -> {a.output}", file=sys.stderr)


if __name__ == "__main__":
    main()

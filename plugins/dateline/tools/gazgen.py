#!/usr/bin/python3
"""Compile the dateline plugin's gazetteer into one binary file.

The dateline plugin resolves the place of a dateline ("ATLANTA, Ga.",
"KYIV, Ukraine", "SAO PAULO") to a city, a region and an ISO 3166-1 country
code. This generator builds the table it looks names up in, from:

  * the word lists written for this plugin (plugins/dateline/data/*.tsv):
    world cities, country aliases, regions with their AP abbreviations,
    news agencies, and companies (kind 6: neither town nor source);
  * Debian's iso-codes (ISO 3166-1 country names, ISO 3166-2 subdivisions);
  * Debian's wordnet-base, when installed: WordNet's noun.location synsets
    that are instances of city, town, capital or port, resolved to a country
    by following their part-holonym links ("Salvador" -> "Brazil"); and the
    common English words (the one-word lemmas WordNet writes in lower case),
    as records of kind 5 (word) that tell an unknown town in capitals
    ("GILROY - ") from a slug ("SOCCER - ");
  * Debian's libgweather-4-common, when installed: the cities of GNOME's
    weather locations database (Locations.xml), with country and state;
  * Debian's tzdata: the cities that name time zones (zone.tab).

Every name is normalised the way the plugin normalises dateline text: ASCII
upper case, accents folded (the fold table is written into the file so both
sides agree), dots and apostrophes dropped, hyphens and runs of space made
one space. The output is a little-endian file that the plugin mmap()s:

  header   magic "PRDLGAZ1", then u32 fields (see HEADER below)
  slots    u32[n_slots]     open-addressing hash table: key index + 1, or 0
  keys     n_keys x {u32 str, u32 hash, u32 first_ref, u16 len, u16 n_refs}
  refs     u32[n_refs]      record indexes, best first, per key
  recs     n_recs x {u32 name, u32 region, u8 cc[2], u8 kind, u8 flags}
           kind: 1 city, 2 region, 3 country, 4 agency, 5 common word,
           6 company or sports body (data/companies.tsv)
  fold     u8[4] per code point from FOLD_FIRST: ASCII replacement, NUL
           padded; all-zero keeps the character, 0xFF drops it
  strings  NUL-terminated UTF-8; offset 0 is the empty string

usage: gazgen.py --data DIR [--iso DIR] [--wordnet DIR] [--gweather FILE]
                 [--tzdata FILE] -o OUT
Standard library only."""
import argparse
import json
import os
import struct
import sys
import unicodedata

MAGIC = b"PRDLGAZ1"
VERSION = 1
KIND_CITY, KIND_REGION, KIND_COUNTRY, KIND_AGENCY, KIND_WORD = 1, 2, 3, 4, 5
KIND_ORG = 6  # a company or sports body ("Nokia"): neither town nor source
FLAG_ABBREV = 1  # a region abbreviation ("Ga.", "NY"): valid after a comma only
# Sources, best first: a name's records are ordered by this rank.
(RANK_CITY, RANK_COUNTRY, RANK_REGION, RANK_WN, RANK_GW, RANK_TZ, RANK_ISO2,
 RANK_AGENCY, RANK_WORD, RANK_ORG) = range(10)
FOLD_FIRST, FOLD_LAST = 0x80, 0x2FF
HEADER = "<8sIIIIIIIIIIIII"  # magic, version, n_slots, n_keys, n_refs,
# n_recs, off_slots, off_keys, off_refs, off_recs, off_fold, fold_first,
# fold_count, off_strings
SPECIAL = {"ß": "SS", "ẞ": "SS", "Æ": "AE", "æ": "AE", "Ø": "O", "ø": "O",
           "Ł": "L", "ł": "L", "Đ": "D", "đ": "D", "Þ": "TH", "þ": "TH",
           "Œ": "OE", "œ": "OE", "ı": "I", "Ð": "D", "ð": "D", "ħ": "H",
           "Ħ": "H", "ŀ": "L", "Ŀ": "L", "ĸ": "K", "ŉ": "N", "ſ": "S"}
DROP = {"'", ".", "\u2019", "\u2018", "\u02bc", "\u00b4", "`"}


def fold_char(ch):
    """ASCII upper-case replacement of one character in the fold range:
    a string, "" to drop it, or None to keep it as it is."""
    if ch in SPECIAL:
        return SPECIAL[ch]
    if ch in DROP:
        return ""
    if ch == "\u00a0":
        return " "
    base = "".join(c for c in unicodedata.normalize("NFKD", ch)
                   if not unicodedata.combining(c))
    if base and all(c.isascii() and c.isalpha() for c in base):
        return base.upper()
    return None


FOLD = {cp: fold_char(chr(cp)) for cp in range(FOLD_FIRST, FOLD_LAST + 1)}


def norm_key(name):
    """Normalise a name exactly as the plugin does (see dl_norm in
    dateline.c): letters and digits upper-cased and folded, dots and
    apostrophes dropped, hyphens and space runs become one space."""
    out = []
    for ch in name:
        cp = ord(ch)
        if cp < 0x80:
            if ch.isalnum():
                out.append(ch.upper())
            elif ch in "-\t\n\r /_ ":
                out.append(" ")
            elif ch in DROP:
                pass
            else:
                out.append(ch)
        elif cp <= FOLD_LAST:
            f = FOLD[cp]
            out.append(ch if f is None else f)
        elif ch in DROP:
            pass
        else:
            out.append(ch)
    return " ".join("".join(out).split())


def variants(key):
    """The key and its St./Saint, Ft./Fort, Mt./Mount and leading-The
    variants."""
    out = {key}
    pairs = [("SAINT ", "ST "), ("SAINTE ", "STE "), ("FORT ", "FT "),
             ("MOUNT ", "MT ")]
    for long_, short in pairs:
        for k in list(out):
            for a, b in ((long_, short), (short, long_)):
                if k.startswith(a):
                    out.add(b + k[len(a):])
                if (" " + a) in k:
                    out.add(k.replace(" " + a, " " + b))
    for k in list(out):
        if k.startswith("THE ") and len(k) > 6:
            out.add(k[4:])
    return out


class Gazetteer:
    def __init__(self):
        self.recs = []       # (name, region, cc, kind, flags)
        self.rec_index = {}
        self.names = {}      # key -> list of (rank, seq, rec)
        self.seq = 0

    def add(self, name, display, region, cc, kind, rank, flags=0,
            expand=True):
        rec = (display, region or "", cc or "", kind, flags)
        idx = self.rec_index.get(rec)
        if idx is None:
            idx = len(self.recs)
            self.recs.append(rec)
            self.rec_index[rec] = idx
        key = norm_key(name)
        if not key:
            return
        for k in (variants(key) if expand else {key}):
            lst = self.names.setdefault(k, [])
            if all(r != idx for _, _, r in lst):
                self.seq += 1
                lst.append((rank, self.seq, idx))

    def write(self, path):
        strings = bytearray(b"\0")
        str_off = {"": 0}

        def intern(s):
            if s not in str_off:
                str_off[s] = len(strings)
                strings.extend(s.encode("utf-8") + b"\0")
            return str_off[s]

        keys = sorted(self.names)
        n_slots = 1
        while n_slots < 2 * len(keys) + 1:
            n_slots *= 2
        slots = [0] * n_slots
        key_blob = bytearray()
        refs = []
        for i, k in enumerate(keys):
            kb = k.encode("utf-8")
            h = fnv1a(kb)
            j = h & (n_slots - 1)
            while slots[j]:
                j = (j + 1) & (n_slots - 1)
            slots[j] = i + 1
            lst = sorted(self.names[k])
            key_blob += struct.pack("<IIIHH", intern(k), h, len(refs),
                                    len(kb), min(len(lst), 0xFFFF))
            refs.extend(r for _, _, r in lst[:0xFFFF])
        rec_blob = bytearray()
        for name, region, cc, kind, flags in self.recs:
            ccb = (cc.encode("ascii") + b"\0\0")[:2]
            rec_blob += struct.pack("<II2sBB", intern(name), intern(region),
                                    ccb, kind, flags)
        fold_blob = bytearray()
        for cp in range(FOLD_FIRST, FOLD_LAST + 1):
            f = FOLD[cp]
            if f is None:
                fold_blob += b"\0\0\0\0"
            elif f == "":
                fold_blob += b"\xff\0\0\0"
            else:
                fold_blob += (f.encode("ascii") + b"\0\0\0\0")[:4]
        hsize = struct.calcsize(HEADER)
        off_slots = align(hsize)
        off_keys = align(off_slots + 4 * n_slots)
        off_refs = align(off_keys + len(key_blob))
        off_recs = align(off_refs + 4 * len(refs))
        off_fold = align(off_recs + len(rec_blob))
        off_strings = align(off_fold + len(fold_blob))
        out = bytearray(off_strings + len(strings))
        struct.pack_into(HEADER, out, 0, MAGIC, VERSION, n_slots, len(keys),
                         len(refs), len(self.recs), off_slots, off_keys,
                         off_refs, off_recs, off_fold, FOLD_FIRST,
                         FOLD_LAST - FOLD_FIRST + 1, off_strings)
        struct.pack_into("<%dI" % n_slots, out, off_slots, *slots)
        out[off_keys:off_keys + len(key_blob)] = key_blob
        struct.pack_into("<%dI" % len(refs), out, off_refs, *refs)
        out[off_recs:off_recs + len(rec_blob)] = rec_blob
        out[off_fold:off_fold + len(fold_blob)] = fold_blob
        out[off_strings:] = strings
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            f.write(out)
        os.replace(tmp, path)
        return len(keys), len(self.recs), len(out)


def align(n):
    return (n + 7) & ~7


def fnv1a(b):
    h = 0x811C9DC5
    for c in b:
        h = ((h ^ c) * 0x01000193) & 0xFFFFFFFF
    return h


def read_tsv(path):
    """Rows of a hand-written list: fields split on tabs; # comments and
    blank lines skipped."""
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            yield ln, line.split("\t")


def is_abbrev(alias):
    """An abbreviation ("Ga.", "N.J.", "NY"): only valid after a comma."""
    return "." in alias or (alias.isupper() and len(alias) <= 3)


def load_lists(g, data_dir, countries):
    """The hand-written lists. Returns {region display name: cc} for the
    WordNet holonym walk."""
    regions = {}
    for ln, f in read_tsv(os.path.join(data_dir, "countries.tsv")):
        names, cc = f[0].split("|"), f[1]
        countries.setdefault(cc, names[0])
        for n in names:
            g.add(n, countries[cc], "", cc, KIND_COUNTRY, RANK_COUNTRY)
    for ln, f in read_tsv(os.path.join(data_dir, "regions.tsv")):
        names, cc = f[0].split("|"), f[1]
        regions[norm_key(names[0])] = (names[0], cc)
        for i, n in enumerate(names):
            flags = FLAG_ABBREV if i > 0 and is_abbrev(n) else 0
            g.add(n, "", names[0], cc, KIND_REGION, RANK_REGION, flags)
    for ln, f in read_tsv(os.path.join(data_dir, "cities.tsv")):
        names, cc = f[0].split("|"), f[1]
        region = f[2] if len(f) > 2 else ""
        if len(cc) != 2:
            sys.exit(f"cities.tsv:{ln}: bad country code {cc!r}")
        for n in names:
            g.add(n, names[0], region, cc, KIND_CITY, RANK_CITY)
    for ln, f in read_tsv(os.path.join(data_dir, "agencies.tsv")):
        g.add(f[0], f[0], "", "", KIND_AGENCY, RANK_AGENCY, expand=False)
    orgs = os.path.join(data_dir, "companies.tsv")
    for ln, f in read_tsv(orgs) if os.path.exists(orgs) else ():
        g.add(f[0], f[0], "", "", KIND_ORG, RANK_ORG, expand=False)
    return regions


def load_iso(g, iso_dir, countries):
    """ISO 3166-1 names and ISO 3166-2 subdivision names."""
    with open(os.path.join(iso_dir, "iso_3166-1.json"), encoding="utf-8") as f:
        for c in json.load(f)["3166-1"]:
            cc = c["alpha_2"]
            display = countries.setdefault(cc, c.get("common_name", c["name"]))
            for k in ("name", "common_name", "official_name"):
                if k in c:
                    g.add(c[k], display, "", cc, KIND_COUNTRY, RANK_COUNTRY)
                    # "Korea, Republic of" is also written "Republic of Korea"
                    if ", " in c[k]:
                        a, b = c[k].split(", ", 1)
                        g.add(b + " " + a, display, "", cc, KIND_COUNTRY,
                              RANK_COUNTRY)
    with open(os.path.join(iso_dir, "iso_3166-2.json"), encoding="utf-8") as f:
        for s in json.load(f)["3166-2"]:
            cc = s["code"][:2]
            g.add(s["name"], "", s["name"], cc, KIND_REGION, RANK_ISO2)


# WordNet (noun.location) synsets that make an instance a city.
WN_CITY_CLASSES = {"city", "town", "national_capital", "state_capital",
                   "provincial_capital", "port", "seaport", "port_of_entry",
                   "urban_center", "metropolis", "municipality", "capital"}
WN_STATE_CLASSES = {"American_state", "state", "province"}


def load_wordnet(g, wn_dir, regions, country_keys):
    """Cities from WordNet's noun data: instances of a city-like class whose
    part-holonym chain reaches a country."""
    syn = {}
    with open(os.path.join(wn_dir, "data.noun"), encoding="utf-8",
              errors="replace") as f:
        for line in f:
            if line.startswith("  "):
                continue
            head, _, gloss = line.partition(" | ")
            t = head.split()
            if t[1] != "15":  # noun.location
                continue
            n_words = int(t[3], 16)
            words = [t[4 + 2 * i] for i in range(n_words)]
            p = 4 + 2 * n_words
            n_ptr = int(t[p])
            ptrs = []
            for i in range(n_ptr):
                sym, off = t[p + 1 + 4 * i], t[p + 2 + 4 * i]
                ptrs.append((sym, off))
            syn[t[0]] = (words, ptrs)
    by_lemma = {}
    for off, (words, _) in syn.items():
        for w in words:
            by_lemma.setdefault(w.split("(")[0], []).append(off)
    city_cls = {o for c in WN_CITY_CLASSES for o in by_lemma.get(c, [])}
    state_cls = {o for c in WN_STATE_CLASSES for o in by_lemma.get(c, [])}

    def classes(off):
        return {o for s, o in syn[off][1] if s == "@i"}

    def country_of(off):
        words = syn[off][0]
        if classes(off) & (city_cls | state_cls):
            return None
        for w in words:
            cc = country_keys.get(norm_key(w.replace("_", " ")))
            if cc:
                return cc
        return None

    def resolve(off):
        """(cc, region) by a breadth-first walk up the part holonyms."""
        seen, frontier, region = {off}, [off], ""
        for _ in range(5):
            nxt = []
            for o in frontier:
                for s, h in syn[o][1]:
                    if s != "#p" or h not in syn or h in seen:
                        continue
                    seen.add(h)
                    cc = country_of(h)
                    if cc:
                        return cc, region
                    if not region and classes(h) & state_cls:
                        name = syn[h][0][0].split("(")[0].replace("_", " ")
                        known = regions.get(norm_key(name))
                        region = known[0] if known else name
                    nxt.append(h)
            frontier = nxt
        return None, ""

    added = 0
    with open(os.path.join(wn_dir, "index.noun"), encoding="utf-8",
              errors="replace") as f:
        for line in f:
            if line.startswith("  "):
                continue
            t = line.split()
            lemma, n_syn = t[0], int(t[2])
            offs = t[-n_syn:]
            for off in offs:
                if off not in syn or not (classes(off) & city_cls):
                    continue
                cc, region = resolve(off)
                if not cc:
                    continue
                words = syn[off][0]
                display = words[0].split("(")[0].replace("_", " ")
                name = lemma.replace("_", " ")
                g.add(name, display, region, cc, KIND_CITY, RANK_WN)
                added += 1
    return added


def load_words(g, wn_dir):
    """Common English words: the one-word lemmas of WordNet that it writes
    in lower case somewhere ("update", "soccer", "court", but not "Boston"
    or "Tacoma"). The plugin takes an unknown word in capitals before a
    dash for a place only when it is none of these ("GILROY - " but not
    "SOCCER - ")."""
    words = set()
    for pos in ("noun", "verb", "adj", "adv"):
        path = os.path.join(wn_dir, "data." + pos)
        with open(path, encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                t = line.split()
                for k in range(int(t[3], 16)):
                    w = t[4 + 2 * k]
                    if "(" in w:
                        w = w[:w.index("(")]
                    if len(w) >= 3 and w.isalpha() and w.islower():
                        words.add(w)
    for w in words:
        g.add(w, "", "", "", KIND_WORD, RANK_WORD, expand=False)
    return len(words)


def load_gweather(g, path, regions):
    """Cities of libgweather's Locations.xml: <country> (with <iso-code>)
    holds <city> elements, directly or inside a <state>."""
    import xml.etree.ElementTree as ET
    added = 0
    root = ET.parse(path).getroot()

    def name_of(el):
        for tag in ("_name", "name"):
            n = el.find(tag)
            if n is not None and n.text:
                return n.text.strip()
        return None

    for country in root.iter("country"):
        iso = country.find("iso-code")
        if iso is None or not iso.text:
            continue
        cc = iso.text.strip().upper()
        holders = [(country, "")]
        for state in country.findall("state"):
            sname = name_of(state) or ""
            known = regions.get(norm_key(sname))
            holders.append((state, known[0] if known else sname))
        for holder, region in holders:
            for city in holder.findall("city"):
                name = name_of(city)
                if not name:
                    continue
                g.add(name, name, region, cc, KIND_CITY, RANK_GW)
                added += 1
    return added


def load_tzdata(g, path):
    """Cities that name time zones: "America/New_York" in zone.tab."""
    added = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            t = line.rstrip("\n").split("\t")
            if len(t) < 3 or len(t[0]) != 2:
                continue
            city = t[2].rsplit("/", 1)[-1].replace("_", " ")
            g.add(city, city, "", t[0], KIND_CITY, RANK_TZ)
            added += 1
    return added


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", required=True, help="folder with the .tsv lists")
    ap.add_argument("--iso", default="/usr/share/iso-codes/json")
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    # opt-in (e.g. /usr/share/libgweather-4/Locations.xml): the build does
    # not use it, so that the gazetteer is the same on every machine
    ap.add_argument("--gweather", default="")
    ap.add_argument("--tzdata", default="/usr/share/zoneinfo/zone.tab")
    ap.add_argument("-o", "--out", required=True)
    a = ap.parse_args()
    g = Gazetteer()
    countries = {}
    regions = load_lists(g, a.data, countries)
    if not os.path.exists(os.path.join(a.iso, "iso_3166-1.json")):
        sys.exit(f"gazgen: {a.iso}/iso_3166-1.json missing "
                 "(apt-get install iso-codes)")
    load_iso(g, a.iso, countries)
    country_keys = {}
    for key, lst in g.names.items():
        for _, _, r in sorted(lst):
            if g.recs[r][3] == KIND_COUNTRY:
                country_keys.setdefault(key, g.recs[r][2])
                break
    n_wn = n_words = 0
    if os.path.exists(os.path.join(a.wordnet, "data.noun")):
        n_wn = load_wordnet(g, a.wordnet, regions, country_keys)
        n_words = load_words(g, a.wordnet)
    else:
        print(f"gazgen: warning: no WordNet in {a.wordnet} "
              "(apt-get install wordnet-base); fewer cities", file=sys.stderr)
    n_gw = n_tz = 0
    if a.gweather and os.path.exists(a.gweather):
        n_gw = load_gweather(g, a.gweather, regions)
    else:
        if a.gweather:
            print(f"gazgen: note: no {a.gweather} (apt-get install "
                  "libgweather-4-common); fewer cities", file=sys.stderr)
    if os.path.exists(a.tzdata):
        n_tz = load_tzdata(g, a.tzdata)
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    n_keys, n_recs, size = g.write(a.out)
    print(f"gazgen: {n_keys} names, {n_recs} places ({n_wn} WordNet, "
          f"{n_gw} GWeather, {n_tz} tzdata cities), {n_words} common words, "
          f"{size} bytes -> {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()

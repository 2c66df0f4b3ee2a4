/*
 * dateline: find and parse the dateline that opens a news story.
 *
 * A wire or newsroom story usually opens with the place it was filed from,
 * often with a date and an agency: "WASHINGTON, Feb 26 (Reuters) - ",
 * "KYIV, Ukraine (AP) — ", "NEW YORK, March 3, 2025 /PRNewswire/ -- ",
 * "TOKYO — ", or the place alone on its own line after the headline. This
 * plugin reads only the head of the document (a few lines, at most
 * `head_bytes`), recognises the dateline, resolves its place to a city,
 * region and ISO 3166-1 country with a gazetteer that is compiled at build
 * time (tools/gazgen.py) and mmap()ed here, and resolves the date's year
 * from the document's time (doc_time), across the turn of the year.
 *
 * It is deliberately conservative: a story that opens with an ordinary
 * sentence, a quotation or an all-caps acronym ("NATO allies agreed ...")
 * has no dateline. The rules that decide are in dl_accept(); the grammar of
 * a dateline is in dl_parse_at(); dl_find() looks for it past what web
 * feeds put before it: headline and byline lines, bylines in markup or on
 * the dateline's own line, feed prefixes ("SPACE.com - "), section labels
 * and wire tags. The gazetteer format is described in tools/gazgen.py, and
 * gaz_*() below reads it.
 *
 * Result (code-point offsets into the text):
 *   {"found": true, "start", "end", "body_start",
 *    "location": {"text", "city", "region", "country"} or null,
 *    "locations": [...] (only when the dateline names several places),
 *    "date": {"text", "iso"} or null, "agency": str or null}
 * or {"found": false}.
 */
#include <prism/plugin.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define DL_VERSION     "1.0.0"
#define DL_KEY_MAX     96 /* longest normalised name we look up, bytes */
#define DL_PLACE_MAX   64 /* longest place name in a dateline, bytes */
#define DL_WORDS_MAX   6  /* most words in one place name */
#define DL_PLACES_MAX  4  /* most places in "NEW YORK/LONDON/PARIS" */
#define DL_AGENCY_MAX  48 /* longest agency name, bytes */
#define DL_NAME_BUF    80 /* title-cased copy of an unknown place */
#define DL_GAZ_VERSION 1
#define DL_AHEAD_COST  3   /* a day ahead of publication weighs three back */
#define DL_TAG_MAX     300 /* longest markup tag we skip, bytes */

static const prism_host *host;

/* ---- the gazetteer file (see tools/gazgen.py) ---------------------------- */

enum {
    KIND_CITY = 1,
    KIND_REGION = 2,
    KIND_COUNTRY = 3,
    KIND_AGENCY = 4,
    KIND_WORD = 5, /* a common English word ("update", "soccer") */
    KIND_ORG = 6   /* a company or sports body ("Nokia", "NASCAR") */
};
enum { FLAG_ABBREV = 1 };

struct gaz_header {
    char magic[8];
    uint32_t version, n_slots, n_keys, n_refs, n_recs;
    uint32_t off_slots, off_keys, off_refs, off_recs, off_fold;
    uint32_t fold_first, fold_count, off_strings;
};

struct gaz_key {
    uint32_t str, hash, first_ref;
    uint16_t len, n_refs;
};

struct gaz_rec {
    uint32_t name, region;
    char cc[2];
    uint8_t kind, flags;
};

struct dl_gaz {
    const uint8_t *map;
    size_t size;
    const uint32_t *slots, *refs;
    const struct gaz_key *keys;
    const struct gaz_rec *recs;
    const uint8_t *fold;
    const char *strings;
    size_t strings_len;
    uint32_t n_slots, n_keys, n_refs, n_recs, fold_first, fold_count;
};

struct dl_state {
    struct dl_gaz gaz;
    bool has_words;     /* the gazetteer lists common words (KIND_WORD) */
    size_t head_bytes;  /* read at most this much of the text */
    unsigned max_lines; /* headline/byline lines before the dateline */
};

/* ---- small helpers --------------------------------------------------------
 */

static uint32_t fnv1a(const char *s, size_t n)
{
    uint32_t h = 0x811C9DC5u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint8_t)s[i]) * 0x01000193u;
    return h;
}

static bool is_upper(int c)
{
    return c >= 'A' && c <= 'Z';
}

static bool is_lower(int c)
{
    return c >= 'a' && c <= 'z';
}

static bool is_alpha(int c)
{
    return is_upper(c) || is_lower(c);
}

static bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static bool is_hspace(int c)
{
    return c == ' ' || c == '\t';
}

static bool is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

/* Length of the UTF-8 sequence at s[i] (the text is valid UTF-8). */
static size_t u8_len(const uint8_t *s, size_t i, size_t n)
{
    uint8_t c = s[i];
    size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return i + k <= n ? k : n - i;
}

/* The code point at s[i] (valid UTF-8 assumed; garbage reads as 0xFFFD). */
static inline uint32_t u8_cp(const uint8_t *s, size_t i, size_t n, size_t *k)
{
    uint8_t c = s[i];
    if (c < 0x80) { /* the common case, kept inline at every call */
        *k = 1;
        return c;
    }
    *k = u8_len(s, i, n);
    switch (*k) {
    case 1:
        return c < 0x80 ? c : 0xFFFD;
    case 2:
        return ((uint32_t)(c & 0x1F) << 6) | (s[i + 1] & 0x3F);
    case 3:
        return ((uint32_t)(c & 0x0F) << 12) |
               ((uint32_t)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
    default:
        return ((uint32_t)(c & 0x07) << 18) |
               ((uint32_t)(s[i + 1] & 0x3F) << 12) |
               ((uint32_t)(s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F);
    }
}

/* Letter case of a code point: 1 upper, -1 lower, 0 a letter without case
 * (or one we do not know), -2 not a letter. ASCII and Latin-1/Extended-A are
 * exact; other scripts above U+0250 count as caseless letters, except
 * punctuation and symbols in U+2000..U+2BFF and U+3000..U+303F. */
static int cp_case(uint32_t cp)
{
    if (cp < 0x80)
        return is_upper((int)cp) ? 1 : is_lower((int)cp) ? -1 : -2;
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
        return -2;
    if (cp < 0xDF)
        return 1;
    if (cp <= 0xFF)
        return -1;
    if (cp <= 0x137 || (cp >= 0x14A && cp <= 0x177))
        return (cp & 1) ? -1 : 1;
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
        return (cp & 1) ? 1 : -1;
    if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
        cp == 0xFEFF)
        return -2;
    return 0;
}

/* Is this code point a dash a newsroom types between dateline and body? */
static bool cp_is_dash(uint32_t cp)
{
    return cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0x2012 ||
           cp == 0x2015 || cp == 0x2212;
}

/* ---- loading the gazetteer ------------------------------------------------
 */

static bool gaz_range_ok(size_t size, uint32_t off, uint64_t len)
{
    return off <= size && len <= size - off;
}

static int gaz_open(struct dl_gaz *g, const char *path, char *err,
                    size_t errlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "cannot open gazetteer %s: %s", path,
                 strerror(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) < 0 || st.st_size < (off_t)sizeof(struct gaz_header)) {
        snprintf(err, errlen, "gazetteer %s is too short or unreadable", path);
        goto out_close;
    }
    void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
    if (map == MAP_FAILED) {
        snprintf(err, errlen, "cannot mmap gazetteer %s: %s", path,
                 strerror(errno));
        goto out_close;
    }
    close(fd);
    g->map = map;
    g->size = (size_t)st.st_size;
    struct gaz_header h;
    memcpy(&h, map, sizeof(h));
    if (memcmp(h.magic, "PRDLGAZ1", 8) != 0 || h.version != DL_GAZ_VERSION) {
        snprintf(err, errlen, "%s is not a dateline gazetteer (version %d)",
                 path, DL_GAZ_VERSION);
        goto out_unmap;
    }
    if (h.n_slots == 0 || (h.n_slots & (h.n_slots - 1)) != 0 ||
        h.n_keys >= h.n_slots ||
        (h.off_slots | h.off_keys | h.off_refs | h.off_recs | h.off_fold) % 4 !=
            0 ||
        !gaz_range_ok(g->size, h.off_slots, 4ull * h.n_slots) ||
        !gaz_range_ok(g->size, h.off_keys,
                      (uint64_t)sizeof(struct gaz_key) * h.n_keys) ||
        !gaz_range_ok(g->size, h.off_refs, 4ull * h.n_refs) ||
        !gaz_range_ok(g->size, h.off_recs,
                      (uint64_t)sizeof(struct gaz_rec) * h.n_recs) ||
        !gaz_range_ok(g->size, h.off_fold, 4ull * h.fold_count) ||
        h.off_strings >= g->size || g->map[g->size - 1] != 0) {
        snprintf(err, errlen, "gazetteer %s is corrupt", path);
        goto out_unmap;
    }
    g->n_slots = h.n_slots;
    g->n_keys = h.n_keys;
    g->n_refs = h.n_refs;
    g->n_recs = h.n_recs;
    g->fold_first = h.fold_first;
    g->fold_count = h.fold_count;
    g->slots = (const uint32_t *)(g->map + h.off_slots);
    g->keys = (const struct gaz_key *)(g->map + h.off_keys);
    g->refs = (const uint32_t *)(g->map + h.off_refs);
    g->recs = (const struct gaz_rec *)(g->map + h.off_recs);
    g->fold = g->map + h.off_fold;
    g->strings = (const char *)g->map + h.off_strings;
    g->strings_len = g->size - h.off_strings;
    /* Validate every index once so that lookups need no checks. */
    for (uint32_t i = 0; i < g->n_slots; i++)
        if (g->slots[i] > g->n_keys)
            goto out_corrupt;
    for (uint32_t i = 0; i < g->n_keys; i++) {
        const struct gaz_key *k = &g->keys[i];
        if (k->str >= g->strings_len ||
            (uint64_t)k->str + k->len >= g->strings_len ||
            (uint64_t)k->first_ref + k->n_refs > g->n_refs)
            goto out_corrupt;
    }
    for (uint32_t i = 0; i < g->n_refs; i++)
        if (g->refs[i] >= g->n_recs)
            goto out_corrupt;
    for (uint32_t i = 0; i < g->n_recs; i++)
        if (g->recs[i].name >= g->strings_len ||
            g->recs[i].region >= g->strings_len)
            goto out_corrupt;
    return 0;

out_corrupt:
    snprintf(err, errlen, "gazetteer %s is corrupt", path);
out_unmap:
    munmap((void *)g->map, g->size);
    g->map = NULL;
    return -1;
out_close:
    close(fd);
    return -1;
}

static const char *gaz_str(const struct dl_gaz *g, uint32_t off)
{
    return g->strings + off;
}

/*
 * Normalise a name as tools/gazgen.py's norm_key() does: ASCII letters and
 * digits upper-cased, Latin letters folded with the file's fold table, dots
 * and apostrophes dropped, hyphens, slashes and space runs made one space.
 * Writes at most cap bytes; returns the length, or -1 when it does not fit.
 */
static int dl_norm(const struct dl_gaz *g, const char *src, size_t n, char *buf,
                   size_t cap)
{
    const uint8_t *s = (const uint8_t *)src;
    size_t o = 0;
    bool space = false;
    for (size_t i = 0; i < n;) {
        size_t k;
        uint32_t cp = u8_cp(s, i, n, &k);
        const char *rep = NULL;
        if ((cp == ' ' || cp == '&') && i + 5 <= n &&
            memcmp(src + i + 1, "#39;", 4) == 0) {
            i += 5; /* " #39;", "&#39;": an apostrophe, dropped */
            continue;
        }
        size_t rep_len = 0;
        char one;
        if (cp < 0x80) {
            if (is_alpha((int)cp) || is_digit((int)cp)) {
                one = (char)(is_lower((int)cp) ? cp - 32 : cp);
                rep = &one;
                rep_len = 1;
            } else if (cp == '-' || is_space((int)cp) || cp == '/' ||
                       cp == '_') {
                space = o > 0;
            } else if (cp == '.' || cp == '\'' || cp == '`') {
                /* dropped */
            } else {
                one = (char)cp;
                rep = &one;
                rep_len = 1;
            }
        } else if (cp == 0x2019 || cp == 0x2018 || cp == 0x2BC) {
            /* apostrophes: dropped */
        } else if (cp >= g->fold_first && cp - g->fold_first < g->fold_count) {
            const uint8_t *f = g->fold + 4 * (cp - g->fold_first);
            if (f[0] == 0xFF) {
                /* dropped */
            } else if (f[0] == ' ') {
                space = o > 0;
            } else if (f[0] != 0) {
                rep = (const char *)f;
                rep_len = f[1] == 0 ? 1 : f[2] == 0 ? 2 : f[3] == 0 ? 3 : 4;
            } else {
                rep = src + i;
                rep_len = k;
            }
        } else {
            rep = src + i;
            rep_len = k;
        }
        if (rep_len) {
            if (space) {
                if (o + 1 > cap)
                    return -1;
                buf[o++] = ' ';
                space = false;
            }
            if (o + rep_len > cap)
                return -1;
            memcpy(buf + o, rep, rep_len);
            o += rep_len;
        }
        i += k;
    }
    return (int)o;
}

/* The gazetteer entry of a normalised key, or NULL. */
static const struct gaz_key *gaz_find(const struct dl_gaz *g, const char *key,
                                      size_t n)
{
    if (!g->map || n == 0)
        return NULL;
    uint32_t h = fnv1a(key, n), mask = g->n_slots - 1;
    for (uint32_t j = h & mask, probes = 0; probes < g->n_slots;
         j = (j + 1) & mask, probes++) {
        uint32_t slot = g->slots[j];
        if (slot == 0)
            return NULL;
        const struct gaz_key *k = &g->keys[slot - 1];
        if (k->hash == h && k->len == n &&
            memcmp(g->strings + k->str, key, n) == 0)
            return k;
    }
    return NULL;
}

/* Look a name as written in the text up. */
static const struct gaz_key *gaz_lookup(const struct dl_gaz *g, const char *s,
                                        size_t n)
{
    char buf[DL_KEY_MAX];
    int len = dl_norm(g, s, n, buf, sizeof(buf));
    return len > 0 ? gaz_find(g, buf, (size_t)len) : NULL;
}

/* The i-th record of a key. */
static const struct gaz_rec *gaz_rec(const struct dl_gaz *g,
                                     const struct gaz_key *k, uint32_t i)
{
    return &g->recs[g->refs[k->first_ref + i]];
}

/* The first record of a key whose kind is in the mask (1 << kind); with
 * abbrev false, region abbreviations ("Ga.") are skipped. */
static const struct gaz_rec *gaz_first(const struct dl_gaz *g,
                                       const struct gaz_key *k, unsigned kinds,
                                       bool abbrev)
{
    if (!k)
        return NULL;
    for (uint32_t i = 0; i < k->n_refs; i++) {
        const struct gaz_rec *r = gaz_rec(g, k, i);
        if ((kinds & (1u << r->kind)) && (abbrev || !(r->flags & FLAG_ABBREV)))
            return r;
    }
    return NULL;
}

/* Is the word [s, e) (letters only) a common English word, or a plural or
 * inflection of one ("UPDATES", "RATED", "TRADING")? */
static bool gaz_common_word(const struct dl_gaz *g, const char *s, size_t n)
{
    static const char *const endings[] = {"S",   "ES", "ED", "D",   "ING",
                                          "ERS", "ER", "LY", "IES", NULL};
    char buf[DL_KEY_MAX];
    int len = dl_norm(g, s, n, buf, sizeof(buf) - 1);
    if (len < 3)
        return false;
    if (gaz_first(g, gaz_find(g, buf, (size_t)len), 1u << KIND_WORD, true))
        return true;
    for (const char *const *e = endings; *e; e++) {
        size_t k = strlen(*e);
        if ((size_t)len < k + 3 || memcmp(buf + len - k, *e, k) != 0)
            continue;
        size_t stem = (size_t)len - k;
        if (strcmp(*e, "IES") == 0)
            buf[stem++] = 'Y'; /* "COMPANIES" -> "COMPANY" */
        if (gaz_first(g, gaz_find(g, buf, stem), 1u << KIND_WORD, true))
            return true;
        if (strcmp(*e, "IES") == 0)
            memcpy(buf + stem - 1, "IES", 3);
    }
    return false;
}

#define PLACE_KINDS                                                            \
    ((1u << KIND_CITY) | (1u << KIND_REGION) | (1u << KIND_COUNTRY))
#define AREA_KINDS ((1u << KIND_REGION) | (1u << KIND_COUNTRY))

/* ---- the text cursor ------------------------------------------------------
 */

struct dl_text {
    const char *s;
    const uint8_t *u;
    size_t n; /* bytes we may read: min(text length, head_bytes) */
};

static int ch(const struct dl_text *t, size_t i)
{
    return i < t->n ? (uint8_t)t->s[i] : 0;
}

static size_t skip_hspace(const struct dl_text *t, size_t i)
{
    for (;;) {
        if (i < t->n && is_hspace(t->s[i]))
            i++;
        else if (i + 1 < t->n && (uint8_t)t->s[i] == 0xC2 &&
                 (uint8_t)t->s[i + 1] == 0xA0)
            i += 2; /* NBSP */
        else
            return i;
    }
}

/* Are a and b (n bytes) equal but for ASCII case? */
static bool eq_ci(const char *a, const char *b, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        int x = (uint8_t)a[k], y = (uint8_t)b[k];
        if (x >= 'A' && x <= 'Z')
            x += 32;
        if (y >= 'A' && y <= 'Z')
            y += 32;
        if (x != y)
            return false;
    }
    return true;
}

/* Case-insensitive ASCII prefix test. */
static bool starts_ci(const struct dl_text *t, size_t i, const char *w)
{
    size_t k = 0;
    for (; w[k]; k++) {
        int c = ch(t, i + k);
        if (c >= 'A' && c <= 'Z')
            c += 32;
        if (c != w[k])
            return false;
    }
    return true;
}

/* Markup debris that scrapers leave at the head: "<p>", "&lt;p&gt;",
 * tags with attributes ("&lt;img src=... &gt;", "<a href=...>"), comments
 * ("&lt;!-- ... --&gt;"), "&nbsp;" and "&#160;", also escaped twice
 * ("&amp;nbsp;"). Returns the end of one such item at i, or i. */
static size_t skip_markup(const struct dl_text *t, size_t i)
{
    if (ch(t, i) == '<') {
        size_t j = i + 1;
        if (ch(t, j) == '/')
            j++;
        if (!is_alpha(ch(t, j)) && ch(t, j) != '!')
            return i;
        while (j < t->n && j - i < DL_TAG_MAX && t->s[j] != '>' &&
               t->s[j] != '<' && t->s[j] != '\n')
            j++;
        return ch(t, j) == '>' ? j + 1 : i;
    }
    if (starts_ci(t, i, "&lt;")) {
        size_t j = i + 4;
        if (ch(t, j) == '/')
            j++;
        if (!is_alpha(ch(t, j)) && ch(t, j) != '!')
            return i;
        while (j < t->n && j - i < DL_TAG_MAX && !starts_ci(t, j, "&gt;") &&
               !starts_ci(t, j, "&lt;") && t->s[j] != '\n')
            j++;
        return starts_ci(t, j, "&gt;") ? j + 4 : i;
    }
    if (starts_ci(t, i, "&nbsp;"))
        return i + 6;
    if (starts_ci(t, i, "&amp;nbsp;"))
        return i + 10;
    if (starts_ci(t, i, "&#160;"))
        return i + 6;
    return i;
}

/* Skip white space (line breaks included) and markup. */
static size_t skip_blank(const struct dl_text *t, size_t i)
{
    for (;;) {
        size_t j = i;
        while (j < t->n && is_space(t->s[j]))
            j++;
        while (j + 1 < t->n && (uint8_t)t->s[j] == 0xC2 &&
               (uint8_t)t->s[j + 1] == 0xA0)
            j += 2; /* NBSP */
        while (j < t->n && t->s[j] == '*')
            j++; /* wire junk: "****LONDON" */
        while (j < t->n && t->s[j] == '\\') {
            /* a line break a scraper escaped: "&lt;p&gt;\&lt;/p&gt;",
             * "Reporter\(HealthDayNews)", "Writer\nWASHINGTON" */
            j++;
            if (ch(t, j) == 'n' && !is_lower(ch(t, j + 1)))
                j++;
        }
        if (j + 2 < t->n && memcmp(t->s + j, "...", 3) == 0)
            j += 3; /* an ellipsis before a byline */
        else if (j + 2 < t->n && memcmp(t->s + j, "\xE2\x80\xA6", 3) == 0)
            j += 3;
        j = skip_markup(t, j);
        if (j == i)
            return i;
        i = j;
    }
}

static size_t line_end(const struct dl_text *t, size_t i)
{
    const char *nl = memchr(t->s + i, '\n', t->n - i);
    return nl ? (size_t)(nl - t->s) : t->n;
}

/* The end of the paragraph that starts at i on a line ending at le: the
 * first markup tag ("&lt;/p&gt;&lt;p&gt;", "<br>") or line break a scraper
 * escaped as a backslash, or le. */
static size_t para_end(const struct dl_text *t, size_t i, size_t le)
{
    for (size_t k = i + 1; k < le; k++) {
        int c = t->s[k];
        if ((c == '<' || c == '&') && skip_markup(t, k) > k &&
            !starts_ci(t, k, "&nbsp;"))
            return k;
        if (c == '\\')
            return k;
    }
    return le;
}

/* ---- words ----------------------------------------------------------------
 */

struct dl_word {
    size_t s, e;    /* byte span */
    int upper;      /* letters in upper case */
    int lower;      /* letters in lower case */
    int letters;    /* all letters, caseless ones included */
    bool first_up;  /* the first letter is upper case */
    bool first_lo;  /* the first letter is lower case */
    bool has_digit; /* a digit inside: not a place */
    bool dot_end;   /* ends with a dot that belongs to it ("St.", "D.C.") */
};

/*
 * Read one word at i: letters (any script), with inner dots, hyphens and
 * apostrophes ("WINSTON-SALEM", "N'DJAMENA", "U.S.", "ST. JOHN'S"), and a
 * trailing dot when the word is an abbreviation (it holds an inner dot or
 * is at most four letters: "St.", "Ft.", "Calif.", "Ga."). Returns false
 * when no letter is at i.
 */
static bool read_word(const struct dl_text *t, size_t i, struct dl_word *w)
{
    memset(w, 0, sizeof(*w));
    w->s = i;
    size_t j = i;
    bool inner_dot = false;
    while (j < t->n) {
        size_t k;
        uint32_t cp = u8_cp(t->u, j, t->n, &k);
        int c = cp_case(cp);
        if (c >= -1) {
            if (w->letters == 0) {
                w->first_up = c == 1;
                w->first_lo = c == -1;
            }
            w->letters++;
            w->upper += c == 1;
            w->lower += c == -1;
            j += k;
            continue;
        }
        if (is_digit((int)cp)) {
            w->has_digit = true;
            j++;
            continue;
        }
        /* an apostrophe a scraper wrote as " #39;" or "&#39;":
         * "ST. GEORGE #39;S", "Britain #39;s" */
        if ((cp == ' ' || cp == '&') && w->letters > 0 && j + 5 < t->n &&
            memcmp(t->s + j + 1, "#39;", 4) == 0 && is_alpha(ch(t, j + 5))) {
            j += 5;
            continue;
        }
        /* inner joiners: a letter must follow */
        if ((cp == '-' || cp == '\'' || cp == 0x2019 || cp == '.') &&
            w->letters > 0) {
            size_t k2;
            uint32_t next = j + k < t->n ? u8_cp(t->u, j + k, t->n, &k2) : 0;
            if (cp_case(next) >= -1) {
                inner_dot |= cp == '.';
                j += k;
                continue;
            }
            if (cp == '.' && (inner_dot || w->letters <= 5)) {
                w->dot_end = true;
                j += k;
            }
        }
        break;
    }
    w->e = j;
    return w->letters > 0;
}

/* Upper-case word ("TOKYO", "SÃO", "McLEAN", "D.C."). */
static bool word_caps(const struct dl_word *w, const struct dl_text *t)
{
    if (w->lower == 0)
        return w->upper > 0 || w->letters > 0;
    /* "McLEAN", "MacDILL": a Mc/Mac prefix with the rest in capitals */
    if (w->lower == 1 && w->letters > 3 && t->s[w->s] == 'M' &&
        t->s[w->s + 1] == 'c')
        return true;
    return false;
}

/* Lower-case particles inside a mixed-case place ("Rio de Janeiro"). */
static bool word_particle(const struct dl_text *t, const struct dl_word *w)
{
    static const char *const particles[] = {
        "de",  "da",  "do",   "dos", "das", "del", "della", "di",  "du",
        "la",  "le",  "les",  "el",  "al",  "es",  "en",    "am",  "an",
        "of",  "on",  "upon", "sur", "y",   "van", "von",   "der", "den",
        "ter", "bin", "ibn",  "aan", "im",  "ob",  "sous",  NULL};
    size_t n = w->e - w->s;
    for (const char *const *p = particles; *p; p++)
        if (strlen(*p) == n && memcmp(t->s + w->s, *p, n) == 0)
            return true;
    return false;
}

/* ---- dates ----------------------------------------------------------------
 */

struct dl_date {
    size_t s, e;          /* the date as written */
    int year, month, day; /* 0 when absent */
    bool bad_day;         /* a day was written but is no day: "March 119" */
};

/* Is a one edit (a letter changed, added, dropped, or two swapped) from b? */
static bool one_edit(const char *a, size_t na, const char *b, size_t nb)
{
    size_t i = 0;
    while (i < na && i < nb && a[i] == b[i])
        i++;
    if (na == nb) {
        if (i == na)
            return true;
        if (memcmp(a + i + 1, b + i + 1, na - i - 1) == 0)
            return true; /* changed */
        return i + 1 < na && a[i] == b[i + 1] && a[i + 1] == b[i] &&
               memcmp(a + i + 2, b + i + 2, na - i - 2) == 0; /* swapped */
    }
    if (na + 1 == nb)
        return memcmp(a + i, b + i + 1, na - i) == 0; /* dropped */
    if (nb + 1 == na)
        return memcmp(a + i + 1, b + i, nb - i) == 0; /* added */
    return false;
}

/*
 * Month at i: 1..12 and the end of its name (a dot included), or 0. Accepts
 * full names and their prefixes of three letters or more ("Feb", "Sept",
 * "Marc"), in any case, and the Spanish abbreviations ene/abr/ago/dic. With
 * typos true, also a full name with one typing error ("Narch", "Macrh");
 * *typo is then set, and the caller must see a day after it.
 */
static int read_month(const struct dl_text *t, size_t i, size_t *end,
                      bool typos, bool *typo)
{
    static const char *const names[] = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    static const struct {
        const char *w;
        int m;
    } spanish[] = {{"ene", 1}, {"abr", 4}, {"ago", 8}, {"dic", 12}};
    size_t n = 0;
    char w[12];
    *typo = false;
    if (!memchr("JFMASONDEjfmasonde", ch(t, i) ? ch(t, i) : '?', 18))
        return 0; /* fast path: no month starts with this */
    while (n < sizeof(w) && is_alpha(ch(t, i + n))) {
        int c = ch(t, i + n);
        w[n++] = (char)(c < 'a' ? c + 32 : c);
    }
    if (n < 3 || n >= sizeof(w) || is_alpha(ch(t, i + n)))
        return 0;
    int month = 0;
    for (int m = 0; m < 12 && !month; m++) {
        size_t full = strlen(names[m]);
        if (n <= full && memcmp(w, names[m], n) == 0)
            month = m + 1;
    }
    for (size_t k = 0; !month && n == 3 && k < 4; k++)
        if (memcmp(w, spanish[k].w, 3) == 0)
            month = spanish[k].m;
    for (int m = 0; !month && typos && n >= 4 && m < 12; m++) {
        size_t full = strlen(names[m]);
        if (full >= 5 && one_edit(w, n, names[m], full)) {
            month = m + 1;
            *typo = true;
        }
    }
    if (!month)
        return 0;
    if (ch(t, i + n) == '.')
        n++;
    *end = i + n;
    return month;
}

/* Digits at i (at most max): the value, or -1. */
static int read_num(const struct dl_text *t, size_t i, size_t max, size_t *end)
{
    int v = 0;
    size_t k = 0;
    while (k < max && is_digit(ch(t, i + k)))
        v = v * 10 + (ch(t, i + k++) - '0');
    if (k == 0 || is_digit(ch(t, i + k)) || is_alpha(ch(t, i + k)))
        return -1;
    *end = i + k;
    return v;
}

static bool read_weekday(const struct dl_text *t, size_t i, size_t *end)
{
    static const char *const days[] = {"monday",   "tuesday", "wednesday",
                                       "thursday", "friday",  "saturday",
                                       "sunday"};
    if (!memchr("MTWFSmtwfs", ch(t, i) ? ch(t, i) : '?', 10))
        return false;
    int c0 = ch(t, i) | 32;
    for (int d = 0; d < 7; d++) {
        if (days[d][0] != c0 ||
            !starts_ci(t, i, (char[]){days[d][0], days[d][1], days[d][2], 0}))
            continue;
        size_t n = strlen(days[d]);
        if (starts_ci(t, i, days[d]) && !is_alpha(ch(t, i + n))) {
            *end = i + n;
            return true;
        }
        if (!is_alpha(ch(t, i + 3))) {
            *end = i + 3 + (ch(t, i + 3) == '.');
            return true;
        }
    }
    return false;
}

/* A day: up to three digits (more than 31 is a typo the caller keeps as
 * written), with an optional ordinal suffix ("17th"). */
static int read_day(const struct dl_text *t, size_t i, size_t *end)
{
    size_t e;
    int v = 0;
    size_t k = 0;
    while (k < 3 && is_digit(ch(t, i + k)))
        v = v * 10 + (ch(t, i + k++) - '0');
    if (k == 0 || is_digit(ch(t, i + k)))
        return -1;
    e = i + k;
    if (starts_ci(t, e, "st") || starts_ci(t, e, "nd") ||
        starts_ci(t, e, "rd") || starts_ci(t, e, "th"))
        e += 2;
    if (is_alpha(ch(t, e)))
        return -1;
    *end = e;
    return v;
}

/* An optional ", 2025" or " 2025" after a day. */
static size_t read_year(const struct dl_text *t, size_t i, int *year)
{
    size_t j = i;
    if (ch(t, j) == ',')
        j++;
    j = skip_hspace(t, j);
    size_t e;
    int y = read_num(t, j, 4, &e);
    if (y >= 1900 && y <= 2199 && e - j == 4) {
        *year = y;
        return e;
    }
    return i;
}

/*
 * A dateline date at i: "Feb 26", "Sept. 30", "March 3, 2025", "2 March",
 * "7 September 2004", "Monday, Sept. 20", "8/24/2004", or a month alone
 * ("CHICAGO, April - ", then month is set and day is 0). Returns false when
 * no date is at i.
 */
static bool read_date(const struct dl_text *t, size_t i, struct dl_date *d)
{
    memset(d, 0, sizeof(*d));
    d->s = i;
    size_t j = i, e;
    if (read_weekday(t, i, &e)) {
        j = e;
        if (ch(t, j) == ',')
            j++;
        j = skip_hspace(t, j);
        if (j == e)
            return false;
    }
    bool typo;
    int m = read_month(t, j, &e, true, &typo);
    if (m) {
        d->month = m;
        size_t k = skip_hspace(t, e);
        bool dotted = ch(t, e - 1) == '.';
        int day = k > e || dotted ? read_day(t, k, &e) : -1;
        if (day >= 1 && day <= 31) {
            d->day = day;
            e = read_year(t, e, &d->year);
        } else if (day > 31) {
            d->bad_day = true; /* "March 119": written, but no date */
        } else if (d->s != j || typo) {
            return false; /* "Monday, April", "Narch" */
        }
        d->e = e;
        return true;
    }
    if (j == i) { /* 2004-08-17, 2004/08/17 */
        size_t k1 = i, k2 = i, k3 = i;
        int y = read_num(t, i, 4, &k1);
        int ys = ch(t, k1);
        if (y >= 1900 && k1 == i + 4 && (ys == '-' || ys == '/')) {
            int mo = read_num(t, k1 + 1, 2, &k2);
            int dd = ch(t, k2) == ys ? read_num(t, k2 + 1, 2, &k3) : -1;
            if (mo >= 1 && mo <= 12 && dd >= 1 && dd <= 31) {
                d->year = y;
                d->month = mo;
                d->day = dd;
                d->e = k3;
                return true;
            }
            return false;
        }
    }
    int a = read_day(t, j, &e);
    if (a < 1 || a > 31)
        return false;
    if (is_hspace(ch(t, e))) {
        size_t k = skip_hspace(t, e);
        m = read_month(t, k, &e, false, &typo);
        if (!m)
            return false;
        d->day = a;
        d->month = m;
        d->e = read_year(t, e, &d->year);
        return true;
    }
    int sep = ch(t, e);
    if (sep == '/' || sep == '.') {
        /* 8/24/2004, 8/24/04 (month first, as in the US) and, when that is
         * no date, 24/08/2004 and 24.08.2004 (day first) */
        size_t k;
        int b = read_num(t, e + 1, 2, &k);
        if (b < 1 || b > 31 || ch(t, k) != sep)
            return false;
        size_t k2;
        int y = read_num(t, k + 1, 4, &k2);
        if (y < 0 || (k2 - k - 1 != 2 && k2 - k - 1 != 4))
            return false;
        bool month_first = sep == '/' ? a <= 12 : b > 12;
        if (month_first ? a > 12 : b > 12)
            return false;
        d->month = month_first ? a : b;
        d->day = month_first ? b : a;
        d->year = y >= 100 ? y : y < 50 ? 2000 + y : 1900 + y;
        d->e = k2;
        return true;
    }
    return false;
}

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static int days_in_month(int64_t y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : dm[m - 1];
}

/*
 * The ISO date of a dateline date, its year taken from the document's time.
 * A dateline names the day the story was filed, which is rarely later than
 * its publication: of the previous, same and next year, take the nearest,
 * counting days ahead of the document's time DL_AHEAD_COST times. So a
 * "Dec 31" dateline on a story published on 2 January is last year's,
 * "Jan 2" on a story stamped 31 December is next year's, and a date that
 * is a few weeks ahead (a typo, a wrong clock) stays in the same year.
 * Returns false when the date has no day or is not a real date.
 */
static bool resolve_iso(const struct dl_date *d, int64_t now, char out[11])
{
    if (!d->month || !d->day)
        return false;
    int64_t year = d->year;
    if (!year) {
        int64_t today = now >= 0 ? now / 86400 : (now - 86399) / 86400;
        int64_t y0;
        int m0, d0;
        civil_from_days(today, &y0, &m0, &d0);
        int64_t best = 0, best_cost = INT64_MAX;
        for (int64_t y = y0 - 1; y <= y0 + 1; y++) {
            if (d->day > days_in_month(y, d->month))
                continue;
            int64_t ahead = days_from_civil(y, d->month, d->day) - today;
            int64_t cost = ahead > 0 ? ahead * DL_AHEAD_COST : -ahead;
            if (cost < best_cost) {
                best_cost = cost;
                best = y;
            }
        }
        if (best_cost == INT64_MAX) /* Feb 29 with no leap year near */
            return false;
        year = best;
    }
    if (year < 1 || year > 9999 || d->day > days_in_month(year, d->month))
        return false;
    /* "YYYY-MM-DD" by hand: snprintf cost as much as the whole parse */
    int y = (int)year;
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + d->month / 10);
    out[6] = (char)('0' + d->month % 10);
    out[7] = '-';
    out[8] = (char)('0' + d->day / 10);
    out[9] = (char)('0' + d->day % 10);
    out[10] = '\0';
    return true;
}

/* ---- places ---------------------------------------------------------------
 */

struct dl_place {
    size_t s, e; /* the place name as written */
    bool caps;   /* written in capitals */
    bool loose;  /* words in any case ("La paz", "GARDEN Grove") */
    bool glued;  /* the body follows with no space: "NEW YORKFewer" */
    bool cut;    /* cut before a sentence opener: "Boston The jury" */
    int words;
};

static bool function_opener(const struct dl_text *t, size_t i);

/*
 * A word in capitals glued to the capitalised word after it, where a
 * scraper lost the dash and the space ("YORKFewer", "WASHINGTONThe"):
 * returns where the second word starts, or 0. The capitals must be three
 * letters or more and the second word must have two lower-case letters at
 * least, so "CEOs" and "PCs" are words, not glued pairs.
 */
static size_t glued_split(const struct dl_text *t, const struct dl_word *w)
{
    size_t q = w->s;
    int caps = 0;
    while (q < w->e && !is_lower(ch(t, q))) {
        caps += is_upper(ch(t, q));
        if (ch(t, q) >= 0x80)
            return 0;
        q++;
    }
    if (q >= w->e || caps < 4 || !is_upper(ch(t, q - 1)))
        return 0;
    size_t k = q;
    while (k < w->e && is_lower(ch(t, k)))
        k++;
    if (k - q == 1 && k == w->e && ch(t, k) == ' ' && caps >= 5 &&
        function_opener(t, q - 1))
        return q - 1; /* "WASHINGTONIn a ...", "LONDONAn ..." */
    return k - q >= 2 && (k == w->e || !is_alpha(ch(t, k))) ? q - 1 : 0;
}

/*
 * A place name at i: up to DL_WORDS_MAX words separated by one space, all in
 * capitals ("NEW YORK", "RIO DE JANEIRO", "ST. LOUIS") or all capitalised
 * with lower-case particles between ("Kyiv", "Rio de Janeiro", "St Louis").
 * It ends before the first word of the other kind, so "NATO allies" gives
 * "NATO" and "BOSTON The jury" gives "BOSTON".
 */
static bool read_place(const struct dl_text *t, size_t i, struct dl_place *p)
{
    memset(p, 0, sizeof(*p));
    p->s = i;
    struct dl_word w;
    if (!read_word(t, i, &w) || w.has_digit || !w.first_up || w.letters > 40)
        return false;
    if (w.e - w.s == 2 && (t->s[i] | 32) == 'b' && (t->s[i + 1] | 32) == 'y' &&
        ch(t, w.e) == ' ')
        return false; /* "By Jane Doe": a byline, not a place */
    p->caps = word_caps(&w, t) && w.letters >= 2;
    if (!p->caps && w.lower == 0)
        return false; /* "A", "I" */
    size_t split = p->caps ? 0 : glued_split(t, &w);
    if (split) { /* "WASHINGTONThe Senate" */
        p->caps = true;
        p->glued = true;
        p->e = split;
        p->words = 1;
        return true;
    }
    p->e = w.e;
    p->words = 1;
    size_t j = w.e;
    size_t last_good = w.e;
    int good_words = 1;
    while (p->words < DL_WORDS_MAX) {
        size_t k = j;
        if (ch(t, k) != ' ')
            break;
        k++;
        if (!read_word(t, k, &w) || w.has_digit)
            break;
        if (p->caps) {
            if (!word_caps(&w, t)) {
                split = glued_split(t, &w);
                if (split) { /* "NEW YORKFewer" */
                    last_good = split;
                    good_words = p->words + 1;
                    p->glued = true;
                }
                break;
            }
        } else if (!w.first_up || word_caps(&w, t)) {
            if (!(w.first_lo && word_particle(t, &w)))
                break;
        } else if (w.dot_end && w.letters >= 2 && w.letters <= 5 &&
                   !starts_ci(t, w.s, "st.") && !starts_ci(t, w.s, "ste.") &&
                   !starts_ci(t, w.s, "mt.") && !starts_ci(t, w.s, "ft.")) {
            break; /* "Pontiac Mich. - ": a state, its comma lost */
        }
        j = w.e;
        p->words++;
        if (w.first_up || p->caps) {
            last_good = j;
            good_words = p->words;
        }
        if (j - p->s > DL_PLACE_MAX)
            return false;
    }
    p->e = last_good; /* never end on a particle */
    p->words = good_words;
    return true;
}

/*
 * A place in careless case, read only when a date must follow: up to four
 * words of letters in any case before a comma ("La paz, march 4",
 * "GARDEN Grove, Calif.", "peoria, april 7", "FARMINGTON Conn.").
 */
static bool read_place_loose(const struct dl_text *t, size_t i,
                             struct dl_place *p)
{
    memset(p, 0, sizeof(*p));
    p->s = i;
    p->loose = true;
    size_t j = i;
    struct dl_word w;
    if (starts_ci(t, i, "by ") || function_opener(t, i))
        return false; /* a byline; a sentence ("The talks in WARSAW, ") */
    while (p->words < 4) {
        if (!read_word(t, j, &w) || w.has_digit)
            return false;
        /* a full stop inside ends a sentence ("Breaking news. WARSAW, ");
         * only short abbreviations and initials ("St.", "Mt.", "J.") may
         * carry a dot before the last word */
        if (w.dot_end && ch(t, w.e) == ' ' && w.letters > 3)
            return false;
        p->words++;
        p->caps &= w.lower == 0;
        j = w.e;
        if (ch(t, j) != ' ' || ch(t, skip_hspace(t, j)) == ',')
            break;
        j++;
    }
    p->e = j;
    return j - i <= DL_PLACE_MAX && ch(t, skip_hspace(t, j)) == ',';
}

/* ---- agencies -------------------------------------------------------------
 */

struct dl_agency {
    size_t s, e; /* the agency name as written */
    size_t end;  /* the end of its markup: ")", "/", ")--" */
};

/*
 * An agency after the place or date: "(Reuters)", "(AP)", "(CNN/Money)",
 * "/PRNewswire/", "/PRNewswire-FirstCall/", "--(Business Wire)--". Any short
 * parenthesised name that starts with a capital or digit counts here.
 */
static bool read_agency(const struct dl_text *t, size_t i, struct dl_agency *a)
{
    size_t j = i;
    bool dashes = ch(t, j) == '-' && ch(t, j + 1) == '-' && ch(t, j + 2) == '(';
    if (dashes)
        j += 2;
    int open = ch(t, j);
    if (open != '(' && open != '/')
        return false;
    int close = open == '(' ? ')' : '/';
    size_t s = open == '(' ? skip_hspace(t, j + 1) : j + 1, k = s;
    /* "( Reuters )": spaces inside the parentheses */
    if (!is_alpha(ch(t, s)) && !is_digit(ch(t, s)) && !(ch(t, s) >= 0x80))
        return false;
    while (k < t->n && k - s <= DL_AGENCY_MAX && t->s[k] != close &&
           t->s[k] != '\n' && t->s[k] != '(' && t->s[k] != ')')
        k++;
    if (ch(t, k) != close || k == s || k - s > DL_AGENCY_MAX)
        return false;
    a->s = s;
    a->e = k;
    while (a->e > a->s && is_hspace(t->s[a->e - 1]))
        a->e--;
    a->end = k + 1;
    if (dashes && ch(t, a->end) == '-' && ch(t, a->end + 1) == '-')
        a->end += 2;
    return true;
}

/* ---- separators -----------------------------------------------------------
 */

enum sep_kind {
    SEP_NONE = 0,
    SEP_DASH,  /* " - " */
    SEP_DASH2, /* " -- ", " — ", " – " */
    SEP_COLON, /* ": " */
    SEP_LINE,  /* the dateline is alone on its line */
    SEP_LOST,  /* no separator: "BOSTON The jury" */
};

/*
 * The separator between dateline and body at i (spaces before it allowed):
 * a dash of any kind, a colon, or the end of the line. Sets *end to just
 * after it.
 */
static enum sep_kind read_sep(const struct dl_text *t, size_t i, size_t *end)
{
    size_t j = skip_hspace(t, i);
    /* a stop before the dash: "(AFP).- ", "Aug. 23. - " */
    if (ch(t, j) == '.' && ch(t, skip_hspace(t, j + 1)) == '-' &&
        (j == i || ch(t, j + 1) == '-' || is_hspace(ch(t, j + 1))))
        j = skip_hspace(t, j + 1);
    size_t k;
    uint32_t cp = j < t->n ? u8_cp(t->u, j, t->n, &k) : 0;
    if (cp_is_dash(cp)) {
        size_t e = j + k;
        int count = 1;
        while (e < t->n) {
            size_t k2;
            uint32_t c2 = u8_cp(t->u, e, t->n, &k2);
            if (!cp_is_dash(c2))
                break;
            e += k2;
            count++;
        }
        bool wide = count > 1 || cp != '-';
        /* a lone hyphen must stand apart from one side at least:
         * "WINSTON-SALEM" is a word, "March 2 -The" is a dateline */
        if (!wide && j == i && !(e >= t->n || is_space(ch(t, e))) &&
            !(i > 0 && t->s[i - 1] == ')'))
            return SEP_NONE; /* but "(Reuters)-Stocks" */
        if (count > 3)
            return SEP_NONE;
        *end = e;
        return wide ? SEP_DASH2 : SEP_DASH;
    }
    /* a dash as an HTML entity, whole or with its "&" lost by a scraper */
    /* "&#151;" and "&#150;" are the em and en dash of Windows-1252 that
     * many pages wrote as numeric references */
    static const char *const entities[] = {
        "mdash;",  "ndash;", "#8212;", "#8211;", "#x2014;",
        "#x2013;", "#151;",  "#150;",  "#45;",   NULL};
    size_t a = j + (cp == '&');
    bool entity = cp == '&' || (j > i && (cp == '#' || cp == 'm' || cp == 'n' ||
                                          cp == 'M' || cp == 'N'));
    for (const char *const *e = entities; entity && *e; e++) {
        if (starts_ci(t, a, *e)) {
            *end = a + strlen(*e);
            return SEP_DASH2;
        }
    }
    if (cp == ':') { /* ":-", ": -", ":--" */
        size_t d = skip_hspace(t, j + 1);
        if (ch(t, d) == '-') {
            size_t e = d;
            while (ch(t, e) == '-' && e - d < 3)
                e++;
            if (e >= t->n || is_space(ch(t, e))) {
                *end = e;
                return e - d > 1 ? SEP_DASH2 : SEP_DASH;
            }
        }
    }
    if (cp == ':' && (j + 1 >= t->n || is_space(ch(t, j + 1)))) {
        *end = j + 1;
        return SEP_COLON;
    }
    if (cp == '\r')
        j++;
    if (j >= t->n || ch(t, j) == '\n') {
        *end = j;
        return SEP_LINE;
    }
    /* a paragraph tag a scraper kept: "ATHENS&lt;/p&gt;&lt;p&gt;The ...",
     * "October 31, 2004<br>The ..." */
    if ((cp == '<' || cp == '&') && !starts_ci(t, j, "&nbsp;") &&
        skip_markup(t, j) > j) {
        *end = j;
        return SEP_LINE;
    }
    /* a line break a scraper escaped: "ATHENS\\nThe ..." or "ATHENS\\The" */
    if (cp == '\\') {
        *end = j + 1 + (ch(t, j + 1) == 'n' && is_upper(ch(t, j + 2)));
        return SEP_LINE;
    }
    return SEP_NONE;
}

/*
 * Could the one word of p, in capitals and unknown to the gazetteer, name
 * a town ("GILROY", "TOWSON")? Five letters or more with a vowel, no common
 * English word ("SOCCER", "UPDATES"), no news source we know ("ESPN",
 * "IANS") and no name ending the way media brands do ("COMPUTERWORLD",
 * "EWEEK", "TECHWEB").
 */
static bool unknown_town(const struct dl_state *st, const struct dl_text *t,
                         const struct dl_place *p)
{
    static const char *const brands[] = {
        "WORLD",  "WEEK",    "WIRE",   "NEWS",    "TECH",    "WEB",
        "NET",    "ONLINE",  "TODAY",  "TIMES",   "DAILY",   "POST",
        "REVIEW", "JOURNAL", "DIGEST", "INSIDER", "REPORT",  "WATCH",
        "MEDIA",  "FACTOR",  "WORKS",  "SOFT",    "SYSTEMS", NULL};
    size_t n = p->e - p->s;
    if (n < 5 || !st->has_words)
        return false;
    bool vowel = false;
    for (size_t k = p->s; k < p->e; k++)
        vowel |= ch(t, k) && memchr("AEIOUYaeiouy", ch(t, k), 12) != NULL;
    if (!vowel)
        return false;
    for (const char *const *b = brands; *b; b++) {
        size_t bn = strlen(*b);
        if (n > bn && eq_ci(t->s + p->e - bn, *b, bn))
            return false;
    }
    const struct gaz_key *k = gaz_lookup(&st->gaz, t->s + p->s, n);
    return !gaz_first(&st->gaz, k, (1u << KIND_AGENCY) | (1u << KIND_ORG),
                      true) &&
           !gaz_common_word(&st->gaz, t->s + p->s, n);
}

/*
 * Could the one mixed-case word of p, unknown to the gazetteer, name a town
 * ("Gilroy - ", "Beslan - ")? As unknown_town(), and written as a name is:
 * a capital, then lower-case letters only, so that brands with a capital
 * inside ("NewsFactor", "TechWeb"), web names and acronyms stay sources.
 */
static bool mixed_town(const struct dl_state *st, const struct dl_text *t,
                       const struct dl_place *p)
{
    struct dl_word w;
    if (p->caps || p->words != 1 || !read_word(t, p->s, &w) || w.e != p->e ||
        w.upper != 1 || w.lower + 1 != w.letters)
        return false;
    for (size_t k = p->s + 1; k < p->e; k++)
        if (!is_lower(ch(t, k)))
            return false; /* ASCII only: "Gilroy", not "Al-Fasher" */
    return unknown_town(st, t, p);
}

/*
 * Could the words of p, unknown to the gazetteer, name a town whose name
 * starts the way many do ("SAN RAMON", "Fort Irwin", "EAST ORANGE")? Two or
 * three words, the first a word that opens place names, the others no
 * common English word ("NEW MEDIA - " is a slug) and no news source.
 */
static bool prefix_town(const struct dl_state *st, const struct dl_text *t,
                        const struct dl_place *p)
{
    static const char *const heads[] = {
        "san",    "santa", "santo", "sao",   "los",   "las",   "el",    "la",
        "new",    "fort",  "ft.",   "port",  "st.",   "saint", "mount", "mt.",
        "lake",   "east",  "west",  "north", "south", "palm",  "grand", "cape",
        "puerto", "bad",   "des",   "glen",  "cedar", "del",   NULL};
    struct dl_word w;
    if (p->words < 2 || p->words > 3 || p->glued || !st->has_words ||
        !read_word(t, p->s, &w))
        return false;
    bool head = false;
    for (const char *const *h = heads; *h && !head; h++)
        head = strlen(*h) == w.e - w.s && eq_ci(t->s + w.s, *h, w.e - w.s);
    if (!head)
        return false;
    if (gaz_first(&st->gaz, gaz_lookup(&st->gaz, t->s + p->s, p->e - p->s),
                  (1u << KIND_AGENCY) | (1u << KIND_ORG), true))
        return false;
    for (size_t j = w.e + 1; j < p->e && read_word(t, j, &w); j = w.e + 1) {
        if (w.dot_end && w.letters <= 3 && !w.has_digit)
            continue; /* "Fort St. John" */
        if (w.letters < 3 || w.has_digit ||
            gaz_common_word(&st->gaz, t->s + w.s, w.e - w.s))
            return false;
        if (w.e >= p->e)
            break;
    }
    return true;
}

/* ---- one dateline ---------------------------------------------------------
 */

struct dl_match {
    size_t start, end, body;
    struct dl_place places[DL_PLACES_MAX];
    int n_places;
    size_t loc_s, loc_e;       /* location.text: places and regions */
    size_t region_s, region_e; /* the first region after a comma, if any */
    bool has_region;
    struct dl_date date;
    bool has_date;
    struct dl_agency agency;
    bool has_agency;
    const char *agency_name; /* a feed prefix's name, when no agency */
    size_t agency_name_len;
    enum sep_kind sep;
    bool issue; /* "Oct. 11 issue - " */
    /* resolution */
    const struct gaz_rec *city, *area;
    bool city_known, area_known;
};

/* Does one of the NULL-terminated words stand at i, followed by a space? */
static bool word_at(const struct dl_text *t, size_t i, const char *const *words)
{
    for (const char *const *w = words; *w; w++) {
        size_t n = strlen(*w);
        if (i + n < t->n && memcmp(t->s + i, *w, n) == 0 && t->s[i + n] == ' ')
            return true;
    }
    return false;
}

/* Sentence openers after a dateline that lost its dash ("BOSTON The jury
 * ..."). Only these make "CAPS-PLACE Word" a dateline. */
static bool sentence_opener(const struct dl_text *t, size_t i)
{
    static const char *const words[] = {
        "The",    "A",      "An",        "In",        "At",     "On",
        "For",    "After",  "As",        "When",      "While",  "With",
        "It",     "He",     "She",       "They",      "We",     "This",
        "That",   "These",  "Those",     "Two",       "Three",  "Four",
        "Five",   "Police", "Officials", "President", "Prime",  "Authorities",
        "Some",   "More",   "Most",      "Shares",    "Stocks", "U.S.",
        "Former", "Rescue", "Voters",    NULL};
    return word_at(t, i, words);
}

/* A function word that opens sentences, never names ("Boston The jury"
 * but not "Canadian Prime Minister"). */
static bool function_opener(const struct dl_text *t, size_t i)
{
    static const char *const words[] = {
        "The",   "A",    "An",   "In",    "At",    "On",    "For",
        "After", "As",   "When", "While", "With",  "It",    "He",
        "She",   "They", "We",   "This",  "These", "Those", NULL};
    return word_at(t, i, words);
}

/* Does an opening quote stand at i: a quote mark, or the HTML entity of
 * one, whole or with its "&" lost by a scraper ("&quot;", "quot;",
 * "&#39;", "#39;")? */
static bool quote_at(const struct dl_text *t, size_t i)
{
    static const char *const entities[] = {
        "quot;", "#39;", "#8220;", "#8216;", "ldquo;", "lsquo;", "#34;", NULL};
    int c = ch(t, i);
    if (c == '"' || c == '\'')
        return true;
    size_t k;
    uint32_t cp = i < t->n ? u8_cp(t->u, i, t->n, &k) : 0;
    if (cp == 0x201C || cp == 0x2018 || cp == 0xAB || cp == 0x201E)
        return true;
    if (c == '&')
        i++;
    for (const char *const *e = entities; *e; e++)
        if (starts_ci(t, i, *e))
            return true;
    return false;
}

/* Does a sentence start at i: a capital, a digit, a quote, a currency sign
 * ("$1 billion", with the "#36;" debris of a scraper), or a name written
 * with a small first letter and a capital inside ("eBay", "iPod")? */
static bool sentence_start(const struct dl_text *t, size_t i)
{
    int c = ch(t, i);
    if (is_upper(c) || is_digit(c) || quote_at(t, i) || c == '$')
        return true;
    if (starts_ci(t, i + (c == '&'), "#36;"))
        return true;
    size_t k;
    uint32_t cp = i < t->n ? u8_cp(t->u, i, t->n, &k) : 0;
    if (cp_case(cp) == 1 || cp == 0xA3 || cp == 0x20AC || cp == 0xA5)
        return true;
    if (is_lower(c)) {
        struct dl_word w;
        return read_word(t, i, &w) && w.upper > 0 && w.e - w.s <= 12;
    }
    return false;
}

/* Nicknames of North American major-league teams: "CLEVELAND Indians
 * righthander ..." opens with a team, not with a dateline. Written from
 * general knowledge; one word each (the last word of two-word names). */
static bool team_name(const struct dl_text *t, const struct dl_word *w)
{
    static const char *const teams[] = {
        /* baseball */
        "Yankees", "Mets", "Sox", "Orioles", "Rays", "Devil", "Jays", "Indians",
        "Guardians", "Tigers", "Twins", "Royals", "Astros", "Athletics",
        "Mariners", "Rangers", "Angels", "Braves", "Marlins", "Phillies",
        "Nationals", "Expos", "Cubs", "Cardinals", "Brewers", "Pirates", "Reds",
        "Dodgers", "Giants", "Padres", "Rockies", "Diamondbacks",
        /* football */
        "Patriots", "Jets", "Bills", "Dolphins", "Steelers", "Ravens", "Browns",
        "Bengals", "Texans", "Colts", "Titans", "Jaguars", "Broncos", "Chiefs",
        "Raiders", "Chargers", "Cowboys", "Eagles", "Redskins", "Commanders",
        "Bears", "Packers", "Vikings", "Lions", "Saints", "Falcons", "Panthers",
        "Buccaneers", "Bucs", "Seahawks", "Rams", "49ers", "Niners",
        /* basketball */
        "Celtics", "Knicks", "Nets", "76ers", "Sixers", "Raptors", "Bulls",
        "Cavaliers", "Cavs", "Pistons", "Pacers", "Bucks", "Hawks", "Heat",
        "Magic", "Wizards", "Bobcats", "Hornets", "Nuggets", "Timberwolves",
        "Thunder", "SuperSonics", "Sonics", "Trail", "Blazers", "Jazz",
        "Warriors", "Clippers", "Lakers", "Suns", "Kings", "Mavericks",
        "Rockets", "Grizzlies", "Pelicans", "Spurs",
        /* hockey */
        "Bruins", "Sabres", "Canadiens", "Senators", "Leafs", "Islanders",
        "Flyers", "Penguins", "Capitals", "Hurricanes", "Lightning",
        "Blackhawks", "Avalanche", "Stars", "Wild", "Predators", "Blues",
        "Flames", "Oilers", "Canucks", "Ducks", "Coyotes", "Sharks", "Knights",
        "Kraken", "Thrashers", "Whalers", "Nordiques",
        /* soccer and college */
        "United", "City", "Rovers", "Wanderers", "Hotspur", "Athletic",
        "Galaxy", "Fire", "Crew", "Revolution", "Sounders", "Timbers",
        "Huskies", "Wolverines", "Buckeyes", "Longhorns", "Trojans", "Bruins",
        "Gators", "Seminoles", "Hurricanes", "Sooners", "Crimson", "Irish",
        "Hoosiers", "Terrapins", NULL};
    /* nicknames that are also common words or name parts ("United
     * Airlines", "City officials", "Fire Department") count only when a
     * word in lower case follows ("Manchester United manager") */
    static const char *const plain[] = {
        "United", "City",  "Athletic", "Heat",      "Magic", "Thunder",
        "Wild",   "Stars", "Kings",    "Fire",      "Crew",  "Revolution",
        "Galaxy", "Irish", "Crimson",  "Lightning", NULL};
    size_t n = w->e - w->s;
    for (const char *const *p = teams; *p; p++) {
        if (strlen(*p) != n || !eq_ci(t->s + w->s, *p, n))
            continue;
        for (const char *const *q = plain; *q; q++) {
            struct dl_word next;
            if (strcmp(*p, *q) == 0)
                return !(ch(t, w->e) == ' ' && read_word(t, w->e + 1, &next) &&
                         next.first_up);
        }
        return true;
    }
    return false;
}

/* Words that make a city the first word of a name, not a dateline:
 * "LONDON Stock Exchange", "WASHINGTON Post", "BOSTON Marathon": papers,
 * airports, universities, orchestras. Written from general knowledge. */
static bool org_tail(const struct dl_text *t, const struct dl_word *w)
{
    static const char *const words[] = {
        "Post",       "Times",       "Herald",     "Tribune",      "Journal",
        "Globe",      "Chronicle",   "Gazette",    "Airport",      "University",
        "Marathon",   "Zoo",         "Symphony",   "Philharmonic", "Corp",
        "Corp.",      "Inc",         "Inc.",       "Co.",          "Ltd",
        "Ltd.",       "Plc",         "Group",      "Holdings",     "Mayor",
        "Council",    "Hall",        "Board",      "Schools",      "Transit",
        "Opera",      "Ballet",      "Department", "Authority",    "Bureau",
        "Commission", "Comptroller", NULL};
    struct dl_word w2;
    if (w->e - w->s == 5 && memcmp(t->s + w->s, "Stock", 5) == 0 &&
        ch(t, w->e) == ' ' && read_word(t, w->e + 1, &w2) && w2.e - w2.s == 8 &&
        memcmp(t->s + w2.s, "Exchange", 8) == 0)
        return true;
    size_t n = w->e - w->s;
    for (const char *const *p = words; *p; p++)
        if (strlen(*p) == n && memcmp(t->s + w->s, *p, n) == 0)
            return true;
    return false;
}

/* Does a team's nickname follow at i ("Red Sox", "Yankees")? */
static bool team_ahead(const struct dl_text *t, size_t i)
{
    struct dl_word w, w2;
    if (!read_word(t, i, &w))
        return false;
    if (team_name(t, &w))
        return true;
    return ch(t, w.e) == ' ' && read_word(t, w.e + 1, &w2) && w2.first_up &&
           team_name(t, &w2);
}

/* Could the word at i open the story after a dateline that lost its dash?
 * A sentence opener, a quote, or a capitalised word that is not a team's
 * nickname: "BOSTON The jury", "WASHINGTON Researchers said", but not
 * "CLEVELAND Indians righthander". */
static bool body_opener(const struct dl_text *t, size_t i)
{
    if (sentence_opener(t, i) || quote_at(t, i))
        return true;
    struct dl_word w;
    if (!read_word(t, i, &w) || !w.first_up || team_name(t, &w) ||
        org_tail(t, &w))
        return false;
    if (w.lower == 0) {
        /* an acronym and then lower case: "NASA said", "IBM Corp." */
        struct dl_word w2;
        return w.letters >= 2 && w.letters <= 5 && ch(t, w.e) == ' ' &&
               read_word(t, w.e + 1, &w2) && w2.lower > 0 && !team_name(t, &w2);
    }
    /* "Red Sox", "Blue Jays", "Maple Leafs": the second word decides */
    struct dl_word w2;
    if (ch(t, w.e) == ' ' && read_word(t, w.e + 1, &w2) && w2.first_up &&
        team_name(t, &w2))
        return false;
    return true;
}

/* Resolve the first place, with the region after it when there is one. */
static void dl_resolve(const struct dl_state *st, const struct dl_text *t,
                       struct dl_match *m)
{
    const struct dl_gaz *g = &st->gaz;
    const struct dl_place *p = &m->places[0];
    const struct gaz_key *ck = gaz_lookup(g, t->s + p->s, p->e - p->s);
    const struct gaz_key *rk =
        m->has_region
            ? gaz_lookup(g, t->s + m->region_s, m->region_e - m->region_s)
            : NULL;
    if (rk && !gaz_first(g, rk, AREA_KINDS, true))
        rk = NULL; /* no region: "Calf." is a typo, "CALF" a word */
    m->city = NULL;
    m->area = NULL;
    if (rk) {
        /* the first place whose country (and region) the region names */
        for (uint32_t i = 0; ck && i < ck->n_refs && !m->city; i++) {
            const struct gaz_rec *c = gaz_rec(g, ck, i);
            if (c->kind != KIND_CITY)
                continue;
            for (uint32_t j = 0; j < rk->n_refs; j++) {
                const struct gaz_rec *r = gaz_rec(g, rk, j);
                if (!(AREA_KINDS & (1u << r->kind)) ||
                    memcmp(r->cc, c->cc, 2) != 0)
                    continue;
                if (r->kind == KIND_REGION && c->region &&
                    strcmp(gaz_str(g, r->region), gaz_str(g, c->region)) != 0)
                    continue;
                m->city = c;
                m->area = r;
                break;
            }
        }
        if (!m->city)
            m->area = gaz_first(g, rk, AREA_KINDS, true);
    } else {
        m->city = gaz_first(g, ck, PLACE_KINDS, false);
    }
    m->city_known = m->city != NULL;
    m->area_known = m->area != NULL;
}

/* A known agency written bare after the date: "WASHINGTON, March 12,
 * Reuter - ". Reads up to three words at i. */
static bool read_bare_agency(const struct dl_state *st, const struct dl_text *t,
                             size_t i, struct dl_agency *a)
{
    size_t ends[3];
    int n = 0;
    size_t j = i;
    struct dl_word w;
    while (n < 3 && read_word(t, j, &w) && w.first_up) {
        ends[n++] = w.e;
        if (ch(t, w.e) != ' ')
            break;
        j = w.e + 1;
    }
    for (int k = n - 1; k >= 0; k--) {
        const struct gaz_key *key = gaz_lookup(&st->gaz, t->s + i, ends[k] - i);
        if (gaz_first(&st->gaz, key, 1u << KIND_AGENCY, true)) {
            a->s = i;
            a->e = ends[k];
            a->end = ends[k];
            return true;
        }
    }
    return false;
}

/*
 * "WASHINGTON NASA said ...", "NEW YORK IBM Corp. ...": a place in capitals
 * read together with the capitals of the story after a dateline that lost
 * its dash. When the words are no known place and no separator or agency
 * follows them, the place is the longest known run of words they start
 * with.
 */
static void cut_place(const struct dl_state *st, const struct dl_text *t,
                      struct dl_place *p)
{
    if (!p->caps && p->words >= 2) {
        /* "Boston The jury ...": a known city, then a sentence opener */
        struct dl_word w;
        int words = 0;
        for (size_t j = p->s; j < p->e && read_word(t, j, &w); j = w.e + 1) {
            if (j > p->s && function_opener(t, j)) {
                if (gaz_first(&st->gaz,
                              gaz_lookup(&st->gaz, t->s + p->s, j - 1 - p->s),
                              1u << KIND_CITY, false)) {
                    p->e = j - 1;
                    p->words = words;
                    p->cut = true;
                }
                return;
            }
            words++;
        }
        return;
    }
    if (!p->caps || p->words < 2 || p->glued)
        return;
    size_t e = p->e, k;
    int c = ch(t, e);
    if (c == ',' || c == '/' || c == '(' || c == ':' ||
        read_sep(t, e, &k) != SEP_NONE)
        return;
    k = skip_hspace(t, e);
    if (ch(t, k) == '(' || ch(t, k) == ',')
        return;
    if (gaz_first(&st->gaz, gaz_lookup(&st->gaz, t->s + p->s, e - p->s),
                  PLACE_KINDS, false))
        return;
    size_t ends[DL_WORDS_MAX];
    int n = 0;
    struct dl_word w;
    for (size_t j = p->s; n < DL_WORDS_MAX && j < e && read_word(t, j, &w);
         j = w.e + 1)
        ends[n++] = w.e;
    for (int words = n - 1; words >= 1; words--) {
        if (gaz_first(&st->gaz,
                      gaz_lookup(&st->gaz, t->s + p->s, ends[words - 1] - p->s),
                      1u << KIND_CITY, false)) {
            p->e = ends[words - 1];
            p->words = words;
            return;
        }
    }
}

/*
 * Parse a dateline whose place (or date, for a date header) starts at i.
 * With loose, the place may be written in any case but must be followed by
 * a comma (see read_place_loose). Fills m and returns true when the text
 * at i has the shape of a dateline; dl_accept() then decides whether the
 * evidence is enough.
 */
static bool dl_parse_at(const struct dl_state *st, const struct dl_text *t,
                        size_t i, bool loose, struct dl_match *m)
{
    memset(m, 0, sizeof(*m));
    m->start = i;
    size_t j = i;
    bool dated = !loose && read_date(t, i, &m->date) && m->date.day;
    bool placed = !dated && (loose ? read_place_loose(t, i, &m->places[0])
                                   : read_place(t, i, &m->places[0]));
    if (placed) {
        m->n_places = 1;
        if (!loose)
            cut_place(st, t, &m->places[0]);
        j = m->places[0].e;
        /* "NEW YORK/LONDON" */
        while (!loose && ch(t, j) == '/' && m->n_places < DL_PLACES_MAX &&
               read_place(t, j + 1, &m->places[m->n_places]) &&
               m->places[m->n_places].caps == m->places[0].caps) {
            j = m->places[m->n_places].e;
            m->n_places++;
        }
        m->loc_s = i;
        m->loc_e = j;
        /* ", Region", ", Region, Country", then ", DATE" or " DATE" */
        for (int regions = 0; regions < 3; regions++) {
            size_t k = j;
            if (ch(t, k) == ' ' && ch(t, k + 1) == ',')
                k++; /* "OAKLAND , N.J." */
            bool comma = ch(t, k) == ',';
            if (comma)
                k++;
            k = skip_hspace(t, k);
            if (k == j || (k - j) > 3)
                break;
            if (read_date(t, k, &m->date)) {
                m->has_date = true;
                j = m->date.e;
                break;
            }
            if (!comma && regions == 0 && !loose && k == j + 1) {
                /* "Washington D.C. - ", "Pontiac Mich. (AP) - ": a state's
                 * abbreviation without its comma, then the separator */
                struct dl_word a;
                size_t e2;
                enum sep_kind s2;
                if (read_word(t, k, &a) && a.first_up && !a.has_digit &&
                    (a.dot_end || (a.e - a.s == 2 && a.upper == 2)) &&
                    gaz_first(&st->gaz,
                              gaz_lookup(&st->gaz, t->s + a.s, a.e - a.s),
                              1u << KIND_REGION, true) &&
                    (ch(t, skip_hspace(t, a.e)) == '(' ||
                     (s2 = read_sep(t, a.e, &e2)) == SEP_DASH ||
                     s2 == SEP_DASH2 || s2 == SEP_COLON)) {
                    m->has_region = true;
                    m->region_s = a.s;
                    m->region_e = a.e;
                    j = a.e;
                    m->loc_e = a.e;
                }
                break;
            }
            if (!comma || regions == 2)
                break;
            /* a region: capitalised words or an abbreviation, or "the
             * Netherlands"; it stops before a date ("Va. Feb 26") */
            struct dl_word w;
            if (!read_word(t, k, &w) || w.has_digit)
                break;
            if (!w.first_up) {
                if (!(w.e - w.s == 3 && memcmp(t->s + w.s, "the", 3) == 0 &&
                      ch(t, w.e) == ' ' && read_word(t, w.e + 1, &w) &&
                      w.first_up))
                    break;
            }
            size_t r_e = w.e;
            size_t r_ends[4] = {w.e};
            int nw = 1;
            bool abbrev = w.dot_end;
            struct dl_date probe;
            struct dl_word w2;
            /* more words; after an abbreviation only another one
             * ("W. Va."), so "PONTIAC, Mich. The man" ends at "Mich." */
            /* "Bosnia and Herzegovina", "Trinidad and Tobago" */
            while (nw < 4 && ch(t, r_e) == ' ' && read_word(t, r_e + 1, &w2) &&
                   !w2.has_digit &&
                   (w2.first_up || word_particle(t, &w2) ||
                    (w2.e - w2.s == 3 && memcmp(t->s + w2.s, "and", 3) == 0 &&
                     !abbrev)) &&
                   (!abbrev || w2.dot_end) && !read_date(t, r_e + 1, &probe)) {
                r_e = w2.e;
                r_ends[nw++] = r_e;
                abbrev = w2.dot_end;
            }
            /* "BAGHDAD, Iraq Insurgents attacked ...": when the words are
             * no region, the longest known region before them is, and
             * the story starts after it (its dash lost) */
            if (nw > 1 &&
                !gaz_first(&st->gaz, gaz_lookup(&st->gaz, t->s + k, r_e - k),
                           AREA_KINDS, true)) {
                for (int n = nw - 1; n >= 1; n--) {
                    if (gaz_first(
                            &st->gaz,
                            gaz_lookup(&st->gaz, t->s + k, r_ends[n - 1] - k),
                            AREA_KINDS, true)) {
                        r_e = r_ends[n - 1];
                        break;
                    }
                }
            }
            if (!m->has_region) {
                m->has_region = true;
                m->region_s = k;
                m->region_e = r_e;
            }
            j = r_e;
            m->loc_e = r_e;
        }
    } else if (dated) {
        m->has_date = true; /* a date header: "Sept. 30, 2004 -- " */
        j = m->date.e;
        /* a magazine's issue date: "Oct. 11 issue - " */
        if (ch(t, j) == ' ' && starts_ci(t, j + 1, "issue") &&
            !is_alpha(ch(t, j + 6))) {
            j += 6;
            m->issue = true;
        }
    } else if (loose || ch(t, i) != '(') {
        return false;
    }
    if (loose && !(m->has_date && (m->date.day || m->date.bad_day)))
        return false;
    if (m->has_date) {
        /* a dot after the date: "Chennai, Aug. 23. (PTI): " */
        if (ch(t, j) == '.' && ch(t, j + 1) == ' ' && ch(t, j + 2) == '(')
            j++;
        /* a time after the date: ", 1:15 PM PT" */
        size_t k = j;
        if (ch(t, k) == ',')
            k++;
        k = skip_hspace(t, k);
        size_t e;
        if (read_num(t, k, 2, &e) >= 0 && ch(t, e) == ':' &&
            read_num(t, e + 1, 2, &e) >= 0) {
            k = skip_hspace(t, e);
            if (starts_ci(t, k, "am") || starts_ci(t, k, "pm") ||
                starts_ci(t, k, "a.m.") || starts_ci(t, k, "p.m.")) {
                k += ch(t, k + 1) == '.' ? 4 : 2;
                size_t z = skip_hspace(t, k);
                struct dl_word w;
                if (read_word(t, z, &w) && w.lower == 0 && w.letters <= 4)
                    k = w.e;
            }
            j = k;
        }
        /* an agency written bare: "March 12, Reuter - " */
        if (ch(t, j) == ',' &&
            read_bare_agency(st, t, skip_hspace(t, j + 1), &m->agency)) {
            m->has_agency = true;
            j = m->agency.end;
        }
    }
    size_t k = skip_hspace(t, j);
    if (ch(t, k) == ',' && ch(t, skip_hspace(t, k + 1)) == '(' &&
        m->n_places > 0)
        k = skip_hspace(t, k + 1); /* "NEW YORK, (Reuters) - " */
    if (!m->has_agency && read_agency(t, k, &m->agency)) {
        struct dl_date d;
        /* "(09/21/04)", "(Filed: 10/09/2004)" */
        size_t ds = m->agency.s;
        struct dl_word lead;
        if (read_word(t, ds, &lead) && ch(t, lead.e) == ':')
            ds = skip_hspace(t, lead.e + 1);
        if (!m->has_date && read_date(t, ds, &d) && d.day &&
            d.e == m->agency.e) {
            m->date = d; /* "(09/21/04)-- " is a date, not an agency */
            m->has_date = true;
        } else {
            m->has_agency = true;
        }
        j = m->agency.end;
    } else if (m->n_places == 0 && !m->has_date) {
        return false;
    }
    if (m->has_agency && !m->has_date) {
        /* "BOSTON--(BUSINESS WIRE)--Aug. 17, 2004--Acme Corp ...",
         * "SEATTLE, WA (PRWEB) August 24, 2004 -- ",
         * "PARIS (AFP), Aug. 23 - " */
        struct dl_date d;
        size_t k2 = skip_hspace(t, j + (ch(t, j) == ',')), e2;
        if (read_date(t, k2, &d) && d.day &&
            read_sep(t, d.e, &e2) != SEP_NONE) {
            m->date = d;
            m->has_date = true;
            j = d.e;
        }
    }
    if (ch(t, j) == ',')
        j++; /* "CHICAGO, March 4, - " */
    m->sep = read_sep(t, j, &m->end);
    if (m->sep == SEP_NONE && m->has_agency && j == m->agency.end && j >= 2 &&
        t->s[j - 1] == '-' && t->s[j - 2] == '-' && sentence_start(t, j)) {
        m->sep = SEP_DASH2; /* the agency's own dashes end the dateline:
                               "BOSTON--(BUSINESS WIRE)--Acme Corp ..." */
        m->end = j;
    }
    bool day_dated = m->has_date && m->date.day &&
                     (m->n_places > 0 || m->date.year || m->has_agency);
    size_t dot = skip_hspace(t, j);
    if (m->sep == SEP_NONE && day_dated && ch(t, dot) == '.' &&
        is_hspace(ch(t, dot + 1)) &&
        sentence_start(t, skip_hspace(t, dot + 1))) {
        m->sep = SEP_DASH; /* "October 31, 2004. The ...", "ATHENS, Aug.
                            * 29. Athletes ...", "October 31, 2004 . The" */
        m->end = dot + 1;
    }
    if (m->sep == SEP_NONE && day_dated && ch(t, j) == ':' &&
        is_upper(ch(t, j + 1))) {
        m->sep = SEP_COLON; /* "NEW DELHI, Aug. 29:India ..." */
        m->end = j + 1;
    }
    if (m->sep == SEP_DASH || m->sep == SEP_DASH2 || m->sep == SEP_COLON) {
        /* what follows the dash and ends with one: an agency
         * ("NEW YORK, NY -- (MARKET WIRE) -- 08/24/2004 -- ",
         * "Aug. 24, 2004 - (CBS.MW) - ") and a date ("KANSAS CITY, Mo. -
         * March 13 - ", "WASHINGTON - (Aug 24, 2004) - ") */
        struct dl_agency a;
        size_t k2 = skip_hspace(t, m->end), e2;
        enum sep_kind s2;
        if (!m->has_agency && read_agency(t, k2, &a) && a.end > k2 &&
            t->s[k2] == '(' &&
            ((s2 = read_sep(t, a.end, &e2)) == SEP_DASH || s2 == SEP_DASH2)) {
            struct dl_date d;
            if (read_date(t, a.s, &d) && d.day && d.e == a.e) {
                if (!m->has_date) {
                    m->date = d;
                    m->has_date = true;
                    m->end = e2;
                }
            } else if (m->n_places > 0 || m->has_date) {
                m->agency = a;
                m->has_agency = true;
                m->end = e2;
            }
        }
        struct dl_date d;
        k2 = skip_hspace(t, m->end);
        if (!m->has_date && m->n_places > 0 && read_date(t, k2, &d) && d.day &&
            ((s2 = read_sep(t, d.e, &e2)) == SEP_DASH || s2 == SEP_DASH2)) {
            m->date = d;
            m->has_date = true;
            m->end = e2;
        }
    }
    if (m->sep == SEP_NONE) {
        /* "(CBS/AP) The ..." or "BOSTON The jury": no separator at all */
        size_t b = skip_hspace(t, j);
        bool glued =
            (m->n_places == 1 && m->places[0].glued && j == m->places[0].e) ||
            (m->has_agency && m->n_places > 0 && j == m->agency.end &&
             t->s[j - 1] == ')' &&
             is_upper(ch(t, j))); /* "LONDON (AFP)The ..." */
        if ((b > j || glued) && (is_upper(ch(t, b)) || quote_at(t, b))) {
            m->sep = SEP_LOST;
            m->end = j;
        } else {
            return false;
        }
    }
    m->body = skip_blank(t, m->end);
    return true;
}

/*
 * Is the parsed dateline good enough? `first` is true for the first line
 * of the text; on later lines (after headline, byline or slug lines) the
 * evidence must be stronger, because wrapped body text also has line
 * starts. `indented` says the candidate's line starts with white space.
 */
static bool dl_accept(const struct dl_state *st, const struct dl_text *t,
                      struct dl_match *m, bool first, bool indented)
{
    if (m->n_places == 0) {
        /* date header or agency alone: "Sept. 30, 2004 -- ",
         * "(Sports Network) - " */
        if (!first)
            return false;
        if (m->sep == SEP_LINE) /* "October 31, 2004\nThe ..." */
            return m->has_date && m->date.day && m->date.year &&
                   !m->has_agency && m->body < t->n &&
                   sentence_start(t, m->body);
        /* "(CBS/AP) The president ...", or a full date that lost its
         * dash: "Oct. 31, 2004 The ..." */
        if (m->sep == SEP_LOST)
            return (m->has_agency && !m->has_date &&
                    m->start == skip_blank(t, 0) && m->start < 4) ||
                   (m->has_date && !m->has_agency && m->date.day &&
                    m->date.year && function_opener(t, m->body));
        if (m->has_date)
            return m->date.year || m->has_agency ||
                   (m->issue && m->sep != SEP_LOST) ||
                   (m->date.day && m->date.day <= 31 &&
                    (m->sep == SEP_DASH || m->sep == SEP_DASH2) &&
                    sentence_start(t, m->body)); /* "Aug 24 - Acme ..." */
        return m->has_agency;
    }
    dl_resolve(st, t, m);
    const struct dl_place *p = &m->places[0];
    bool day = m->has_date && (m->date.day || m->date.bad_day);
    bool strong = m->has_agency || day || m->area_known;
    bool known = m->city_known;
    bool city = known && m->city->kind == KIND_CITY;
    if (m->has_date && !day && !known && !m->area_known)
        return false; /* "SOMETHING, April - " */
    /* an unknown region: "COPPER, GRADE A - " is no dateline, but "LOS
     * GATOS, Calf. --" and "LOS GATOS, Calf. - " (a known city and a
     * misspelt abbreviation) are */
    bool typo_abbrev =
        city && m->region_e > m->region_s && t->s[m->region_e - 1] == '.' &&
        m->region_e - m->region_s <= 7 &&
        !memchr(t->s + m->region_s, ' ', m->region_e - m->region_s);
    if (m->has_region && !m->area_known && !m->has_agency && !day &&
        !(first && p->caps && (m->sep == SEP_DASH2 || typo_abbrev)))
        return false;
    if (m->body >= t->n && m->sep != SEP_LINE)
        return false; /* nothing after it */
    if (p->loose)
        return day && (m->sep == SEP_DASH || m->sep == SEP_DASH2);
    if (!first) {
        /* after headline lines: an agency or a dated dateline, a known
         * city alone on its line, or a known place and a wide dash */
        if (m->sep == SEP_LINE)
            return city && !m->has_agency && !m->has_date &&
                   sentence_start(t, m->body);
        if (m->sep == SEP_LOST || m->sep == SEP_COLON)
            return false;
        if (m->has_agency || day)
            return p->caps || known;
        return p->caps && !indented && m->sep == SEP_DASH2 &&
               (known || m->area_known);
    }
    if (p->caps) {
        switch (m->sep) {
        case SEP_DASH:
            if (strong || known)
                return true;
            /* "GILROY - ": one word in capitals that is no common word
             * ("SOCCER - ", "UPDATE - " are slugs) and no news source */
            return st->has_words && !m->has_region && m->n_places == 1 &&
                   (p->words == 1 ? unknown_town(st, t, p)
                                  : prefix_town(st, t, p)) &&
                   sentence_start(t, m->body);
        case SEP_COLON:
            /* "DHANBAD: ": one unknown word that may name a town */
            return strong || known ||
                   (p->words == 1 && m->n_places == 1 && !m->has_region &&
                    unknown_town(st, t, p) && sentence_start(t, m->body));
        case SEP_DASH2:
            return strong || known || p->e - p->s >= 3;
        case SEP_LINE:
            /* alone on its line: a known city, and a story after it */
            return city && !m->has_agency && !m->has_date &&
                   sentence_start(t, m->body);
        case SEP_LOST:
            /* "BOSTON The jury ...", "PONTIAC, Mich. The man ..." */
            if (m->has_agency && p->e - p->s >= 3 &&
                gaz_first(&st->gaz,
                          gaz_lookup(&st->gaz, t->s + m->agency.s,
                                     m->agency.e - m->agency.s),
                          1u << KIND_AGENCY, true))
                return true; /* "TOWSON (AP)  The ...", "ENVER (Reuters) The" */
            if (m->has_agency || day)
                return known || m->area_known;
            if (m->has_region)
                return m->area_known;
            if (m->body >= m->end + 2 && (known || m->area_known) &&
                sentence_start(t, m->body) && !team_ahead(t, m->body))
                return true; /* "ATHENS  US swimmer ...": a dash dropped */
            if (!known && m->n_places == 1 && !p->glued &&
                (p->words == 1 ? unknown_town(st, t, p)
                               : prefix_town(st, t, p)) &&
                function_opener(t, m->body))
                return true; /* "GILROY The garlic ...": an unknown town */
            return city && p->e - p->s >= 4 && body_opener(t, m->body);
        default:
            return false;
        }
    }
    /* mixed case: "Kyiv (AFP) - ", "Caracas, march 11 - ", "Mumbai: ";
     * with a colon only a city, as "Iraq: " or "China: " labels a topic */
    switch (m->sep) {
    case SEP_LOST:
        /* "New Delhi, Aug 23 (IANS) Shares ...", "Athens, Greece  Michael
         * Phelps won ...": a known place with an agency or a date, or a
         * known city and its region, the dash lost */
        if ((m->has_agency || day) && (known || m->area_known))
            return true;
        if (p->cut && city)
            return true; /* "Boston The jury ..." */
        return city && m->has_region && m->area_known &&
               body_opener(t, m->body);
    case SEP_DASH:
    case SEP_DASH2:
    case SEP_COLON:
        if (m->has_agency || day)
            return true;
        if (m->sep == SEP_COLON && !m->has_region && !city)
            return false;
        /* "Brussles, Belgium - ": a known region vouches for the city */
        if (m->has_region)
            return m->area_known;
        if (!known && m->sep != SEP_COLON && m->n_places == 1 &&
            (mixed_town(st, t, p) || prefix_town(st, t, p)) &&
            sentence_start(t, m->body))
            return true; /* "Gilroy - The garlic ...": an unknown town */
        return known;
    default:
        return false;
    }
}

/* ---- feed prefixes and agency-only openings --------------------------------
 */

/* Does the phrase look like a source name: a known agency, a web address
 * ("SPACE.com", "washingtonpost.com") or capitalised words ("PC World",
 * "NewsFactor")? All-capital phrases count only when they are known. */
static bool source_like(const struct dl_state *st, const struct dl_text *t,
                        size_t s, size_t e, bool *known)
{
    *known = gaz_first(&st->gaz, gaz_lookup(&st->gaz, t->s + s, e - s),
                       1u << KIND_AGENCY, true) != NULL;
    if (*known)
        return true;
    if (e - s > 40)
        return false;
    int words = 0;
    bool caps = true, web = false;
    for (size_t i = s; i < e;) {
        struct dl_word w;
        /* "U.S. News & World Report", with "&" as "&amp;" or "amp;" */
        size_t amp = ch(t, i) == '&' ? i + 1 : i;
        if (words > 0 && (amp > i || starts_ci(t, i, "amp;"))) {
            if (starts_ci(t, amp, "amp;"))
                amp += 4;
            else if (amp > i && starts_ci(t, i, "amp;"))
                amp = i + 4;
            if (amp > i && (amp >= e || t->s[amp] == ' ')) {
                i = amp;
                while (i < e && t->s[i] == ' ')
                    i++;
                continue;
            }
            return false;
        }
        if (!read_word(t, i, &w)) {
            if (!is_digit(ch(t, i)))
                return false;
            w.s = i;
            w.e = i;
            while (w.e < e && (is_digit(ch(t, w.e)) || is_alpha(ch(t, w.e)) ||
                               (ch(t, w.e) == '.' && is_digit(ch(t, w.e + 1)))))
                w.e++; /* "3Com", "Business 2.0" */
            w.first_up = true;
            w.lower = 0;
        }
        if (w.e > e)
            return false;
        for (size_t k = w.s; k + 3 < w.e; k++)
            if (t->s[k] == '.' && (memcmp(t->s + k, ".com", 4) == 0 ||
                                   memcmp(t->s + k, ".net", 4) == 0 ||
                                   memcmp(t->s + k, ".org", 4) == 0))
                web = true;
        /* lower-case first only for web names and "eWeek", and for
         * small words inside a name ("The Globe and Mail") */
        static const char *const small[] = {"and", "of", "the", "for",
                                            "on",  "in", "de",  NULL};
        bool small_word = false;
        for (const char *const *q = small; *q && words > 0; q++)
            small_word |= strlen(*q) == w.e - w.s &&
                          memcmp(t->s + w.s, *q, w.e - w.s) == 0;
        if (!w.first_up && !web && !small_word &&
            !(w.first_lo && w.upper > 0) &&
            !(w.first_lo && w.e - w.s > 4 &&
              memchr(t->s + w.s, '.', w.e - w.s - w.dot_end)))
            return false; /* a dot inside ("p2pnet.net"), not a full stop */
        if (!small_word)
            caps &= w.lower == 0;
        words++;
        i = w.e;
        if (i < e && t->s[i] == '!')
            i++; /* "E! Online", "Yahoo! News" */
        if (i < e && t->s[i] != ' ')
            return false;
        while (i < e && t->s[i] == ' ')
            i++;
    }
    return words >= 1 && words <= 5 && (web || !caps);
}

/*
 * "AP - ", "Reuters - ", "SPACE.com - TORONTO, Canada -- ",
 * "Canadian Press - HALIFAX (CP) - ": a source name and a dash at the
 * start of the text. Fills m with the prefix alone (an agency-only
 * dateline) and sets *next to where a place dateline may follow.
 */
static bool dl_prefix(const struct dl_state *st, const struct dl_text *t,
                      size_t i, struct dl_match *m, size_t *next)
{
    size_t le = line_end(t, i);
    /* the phrase ends at the first " - " or " -- " on the line */
    for (size_t j = i + 1; j < le && j - i <= 40; j++) {
        size_t k;
        uint32_t cp = u8_cp(t->u, j, t->n, &k);
        if (!cp_is_dash(cp) ||
            !(is_hspace(ch(t, j - 1)) || ch(t, j - 1) == ':'))
            continue;
        size_t e = j, sep_at = j;
        while (e > i && is_hspace(t->s[e - 1]))
            e--;
        if (e > i && t->s[e - 1] == ':') /* "p2pnet.net News:- " */
            sep_at = --e;
        while (e > i && is_hspace(t->s[e - 1]))
            e--;
        size_t end;
        enum sep_kind sep = read_sep(t, sep_at, &end);
        if (sep != SEP_DASH && sep != SEP_DASH2)
            return false;
        bool known;
        struct dl_date d;
        if (!source_like(st, t, i, e, &known) ||
            (read_date(t, i, &d) && d.e >= e))
            return false; /* "Aug 24 - " is a date, not a source */
        /* a known place is a place, not a source: "London - " */
        const struct gaz_key *k2 = gaz_lookup(&st->gaz, t->s + i, e - i);
        if (!known && gaz_first(&st->gaz, k2, PLACE_KINDS, false))
            return false;
        /* nor is a company: "Apple - The company said ..." */
        if (!known && gaz_first(&st->gaz, k2, 1u << KIND_ORG, true))
            return false;
        size_t body = skip_blank(t, end);
        /* after a known agency ("AP - ...and then") any story */
        if (body >= t->n || !(sentence_start(t, body) || ch(t, body) == '(' ||
                              (known && !is_space(ch(t, body)))))
            return false;
        memset(m, 0, sizeof(*m));
        m->start = i;
        m->end = end;
        m->body = body;
        m->sep = sep;
        m->agency_name = t->s + i;
        m->agency_name_len = e - i;
        *next = body;
        return true;
    }
    return false;
}

/* ---- bylines and headline lines -------------------------------------------
 */

/* "By JANE SMITH" or "By Jane Smith and John Doe": returns the end of the
 * name part on the line, or 0. */
static size_t byline_end(const struct dl_text *t, size_t i, size_t le)
{
    size_t j = skip_hspace(t, i + 2);
    if (!starts_ci(t, i, "by ") || !is_upper(ch(t, j)))
        return 0;
    int words = 0;
    while (j < le && words < 10) {
        size_t k = skip_hspace(t, j);
        if (words > 0 && k - j >= 2)
            break; /* "By JANE SMITH     LONDON (Reuters)" */
        j = k;
        struct dl_word w;
        if (!read_word(t, j, &w))
            break;
        if (!w.first_up &&
            !(w.e - w.s == 3 && memcmp(t->s + w.s, "and", 3) == 0) &&
            !word_particle(t, &w))
            break;
        j = w.e;
        if (ch(t, j) == ',')
            j++;
        words++;
    }
    return words ? j : 0;
}

/*
 * Section labels before the dateline, as breadcrumbs a scraper kept:
 * "India News > NEW DELHI: ", "World  gt; Asia  gt; ". Returns where the
 * text after the last label starts, or i. A label is a few capitalised
 * words and ">" (or "&gt;", "gt;", "»") with spaces around it.
 */
static size_t skip_labels(const struct dl_text *t, size_t i)
{
    /* fast path: no ">", "gt;" or "»" near the start */
    size_t lim = t->n - i < 80 ? t->n - i : 80;
    if (!memchr(t->s + i, '>', lim) && !memchr(t->s + i, ';', lim) &&
        !memchr(t->s + i, 0xBB, lim))
        return i;
    size_t pos = i, k = i;
    int words = 0;
    while (k < t->n && k - i < 80) {
        struct dl_word w;
        if (words > 0 && words < 4 &&
            (starts_ci(t, k, "&amp; ") || starts_ci(t, k, "amp; ") ||
             starts_ci(t, k, "& "))) {
            /* "Science &amp; Technology > " */
            k = skip_hspace(
                t, k + (ch(t, k) == '&' ? 1 : 0) +
                       (starts_ci(t, k + (ch(t, k) == '&'), "amp;") ? 4 : 0));
            continue;
        }
        if (read_word(t, k, &w) && !w.has_digit && w.first_up &&
            w.e - w.s <= 20 && words < 4) {
            words++;
            k = w.e;
            size_t g = skip_hspace(t, k);
            if (g == k)
                break;
            size_t after = g;
            if (ch(t, g) == '>')
                after = g + 1;
            else if (starts_ci(t, g, "&gt;") || starts_ci(t, g, "&raquo;"))
                after = g + (ch(t, g + 1) == 'g' ? 4 : 7);
            else if (starts_ci(t, g, "gt;"))
                after = g + 3;
            else if (starts_ci(t, g, "raquo;"))
                after = g + 6;
            else if (starts_ci(t, g, "\xC2\xBB"))
                after = g + 2;
            if (after > g && is_hspace(ch(t, after))) {
                pos = k = skip_hspace(t, after);
                words = 0;
                continue;
            }
            k = g;
            continue;
        }
        break;
    }
    return pos;
}

/* May the line [i, le) stand before a dateline (a headline, a byline, an
 * "UPDATE 2-" slug)? Long lines, finished sentences and wrapped prose (a
 * line that ends with "the", "of", ... or holds ". The") may not. */
static bool headline_line(const struct dl_text *t, size_t i, size_t le)
{
    static const char *const tails[] = {
        "the",  "a",    "an",    "of", "to",    "in",   "and",  "or",
        "for",  "with", "by",    "at", "on",    "from", "that", "its",
        "his",  "her",  "their", "as", "is",    "was",  "said", "would",
        "will", "has",  "have",  "be", "which", "who",  NULL};
    size_t e = le;
    while (e > i && is_space(t->s[e - 1]))
        e--;
    if (e - i > 200)
        return false;
    int words = 1;
    for (size_t k = i; k < e; k++) {
        words += t->s[k] == ' ';
        if ((t->s[k] == '.' || t->s[k] == '?' || t->s[k] == '!') && k + 2 < e &&
            t->s[k + 1] == ' ' && is_upper(ch(t, k + 2))) {
            /* "... growth. Testifying ...": a sentence ends inside the
             * line; "a.m. ET" and "Mr. Smith" are abbreviations */
            size_t ws = k;
            while (ws > i && is_alpha(ch(t, ws - 1)))
                ws--;
            bool abbrev = k - ws < 3 || (ws > i && t->s[ws - 1] == '.');
            if (!abbrev && is_lower(ch(t, k - 1)))
                return false;
        }
    }
    int last = e > i ? (uint8_t)t->s[e - 1] : 0;
    if ((last == '.' && words > 8) || last == ',' || last == ';')
        return false;
    size_t ws = e;
    while (ws > i && is_alpha(ch(t, ws - 1)))
        ws--;
    for (const char *const *w = tails; *w; w++) {
        size_t n = strlen(*w);
        if (e - ws == n && (ws == i || t->s[ws - 1] == ' ')) {
            size_t k = 0;
            while (k < n && (ch(t, ws + k) | 32) == (*w)[k])
                k++;
            if (k == n)
                return false;
        }
    }
    return true;
}

/* ---- the plugin ------------------------------------------------------------
 */

static int out_span_str(prism_out *o, const struct dl_text *t, size_t s,
                        size_t e)
{
    return host->out_str(o, t->s + s, e - s);
}

/* The title-cased form of a place written in capitals ("BENSALEM" ->
 * "Bensalem", "SÃO TOMÉ" -> "São Tomé"), into buf; or the text as written
 * when it is not in capitals. */
static size_t title_case(const struct dl_text *t, size_t s, size_t e, char *buf,
                         size_t cap)
{
    size_t o = 0;
    bool start = true;
    for (size_t i = s; i < e && o + 4 < cap;) {
        size_t k;
        uint32_t cp = u8_cp(t->u, i, e, &k);
        int c = cp_case(cp);
        if (c == 1 && !start) {
            if (cp < 0x80)
                cp += 32;
            else if (cp < 0xDF)
                cp += 32;
            else if ((cp >= 0x100 && cp <= 0x137) ||
                     (cp >= 0x14A && cp <= 0x177))
                cp += 1;
            else if ((cp >= 0x139 && cp <= 0x148) ||
                     (cp >= 0x179 && cp <= 0x17E))
                cp += 1;
        }
        if (cp < 0x80) {
            buf[o++] = (char)cp;
        } else if (cp < 0x800 && k == 2) {
            buf[o++] = (char)(0xC0 | (cp >> 6));
            buf[o++] = (char)(0x80 | (cp & 0x3F));
        } else {
            memcpy(buf + o, t->s + i, k);
            o += k;
        }
        start = !(c >= -1 || cp == '\'' || cp == 0x2019);
        if (cp == '\'' || cp == 0x2019)
            start = false;
        i += k;
    }
    return o;
}

/* One location map. With with_region, the place is the dateline's first,
 * resolved with its region (dl_resolve); `whole` writes the whole location
 * text ("NEW YORK/LONDON", "ATLANTA, Ga.") rather than the place's own. */
static int out_place(const struct dl_state *st, const struct dl_text *t,
                     prism_out *o, const struct dl_match *m,
                     const struct dl_place *p, bool with_region, bool whole)
{
    const struct dl_gaz *g = &st->gaz;
    const struct gaz_rec *city = with_region ? m->city : NULL;
    const struct gaz_rec *area = with_region ? m->area : NULL;
    if (!with_region)
        city = gaz_first(g, gaz_lookup(g, t->s + p->s, p->e - p->s),
                         PLACE_KINDS, false);
    int rc = host->out_map(o, 4);
    rc |= host->out_cstr(o, "text");
    if (whole)
        rc |= out_span_str(o, t, m->loc_s, m->loc_e);
    else
        rc |= out_span_str(o, t, p->s, p->e);
    rc |= host->out_cstr(o, "city");
    char buf[DL_NAME_BUF];
    if (city && city->kind == KIND_CITY) {
        rc |= host->out_cstr(o, gaz_str(g, city->name));
    } else if (city || (area && !city)) {
        /* a region or country named alone ("BAHRAIN", "MICHIGAN"), or an
         * unknown city in a known region: the city as written */
        if (city && city->kind != KIND_CITY)
            rc |= host->out_nil(o);
        else
            rc |= host->out_str(o, buf,
                                title_case(t, p->s, p->e, buf, sizeof(buf)));
    } else {
        rc |=
            host->out_str(o, buf, title_case(t, p->s, p->e, buf, sizeof(buf)));
    }
    rc |= host->out_cstr(o, "region");
    const char *region = NULL;
    if (area && area->kind == KIND_REGION)
        region = gaz_str(g, area->region);
    else if (city && city->kind == KIND_REGION)
        region = gaz_str(g, city->region);
    else if (city && city->kind == KIND_CITY && city->region)
        region = gaz_str(g, city->region);
    if (region && *region)
        rc |= host->out_cstr(o, region);
    else if (with_region && m->has_region && !area)
        rc |= out_span_str(o, t, m->region_s, m->region_e);
    else
        rc |= host->out_nil(o);
    rc |= host->out_cstr(o, "country");
    const char *cc = city ? city->cc : area ? area->cc : NULL;
    if (cc && cc[0])
        rc |= host->out_str(o, cc, 2);
    else
        rc |= host->out_nil(o);
    return rc;
}

static int dl_emit(const struct dl_state *st, const prism_doc *doc,
                   const struct dl_text *t, prism_out *o,
                   const struct dl_match *m)
{
    int pairs = 7 + (m->n_places > 1);
    int rc = host->out_map(o, (size_t)pairs);
    rc |= host->out_cstr(o, "found");
    rc |= host->out_bool(o, true);
    rc |= host->out_cstr(o, "start");
    rc |= host->out_offset(o, m->start);
    rc |= host->out_cstr(o, "end");
    rc |= host->out_offset(o, m->end);
    rc |= host->out_cstr(o, "body_start");
    rc |= host->out_offset(o, m->body);
    rc |= host->out_cstr(o, "location");
    if (m->n_places)
        rc |= out_place(st, t, o, m, &m->places[0], true, true);
    else
        rc |= host->out_nil(o);
    if (m->n_places > 1) {
        rc |= host->out_cstr(o, "locations");
        rc |= host->out_array(o, (size_t)m->n_places);
        for (int i = 0; i < m->n_places; i++)
            rc |= out_place(st, t, o, m, &m->places[i], i == 0, false);
    }
    rc |= host->out_cstr(o, "date");
    if (m->has_date && m->date.e > m->date.s) {
        size_t de = m->date.e;
        while (de > m->date.s &&
               (t->s[de - 1] == ',' || is_hspace(t->s[de - 1])))
            de--;
        rc |= host->out_map(o, 2);
        rc |= host->out_cstr(o, "text");
        rc |= out_span_str(o, t, m->date.s, de);
        rc |= host->out_cstr(o, "iso");
        int64_t now = 0;
        char iso[11];
        host->doc_time(doc, &now);
        if (resolve_iso(&m->date, now, iso))
            rc |= host->out_str(o, iso, 10);
        else
            rc |= host->out_nil(o);
    } else {
        rc |= host->out_nil(o);
    }
    rc |= host->out_cstr(o, "agency");
    if (m->has_agency)
        rc |= out_span_str(o, t, m->agency.s, m->agency.e);
    else if (m->agency_name)
        rc |= host->out_str(o, m->agency_name, m->agency_name_len);
    else
        rc |= host->out_nil(o);
    return rc;
}

/* Try a dateline at i; on success copy it into *best. `indented` says
 * whether the candidate follows white space on a later line. */
static bool try_at_ind(const struct dl_state *st, const struct dl_text *t,
                       size_t i, bool first, bool indented,
                       struct dl_match *best)
{
    struct dl_match m;
    if (dl_parse_at(st, t, i, false, &m) &&
        dl_accept(st, t, &m, first, indented)) {
        *best = m;
        return true;
    }
    if (first && dl_parse_at(st, t, i, true, &m) &&
        dl_accept(st, t, &m, first, indented)) {
        *best = m;
        return true;
    }
    return false;
}

static bool try_at(const struct dl_state *st, const struct dl_text *t, size_t i,
                   bool first, struct dl_match *best)
{
    return try_at_ind(st, t, i, first, i > 0 && is_hspace(t->s[i - 1]), best);
}

/*
 * A dateline at i with what may lead it: a date header or an agency before
 * the place ("OCT. 1, 2004 (IDG) - LONDON - ") is merged into one.
 */
static bool try_full(const struct dl_state *st, const struct dl_text *t,
                     size_t i, bool first, bool indented, struct dl_match *m)
{
    if (!try_at_ind(st, t, i, first, indented, m))
        return false;
    struct dl_match place;
    if (m->n_places == 0 && try_at(st, t, m->body, true, &place) &&
        place.n_places > 0) {
        place.start = m->start;
        if (!place.has_date && m->has_date) {
            place.has_date = true;
            place.date = m->date;
        }
        if (!place.has_agency && m->has_agency) {
            place.has_agency = true;
            place.agency = m->agency;
        }
        *m = place;
    }
    return true;
}

/*
 * A byline and the dateline on one line: "By JANE DOE     LONDON (Reuters)",
 * "By JOHN DOE, AP Business Writer  WASHINGTON -- ", "By JANE DOE    AP
 * Technology Writer    SAN JOSE, Calif. (AP) -- ", "By Jane Doe, Globe
 * Staff  |  October 31, 2004 ". Where white space or a bar sets a part of
 * the line apart, that part is read as a first-line dateline; otherwise
 * each later word may start a dateline with a known place and a
 * separator, an agency or a date ("By JOHN DOE WASHINGTON (AP) -- ").
 */
/* A full date after a byline, as a date-only dateline even without a
 * separator: "By Jane Doe, Globe Staff  |  October 31, 2004 The ...",
 * "..., Globe Correspondent, 10/31/2004. The ..." */
static bool byline_date(const struct dl_state *st, const struct dl_text *t,
                        size_t k, struct dl_match *m)
{
    struct dl_date d;
    if (!read_date(t, k, &d) || !d.day)
        return false;
    size_t e;
    enum sep_kind sep = read_sep(t, d.e, &e);
    if (sep != SEP_DASH && sep != SEP_DASH2 && sep != SEP_COLON) {
        if (!d.year)
            return false; /* "Aug. 24 - " may go without a year */
        sep = SEP_LOST;
        e = d.e + (ch(t, d.e) == '.' || ch(t, d.e) == ',');
    }
    size_t b = skip_blank(t, e);
    if (b == d.e || b >= t->n)
        return false;
    /* "October 31, 2004 FOXBOROUGH -- ": the place after the date */
    struct dl_match place;
    if (try_at(st, t, b, true, &place) && place.n_places > 0) {
        *m = place;
        m->start = k;
        if (!m->has_date) {
            m->date = d;
            m->has_date = true;
        }
        return true;
    }
    if (!sentence_start(t, b))
        return false;
    memset(m, 0, sizeof(*m));
    m->start = k;
    m->date = d;
    m->has_date = true;
    m->end = e;
    m->body = b;
    m->sep = sep;
    return true;
}

/* A known source and a dash after a byline: "By Jane Doe, NewsFactor - ",
 * "By JANE DOE  AP - ", "By Jane Doe (HealthDayNews) -- ", perhaps with a
 * place after it. Unknown names are not read here: a byline's own words
 * ("Staff Writer") are capitalised too. */
static bool byline_source(const struct dl_state *st, const struct dl_text *t,
                          size_t j, struct dl_match *m)
{
    struct dl_match pre;
    size_t next;
    bool known;
    if (ch(t, j) == '(') {
        return try_at(st, t, j, true, m) && m->n_places == 0 && m->has_agency &&
               !m->has_date && m->sep != SEP_LOST;
    }
    if (!dl_prefix(st, t, j, &pre, &next) ||
        !source_like(st, t, pre.start, pre.start + pre.agency_name_len, &known))
        return false;
    if (!known && !memchr(pre.agency_name, '.', pre.agency_name_len))
        return false;
    if (try_at(st, t, next, true, m)) {
        if (!m->has_agency) {
            m->agency_name = pre.agency_name;
            m->agency_name_len = pre.agency_name_len;
        }
        return true;
    }
    *m = pre;
    return true;
}

static bool dl_byline(const struct dl_state *st, const struct dl_text *t,
                      size_t i, size_t le, struct dl_match *m)
{
    size_t be = byline_end(t, i, le);
    if (!be)
        return false;
    size_t lim = le < i + 240 ? le : i + 240;
    /* the parts after gaps of two spaces or more, or after a bar */
    for (size_t j = be; j < lim;) {
        size_t k = skip_hspace(t, j);
        if (ch(t, k) == '|')
            k = skip_hspace(t, k + 1);
        else if (k < j + 2 && !(j == be && k > j && ch(t, j - 1) == ','))
            k = j; /* no gap here */
        if (k > j && k < lim &&
            (try_full(st, t, k, true, false, m) || byline_date(st, t, k, m)))
            return true;
        j = k > j ? k : j + 1;
        while (j < lim && !is_hspace(ch(t, j)))
            j++;
    }
    /* the first word that starts a dateline with a known place; else the
     * first date ("By Jane Doe, Aug. 24 (Reuters) - ", "..., Globe Staff,
     * 10/31/2004. The ..."); else the first unknown place with an agency
     * or a date: "By JANE DOE NEW YORK (AP)" is not from "DOE NEW YORK" */
    int found = 0; /* 2: a date, 1: an unknown place */
    struct dl_match cand;
    for (size_t j = i + 3; j < lim; j++) {
        if (t->s[j - 1] != ' ' || !(is_upper(ch(t, j)) || is_digit(ch(t, j))))
            continue;
        struct dl_date d;
        if (found < 2 && read_date(t, j, &d) && d.day) {
            if ((try_full(st, t, j, true, false, &cand) && cand.has_date) ||
                byline_date(st, t, j, &cand)) {
                if (cand.n_places > 0 && cand.city_known) {
                    *m = cand;
                    return true;
                }
                *m = cand;
                found = 2;
            }
            continue;
        }
        if (!try_at_ind(st, t, j, false, false, &cand))
            continue;
        bool wide = cand.sep == SEP_DASH || cand.sep == SEP_DASH2 ||
                    cand.sep == SEP_COLON;
        if (cand.n_places > 0 && cand.city_known && cand.places[0].caps &&
            (cand.has_agency || cand.has_date || wide)) {
            *m = cand;
            return true;
        }
        if (!found && (cand.has_agency || cand.has_date)) {
            *m = cand;
            found = 1;
        }
    }
    if (found)
        return true;
    /* "By Jane Doe, NewsFactor - ": a source after the byline */
    for (size_t j = i + 3; j < lim; j++)
        if ((t->s[j - 1] == ' ' || t->s[j - 1] == '\\') &&
            (is_alpha(ch(t, j)) || ch(t, j) == '(') &&
            byline_source(st, t, j, m))
            return true;
    return false;
}

/* A wire tag in parentheses before the dateline: "(2nd UPDATE) ",
 * "(UPDATE 1) ", "(CORRECTED) ", "(REFILE) ". Returns the end of the tag
 * and its spaces, or i. */
static size_t skip_tag(const struct dl_text *t, size_t i)
{
    static const char *const tags[] = {
        "update", "corrected", "correction", "refile", "repeat", "rpt", NULL};
    if (ch(t, i) != '(')
        return i;
    const char *close = memchr(t->s + i, ')', t->n - i < 32 ? t->n - i : 32);
    if (!close)
        return i;
    size_t e = (size_t)(close - t->s);
    for (size_t k = i + 1; k < e; k++) {
        if (k > i + 1 && is_alpha(ch(t, k - 1)))
            continue;
        for (const char *const *g = tags; *g; g++)
            if (starts_ci(t, k, *g) && !is_alpha(ch(t, k + strlen(*g))))
                return skip_blank(t, e + 1);
    }
    return i;
}

/* Find the dateline in the head of the text. */
static bool dl_find(const struct dl_state *st, const struct dl_text *t,
                    struct dl_match *m)
{
    size_t i = skip_blank(t, 0);
    i = skip_labels(t, i);
    i = skip_tag(t, i);
    int after_byline = 0; /* lines left that may hold the byline's title */
    for (unsigned line = 0; line <= st->max_lines && i < t->n; line++) {
        /* a dateline after a byline ("By Jane Doe", then perhaps "AP
         * Business Writer") reads as if it opened the story */
        bool first = line == 0 || after_byline > 0;
        if (try_full(st, t, i, first, i > 0 && is_hspace(t->s[i - 1]), m))
            return true;
        size_t le = para_end(t, i, line_end(t, i));
        /* a byline on the same line: "By JANE SMITH     SAN FRANCISCO" */
        if (dl_byline(st, t, i, le, m))
            return true;
        /* a feed prefix: "SPACE.com - TORONTO, Canada -- ", "AP - " */
        struct dl_match pre;
        size_t next;
        if (first && !byline_end(t, i, le) &&
            dl_prefix(st, t, i, &pre, &next)) {
            if (try_at(st, t, next, true, m)) {
                if (!m->has_agency) {
                    m->agency_name = pre.agency_name;
                    m->agency_name_len = pre.agency_name_len;
                }
                return true;
            }
            *m = pre;
            return true;
        }
        if (!headline_line(t, i, le))
            return false;
        size_t be = byline_end(t, i, le);
        after_byline = be && skip_blank(t, be) >= le ? 2 : after_byline - 1;
        i = skip_blank(t, le);
    }
    return false;
}

static int dl_process(void *state, const prism_doc *doc, prism_out *out)
{
    const struct dl_state *st = state;
    size_t len = 0;
    const char *text = host->doc_text(doc, &len);
    struct dl_text t = {.s = text,
                        .u = (const uint8_t *)text,
                        .n = len < st->head_bytes ? len : st->head_bytes};
    struct dl_match m;
    int rc;
    if (text && dl_find(st, &t, &m)) {
        rc = dl_emit(st, doc, &t, out, &m);
    } else {
        rc = host->out_map(out, 1);
        rc |= host->out_cstr(out, "found");
        rc |= host->out_bool(out, false);
    }
    if (rc != 0) {
        host->out_error(out, "out of memory writing the result");
        return -1;
    }
    return 0;
}

/* ---- init and fini ----------------------------------------------------------
 */

static char *dup_msg(const char *msg)
{
    size_t n = strlen(msg) + 1;
    char *p = host->alloc(n);
    if (p)
        memcpy(p, msg, n);
    return p;
}

static bool parse_size(const char *s, const char *dflt, size_t lo, size_t hi,
                       size_t *out)
{
    if (!s)
        s = dflt;
    if (!*s)
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v < lo || v > hi)
        return false;
    *out = (size_t)v;
    return true;
}

static int dl_init(const prism_conf *conf, void **state, char **errmsg)
{
    char err[512];
    struct dl_state *st = calloc(1, sizeof(*st));
    if (!st) {
        *errmsg = dup_msg("out of memory");
        return -1;
    }
    size_t v;
    if (!parse_size(host->conf_get(conf, "head_bytes"), "1024", 64, 1 << 20,
                    &v)) {
        snprintf(err, sizeof(err),
                 "head_bytes: want a number of bytes from "
                 "64 to 1048576");
        goto out_fail;
    }
    st->head_bytes = v;
    if (!parse_size(host->conf_get(conf, "max_lines"), "6", 0, 20, &v)) {
        snprintf(err, sizeof(err), "max_lines: want a number from 0 to 20");
        goto out_fail;
    }
    st->max_lines = (unsigned)v;
    const char *path = host->conf_path(conf, "gazetteer");
    if (!path || !*path) {
        snprintf(err, sizeof(err), "gazetteer: no path set");
        goto out_fail;
    }
    if (gaz_open(&st->gaz, path, err, sizeof(err)) < 0)
        goto out_fail;
    st->has_words = gaz_common_word(&st->gaz, "water", 5);
    *state = st;
    return 0;

out_fail:
    free(st);
    *errmsg = dup_msg(err);
    return -1;
}

static void dl_fini(void *state)
{
    struct dl_state *st = state;
    if (!st)
        return;
    if (st->gaz.map)
        munmap((void *)st->gaz.map, st->gaz.size);
    free(st);
}

static const prism_option dl_options[] = {
    {"gazetteer", "../build/data/dateline.gaz",
     "compiled gazetteer (tools/gazgen.py), relative to the config file"},
    {"head_bytes", "1024", "read at most this many bytes of a document"},
    {"max_lines", "6",
     "headline, byline and slug lines allowed before the dateline"},
    {NULL, NULL, NULL},
};

static const prism_plugin dl_plugin = {
    PRISM_PLUGIN_HEADER,
    .name = "dateline",
    .version = DL_VERSION,
    .description = "finds the dateline (place, date, agency) that opens a "
                   "news story",
    .options = dl_options,
    .init = dl_init,
    .process = dl_process,
    .fini = dl_fini,
};

PRISM_EXPORT const prism_plugin *prism_plugin_entry(const prism_host *h)
{
    if (!h || h->abi_major != PRISM_ABI_MAJOR ||
        h->struct_size < offsetof(prism_host, out_error) + sizeof(void *))
        return NULL;
    host = h;
    return &dl_plugin;
}

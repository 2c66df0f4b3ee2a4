/*
 * The entity tagger's shared core: word normalisation, the gazetteer, the
 * feature templates, the model file and Viterbi decoding.
 *
 * This header is compiled into two programs: the plugin (entities.c) and
 * the trainer (tools/train.c). Both must turn a token into exactly the same
 * features, or the trained weights mean nothing at run time, so the code
 * lives in one place. Every function is `static inline` so that each
 * program keeps its symbols private (the plugin exports only its entry
 * point) and an unused helper costs nothing.
 *
 * Tokens are raw UTF-8 byte strings: CoNLL's tokens in the trainer, the
 * shared tokenizer's tokens in the plugin. Everything the features need is
 * computed from those bytes here, never from a tokenizer's flags, so the two
 * sources behave alike. Curly quotes and apostrophes, dashes and accented
 * Latin letters are normalised first ("Hungary’s" and "Hungary's" are one
 * word; "Zürich" matches "Zurich").
 *
 * Tags are BILOU over the four CoNLL types (PER, ORG, LOC, MISC): 17 tags.
 * The finer labels the plugin publishes (GPE/LOC, NORP/MISC) come from the
 * gazetteer after decoding, in entities.c.
 *
 * The model file (little-endian, mmap()ed read-only):
 *   header (struct ner_file_header)
 *   transitions  int16 [stages][NER_NTAGS + 1][NER_NTAGS] (last row: start)
 *   weight keys  uint32 [1 << w_log2]                (open addressing)
 *   weights      struct ner_wrow [1 << w_log2]       (the rows of those keys)
 *   gazetteer    struct ner_gslot [1 << g_log2]      (open addressing)
 *   word sets    uint64 [1 << (b_log2 - 6)]          (a Bloom filter)
 *   clusters     struct ner_cslot [1 << c_log2]      (open addressing)
 * A weight slot's key is 1 + the feature's row (its hash masked to
 * row_bits) + (stage << row_bits); 0 marks an empty slot. A row holds the
 * int16 weights the trainer exported, in int8 with a power-of-two factor
 * of its own (struct ner_wrow); scores are summed in int32, and `scale`
 * converts them back to the trainer's units.
 *
 * The word sets of the Bloom filter say whether a word is ordinary
 * English (WordNet) and how common it is in lower case and as a name
 * (SCOWL's word lists): "There", "Analyst" and "Born" are common words
 * before they are names. Features of the run of capitalised words a token
 * is in (its head and first word, length, how many of its words are
 * common words, whether its head names organisations, places, events or
 * buildings) carry what CoNLL's names teach to names it never saw.
 *
 * Two stages: the first model tags the document; the second sees the same
 * features plus the first stage's tags of the same word elsewhere in the
 * document ("Rutte" was the end of a PER name above; "JAPAN" in the
 * headline was LOC in the text) and gives the final tags.
 */
#ifndef PRISM_ENTITIES_NER_H
#define PRISM_ENTITIES_NER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ---- tags ---------------------------------------------------------------- */

enum ner_type { NER_PER = 0, NER_ORG = 1, NER_LOC = 2, NER_MISC = 3 };
#define NER_NTYPES 4
/* tag = 0 for O, else 1 + type * 4 + part, part in B, I, L, U. */
enum ner_part { NER_B = 0, NER_I = 1, NER_L = 2, NER_U = 3 };
#define NER_NTAGS (1 + NER_NTYPES * 4)
#define NER_WROW  18 /* int16 weights per slot: NER_NTAGS, padded */

static inline int ner_tag(int type, int part)
{
    return 1 + type * 4 + part;
}
static inline int ner_tag_type(int tag)
{
    return tag ? (tag - 1) / 4 : -1;
}
static inline int ner_tag_part(int tag)
{
    return tag ? (tag - 1) % 4 : -1;
}

/* May tag b follow tag a (a = -1: sentence start; b = -1: sentence end)? */
static inline bool ner_tag_allowed(int a, int b)
{
    bool a_open =
        a > 0 && (ner_tag_part(a) == NER_B || ner_tag_part(a) == NER_I);
    bool b_cont =
        b > 0 && (ner_tag_part(b) == NER_I || ner_tag_part(b) == NER_L);
    if (a_open)
        return b_cont && ner_tag_type(a) == ner_tag_type(b);
    return !b_cont;
}

/* ---- hashing ---------------------------------------------------------------
 */

static inline uint32_t ner_mix32(uint32_t h)
{
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return h;
}

static inline uint32_t ner_hash_bytes(const char *s, size_t n, uint32_t seed)
{
    uint64_t h = 0xcbf29ce484222325ull ^ seed;
    for (size_t i = 0; i < n; i++) {
        /* cppcheck pairs one caller's string with another's length here
         * (a "the" with the 9 of "published"); every caller passes the
         * string's own length */
        // cppcheck-suppress arrayIndexOutOfBounds
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ull;
    }
    return ner_mix32((uint32_t)(h ^ (h >> 32)));
}

static inline uint32_t ner_comb(uint32_t a, uint32_t b)
{
    return ner_mix32(a * 0x9e3779b1u + b + 0x7f4a7c15u);
}

/* A feature: template id and up to three values, one mix (this runs ~90
 * times per token). */
static inline uint32_t ner_feat(uint32_t tmpl, uint32_t a, uint32_t b,
                                uint32_t c)
{
    uint32_t h = tmpl * 0x27d4eb2fu + 0x165667b1u;
    h ^= a * 0x9e3779b1u;
    h = (h << 13 | h >> 19) ^ (b * 0x85ebca77u);
    h = (h << 11 | h >> 21) ^ (c * 0xc2b2ae3du);
    return ner_mix32(h);
}

/* The first slot of a weight key in a table of 1 << log2 slots. */
static inline uint32_t ner_wslot_first(uint32_t key, uint32_t log2)
{
    return (uint32_t)((key * 0x9e3779b1u) >> (32 - log2));
}

/* ---- normalisation ------------------------------------------------------- */

#define NER_MAXWORD 48 /* bytes of a token the features look at */

/* Lower-case ASCII letter for U+00C0..U+017F (accents folded), or 0. */
static inline char ner_fold_latin(uint32_t cp)
{
    static const char t1[] = /* U+00C0..U+00FF */
        "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"
        "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";
    static const char t2[] = /* U+0100..U+017F */
        "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllll"
        "llllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
    if (cp >= 0xC0 && cp <= 0xFF)
        return t1[cp - 0xC0];
    if (cp >= 0x100 && cp <= 0x17F)
        return t2[cp - 0x100];
    return 0;
}

/* Is the Latin code point upper case (U+00C0..U+017F)? */
static inline bool ner_latin_upper(uint32_t cp)
{
    if (cp >= 0xC0 && cp <= 0xDE)
        return cp != 0xD7;
    if (cp >= 0x100 && cp <= 0x137)
        return (cp & 1) == 0;
    if (cp >= 0x139 && cp <= 0x148)
        return (cp & 1) == 1;
    if (cp >= 0x14A && cp <= 0x177)
        return (cp & 1) == 0;
    return cp == 0x178 || cp == 0x179 || cp == 0x17B || cp == 0x17D;
}

/* Decodes one UTF-8 sequence at s[*i] (input is valid UTF-8, but stay safe
 * on truncation). */
static inline uint32_t ner_utf8_next(const char *s, size_t n, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t c = u[*i];
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (*i + len > n) {
        (*i)++;
        return 0xFFFD;
    }
    if (len == 2)
        c = ((c & 0x1F) << 6) | (u[*i + 1] & 0x3F);
    else if (len == 3)
        c = ((c & 0x0F) << 12) | ((u[*i + 1] & 0x3F) << 6) | (u[*i + 2] & 0x3F);
    else if (len == 4)
        c = ((c & 0x07) << 18) | ((u[*i + 1] & 0x3F) << 12) |
            ((u[*i + 2] & 0x3F) << 6) | (u[*i + 3] & 0x3F);
    *i += len;
    return c;
}

enum ner_cap {
    NER_CAP_NONE = 0,  /* no letters */
    NER_CAP_LOWER = 1, /* every letter lower case */
    NER_CAP_TITLE = 2, /* first letter upper, the others lower */
    NER_CAP_UPPER = 3, /* every letter upper case */
    NER_CAP_MIXED = 4, /* anything else: McDonald, iPhone */
};

/* One token, normalised. `form` keeps case (digits become 0), `lower` is
 * lower-cased and accent-folded; both are NUL-terminated and at most
 * NER_MAXWORD bytes. */
typedef struct ner_word {
    char form[NER_MAXWORD + 1];
    char lower[NER_MAXWORD + 1];
    char shape[NER_MAXWORD + 1]; /* Xxxx -> Xx: runs collapsed to two */
    uint8_t form_len, lower_len, shape_len;
    uint8_t cap;       /* enum ner_cap */
    bool digit, alpha; /* has a digit; has a letter */
    bool hyphen, dot;  /* has an inner hyphen; has a dot */
} ner_word;

static inline void ner_word_put(ner_word *w, char f, char l, char sh)
{
    if (w->form_len < NER_MAXWORD) {
        w->form[w->form_len++] = f;
        w->lower[w->lower_len++] = l;
    }
    if (w->shape_len < NER_MAXWORD &&
        !(w->shape_len >= 2 && w->shape[w->shape_len - 1] == sh &&
          w->shape[w->shape_len - 2] == sh))
        w->shape[w->shape_len++] = sh;
}

/* Normalises a token's bytes into w. Never fails. */
static inline void ner_word_make(ner_word *w, const char *s, size_t n)
{
    size_t i = 0;
    int n_upper = 0, n_lower = 0;
    bool first_upper = false, seen_letter = false, later_upper = false;
    memset(w, 0, sizeof(*w));
    while (i < n && w->form_len < NER_MAXWORD) {
        uint32_t c = ner_utf8_next(s, n, &i);
        char f, l, sh;
        bool up = false, letter = false;
        if (c < 0x80) {
            f = (char)c;
            l = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            if (c >= '0' && c <= '9') {
                f = l = '0';
                sh = 'd';
                w->digit = true;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                letter = true;
                up = c <= 'Z';
                sh = up ? 'X' : 'x';
            } else {
                if (c == '`')
                    f = l = '\'';
                sh = f;
                if (c == '-' && i < n && w->form_len > 0)
                    w->hyphen = true;
                if (c == '.')
                    w->dot = true;
            }
        } else if (ner_fold_latin(c)) {
            letter = true;
            up = ner_latin_upper(c);
            l = ner_fold_latin(c);
            f = up ? (char)(l - 32) : l;
            sh = up ? 'X' : 'x';
        } else if (c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B ||
                   c == 0x2032) {
            f = l = sh = '\'';
        } else if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F ||
                   c == 0xAB || c == 0xBB) {
            f = l = sh = '"';
        } else if (c == 0x2013 || c == 0x2212) {
            f = l = sh = '-';
        } else if (c == 0x2014 || c == 0x2015) {
            ner_word_put(w, '-', '-', '-');
            f = l = sh = '-';
        } else if (c == 0x2026) {
            ner_word_put(w, '.', '.', '.');
            ner_word_put(w, '.', '.', '.');
            f = l = sh = '.';
        } else if ((c >= 0x370 && c <= 0x24FF) || (c >= 0x3040 && c < 0xA000) ||
                   (c >= 0xAC00 && c < 0xD7B0)) {
            /* other scripts: a letter of unknown case */
            letter = true;
            f = l = 'q';
            sh = 'q';
        } else {
            f = l = sh = '#';
        }
        if (letter) {
            w->alpha = true;
            if (up) {
                n_upper++;
                if (!seen_letter)
                    first_upper = true;
                else
                    later_upper = true;
            } else {
                n_lower++;
            }
            seen_letter = true;
        }
        ner_word_put(w, f, l, sh);
    }
    w->form[w->form_len] = 0;
    w->lower[w->lower_len] = 0;
    w->shape[w->shape_len] = 0;
    if (!w->alpha)
        w->cap = NER_CAP_NONE;
    else if (n_upper == 0)
        w->cap = NER_CAP_LOWER;
    else if (n_lower == 0)
        w->cap = NER_CAP_UPPER;
    else if (first_upper && !later_upper)
        w->cap = NER_CAP_TITLE;
    else
        w->cap = NER_CAP_MIXED;
}

/* The key of a word for the gazetteer and the word clusters: lower-case,
 * folded, without dots ("U.S." = "us" is not wanted: dots are kept). */
static inline uint32_t ner_key_word(const ner_word *w)
{
    return ner_hash_bytes(w->lower, w->lower_len, 0x5eed);
}

/* Extends a phrase key by one more word. */
static inline uint32_t ner_key_extend(uint32_t key, uint32_t word_key,
                                      bool first)
{
    return first ? word_key : ner_comb(key ^ 0x20u, word_key);
}

/* ---- the model file ------------------------------------------------------ */

#define NER_MAGIC   "PRISMNER"
#define NER_VERSION 7u
#define NER_STAGES  2

enum ner_gaz_type {
    NER_G_COUNTRY = 0,
    NER_G_CITY,
    NER_G_STATE,
    NER_G_LOC,
    NER_G_PERSON,
    NER_G_FIRST,
    NER_G_ORG,
    NER_G_NORP,
    NER_G_MISC,
    NER_G_LOCWORD,
    NER_G_ORGWORD,
    NER_G_TITLE,
    NER_G_ALIAS,
    NER_G_REGION, /* continents, seas, regions: LOC, never GPE */
    NER_G_NTYPES,
    NER_G_ORGLIST = 14, /* bit: in lists/orgs.txt (not a feature) */
    NER_G_PREFIX = 15,  /* bit: a longer phrase starts with this one */
    /* bits of single words that head names (not T_GAZ features): event,
     * award and law words ("Prize", "Treaty"); buildings ("Airport") */
    NER_G_MISCHEAD = 16,
    NER_G_FACHEAD = 17,
    NER_G_ORGHEAD = 18, /* ends nothing but organisations ("University") */
    NER_G_NEWS = 19,    /* bit: in lists/people.txt (not a feature) */
    NER_G_GIVEN = 20,   /* bit: a given name of the wider list (Faker's,
                           python3-fake-factory; not a feature) */
};

struct ner_file_header {
    char magic[8];
    uint32_t version;
    uint32_t ntags;      /* NER_NTAGS */
    uint32_t row_bits;   /* feature rows: hash & ((1 << row_bits) - 1) */
    uint32_t w_log2;     /* weight slots: 1 << w_log2 */
    uint32_t g_log2;     /* gazetteer slots */
    uint32_t b_log2;     /* Bloom filter bits */
    uint32_t c_log2;     /* cluster slots (0: none) */
    uint32_t gaz_maxlen; /* longest gazetteer phrase, in tokens */
    float scale;         /* weight units per trainer unit */
    uint32_t stages;     /* 1, or 2 with the second stage */
    uint32_t reserved[4];
    uint64_t off_trans, off_w, off_wv, off_g, off_b, off_c, size;
};

/* A weight row as the trainer handles it; the file keeps the keys and the
 * rows in two arrays, so that probing touches only the small key array. */
struct ner_wslot {
    uint32_t key; /* 1 + row; 0: empty */
    int16_t w[NER_WROW];
};

/* A weight row as the file keeps it: each weight is w[t] * 2^shift in the
 * int16 units the trainer exported. The row's largest weight keeps seven
 * bits, and a row takes 18 bytes where int16 took 36: the table is larger
 * than the caches, and looking rows up is most of the tagger's wait for
 * memory. The F1 of the dev sets moved by less than 0.15 either way. */
struct ner_wrow {
    int8_t w[NER_NTAGS];
    uint8_t shift; /* 0..15 (read masked to four bits) */
};
_Static_assert(sizeof(struct ner_wrow) == NER_NTAGS + 1, "weight row packed");

/* Packs the int16 weights w[NER_NTAGS] into a file row (the trainer's
 * export): each weight rounded to the nearest step of 2^shift, halves away
 * from zero, with the smallest shift at which the largest still fits. */
static inline struct ner_wrow ner_wrow_pack(const int16_t *w)
{
    struct ner_wrow r = {.shift = 0};
    int32_t big = 0;
    for (int t = 0; t < NER_NTAGS; t++) {
        int32_t a = w[t] < 0 ? -(int32_t)w[t] : w[t];
        big = a > big ? a : big;
    }
    while ((big + (((int32_t)1 << r.shift) >> 1)) >> r.shift > 127)
        r.shift++;
    int32_t step = (int32_t)1 << r.shift, half = step >> 1;
    for (int t = 0; t < NER_NTAGS; t++)
        r.w[t] = (int8_t)(w[t] < 0 ? -((-(int32_t)w[t] + half) / step)
                                   : (w[t] + half) / step);
    return r;
}

/* Eight bytes: the key, then one 32-bit word whose low 21 bits are the
 * types and the high 11 bits the canonical id (as GCC and Clang lay out
 * bit-fields on little-endian machines; the trainer checks both ranges). */
#define NER_G_MASK_BITS  21
#define NER_G_CANON_BITS 11
struct ner_gslot {
    uint32_t key;        /* phrase key, 0: empty (a key of 0 is stored as 1) */
    unsigned mask : 21;  /* bits of enum ner_gaz_type */
    unsigned canon : 11; /* 0, or the id shared by names of one thing */
};
_Static_assert(sizeof(struct ner_gslot) == 8, "gazetteer slot of 8 bytes");
_Static_assert(NER_G_ORGHEAD < NER_G_MASK_BITS && NER_G_GIVEN < NER_G_MASK_BITS,
               "gazetteer types fit the slot");

struct ner_cslot {
    uint32_t key; /* word key, 0: empty */
    uint32_t pl;  /* bits 8..31: the cluster's bit path, most significant
                     bit first (24 at most); bits 0..7: its length */
};

typedef struct ner_model {
    const struct ner_file_header *h;
    const int16_t *trans;
    const uint32_t *wk;
    const struct ner_wrow *wv;
    const struct ner_gslot *g;
    const uint64_t *bloom;
    const struct ner_cslot *c;
    uint32_t w_mask, g_mask, b_mask, c_mask, row_mask;
} ner_model;

/* Checks a model image and fills m. Returns NULL or a static message. */
static inline const char *ner_model_open(ner_model *m, const void *base,
                                         size_t size)
{
    const struct ner_file_header *h = base;
    memset(m, 0, sizeof(*m));
    if (size < sizeof(*h) || memcmp(h->magic, NER_MAGIC, 8) != 0)
        return "not an entities model file";
    if (h->version != NER_VERSION || h->ntags != NER_NTAGS)
        return "entities model of another format version (rebuild it: "
               "make model)";
    if (h->size != size || h->w_log2 > 28 || h->g_log2 > 28 || h->b_log2 > 32 ||
        h->b_log2 < 6 || h->c_log2 > 28 || h->row_bits > 28 ||
        h->row_bits < 8 || h->stages < 1 || h->stages > NER_STAGES)
        return "entities model file is truncated or corrupt";
    uint64_t need[][2] = {
        {h->off_trans, (uint64_t)h->stages * (NER_NTAGS + 1) * NER_NTAGS * 2},
        {h->off_w, (uint64_t)sizeof(uint32_t) << h->w_log2},
        {h->off_wv, (uint64_t)sizeof(struct ner_wrow) << h->w_log2},
        {h->off_g, (uint64_t)sizeof(struct ner_gslot) << h->g_log2},
        {h->off_b, (uint64_t)1 << (h->b_log2 - 3)},
        {h->off_c,
         h->c_log2 ? (uint64_t)sizeof(struct ner_cslot) << h->c_log2 : 0},
    };
    for (size_t i = 0; i < sizeof(need) / sizeof(need[0]); i++)
        if (need[i][0] % 8 || need[i][0] > size ||
            need[i][1] > size - need[i][0])
            return "entities model file is truncated or corrupt";
    const char *b = base;
    m->h = h;
    m->trans = (const int16_t *)(const void *)(b + h->off_trans);
    m->wk = (const uint32_t *)(const void *)(b + h->off_w);
    m->wv = (const struct ner_wrow *)(const void *)(b + h->off_wv);
    m->g = (const struct ner_gslot *)(const void *)(b + h->off_g);
    m->bloom = (const uint64_t *)(const void *)(b + h->off_b);
    m->c = h->c_log2 ? (const struct ner_cslot *)(const void *)(b + h->off_c)
                     : NULL;
    m->w_mask = (1u << h->w_log2) - 1;
    m->g_mask = (1u << h->g_log2) - 1;
    m->b_mask = (uint32_t)(((uint64_t)1 << h->b_log2) - 1);
    m->c_mask = h->c_log2 ? (1u << h->c_log2) - 1 : 0;
    m->row_mask = (uint32_t)(((uint64_t)1 << h->row_bits) - 1);
    return NULL;
}

static inline const struct ner_gslot *ner_gaz_find(const ner_model *m,
                                                   uint32_t key)
{
    key = key ? key : 1;
    for (uint32_t i = ner_mix32(key) & m->g_mask, n = 0; n <= m->g_mask;
         i = (i + 1) & m->g_mask, n++) {
        if (m->g[i].key == key)
            return &m->g[i];
        if (m->g[i].key == 0)
            return NULL;
    }
    return NULL;
}

static inline bool ner_bloom_has(const ner_model *m, uint32_t key)
{
    uint32_t h1 = ner_mix32(key ^ 0xb10f), h2 = ner_mix32(key + 0x5bd1e995u);
    for (uint32_t k = 0; k < 4; k++) {
        uint32_t bit = (h1 + k * h2) & m->b_mask;
        if (!(m->bloom[bit >> 6] & ((uint64_t)1 << (bit & 63))))
            return false;
    }
    return true;
}

/* Word sets in the Bloom filter: single words of a kind, looked up by the
 * word's key (set 0, the common English words of WordNet) or by the key
 * salted with the set (the others). The SCOWL sets say how common a word
 * is in lower case (LOW1: among the most common words; LOW2: common) and
 * how common it is capitalised, as a name (UP1, UP2). A Bloom filter
 * errs now and then (one word in a few hundred): fine for these soft
 * features, not for short exact lists, which are in the gazetteer. */
enum ner_wset {
    NER_W_COMMON = 0,
    NER_W_LOW1,
    NER_W_LOW2,
    NER_W_UP1,
    NER_W_UP2,
    NER_W_N,
};

static inline uint32_t ner_wset_key(uint32_t key, uint32_t set)
{
    return set ? ner_comb(key ^ 0x3c6ef372u, set) : key;
}

static inline const struct ner_cslot *ner_cluster_find(const ner_model *m,
                                                       uint32_t key)
{
    if (!m->c)
        return NULL;
    key = key ? key : 1;
    for (uint32_t i = ner_mix32(key) & m->c_mask, n = 0; n <= m->c_mask;
         i = (i + 1) & m->c_mask, n++) {
        if (m->c[i].key == key)
            return &m->c[i];
        if (m->c[i].key == 0)
            return NULL;
    }
    return NULL;
}

/* ---- per-token analysis -------------------------------------------------- */

enum ner_sent_case {
    NER_SC_NORMAL = 0,
    NER_SC_UPPER = 1, /* an all-caps line: a headline or dateline */
    NER_SC_TITLE = 2, /* most words capitalised: a title-case headline */
};

/* What the features need of one token. */
typedef struct ner_info {
    uint32_t h_form, h_lower, h_shape, h_sshape, key;
    uint32_t h_pre[4], h_suf[4];
    uint32_t cl_path, cl_len; /* word cluster, cl_len 0: none */
    uint32_t gaz;             /* gazetteer types of the match covering it */
    uint8_t gaz_part;         /* enum ner_part of that match */
    uint8_t cap;              /* enum ner_cap */
    uint8_t sent_case;        /* enum ner_sent_case */
    uint8_t doc_case;         /* bits: seen lower/title/upper elsewhere */
    bool first;               /* first word of its sentence */
    bool common;              /* its lower-case form is an English word */
    uint8_t wsets;            /* bits of enum ner_wset it belongs to */
    uint8_t lex; /* how common in lower case (0..2) * 3 + as a name (0..2),
                    NER_LEX_NONE: not looked up (a lower-case word) */
    /* the run of capitalised words around it ("Bank of England"): its
     * part in it (1 + enum ner_part; 0: not in one), the run's length
     * and its first and last (head) words */
    uint8_t run_part, run_len, run_ncommon;
    uint32_t run_head, run_first;
    uint32_t run_hinfo; /* the head's gazetteer types and word sets */
    bool digit, hyphen, dot, alpha;
    uint8_t len;   /* bytes, capped */
    bool in_quote; /* inside double quotes */
    /* stage two: how often the first stage gave each tag to this word
     * elsewhere in the document (hist[0]: left it capitalised but O) */
    uint8_t hist[NER_NTAGS];
    uint8_t hist_major; /* what hist says most: ner_hist_major() */
} ner_info;

#define NER_LEX_NONE   9
#define NER_LEX_COMMON 6 /* among the most common lower-case words only */

/* Fills the word-level part of info from w (no gazetteer, no context). */
static inline void ner_info_word(ner_info *in, const ner_word *w,
                                 const ner_model *m)
{
    memset(in, 0, sizeof(*in));
    in->h_form = ner_hash_bytes(w->form, w->form_len, 1);
    in->h_lower = ner_hash_bytes(w->lower, w->lower_len, 2);
    in->h_shape = ner_hash_bytes(w->shape, w->shape_len, 3);
    char ss[NER_MAXWORD + 1];
    size_t n = 0;
    for (size_t i = 0; i < w->shape_len; i++)
        if (n == 0 || ss[n - 1] != w->shape[i])
            ss[n++] = w->shape[i];
    in->h_sshape = ner_hash_bytes(ss, n, 4);
    in->key = ner_key_word(w);
    for (uint32_t k = 1; k <= 4; k++) {
        size_t len = w->lower_len;
        if (len > k) {
            in->h_pre[k - 1] = ner_hash_bytes(w->lower, k, 10 + k);
            in->h_suf[k - 1] = ner_hash_bytes(w->lower + len - k, k, 20 + k);
        }
    }
    in->cap = w->cap;
    in->digit = w->digit;
    in->hyphen = w->hyphen;
    in->dot = w->dot;
    in->alpha = w->alpha;
    in->len = w->form_len > 15 ? 15 : w->form_len;
    if (m) {
        /* The SCOWL sets only for capitalised words (the lower-case ones
         * are not names anyway); LOW2 and UP2 only without LOW1 and UP1. */
        uint32_t sets = w->alpha ? w->cap == NER_CAP_LOWER ? 1 : NER_W_N : 0;
        for (uint32_t k = 0; k < sets; k++)
            if (!((k == NER_W_LOW2 || k == NER_W_UP2) &&
                  (in->wsets & (1u << (k - 1)))) &&
                ner_bloom_has(m, ner_wset_key(in->key, k)))
                in->wsets |= (uint8_t)(1u << k);
        in->common = in->wsets & (1u << NER_W_COMMON);
        uint32_t low = (in->wsets & (1u << NER_W_LOW1))   ? 2
                       : (in->wsets & (1u << NER_W_LOW2)) ? 1
                                                          : 0;
        uint32_t up = (in->wsets & (1u << NER_W_UP1))   ? 2
                      : (in->wsets & (1u << NER_W_UP2)) ? 1
                                                        : 0;
        in->lex = (uint8_t)(sets == NER_W_N ? low * 3 + up : NER_LEX_NONE);
        const struct ner_cslot *c = ner_cluster_find(m, in->key);
        if (c) {
            in->cl_path = c->pl & 0xFFFFFF00u;
            in->cl_len = c->pl & 0xFFu;
        }
    }
}

/* Does a capitalised run go on over this lower-case word ("Bank of
 * England", "William the Conqueror", "Leonardo da Vinci")? */
static inline bool ner_connector(const ner_word *w)
{
    static const char *const words[] = {
        "of", "the", "de",  "du",  "des", "del", "della", "di",  "da",  "la",
        "le", "van", "von", "der", "den", "y",   "al",    "bin", "ibn", "&",
    };
    if (w->lower_len > 5 || w->cap != NER_CAP_LOWER || !w->alpha)
        return w->form_len == 1 && w->form[0] == '&';
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if (w->lower[0] == words[i][0] && !strcmp(w->lower, words[i]))
            return true;
    return false;
}

static inline bool ner_capword(const ner_info *t)
{
    return t->alpha && t->cap != NER_CAP_LOWER;
}

/* A function word that, capitalised as a sentence's first word, does not
 * start a name ("The", "In", "During"). */
static inline bool ner_opener(const ner_word *w)
{
    static const char *const words[] = {
        "the",     "a",         "an",     "this",    "that",   "these",
        "those",   "in",        "on",     "at",      "for",    "by",
        "from",    "with",      "during", "after",   "before", "under",
        "as",      "when",      "while",  "if",      "but",    "and",
        "or",      "since",     "until",  "about",   "to",     "of",
        "its",     "his",       "her",    "their",   "our",    "my",
        "your",    "some",      "many",   "most",    "all",    "every",
        "each",    "no",        "not",    "there",   "it",     "he",
        "she",     "they",      "we",     "i",       "you",    "although",
        "despite", "like",      "unlike", "without", "within", "across",
        "against", "between",   "among",  "through", "over",   "into",
        "upon",    "according",
    };
    if (w->lower_len > 9 || w->lower_len < 1)
        return false;
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if (w->lower[0] == words[i][0] && !strcmp(w->lower, words[i]))
            return true;
    return false;
}

/* What a single word is, for the run features: its gazetteer types among
 * those that head or start names, and the head-word lists (16 bits). */
#define NER_KIND_MISCHEAD (1u << 14)
#define NER_KIND_FACHEAD  (1u << 15)
static inline uint32_t ner_word_kind(const ner_info *t, const ner_model *m)
{
    const uint32_t types = (1u << NER_G_ORGWORD) | (1u << NER_G_LOCWORD) |
                           (1u << NER_G_TITLE) | (1u << NER_G_COUNTRY) |
                           (1u << NER_G_CITY) | (1u << NER_G_NORP) |
                           (1u << NER_G_FIRST) | (1u << NER_G_REGION);
    const struct ner_gslot *g = ner_gaz_find(m, t->key);
    if (!g)
        return 0;
    return (g->mask & types) | ((g->mask >> NER_G_MISCHEAD) & 3u) << 14;
}

/* The runs of capitalised words of a sentence (joined by at most two
 * connectors): each word's part in its run, the run's length, first and
 * last (head) words, the head's gazetteer types and word sets, and how
 * many of its words are very common lower-case words. */
static inline void ner_info_runs(ner_info *in, size_t n, const ner_word *words,
                                 const ner_model *m)
{
    for (size_t i = 0; i < n;) {
        if (!ner_capword(&in[i])) {
            i++;
            continue;
        }
        size_t a = i, last = i, j = i + 1;
        if (in[i].first && ner_opener(&words[i]) && j < n &&
            ner_capword(&in[j])) {
            /* "The Hague", "In Paris": the opener is a run of its own */
            in[i].run_part = 1 + NER_U;
            in[i].run_len = 1;
            in[i].run_head = in[i].run_first = in[i].h_lower;
            in[i].run_hinfo = 0;
            in[i].run_ncommon = 1;
            i++;
            continue;
        }
        while (j < n) {
            if (ner_capword(&in[j])) {
                last = j++;
                continue;
            }
            size_t k = j;
            while (k < n && k - j < 2 && ner_connector(&words[k]))
                k++;
            if (k == j || k >= n || !ner_capword(&in[k]))
                break;
            j = k;
        }
        size_t len = last + 1 - a;
        uint32_t ncommon = 0;
        for (size_t t = a; t <= last; t++)
            if (ner_capword(&in[t]) && in[t].lex == NER_LEX_COMMON)
                ncommon++;
        uint32_t hinfo = ner_word_kind(&in[last], m);
        if (len > 1) /* "Battle of Hastings", "Lake Victoria" */
            hinfo |= ner_word_kind(&in[a], m) << 16;
        for (size_t t = a; t <= last; t++) {
            in[t].run_part = (uint8_t)(1 + (len == 1    ? NER_U
                                            : t == a    ? NER_B
                                            : t == last ? NER_L
                                                        : NER_I));
            in[t].run_len = (uint8_t)(len > 5 ? 5 : len);
            in[t].run_ncommon = (uint8_t)(ncommon > 3 ? 3 : ncommon);
            in[t].run_head = in[last].h_lower;
            in[t].run_first = in[a].h_lower;
            in[t].run_hinfo = hinfo;
        }
        i = last + 1;
    }
}

/* Sentence-level fields of the tokens [0, n): first word, sentence case,
 * quotes, and gazetteer matches (longest match, left to right). */
static inline void ner_info_sentence(ner_info *in, size_t n,
                                     const ner_word *words, const ner_model *m)
{
    size_t n_alpha = 0, n_upper = 0, n_cap = 0, n_long = 0;
    bool quote = false, seen_word = false;
    for (size_t i = 0; i < n; i++) {
        if (words[i].form_len == 1 && words[i].form[0] == '"') {
            quote = !quote;
            continue;
        }
        in[i].in_quote = quote;
        if (!seen_word && in[i].alpha) {
            in[i].first = true;
            seen_word = true;
        }
        if (in[i].alpha) {
            n_alpha++;
            if (in[i].cap == NER_CAP_UPPER)
                n_upper++;
            if (in[i].len > 3) {
                n_long++;
                if (in[i].cap != NER_CAP_LOWER)
                    n_cap++;
            }
        }
    }
    uint8_t sc = NER_SC_NORMAL;
    if (n_alpha >= 1 && n_upper == n_alpha)
        sc = NER_SC_UPPER;
    else if (n_long >= 3 && n_cap * 5 >= n_long * 4)
        sc = NER_SC_TITLE;
    for (size_t i = 0; i < n; i++)
        in[i].sent_case = sc;
    if (!m)
        return;
    if (sc != NER_SC_UPPER)
        ner_info_runs(in, n, words, m);
    uint32_t maxlen = m->h->gaz_maxlen;
    for (size_t i = 0; i < n;) {
        size_t best_len = 0;
        uint32_t best_mask = 0;
        if (in[i].cap != NER_CAP_LOWER && in[i].cap != NER_CAP_NONE) {
            uint32_t key = 0;
            for (size_t k = 0; k < maxlen && i + k < n; k++) {
                key = ner_key_extend(key, in[i + k].key, k == 0);
                const struct ner_gslot *g = ner_gaz_find(m, key);
                if (!g)
                    break;
                uint32_t mask = g->mask & ~(1u << NER_G_PREFIX);
                if (mask && in[i + k].cap != NER_CAP_LOWER) {
                    best_len = k + 1;
                    best_mask = mask;
                }
                if (!(g->mask & (1u << NER_G_PREFIX)))
                    break;
            }
        }
        if (!best_len) {
            i++;
            continue;
        }
        for (size_t k = 0; k < best_len; k++) {
            in[i + k].gaz = best_mask;
            in[i + k].gaz_part = best_len == 1       ? NER_U
                                 : k == 0            ? NER_B
                                 : k + 1 == best_len ? NER_L
                                                     : NER_I;
        }
        i += best_len;
    }
}

/* Document-level case evidence: how a word is written elsewhere in the
 * document, in ordinary sentences and not as the first word. The caller
 * provides a zeroed table of 2 * slots uint32 (keys and bits), slots a
 * power of two at least twice the number of tokens. */
static inline void ner_doc_case(ner_info *in, size_t n, uint32_t *table,
                                uint32_t slots)
{
    uint32_t mask = slots - 1;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < n; i++) {
            if (!in[i].alpha)
                continue;
            uint32_t key = in[i].key ? in[i].key : 1;
            uint32_t j = ner_mix32(key) & mask;
            while (table[2 * j] && table[2 * j] != key)
                j = (j + 1) & mask;
            if (pass == 0) {
                table[2 * j] = key;
                if (in[i].sent_case == NER_SC_NORMAL && !in[i].first) {
                    if (in[i].cap == NER_CAP_LOWER)
                        table[2 * j + 1] |= 1;
                    else if (in[i].cap == NER_CAP_TITLE)
                        table[2 * j + 1] |= 2;
                    else if (in[i].cap == NER_CAP_UPPER)
                        table[2 * j + 1] |= 4;
                }
            } else {
                in[i].doc_case = (uint8_t)table[2 * j + 1];
            }
        }
    }
}

/* The type the first stage gave this word most often elsewhere (0..3), 4
 * for O, 5 for nothing known. */
static inline uint32_t ner_hist_major(const ner_info *t)
{
    uint32_t best = 5, best_n = 0, by_type[NER_NTYPES] = {0};
    for (int tag = 1; tag < NER_NTAGS; tag++)
        by_type[ner_tag_type(tag)] += t->hist[tag];
    for (uint32_t ty = 0; ty < NER_NTYPES; ty++)
        if (by_type[ty] > best_n) {
            best = ty;
            best_n = by_type[ty];
        }
    if (t->hist[0] > best_n)
        best = 4;
    return best;
}

/* The first stage's tags of every other occurrence of each token's word in
 * the document, into in[].hist. table: zeroed scratch of slots * 20 bytes
 * (uint32 words), slots a power of two at least twice n. */
static inline void ner_history(ner_info *in, size_t n, const uint8_t *tags,
                               uint32_t *table, uint32_t slots)
{
    uint32_t mask = slots - 1;
    /* a slot: key, then NER_NTAGS uint8 counts packed in 5 words */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < n; i++) {
            if (!in[i].alpha)
                continue;
            uint32_t key = in[i].key ? in[i].key : 1;
            uint32_t j = ner_mix32(key) & mask;
            while (table[6 * j] && table[6 * j] != key)
                j = (j + 1) & mask;
            uint8_t *cnt = (uint8_t *)(table + 6 * j + 1);
            int t = tags[i];
            bool counts = t != 0 || in[i].cap != NER_CAP_LOWER;
            if (pass == 0) {
                table[6 * j] = key;
                if (counts && cnt[t] < 255)
                    cnt[t]++;
            } else {
                memcpy(in[i].hist, cnt, NER_NTAGS);
                if (counts && in[i].hist[t] > 0)
                    in[i].hist[t]--;
            }
        }
    }
    for (size_t i = 0; i < n; i++)
        in[i].hist_major = (uint8_t)ner_hist_major(&in[i]);
}

/* ---- features ------------------------------------------------------------ */

#define NER_MAXFEAT 80

enum {
    T_BIAS = 1,
    T_FORM,
    T_LOWER,
    T_LW_M1,
    T_LW_P1,
    T_LW_M2,
    T_LW_P2,
    T_BI_M1,
    T_BI_P1,
    T_SHAPE,
    T_SS3,
    T_SS_M1,
    T_SS_P1,
    T_PRE,
    T_SUF,
    T_CAPPOS,
    T_GAZ,
    T_GAZ_M1,
    T_GAZ_P1,
    T_DOCCASE,
    T_LW_M1_SS,
    T_SS_LW_P1,
    T_FIRST_FORM,
    T_LEN_CAP,
    T_COMMON,
    T_CLUSTER,
    T_CLUSTER_M1,
    T_CLUSTER_P1,
    T_QUOTE,
    T_UPPER_LOWER,
    T_HIST_TAG,
    T_HIST_TYPE,
    T_HIST_O,
    T_HIST_M1,
    T_HIST_P1,
    T_LEX,
    T_RUN_HEAD,
    T_RUN_FIRST,
    T_RUN_SHAPE,
    T_RUN_HINFO,
    T_LEX_P1,
};

/* The second stage's own features of token i (the first stage's tags of
 * its word elsewhere), written to out (room for max). Returns how many. */
static inline size_t ner_features_hist(const ner_info *in, size_t n, size_t i,
                                       uint32_t *out, size_t max)
{
    const ner_info *t = &in[i];
    size_t k = 0;
    uint32_t by_type[NER_NTYPES] = {0};
    if (max < 12)
        return 0;
    max -= 8;
    for (int tag = 1; tag < NER_NTAGS && k < max; tag++) {
        if (t->hist[tag]) {
            out[k++] = ner_feat(T_HIST_TAG, (uint32_t)tag, t->cap, 0);
            by_type[ner_tag_type(tag)] += t->hist[tag];
        }
    }
    for (uint32_t ty = 0; ty < NER_NTYPES; ty++)
        if (by_type[ty])
            out[k++] =
                ner_feat(T_HIST_TYPE, ty, by_type[ty] > 3 ? 3 : by_type[ty], 0);
    if (t->hist[0])
        out[k++] =
            ner_feat(T_HIST_O, t->hist[0] > 3 ? 3 : t->hist[0], t->cap, 0);
    out[k++] =
        ner_feat(T_HIST_M1, i > 0 ? in[i - 1].hist_major : 6, t->hist_major, 0);
    out[k++] = ner_feat(T_HIST_P1, t->hist_major,
                        i + 1 < n ? in[i + 1].hist_major : 6, 0);
    return k;
}

/* Writes the feature hashes of token i of a sentence of n tokens into out
 * (at most NER_MAXFEAT). Stage 0 (the first) or 1 (the second, which adds
 * the history features). Returns how many. */
static inline size_t ner_features(const ner_info *in, size_t n, size_t i,
                                  uint32_t *out, uint32_t stage)
{
    const ner_info *t = &in[i];
    const uint32_t BOS = 0x1111, EOS = 0x2222;
    uint32_t lw_m1 = i > 0 ? in[i - 1].h_lower : BOS;
    uint32_t lw_m2 = i > 1 ? in[i - 2].h_lower : BOS;
    uint32_t lw_p1 = i + 1 < n ? in[i + 1].h_lower : EOS;
    uint32_t lw_p2 = i + 2 < n ? in[i + 2].h_lower : EOS;
    uint32_t ss_m1 = i > 0 ? in[i - 1].h_sshape : BOS;
    uint32_t ss_p1 = i + 1 < n ? in[i + 1].h_sshape : EOS;
    uint32_t ctx = t->sent_case * 2u + (t->first ? 1u : 0u);
    size_t k = 0;

    out[k++] = ner_feat(T_BIAS, 0, 0, 0);
    out[k++] = ner_feat(T_FORM, t->h_form, 0, 0);
    out[k++] = ner_feat(T_LOWER, t->h_lower, 0, 0);
    out[k++] = ner_feat(T_LW_M1, lw_m1, 0, 0);
    out[k++] = ner_feat(T_LW_P1, lw_p1, 0, 0);
    out[k++] = ner_feat(T_LW_M2, lw_m2, 0, 0);
    out[k++] = ner_feat(T_LW_P2, lw_p2, 0, 0);
    out[k++] = ner_feat(T_BI_M1, lw_m1, t->h_lower, 0);
    out[k++] = ner_feat(T_BI_P1, t->h_lower, lw_p1, 0);
    out[k++] = ner_feat(T_SHAPE, t->h_shape, 0, 0);
    out[k++] = ner_feat(T_SS3, ss_m1, t->h_sshape, ss_p1);
    out[k++] = ner_feat(T_SS_M1, ss_m1, 0, 0);
    out[k++] = ner_feat(T_SS_P1, ss_p1, 0, 0);
    for (uint32_t a = 0; a < 4; a++) {
        if (t->h_pre[a])
            out[k++] = ner_feat(T_PRE, a, t->h_pre[a], 0);
        if (t->h_suf[a])
            out[k++] = ner_feat(T_SUF, a, t->h_suf[a], 0);
    }
    out[k++] = ner_feat(T_CAPPOS, t->cap, ctx, 0);
    for (uint32_t g = 0; g < NER_G_NTYPES; g++) {
        if (t->gaz & (1u << g))
            out[k++] = ner_feat(T_GAZ, g, t->gaz_part, 0);
        if (i > 0 && (in[i - 1].gaz & (1u << g)))
            out[k++] = ner_feat(T_GAZ_M1, g, in[i - 1].gaz_part, 0);
        if (i + 1 < n && (in[i + 1].gaz & (1u << g)))
            out[k++] = ner_feat(T_GAZ_P1, g, in[i + 1].gaz_part, 0);
        if (k > NER_MAXFEAT - 40)
            break;
    }
    out[k++] = ner_feat(T_DOCCASE, t->doc_case, t->cap, ctx);
    out[k++] = ner_feat(T_LW_M1_SS, lw_m1, t->h_sshape, 0);
    out[k++] = ner_feat(T_SS_LW_P1, t->h_sshape, lw_p1, 0);
    if (t->first)
        out[k++] = ner_feat(T_FIRST_FORM, t->h_lower, 0, 0);
    out[k++] = ner_feat(T_LEN_CAP, t->len, t->cap, 0);
    out[k++] = ner_feat(T_COMMON, t->common, t->cap, ctx);
    if (t->cl_len) {
        static const uint32_t cuts[] = {4, 6, 10, 20};
        for (uint32_t a = 0; a < 4; a++) {
            uint32_t c = cuts[a] < t->cl_len ? cuts[a] : t->cl_len;
            out[k++] = ner_feat(
                T_CLUSTER, c, (uint32_t)((uint64_t)t->cl_path >> (32 - c)), 0);
        }
    }
    if (i > 0 && in[i - 1].cl_len) {
        uint32_t c = in[i - 1].cl_len < 8 ? in[i - 1].cl_len : 8;
        out[k++] =
            ner_feat(T_CLUSTER_M1, c,
                     (uint32_t)((uint64_t)in[i - 1].cl_path >> (32 - c)), 0);
    }
    if (i + 1 < n && in[i + 1].cl_len) {
        uint32_t c = in[i + 1].cl_len < 8 ? in[i + 1].cl_len : 8;
        out[k++] =
            ner_feat(T_CLUSTER_P1, c,
                     (uint32_t)((uint64_t)in[i + 1].cl_path >> (32 - c)), 0);
    }
    if (t->lex != NER_LEX_NONE)
        out[k++] = ner_feat(T_LEX, t->lex, t->cap, ctx);
    if (i + 1 < n && (t->lex != NER_LEX_NONE || in[i + 1].lex != NER_LEX_NONE))
        out[k++] = ner_feat(T_LEX_P1, in[i + 1].lex, in[i + 1].cap, t->cap);
    if (t->run_part) {
        uint32_t part = t->run_part, first = in[i].first ? 1 : 0;
        out[k++] = ner_feat(T_RUN_HEAD, t->run_head, part, 0);
        if (t->run_len > 1)
            out[k++] = ner_feat(T_RUN_FIRST, t->run_first, part, 0);
        out[k++] = ner_feat(T_RUN_SHAPE, t->run_len * 8u + t->run_ncommon, part,
                            first + 2u * t->sent_case);
        out[k++] = ner_feat(T_RUN_HINFO, t->run_hinfo, part, 0);
    }
    if (t->in_quote)
        out[k++] = ner_feat(T_QUOTE, t->cap, 0, 0);
    if (t->sent_case == NER_SC_UPPER)
        out[k++] = ner_feat(T_UPPER_LOWER, t->h_lower, t->doc_case, 0);
    if (stage == 0)
        return k;
    return k + ner_features_hist(in, n, i, out + k, NER_MAXFEAT - k);
}

/* ---- decoding ------------------------------------------------------------ */

#define NER_NEG (INT32_MIN / 4) /* a forbidden start's score */

/* BILOU allows few predecessors per tag. The open tags O, B-X and U-X follow
 * only the closing tags O, L-Y and U-Y: nine from nine, a 9 x 9 max-plus
 * product per token, which ner_viterbi does four open tags at a time. I-X
 * and L-X follow only B-X or I-X: two choices each. */
#define NER_NOPEN     9 /* open tags, and as many closing tags */
#define NER_OPEN_VECS 3 /* four-lane vectors that hold the open tags */

typedef int32_t ner_v4 __attribute__((vector_size(16)));

/* The l-th open tag: O, B-PER, U-PER, B-ORG, U-ORG, ... */
static inline int ner_open_tag(int l)
{
    return l ? ner_tag((l - 1) / 2, (l - 1) % 2 ? NER_U : NER_B) : 0;
}

/* The k-th closing tag, in increasing order: O, L-PER, U-PER, L-ORG, ... */
static inline int ner_close_tag(int k)
{
    return k ? ner_tag((k - 1) / 2, (k - 1) % 2 ? NER_U : NER_L) : 0;
}

/* A stage's transitions as ner_viterbi wants them; forbidden ones are not
 * in it. */
typedef struct ner_trans {
    int32_t start[NER_NTAGS]; /* from the sentence start (NER_NEG: never) */
    /* open[k][v][j]: from closing tag k to open tag 4 * v + j (0 past the
     * last) */
    ner_v4 open[NER_NOPEN][NER_OPEN_VECS];
    /* cont[x][p][s]: to I-X (p = 0) or L-X (p = 1) from B-X (s = 0) or I-X
     * (s = 1), X the x-th type */
    int32_t cont[NER_NTYPES][2][2];
} ner_trans;

/* Prepares a stage's transitions, int16 [NER_NTAGS + 1][NER_NTAGS] (row
 * NER_NTAGS: from the start), for ner_viterbi. */
static inline void ner_trans_prepare(const int16_t *in, ner_trans *out)
{
    memset(out, 0, sizeof(*out));
    for (int to = 0; to < NER_NTAGS; to++)
        out->start[to] =
            ner_tag_allowed(-1, to) ? in[NER_NTAGS * NER_NTAGS + to] : NER_NEG;
    for (int k = 0; k < NER_NOPEN; k++)
        for (int l = 0; l < NER_NOPEN; l++)
            out->open[k][l / 4][l % 4] =
                in[ner_close_tag(k) * NER_NTAGS + ner_open_tag(l)];
    for (int x = 0; x < NER_NTYPES; x++)
        for (int p = 0; p < 2; p++)
            for (int s = 0; s < 2; s++)
                out->cont[x][p][s] =
                    in[ner_tag(x, s ? NER_I : NER_B) * NER_NTAGS +
                       ner_tag(x, p ? NER_L : NER_I)];
}

/* Viterbi over emission scores em[n][NER_NTAGS] with prepared transitions.
 * back is scratch of n * NER_NTAGS bytes. Writes the best allowed tags to
 * tags. Of equal paths, the one through the lower-numbered predecessor
 * wins. */
static inline void ner_viterbi(const int32_t *em, size_t n, const ner_trans *tr,
                               uint8_t *back, uint8_t *tags)
{
    int32_t prev[NER_NTAGS], cur[NER_NTAGS];
    if (n == 0)
        return;
    for (int t = 0; t < NER_NTAGS; t++)
        prev[t] = tr->start[t] <= NER_NEG ? NER_NEG : em[t] + tr->start[t];
    for (size_t i = 1; i < n; i++) {
        const int32_t *e = em + i * NER_NTAGS;
        uint8_t *bk = back + i * NER_NTAGS;
        /* each open tag's best closing tag, four open tags at a time; the
         * closing tags come in increasing order and only a better score
         * replaces the best so far */
        ner_v4 best[NER_OPEN_VECS], from[NER_OPEN_VECS];
        for (int v = 0; v < NER_OPEN_VECS; v++) {
            best[v] = prev[0] + tr->open[0][v];
            from[v] = (ner_v4){0, 0, 0, 0};
        }
        for (int k = 1; k < NER_NOPEN; k++) {
            int32_t p = prev[ner_close_tag(k)];
            for (int v = 0; v < NER_OPEN_VECS; v++) {
                ner_v4 s = p + tr->open[k][v];
                ner_v4 better = s > best[v];
                best[v] = (s & better) | (best[v] & ~better);
                from[v] = (k & better) | (from[v] & ~better);
            }
        }
        for (int l = 0; l < NER_NOPEN; l++) {
            int t = ner_open_tag(l);
            int32_t b = best[l / 4][l % 4];
            cur[t] = (b < NER_NEG ? NER_NEG : b) + e[t];
            bk[t] = (uint8_t)ner_close_tag(from[l / 4][l % 4]);
        }
        for (int x = 0; x < NER_NTYPES; x++) {
            int tb = ner_tag(x, NER_B), ti = ner_tag(x, NER_I);
            for (int p = 0; p < 2; p++) {
                int t = p ? ner_tag(x, NER_L) : ti;
                int32_t sb = prev[tb] + tr->cont[x][p][0];
                int32_t si = prev[ti] + tr->cont[x][p][1];
                int32_t b = si > sb ? si : sb;
                cur[t] = (b < NER_NEG ? NER_NEG : b) + e[t];
                bk[t] = (uint8_t)(si > sb ? ti : tb);
            }
        }
        memcpy(prev, cur, sizeof(prev));
    }
    int32_t best = INT32_MIN;
    int bt = 0;
    for (int t = 0; t < NER_NTAGS; t++) {
        int part = ner_tag_part(t);
        if ((t == 0 || part == NER_L || part == NER_U) && prev[t] > best) {
            best = prev[t];
            bt = t;
        }
    }
    for (size_t i = n; i-- > 0;) {
        tags[i] = (uint8_t)bt;
        if (i > 0)
            bt = back[i * NER_NTAGS + bt];
    }
}

#if defined(__GNUC__)
#define NER_PREFETCH(p) __builtin_prefetch(p)
#else
#define NER_PREFETCH(p) ((void)(p))
#endif

/* The weight key of feature `feat` in `stage`. */
static inline uint32_t ner_wkey(const ner_model *m, uint32_t feat,
                                uint32_t stage)
{
    return ((feat & m->row_mask) | (stage << m->h->row_bits)) + 1;
}

#define NER_NOSLOT UINT32_MAX

/* The slot that holds weight key `key`, probing from its first slot
 * `first`, or NER_NOSLOT. */
static inline uint32_t ner_wslot_find(const ner_model *m, uint32_t key,
                                      uint32_t first)
{
    for (uint32_t i = first, n = 0; n <= m->w_mask;
         i = (i + 1) & m->w_mask, n++) {
        if (m->wk[i] == key)
            return i;
        if (m->wk[i] == 0)
            break;
    }
    return NER_NOSLOT;
}

/* Emission scores of one token from the model: sums the weight rows of its
 * features into em[NER_NTAGS]. The table is larger than the caches, so the
 * first slot of every feature is prefetched before any is probed. */
static inline __attribute__((always_inline)) void
ner_emission(const ner_model *m, const uint32_t *feats, size_t nf,
             uint32_t stage, int32_t *em)
{
    int32_t acc[NER_WROW] = {0};
    uint32_t keys[NER_MAXFEAT], first[NER_MAXFEAT];
    if (nf > NER_MAXFEAT)
        nf = NER_MAXFEAT;
    for (size_t f = 0; f < nf; f++) {
        keys[f] = ner_wkey(m, feats[f], stage);
        first[f] = ner_wslot_first(keys[f], m->h->w_log2);
        const char *row = (const char *)(m->wv + first[f]);
        NER_PREFETCH(&m->wk[first[f]]);
        NER_PREFETCH(row);
        NER_PREFETCH(row + sizeof(struct ner_wrow) - 1); /* across lines */
    }
    for (size_t f = 0; f < nf; f++) {
        /* ner_wslot_find(), written out: the loop is the tagger's
         * hottest, and the compiler lays it out better so */
        for (uint32_t i = first[f], n = 0; n <= m->w_mask;
             i = (i + 1) & m->w_mask, n++) {
            if (m->wk[i] == keys[f]) {
                const struct ner_wrow *r = m->wv + i;
                int32_t mul = (int32_t)1 << (r->shift & 15);
                for (int t = 0; t < NER_NTAGS; t++)
                    acc[t] += r->w[t] * mul;
                break;
            }
            if (m->wk[i] == 0)
                break;
        }
    }
    memcpy(em, acc, NER_NTAGS * sizeof(int32_t));
}

#endif /* PRISM_ENTITIES_NER_H */

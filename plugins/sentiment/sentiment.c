/*
 * sentiment -- document, sentence and per-entity sentiment for news.
 *
 * A lexicon-and-rules scorer. The lexicon (words, phrases, degree modifiers,
 * negators, valence shifters, contrast words; written for prism and compiled
 * at build time by tools/lexc.py) is mmap()ed read-only, so every worker
 * shares one copy. Each sentence of the shared splitter is scored on its
 * own: the valences of the words and phrases it holds are scaled by the
 * modifiers before them, reversed inside the scope of a negator or a shifter
 * ("reduce poverty"), re-read after a verb of rise or fall ("unemployment
 * fell"), weighted by clause ("but", "although"), lifted by ALL-CAPS and
 * exclamation marks, then summed and squashed into [-1, 1]. Faces,
 * emoji and interjections ("lol", "ugh") count as the writer's mood, never
 * negated; hashtags made of words count those words; a rated word inside
 * a Title Case name ("Arrested Development") counts less, and a short
 * message with no sentiment at all leans faintly positive. Every token is
 * normalised and hashed once, eight bytes at a time, before the rules run
 * (prepare_keys), so that most words cost a Bloom probe. A short text is
 * scored as one utterance; a long one by the weighted mean of its sentences,
 * in which neutral sentences count too: a long, dry business story stays
 * near neutral, a story of one killing after another strongly negative.
 * When the `entities` plugin ran first, each entity gets the mean over the
 * sentences that mention it.
 *
 * Result: {"compound", "pos", "neu", "neg", "label",
 *          "sentences": [{"start", "end", "compound"}...],
 *          "entities": [{"entity", "name", "compound", "sentences"}...]}
 * with code-point offsets. See README.md for the rules and the thresholds.
 */
#include <prism/plugin.h>

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static const prism_host *host;

/* ------------------------------------------------------------------------ */
/* The compiled lexicon (format: tools/lexc.py)                              */
/* ------------------------------------------------------------------------ */

enum lex_flag {
    LX_LEX = 1,       /* has a valence */
    LX_NEG = 2,       /* negator */
    LX_MOD = 4,       /* degree modifier */
    LX_BUT = 8,       /* contrast: what follows outweighs what came before */
    LX_ALTHOUGH = 16, /* contrast: its own clause weighs less */
    LX_PHRASE = 32,   /* first word of at least one phrase */
    LX_SHIFT = 64,    /* valence shifter: "reduce poverty" */
    LX_EXCESS = 128,  /* modifier of excess: "too generous" */
};

/* Roles of little words in the rules (byte 27 of a slot). */
enum lex_role {
    ROLE_NEG_SKIP = 1,   /* does not use up a negation's reach ("be") */
    ROLE_SHIFT_SKIP = 2, /* does not use up a shifter's reach ("the") */
    ROLE_SHIFT_STOP = 4, /* a shifter has no object after it ("in") */
    ROLE_MOOD = 8,       /* the writer's mood ("lol", "ugh"): like a face */
    ROLE_DET = 16,       /* a determiner: a shifter after it is a noun */
    ROLE_TEARS = 32,     /* a crying face: tears of sorrow or of joy */
    ROLE_MEASURE = 64,   /* a quantity whose rise is good news ("profit") */
    ROLE_BURDEN = 128,   /* one whose rise is bad news ("costs") */
};

#define LEX_MAGIC        "PRSMSENT"
#define LEX_VERSION      4
#define LEX_HEADER_SIZE  64
#define LEX_SLOT_SIZE    32
#define LEX_PARAM_SIZE   32
#define LEX_LEARNED_SIZE 4   /* 20-bit tag, 12-bit weight * 2000 */
#define LEARNED_BUCKET   4   /* slots per bucket of the learned table */
#define KEY_MAX          255 /* longest key, in bytes */
#define PHRASE_MAX       8   /* longest phrase tried, in tokens */
#define WORD_MAX         64  /* longer tokens are never looked up */
#define EMOTICON_MAX     6   /* longest emoticon, in bytes ("&lt;33") */

/* The key hash (tools/lexc.py computes the same): a key's bytes are read as
 * little-endian 64-bit chunks, the last one zero-padded, and mixed from a
 * seed that holds the length; a phrase's hash combines the hashes of its
 * words, so that the plugin hashes every token once. */
#define HASH_K1 0x9E3779B97F4A7C15ull
#define HASH_K2 0xBF58476D1CE4E5B9ull
#define HASH_K3 0x94D049BB133111EBull
#define ONES    0x0101010101010101ull
#define HIGHS   0x8080808080808080ull

struct lexicon {
    void *map;
    size_t size;
    const uint8_t *slots;
    uint32_t mask; /* n_slots - 1 */
    const uint8_t *strings;
    uint32_t strings_len;
    const uint8_t *params;
    uint32_t n_params;
    const uint8_t *bloom;
    uint32_t bloom_shift; /* 32 - log2(number of 64-bit words) */
    const uint8_t *roles; /* the little words of negation and shifting */
    uint32_t role_mask;   /* n_role_slots - 1 */
    /* the learned correction (tools/learn.py): weights of words and word
     * pairs, keyed by their 64-bit hash; NULL when the lexicon has none */
    const uint8_t *learned;
    uint32_t learned_mask; /* number of buckets - 1 */
};

/* One lexicon entry, decoded. */
enum lex_direction {
    DIR_UP = 16,     /* "rose": describes the negative word before it */
    DIR_DOWN = 32,   /* "fell" */
    DIR_END = 48,    /* "is over": turns the word before it around, good or
                        bad ("the war is over", "the good times are over") */
    DIR_SENSE = 128, /* with DIR_UP or DIR_DOWN: how a bad thing changed,
                        not how much ("worsened", "was lifted"), so no rise
                        or fall of a measure; alone, a plight ("missing",
                        "kidnapped"); with DIR_END, a way out of one
                        ("freed", "found alive") */
};

struct lex_entry {
    uint8_t flags;
    uint8_t phrase_words; /* low 4 bits */
    uint8_t direction;    /* DIR_UP, DIR_DOWN, DIR_END or 0 */
    bool sense;           /* DIR_SENSE, with DIR_UP or DIR_DOWN */
    bool plight;          /* DIR_SENSE alone */
    bool rescue;          /* DIR_END | DIR_SENSE */
    bool shift_neg_only;  /* a shifter of negative words only ("help") */
    bool mood;            /* ROLE_MOOD */
    bool tears;           /* ROLE_TEARS */
    double valence;
    double scalar;
};

static uint16_t rd16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
           ((uint32_t)p[3] << 24);
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define HOST_IS_LE 1
#else
#define HOST_IS_LE 0
#endif

static inline uint64_t rd64(const uint8_t *p)
{
    if (HOST_IS_LE) {
        uint64_t v;
        memcpy(&v, p, 8);
        return v;
    }
    return (uint64_t)rd32(p) | ((uint64_t)rd32(p + 4) << 32);
}

static double rdf64(const uint8_t *p)
{
    uint64_t u = rd64(p);
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

static inline uint64_t hash_start(size_t len)
{
    return (uint64_t)len * HASH_K1;
}

static inline uint64_t hash_chunk(uint64_t h, uint64_t chunk)
{
    h = (h ^ chunk) * HASH_K2;
    return h ^ (h >> 31);
}

/* The hash of a phrase so far, `p`, extended by a word of hash `w`. */
static inline uint64_t hash_phrase(uint64_t p, uint64_t w)
{
    p = (((p << 23) | (p >> 41)) ^ w) * HASH_K3;
    return p ^ (p >> 29);
}

static inline uint32_t hash32(uint64_t h)
{
    return (uint32_t)(h >> 32) ^ (uint32_t)h;
}

/* The hash of a key of n bytes at p (any alignment, no padding needed). */
static uint64_t hash_bytes(const uint8_t *p, size_t n)
{
    uint64_t h = hash_start(n);
    for (size_t o = 0; o < n; o += 8) {
        uint64_t c = 0;
        size_t m = n - o < 8 ? n - o : 8;
        for (size_t j = 0; j < m; j++)
            c |= (uint64_t)p[o + j] << (8 * j);
        h = hash_chunk(h, c);
    }
    return h;
}

/* Whether `h` may be a key: three bits of one 64-bit word of the Bloom
 * filter, so that most words, which are not in the lexicon, cost a few
 * instructions and one load. */
static inline bool bloom_may_hold(const struct lexicon *lx, uint32_t h)
{
    uint64_t w =
        rd64(lx->bloom + (size_t)((h * 0x9E3779B1u) >> lx->bloom_shift) * 8);
    uint64_t m = (1ull << (h & 63)) | (1ull << ((h >> 6) & 63)) |
                 (1ull << ((h >> 12) & 63));
    return (w & m) == m;
}

/* Whether slot s holds the n-byte key at `key`. Keys of up to 16 bytes are
 * held in the slot itself (zero-padded), longer ones in the strings. `key`
 * is zero-padded to a multiple of 8 bytes. */
static inline bool slot_holds(const struct lexicon *lx, const uint8_t *s,
                              const uint8_t *key, size_t n)
{
    if (n <= 16) /* the padding is zero on both sides: compare chunks */
        return rd64(s) == rd64(key) && (n <= 8 || rd64(s + 8) == rd64(key + 8));
    const uint8_t *str = lx->strings + rd32(s + 20);
    for (size_t i = 0; i < n; i++) {
        if (str[i] != key[i])
            return false;
    }
    return true;
}

/* The slot of `key` (normalised, n bytes, zero-padded to a multiple of 8)
 * whose 32-bit hash is h in the table `slots`, or NULL. */
static inline const uint8_t *table_find(const struct lexicon *lx,
                                        const uint8_t *slots, uint32_t mask,
                                        const uint8_t *key, size_t n,
                                        uint32_t h)
{
    uint32_t i = h & mask;
    for (;;) {
        const uint8_t *s = slots + (size_t)i * LEX_SLOT_SIZE;
        uint8_t slen = s[24];
        if (slen == 0)
            return NULL;
        if (slen == n && rd32(s + 16) == h && slot_holds(lx, s, key, n))
            return s;
        i = (i + 1) & mask;
    }
}

/* The main table's slot of `key`, behind the Bloom filter. */
static inline const uint8_t *lex_find(const struct lexicon *lx,
                                      const uint8_t *key, size_t n, uint32_t h)
{
    if (!bloom_may_hold(lx, h))
        return NULL;
    return table_find(lx, lx->slots, lx->mask, key, n, h);
}

/* The roles of `key` in negation and shifting (enum lex_role). */
static unsigned lex_roles(const struct lexicon *lx, const uint8_t *key,
                          size_t n, uint32_t h)
{
    const uint8_t *s = table_find(lx, lx->roles, lx->role_mask, key, n, h);
    return s ? s[27] : 0;
}

static inline void lex_decode(const uint8_t *s, struct lex_entry *out)
{
    out->flags = s[25];
    out->phrase_words = s[26] & 15;
    unsigned d = s[26] & (DIR_UP | DIR_DOWN | DIR_SENSE);
    out->plight = d == DIR_SENSE;
    out->rescue = d == (DIR_END | DIR_SENSE);
    out->direction = out->rescue ? 0 : d & (DIR_UP | DIR_DOWN);
    out->sense = out->direction && (d & DIR_SENSE);
    out->shift_neg_only = (s[26] & 64) != 0;
    out->mood = (s[27] & ROLE_MOOD) != 0;
    out->tears = (s[27] & ROLE_TEARS) != 0;
    out->valence = (int16_t)rd16(s + 28) * 0.01;
    out->scalar = (int16_t)rd16(s + 30) * 0.001;
}

/* Look up n bytes at p (any key: a fallback form, an emoticon, an emoji).
 * Returns whether an entry with flags was found. */
static bool lex_lookup(const struct lexicon *lx, const uint8_t *p, size_t n,
                       struct lex_entry *out)
{
    uint64_t buf[KEY_MAX / 8 + 1];
    if (n == 0 || n > KEY_MAX)
        return false;
    memset(buf, 0, ((n + 7) / 8) * 8);
    memcpy(buf, p, n);
    const uint8_t *s =
        lex_find(lx, (const uint8_t *)buf, n, hash32(hash_bytes(p, n)));
    if (!s || (s[25] == 0 && (s[26] & (DIR_UP | DIR_DOWN)) == 0))
        return false; /* absent, or only a role */
    lex_decode(s, out);
    return true;
}

/* The sum of the weights (times 2000) in bucket `b` of the slots that
 * hold `tag`. */
static inline int32_t bucket_weight(const struct lexicon *lx, uint32_t b,
                                    uint32_t tag)
{
    const uint8_t *s =
        lx->learned + (size_t)b * LEARNED_BUCKET * LEX_LEARNED_SIZE;
    int32_t w = 0;
    for (int j = 0; j < LEARNED_BUCKET; j++) {
        uint32_t slot = rd32(s + j * LEX_LEARNED_SIZE);
        int32_t v = (int32_t)(slot & 0xFFF) - (int32_t)((slot & 0x800) << 1);
        w += slot >> 12 == tag ? v : 0;
    }
    return w;
}

/* The learned weight of the word or word pair of 64-bit hash f (a word's
 * hash_bytes(), a pair's hash_phrase() of its words'), times 2000, or 0.
 * lexc puts each term in one of its two buckets, and no other term of its
 * tag in either, so the lookup reads both without a branch: most lookups
 * find nothing, and a branch on what they find would be mispredicted. */
static inline int32_t learned_weight(const struct lexicon *lx, uint64_t f)
{
    uint32_t tag = (uint32_t)(f >> 44) | 1u;
    uint32_t b1 = (uint32_t)f & lx->learned_mask;
    uint32_t b2 = (uint32_t)(f >> 24) & lx->learned_mask;
    b2 ^= b2 == b1;
    return bucket_weight(lx, b1, tag) + bucket_weight(lx, b2, tag);
}

/* Map the file and check every offset it holds, so that lookups need no
 * checks. Returns 0 or a negative value with *why set. */
static int lex_open(struct lexicon *lx, const char *path, const char **why)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    const uint8_t *b;
    uint32_t n_slots, slots_off, strings_off, params_off, n_empty = 0;
    uint32_t bloom_off, n_words, role_off, n_role_slots, n_role_empty = 0;
    uint32_t learned_off, n_learned;

    memset(lx, 0, sizeof *lx);
    if (fd < 0) {
        *why = strerror(errno);
        return -1;
    }
    if (fstat(fd, &st) < 0 || st.st_size < LEX_HEADER_SIZE) {
        *why = "not a sentiment lexicon (too short)";
        goto out_close;
    }
    lx->size = (size_t)st.st_size;
    lx->map = mmap(NULL, lx->size, PROT_READ, MAP_SHARED, fd, 0);
    if (lx->map == MAP_FAILED) {
        lx->map = NULL;
        *why = strerror(errno);
        goto out_close;
    }
    close(fd);
    fd = -1;
    b = lx->map;
    *why = "not a sentiment lexicon (bad header); rebuild it with make";
    if (memcmp(b, LEX_MAGIC, 8) != 0 || rd32(b + 8) != LEX_VERSION)
        goto out_unmap;
    n_slots = rd32(b + 12);
    slots_off = rd32(b + 20);
    strings_off = rd32(b + 24);
    lx->strings_len = rd32(b + 28);
    params_off = rd32(b + 32);
    lx->n_params = rd32(b + 36);
    bloom_off = rd32(b + 40);
    n_words = rd32(b + 44);
    role_off = rd32(b + 48);
    n_role_slots = rd32(b + 52);
    learned_off = rd32(b + 56);
    n_learned = rd32(b + 60);
    if (n_slots == 0 || (n_slots & (n_slots - 1)) != 0 ||
        slots_off < LEX_HEADER_SIZE ||
        (uint64_t)slots_off + (uint64_t)n_slots * LEX_SLOT_SIZE > lx->size ||
        (uint64_t)params_off + (uint64_t)lx->n_params * LEX_PARAM_SIZE >
            lx->size ||
        (uint64_t)strings_off + lx->strings_len > lx->size || n_words < 2 ||
        (n_words & (n_words - 1)) != 0 || bloom_off < LEX_HEADER_SIZE ||
        (uint64_t)bloom_off + (uint64_t)n_words * 8 > lx->size ||
        n_role_slots == 0 || (n_role_slots & (n_role_slots - 1)) != 0 ||
        role_off < LEX_HEADER_SIZE ||
        (uint64_t)role_off + (uint64_t)n_role_slots * LEX_SLOT_SIZE >
            lx->size ||
        (n_learned & (n_learned - 1)) != 0 ||
        (n_learned > 0 &&
         (learned_off < LEX_HEADER_SIZE || n_learned < 2 * LEARNED_BUCKET ||
          (uint64_t)learned_off + (uint64_t)n_learned * LEX_LEARNED_SIZE >
              lx->size)))
        goto out_unmap;
    lx->bloom = b + bloom_off;
    lx->bloom_shift = 32;
    while ((1u << (32 - lx->bloom_shift)) < n_words)
        lx->bloom_shift--;
    lx->slots = b + slots_off;
    lx->mask = n_slots - 1;
    lx->strings = b + strings_off;
    lx->params = b + params_off;
    lx->roles = b + role_off;
    lx->role_mask = n_role_slots - 1;
    for (uint32_t i = 0; i < n_slots + n_role_slots; i++) {
        const uint8_t *s =
            i < n_slots ? lx->slots + (size_t)i * LEX_SLOT_SIZE
                        : lx->roles + (size_t)(i - n_slots) * LEX_SLOT_SIZE;
        uint8_t len = s[24];
        if (len == 0)
            *(i < n_slots ? &n_empty : &n_role_empty) += 1;
        else if ((uint64_t)rd32(s + 20) + len > lx->strings_len)
            goto out_unmap;
    }
    if (n_empty == 0 || n_role_empty == 0) /* a probe must always end */
        goto out_unmap;
    if (n_learned > 0) {
        lx->learned = b + learned_off;
        lx->learned_mask = n_learned / LEARNED_BUCKET - 1; /* buckets */
    }
    *why = NULL;
    return 0;

out_unmap:
    munmap(lx->map, lx->size);
    lx->map = NULL;
out_close:
    if (fd >= 0)
        close(fd);
    return -1;
}

static void lex_close(struct lexicon *lx)
{
    if (lx->map)
        munmap(lx->map, lx->size);
    lx->map = NULL;
}

/* ------------------------------------------------------------------------ */
/* Parameters of the scorer                                                  */
/* ------------------------------------------------------------------------ */

/* The constants of the rules. The defaults below are overridden by the
 * calibrated values compiled into the lexicon (lexicon/calibration.tsv),
 * which are overridden by the `tuning` config key. */
struct params {
    double scale;         /* sentence compound = tanh(sum / scale) */
    double neg_pos;       /* a negated positive becomes -neg_pos * v */
    double neg_neg;       /* a negated negative becomes -neg_neg * v */
    double neg_scope;     /* words a negator reaches */
    double neg_residual;  /* a negator that negates nothing */
    double but_before;    /* weight of what precedes "but" */
    double but_after;     /* weight of what follows "but" */
    double although_sub;  /* weight of an "although" clause */
    double although_main; /* weight of the clause it concedes to */
    double caps;          /* ALL-CAPS word among lower-case ones */
    double exclaim;       /* per "!" (up to three), towards the sign */
    double question;      /* factor for a sentence with "?" */
    double mod_decay2;    /* a modifier two words before */
    double mod_decay3;    /* a modifier three words before */
    double post_mod;      /* "fell sharply": adverb after the word */
    double hyphen;        /* a part of an unknown hyphenated word */
    double doc_base;      /* a sentence's weight is doc_base + |compound| */
    double doc_gain;      /* doc compound = tanh(doc_gain * atanh(mean)) */
    double shift;         /* a shifted word becomes -shift * v */
    double shift_scope;   /* content words a shifter reaches */
    double excess_pos;    /* "too generous": a positive word times this */
    double pos_weight;    /* positive words count this much (bias) */
    double short_words;   /* up to this many words a text is one utterance */
    double long_words;    /* from this many, the mean of its sentences */
    double rise;          /* "the toll rose": the bad thing grows by this */
    double measure;       /* "profit fell": at least this much news */
    double exclaim_alone; /* "Gametime!": "!" in a sentence of no sentiment */
    double un_prefix;     /* "unproductive": un- + rated word, times this */
    double face;          /* weight of emoticons, emoji and mood words */
    double exclaim_neg;   /* "!" lifts a negative sentence this much less */
    double blank;         /* raw sum of a short text with no sentiment */
    /* the same, for a short text with no sentiment that asks a question */
    double blank_question;
    double name;        /* a rated word inside a Title Case name */
    double name_single; /* a lone Title Case word inside a sentence */
    double learned;     /* factor of the learned correction (0: off) */
};

static const struct params default_params = {
    .scale = 4.0,
    .neg_pos = 0.75,
    .neg_neg = 0.45,
    .neg_scope = 3,
    .neg_residual = -0.6,
    .but_before = 0.5,
    .but_after = 1.5,
    .although_sub = 0.5,
    .although_main = 1.3,
    .caps = 0.3,
    .exclaim = 0.3,
    .question = 1.0,
    .mod_decay2 = 0.85,
    .mod_decay3 = 0.7,
    .post_mod = 1.0,
    .hyphen = 0.7,
    .doc_base = 1.0,
    .doc_gain = 1.0,
    .shift = 0.7,
    .shift_scope = 3,
    .excess_pos = -0.5,
    .pos_weight = 1.0,
    .short_words = 30,
    .long_words = 80,
    .rise = 0.2,
    .measure = 1.5,
    .exclaim_alone = 0.0,
    .un_prefix = -0.6,
    .face = 1.0,
    .exclaim_neg = 1.0,
    .blank = 0.0,
    .blank_question = 0.0,
    .name = 1.0,
    .name_single = 1.0,
    .learned = 1.0,
};

static const struct param_name {
    const char *name;
    size_t offset;
} param_names[] = {
    {"scale", offsetof(struct params, scale)},
    {"neg_pos", offsetof(struct params, neg_pos)},
    {"neg_neg", offsetof(struct params, neg_neg)},
    {"neg_scope", offsetof(struct params, neg_scope)},
    {"neg_residual", offsetof(struct params, neg_residual)},
    {"but_before", offsetof(struct params, but_before)},
    {"but_after", offsetof(struct params, but_after)},
    {"although_sub", offsetof(struct params, although_sub)},
    {"although_main", offsetof(struct params, although_main)},
    {"caps", offsetof(struct params, caps)},
    {"exclaim", offsetof(struct params, exclaim)},
    {"question", offsetof(struct params, question)},
    {"mod_decay2", offsetof(struct params, mod_decay2)},
    {"mod_decay3", offsetof(struct params, mod_decay3)},
    {"post_mod", offsetof(struct params, post_mod)},
    {"hyphen", offsetof(struct params, hyphen)},
    {"doc_base", offsetof(struct params, doc_base)},
    {"doc_gain", offsetof(struct params, doc_gain)},
    {"shift", offsetof(struct params, shift)},
    {"shift_scope", offsetof(struct params, shift_scope)},
    {"excess_pos", offsetof(struct params, excess_pos)},
    {"pos_weight", offsetof(struct params, pos_weight)},
    {"short_words", offsetof(struct params, short_words)},
    {"long_words", offsetof(struct params, long_words)},
    {"rise", offsetof(struct params, rise)},
    {"measure", offsetof(struct params, measure)},
    {"exclaim_alone", offsetof(struct params, exclaim_alone)},
    {"un_prefix", offsetof(struct params, un_prefix)},
    {"face", offsetof(struct params, face)},
    {"exclaim_neg", offsetof(struct params, exclaim_neg)},
    {"blank", offsetof(struct params, blank)},
    {"blank_question", offsetof(struct params, blank_question)},
    {"name", offsetof(struct params, name)},
    {"name_single", offsetof(struct params, name_single)},
    {"learned", offsetof(struct params, learned)},
};

#define N_PARAMS (sizeof param_names / sizeof param_names[0])

static bool param_set(struct params *p, const char *name, size_t len, double v)
{
    for (size_t i = 0; i < N_PARAMS; i++) {
        if (strlen(param_names[i].name) == len &&
            memcmp(param_names[i].name, name, len) == 0) {
            memcpy((char *)p + param_names[i].offset, &v, sizeof v);
            return true;
        }
    }
    return false;
}

/* Range checks that keep the arithmetic meaningful. */
static bool params_valid(const struct params *p)
{
    return p->scale > 0.01 && p->neg_scope >= 0 && p->neg_scope <= 20 &&
           p->shift_scope >= 0 && p->shift_scope <= 20 && p->short_words >= 0 &&
           p->long_words >= p->short_words && p->pos_weight > 0 &&
           p->doc_base >= 0 && p->doc_gain > 0.01 && isfinite(p->scale) &&
           isfinite(p->doc_gain) && p->mod_decay2 >= 0 && p->mod_decay3 >= 0;
}

/* ------------------------------------------------------------------------ */
/* Plugin state                                                              */
/* ------------------------------------------------------------------------ */

struct sent_score {
    double compound;
    double weight;
};

/* A token's lexicon key, computed once per sentence (prepare_keys). */
struct tok_key {
    uint64_t hash; /* hash_bytes() of the key */
    uint32_t off;  /* offset of the key in kbuf, in 8-byte chunks */
    uint16_t len;  /* key length in bytes; 0: not looked up */
};

/* Marks of a post's register, which the learned correction weighs like
 * words, once per sentence: an @handle, a link, a hashtag, "!" and "?".
 * Their keys cannot be words: "<" is never part of a token's key. */
enum {
    MARK_HANDLE = 1,
    MARK_URL = 2,
    MARK_HASHTAG = 4,
    MARK_EXCL = 8,
    MARK_QUEST = 16,
    N_MARKS = 5
};
static const char *const MARK_FEATURES[N_MARKS] = {
    "<handle>", "<link>", "<hashtag>", "<excl>", "<quest>"};

struct state {
    struct lexicon lex;
    struct params p;
    double positive_threshold;
    double negative_threshold;
    bool sentences;
    /* scratch, grown as needed */
    struct sent_score *sc;
    size_t sc_cap;
    struct tok_key *tk; /* the keys of a sentence's tokens */
    size_t tk_cap;
    uint64_t *kbuf; /* their bytes, each zero-padded to 8-byte chunks */
    size_t kbuf_cap;
    struct ent_acc *ent;
    size_t ent_cap;
    struct mention *men; /* the `entities` result's mentions, read once */
    size_t men_cap, n_men;
    /* per token of the document: inside the name of a person, an
     * organisation or a place that the `entities` plugin found (NULL when
     * the document has none) */
    uint8_t *named;
    size_t named_cap;
    const uint8_t *named_cur;
    /* `features = yes` (tools/learn.py): the document's words and word
     * pairs, each NUL-terminated, in the order met */
    bool features;
    bool short_text; /* the document has fewer than long_words words */
    char *feat;
    size_t feat_len, feat_cap;
    size_t n_feat;
    uint64_t mark_hash[N_MARKS]; /* hash_bytes() of MARK_FEATURES */
};

/* Grow *buf to hold at least `need` items of `size` bytes. */
static int grow(void **buf, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 64;
    while (n < need) {
        if (n > SIZE_MAX / 2 / size)
            return -1;
        n *= 2;
    }
    void *p = realloc(*buf, n * size);
    if (!p)
        return -1;
    *buf = p;
    *cap = n;
    return 0;
}

/* A mention of the `entities` result, as the scorer reads it. */
struct mention {
    int64_t start, end; /* code points; -1 when the mention lacks one */
    int64_t entity;     /* its index in `entities`, or -1 */
    bool name;          /* a person's, an organisation's or a place's */
};

struct ent_acc {
    double sum;
    double weight;
    uint32_t n;
    int64_t last_sentence;
};

/* ------------------------------------------------------------------------ */
/* Scoring one sentence                                                      */
/* ------------------------------------------------------------------------ */

enum { RECENT = 4, PLIGHTS = 8 };

struct scorer {
    const struct state *st;
    const struct params *p;
    const char *text;
    const prism_token *tok;
    const struct tok_key *tk; /* tk[i - start]: the key of token i */
    const uint8_t *kbuf;
    size_t start; /* the sentence's first token */
    size_t end;   /* one past the sentence's last token */
    size_t n_all; /* tokens of the document */
    bool caps_emphasis;
    /* accumulators */
    double sum, pos, neg;
    /* crying faces, counted at the end in the sentence's direction */
    double tears, tears_abs;
    uint32_t words, hit_words;
    /* clause weighting */
    double weight;
    bool in_although;
    /* negation: active while word <= neg_end */
    bool neg_on, neg_used;
    long neg_end;
    long neg_last; /* the negator's last word */
    /* a valence shifter: active for shift_left more content words */
    bool shift_on, shift_used, shift_negated, shift_neg_only;
    long shift_left;
    bool shift_own_on;
    double shift_own;
    /* a pending degree modifier (and its own valence, if it has one) */
    bool mod_on, mod_excess;
    double mod;
    long mod_word;
    bool own_on;
    double own_valence;
    bool own_caps;
    /* the last hit, for adverbs that follow it; whether it was an adverb
     * in -ly itself (cur_ly: the word being applied) */
    bool last_on, last_ly, cur_ly;
    double last_v;
    long last_word;
    /* the negative hits just before the last one, each within two words
     * of the next ("malaria deaths", "the ban on protests"), or four when
     * a preposition or "that" follows the one before ("deaths from drug
     * overdoses", "the drought that had gripped Spain"): a verb of fall
     * or end after them undoes them all */
    double before_last_v;
    bool link_after_last; /* the word after the last hit is such a one */
    bool rel_after_last;  /* ... and "that" or "which", a relative clause
                             that describes it ("the drought that gripped
                             the region ended") */
    /* the plights named so far in the sentence ("kidnapped", "missing"):
     * their words and values (beyond PLIGHTS, the oldest two are summed
     * at the older one's word); whether a way out of them ("freed", "found
     * alive") was named before the current word, and at which word */
    long plight_word[PLIGHTS];
    double plight_v[PLIGHTS];
    bool plight_noun[PLIGHTS]; /* a noun's plight ("evacuees"), which may
                                  name its cause before it, not a verb's
                                  ("destroyed") */
    bool cur_ed;               /* the current word ends in "-ed" */
    bool cur_name;             /* the current word is one of a name's */
    unsigned n_plight;
    bool rescued;
    bool harmed; /* a death or a wound is named: no way out turns a plight
                    ("the flood destroyed 300 homes and killed 12; 40 were
                    rescued", "two died and one was found alive after the
                    quake") */
    long rescue_word;
    bool last_dir, cur_dir; /* the last hit, the current word: a verb of
                               rise or fall ("fell victim") */
    bool perfect;       /* "has", "have", "had" right before the current verb of
                           rise or fall ("the number of homeless people has
                           fallen") */
    int aux_back;       /* "was", "were", "is"... stands 1 or 2 words before the
                           current verb of rise, fall or end (0: not) */
    int measure_back;   /* a measure ("profit") stands this many words before
                           the current verb of rise or fall (0: none) */
    int measure_ahead;  /* or this many words after it ("lowered its
                           outlook"; 0: none) */
    bool burden;        /* and it is a burden ("costs"): its rise is bad */
    bool has_object;    /* a determiner follows the verb: it acts on what
                           follows ("the scandal weakened the government") */
    bool place_between; /* only a phrase of place or time stands between
                           the last hit and the verb ("crime in the city
                           fell", "deaths across the region dropped") */
    long measure_from, measure_to; /* the words after a verb up to its
                                      measure, which count no more */
    long measure_done; /* a measure a shifter has read ("cut costs"), which
                          no verb after it reads again */
    /* the last RECENT hits (word, value), for a verb of rise or fall that
     * takes the place of a measure's own valence a few words back */
    long recent_word[RECENT];
    double recent_v[RECENT];
    unsigned n_recent;
    bool end_ok;        /* a DIR_END entry ends its clause: "is over." but not
                           "is over 50" */
    bool end_needs_aux; /* it is "over", which is an end only after "is",
                           "was"... */
    long word;          /* index of the current word in the sentence */
    /* the current word is "nor" or follows "and" / "or": a negator there
     * repeats a negation ("neither X nor Y", "no and no"), never cancels it */
    bool coordinated;
};

static void add_value(struct scorer *sc, double v)
{
    sc->sum += v;
    if (v > 0)
        sc->pos += v;
    else
        sc->neg -= v;
}

/* Count a valence `v` found at the current word(s). */
static void add_hit(struct scorer *sc, double v, bool caps, long n_words)
{
    const struct params *p = sc->p;
    if (v > 0)
        v *= p->pos_weight;
    if (sc->mod_on) {
        long d = sc->word - sc->mod_word;
        double decay = d <= 1 ? 1.0 : d == 2 ? p->mod_decay2 : p->mod_decay3;
        double f = 1.0 + sc->mod * decay;
        if (sc->mod_excess && v > 0)
            f = p->excess_pos; /* "too generous" */
        v *= f < 0.05 && f > -0.05 ? 0.05 : f;
    }
    sc->mod_on = false;
    sc->own_on = false;
    if (caps && sc->caps_emphasis)
        v *= 1.0 + p->caps;
    if (sc->shift_on && (v < 0 || !sc->shift_neg_only)) {
        v *= -p->shift;
        sc->shift_used = true;
        if (sc->shift_negated) /* "did not reduce poverty" */
            v *= v > 0 ? -p->neg_pos : -p->neg_neg;
    }
    if (sc->neg_on && sc->word <= sc->neg_end) {
        v *= v > 0 ? -p->neg_pos : -p->neg_neg;
        sc->neg_used = true;
    }
    v *= sc->weight;
    add_value(sc, v);
    sc->hit_words += (uint32_t)n_words;
    if (sc->cur_name) { /* counted, but no rule reads it as the last hit */
        sc->recent_word[sc->n_recent % RECENT] = sc->word + n_words - 1;
        sc->recent_v[sc->n_recent % RECENT] = v;
        sc->n_recent++;
        return;
    }
    if (sc->last_on && sc->last_v < 0 && v < 0 && !sc->last_dir &&
        (sc->word - sc->last_word <= 2 ||
         (sc->link_after_last && sc->word - sc->last_word <= 4)))
        sc->before_last_v += sc->last_v;
    else
        sc->before_last_v = 0;
    sc->link_after_last = sc->rel_after_last = false;
    sc->last_dir = sc->cur_dir;
    sc->last_on = true;
    sc->last_ly = sc->cur_ly;
    sc->last_v = v;
    sc->last_word = sc->word + n_words - 1;
    sc->recent_word[sc->n_recent % RECENT] = sc->last_word;
    sc->recent_v[sc->n_recent % RECENT] = v;
    sc->n_recent++;
}

/* A modifier that modified nothing counts its own valence, if any. */
static void flush_modifier(struct scorer *sc)
{
    if (sc->own_on) {
        double v = sc->own_valence;
        bool caps = sc->own_caps;
        sc->mod_on = false;
        sc->own_on = false;
        add_hit(sc, v, caps, 1);
    }
    sc->mod_on = false;
}

/* A negator that reversed nothing ("it doesn't work") leans negative. */
static void end_negation(struct scorer *sc)
{
    if (sc->neg_on && !sc->neg_used)
        add_value(sc, sc->p->neg_residual * sc->weight);
    sc->neg_on = false;
}

/* Count the writer's own mood, a face or an interjection of `valence`
 * (never negated or modified): a crying face and "aww" on the sentence's
 * side (with_tears()), the others as they are. */
static void add_mood(struct scorer *sc, const struct lex_entry *e)
{
    double v = e->valence * sc->p->face * sc->weight;
    flush_modifier(sc);
    end_negation(sc);
    if (e->tears) {
        sc->tears += v;
        sc->tears_abs += fabs(v);
    } else
        add_value(sc, v);
}

/* A shifter that shifted nothing keeps its own valence ("fighting"). */
static void end_shift(struct scorer *sc)
{
    if (sc->shift_on && !sc->shift_used && sc->shift_own_on) {
        double v = sc->shift_own;
        sc->shift_on = false;
        if (sc->shift_negated) /* "did not help" */
            v *= v > 0 ? -sc->p->neg_pos : -sc->p->neg_neg;
        add_hit(sc, v, false, 1);
    }
    sc->shift_on = false;
    sc->shift_own_on = false;
}

/* Expire the pending modifier and the negation scope before `word`. */
static void advance_to_word(struct scorer *sc)
{
    if (sc->mod_on && sc->word - sc->mod_word > 3)
        flush_modifier(sc);
    if (sc->neg_on && sc->word > sc->neg_end)
        end_negation(sc);
}

/* Called for every word while a shifter is active, with the word's roles
 * (lexicon/roles.tsv): little words ("the", "of") do not use up a
 * shifter's reach ("reduce the risk of heart disease"), and after some
 * ("in", "was") it has no object ("fighting in the city"). */
static void shift_word(struct scorer *sc, unsigned role)
{
    if (role & ROLE_SHIFT_SKIP)
        return;
    if (role & ROLE_SHIFT_STOP) {
        end_shift(sc);
        return;
    }
    if (sc->shift_left-- <= 0)
        end_shift(sc);
}

/* A comma, semicolon, colon, dash or bracket ends negation, pending
 * modifiers and an "although" clause. */
static void end_clause(struct scorer *sc, bool concessive_end)
{
    flush_modifier(sc);
    end_shift(sc);
    end_negation(sc);
    sc->last_on = false;
    if (sc->in_although && concessive_end) {
        sc->in_although = false;
        sc->weight = sc->p->although_main;
    }
}

static void scale_so_far(struct scorer *sc, double f)
{
    sc->sum *= f;
    sc->pos *= f;
    sc->neg *= f;
    if (sc->last_on)
        sc->last_v *= f;
    sc->before_last_v *= f;
    for (unsigned k = 0; k < sc->n_plight; k++)
        sc->plight_v[k] *= f;
    for (unsigned k = 0; k < RECENT; k++)
        sc->recent_v[k] *= f;
}

static void contrast_but(struct scorer *sc)
{
    end_clause(sc, true);
    scale_so_far(sc, sc->p->but_before);
    sc->in_although = false;
    sc->weight = sc->p->but_after;
}

static void contrast_although(struct scorer *sc)
{
    end_clause(sc, false);
    /* "Y, although X": Y is the main clause. */
    if (sc->sum != 0 || sc->pos != 0 || sc->neg != 0)
        scale_so_far(sc, sc->p->although_main);
    sc->in_although = true;
    sc->weight = sc->p->although_sub;
}

/* Append the normalised bytes of text[a, b) to key: ASCII lower case, and
 * the typographic apostrophes folded to "'". Returns the new length, or -1
 * when the key would pass KEY_MAX. */
static int key_append(uint8_t *key, int len, const char *text, uint32_t a,
                      uint32_t b)
{
    for (uint32_t i = a; i < b; i++) {
        uint8_t c = (uint8_t)text[i];
        if (c >= 'A' && c <= 'Z') {
            c = (uint8_t)(c + 32);
        } else if (c == 0xE2 && i + 2 < b && (uint8_t)text[i + 1] == 0x80 &&
                   ((uint8_t)text[i + 2] == 0x99 ||
                    (uint8_t)text[i + 2] == 0x98)) {
            c = '\'';
            i += 2;
        }
        if (len >= KEY_MAX)
            return -1;
        key[len++] = c;
    }
    return len;
}

/* What a word's key holds, as far as the fallbacks care. */
enum word_feature {
    WF_APOS = 1, /* an apostrophe: "wouldn't", "victory's" */
    WF_DASH = 2, /* a hyphen: "crisis-hit" */
    WF_RUN3 = 4, /* a letter three times in a row: "sooo" */
};

static inline void wr64(uint8_t *p, uint64_t v)
{
    if (HOST_IS_LE) {
        memcpy(p, &v, 8);
        return;
    }
    for (int i = 0; i < 8; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

/* The high bit of each byte of v that is zero (and possibly of a byte
 * above a zero byte: callers use it as a filter, then check). */
static inline uint64_t zero_bytes(uint64_t v)
{
    return (v - ONES) & ~v & HIGHS;
}

/* ASCII lower case of the eight ASCII bytes in x. */
static inline uint64_t lower_ascii8(uint64_t x)
{
    uint64_t ge_a = x + 0x3F3F3F3F3F3F3F3Full; /* high bit: byte >= 'A' */
    uint64_t gt_z = x + 0x2525252525252525ull; /* high bit: byte > 'Z' */
    return x | ((ge_a & ~gt_z & HIGHS) >> 2);
}

/* A mask of the low m bytes (m <= 8) of a chunk, and of their high bits. */
static inline uint64_t low_bytes(size_t m)
{
    return m >= 8 ? ~0ull : (1ull << (8 * m)) - 1;
}

/* m (1..8) bytes of text at p, as a little-endian chunk, zero-padded;
 * never reads at or past text_len. */
static inline uint64_t load_chunk(const char *text, size_t text_len, size_t p,
                                  size_t m)
{
    const uint8_t *t = (const uint8_t *)text + p;
    if (p + 8 <= text_len) {
        uint64_t c = rd64(t);
        return c & low_bytes(m);
    }
    uint64_t c = 0;
    for (size_t j = 0; j < m; j++)
        c |= (uint64_t)t[j] << (8 * j);
    return c;
}

/* token_key() for the words that are not one all-ASCII chunk. */
static size_t token_key_slow(uint8_t *dst, const char *text, size_t text_len,
                             uint32_t a, uint32_t b, uint64_t *hash)
{
    size_t n = b - a;
    uint64_t h = hash_start(n);
    for (size_t o = 0; o < n; o += 8) {
        size_t m = n - o < 8 ? n - o : 8;
        uint64_t c = load_chunk(text, text_len, a + o, m);
        if (c & HIGHS)
            goto slow;
        c = lower_ascii8(c);
        wr64(dst + o, c);
        h = hash_chunk(h, c);
    }
    *hash = h;
    return n;

slow:;
    int len = key_append(dst, 0, text, a, b);
    if (len <= 0)
        return 0;
    memset(dst + len, 0, (size_t)(8 - (len & 7)) & 7);
    *hash = hash_bytes(dst, (size_t)len);
    return (size_t)len;
}

/* Write the key of text[a, b) (at most WORD_MAX bytes) to dst, zero-padded
 * to whole 8-byte chunks: ASCII lower case, typographic apostrophes folded
 * to "'". Returns its length and sets *hash to hash_bytes() of it. Most
 * words are one all-ASCII chunk: a load, a mask, a lower-casing and one
 * multiplication. */
static inline size_t token_key(uint8_t *dst, const char *text, size_t text_len,
                               uint32_t a, uint32_t b, uint64_t *hash)
{
    size_t n = b - a;
    if (n <= 8 && a + 8 <= text_len) {
        uint64_t c = rd64((const uint8_t *)text + a) & low_bytes(n);
        if (!(c & HIGHS)) {
            c = lower_ascii8(c);
            wr64(dst, c);
            *hash = hash_chunk(hash_start(n), c);
            return n;
        }
    }
    return token_key_slow(dst, text, text_len, a, b, hash);
}

/* The features of the key w (zero-padded to whole chunks). */
static unsigned word_features(const uint8_t *w, size_t len)
{
    unsigned f = 0;
    for (size_t o = 0; o < len; o += 8) {
        uint64_t c = rd64(w + o);
        size_t m = len - o < 8 ? len - o : 8;
        uint64_t valid = HIGHS & low_bytes(m);
        if (zero_bytes(c ^ (0x27 * ONES)) & valid)
            f |= WF_APOS;
        if (zero_bytes(c ^ (0x2D * ONES)) & valid)
            f |= WF_DASH;
        if (zero_bytes((c ^ (c << 8)) | (c ^ (c << 16))) & valid & ~0xFFFFull)
            f |= WF_RUN3;
        /* runs across the chunk boundary */
        if (o > 0 && w[o] == w[o - 1] && (w[o] == w[o - 2] || w[o] == w[o + 1]))
            f |= WF_RUN3;
    }
    return f;
}

/* The vowels that English seldom doubles: "yaay", "niice", "cuute" are
 * elongated, while "loose" is not "lose", nor "root" "rot". */
static const bool is_vowel[256] = {
    ['a'] = true,
    ['i'] = true,
    ['u'] = true,
};

/* Whether w holds a doubled a, i or u ("yaay", "niice"). */
static inline bool has_double_vowel(const uint8_t *w, size_t len)
{
    for (size_t i = 1; i < len; i++) {
        if (w[i] == w[i - 1] && is_vowel[w[i]])
            return true;
    }
    return false;
}

/* Whether a word that is not in the lexicon can have a fallback at all:
 * the fallbacks (lookup_fallback) need an apostrophe or a hyphen, a
 * tripled letter, a doubled last letter, a doubled a, i or u, "un-" or
 * laughter ("haha"). Most words fail this cheap test. */
static inline __attribute__((always_inline)) bool
fallback_possible(const uint8_t *w, size_t len)
{
    uint64_t any = 0;
    if (len < 4)
        return false;
    for (size_t o = 0; o < len; o += 8) {
        uint64_t c = rd64(w + o);
        uint64_t valid = HIGHS & low_bytes(len - o);
        any |= (c - 0x4141414141414141ull) & ~c & valid; /* ' - . */
        any |= zero_bytes((c ^ (c << 8)) | (c ^ (c << 16))) & valid &
               ~0xFFFFull; /* "sooo" */
        if (o > 0 && w[o] == w[o - 1] && (w[o] == w[o - 2] || w[o] == w[o + 1]))
            any = 1;
        /* a doubled a, i or u ("yaay"), within the chunk */
        uint64_t dbl = zero_bytes(c ^ (c << 8)) & valid & ~0xFFull;
        if (dbl)
            any |= dbl & (zero_bytes(c ^ (0x61 * ONES)) |
                          zero_bytes(c ^ (0x69 * ONES)) |
                          zero_bytes(c ^ (0x75 * ONES)));
    }
    return any != 0 || w[len - 1] == w[len - 2] ||
           (len >= 6 && w[0] == 'u' && w[1] == 'n') ||
           ((w[0] == 'h' || w[0] == 'a') &&
            (w[1] == 'h' || w[1] == 'a' || w[1] == 'e'));
}

/* Whether a slot is more than a role ("the" is a phrase start, "rose" a
 * verb of rise; "was" only skips in negation). */
static inline bool slot_meaningful(const uint8_t *s)
{
    return s[25] != 0 || (s[26] & (DIR_UP | DIR_DOWN)) != 0;
}

/* Write the key of the phrase of tokens [i, i + n) to dst, zero-padded.
 * Returns its length, or 0 when it is longer than KEY_MAX. */
static size_t phrase_key(const struct scorer *sc, size_t i, size_t n,
                         uint8_t *dst)
{
    size_t len = 0;
    for (size_t k = 0; k < n; k++) {
        const struct tok_key *t = &sc->tk[i + k - sc->start];
        if (len + (k > 0) + t->len > KEY_MAX)
            return 0;
        if (k > 0)
            dst[len++] = ' ';
        memcpy(dst + len, sc->kbuf + (size_t)t->off * 8, t->len);
        len += t->len;
    }
    memset(dst + len, 0, 8);
    return len;
}

/* The longest phrase that starts at token i, whose first word is a phrase
 * start. Every proper prefix of a phrase is in the lexicon (flag
 * LX_PHRASE), so the match grows only while some phrase begins with it.
 * The phrase's hash is made of its words' hashes, so that a failing
 * extension usually costs one Bloom probe. Returns the number of tokens
 * matched (0 for none). */
static size_t match_phrase(const struct scorer *sc, size_t i,
                           unsigned max_words, struct lex_entry *out)
{
    uint64_t buf[KEY_MAX / 8 + 2];
    const struct lexicon *lx = &sc->st->lex;
    uint64_t ph = sc->tk[i - sc->start].hash;
    size_t n = 1, best = 0;

    if (max_words > PHRASE_MAX)
        max_words = PHRASE_MAX;
    while (n < max_words && i + n < sc->end) {
        const struct tok_key *k = &sc->tk[i + n - sc->start];
        if (k->len == 0)
            break;
        ph = hash_phrase(ph, k->hash);
        n++;
        uint32_t h = hash32(ph);
        if (!bloom_may_hold(lx, h))
            break;
        size_t len = phrase_key(sc, i, n, (uint8_t *)buf);
        const uint8_t *s = len ? lex_find(lx, (uint8_t *)buf, len, h) : NULL;
        if (!s)
            break;
        struct lex_entry e;
        lex_decode(s, &e);
        if ((e.flags & ~LX_PHRASE) || e.direction) {
            *out = e;
            best = n;
        }
        if (!(e.flags & LX_PHRASE))
            break;
    }
    return best;
}

/* Collapse runs of three or more equal letters ("sooo goood") to `keep`. */
static int collapse_runs(uint8_t *dst, const uint8_t *src, int len, int keep)
{
    int n = 0;
    for (int i = 0; i < len;) {
        int j = i;
        while (j < len && src[j] == src[i])
            j++;
        int run = j - i;
        int out = run >= 3 ? keep : run;
        for (int k = 0; k < out; k++)
            dst[n++] = src[i];
        i = j;
    }
    return n;
}

static bool has_run3(const uint8_t *w, int len)
{
    for (int i = 2; i < len; i++) {
        if (w[i] == w[i - 1] && w[i] == w[i - 2])
            return true;
    }
    return false;
}

static bool is_laughter(const uint8_t *w, int len)
{
    int h = 0;
    if (len < 4 || (w[0] != 'h' && w[0] != 'a'))
        return false;
    for (int i = 0; i < len; i++) {
        if (w[i] == 'h')
            h++;
        else if (w[i] != 'a' && w[i] != 'e')
            return false;
    }
    return h >= 2 && h < len;
}

static bool is_unreliable_prefix(const uint8_t *w, int len)
{
    static const char *const prefixes[] = {
        "anti", "non",  "un",  "counter", "dis",  "de",     "ex", "pre",
        "post", "over", "mis", "self",    "semi", "pseudo", NULL};
    for (int i = 0; prefixes[i]; i++) {
        if ((int)strlen(prefixes[i]) == len &&
            memcmp(prefixes[i], w, (size_t)len) == 0)
            return true;
    }
    return false;
}

/* Fallbacks for a word that is not in the lexicon. Sets *out and returns
 * true when one applies; *emphasis is set for elongated words. */
static bool lookup_fallback(const struct scorer *sc, const uint8_t *w, int len,
                            unsigned features, struct lex_entry *out,
                            bool *emphasis)
{
    const struct lexicon *lx = &sc->st->lex;
    uint8_t buf[WORD_MAX * 3 + 8];

    *emphasis = false;
    if (len > (int)sizeof buf - 1)
        return false;
    /* "wouldn't" */
    if ((features & WF_APOS) && len >= 4 &&
        memcmp(w + len - 3, "n't", 3) == 0) {
        memset(out, 0, sizeof *out);
        out->flags = LX_NEG;
        return true;
    }
    /* possessive: "victory's" */
    if ((features & WF_APOS) && len > 3 && memcmp(w + len - 2, "'s", 2) == 0 &&
        lex_lookup(lx, w, (size_t)len - 2, out))
        return true;
    /* elongation: "sooo", "goooood" (inflections are in the lexicon) */
    for (int keep = 2; keep >= 1 && (features & WF_RUN3) && has_run3(w, len);
         keep--) {
        int n = collapse_runs(buf, w, len, keep);
        if (n != len && lex_lookup(lx, buf, (size_t)n, out)) {
            *emphasis = true;
            return true;
        }
    }
    /* "yayy", "lovee", "cutee": a doubled last letter */
    if (len >= 4 && w[len - 1] == w[len - 2] && w[len - 1] >= 'a' &&
        w[len - 1] <= 'z' && lex_lookup(lx, w, (size_t)len - 1, out) &&
        (out->flags & LX_LEX) && out->valence != 0) {
        *emphasis = true;
        return true;
    }
    /* "yaay", "niice", "cuute": a doubled a, i or u said once (not
     * consonants, "Grimm" is not "grim", nor e and o: "loose", "root") */
    if (has_double_vowel(w, (size_t)len)) {
        int n = 0;
        for (int i = 0; i < len; i++) {
            if (i == 0 || w[i] != w[i - 1] || !is_vowel[w[i]])
                buf[n++] = w[i];
        }
        if (n != len && lex_lookup(lx, buf, (size_t)n, out) &&
            (out->flags & LX_LEX) && out->valence != 0) {
            *emphasis = true;
            return true;
        }
    }
    if (is_laughter(w, len)) {
        memset(out, 0, sizeof *out);
        out->flags = LX_LEX;
        out->mood = true;
        out->valence = 2.0;
        return true;
    }
    /* "unhelpful", "unproductive": un- before a rated word */
    if (len >= 6 && w[0] == 'u' && w[1] == 'n' && w[2] != '-') {
        struct lex_entry e;
        if (lex_lookup(lx, w + 2, (size_t)len - 2, &e) && e.flags == LX_LEX &&
            e.valence != 0) {
            memset(out, 0, sizeof *out);
            out->flags = LX_LEX;
            out->valence = e.valence * sc->p->un_prefix;
            return true;
        }
    }
    /* hyphenated: "drought-stricken", "crisis-hit" */
    const uint8_t *dash =
        features & WF_DASH ? memchr(w, '-', (size_t)len) : NULL;
    if (dash && dash > w && dash < w + len - 1) {
        int head = (int)(dash - w);
        struct lex_entry e;
        if (is_unreliable_prefix(w, head))
            return false;
        const uint8_t *tail = w + len;
        while (tail > dash + 1 && tail[-1] != '-')
            tail--;
        if (lex_lookup(lx, tail, (size_t)(w + len - tail), &e) &&
            (e.flags & LX_LEX) && e.valence != 0) {
            memset(out, 0, sizeof *out);
            out->flags = LX_LEX;
            out->valence = e.valence * sc->p->hyphen;
            return true;
        }
        if (lex_lookup(lx, w, (size_t)head, &e) && (e.flags & LX_LEX) &&
            e.valence != 0) {
            memset(out, 0, sizeof *out);
            out->flags = LX_LEX;
            out->valence = e.valence * sc->p->hyphen;
            return true;
        }
    }
    return false;
}

/* The valence of a rated, plain word of n bytes at w (0 when none). */
static double plain_valence(const struct lexicon *lx, const uint8_t *w,
                            size_t n)
{
    struct lex_entry e;
    if (n < 3 || !lex_lookup(lx, w, n, &e) || !(e.flags & LX_LEX) ||
        (e.flags & (LX_NEG | LX_BUT | LX_ALTHOUGH | LX_SHIFT)))
        return 0.0;
    return e.valence;
}

/* A negated valence: "not good", "not bad". */
static double negated(const struct params *p, double v)
{
    return v > 0 ? -p->neg_pos * v : -p->neg_neg * v;
}

/* A hashtag that is not a word ("#stupidpersonalsshit", "#NoMoreLies"):
 * the sum of the rated words it is made of, times the `hyphen` constant.
 * CamelCase is split at its capitals; otherwise the longest rated prefix
 * and the longest rated suffix of at least four letters are taken. `raw`
 * is the token's text, `w` its key (same length, all ASCII). */
static bool hashtag_value(const struct scorer *sc, const uint8_t *raw,
                          const uint8_t *w, size_t len, struct lex_entry *out)
{
    const struct lexicon *lx = &sc->st->lex;
    double v = 0.0;
    size_t start = 0;
    bool camel = false;

    /* after a negator: "#NotHappy", "#NoWorries"; after "no more", only
     * good things turn ("#NoMoreFun"; "#NoMoreLies" stays a complaint) */
    int flip = 0; /* 1 after "no more", 2 after a negator */
    struct lex_entry e;

    for (size_t i = 1; i <= len; i++) {
        if (i == len ? camel
                     : raw[i] >= 'A' && raw[i] <= 'Z' && raw[i - 1] >= 'a' &&
                           raw[i - 1] <= 'z') {
            double pv = plain_valence(lx, w + start, i - start);
            if (pv != 0.0)
                v += flip > (pv < 0) ? negated(sc->p, pv) : pv;
            else if (flip == 2 && i - start == 4 &&
                     memcmp(w + start, "more", 4) == 0)
                flip = 1;
            else if (lex_lookup(lx, w + start, i - start, &e) &&
                     (e.flags & LX_NEG))
                flip = 2;
            start = i;
            camel = true;
        }
    }
    if (!camel) {
        /* "#notgood", "#nofun": a negator, then exactly a rated word */
        static const struct {
            const char *s;
            bool bad_too; /* "#notbad", "#noworries"; not "#nomorelies" */
        } negs[] = {{"nomore", false}, {"not", true},  {"no", true},
                    {"never", true},   {"dont", true}, {"cant", true},
                    {NULL, false}};
        for (int k = 0; negs[k].s; k++) {
            size_t m = strlen(negs[k].s);
            if (len >= m + 3 && memcmp(w, negs[k].s, m) == 0) {
                double pv = plain_valence(lx, w + m, len - m);
                if (pv > 0.0 || (pv < 0.0 && negs[k].bad_too)) {
                    v = negated(sc->p, pv);
                    goto done;
                }
            }
        }
        size_t pre = 0;
        double vp = 0.0, vs = 0.0;
        for (size_t n = len - 1; n >= 4 && vp == 0.0; n--) {
            vp = plain_valence(lx, w, n);
            pre = vp != 0.0 ? n : 0;
        }
        for (size_t n = len - (pre ? pre : 1); n >= 4 && vs == 0.0; n--) {
            vs = plain_valence(lx, w + len - n, n);
            /* a rated suffix alone needs a word before it ("#sobored",
             * "#mondaysucks"): "#auburn" is not "burn" */
            if (vs != 0.0 && !pre && len - n < 3 &&
                !lex_lookup(lx, w, len - n, &e))
                vs = 0.0;
        }
        v = vp + vs;
    }
done:
    if (v == 0.0)
        return false;
    memset(out, 0, sizeof *out);
    out->flags = LX_LEX;
    out->valence = v * sc->p->hyphen;
    return true;
}

static bool ends_with_ly(const uint8_t *w, int len)
{
    return len > 3 && w[len - 2] == 'l' && w[len - 1] == 'y';
}

/* Modifiers that may follow the word they scale: adverbs in -ly ("fell
 * sharply") also precede one; "af" and "as hell" ("cute af", "cold as
 * hell") only follow one. */
enum { POST_NO, POST_LY, POST_ONLY };

/* The POST_* kind of a modifier of n_tok tokens whose first key is w. */
static int post_kind(const uint8_t *w, size_t len, size_t n_tok,
                     const struct lex_entry *e)
{
    if (!(e->flags & LX_MOD))
        return POST_NO;
    if (n_tok == 1 && ends_with_ly(w, (int)len))
        return POST_LY;
    if ((n_tok == 1 && len == 2 && w[0] == 'a' && w[1] == 'f') ||
        (n_tok == 1 && len == 3 && memcmp(w, "asf", 3) == 0) ||
        (n_tok >= 2 && len == 2 && w[0] == 'a' && w[1] == 's'))
        return POST_ONLY;
    return POST_NO;
}

/* Replace the value of the last hit by `v`. */
/* Take back a value add_value counted. */
static void remove_value(struct scorer *sc, double v)
{
    sc->sum -= v;
    if (v > 0)
        sc->pos -= v;
    else
        sc->neg += v;
}

static void replace_last(struct scorer *sc, double v)
{
    remove_value(sc, sc->last_v);
    add_value(sc, v);
    sc->last_v = v;
    unsigned k = (sc->n_recent - 1) % RECENT;
    if (sc->n_recent && sc->recent_word[k] == sc->last_word)
        sc->recent_v[k] = v;
}

/* Does the clause end at token i: the sentence's end, punctuation, or a
 * word that starts what follows ("the famine is over after good rains",
 * "the fire was brought under control before it reached the village")?
 * Then "is over" is the end of something, not "more than" ("is over 50"). */
static bool clause_ends_after(const struct scorer *sc, size_t i)
{
    static const char *const next[] = {
        "after", "and",    "but",  "now",    "at",       "as",
        "so",    "for",    "with", "when",   "last",     "this",
        "early", "before", "by",   "within", "overnight"};
    /* "stopped almost completely after", "ended abruptly": degree words
     * and adverbs say how, and the clause goes on ending */
    for (int skip = 0;
         skip < 2 && i < sc->end && sc->tok[i].kind == PRISM_TOK_WORD &&
         !(sc->tok[i].flags & PRISM_TF_TITLE);
         skip++) {
        const char *w = sc->text + sc->tok[i].start;
        size_t n = sc->tok[i].end - sc->tok[i].start;
        if (!(n > 4 && !strncmp(w + n - 2, "ly", 2)) &&
            !(n == 6 && !strncmp(w, "almost", 6)))
            break;
        i++;
    }
    if (i >= sc->end || sc->tok[i].kind == PRISM_TOK_PUNCT)
        return true;
    const prism_token *t = &sc->tok[i];
    if (t->kind != PRISM_TOK_WORD) /* "is over 50", "was over $5 mln" */
        return false;
    /* "ended in 1945", "ended on Friday": a time; not an outcome, "ended
     * in tears" */
    if (t->end - t->start == 2 && (!strncmp(sc->text + t->start, "in", 2) ||
                                   !strncmp(sc->text + t->start, "on", 2)))
        return i + 1 < sc->end && (sc->tok[i + 1].kind == PRISM_TOK_NUMBER ||
                                   (sc->tok[i + 1].flags & PRISM_TF_TITLE));
    size_t n = t->end - t->start;
    for (size_t k = 0; k < sizeof(next) / sizeof(next[0]); k++)
        if (strlen(next[k]) == n && !strncmp(sc->text + t->start, next[k], n))
            return true;
    return false;
}

/* Is the word (its key) an auxiliary of the passive: "was", "were", "is",
 * "are", "be", "been", "being"? */
static bool passive_aux(const uint8_t *key, size_t len)
{
    switch (len) {
    case 2:
        return !memcmp(key, "is", 2) || !memcmp(key, "be", 2);
    case 3:
        return !memcmp(key, "was", 3) || !memcmp(key, "are", 3);
    case 4:
        return !memcmp(key, "were", 4) || !memcmp(key, "been", 4);
    case 5:
        return !memcmp(key, "being", 5);
    default:
        return false;
    }
}

/* The key of token i and its length in *n (0: not a word, or not looked
 * up). */
static const uint8_t *key_at(const struct scorer *sc, size_t i, size_t *n)
{
    const struct tok_key *k = &sc->tk[i - sc->start];
    *n = sc->tok[i].kind == PRISM_TOK_WORD ? k->len : 0;
    return sc->kbuf + (size_t)k->off * 8;
}

static bool one_of(const uint8_t *w, size_t n, const char *const *list);

/* Is the key of n bytes a preposition that opens a phrase of place or
 * time after a thing, before its verb ("crime *in the city* fell",
 * "emissions *from the power sector* climbed")? By length first: it is
 * asked of the word after each hit. */
static bool place_prep(const uint8_t *w, size_t n)
{
    switch (n) {
    case 2:
        return !memcmp(w, "in", 2) || !memcmp(w, "at", 2) ||
               !memcmp(w, "on", 2) || !memcmp(w, "of", 2);
    case 3:
        return !memcmp(w, "for", 3);
    case 4:
        return !memcmp(w, "from", 4);
    case 5:
        return !memcmp(w, "among", 5);
    case 6:
        return !memcmp(w, "across", 6) || !memcmp(w, "around", 6) ||
               !memcmp(w, "within", 6);
    case 7:
        return !memcmp(w, "outside", 7);
    case 10:
        return !memcmp(w, "throughout", 10);
    default:
        return false;
    }
}

/* Does the key of n bytes open a phrase that says more of the word before
 * it: such a preposition, "that" or "which" ("deaths from drug overdoses",
 * "the drought that had gripped Spain")? */
static bool links_a_phrase(const uint8_t *w, size_t n)
{
    return place_prep(w, n) || (n == 4 && !memcmp(w, "that", 4)) ||
           (n == 5 && !memcmp(w, "which", 5));
}

/* Is the key "of" or "with"? After a negation's target they end its
 * reach as other words do ("no loss of sound quality"); before it, they
 * do not ("no reports of casualties"). */
static bool linking_word(const uint8_t *w, size_t n)
{
    return (n == 2 && !memcmp(w, "of", 2)) || (n == 4 && !memcmp(w, "with", 4));
}

/* Is "declare" (declares, declared, declaring) one to four words before
 * token i ("Tanzania declares Marburg outbreak over")? */
static bool declared_before(const struct scorer *sc, size_t i)
{
    static const char *const declare[] = {"declare", "declares", "declared",
                                          "declaring", NULL};
    for (size_t back = 1; back <= 4 && i >= sc->start + back; back++) {
        size_t n;
        const uint8_t *w = key_at(sc, i - back, &n);
        if (n && one_of(w, n, declare))
            return true;
    }
    return false;
}

/* Is token i (its key w of n bytes) a word in -ing right after "after",
 * "before", "from", "by", "while", "since" or "without"? */
static bool gerund_after_prep(const struct scorer *sc, size_t i,
                              const uint8_t *w, size_t n)
{
    static const char *const preps[] = {"after", "before", "from",    "by",
                                        "while", "since",  "without", NULL};
    size_t pn;
    const uint8_t *p = i > sc->start ? key_at(sc, i - 1, &pn) : NULL;
    return n > 4 && !memcmp(w + n - 3, "ing", 3) && p && pn &&
           one_of(p, pn, preps);
}

/* Is "has", "have" or "had" the word before token i? */
static bool perfect_before(const struct scorer *sc, size_t i)
{
    static const char *const perfect[] = {"has", "have", "had", NULL};
    size_t n;
    const uint8_t *w = i > sc->start ? key_at(sc, i - 1, &n) : NULL;
    return w && n && one_of(w, n, perfect);
}

/* Is "was", "were", "is"... one word or two before token i (1, 2; 0:
 * neither)? A word of degree between counts as none: "losses were far
 * smaller" is 1. Looked at only for a verb of rise, fall or end. */
static int aux_before(const struct scorer *sc, size_t i)
{
    static const char *const degree[] = {
        "far",          "much",          "slightly",
        "considerably", "significantly", "substantially",
        "markedly",     "somewhat",      NULL};
    for (int back = 1; back <= 2 && i >= sc->start + (size_t)back; back++) {
        size_t n;
        const uint8_t *w = key_at(sc, i - (size_t)back, &n);
        if (n == 0)
            return 0;
        if (passive_aux(w, n)) {
            if (back == 2) {
                w = key_at(sc, i - 1, &n);
                if (one_of(w, n, degree))
                    return 1;
            }
            return back;
        }
    }
    return 0;
}

/* The roles the lexicon gives token i (0: none, or not a word). */
static unsigned roles_at(const struct scorer *sc, size_t i)
{
    size_t n;
    const uint8_t *w = key_at(sc, i, &n);
    return n ? lex_roles(&sc->st->lex, w, n, hash32(sc->tk[i - sc->start].hash))
             : 0;
}

/* Verbs of fall that are comparatives (direction.tsv): they describe a
 * thing only after "was", "were"... */
static const char *const COMPARATIVES[] = {"smaller", "milder", NULL};
/* Deaths and wounds, which no way out undoes (struct scorer's harmed). */
static const char *const HARMS[] = {
    "killed",  "died",     "dead",       "death",    "deaths", "dies",
    "die",     "injured",  "wounded",    "injuries", "wounds", "casualties",
    "drowned", "murdered", "fatalities", "perished", "bodies", NULL};

/* Is the key w of n bytes one of the words of list (NULL-terminated)? */
static bool one_of(const uint8_t *w, size_t n, const char *const *list)
{
    for (; *list; list++)
        if ((uint8_t) * *list == w[0] && strlen(*list) == n &&
            !memcmp(w, *list, n))
            return true;
    return false;
}

/* Nouns that head a compound after the thing they count ("infection
 * *rates*", "vaccination *levels*", "bread *prices*"), and the auxiliaries
 * of a verb: words that may stand between a thing and its verb of rise or
 * fall. */
static const char *const COMPOUND_HEADS[] = {
    "rate",   "rates",   "level", "levels", "figures",
    "number", "numbers", "price", "prices", NULL};
static const char *const AUXILIARIES[] = {
    "has",  "have", "had",   "been",  "be",  "is",    "are",  "was",
    "were", "will", "would", "could", "may", "might", "also", NULL};

/* The first token from j on, before i, that is not a compound's head. */
static size_t after_heads(const struct scorer *sc, size_t j, size_t i)
{
    for (; j < i; j++) {
        size_t n;
        const uint8_t *w = key_at(sc, j, &n);
        if (!one_of(w, n, COMPOUND_HEADS))
            break;
    }
    return j;
}

/* Is a measure ("profit", "sales") or a burden ("costs") one to six words
 * before token i, with only little words, adverbs in -ly and names between
 * ("sales in Russia more than doubled", "earnings per share rose", "sales
 * are expected to fall sharply", "vaccination rates have slipped"), or a
 * phrase that a preposition opens right after it ("emissions from the
 * power sector climbed", "hopes for an early deal faded"), not another
 * noun ("in some cases prices rose")? How many words back (0: none);
 * *burden tells which. Looked at only for a verb of rise or fall. */
static int measure_before(const struct scorer *sc, size_t i, bool *burden)
{
    static const char *const between[] = {
        "to",     "further", "more",     "than",  "per", "share",
        "in",     "of",      "expected", "seen",  "set", "likely",
        "before", "after",   "tax",      "taxes", NULL};
    bool little = true; /* only such words so far */
    for (int back = 1; back <= 6 && i >= sc->start + (size_t)back; back++) {
        size_t j = i - (size_t)back, n, n1;
        const uint8_t *w = key_at(sc, j, &n);
        if (n == 0 || (back == 1 && n == 2 && !memcmp(w, "of", 2)))
            return 0; /* "the costs of increasing production" */
        unsigned role = roles_at(sc, j);
        if (role & (ROLE_MEASURE | ROLE_BURDEN)) {
            const uint8_t *w1 = key_at(sc, after_heads(sc, j + 1, i), &n1);
            if ((!little && !place_prep(w1, n1)) ||
                sc->word - back == sc->measure_done)
                return 0;
            *burden = (role & ROLE_BURDEN) != 0;
            return back;
        }
        if (!one_of(w, n, between) && !one_of(w, n, AUXILIARIES) &&
            !one_of(w, n, COMPOUND_HEADS) && !ends_with_ly(w, (int)n) &&
            !(sc->tok[j].flags & PRISM_TF_TITLE))
            little = false;
    }
    return 0;
}

/* Is a measure or a burden one to four words after the verb of rise or
 * fall that ends before token i, its object, with only determiners and
 * qualifiers before it ("raised its dividend", "lowered its full-year
 * outlook", "doubled its 2025 profit")? A measure followed by another word
 * only qualifies it ("lowered its debt ratings", "raised the sales tax"),
 * unless the verb is a participle before it, `adjectival` ("rising
 * inventories hurt").
 * How many words ahead (0: none). */
static int measure_after(const struct scorer *sc, size_t i, bool *burden,
                         bool adjectival)
{
    static const char *const det[] = {"its",    "their",     "the",    "a",
                                      "an",     "his",       "her",    "our",
                                      "annual", "quarterly", "yearly", NULL};
    static const char *const after_measure[] = {
        "of",  "and",    "or",      "from",     "as",     "than", "but",
        "so",  "due",    "because", "per",      "rather", "may",  "might",
        "can", "should", "must",    "expected", NULL};
    int found = 0;
    for (int ahead = 1; ahead <= 4 && i < sc->end; ahead++, i++) {
        size_t n;
        const uint8_t *w = key_at(sc, i, &n);
        if (sc->tok[i].kind == PRISM_TOK_NUMBER && !found)
            continue; /* "its 2025 forecast" */
        if (n == 0)
            return found;
        unsigned role = roles_at(sc, i);
        if (role & (ROLE_MEASURE | ROLE_BURDEN)) {
            *burden = (role & ROLE_BURDEN) != 0;
            found = ahead;
            continue;
        }
        if (found) /* "dividend to", "output and", "margins previously",
                      "rising inventories hurt", but not "sales tax",
                      "stock price" */
            return role || ends_with_ly(w, (int)n) ||
                           one_of(w, n, after_measure) ||
                           (adjectival && found == 1)
                       ? found
                       : 0;
        if (!memchr(w, '-', n) /* "full-year" */ && !one_of(w, n, det))
            return 0;
    }
    return found;
}

/* Does only a phrase of place or time, opened by a preposition, stand
 * between the last hit and the verb of rise or fall at token i ("crime
 * *in the city* fell", "malaria deaths *across the region* dropped"), or
 * the head of a compound and auxiliaries ("infection *rates have*
 * halved")? */
static bool place_phrase_before(const struct scorer *sc, size_t i)
{
    if (!sc->last_on)
        return false;
    for (size_t k = 2; k <= 7 && i >= sc->start + k; k++) {
        size_t n;
        key_at(sc, i - k + 1, &n);
        if (n == 0)
            return false;
        if (sc->word - (long)k != sc->last_word)
            continue;
        /* "infection rates have halved", "crime in the city fell" */
        size_t j = after_heads(sc, i - k + 1, i);
        const uint8_t *w = key_at(sc, j, &n);
        while (j < i && one_of(w, n, AUXILIARIES))
            w = key_at(sc, ++j, &n);
        return j == i || place_prep(w, n);
    }
    return false;
}

/* Is the key w of n bytes a participle, in -ing or -ed ("rising")? */
static bool participle(const uint8_t *w, size_t n)
{
    return n > 4 &&
           (!memcmp(w + n - 3, "ing", 3) || !memcmp(w + n - 2, "ed", 2));
}

/* Is the key w of n bytes, a verb of rise or fall, plainly a verb: in -ed,
 * -ing or -s, an irregular past ("fell", "rose"), or a present a headline
 * gives a plural subject ("drop", "rise")? Not "lower", "higher", "over",
 * which are adjectives and prepositions as often. */
static bool finite_verb(const uint8_t *w, size_t n)
{
    static const char *const irregular[] = {
        "fell", "rose", "grew", "sank", "shrank", "slid", "fallen", "risen",
        "grown", "sunk", "shrunk",
        /* "deaths in New York City drop" */
        "drop", "fall", "rise", "climb", "dip", "slip", "soar", "plunge",
        "jump", "surge", "decline", "tumble", "slump", "halve", NULL};
    return participle(w, n) || (n > 3 && w[n - 1] == 's') ||
           one_of(w, n, irregular);
}

/* Is token i a determiner ("the", "its", "their")? */
static bool determiner_at(const struct scorer *sc, size_t i)
{
    return i < sc->end && (roles_at(sc, i) & ROLE_DET);
}

/* Does the entry, a verb of rise, fall or end, describe the last hit?
 * "unemployment fell", "the death toll rose": right after a negative word
 * (two words at most; five in the passive, across the rest of the
 * subject: "corruption charges against the mayor were dropped"), not after
 * an adverb ("painfully slow"); "is over", of a good or a bad thing, only
 * where the clause ends, and "over" alone only after "is", "was"...
 * ("the drought *ended* as rains came" needs none) */
static bool describes_last(const struct scorer *sc, const struct lex_entry *e,
                           long n_words)
{
    if (!e->direction || !sc->last_on || sc->last_ly || sc->last_dir)
        return false; /* nor news of a rise or fall itself */
    long gap = sc->word - sc->last_word;
    if (e->direction == DIR_END) {
        if (!sc->end_ok || (sc->end_needs_aux && !sc->aux_back) ||
            (!sc->end_needs_aux && gap > 3 &&
             !((sc->perfect || sc->aux_back) && gap <= 5) &&
             !(sc->place_between && gap <= 7) &&
             !(sc->rel_after_last && gap <= 10)))
            return false; /* "the drought (has) ended", "the drought in
                             southern Spain has ended", "the blight that
                             threatened crops has been brought under
                             control", "the drought that gripped the
                             region for two years ended", not "a landmark when
                             the practice is ended" */
    } else if (sc->last_v >= 0)
        return false;
    bool passive =
        sc->aux_back == 1 || (e->direction == DIR_END && sc->aux_back == 2);
    /* a fall that acts on an object undoes nothing before it: "the scandal
     * weakened the government", "the attacks halved the population" */
    if (e->direction == DIR_DOWN && sc->has_object && !passive)
        return false;
    return gap <= 2 || ((passive || sc->perfect) && gap <= 5) ||
           (sc->place_between && gap <= 7) ||
           (sc->rel_after_last && e->direction == DIR_END && gap <= 10);
}

/* A verb of rise or fall reads the measure at word `at`: the measure's own
 * valence, and that of the word before it, which names the same thing
 * ("unemployment claims fell"), count no more. Returns the news's size, at
 * least m and as large as what was taken. */
static double take_measure(struct scorer *sc, long at, double m)
{
    for (unsigned r = 0; r < RECENT && r < sc->n_recent; r++) {
        unsigned k = (sc->n_recent - 1 - r) % RECENT;
        if ((at - sc->recent_word[k] == 0 || at - sc->recent_word[k] == 1) &&
            sc->recent_v[k] != 0) {
            m = fmax(m, fabs(sc->recent_v[k]));
            remove_value(sc, sc->recent_v[k]);
            sc->recent_v[k] = 0;
            if (sc->recent_word[k] == sc->last_word)
                sc->last_on = false;
        }
    }
    return m;
}

static void apply_entry_rules(struct scorer *sc, const struct lex_entry *e,
                              bool caps, long n_words, int post);

/* Turn around the plight of value v (< 0) at word w: its account counts
 * -v * shift instead, and no later rule takes it again. */
static void turn_plight(struct scorer *sc, long w, double v)
{
    remove_value(sc, v);
    add_value(sc, -v * sc->p->shift);
    for (unsigned r = 0; r < RECENT; r++)
        if (sc->recent_word[r] == w)
            sc->recent_v[r] = 0;
    if (sc->last_on && sc->last_word == w)
        sc->last_on = false;
}

/* Good news of a measure at word `at` ("deaths from drug overdoses
 * fell", "hospital admissions for asthma dropped"): the bad things that
 * the words between it and the verb name are what it counts, and turn
 * around as the measure does. */
static void turn_described(struct scorer *sc, long at)
{
    for (unsigned r = 0; r < RECENT; r++)
        if (sc->recent_word[r] > at && sc->recent_word[r] < sc->word &&
            sc->recent_v[r] < 0)
            turn_plight(sc, sc->recent_word[r], sc->recent_v[r]);
}

/* The bad word right before the plight at word w names its cause ("the
 * flood evacuees", "war refugees", "storm damage") and turns around with
 * it, unless it is a plight of its own, which turns by itself. */
static void turn_cause(struct scorer *sc, long w)
{
    for (unsigned k = 0; k < sc->n_plight; k++)
        if (sc->plight_word[k] == w - 1)
            return;
    for (unsigned r = 0; r < RECENT; r++)
        if (sc->recent_word[r] == w - 1 && sc->recent_v[r] < 0) {
            turn_plight(sc, w - 1, sc->recent_v[r]);
            return;
        }
}

/* A way out of a plight ("freed", "found alive", "reopened", "allowed to
 * return home"): the plights named before it in the sentence ("kidnapped
 * aid workers freed", "the missing hikers were found alive") are the
 * story's past and turn around; so do those named up to six words after
 * it ("freed hostages", "overturned the ban", "reopened today after a
 * closure", plight()), not further on nor after "and" or "but" ("police
 * cleared the camp and arrested 40"). Not when negated ("were not freed"). A
 * death is no plight: "two died and one was found alive" stays bad, and "buried
 * alive" too. */
static void rescue(struct scorer *sc)
{
    if ((sc->neg_on && sc->word <= sc->neg_end) || sc->harmed)
        return;
    for (unsigned k = 0; k < sc->n_plight; k++) {
        turn_plight(sc, sc->plight_word[k], sc->plight_v[k]);
        if (sc->plight_noun[k])
            turn_cause(sc, sc->plight_word[k]);
    }
    sc->n_plight = 0;
    sc->rescued = true;
    sc->rescue_word = sc->word;
}

/* Note the plight at the current word, of value v (< 0); right after a
 * way out, turn it around at once ("freed hostages"). */
static void plight(struct scorer *sc, double v)
{
    if (sc->rescued && sc->word - sc->rescue_word <= 6) {
        turn_plight(sc, sc->word, v);
        if (!sc->cur_ed)
            turn_cause(sc, sc->word);
        /* the plight's own cause is told after it: "restored to homes
         * flooded by the storm" */
        sc->rescue_word = sc->word;
        return;
    }
    if (sc->n_plight == PLIGHTS) { /* fold the two oldest together */
        sc->plight_v[0] += sc->plight_v[1];
        memmove(&sc->plight_word[1], &sc->plight_word[2],
                (PLIGHTS - 2) * sizeof *sc->plight_word);
        memmove(&sc->plight_v[1], &sc->plight_v[2],
                (PLIGHTS - 2) * sizeof *sc->plight_v);
        memmove(&sc->plight_noun[1], &sc->plight_noun[2],
                (PLIGHTS - 2) * sizeof *sc->plight_noun);
        sc->n_plight--;
    }
    sc->plight_word[sc->n_plight] = sc->word;
    sc->plight_noun[sc->n_plight] = !sc->cur_ed;
    sc->plight_v[sc->n_plight++] = v;
}

/* Act on one lexicon entry (apply_entry_rules), keeping the account of
 * plights and of ways out of them; `harm` when it is a death's or a
 * wound's word (HARMS). */
static void apply_entry(struct scorer *sc, const struct lex_entry *e, bool caps,
                        long n_words, int post, bool harm)
{
    double neg = sc->neg;
    apply_entry_rules(sc, e, caps, n_words, post);
    if (e->plight && sc->neg > neg)
        plight(sc, neg - sc->neg);
    if (harm && sc->neg > neg) {
        sc->harmed = true;
        sc->n_plight = 0;
        sc->rescued = false;
    }
    if (e->rescue)
        rescue(sc);
}

/* Act on one lexicon entry that covers `n_words` words from the current
 * one; `post` is its POST_* kind. */
static void apply_entry_rules(struct scorer *sc, const struct lex_entry *e,
                              bool caps, long n_words, int post)
{
    if (sc->measure_back || sc->measure_ahead) {
        /* "operating profit fell", "net sales rose", "costs rose": news
         * of at least `measure` (or as strong as the verb: "plunged"), in
         * place of the verb's valence and the measure's */
        double m = fmax(sc->p->measure, fabs(e->valence));
        if (sc->measure_ahead) { /* its own valence is in the news */
            sc->measure_from = sc->word + n_words;
            sc->measure_to = sc->word + n_words - 1 + sc->measure_ahead;
        } else {
            long at = sc->word - sc->measure_back;
            m = take_measure(sc, at, m);
            if ((e->direction == DIR_UP) != sc->burden)
                turn_described(sc, at);
        }
        end_shift(sc); /* "hopes for a rate cut faded": not cut's object */
        add_hit(sc, (e->direction == DIR_UP) != sc->burden ? m : -m, caps,
                n_words);
        return;
    }
    if (describes_last(sc, e, n_words)) {
        flush_modifier(sc);
        if (e->direction == DIR_END && sc->last_v > 0)
            replace_last(sc, -sc->last_v * sc->p->shift);
        else if (e->direction == DIR_DOWN || e->direction == DIR_END) {
            replace_last(sc, -sc->last_v * sc->p->shift);
            /* the rest of the bad thing ("malaria" of "malaria deaths
             * halved", "the ban" of "the ban on protests was lifted") */
            double b = sc->before_last_v;
            if (b < 0) {
                remove_value(sc, b);
                add_value(sc, -b * sc->p->shift);
            }
        } else
            replace_last(sc, sc->last_v * (1.0 + sc->p->rise));
        sc->last_word = sc->word + n_words - 1;
        sc->last_on = false; /* once */
        return;
    }
    if (e->flags & LX_BUT) {
        contrast_but(sc);
        return;
    }
    if (e->flags & LX_ALTHOUGH) {
        contrast_although(sc);
        return;
    }
    if (e->flags & LX_NEG) {
        flush_modifier(sc);
        if (sc->neg_on && !sc->neg_used && sc->word <= sc->neg_end &&
            !sc->coordinated) {
            /* "never fails to", "not without": two negations cancel */
            sc->neg_on = false;
            return;
        }
        end_negation(sc);
        sc->neg_on = true;
        sc->neg_used = false;
        sc->neg_end = sc->word + n_words - 1 + (long)sc->p->neg_scope;
        sc->neg_last = sc->word + n_words - 1;
        if ((e->flags & LX_LEX) && e->valence != 0) {
            /* a negating phrase with a valence of its own */
            sc->neg_used = true;
            add_value(sc, e->valence * sc->weight);
        }
        return;
    }
    if (e->flags & LX_SHIFT) {
        flush_modifier(sc);
        end_shift(sc);
        sc->shift_on = true;
        sc->shift_used = false;
        sc->shift_neg_only = e->shift_neg_only;
        /* a negated shifter carries the negation to its object */
        sc->shift_negated = sc->neg_on && sc->word <= sc->neg_end;
        if (sc->shift_negated) {
            sc->neg_used = true;
            sc->neg_on = false;
        }
        sc->shift_left = (long)sc->p->shift_scope;
        sc->shift_own_on = (e->flags & LX_LEX) && e->valence != 0;
        sc->shift_own = e->valence;
        return;
    }
    if (e->flags & LX_MOD) {
        /* "fell sharply": an adverb right after a hit scales that hit */
        if (post && sc->last_on && sc->last_word == sc->word - 1 &&
            !sc->mod_on) {
            double extra = sc->last_v * e->scalar * sc->p->post_mod;
            add_value(sc, extra);
            sc->last_v += extra;
            sc->last_word = sc->word + n_words - 1;
            return;
        }
        if (post == POST_ONLY)
            return; /* "af", "as hell" after nothing rated */
        if (sc->mod_on && sc->word - sc->mod_word <= 1) {
            sc->mod += e->scalar; /* "very very", "really badly" */
            sc->own_on = false;
            sc->mod_excess |= (e->flags & LX_EXCESS) != 0;
        } else {
            flush_modifier(sc);
            sc->mod = e->scalar;
            sc->mod_excess = (e->flags & LX_EXCESS) != 0;
        }
        sc->mod_on = true;
        sc->mod_word = sc->word + n_words - 1;
        if ((e->flags & LX_LEX) && e->valence != 0) {
            sc->own_on = true;
            sc->own_valence = e->valence;
            sc->own_caps = caps;
        }
        return;
    }
    if ((e->flags & LX_LEX) && e->valence != 0 &&
        (sc->word < sc->measure_from || sc->word > sc->measure_to))
        add_hit(sc, e->valence, caps, n_words);
}

/* The first characters of emoticons: ":;=<>()^8xXdD-*'&\\". */
static inline bool emoticon_start(uint8_t c)
{
    switch (c) {
    case ':':
    case ';':
    case '=':
    case '<':
    case '>':
    case '(':
    case ')':
    case '^':
    case '8':
    case 'x':
    case 'X':
    case 'd':
    case 'D':
    case '-':
    case '*':
    case '\'':
    case '&':
    case '\\':
        return true;
    default:
        return false;
    }
}

/* Emoticons (":-)", "<3", ":'(") are runs of adjacent punctuation. Try the
 * longest key that ends on a token boundary. Returns tokens consumed. */
static size_t match_emoticon(const struct scorer *sc, size_t i,
                             struct lex_entry *out)
{
    uint8_t key[EMOTICON_MAX + 1];
    size_t bounds[EMOTICON_MAX + 1]; /* key length after each token */
    size_t n = 0, len = 0;
    const prism_token *t0 = &sc->tok[i];

    if (!emoticon_start((uint8_t)sc->text[t0->start]))
        return 0;
    /* not glued to a word before it ("http://") */
    if (i > 0 && !(t0->flags & (PRISM_TF_SPACE | PRISM_TF_NEWLINE)) &&
        (sc->tok[i - 1].kind == PRISM_TOK_WORD ||
         sc->tok[i - 1].kind == PRISM_TOK_NUMBER))
        return 0;
    for (size_t j = i; j < sc->end && n < EMOTICON_MAX; j++) {
        const prism_token *t = &sc->tok[j];
        if (j > i && t->start != sc->tok[j - 1].end)
            break;
        if (len + (t->end - t->start) > EMOTICON_MAX)
            break;
        for (uint32_t b = t->start; b < t->end; b++) {
            uint8_t c = (uint8_t)sc->text[b];
            key[len++] = (c >= 'A' && c <= 'Z') ? (uint8_t)(c + 32) : c;
        }
        bounds[n++] = len;
    }
    for (; n >= 2 || (n == 1 && bounds[0] >= 2); n--) {
        /* nor to a word after it (":/path") */
        const prism_token *next = i + n < sc->n_all ? &sc->tok[i + n] : NULL;
        if (next && !(next->flags & (PRISM_TF_SPACE | PRISM_TF_NEWLINE)) &&
            (next->kind == PRISM_TOK_WORD || next->kind == PRISM_TOK_NUMBER))
            continue;
        if (lex_lookup(&sc->st->lex, key, bounds[n - 1], out) &&
            (out->flags & LX_LEX))
            return n;
        if (n == 1)
            break;
    }
    return 0;
}

/* A censored word ("f*ck", "sh*t", "f**king"): a word glued to asterisks
 * and letters, looked up with its asterisks. Returns tokens consumed. */
static size_t match_censored(const struct scorer *sc, size_t i,
                             struct lex_entry *out)
{
    uint8_t key[17];
    size_t len = 0, n = 0;
    for (size_t j = i; j < sc->end; j++) {
        const prism_token *t = &sc->tok[j];
        if (j > i && t->start != sc->tok[j - 1].end)
            break;
        if (t->kind != PRISM_TOK_WORD &&
            !(t->kind == PRISM_TOK_PUNCT && sc->text[t->start] == '*'))
            break;
        if (len + (t->end - t->start) > 16)
            return 0;
        for (uint32_t c = t->start; c < t->end; c++) {
            uint8_t ch = (uint8_t)sc->text[c];
            key[len++] = ch >= 'A' && ch <= 'Z' ? (uint8_t)(ch + 32) : ch;
        }
        n++;
    }
    if (n < 2 || !lex_lookup(&sc->st->lex, key, len, out) ||
        !(out->flags & (LX_LEX | LX_MOD)))
        return 0;
    return n;
}

/* An emoji token, without variation selectors and skin tones. */
static bool match_emoji(const struct scorer *sc, const prism_token *t,
                        struct lex_entry *out)
{
    const uint8_t *s = (const uint8_t *)sc->text + t->start;
    size_t len = t->end - t->start;
    if (len < 2 || len > 32 || s[0] < 0xC0)
        return false;
    for (;;) {
        if (len >= 3 && s[len - 3] == 0xEF && s[len - 2] == 0xB8 &&
            s[len - 1] == 0x8F)
            len -= 3; /* U+FE0F */
        else if (len >= 4 && s[len - 4] == 0xF0 && s[len - 3] == 0x9F &&
                 s[len - 2] == 0x8F && s[len - 1] >= 0xBB && s[len - 1] <= 0xBF)
            len -= 4; /* skin tones */
        else
            break;
    }
    if (len > 0 && lex_lookup(&sc->st->lex, s, len, out) &&
        (out->flags & LX_LEX))
        return true;
    /* a zero-width-joiner sequence that is not listed ("🤦‍♀️"): its
     * first emoji */
    for (size_t k = 2; k + 3 <= len; k++) {
        if (s[k] == 0xE2 && s[k + 1] == 0x80 && s[k + 2] == 0x8D) {
            size_t m = k;
            if (m >= 3 && s[m - 3] == 0xEF && s[m - 2] == 0xB8 &&
                s[m - 1] == 0x8F)
                m -= 3; /* U+FE0F */
            else if (m >= 4 && s[m - 4] == 0xF0 && s[m - 3] == 0x9F &&
                     s[m - 2] == 0x8F && s[m - 1] >= 0xBB && s[m - 1] <= 0xBF)
                m -= 4; /* a skin tone */
            return m > 0 && lex_lookup(&sc->st->lex, s, m, out) &&
                   (out->flags & LX_LEX);
        }
    }
    return false;
}

/* The first bytes of a link: "h" (http), "w" (www), "@" (a handle). */
static const bool link_first[256] = {
    ['h'] = true, ['H'] = true, ['w'] = true, ['W'] = true, ['@'] = true,
};

/* "http://...", "https://...", "www.example.com", "@someone": skip to the
 * next white space. */
static bool is_link_start(const char *text, const prism_token *tok, size_t i,
                          size_t end)
{
    const prism_token *t = &tok[i];
    uint32_t n = t->end - t->start;
    const char *w = text + t->start;
    bool glued = i + 1 < end && tok[i + 1].start == t->end &&
                 !(tok[i + 1].flags & (PRISM_TF_SPACE | PRISM_TF_NEWLINE));
    if (!glued)
        return false;
    if (t->kind == PRISM_TOK_SYMBOL && n == 1 && w[0] == '@')
        return tok[i + 1].kind == PRISM_TOK_WORD;
    if (t->kind != PRISM_TOK_WORD)
        return false;
    if ((n == 4 && strncasecmp(w, "http", 4) == 0) ||
        (n == 5 && strncasecmp(w, "https", 5) == 0))
        return text[t->end] == ':';
    return n == 3 && strncasecmp(w, "www", 3) == 0 && text[t->end] == '.';
}

static bool glued(const prism_token *t)
{
    return !(t->flags & (PRISM_TF_SPACE | PRISM_TF_NEWLINE));
}

/* Whether token a, the first of a sentence, continues a link that began in
 * an earlier sentence (the splitter may cut "example.com/..." at a dot). */
static bool continues_link(const char *text, const prism_token *tok, size_t a,
                           size_t n_all)
{
    size_t k = a;
    while (k > 0 && a - k < 256 && glued(&tok[k]) &&
           tok[k].start == tok[k - 1].end)
        k--;
    return k < a && is_link_start(text, tok, k, n_all);
}

/* Whether most of the n_words words of tokens [a, b) are in lower case:
 * only then are Title Case words names (a headline in Title Case is not a
 * string of names). */
static int mostly_lower_case(const prism_token *tok, size_t a, size_t b,
                             uint32_t n_words)
{
    uint32_t lower = 0;
    for (size_t i = a; i < b; i++)
        lower += tok[i].kind == PRISM_TOK_WORD &&
                 (tok[i].flags & PRISM_TF_LOWER) != 0;
    return lower * 2 > n_words;
}

/* Whether the words [i, i + n) are part of a run of Title Case words that
 * does not start the sentence: a name ("for The Killers song"). */
static bool in_name(const prism_token *tok, size_t first_word, size_t end,
                    size_t i, size_t n)
{
    const unsigned title = PRISM_TF_TITLE;
    if (i > first_word + 1 && tok[i - 1].kind == PRISM_TOK_WORD &&
        (tok[i - 1].flags & title))
        return true;
    return i + n < end && tok[i + n].kind == PRISM_TOK_WORD &&
           (tok[i + n].flags & title);
}

/* Whether the negator at token i (key w, n bytes) is coordinated: "nor",
 * or right after "and" / "or" ("no and no"). */
static bool coordinated_negator(const struct scorer *sc, size_t i,
                                const uint8_t *w, size_t n)
{
    if (n == 3 && memcmp(w, "nor", 3) == 0)
        return true;
    if (i <= sc->start || sc->tok[i - 1].kind != PRISM_TOK_WORD)
        return false;
    const struct tok_key *k = &sc->tk[i - 1 - sc->start];
    const uint8_t *prev = sc->kbuf + (size_t)k->off * 8;
    return (k->len == 3 && memcmp(prev, "and", 3) == 0) ||
           (k->len == 2 && memcmp(prev, "or", 2) == 0);
}

/* The end of a label that opens the sentence: two to four capitalised
 * words before a colon or an equals sign ("Killer Queen = best song
 * ever", "Bad Religion: great gig"), mostly a name, a source or a
 * heading rather than a verdict. Returns a when there is none. */
static size_t label_length(const char *text, const prism_token *tok, size_t a,
                           size_t b)
{
    size_t j = a;
    while (j < b && j - a < 5 && tok[j].kind == PRISM_TOK_WORD &&
           (tok[j].flags & (PRISM_TF_TITLE | PRISM_TF_UPPER)))
        j++;
    if (j - a >= 2 && j - a <= 4 && j < b &&
        (text[tok[j].start] == ':' || text[tok[j].start] == '='))
        return j;
    return a;
}

struct sentence_result {
    double raw;     /* the sum of valences, before squashing (no tears) */
    double learned; /* the learned correction, in units of atanh(compound) */
    double tears, tears_abs; /* crying faces: their sum, and of |valence| */
    double compound;
    double pos, neg;
    uint32_t words, hit_words;
    uint32_t questions; /* "?" marks */
};

/* Count the sentence's words, capitals, "!" and "?", and write the key of
 * every token that may be looked up to st->tk and st->kbuf. Returns -1
 * when out of memory. */
static int prepare_keys(struct state *st, const char *text, size_t text_len,
                        const prism_token *tok, size_t a, size_t b,
                        uint32_t counts[4])
{
    size_t n = b - a;
    if (n == 0)
        return 0;
    /* each key fits in its bytes rounded up to whole chunks */
    size_t span = tok[b - 1].end > tok[a].start
                      ? (size_t)(tok[b - 1].end - tok[a].start)
                      : 0;
    if (grow((void **)&st->tk, &st->tk_cap, n, sizeof *st->tk) < 0 ||
        grow((void **)&st->kbuf, &st->kbuf_cap, span / 8 + n + 1,
             sizeof *st->kbuf) < 0)
        return -1;
    uint8_t *kb = (uint8_t *)st->kbuf;
    uint32_t off = 0;
    for (size_t i = a; i < b; i++) {
        const prism_token *t = &tok[i];
        struct tok_key *k = &st->tk[i - a];
        uint32_t len = t->end - t->start;
        k->len = 0;
        k->off = off;
        uint32_t word = t->kind == PRISM_TOK_WORD;
        counts[0] += word;
        counts[1] += word & ((t->flags & PRISM_TF_UPPER) != 0) & (len > 1);
        if (t->kind == PRISM_TOK_PUNCT) {
            for (uint32_t j = t->start; j < t->end; j++) {
                counts[2] += text[j] == '!';
                counts[3] += text[j] == '?';
            }
            continue; /* phrases do not cross punctuation (lexc) */
        }
        if (t->kind == PRISM_TOK_SYMBOL)
            continue; /* symbols are never part of a key */
        if (len - 1 >= WORD_MAX || t->end > text_len)
            continue; /* empty or too long */
        k->len = (uint16_t)token_key(kb + (size_t)off * 8, text, text_len,
                                     t->start, t->end, &k->hash);
        off += (k->len + 7) / 8;
    }
    return 0;
}

/* Append the feature of `n` bytes at `w` (and of `m` bytes at `w2` after a
 * space, for a pair) to st->feat. */
static int add_feature(struct state *st, const uint8_t *w, size_t n,
                       const uint8_t *w2, size_t m)
{
    size_t need = st->feat_len + n + (w2 ? m + 1 : 0) + 1;
    if (grow((void **)&st->feat, &st->feat_cap, need, 1) < 0)
        return -1;
    memcpy(st->feat + st->feat_len, w, n);
    st->feat_len += n;
    if (w2) {
        st->feat[st->feat_len++] = ' ';
        memcpy(st->feat + st->feat_len, w2, m);
        st->feat_len += m;
    }
    st->feat[st->feat_len++] = '\0';
    st->n_feat++;
    return 0;
}

/* The learned correction of tokens [a, b), whose keys prepare_keys wrote:
 * the sum of the weights of their words and of their pairs of adjacent
 * words (links and @handles left out, as in the rules), and of the marks
 * of the register the sentence holds (MARK_FEATURES). With `features`
 * on, every word, pair and mark is recorded too. Returns -1 when out of memory.
 * The weights were fitted by tools/learn.py to what the rules get wrong
 * on the dev halves of the rated sets and on our own rated posts. */
static int learned_sum(struct state *st, const char *text,
                       const prism_token *tok, size_t n_all, size_t a, size_t b,
                       double *out)
{
    const struct lexicon *lx = &st->lex;
    const uint8_t *kb = (const uint8_t *)st->kbuf;
    const struct tok_key *prev = NULL;
    int64_t sum = 0; /* weights times 2000 */
    unsigned marks = 0;
    for (size_t i = a; i < b; i++) {
        const prism_token *t = &tok[i];
        const struct tok_key *k = &st->tk[i - a];
        if ((link_first[(uint8_t)text[t->start]] &&
             is_link_start(text, tok, i, n_all)) ||
            (i == a && continues_link(text, tok, a, n_all))) {
            marks |= text[t->start] == '@' ? MARK_HANDLE : MARK_URL;
            while (i + 1 < b && glued(&tok[i + 1]))
                i++;
            prev = NULL;
            continue;
        }
        if (t->kind == PRISM_TOK_SYMBOL && text[t->start] == '#' && i + 1 < b &&
            tok[i + 1].kind == PRISM_TOK_WORD && glued(&tok[i + 1]))
            marks |= MARK_HASHTAG;
        if (t->kind == PRISM_TOK_PUNCT && text[t->start] == '!')
            marks |= MARK_EXCL;
        if (t->kind == PRISM_TOK_PUNCT && text[t->start] == '?')
            marks |= MARK_QUEST;
        if (k->len == 0) {
            prev = NULL;
            continue;
        }
        if (lx->learned) {
            sum += learned_weight(lx, k->hash);
            if (prev)
                sum += learned_weight(lx, hash_phrase(prev->hash, k->hash));
        }
        if (st->features &&
            (add_feature(st, kb + (size_t)k->off * 8, k->len, NULL, 0) < 0 ||
             (prev && add_feature(st, kb + (size_t)prev->off * 8, prev->len,
                                  kb + (size_t)k->off * 8, k->len) < 0)))
            return -1;
        prev = k;
    }
    for (unsigned m = 0; m < N_MARKS; m++) {
        if (!(marks & (1u << m)))
            continue;
        const char *f = MARK_FEATURES[m];
        if (lx->learned)
            sum += learned_weight(lx, st->mark_hash[m]);
        if (st->features &&
            add_feature(st, (const uint8_t *)f, strlen(f), NULL, 0) < 0)
            return -1;
    }
    *out = (double)sum * 0.0005;
    return 0;
}

/* `raw` with the crying faces counted: in its direction ("HE PROPOSED!!!
 * 😭", "my dog died 😭"), or as their own valence when it has none. */
static double with_tears(double raw, double tears, double tears_abs)
{
    if (raw > 0)
        return raw + tears_abs;
    if (raw < 0)
        return raw - tears_abs;
    return tears;
}

static int score_sentence(struct state *st, const char *text, size_t text_len,
                          const prism_token *tok, size_t n_all, size_t a,
                          size_t b, struct sentence_result *r)
{
    const struct params *p = &st->p;
    uint32_t counts[4] = {0, 0, 0, 0};

    if (prepare_keys(st, text, text_len, tok, a, b, counts) < 0)
        return -1;

    struct scorer sc = {.st = st,
                        .p = p,
                        .text = text,
                        .tok = tok,
                        .tk = st->tk,
                        .kbuf = (const uint8_t *)st->kbuf,
                        .start = a,
                        .end = b,
                        .n_all = n_all,
                        .weight = 1.0,
                        .word = -1,
                        .measure_from = -1,
                        .measure_to = -1,
                        .measure_done = -1};
    uint32_t n_alpha = counts[0], n_upper = counts[1], n_excl = counts[2],
             n_quest = counts[3];
    /* whether Title Case words may be names: decided at the first rated
     * one (mostly_lower_case), -1 until then */
    int names = p->name != 1.0 || p->name_single != 1.0 ? -1 : 0;
    /* Emphasis needs contrast: a headline in capitals is not shouting. */
    sc.caps_emphasis = n_upper > 0 && n_upper * 2 < n_alpha;
    sc.words = n_alpha;

    size_t first_word = b;
    size_t label_end = label_length(text, tok, a, b);
    for (size_t i = a; i < b; i++) {
        const prism_token *t = &tok[i];
        struct lex_entry e;
        bool found, emphasis = false;
        size_t n_tok = 1;

        /* URLs and @handles are not words of the text: a link starts
         * with "@", "http", "https" or "www" */
        const struct tok_key *k = &sc.tk[i - a];
        const uint8_t *key = sc.kbuf + (size_t)k->off * 8;
        if ((link_first[(uint8_t)text[t->start]] &&
             is_link_start(text, tok, i, n_all)) ||
            (i == a && continues_link(text, tok, a, n_all))) {
            while (i + 1 < b && glued(&tok[i + 1]))
                i++;
            continue;
        }
        if (t->kind == PRISM_TOK_PUNCT || t->kind == PRISM_TOK_SYMBOL) {
            size_t m = match_emoticon(&sc, i, &e);
            if (m == 0 && t->kind == PRISM_TOK_SYMBOL &&
                match_emoji(&sc, t, &e))
                m = 1;
            if (m > 0) {
                add_mood(&sc, &e); /* a face is the writer's own mood */
                i += m - 1;
                continue;
            }
            if (t->kind == PRISM_TOK_PUNCT) {
                uint8_t c = (uint8_t)text[t->start];
                if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')')
                    end_clause(&sc, c == ',' || c == ';' || c == ':');
                else if (c == '.' || c == '!' || c == '?')
                    /* a stop the sentence splitter passed over ("without
                     * complaining. parenting win"); an ellipsis (one token,
                     * as "!!!" is) does not end an "although" clause
                     * ("Though the story ... is hackneyed, the cast ...") */
                    end_clause(&sc, t->end - t->start == 1);
                else if (c == '"' || (c == 0xE2 && t->end - t->start == 3 &&
                                      (uint8_t)text[t->start + 1] == 0x80 &&
                                      ((uint8_t)text[t->start + 2] == 0x9C ||
                                       (uint8_t)text[t->start + 2] == 0x9D)))
                    end_clause(&sc, false); /* quotation marks */
                else if (c == 0xE2 && t->end - t->start == 3 &&
                         (uint8_t)text[t->start + 1] == 0x80 &&
                         ((uint8_t)text[t->start + 2] == 0x94 ||
                          (uint8_t)text[t->start + 2] == 0x93))
                    end_clause(&sc, true); /* em or en dash */
                else if (c == '*' && i > a &&
                         tok[i - 1].kind == PRISM_TOK_WORD &&
                         tok[i - 1].end == t->start) {
                    /* a censored word ("f*ck", "sh*t"), from the word
                     * before the asterisk */
                    size_t m2 = match_censored(&sc, i - 1, &e);
                    if (m2 > 1) {
                        apply_entry(&sc, &e, false, 1, POST_NO, false);
                        i += m2 - 2;
                    }
                }
            }
            continue;
        }
        if (++sc.word == 0)
            first_word = i;
        sc.cur_name = false;
        if (k->len == 0) {
            advance_to_word(&sc);
            continue;
        }
        size_t len = k->len;
        uint32_t h = hash32(k->hash);
        const uint8_t *slot = lex_find(&st->lex, key, len, h);
        unsigned role =
            sc.neg_on || sc.shift_on ? lex_roles(&st->lex, key, len, h) : 0;
        /* "wouldn't be such a bad idea": little words do not use up the
         * reach of a negation */
        if (sc.neg_on && sc.word <= sc.neg_end + 1 && (role & ROLE_NEG_SKIP) &&
            !(sc.neg_used && linking_word(key, len)))
            sc.neg_end++;
        advance_to_word(&sc);
        /* a hashtag is a comment on the text, not the object of a
         * negation a few words before it ("can't play #frustrated"); right
         * after the negator it is one ("not #happy") */
        if (sc.neg_on && sc.word != sc.neg_last + 1 && i > a &&
            tok[i - 1].kind == PRISM_TOK_SYMBOL &&
            text[tok[i - 1].start] == '#' && tok[i - 1].end == t->start)
            end_negation(&sc);
        if (sc.shift_on)
            shift_word(&sc, role);
        if (sc.rescued && len == 3 &&
            (!memcmp(key, "and", 3) || !memcmp(key, "but", 3)))
            sc.rescued = false; /* what follows is news of its own */
        else if (sc.rescued && len == 5 &&
                 (!memcmp(key, "after", 5) || !memcmp(key, "since", 5)))
            sc.rescue_word = sc.word; /* the plight it ends is told after
                                         it: "pulled out alive after they
                                         had been trapped for two days" */
        if (sc.last_on && sc.word == sc.last_word + 1) {
            sc.link_after_last = links_a_phrase(key, len);
            sc.rel_after_last = sc.link_after_last && !place_prep(key, len);
        }
        found = slot && slot_meaningful(slot);
        if (found)
            lex_decode(slot, &e);
        if (sc.shift_on && !sc.shift_neg_only &&
            (role & (ROLE_MEASURE | ROLE_BURDEN))) {
            /* "cut 3,000 jobs", "slashed its dividend", "reduced costs":
             * the shifter's object is a measure, and its fall is news of
             * at least `measure`, in place of the measure's own valence */
            double v = fmax(p->measure, found ? fabs(e.valence) : 0.0);
            if (!(role & ROLE_BURDEN))
                v = -v;
            if (sc.shift_negated) /* "did not cut jobs" */
                v *= v > 0 ? -p->neg_pos : -p->neg_neg;
            sc.shift_used = true;
            end_shift(&sc);
            sc.cur_dir = true; /* news of a fall, which no verb undoes */
            add_hit(&sc, v, false, 1);
            sc.measure_done = sc.word;
            continue;
        }
        /* "cut my finger really bad": a degree word after the shifter's
         * object (it and one content word before it used up the reach)
         * starts what is said of the deed, not of the object */
        if (found && sc.shift_on && (e.flags & LX_MOD) &&
            !(e.flags & LX_SHIFT) && (long)p->shift_scope - sc.shift_left >= 2)
            end_shift(&sc);
        if (found && (e.flags & LX_PHRASE)) {
            struct lex_entry pe;
            size_t m = match_phrase(&sc, i, e.phrase_words, &pe);
            if (m > 0) {
                e = pe;
                n_tok = m;
            }
        }
        if (found && n_tok == 1 && e.flags == LX_PHRASE && !e.direction &&
            !e.rescue)
            found = false; /* only a phrase start, and no phrase matched */
        if (!found && t->kind == PRISM_TOK_WORD && fallback_possible(key, len))
            found = lookup_fallback(&sc, key, (int)len, word_features(key, len),
                                    &e, &emphasis);
        if (i > a && tok[i - 1].kind == PRISM_TOK_SYMBOL && !found &&
            text[tok[i - 1].start] == '#' && tok[i - 1].end == t->start &&
            len >= 6 && t->end - t->start == len)
            found = hashtag_value(&sc, (const uint8_t *)text + t->start, key,
                                  len, &e);
        if (!found)
            continue;
        /* a negator, degree word or shifter inside a name is part of the
         * name ("Doctors Without Borders", "Save the Children") */
        if (st->named_cur && st->named_cur[i] &&
            (e.flags & (LX_NEG | LX_MOD | LX_SHIFT | LX_BUT | LX_ALTHOUGH)))
            continue;
        if (e.mood && (e.flags & ~LX_PHRASE) == LX_LEX && n_tok == 1) {
            /* "lol", "ugh": the writer's mood, like a face; "aww" is
             * sympathy, which takes the sentence's side */
            add_mood(&sc, &e);
            sc.hit_words++;
            continue;
        }
        bool caps = (t->flags & PRISM_TF_UPPER) && t->end - t->start > 1;
        double before_names = e.valence;
        if (i < label_end &&
            !(e.flags & (LX_NEG | LX_MOD | LX_SHIFT | LX_BUT | LX_ALTHOUGH)))
            e.valence *= p->name; /* "Killer Queen = best song" */
        else if ((t->flags & PRISM_TF_TITLE) && i > first_word && names != 0 &&
                 !(e.flags &
                   (LX_NEG | LX_MOD | LX_SHIFT | LX_BUT | LX_ALTHOUGH)) &&
                 (names > 0 || (names = mostly_lower_case(tok, a, b, n_alpha))))
            e.valence *= in_name(tok, first_word, b, i, n_tok)
                             ? p->name         /* "Widespread Panic" */
                             : p->name_single; /* "Nick's room" */
        else if (st->named_cur && st->named_cur[i] &&
                 !(e.flags &
                   (LX_NEG | LX_MOD | LX_SHIFT | LX_BUT | LX_ALTHOUGH)))
            e.valence *= p->name; /* "Rob and Julia join us": a name */
        /* a word of a name is no bad or good thing a rise or fall can
         * describe ("burglaries in Greater Manchester fell") */
        sc.cur_name = e.valence != before_names;
        /* "the ending sucks", "a cut above": a one-word shifter right
         * after a determiner is a noun and turns nothing around; it keeps
         * its own valence, if it has one ("the fighting") */
        if ((e.flags & LX_SHIFT) && n_tok == 1 && i > a &&
            tok[i - 1].kind == PRISM_TOK_WORD && sc.tk[i - 1 - a].len > 0) {
            const struct tok_key *pk = &sc.tk[i - 1 - a];
            if (lex_roles(&st->lex, sc.kbuf + (size_t)pk->off * 8, pk->len,
                          hash32(pk->hash)) &
                ROLE_DET) {
                e.flags &= (uint8_t)~LX_SHIFT;
                if (!(e.flags & LX_LEX) || e.valence == 0)
                    continue;
                /* nor before a capitalised word, whose place it tells
                 * apart: "the lower Danube", "the upper Nile" */
                if (i + 1 < b && tok[i + 1].kind == PRISM_TOK_WORD &&
                    (tok[i + 1].flags & PRISM_TF_TITLE))
                    continue;
            }
        }
        long n_words = 0;
        for (size_t j = 0; j < n_tok; j++)
            n_words += tok[i + j].kind != PRISM_TOK_PUNCT;
        sc.coordinated =
            (e.flags & LX_NEG) && coordinated_negator(&sc, i, key, len);
        int post = post_kind(key, len, n_tok, &e);
        sc.cur_ly = n_tok == 1 && ends_with_ly(key, (int)len);
        sc.cur_ed = len > 2 && key[len - 2] == 'e' && key[len - 1] == 'd';
        if (e.direction) {
            sc.aux_back = aux_before(&sc, i);
            sc.perfect = perfect_before(&sc, i);
            /* a comparative describes a thing only after "was", "were"...:
             * "the damage was smaller", not "among smaller exporters" */
            if (!sc.aux_back && n_tok == 1 && one_of(key, len, COMPARATIVES))
                e.direction = 0;
            /* nor does a gerund after a preposition: "died after falling
             * from a ridge" */
            if (gerund_after_prep(&sc, i, key, len))
                e.direction = 0;
        }
        sc.cur_dir = e.direction != 0;
        if (e.direction) {
            sc.has_object = n_tok == 1 && determiner_at(&sc, i + n_tok);
            sc.place_between = n_tok == 1 && finite_verb(key, len) &&
                               place_phrase_before(&sc, i);
        }
        sc.measure_back = sc.measure_ahead = 0;
        if ((e.direction == DIR_UP || e.direction == DIR_DOWN) && !e.sense &&
            !(sc.measure_back = measure_before(&sc, i, &sc.burden)))
            sc.measure_ahead = measure_after(
                &sc, i + n_tok, &sc.burden, n_tok == 1 && participle(key, len));
        if (e.direction == DIR_END) {
            sc.end_ok = clause_ends_after(&sc, i + n_tok);
            sc.end_needs_aux = n_tok == 1 && len == 4 &&
                               !memcmp(key, "over", 4) &&
                               !declared_before(&sc, i);
        }
        apply_entry(&sc, &e, caps || emphasis, n_words, post,
                    n_tok == 1 && e.valence <= -2 && one_of(key, len, HARMS));
        sc.coordinated = false;
        sc.word += n_words - 1;
        i += n_tok - 1;
    }
    flush_modifier(&sc);
    end_shift(&sc);
    end_negation(&sc);

    double s = sc.sum;
    if (s == 0 && n_excl > 0)
        s = p->exclaim_alone;
    else if (s != 0 && n_excl > 0)
        s += (s > 0 ? 1.0 : -p->exclaim_neg) *
             (double)(n_excl > 3 ? 3 : n_excl) * p->exclaim;
    if (n_quest > 0)
        s *= p->question;
    /* Tears are of joy in a happy sentence ("HE PROPOSED!!! 😭"), of
     * sorrow in a sad one; a short text applies them to the whole
     * utterance instead (sentiment_process). */
    r->raw = s;
    r->tears = sc.tears;
    r->tears_abs = sc.tears_abs;
    double t = with_tears(s, sc.tears, sc.tears_abs) - s;
    r->learned = 0;
    if ((st->lex.learned && p->learned != 0 && st->short_text) ||
        st->features) {
        double l;
        if (learned_sum(st, text, tok, n_all, a, b, &l) < 0)
            return -1;
        r->learned = p->learned * l;
    }
    r->compound = tanh((s + t) / p->scale + r->learned);
    if (t > 0)
        sc.pos += t;
    else
        sc.neg -= t;
    r->pos = sc.pos;
    r->neg = sc.neg;
    r->words = sc.words;
    r->questions = n_quest;
    r->hit_words = sc.hit_words > sc.words ? sc.words : sc.hit_words;
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Aggregation and output                                                    */
/* ------------------------------------------------------------------------ */

/* x rounded to four decimals; the values written are in [-1, 1], so an
 * integer conversion rounds them without a call to round(). */
static double round4(double x)
{
    double y = x * 10000.0;
    if (!(y > -1e15 && y < 1e15))
        return round(y) / 10000.0;
    return (double)(int64_t)(y + (y >= 0 ? 0.5 : -0.5)) / 10000.0;
}

static double clamp1(double x)
{
    return x > 1.0 ? 1.0 : x < -1.0 ? -1.0 : x;
}

/* Weighted mean of sentence compounds, then an optional gain. */
static double aggregate(const struct params *p, double sum, double weight)
{
    if (weight <= 0)
        return 0.0;
    double m = clamp1(sum / weight);
    if (p->doc_gain != 1.0) {
        double a = m >= 0.999999 ? 7.25 : m <= -0.999999 ? -7.25 : atanh(m);
        m = tanh(p->doc_gain * a);
    }
    return clamp1(m);
}

/* Index of the sentence holding code point `cp`, or -1. */
static long sentence_at(const prism_sentence *s, size_t n, int64_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((int64_t)s[mid].cp_end <= cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < n && (int64_t)s[lo].cp_start <= cp && cp < (int64_t)s[lo].cp_end)
        return (long)lo;
    /* a mention that starts between sentences: take the next one */
    if (lo < n && (int64_t)s[lo].cp_start > cp)
        return (long)lo;
    return -1;
}

/* Accumulate per-entity scores from the `entities` result. Returns the
 * number of entities (0 when the result is absent or malformed). */
static size_t entity_scores(struct state *st, const prism_value *res,
                            const prism_sentence *sent, size_t n_sent)
{
    const prism_value *ents = host->value_get(res, "entities");
    if (!ents || host->value_type(ents) != PRISM_V_ARRAY)
        return 0;
    size_t n_ent = host->value_len(ents);
    if (n_ent == 0)
        return 0;
    if (grow((void **)&st->ent, &st->ent_cap, n_ent, sizeof *st->ent) < 0)
        return (size_t)-1;
    for (size_t k = 0; k < n_ent; k++)
        st->ent[k] = (struct ent_acc){.last_sentence = -1};
    for (size_t k = 0; k < st->n_men; k++) {
        const struct mention *m = &st->men[k];
        if (m->start < 0 || m->entity < 0 || (uint64_t)m->entity >= n_ent)
            continue;
        long s = sentence_at(sent, n_sent, m->start);
        struct ent_acc *a = &st->ent[m->entity];
        if (s < 0 || a->last_sentence == s)
            continue;
        a->last_sentence = s;
        a->sum += st->sc[s].compound * st->sc[s].weight;
        a->weight += st->sc[s].weight;
        a->n++;
    }
    return n_ent;
}

static int write_result(struct state *st, const prism_doc *doc, prism_out *o,
                        const prism_sentence *sent, size_t n_sent,
                        double compound, double pos, double neu, double neg,
                        const prism_value *ents_res, size_t n_ent)
{
    const char *label = compound >= st->positive_threshold   ? "positive"
                        : compound <= st->negative_threshold ? "negative"
                                                             : "neutral";
    size_t pairs = 5 + (st->sentences ? 1 : 0) + (ents_res ? 1 : 0) +
                   (st->features ? 1 : 0);
    int rc = 0;

    rc |= host->out_map(o, pairs);
    rc |= host->out_cstr(o, "compound");
    rc |= host->out_f64(o, round4(compound));
    rc |= host->out_cstr(o, "pos");
    rc |= host->out_f64(o, round4(pos));
    rc |= host->out_cstr(o, "neu");
    rc |= host->out_f64(o, round4(neu));
    rc |= host->out_cstr(o, "neg");
    rc |= host->out_f64(o, round4(neg));
    rc |= host->out_cstr(o, "label");
    rc |= host->out_cstr(o, label);
    if (st->sentences) {
        rc |= host->out_cstr(o, "sentences");
        rc |= host->out_array(o, n_sent);
        for (size_t i = 0; i < n_sent && rc == 0; i++) {
            rc |= host->out_map(o, 3);
            rc |= host->out_cstr(o, "start");
            rc |= host->out_i64(o, sent[i].cp_start);
            rc |= host->out_cstr(o, "end");
            rc |= host->out_i64(o, sent[i].cp_end);
            rc |= host->out_cstr(o, "compound");
            rc |= host->out_f64(o, round4(st->sc[i].compound));
        }
    }
    if (ents_res) {
        const prism_value *ents = host->value_get(ents_res, "entities");
        size_t n_out = 0;
        for (size_t k = 0; k < n_ent; k++)
            n_out += st->ent[k].n > 0;
        rc |= host->out_cstr(o, "entities");
        rc |= host->out_array(o, n_out);
        for (size_t k = 0; k < n_ent && rc == 0; k++) {
            const struct ent_acc *a = &st->ent[k];
            const prism_value *ev, *nv;
            const char *name = NULL;
            size_t name_len = 0;
            if (a->n == 0)
                continue;
            ev = host->value_at(ents, k);
            nv = ev ? host->value_get(ev, "name") : NULL;
            if (nv)
                name = host->value_str(nv, &name_len);
            rc |= host->out_map(o, 4);
            rc |= host->out_cstr(o, "entity");
            rc |= host->out_i64(o, (int64_t)k);
            rc |= host->out_cstr(o, "name");
            rc |= name ? host->out_str(o, name, name_len) : host->out_nil(o);
            rc |= host->out_cstr(o, "compound");
            rc |=
                host->out_f64(o, round4(aggregate(&st->p, a->sum, a->weight)));
            rc |= host->out_cstr(o, "sentences");
            rc |= host->out_i64(o, a->n);
        }
    }
    if (st->features) {
        rc |= host->out_cstr(o, "features");
        rc |= host->out_array(o, st->n_feat);
        for (size_t off = 0; off < st->feat_len && rc == 0;) {
            size_t n = strlen(st->feat + off);
            rc |= host->out_str(o, st->feat + off, n);
            off += n + 1;
        }
    }
    (void)doc;
    return rc;
}

/* Reads the mentions of the `entities` result into st->men, each map's
 * entries in one pass. Returns -1 when out of memory. */
static int read_mentions(struct state *st, const prism_value *res)
{
    st->n_men = 0;
    const prism_value *mentions = res ? host->value_get(res, "mentions") : NULL;
    if (!mentions || host->value_type(mentions) != PRISM_V_ARRAY)
        return 0;
    size_t n_m = host->value_len(mentions);
    if (grow((void **)&st->men, &st->men_cap, n_m ? n_m : 1, sizeof *st->men) <
        0)
        return -1;
    for (size_t k = 0; k < n_m; k++) {
        const prism_value *m = host->value_at(mentions, k);
        struct mention *out = &st->men[st->n_men];
        *out = (struct mention){.start = -1, .end = -1, .entity = -1};
        size_t n_e =
            host->value_type(m) == PRISM_V_MAP ? host->value_len(m) : 0;
        for (size_t e = 0; e < n_e; e++) {
            const char *key;
            size_t kl;
            const prism_value *v = host->value_entry(m, e, &key, &kl);
            if (!key || !v)
                continue;
            int type = host->value_type(v);
            if (kl == 5 && !memcmp(key, "label", 5) && type == PRISM_V_STR) {
                size_t ln;
                const char *l = host->value_str(v, &ln);
                out->name = l && ((ln == 6 && !memcmp(l, "PERSON", 6)) ||
                                  (ln == 3 && (!memcmp(l, "ORG", 3) ||
                                               !memcmp(l, "GPE", 3) ||
                                               !memcmp(l, "LOC", 3))));
            } else if (type != PRISM_V_INT) {
                continue;
            } else if (kl == 5 && !memcmp(key, "start", 5)) {
                out->start = host->value_i64(v);
            } else if (kl == 3 && !memcmp(key, "end", 3)) {
                out->end = host->value_i64(v);
            } else if (kl == 6 && !memcmp(key, "entity", 6)) {
                out->entity = host->value_i64(v);
            }
        }
        st->n_men += out->start >= 0;
    }
    return 0;
}

/* Marks the tokens inside the names of two words or more of people,
 * organisations and places of the `entities` result ("Best Buy", "Hope
 * Hicks", "Doctors Without Borders"): their words are a name, not an
 * opinion. Events and works (MISC) keep their words ("the Great
 * Depression"). Sets st->named_cur, NULL when there are no such names;
 * -1 when out of memory. */
static int mark_names(struct state *st, const prism_token *tok, size_t n_tok)
{
    st->named_cur = NULL;
    if (n_tok == 0)
        return 0;
    bool any = false;
    for (size_t k = 0; k < st->n_men; k++) {
        const struct mention *m = &st->men[k];
        if (!m->name || m->end < 0)
            continue;
        int64_t cs = m->start, ce = m->end;
        if (!any) {
            if (grow((void **)&st->named, &st->named_cap, n_tok, 1) < 0)
                return -1;
            memset(st->named, 0, n_tok);
            any = true;
        }
        /* the first token that starts at or after cs */
        size_t lo = 0, hi = n_tok;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if ((int64_t)tok[mid].cp_start < cs)
                lo = mid + 1;
            else
                hi = mid;
        }
        size_t hi2 = lo;
        while (hi2 < n_tok && (int64_t)tok[hi2].cp_end <= ce)
            hi2++;
        /* a name of one word may be the tagger's mistake for a word
         * ("Nice win", "LOVE him"); one of two or more is a name */
        if (hi2 - lo < 2)
            continue;
        memset(st->named + lo, 1, hi2 - lo);
    }
    if (any)
        st->named_cur = st->named;
    return 0;
}

static int sentiment_process(void *state, const prism_doc *doc, prism_out *o)
{
    struct state *st = state;
    const prism_token *tok;
    const prism_sentence *sent;
    size_t n_tok, n_sent, len;
    const char *text = host->doc_text(doc, &len);
    double sum = 0, weight = 0, pos = 0, neg = 0, neutral_words = 0;
    double raw = 0, words = 0, tears = 0, tears_abs = 0, learned = 0;
    uint32_t questions = 0;

    st->feat_len = 0;
    st->n_feat = 0;
    if (host->doc_tokens(doc, &tok, &n_tok) < 0 ||
        host->doc_sentences(doc, &sent, &n_sent) < 0) {
        host->out_error(o, "out of memory (tokenizer)");
        return -1;
    }
    const prism_value *ents_res = host->doc_result(doc, "entities");
    if (read_mentions(st, ents_res) < 0 || mark_names(st, tok, n_tok) < 0) {
        host->out_error(o, "out of memory");
        return -1;
    }
    if (grow((void **)&st->sc, &st->sc_cap, n_sent ? n_sent : 1,
             sizeof *st->sc) < 0) {
        host->out_error(o, "out of memory");
        return -1;
    }
    /* The learned correction was fitted on texts of a few sentences; a
     * long one (long_words words or more) is read by the rules alone. */
    size_t n_words = 0;
    for (size_t i = 0; i < n_tok && n_words < st->p.long_words; i++)
        n_words += tok[i].kind == PRISM_TOK_WORD;
    st->short_text = n_words < st->p.long_words;
    for (size_t i = 0; i < n_sent; i++) {
        struct sentence_result r;
        size_t a = sent[i].tok_start, b = sent[i].tok_end;
        if (b > n_tok)
            b = n_tok;
        if (a > b)
            a = b;
        if (score_sentence(st, text, len, tok, n_tok, a, b, &r) < 0) {
            host->out_error(o, "out of memory");
            return -1;
        }
        st->sc[i].compound = r.compound;
        st->sc[i].weight = st->p.doc_base + fabs(r.compound);
        sum += r.compound * st->sc[i].weight;
        weight += st->sc[i].weight;
        raw += r.raw;
        learned += r.learned;
        tears += r.tears;
        tears_abs += r.tears_abs;
        words += r.words;
        questions += r.questions;
        pos += r.pos;
        neg += r.neg;
        neutral_words += r.words - r.hit_words;
    }
    /* A short text is one utterance: its sentences add up. A long one is a
     * report: the mean of its sentences, in which neutral ones count. */
    double compound = aggregate(&st->p, sum, weight);
    raw = with_tears(raw, tears, tears_abs);
    if (words < st->p.long_words) {
        double span = st->p.long_words - st->p.short_words;
        double lambda = words <= st->p.short_words || span <= 0
                            ? 0.0
                            : (words - st->p.short_words) / span;
        compound = lambda * compound +
                   (1.0 - lambda) * tanh(raw / st->p.scale + learned);
    }
    /* A short message with no sentiment at all ("Hanging with the boys
     * tonight") is read by people as faintly positive: small talk; so is
     * one whose sentiment cancels out exactly ("Left a mess in the garage
     * :)"), which would otherwise read as no opinion at all. A question
     * with no sentiment ("Is that really all there is?") leans the other
     * way: it is mostly a doubt or a complaint. */
    if (raw == 0 && words > 0 && words <= st->p.short_words)
        compound = tanh((questions ? st->p.blank_question : st->p.blank) /
                            st->p.scale +
                        learned);
    double total = pos + neg + neutral_words;
    double fpos = total > 0 ? pos / total : 0.0;
    double fneg = total > 0 ? neg / total : 0.0;
    double fneu = total > 0 ? 1.0 - fpos - fneg : 1.0;

    size_t n_ent = 0;
    if (ents_res) {
        n_ent = entity_scores(st, ents_res, sent, n_sent);
        if (n_ent == (size_t)-1) {
            host->out_error(o, "out of memory");
            return -1;
        }
    }
    if (write_result(st, doc, o, sent, n_sent, compound, fpos, fneu, fneg,
                     ents_res, n_ent) != 0) {
        host->out_error(o, "cannot write the result");
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Configuration and life cycle                                              */
/* ------------------------------------------------------------------------ */

static const prism_option sentiment_options[] = {
    {"lexicon", "../build/data/sentiment.lex",
     "compiled lexicon (tools/lexc.py), relative to the config file"},
    {"positive_threshold", "0.15",
     "label positive when compound >= this (0 .. 1)"},
    {"negative_threshold", "-0.15",
     "label negative when compound <= this (-1 .. 0)"},
    {"sentences", "yes", "write per-sentence scores (yes/no)"},
    {"tuning", "",
     "override scorer constants: name=value,name=value (calibration)"},
    {"features", "no",
     "write the words and word pairs of the learned correction (yes/no; "
     "tools/learn.py)"},
    {NULL, NULL, NULL},
};

static char *init_error(const char *fmt, ...) PRISM_PRINTF(1, 2);

/* A message for *errmsg, allocated with host->alloc (the host frees it). */
static char *init_error(const char *fmt, ...)
{
    va_list ap, ap2;
    char *m = NULL;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    if (n >= 0 && (m = host->alloc((size_t)n + 1)) != NULL)
        vsnprintf(m, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    va_end(ap);
    return m;
}

static bool parse_double(const char *s, double *out)
{
    char *end;
    if (!s || !*s)
        return false;
    errno = 0;
    *out = strtod(s, &end);
    while (*end == ' ' || *end == '\t')
        end++;
    return errno == 0 && *end == '\0' && isfinite(*out);
}

/* yes/true/1/on or no/false/0/off; `dflt` when v is NULL. */
static bool parse_bool(const char *v, bool dflt, bool *out)
{
    if (!v)
        *out = dflt;
    else if (!strcmp(v, "yes") || !strcmp(v, "true") || !strcmp(v, "1") ||
             !strcmp(v, "on"))
        *out = true;
    else if (!strcmp(v, "no") || !strcmp(v, "false") || !strcmp(v, "0") ||
             !strcmp(v, "off"))
        *out = false;
    else
        return false;
    return true;
}

/* "name=value,name=value" */
static const char *parse_tuning(struct params *p, const char *s)
{
    while (s && *s) {
        const char *comma = strchr(s, ',');
        const char *end = comma ? comma : s + strlen(s);
        const char *eq = memchr(s, '=', (size_t)(end - s));
        char num[64];
        double v;
        while (*s == ' ')
            s++;
        if (!eq || (size_t)(end - eq - 1) >= sizeof num)
            return s;
        memcpy(num, eq + 1, (size_t)(end - eq - 1));
        num[end - eq - 1] = '\0';
        size_t name_len = (size_t)(eq - s);
        while (name_len > 0 && s[name_len - 1] == ' ')
            name_len--;
        if (!parse_double(num, &v) || !param_set(p, s, name_len, v))
            return s;
        s = comma ? comma + 1 : end;
    }
    return NULL;
}

static int sentiment_init(const prism_conf *conf, void **state, char **errmsg)
{
    struct state *st = calloc(1, sizeof *st);
    const char *path, *why, *v, *bad;

    if (!st) {
        *errmsg = init_error("out of memory");
        return -1;
    }
    path = host->conf_path(conf, "lexicon");
    if (!path) {
        *errmsg = init_error("no lexicon configured");
        goto out_free;
    }
    if (lex_open(&st->lex, path, &why) < 0) {
        *errmsg = init_error("cannot load lexicon %s: %s", path, why);
        goto out_free;
    }
    st->p = default_params;
    for (unsigned m = 0; m < N_MARKS; m++)
        st->mark_hash[m] = hash_bytes((const uint8_t *)MARK_FEATURES[m],
                                      strlen(MARK_FEATURES[m]));
    for (uint32_t i = 0; i < st->lex.n_params; i++) {
        const uint8_t *rec = st->lex.params + (size_t)i * LEX_PARAM_SIZE;
        size_t n = strnlen((const char *)rec, 24);
        double d = rdf64(rec + 24);
        if (isfinite(d) && !param_set(&st->p, (const char *)rec, n, d))
            host->log(PRISM_LOG_WARN, "lexicon: unknown parameter %.*s", (int)n,
                      (const char *)rec);
    }
    bad = parse_tuning(&st->p, host->conf_get(conf, "tuning"));
    if (bad) {
        *errmsg = init_error("bad tuning near \"%s\"", bad);
        goto out_close;
    }
    if (!params_valid(&st->p)) {
        *errmsg = init_error("scorer constants out of range");
        goto out_close;
    }
    v = host->conf_get(conf, "positive_threshold");
    if (!parse_double(v, &st->positive_threshold) ||
        st->positive_threshold < 0 || st->positive_threshold > 1) {
        *errmsg = init_error("positive_threshold: not a number in [0, 1]: %s",
                             v ? v : "");
        goto out_close;
    }
    v = host->conf_get(conf, "negative_threshold");
    if (!parse_double(v, &st->negative_threshold) ||
        st->negative_threshold > 0 || st->negative_threshold < -1) {
        *errmsg = init_error("negative_threshold: not a number in [-1, 0]: %s",
                             v ? v : "");
        goto out_close;
    }
    if (!parse_bool(host->conf_get(conf, "sentences"), true, &st->sentences)) {
        *errmsg = init_error("sentences: expected yes or no, not \"%s\"",
                             host->conf_get(conf, "sentences"));
        goto out_close;
    }
    if (!parse_bool(host->conf_get(conf, "features"), false, &st->features)) {
        *errmsg = init_error("features: expected yes or no, not \"%s\"",
                             host->conf_get(conf, "features"));
        goto out_close;
    }
    *state = st;
    return 0;

out_close:
    lex_close(&st->lex);
out_free:
    free(st);
    return -1;
}

static void sentiment_fini(void *state)
{
    struct state *st = state;
    if (!st)
        return;
    lex_close(&st->lex);
    free(st->sc);
    free(st->tk);
    free(st->kbuf);
    free(st->ent);
    free(st->men);
    free(st->named);
    free(st->feat);
    free(st);
}

static const prism_plugin sentiment_plugin = {
    PRISM_PLUGIN_HEADER,
    .name = "sentiment",
    .version = "1.9.12",
    .description = "lexicon-and-rules sentiment of documents, sentences and "
                   "entities",
    .after = (const char *const[]){"entities", NULL},
    .options = sentiment_options,
    .init = sentiment_init,
    .process = sentiment_process,
    .fini = sentiment_fini,
};

PRISM_EXPORT const prism_plugin *prism_plugin_entry(const prism_host *h)
{
    host = h;
    return &sentiment_plugin;
}

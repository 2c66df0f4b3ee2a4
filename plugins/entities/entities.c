/*
 * The `entities` plugin: named entities in news text, grouped per document.
 *
 * For every document it takes the shared tokenizer's tokens and sentences,
 * tags them with an averaged structured perceptron (BILOU tags over PER,
 * ORG, LOC, MISC, first-order Viterbi; features and model format in ner.h,
 * weights trained by tools/train.c on the CoNLL-2003 train split), and
 * publishes
 *
 *   {"mentions": [{"text", "label", "start", "end", "entity"}, ...],
 *    "entities": [{"name", "label", "count", "first"}, ...]}
 *
 * with code-point offsets. Labels are PERSON, ORG, GPE, LOC, NORP and MISC:
 * the model's LOC becomes GPE (countries, cities, states) or LOC (regions,
 * seas, continents) and its MISC becomes NORP (nationalities, religious and
 * political groups) or MISC, by the gazetteer compiled into the model; a
 * name headed by an event or award word ("Booker Prize", "Treaty of
 * Lisbon") is MISC, by a building's word ("Heathrow Airport") a place, by
 * "University" or "Inc" an organisation. When the `dateline` plugin ran,
 * the dateline's place is a GPE.
 *
 * Mentions of one thing are grouped into an entity: the same name, a
 * person's surname or given name after (or before) the full name, an
 * acronym of an organisation's name or one given in parentheses after it,
 * and the names of one country or city that the gazetteer knows as
 * aliases ("U.S.", "United States").
 *
 * The model file is mmap()ed read-only and shared by every worker.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <prism/plugin.h>

#include "ner.h"

#define ENT_CHUNK        256 /* longest run of tokens tagged as one sequence */
#define ENT_CACHE_TOKENS 65536 /* longest document whose features are kept */

static const prism_host *host;

enum label { L_PERSON, L_ORG, L_GPE, L_LOC, L_NORP, L_MISC, L_N };
static const char *const LABEL_NAMES[L_N] = {"PERSON", "ORG",  "GPE",
                                             "LOC",    "NORP", "MISC"};

typedef struct mention {
    uint32_t a, b;  /* tokens [a, b) */
    uint8_t label;  /* enum label */
    uint32_t canon; /* gazetteer's canonical id, 0: none */
    uint32_t entity;
} mention;

typedef struct entity {
    uint32_t best;  /* the mention that names it */
    uint32_t first; /* its first mention */
    uint32_t count;
    uint32_t votes[L_N]; /* label votes of its mentions */
    uint8_t label;
} entity;

typedef struct state {
    void *map;
    size_t map_size;
    ner_model model;
    ner_trans trans[NER_STAGES];
    bool use_dateline, unify;
    /* per-document scratch, grown as needed */
    ner_info *info;
    uint8_t *tags;
    size_t cap_tok;
    uint32_t *table;
    size_t cap_table;
    mention *men;
    size_t cap_men;
    entity *ent;
    size_t cap_ent;
    uint32_t *parent;
    uint32_t *fcache; /* the first stage's features, for the second */
    size_t cap_fcache;
    uint32_t *fstart; /* token i: fcache[fstart[i], fstart[i + 1]) */
    size_t cap_fstart;
    size_t n_fcache; /* entries used; SIZE_MAX: not caching */
    ner_word words[ENT_CHUNK];
    int32_t em[ENT_CHUNK * NER_NTAGS];
    uint8_t back[ENT_CHUNK * NER_NTAGS];
    uint32_t feats[NER_MAXFEAT];
} state;

/* ---- scratch ---------------------------------------------------------------
 */

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 256;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, n * size);
    if (!q)
        return -1;
    *p = q;
    *cap = n;
    return 0;
}

/* ---- tagging ---------------------------------------------------------------
 */

/* Tags the tokens [a, b) of the document (one sentence, or a part of a long
 * one) into st->tags, with the model's stage 0 or 1. */
static void tag_run(state *st, size_t a, size_t b, uint32_t stage)
{
    size_t n = b - a;
    for (size_t i = 0; i < n; i++) {
        uint32_t *f = st->feats;
        size_t nf;
        if (stage == 1 && st->n_fcache != SIZE_MAX) {
            /* the first stage's features, then the history ones */
            size_t f0 = st->fstart[a + i], f1 = st->fstart[a + i + 1];
            memcpy(f, st->fcache + f0, (f1 - f0) * sizeof(uint32_t));
            nf = f1 - f0 +
                 ner_features_hist(st->info + a, n, i, f + (f1 - f0),
                                   NER_MAXFEAT - (f1 - f0));
        } else {
            nf = ner_features(st->info + a, n, i, f, stage);
            if (stage == 0 && st->n_fcache != SIZE_MAX) {
                st->fstart[a + i] = (uint32_t)st->n_fcache;
                memcpy(st->fcache + st->n_fcache, f, nf * sizeof(uint32_t));
                st->n_fcache += nf;
                st->fstart[a + i + 1] = (uint32_t)st->n_fcache;
            }
        }
        ner_emission(&st->model, f, nf, stage, st->em + i * NER_NTAGS);
    }
    ner_viterbi(st->em, n, &st->trans[stage], st->back, st->tags + a);
}

/* Do the sentences cover the tokens [0, ntok) in order, without gaps? */
static bool ordered(const prism_sentence *sent, size_t nsent, size_t ntok)
{
    size_t next = 0;
    for (size_t s = 0; s < nsent; s++) {
        if (sent[s].tok_start != next || sent[s].tok_end < sent[s].tok_start)
            return false;
        next = sent[s].tok_end;
    }
    return next == ntok;
}

/* Tags every sentence of the document with one stage. */
static void tag_doc(state *st, const prism_sentence *sent, size_t nsent,
                    size_t ntok, uint32_t stage)
{
    for (size_t s = 0; s < nsent; s++) {
        size_t a = sent[s].tok_start, b = sent[s].tok_end;
        if (b > ntok || a > b)
            continue;
        for (size_t c = a; c < b; c += ENT_CHUNK)
            tag_run(st, c, c + ENT_CHUNK < b ? c + ENT_CHUNK : b, stage);
    }
}

/* The word-level and sentence-level analysis of tokens [a, b). */
static void analyse_run(state *st, const char *text, const prism_token *tok,
                        size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        ner_word_make(&st->words[i - a], text + tok[i].start,
                      tok[i].end - tok[i].start);
        ner_info_word(&st->info[i], &st->words[i - a], &st->model);
    }
    ner_info_sentence(st->info + a, b - a, st->words, &st->model);
}

/* ---- labels ----------------------------------------------------------------
 */

/* The gazetteer entry of the exact phrase of tokens [a, b), or NULL. */
static const struct ner_gslot *phrase_gaz(const state *st, size_t a, size_t b)
{
    uint32_t key = 0;
    if (b - a > 16)
        return NULL;
    for (size_t i = a; i < b; i++)
        key = ner_key_extend(key, st->info[i].key, i == a);
    const struct ner_gslot *g = ner_gaz_find(&st->model, key);
    if (g && !(g->mask & ~(1u << NER_G_PREFIX)))
        return NULL;
    return g;
}

static uint32_t gaz_mask(const struct ner_gslot *g)
{
    return g ? g->mask : 0;
}

static bool has(const struct ner_gslot *g, int type)
{
    return g && (g->mask & (1u << type));
}

/* Refines the model's type into a published label. */
static uint8_t refine(const state *st, int type, size_t a, size_t b,
                      uint32_t *canon)
{
    const struct ner_gslot *g = phrase_gaz(st, a, b);
    const struct ner_gslot *last = phrase_gaz(st, b - 1, b);
    *canon = g ? g->canon : 0;
    /* Names headed by an event, award or law word are MISC ("Booker
     * Prize", "Treaty of Versailles"), by a building's word places
     * ("Heathrow Airport"), by a word such as "University" or "Inc"
     * organisations ("Stanford University"). CoNLL-2003, the model's
     * training data, has few of them. */
    if (b - a >= 2) {
        uint32_t head = gaz_mask(last);
        uint32_t of = ner_hash_bytes("of", 2, 2);
        uint32_t for_ = ner_hash_bytes("for", 3, 2);
        /* "Battle of Hastings", "Academy Award for Best Picture" */
        for (size_t i = a; i + 2 < b && i < a + 8; i++)
            if (st->info[i + 1].h_lower == of ||
                st->info[i + 1].h_lower == for_)
                head |=
                    gaz_mask(phrase_gaz(st, i, i + 1)) & (1u << NER_G_MISCHEAD);
        if ((type == NER_ORG || type == NER_LOC) &&
            (head & (1u << NER_G_MISCHEAD)))
            type = NER_MISC;
        else if (type == NER_ORG && (head & (1u << NER_G_FACHEAD)))
            type = NER_LOC;
        else if (type != NER_ORG && (head & (1u << NER_G_ORGHEAD)))
            type = NER_ORG;
    }
    switch (type) {
    case NER_PER:
        return L_PERSON;
    case NER_ORG:
        return L_ORG;
    case NER_LOC:
        if (has(g, NER_G_REGION))
            return L_LOC;
        if (has(g, NER_G_ORGLIST) &&
            !(g->mask &
              ((1u << NER_G_COUNTRY) | (1u << NER_G_CITY) |
               (1u << NER_G_STATE) | (1u << NER_G_LOC) | (1u << NER_G_ALIAS))))
            return L_ORG; /* the Kremlin, the Pentagon */
        if (has(g, NER_G_COUNTRY) || has(g, NER_G_CITY) ||
            has(g, NER_G_STATE) || has(g, NER_G_ALIAS))
            return L_GPE;
        if (b - a > 1 && has(last, NER_G_LOCWORD))
            return L_LOC;
        if (a + 1 < b && has(phrase_gaz(st, a, a + 1), NER_G_LOCWORD))
            return L_LOC; /* Mount Everest, Lake Victoria */
        if (has(g, NER_G_LOC))
            return L_LOC;
        return L_GPE;
    default:
        if (has(g, NER_G_NORP) || has(last, NER_G_NORP))
            return L_NORP;
        return L_MISC;
    }
}

/* The end of the tagged span that starts at token i (tag B or U). */
static size_t span_end(const state *st, size_t ntok, size_t i)
{
    int type = ner_tag_type(st->tags[i]);
    size_t j = i + 1;
    if (ner_tag_part(st->tags[i]) == NER_B) {
        while (j < ntok && ner_tag_type(st->tags[j]) == type &&
               ner_tag_part(st->tags[j]) == NER_I)
            j++;
        if (j < ntok && ner_tag_type(st->tags[j]) == type &&
            ner_tag_part(st->tags[j]) == NER_L)
            j++;
    }
    return j;
}

/* The end of the name that starts at token i: its tagged span, and on
 * through "for" or "of" into the next name when the span ends in an
 * event or award word ("Academy Award" for "Best Picture" is one name;
 * the averaged models split it). At most 32 tokens. */
static size_t name_end(const state *st, size_t ntok, size_t i)
{
    uint32_t of = ner_hash_bytes("of", 2, 2);
    uint32_t for_ = ner_hash_bytes("for", 3, 2);
    size_t j = span_end(st, ntok, i);
    while (j + 1 < ntok && j - i < 32 &&
           (st->info[j].h_lower == of || st->info[j].h_lower == for_) &&
           (ner_tag_part(st->tags[j + 1]) == NER_B ||
            ner_tag_part(st->tags[j + 1]) == NER_U) &&
           has(phrase_gaz(st, j - 1, j), NER_G_MISCHEAD))
        j = span_end(st, ntok, j + 1);
    return j;
}

/* 1 for an opening bracket token, -1 for a closing one, else 0. */
static int bracket(const char *text, const prism_token *t)
{
    if (t->end - t->start != 1)
        return 0;
    char c = text[t->start];
    return c == '(' || c == '[' || c == '{'   ? 1
           : c == ')' || c == ']' || c == '}' ? -1
                                              : 0;
}

/* Is token k of the span [a, j) a bracket without its partner inside
 * [a, j)? */
static bool lone_bracket(const char *text, const prism_token *tok, size_t a,
                         size_t j, size_t k)
{
    int kind = bracket(text, &tok[k]);
    int depth = 0;
    if (kind == 0)
        return false;
    if (kind < 0) {
        for (size_t i = k; i-- > a;) {
            depth += bracket(text, &tok[i]);
            if (depth > 0)
                return false;
        }
        return true;
    }
    for (size_t i = k + 1; i < j; i++) {
        depth += bracket(text, &tok[i]);
        if (depth < 0)
            return false;
    }
    return true;
}

static bool has_alnum(const ner_info *in, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (in[i].alpha || in[i].digit)
            return true;
    return false;
}

/* ---- the dateline
 * ------------------------------------------------------------ */

/* Marks the dateline's place as a GPE: relabels the mention that covers it
 * or adds one. Returns the new mention count. */
static size_t apply_dateline(state *st, const prism_doc *doc, const char *text,
                             const prism_token *tok, size_t ntok, size_t nmen)
{
    const prism_value *d = host->doc_result(doc, "dateline");
    if (!d || host->value_type(d) != PRISM_V_MAP)
        return nmen;
    const prism_value *found = host->value_get(d, "found");
    const prism_value *loc = host->value_get(d, "location");
    const prism_value *start = host->value_get(d, "start");
    if (!found || !host->value_bool(found) || !loc || !start ||
        host->value_type(loc) != PRISM_V_MAP)
        return nmen;
    const prism_value *lt = host->value_get(loc, "text");
    size_t len = 0;
    const char *place = lt ? host->value_str(lt, &len) : NULL;
    int64_t cp = host->value_i64(start);
    if (!place || len == 0)
        return nmen;
    size_t a = 0;
    while (a < ntok && (int64_t)tok[a].cp_start < cp)
        a++;
    if (a == ntok || tok[a].start + len > tok[ntok - 1].end ||
        memcmp(text + tok[a].start, place, len) != 0)
        return nmen;
    size_t b = a + 1;
    while (b < ntok && tok[b - 1].end < tok[a].start + len)
        b++;
    if (tok[b - 1].end != tok[a].start + len)
        return nmen;
    for (size_t m = 0; m < nmen; m++) {
        if (st->men[m].a < b && st->men[m].b > a) {
            if (st->men[m].label != L_LOC)
                st->men[m].label = L_GPE;
            return nmen;
        }
    }
    if (grow((void **)&st->men, &st->cap_men, nmen + 1, sizeof(mention)) < 0)
        return nmen;
    size_t at = 0;
    while (at < nmen && st->men[at].a < a)
        at++;
    memmove(st->men + at + 1, st->men + at, (nmen - at) * sizeof(mention));
    uint32_t canon = 0;
    const struct ner_gslot *g = phrase_gaz(st, a, b);
    if (g)
        canon = g->canon;
    st->men[at] = (mention){
        .a = (uint32_t)a, .b = (uint32_t)b, .label = L_GPE, .canon = canon};
    return nmen + 1;
}

/* ---- grouping --------------------------------------------------------------
 */

static uint32_t find_root(uint32_t *parent, uint32_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

static void join(uint32_t *parent, uint32_t x, uint32_t y)
{
    x = find_root(parent, x);
    y = find_root(parent, y);
    if (x != y)
        parent[x > y ? x : y] = x < y ? x : y;
}

/* A small map from nonzero u32 keys to mention indexes, open addressing in
 * st->table (2 * slots u32). */
typedef struct idmap {
    uint32_t *t;
    uint32_t mask;
} idmap;

static uint32_t *idmap_slot(idmap *m, uint32_t key)
{
    key = key ? key : 1;
    uint32_t i = ner_mix32(key) & m->mask;
    while (m->t[2 * i] && m->t[2 * i] != key)
        i = (i + 1) & m->mask;
    m->t[2 * i] = key;
    return &m->t[2 * i + 1];
}

/* The mention stored under key, or -1; with put, stores m (1-based inside)
 * when absent (or always with overwrite). */
static long idmap_use(idmap *m, uint32_t salt, uint32_t key, long put,
                      bool overwrite)
{
    uint32_t *v = idmap_slot(m, ner_comb(salt, key));
    long old = (long)*v - 1;
    if (put >= 0 && (old < 0 || overwrite))
        *v = (uint32_t)put + 1;
    return old;
}

enum { K_CANON = 1, K_WORDS, K_INITIALS, K_ACRONYM, K_LAST, K_FIRST };

/* Hash of the letters of an all-caps token without dots ("E.C.B." = "ECB"),
 * or 0 when it is not one. */
static uint32_t acronym_key(const char *text, const prism_token *tok,
                            const ner_info *in, const mention *x)
{
    char acr[16];
    size_t n = 0;
    if (x->b - x->a != 1 || in[x->a].cap != NER_CAP_UPPER)
        return 0;
    for (uint32_t i = tok[x->a].start; i < tok[x->a].end; i++) {
        char c = text[i];
        if (c == '.')
            continue;
        if (n == sizeof(acr) || c < 'A' || c > 'Z')
            return 0;
        acr[n++] = c;
    }
    return n >= 2 ? ner_hash_bytes(acr, n, 77) : 0;
}

/* Hash of the initials of a name's capitalised words ("European Central
 * Bank" = "ECB"), or 0. */
static uint32_t initials_key(const char *text, const prism_token *tok,
                             const ner_info *in, const mention *x)
{
    char ini[16];
    size_t n = 0;
    if (x->b - x->a < 2)
        return 0;
    for (uint32_t t = x->a; t < x->b; t++) {
        if (in[t].cap == NER_CAP_LOWER || in[t].cap == NER_CAP_NONE)
            continue; /* of, the, and, for, & */
        if (n == sizeof(ini))
            return 0;
        char c = text[tok[t].start];
        ini[n++] = c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
    }
    return n >= 2 ? ner_hash_bytes(ini, n, 77) : 0;
}

static uint32_t words_key(const ner_info *in, uint32_t a, uint32_t b)
{
    uint32_t key = 0;
    for (uint32_t i = a; i < b; i++)
        key = ner_key_extend(key, in[i].key, i == a);
    return key;
}

static bool compatible(const mention *x, const mention *y)
{
    bool xp = x->label == L_GPE || x->label == L_LOC;
    bool yp = y->label == L_GPE || y->label == L_LOC;
    return xp == yp || x->label == L_MISC || y->label == L_MISC ||
           x->label == L_NORP || y->label == L_NORP;
}

/* Person names: a one- or two-word PERSON mention that ends (or, for one
 * word, starts) a longer PERSON mention. */
static long person_match(idmap *map, const ner_info *in, const mention *x)
{
    uint32_t n = x->b - x->a;
    long k =
        idmap_use(map, K_LAST + 16 * n, words_key(in, x->a, x->b), -1, false);
    if (k < 0 && n == 1)
        k = idmap_use(map, K_FIRST, in[x->a].key, -1, false);
    return k;
}

static void person_put(idmap *map, const ner_info *in, const mention *y, long k)
{
    uint32_t n = y->b - y->a;
    for (uint32_t s = 1; s <= 2 && s < n; s++)
        idmap_use(map, K_LAST + 16 * s, words_key(in, y->b - s, y->b), k, true);
    if (n == 2)
        idmap_use(map, K_FIRST, in[y->a].key, k, true);
}

/* Groups the mentions into entities; fills men[].entity and st->ent.
 * Returns the number of entities, or -1 when out of memory. Linear in the
 * number of mentions. */
static long group(state *st, const char *text, const prism_token *tok,
                  size_t ntok, size_t nmen)
{
    const ner_info *in = st->info;
    mention *men = st->men;
    uint32_t *parent = realloc(st->parent, (nmen + 1) * sizeof(uint32_t));
    if (!parent)
        return -1;
    st->parent = parent;
    size_t slots = 16;
    while (slots < 8 * nmen)
        slots *= 2;
    if (grow((void **)&st->table, &st->cap_table, 2 * slots, sizeof(uint32_t)) <
        0)
        return -1;
    idmap map = {.t = st->table, .mask = (uint32_t)slots - 1};
    memset(map.t, 0, 2 * slots * sizeof(uint32_t));
    for (size_t m = 0; m < nmen; m++)
        parent[m] = (uint32_t)m;
    for (size_t m = 0; m < nmen; m++) {
        mention *x = &men[m];
        long k;
        if (x->canon) {
            k = idmap_use(&map, K_CANON, x->canon, (long)m, false);
            if (k >= 0 && compatible(x, &men[k]))
                join(parent, (uint32_t)m, (uint32_t)k);
        }
        k = idmap_use(&map, K_WORDS, words_key(in, x->a, x->b), (long)m, false);
        if (k >= 0 && compatible(x, &men[k]))
            join(parent, (uint32_t)m, (uint32_t)k);
        uint32_t acr = acronym_key(text, tok, in, x);
        uint32_t ini = initials_key(text, tok, in, x);
        if (acr) {
            k = idmap_use(&map, K_INITIALS, acr, -1, false);
            if (k >= 0)
                join(parent, (uint32_t)m, (uint32_t)k);
            idmap_use(&map, K_ACRONYM, acr, (long)m, false);
        }
        if (ini) {
            k = idmap_use(&map, K_ACRONYM, ini, -1, false);
            if (k >= 0)
                join(parent, (uint32_t)m, (uint32_t)k);
            idmap_use(&map, K_INITIALS, ini, (long)m, false);
        }
        /* "European Central Bank (ECB)": the parenthesised mention. */
        if (m + 1 < nmen && x->b + 2 < ntok && x->b - x->a >= 2 &&
            men[m + 1].a == x->b + 1 && men[m + 1].b == x->b + 2 &&
            tok[x->b].end - tok[x->b].start == 1 &&
            text[tok[x->b].start] == '(' && text[tok[x->b + 2].start] == ')' &&
            in[x->b + 1].cap == NER_CAP_UPPER)
            join(parent, (uint32_t)m, (uint32_t)m + 1);
        /* People: the nearest earlier full name. */
        if (x->label == L_PERSON) {
            if (x->b - x->a <= 2) {
                k = person_match(&map, in, x);
                if (k >= 0 && men[k].b - men[k].a > x->b - x->a)
                    join(parent, (uint32_t)m, (uint32_t)k);
            }
            if (x->b - x->a >= 2)
                person_put(&map, in, x, (long)m);
        }
    }
    /* People named before their full name: the nearest later one. */
    memset(map.t, 0, 2 * slots * sizeof(uint32_t));
    for (size_t m = nmen; m-- > 0;) {
        mention *x = &men[m];
        if (x->label != L_PERSON)
            continue;
        if (x->b - x->a <= 2 && find_root(parent, (uint32_t)m) == m) {
            long k = person_match(&map, in, x);
            if (k >= 0 && men[k].b - men[k].a > x->b - x->a)
                join(parent, (uint32_t)m, (uint32_t)k);
        }
        if (x->b - x->a >= 2)
            person_put(&map, in, x, (long)m);
    }
    /* Number the entities in order of their first mention. */
    size_t nent = 0;
    if (grow((void **)&st->ent, &st->cap_ent, nmen, sizeof(entity)) < 0)
        return -1;
    for (size_t m = 0; m < nmen; m++) {
        uint32_t r = find_root(parent, (uint32_t)m);
        if (r == m) {
            men[m].entity = (uint32_t)nent;
            st->ent[nent++] =
                (entity){.best = (uint32_t)m, .first = (uint32_t)m};
        } else {
            men[m].entity = men[r].entity;
        }
    }
    /* Each entity: its longest name, its majority label. */
    for (size_t m = 0; m < nmen; m++) {
        entity *en = &st->ent[men[m].entity];
        en->count++;
        en->votes[men[m].label] += 2 + (men[m].b - men[m].a);
        uint32_t len = tok[men[m].b - 1].cp_end - tok[men[m].a].cp_start;
        const mention *b = &men[en->best];
        if (len > tok[b->b - 1].cp_end - tok[b->a].cp_start)
            en->best = (uint32_t)m;
    }
    for (size_t e = 0; e < nent; e++) {
        entity *en = &st->ent[e];
        uint8_t lab = men[en->best].label;
        for (int l = 0; l < L_N; l++)
            if (en->votes[l] > en->votes[lab])
                lab = (uint8_t)l;
        en->label = lab;
    }
    if (st->unify) {
        for (size_t m = 0; m < nmen; m++) {
            uint8_t lab = st->ent[men[m].entity].label;
            bool place = lab == L_GPE || lab == L_LOC;
            bool mplace = men[m].label == L_GPE || men[m].label == L_LOC;
            /* GPE and LOC stay as the gazetteer said. */
            if (!(place && mplace))
                men[m].label = lab;
        }
    }
    return (long)nent;
}

/* ---- output
 * ------------------------------------------------------------------ */

static int write_result(state *st, prism_out *out, const char *text,
                        const prism_token *tok, size_t nmen, size_t nent)
{
    int rc = 0;
    rc |= host->out_map(out, 2);
    rc |= host->out_cstr(out, "mentions");
    rc |= host->out_array(out, nmen);
    for (size_t m = 0; m < nmen && rc == 0; m++) {
        const mention *x = &st->men[m];
        uint32_t s = tok[x->a].start, e = tok[x->b - 1].end;
        rc |= host->out_map(out, 5);
        rc |= host->out_cstr(out, "text");
        rc |= host->out_str(out, text + s, e - s);
        rc |= host->out_cstr(out, "label");
        rc |= host->out_cstr(out, LABEL_NAMES[x->label]);
        rc |= host->out_cstr(out, "start");
        rc |= host->out_i64(out, tok[x->a].cp_start);
        rc |= host->out_cstr(out, "end");
        rc |= host->out_i64(out, tok[x->b - 1].cp_end);
        rc |= host->out_cstr(out, "entity");
        rc |= host->out_i64(out, x->entity);
    }
    rc |= host->out_cstr(out, "entities");
    rc |= host->out_array(out, nent);
    for (size_t e = 0; e < nent && rc == 0; e++) {
        const entity *en = &st->ent[e];
        const mention *b = &st->men[en->best];
        uint32_t s = tok[b->a].start, end = tok[b->b - 1].end;
        rc |= host->out_map(out, 4);
        rc |= host->out_cstr(out, "name");
        rc |= host->out_str(out, text + s, end - s);
        rc |= host->out_cstr(out, "label");
        rc |= host->out_cstr(out, LABEL_NAMES[en->label]);
        rc |= host->out_cstr(out, "count");
        rc |= host->out_i64(out, en->count);
        rc |= host->out_cstr(out, "first");
        rc |= host->out_i64(out, tok[st->men[en->first].a].cp_start);
    }
    return rc;
}

/* ---- the plugin
 * ---------------------------------------------------------------- */

static int ent_process(void *vst, const prism_doc *doc, prism_out *out)
{
    state *st = vst;
    size_t len, ntok, nsent;
    const char *text = host->doc_text(doc, &len);
    const prism_token *tok;
    const prism_sentence *sent;
    if (host->doc_tokens(doc, &tok, &ntok) < 0 ||
        host->doc_sentences(doc, &sent, &nsent) < 0)
        goto oom;
    if (grow((void **)&st->info, &st->cap_tok, ntok + 1, sizeof(ner_info)) < 0)
        goto oom;
    uint8_t *tags = realloc(st->tags, st->cap_tok);
    if (!tags)
        goto oom;
    st->tags = tags;
    /* Word and sentence analysis, then document-level case. */
    for (size_t s = 0; s < nsent; s++) {
        size_t a = sent[s].tok_start, b = sent[s].tok_end;
        if (b > ntok || a > b)
            continue;
        for (size_t c = a; c < b; c += ENT_CHUNK)
            analyse_run(st, text, tok, c,
                        c + ENT_CHUNK < b ? c + ENT_CHUNK : b);
    }
    size_t slots = 16;
    while (slots < 2 * ntok)
        slots *= 2;
    if (grow((void **)&st->table, &st->cap_table, 2 * slots, sizeof(uint32_t)) <
        0)
        goto oom;
    memset(st->table, 0, 2 * slots * sizeof(uint32_t));
    ner_doc_case(st->info, ntok, st->table, (uint32_t)slots);
    memset(st->tags, 0, ntok);
    /* Keep the first stage's features for the second when the document is
     * of a sane size (at most ENT_CACHE_TOKENS tokens), in token order. */
    st->n_fcache = SIZE_MAX;
    if (st->model.h->stages == 2 && ntok <= ENT_CACHE_TOKENS &&
        ordered(sent, nsent, ntok) &&
        grow((void **)&st->fcache, &st->cap_fcache, ntok * NER_MAXFEAT,
             sizeof(uint32_t)) == 0 &&
        grow((void **)&st->fstart, &st->cap_fstart, ntok + 1,
             sizeof(uint32_t)) == 0)
        st->n_fcache = 0;
    tag_doc(st, sent, nsent, ntok, 0);
    if (st->model.h->stages == 2) {
        /* The second stage sees the first one's tags of each word. */
        if (grow((void **)&st->table, &st->cap_table, 6 * slots,
                 sizeof(uint32_t)) < 0)
            goto oom;
        memset(st->table, 0, 6 * slots * sizeof(uint32_t));
        ner_history(st->info, ntok, st->tags, st->table, (uint32_t)slots);
        tag_doc(st, sent, nsent, ntok, 1);
    }
    /* Spans. Viterbi keeps BILOU sequences well formed; stay safe anyway. */
    size_t nmen = 0;
    for (size_t i = 0; i < ntok; i++) {
        int part = ner_tag_part(st->tags[i]);
        if (part != NER_B && part != NER_U)
            continue;
        int type = ner_tag_type(st->tags[i]);
        size_t j = name_end(st, ntok, i);
        /* An unbalanced bracket never belongs to a name: "(South) Korea"
         * gives "Korea"; "Mladost ( BJ )" stays whole. */
        for (size_t a = i; a < j;) {
            size_t b = a;
            while (b < j && !lone_bracket(text, tok, a, j, b))
                b++;
            if (b > a && has_alnum(st->info, a, b)) {
                if (grow((void **)&st->men, &st->cap_men, nmen + 1,
                         sizeof(mention)) < 0)
                    goto oom;
                uint32_t canon;
                uint8_t label = refine(st, type, a, b, &canon);
                st->men[nmen++] = (mention){.a = (uint32_t)a,
                                            .b = (uint32_t)b,
                                            .label = label,
                                            .canon = canon};
            }
            a = b + 1;
        }
        i = j - 1;
    }
    if (st->use_dateline)
        nmen = apply_dateline(st, doc, text, tok, ntok, nmen);
    long nent = group(st, text, tok, ntok, nmen);
    if (nent < 0)
        goto oom;
    if (write_result(st, out, text, tok, nmen, (size_t)nent) != 0)
        goto oom;
    return 0;
oom:
    host->out_error(out, "entities: out of memory");
    return -1;
}

/* init's error message: the concatenation of a, b and c, allocated with
 * host->alloc (the host frees it), or NULL when out of memory. */
static char *err_msg(const char *a, const char *b, const char *c)
{
    size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
    char *m = host->alloc(la + lb + lc + 1);
    if (m) {
        memcpy(m, a, la);
        memcpy(m + la, b, lb);
        memcpy(m + la + lb, c, lc + 1);
    }
    return m;
}

/* A yes/no option: 1, 0, or -1 when the value is neither. */
static int conf_bool(const prism_conf *conf, const char *key)
{
    static const char *const yes[] = {"yes", "true", "on", "1"};
    static const char *const no[] = {"no", "false", "off", "0"};
    const char *v = host->conf_get(conf, key);
    for (size_t i = 0; v && i < sizeof(yes) / sizeof(yes[0]); i++) {
        if (!strcmp(v, yes[i]))
            return 1;
        if (!strcmp(v, no[i]))
            return 0;
    }
    return -1;
}

static void ent_fini(void *vst)
{
    state *st = vst;
    if (!st)
        return;
    if (st->map)
        munmap(st->map, st->map_size);
    free(st->info);
    free(st->tags);
    free(st->table);
    free(st->men);
    free(st->ent);
    free(st->parent);
    free(st->fcache);
    free(st->fstart);
    free(st);
}

static int ent_init(const prism_conf *conf, void **out_state, char **errmsg)
{
    const char *path = host->conf_path(conf, "model");
    const char *why = NULL;
    int fd = -1;
    state *st = calloc(1, sizeof(*st));
    if (!st) {
        *errmsg = err_msg("out of memory", "", "");
        return -1;
    }
    int dl = conf_bool(conf, "use_dateline");
    int un = conf_bool(conf, "unify_labels");
    if (dl < 0 || un < 0) {
        *errmsg = err_msg(dl < 0 ? "use_dateline" : "unify_labels",
                          " must be yes or no", "");
        goto fail;
    }
    st->use_dateline = dl == 1;
    st->unify = un == 1;
    if (!path) {
        *errmsg = err_msg("no model file configured (key `model`)", "", "");
        goto fail;
    }
    fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat sb;
    if (fd < 0 || fstat(fd, &sb) < 0) {
        *errmsg = err_msg("cannot open model ", path,
                          errno == ENOENT ? ": no such file (run `make model`?)"
                                          : ": cannot read");
        goto fail;
    }
    st->map_size = (size_t)sb.st_size;
    st->map = st->map_size
                  ? mmap(NULL, st->map_size, PROT_READ, MAP_SHARED, fd, 0)
                  : MAP_FAILED;
    if (st->map == MAP_FAILED) {
        st->map = NULL;
        *errmsg = err_msg("cannot map model ", path,
                          st->map_size ? ": mmap failed" : ": empty file");
        goto fail;
    }
    close(fd);
    fd = -1;
    why = ner_model_open(&st->model, st->map, st->map_size);
    if (why) {
        *errmsg = err_msg(path, ": ", why);
        goto fail;
    }
    for (uint32_t s = 0; s < st->model.h->stages; s++)
        ner_trans_prepare(st->model.trans + s * (NER_NTAGS + 1) * NER_NTAGS,
                          &st->trans[s]);
    *out_state = st;
    return 0;
fail:
    if (fd >= 0)
        close(fd);
    ent_fini(st);
    return -1;
}

static const prism_option ent_options[] = {
    {"model", "../plugins/entities/model/entities.model",
     "the trained model file (tools/train.c), mmap()ed read-only"},
    {"use_dateline", "yes", "treat the dateline plugin's place as a GPE"},
    {"unify_labels", "no",
     "give every mention of one entity the entity's majority label"},
    {NULL, NULL, NULL},
};

static const char *const ent_after[] = {"dateline", NULL};

static const prism_plugin ent_plugin = {
    PRISM_PLUGIN_HEADER,
    .name = "entities",
    .version = "1.0.0",
    .description = "named entities (PERSON, ORG, GPE, LOC, NORP, MISC), "
                   "grouped per document",
    .after = ent_after,
    .options = ent_options,
    .init = ent_init,
    .process = ent_process,
    .fini = ent_fini,
};

PRISM_EXPORT const prism_plugin *prism_plugin_entry(const prism_host *h)
{
    host = h;
    return &ent_plugin;
}

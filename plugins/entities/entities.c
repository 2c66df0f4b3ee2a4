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
 * "University" or "Inc" an organisation. Span rules put right what a
 * tagger trained on Reuters gets wrong in other prose: titles, greetings
 * and function words at a name's edges, sentence openers, abbreviations
 * and runs of ordinary capitalised words taken for names, people taken
 * for places, quoted titles, lower-case places in text written without
 * case; and what edited prose says around a name: the noun before it
 * ("the film studio MGM", "the poet Byron", "the album Revolver"), the
 * noun after it ("Higgs boson"), titles of works in quotes, languages,
 * products, buildings' and organisations' head words, a title "of" a
 * place ("Archbishop of Canterbury"). When the `dateline` plugin ran, the
 * dateline's place is a GPE.
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
#include <strings.h>
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

/* Word classes of the span rules past the bits of enum word_rule and
 * WR_ORGSTART (bits 0 to 31, below):
 *   WR_KINN     kin named after a possessive ("his wife, Geertje")
 *   WR_CONQ     verbs whose object is a place an army took ("conquered
 *               Larsa", "entered Tenochtitlan")
 *   WR_FIRMS    plurals of firms and bodies before "such as" ("firms such
 *               as Skyeton")
 *   WR_PERFORM  playing or touring "with the" a band
 *   WR_POLITY2  a polity's word before "of" a place ("the Viceroyalty of
 *               Peru")
 *   WR_SERVICE  online services (platform_used)
 *   WR_INSTIT   institutions' last words ("Museum", "Theatre")
 *   WR_BODYACT  what an institution does ("said", "signed")
 *   WR_DWELL    those who live in a place ("residents of Kranti Nagar")
 *   WR_WORKS    works and sites named before them ("the Salobo mine")
 *   WR_INDEX    stock indexes' names ("Sensex", "KOSPI")
 *   WR_QUARTER  last words of quarters and markets in other languages
 *               ("Lajpat Nagar")
 *   WR_VILLAGE  first words of villages and valleys in other languages
 *               ("Barangay Lorega San Miguel", "Wadi Shawka")
 *   WR_MONEY    a currency's word after its name ("CFA francs")
 *   WR_RUPEE    a currency's abbreviation before a sum ("Rs 6,000")
 *   WR_BOURSE   a firm's "shares" and "exchange" after its name
 *   WR_ADMIN    "provincial", "municipal" after a province's or town's name
 *   WR_DEAL     what a firm is "merged", "absorbed", "acquired" ...
 *   WR_INTO     ... "into", "with" or "by"
 *   WR_SAINT    "St", "Saint" opening a saint's name
 *   WR_WHERE    where a market is: "at", "around", "near" ...
 *   WR_MARKET   "market" */
#define WR_KINN    (1ull << 32)
#define WR_CONQ    (1ull << 33)
#define WR_FIRMS   (1ull << 34)
#define WR_PERFORM (1ull << 35)
#define WR_POLITY2 (1ull << 36)
#define WR_SERVICE (1ull << 37)
#define WR_INSTIT  (1ull << 38)
#define WR_BODYACT (1ull << 39)
#define WR_DWELL   (1ull << 40)
#define WR_WORKS   (1ull << 41)
#define WR_INDEX   (1ull << 42)
#define WR_QUARTER (1ull << 43)
#define WR_VILLAGE (1ull << 44)
#define WR_MONEY   (1ull << 45)
#define WR_RUPEE   (1ull << 46)
#define WR_BOURSE  (1ull << 47)
#define WR_ADMIN   (1ull << 48)
#define WR_DEAL    (1ull << 49)
#define WR_INTO    (1ull << 50)
#define WR_SAINT   (1ull << 51)
#define WR_WHERE   (1ull << 52)
#define WR_MARKET  (1ull << 53)
#define WR_NATURAL (1ull << 54) /* "river", "hill": natural_noun() */
#define WR_AREA    (1ull << 55) /* "district", "region": area_noun() */
#define WR_SITE    (1ull << 56) /* "mine", "hotel": site_noun() */
#define WR_SITEOF  (1ull << 57) /* "copper" mine, "railway" station */
#define WR_STREET  (1ull << 58) /* "Street", "Drive": street_word() */
#define WR_LEADN   (1ull << 59) /* "leader", "ruler": people_by_kin() */
#define WR_ORGF    (1ull << 60) /* "Bryggeri", "Oy": foreign_body() */

typedef struct mention {
    uint32_t a, b;  /* tokens [a, b) */
    uint8_t label;  /* enum label */
    uint8_t cut;    /* bytes of the last token left out: the full stop of
                       "King Joseph I.", the "-based" of "Boston-based" */
    uint8_t lead;   /* bytes of the first token left out: the "US-" of
                       "US-China" */
    uint32_t canon; /* gazetteer's canonical id, 0: none */
    uint32_t key;   /* the words' key when cut leaves a word's part: the
                       name before a hyphen ("Boston" of "Boston-based");
                       0: the words' own */
    uint32_t entity;
} mention;

/* The code points of the n bytes of UTF-8 at p. */
static uint32_t cp_count(const char *p, size_t n)
{
    uint32_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)p[i] & 0xC0) != 0x80;
    return c;
}

/* A mention's first and last byte (exclusive) and code point in the text. */
static uint32_t men_start(const prism_token *tok, const mention *x)
{
    return tok[x->a].start + x->lead;
}

static uint32_t men_end(const prism_token *tok, const mention *x)
{
    return tok[x->b - 1].end - x->cut;
}

static uint32_t men_cp_start(const char *text, const prism_token *tok,
                             const mention *x)
{
    return tok[x->a].cp_start + cp_count(text + tok[x->a].start, x->lead);
}

static uint32_t men_cp_end(const char *text, const prism_token *tok,
                           const mention *x)
{
    return tok[x->b - 1].cp_end - cp_count(text + men_end(tok, x), x->cut);
}

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
    uint32_t wr_key[4096]; /* the span rules' words (WR_SLOTS) */
    uint64_t wr_bits[4096];
    size_t ntok_cur;            /* tokens of the document being tagged */
    const prism_token *tok_cur; /* and the tokens themselves */
    const char *text_cur;       /* and its text */
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
static inline __attribute__((always_inline)) void
tag_run(state *st, size_t a, size_t b, uint32_t stage)
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
static inline __attribute__((always_inline)) void
tag_doc(state *st, const prism_sentence *sent, size_t nsent, size_t ntok,
        uint32_t stage)
{
    for (size_t s = 0; s < nsent; s++) {
        size_t a = sent[s].tok_start, b = sent[s].tok_end;
        if (b > ntok || a > b)
            continue;
        for (size_t c = a; c < b; c += ENT_CHUNK)
            tag_run(st, c, c + ENT_CHUNK < b ? c + ENT_CHUNK : b, stage);
    }
}

/* The word-level and sentence-level analysis of tokens [a, b); a token
 * whose lower[] is set is read with its first letter in lower case (lower
 * may be NULL). */
static void analyse_run(state *st, const char *text, const prism_token *tok,
                        size_t a, size_t b, const bool *lower)
{
    for (size_t i = a; i < b; i++) {
        const char *s = text + tok[i].start;
        size_t n = tok[i].end - tok[i].start;
        char buf[NER_MAXWORD];
        if (lower && lower[i - a] && n <= sizeof(buf)) {
            memcpy(buf, s, n);
            buf[0] = (char)(buf[0] + ('a' - 'A'));
            s = buf;
        }
        ner_word_make(&st->words[i - a], s, n);
        ner_info_word(&st->info[i], &st->words[i - a], &st->model);
    }
    ner_info_sentence(st->info + a, b - a, st->words, &st->model);
}

/* A title-case headline ("Fed Holds Rates Steady as Powell Warns of Tariff
 * Risks") capitalises ordinary words, and the model, which learned from
 * sentences and all-caps headlines, takes them for names ("Powell Warns",
 * "Tariff Risks"). Such a line is read as a sentence would write it: a
 * capitalised word other than the first is read in lower case when SCOWL
 * lists it as an ordinary word and not as a name, no gazetteer name covers
 * it, and the document never writes it capitalised inside a sentence.
 * Only the analysis of tokens [a, b) changes: mentions keep the document's
 * text and offsets. Runs after ner_doc_case, whose evidence it keeps. */
static void read_headline(state *st, const char *text, const prism_token *tok,
                          size_t a, size_t b)
{
    /* not a line opened by a dateline ("OMAHA, Neb., Feb 26 - ...") */
    if (a >= b || st->info[a].sent_case != NER_SC_TITLE ||
        (a + 1 < b && st->info[a].cap == NER_CAP_UPPER &&
         text[tok[a + 1].start] == ','))
        return;
    /* not a sentence that ends in a full stop and writes two longer
     * words in lower case, or a verb in "-ed" or "-ing" ("The Grand Duchy
     * of Tuscany was annexed by France."): names make most of its words
     * capitalised, not a headline's style */
    size_t z = b, n_low = 0;
    while (z > a && !st->info[z - 1].alpha && text[tok[z - 1].start] != '.')
        z--;
    if (z > a && text[tok[z - 1].start] == '.' &&
        tok[z - 1].end - tok[z - 1].start == 1)
        for (size_t i = a; i < b; i++) {
            const char *w = text + tok[i].start;
            size_t n = tok[i].end - tok[i].start;
            if (!st->info[i].alpha || st->info[i].cap != NER_CAP_LOWER ||
                st->info[i].len <= 3)
                continue;
            if (++n_low >= 2 || (n > 4 && !memcmp(w + n - 2, "ed", 2)) ||
                (n > 5 && !memcmp(w + n - 3, "ing", 3)))
                return;
        }
    /* the gazetteer's names, not the head words such as "Album" */
    const uint32_t names =
        (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) | (1u << NER_G_STATE) |
        (1u << NER_G_LOC) | (1u << NER_G_PERSON) | (1u << NER_G_FIRST) |
        (1u << NER_G_ORG) | (1u << NER_G_NORP) | (1u << NER_G_MISC) |
        (1u << NER_G_ALIAS) | (1u << NER_G_REGION);
    const uint32_t given = (1u << NER_G_FIRST) | (1u << NER_G_GIVEN);
    const uint32_t heads = (1u << NER_G_ORGWORD) | (1u << NER_G_LOCWORD) |
                           (1u << NER_G_ORGHEAD) | (1u << NER_G_FACHEAD);
    bool lower[ENT_CHUNK] = {false};
    size_t n_lower = 0, n_cap = 0;
    for (size_t i = a; i < b; i++) {
        const ner_info *t = &st->info[i];
        n_cap += !t->first && t->alpha && t->cap != NER_CAP_LOWER;
        const char *s = text + tok[i].start;
        size_t n = tok[i].end - tok[i].start;
        lower[i - a] = !t->first && t->cap == NER_CAP_TITLE && !t->dot &&
                       n <= NER_MAXWORD && s[0] >= 'A' && s[0] <= 'Z' &&
                       t->lex != NER_LEX_NONE && t->lex % 3 < t->lex / 3 &&
                       !(t->gaz & names) && !(t->doc_case & 6);
        /* a surname after a given name or an initial ("Stuart Law",
         * "M. Butcher"), a state after its town ("Fairbury, Ill"); a
         * company's, a place's word after a capitalised word, and the word
         * before it ("Roosevelt Financial Group") */
        const ner_info *p = i > a ? &st->info[i - 1] : NULL;
        if (lower[i - a] && p &&
            ((p->gaz & given) ||
             (p->cap == NER_CAP_UPPER && p->dot &&
              tok[i - 1].end - tok[i - 1].start == 2) ||
             (i >= a + 2 && n <= 4 && text[tok[i - 1].start] == ',' &&
              st->info[i - 2].cap == NER_CAP_TITLE)))
            lower[i - a] = false;
        if (p && (t->gaz & heads) && p->alpha && p->cap != NER_CAP_LOWER) {
            lower[i - a] = false;
            lower[i - 1 - a] = false;
        }
    }
    for (size_t i = a; i < b; i++)
        n_lower += lower[i - a];
    /* a headline: at least two such words and half the capitalised ones
     * (a line of names, "Guy Forget (France) beat Felix Mantilla", is not) */
    if (n_lower < 2 || n_lower * 2 < n_cap)
        return;
    uint8_t doc_case[ENT_CHUNK] = {0};
    for (size_t i = a; i < b; i++)
        doc_case[i - a] = st->info[i].doc_case;
    analyse_run(st, text, tok, a, b, lower);
    for (size_t i = a; i < b; i++)
        st->info[i].doc_case = doc_case[i - a];
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

/* Is token i, in any case and with its accents folded ("Île" is "ile"),
 * one of the n words of list (written in lower-case ASCII)? */
static bool hashed_in(const state *st, size_t i, const char *const *list,
                      size_t n)
{
    uint32_t h = st->info[i].h_lower;
    for (size_t k = 0; k < n; k++)
        if (h == ner_hash_bytes(list[k], strlen(list[k]), 2))
            return true;
    return false;
}

static uint64_t word_rule(const state *st, size_t i);
static bool power_plant(const state *st, size_t a, size_t b);
static bool sky_body(const state *st, const char *text, const prism_token *tok,
                     size_t a);
static bool described_as_person(const state *st, const char *text,
                                const prism_token *tok, size_t ntok, size_t a,
                                size_t b);

/* Is token i, in lower case, a noun of natural places ("the river
 * Ljubljanica", "the Khwae Noi river", "the Kivu and Tanganyika lakes")? */
static bool natural_noun(const state *st, size_t i)
{
    return i < st->ntok_cur && st->info[i].cap == NER_CAP_LOWER &&
           (word_rule(st, i) & WR_NATURAL);
}

/* Is token i the word that ends the names of a country's divisions
 * ("Sverdlovsk Oblast", "Batken Province"; not "County", which ends
 * clubs' names too, "Notts County")? */
static bool division_head(const state *st, size_t i)
{
    static const char *const heads[] = {
        "province",     "oblast", "prefecture", "governorate", "voivodeship",
        "municipality", "krai",   "canton",     "raion"};
    return st->info[i].cap == NER_CAP_TITLE &&
           hashed_in(st, i, heads, sizeof heads / sizeof *heads);
}

/* Is the name [a, b) an opera company or an orchestra, not a work: "Opera"
 * or "Symphony" after a place's name or after "National", "State",
 * "Royal" or the like ("Metropolitan Opera", "Welsh National Opera",
 * "Boston Symphony"; not "The Threepenny Opera", "Pastoral Symphony")? */
static bool opera_company(const state *st, size_t a, size_t b)
{
    static const char *const ends[] = {"opera", "symphony"};
    static const char *const kinds[] = {"national",     "state", "royal",
                                        "metropolitan", "lyric", "city",
                                        "civic",        "grand"};
    if (b - a < 2 || !hashed_in(st, b - 1, ends, 2))
        return false;
    return hashed_in(st, b - 2, kinds, sizeof kinds / sizeof *kinds) ||
           (gaz_mask(phrase_gaz(st, a, b - 1)) &
            ((1u << NER_G_CITY) | (1u << NER_G_COUNTRY) | (1u << NER_G_STATE)));
}

/* Does the name [a, b) open with a word of natural places in French,
 * Spanish or Italian ("Col de l’Iseran", "Lac Léman", "Isla Mujeres";
 * not "Cerro", which opens clubs' names too, "Cerro Porteño"), or with
 * "Château" before "de" ("Château de By")? */
static bool romance_place(const state *st, size_t a, size_t b)
{
    static const char *const heads[] = {
        "col",    "lac",        "pic",   "puy",    "ile", /* île */
        "massif", "gorges",     "lago",  "laguna", "isla",
        "pizzo",  "cordillera", "volcan"};
    static const char *const chateau[] = {"chateau"};
    static const char *const of[] = {"de", "du", "des", "d"};
    if (b - a < 2 || st->info[a].cap != NER_CAP_TITLE ||
        (gaz_mask(phrase_gaz(st, b - 1, b)) &
         ((1u << NER_G_ORGWORD) | (1u << NER_G_ORGHEAD))))
        return false; /* "Lac Minerals Ltd" */
    if (hashed_in(st, a, heads, sizeof heads / sizeof *heads))
        return true;
    return hashed_in(st, a, chateau, 1) && hashed_in(st, a + 1, of, 4);
}

/* Is [a, b) a mountain's or a valley's name in another language ("Monte
 * Baldo", "Cerro Torre", "Piz Bernina", "Val di Non"; not "Val Kilmer")?
 * Only for what is no body already ("Monte dei Paschi", "Cerro Porteño"
 * are a bank and a club). */
static bool peak_or_valley(const state *st, size_t a, size_t b)
{
    static const char *const peaks[] = {"monte", "monti", "piz", "pico",
                                        "cerro"};
    static const char *const vals[] = {"val", "valle", "vallee"};
    static const char *const of[] = {"di", "de", "del", "d", "da", "des"};
    if (b - a < 2 || st->info[a].cap != NER_CAP_TITLE)
        return false;
    if (hashed_in(st, a, peaks, sizeof peaks / sizeof *peaks))
        return true;
    return b - a >= 3 && hashed_in(st, a, vals, 3) &&
           st->info[a + 1].cap == NER_CAP_LOWER &&
           hashed_in(st, a + 1, of, sizeof of / sizeof *of);
}

static bool planet(const state *st, const char *text, const prism_token *tok,
                   size_t i);

/* Is token i the word "Market"? */
static bool market(const state *st, size_t i)
{
    return st->info[i].cap == NER_CAP_TITLE && (word_rule(st, i) & WR_MARKET);
}

/* Is the name [a, b) a venue's by its words: a theatre, cinema, opera or
 * hall ("Abbey Theatre", "Théâtre du Rideau Vert", "Massey Hall"), a café
 * ("Café El Nacional"), a tennis court ("Centre Court"), a golf course
 * ("Houghton Golf Club")? */
static bool venue(const state *st, size_t a, size_t b)
{
    static const char *const ends[] = {"theatre", "theater", "theatro",
                                       "teatro",  "cinema",  "cine",
                                       "opera",   "hall"};
    static const char *const courses[] = {"golf", "country"};
    static const char *const club[] = {"club"};
    static const char *const starts[] = {"theatre", "theatro", "teatro", "cafe",
                                         "caffe"};
    static const char *const centre[] = {"centre", "center"};
    static const char *const court[] = {"court"};
    return b - a >= 2 &&
           (hashed_in(st, b - 1, ends, sizeof ends / sizeof *ends) ||
            hashed_in(st, a, starts, sizeof starts / sizeof *starts) ||
            (b - a == 2 && hashed_in(st, a, centre, 2) &&
             hashed_in(st, a + 1, court, 1)) ||
            (b - a >= 3 && hashed_in(st, b - 1, club, 1) &&
             hashed_in(st, b - 2, courses, 2)));
}

/* Refines the model's type into a published label. */
static bool facility_head(const state *st, size_t i);
static bool club_start(const state *st, size_t a, size_t b);
static bool site_noun(const state *st, size_t i);

/* Is token i, capitalised, the last word of a street's name ("Street",
 * "Drive", "Highway")? */
static bool street_word(const state *st, size_t i)
{
    return st->info[i].cap == NER_CAP_TITLE && (word_rule(st, i) & WR_STREET);
}

static bool foreign_site(const state *st, size_t i);

/* Does the name [a, b), a museum's, theatre's or hospital's, act as the
 * institution, the subject of what only a body does ("The Hong Kong
 * Palace Museum has signed an agreement", "Te Rēhia Theatre performed")?
 * Where things happen it is the building, a place ("at the Fries
 * Museum"). */
static bool institution_acts(const state *st, size_t a, size_t b)
{
    static const char *const at[] = {"at",   "in",   "inside", "outside",
                                     "near", "from", "to"};
    if (b - a < 2 || b >= st->ntok_cur || st->info[b].cap != NER_CAP_LOWER ||
        st->info[b - 1].cap != NER_CAP_TITLE ||
        !(word_rule(st, b - 1) & WR_INSTIT) || !(word_rule(st, b) & WR_BODYACT))
        return false;
    /* not where things happen: "at Fukuoka Kokusai Center had sold out" */
    return !(
        a > 0 &&
        (hashed_in(st, a - 1, at, sizeof at / sizeof *at) ||
         (a > 1 && st->info[a - 1].h_lower == ner_hash_bytes("the", 3, 2) &&
          hashed_in(st, a - 2, at, sizeof at / sizeof *at))));
}

static bool club_adjective(const char *text, const prism_token *tok, size_t a,
                           size_t b);

/* Is the name [a, b) a sports league's, by its words? */
static bool sports_league(const state *st, size_t a, size_t b)
{
    static const char *const leagues[] = {
        "premiership", "eredivisie", "bundesliga", "laliga",
        "brasileirao", "superliga",  "ekstraklasa"};
    static const char *const sports[] = {
        "pro",        "premier",  "super",   "basketball", "rugby",
        "hockey",     "soccer",   "cricket", "bash",       "baseball",
        "volleyball", "handball", "netball", "futsal"};
    static const char *const openers[] = {"liga", "ligue", "serie",
                                          "campeonato"};
    static const char *const sexes[] = {"men", "women"};
    static const char *const league[] = {"league", "a-league"};
    size_t z = b - 1;
    if (z > a && hashed_in(st, z, sexes, 2)) /* "A-League Men" */
        z--;
    if (hashed_in(st, z, leagues, sizeof leagues / sizeof *leagues))
        return true;
    if (hashed_in(st, z, league, 2))
        return z > a ? hashed_in(st, z - 1, sports,
                                 sizeof sports / sizeof *sports)
                     : st->info[z].len > 6; /* "A-League" */
    return b - a >= 2 && st->info[a].cap == NER_CAP_TITLE &&
           hashed_in(st, a, openers, sizeof openers / sizeof *openers);
}

static bool plural_people(const state *st, size_t a, size_t b);

static uint8_t refine(const state *st, int type, size_t a, size_t b,
                      uint32_t *canon)
{
    static const char *const towns[] = {"puerto", "ciudad"};
    const struct ner_gslot *g = phrase_gaz(st, a, b);
    const struct ner_gslot *last = phrase_gaz(st, b - 1, b);
    *canon = g ? g->canon : 0;
    /* "Puerto Williams", "Ciudad Obregón": a town, not a person */
    if (type == NER_PER && b - a >= 2 && hashed_in(st, a, towns, 2))
        type = NER_LOC;
    /* A sports league is MISC, as CoNLL-2003 marks "American League" and
     * "Bundesliga": "Saudi Pro League", "Big Bash League", "A-League
     * Men", "Betway Premiership", "Liga Profesional", "Campeonato
     * Brasileiro Série A" (not "Arab League", "Awami League") */
    if (type != NER_PER && sports_league(st, a, b))
        return L_MISC;
    /* "Goiás Esporte Clube", "Astra Graphia Tbk", "Laticínios Serra
     * Azul Ltda": a club's or a firm's word in another language */
    static const char *const firms[] = {
        "clube",        "esporte",     "futebol",  "deportivo", "desportivo",
        "calcio",       "tbk",         "berhad",   "ltda",      "sarl",
        "srl",          "gmbh",        "oyj",      "werke",     "molkerei",
        "brauerei",     "logistiek",   "logistik", "eksport",   "bouwbedrijf",
        "advokatfirma", "bussan",      "kogyo",    "sangyo",    "verlag",
        "spedition",    "maschinenbau"};
    if ((type == NER_PER || type == NER_LOC) && b - a >= 2)
        for (size_t i = a; i < b; i++)
            if (st->info[i].cap != NER_CAP_LOWER &&
                hashed_in(st, i, firms, sizeof firms / sizeof *firms))
                return L_ORG;
    /* "Ponte Luiz I", "Place Mohamed Ali", "Teleférico de Madrid": a
     * bridge, a square, a cable car, LOC (a town a list knows stays GPE;
     * "Stade Brestois" is a club, club_adjective()) */
    if ((type == NER_PER || type == NER_LOC ||
         (type == NER_ORG &&
          !(gaz_mask(last) & ((1u << NER_G_ORGHEAD) | (1u << NER_G_ORG) |
                              (1u << NER_G_ORGWORD))))) &&
        b - a >= 2 && foreign_site(st, a) &&
        !(gaz_mask(g) & ((1u << NER_G_CITY) | (1u << NER_G_STATE) |
                         (1u << NER_G_COUNTRY)))) /* "Puente Alto" */
        return club_adjective(st->text_cur, st->tok_cur, a, b) ? L_ORG : L_LOC;
    /* "Catholic Church", "Russian Orthodox Church", "United Methodist
     * Church": a religion and "Church" is the church, an organisation,
     * not a building ("St Mary's Church"). */
    if (b - a >= 2 && type != NER_PER &&
        st->info[b - 1].h_lower == ner_hash_bytes("church", 6, 2))
        for (size_t i = a; i + 1 < b; i++)
            if (has(phrase_gaz(st, i, i + 1), NER_G_NORP))
                return L_ORG;
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
        /* an era: "the Bronze Age", "the Middle Ages", "the Meiji Era";
         * a body only after "the" (not "Advertising Age", "A New Era") */
        static const char *const eras[] = {"age", "ages", "era"};
        if (type != NER_MISC && st->info[b - 1].cap == NER_CAP_TITLE &&
            hashed_in(st, b - 1, eras, 3) &&
            (type != NER_ORG ||
             (a > 0 && st->info[a - 1].h_lower == ner_hash_bytes("the", 3, 2))))
            type = NER_MISC;
        else if ((type == NER_ORG || type == NER_LOC) &&
                 (head & (1u << NER_G_MISCHEAD)) && !opera_company(st, a, b) &&
                 /* not a body "of" its field: "the Department of War",
                  * "Ministry of War" */
                 !(type == NER_ORG && b - a >= 3 &&
                   st->info[a + 1].h_lower == of &&
                   (gaz_mask(phrase_gaz(st, a, a + 1)) &
                    ((1u << NER_G_ORGWORD) | (1u << NER_G_ORGHEAD)))))
            type = NER_MISC;
        else if (type == NER_ORG &&
                 ((head & (1u << NER_G_FACHEAD)) || division_head(st, b - 1) ||
                  street_word(st, b - 1) || /* "College Drive" */
                  romance_place(st, a, b)) &&
                 !institution_acts(st, a, b))
            type = NER_LOC;
        else if (type != NER_ORG && (head & (1u << NER_G_ORGHEAD)))
            type = NER_ORG;
        else if (type != NER_ORG && club_start(st, a, b))
            type = NER_ORG;
    }
    switch (type) {
    case NER_PER:
        return L_PERSON;
    case NER_ORG:
        return L_ORG;
    case NER_LOC:
        if (has(g, NER_G_REGION) ||
            (b - a == 1 && planet(st, st->text_cur, st->tok_cur, a)))
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
        if (a + 1 < b && (has(phrase_gaz(st, a, a + 1), NER_G_LOCWORD) ||
                          romance_place(st, a, b) || peak_or_valley(st, a, b)))
            return L_LOC; /* Mount Everest, Lake Victoria, Lac Léman */
        if (has(g, NER_G_LOC))
            return L_LOC;
        if (b - a > 1 &&
            (facility_head(st, b - 1) || street_word(st, b - 1) ||
             venue(st, a, b) || market(st, b - 1) || power_plant(st, a, b)))
            return L_LOC; /* Heathrow Airport, the Grand Hotel: no GPE */
        if (natural_noun(st, b) || (a > 0 && natural_noun(st, a - 1)) ||
            site_noun(st, b) || sky_body(st, st->text_cur, st->tok_cur, a))
            return L_LOC; /* "the Lalit hotel": a site, no GPE */
        return L_GPE;
    default: /* "Bosnian Serb", "U.S.-Japanese", not "Order of the Red
                Banner of Labour" */
        if (has(g, NER_G_NORP) ||
            (has(last, NER_G_NORP) && (b - a <= 2 || !st->info[b - 2].alpha)) ||
            plural_people(st, a, b))
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

/* The start of the tagged span that ends at token i (tag L or U). */
static size_t span_start(const state *st, size_t i)
{
    size_t s = i;
    while (s > 0 && ner_tag_part(st->tags[s]) != NER_B &&
           ner_tag_part(st->tags[s]) != NER_U)
        s--;
    return s;
}

/* The span rules' word classes (WORD_RULES, below). */
enum word_rule {
    WR_EDGE = 1,        /* function words: never the first or last word of a
                           name ("Canada If", "From Indian Oil Building") */
    WR_LEAD = 2,        /* words before a person's name that are not part of
                           it: greetings, forms of address, kin ("Dear Nina",
                           "Aunt Toni", "Doctor Hank") */
    WR_NOTNAME = 4,     /* a word alone that is never a name: abbreviations and
                           acronyms of common nouns, days, months, currencies,
                           interjections ("CEO", "ASAP", "Sundays", "Euros") */
    WR_TIME = 8,        /* months: not the first word of a name ("March
                           Eurodollars", "August Chicago NAPM") but of an
                           event's ("October Revolution") */
    WR_ORGN = 16,       /* lower-case nouns naming what an organisation is,
                           just before its name ("the telecoms company Iliad",
                           "the film studio MGM", "the newspaper L'Auto") */
    WR_ORGS = 32,       /* those of them that a person's name never follows */
    WR_PERN = 64,       /* lower-case nouns naming what a person is, just
                           before the name ("the poet Byron", "his adopted
                           heir Octavian", "the muralist Diego Rivera") */
    WR_LANG = 128,      /* languages, religions, planets (places only
                           where planet() says so), a few awards: names,
                           but no person, organisation or place
                           ("Swahili", "Buddhism", "Saturn", "Grammys") */
    WR_EPON = 256,      /* lower-case nouns after a name that make it a
                           modifier of a thing named after it ("Higgs boson",
                           "Bernoulli numbers", "Parkinson's disease", "James
                           Bond films", "Dove soap") */
    WR_STAKE = 512,     /* "stake in", "shares of": an organisation follows */
    WR_PRIZE = 1024,    /* a prize's word, going on through "in" ("Nobel
                           Prize in Chemistry") */
    WR_LOCPRE = 2048,   /* words that start a place's name ("Lake
                           Titicaca", "Mount Fuji") */
    WR_MISCH = 4096,    /* last words of names of things that are neither
                           organisations nor places: instruments, vehicles,
                           tours ("James Webb Space Telescope", "Eras Tour") */
    WR_WORKN = 8192,    /* lower-case nouns naming a work or product, just
                           before its name ("the program AlphaGo", "the
                           album Revolver", "the aircraft carrier
                           Enterprise") */
    WR_FACH = 16384,    /* last words of buildings' and streets' names that
                           the gazetteer's list lacks ("Hohensalzburg
                           Fortress", "Bornholmer Strasse") */
    WR_LOCORG = 32768,  /* place words that also end organisations' names
                           ("Disney Channel", "Nottingham Forest") */
    WR_ORGH = 65536,    /* last words of organisations' names that no place,
                           person or work ends with ("High Court", "Republic
                           Records", "Qatar Sports Investments") */
    WR_FACPRE = 131072, /* first words of buildings' and squares' names in
                           other languages, before "de", "del", "di"...
                           ("Place de la Nation", "Plaza de Mayo") */
    WR_PARTICLE = 262144,  /* de, du, della, pour, und, z...: particles that
                              join the words of names in other languages */
    WR_POLITY = 524288,    /* last words of states' and walls' names after a
                              nationality or a place ("Russian Empire",
                              "Berlin Wall") */
    WR_WON = 1048576,      /* "won the" X: a prize or a contest */
    WR_STUDY = 2097152,    /* "studied at" X, "taught at" X: a school */
    WR_BUSN = 4194304,     /* X's "shares", "chief executive": a company */
    WR_MISCPRE = 8388608,  /* first words of storms' and operations' names
                              ("Hurricane Katrina") */
    WR_TAIL = 16777216,    /* never the last word of a name: articles
                              ("Debra Perlingiere The only agreement") */
    WR_GREET = 33554432,   /* nor these, which start the next line of a
                              letter; a person's name ends before them
                              ("Vince Dear All", "Phillip Allen Let me
                              know") */
    WR_TOWARD = 67108864,  /* "in", "to", "near"...: a lower-case place may
                              follow ("weed in auckland") */
    WR_DEED = 134217728,   /* what only a person does, said right after the
                              name ("Darwin wrote", "Newton formulated") */
    WR_ADVERB = 268435456, /* adverbs between a name and its verb ("Newton
                              later wrote") */
    WR_KIN = 536870912,    /* kin and what else only a person has, after
                              a name and "'s"
                              ("Hamilton's wife") */
    WR_MADE = 1073741824,  /* WR_EPON's works and products: after "'s" they
                              are the maker's ("Tolstoy's novels"), not
                              named after him ("Parkinson's disease") */
};

/* The last bit, beyond an enumeration's int: words that open
 * organisations' names in other languages, accents folded ("Grupo",
 * "Éditions", "Fondazione"; foreign_org_starts()). */
#define WR_ORGSTART 0x80000000u

static bool is_title(const state *st, size_t a, size_t b);

/* "of" at token j, maybe "the", and a name of the type: the end of that
 * name, which the name before "of" goes on to; else j. */
static size_t through_of(const state *st, size_t ntok, size_t j, int type)
{
    size_t k = j + 1;
    if (k + 1 < ntok && st->info[k].h_lower == ner_hash_bytes("the", 3, 2))
        k++;
    if (st->tags[k] == ner_tag(type, NER_B) ||
        st->tags[k] == ner_tag(type, NER_U))
        return span_end(st, ntok, k);
    return j;
}

/* The end of the name that starts at token i: its tagged span, and on
 * through "for" or "of" into the next name when the span ends in an
 * event or award word ("Academy Award" for "Best Picture" is one name;
 * the averaged models split it), or through "in" when it ends in a
 * prize's word and no place follows ("Nobel Prize in Chemistry", not
 * "Grammy Awards in Los Angeles"). At most 32 tokens. */
static size_t name_end(const state *st, size_t ntok, size_t i)
{
    uint32_t of = ner_hash_bytes("of", 2, 2);
    uint32_t for_ = ner_hash_bytes("for", 3, 2);
    uint32_t in = ner_hash_bytes("in", 2, 2);
    size_t j = span_end(st, ntok, i);
    while (
        j + 1 < ntok && j - i < 32 &&
        (ner_tag_part(st->tags[j + 1]) == NER_B ||
         ner_tag_part(st->tags[j + 1]) == NER_U) &&
        (((st->info[j].h_lower == of || st->info[j].h_lower == for_) &&
          has(phrase_gaz(st, j - 1, j), NER_G_MISCHEAD)) ||
         (st->info[j].h_lower == in && st->info[j - 1].cap == NER_CAP_TITLE &&
          (word_rule(st, j - 1) & WR_PRIZE) &&
          ner_tag_type(st->tags[j + 1]) != NER_LOC))) /* not "in Los Angeles" */
        j = span_end(st, ntok, j + 1);
    /* "Francis of Assisi", "Catherine of Aragon": a given name alone and
     * "of" and a one-word person or place is one person's name; not a
     * country's ("Nasser of Egypt", rulers_of_countries()) unless a
     * monarch's title comes first ("Queen Constance of Hungary"). */
    if (j == i + 1 && j + 1 < ntok && st->tags[i] == ner_tag(NER_PER, NER_U) &&
        st->info[j].h_lower == of && st->info[j + 1].cap == NER_CAP_TITLE &&
        (st->tags[j + 1] == ner_tag(NER_PER, NER_U) ||
         st->tags[j + 1] == ner_tag(NER_LOC, NER_U)) &&
        has(phrase_gaz(st, i, i + 1), NER_G_FIRST) &&
        (!has(phrase_gaz(st, j + 1, j + 2), NER_G_COUNTRY) ||
         (i > 0 &&
          (is_title(st, i - 1, i) || (word_rule(st, i - 1) & WR_LEAD)))))
        j += 2;
    /* "Russian" "Empire", "Berlin" "Wall": a one-word name and a state's
     * or wall's word tagged apart are one place. */
    if (j < ntok && ner_tag_part(st->tags[j]) == NER_U &&
        st->info[j].cap == NER_CAP_TITLE && (word_rule(st, j) & WR_POLITY) &&
        j == i + 1 && ner_tag_type(st->tags[i]) != NER_PER &&
        st->tok_cur[j].start == st->tok_cur[i].end + 1 &&
        st->text_cur[st->tok_cur[i].end] == ' ')
        j++;
    /* "International Committee" of the "Red Cross": an organisation
     * ending in an organisation's word, "of" ("the"), and another one. */
    if (ner_tag_type(st->tags[i]) == NER_ORG && j + 1 < ntok &&
        st->info[j].h_lower == of &&
        (gaz_mask(phrase_gaz(st, j - 1, j)) &
         ((1u << NER_G_ORGWORD) | (1u << NER_G_ORGHEAD))))
        j = through_of(st, ntok, j, NER_ORG);
    /* "Congress" of "the Republic of Peru", "Academy of Sciences" of the
     * "USSR": an institution's body (its first or last word says so), "of"
     * ("the") and the place it serves are one name (not a firm's, "Acme
     * Corp of Chicago"). */
    static const char *const bodies[] = {
        "congress",   "assembly",   "academy",   "parliament", "senate",
        "council",    "court",      "chamber",   "ministry",   "committee",
        "commission", "federation", "union",     "league",     "party",
        "church",     "institute",  "authority", "university", "army"};
    if (ner_tag_type(st->tags[i]) == NER_ORG && j + 1 < ntok &&
        st->info[j].h_lower == of && st->info[j - 1].cap == NER_CAP_TITLE &&
        (hashed_in(st, j - 1, bodies, sizeof bodies / sizeof *bodies) ||
         hashed_in(st, i, bodies, sizeof bodies / sizeof *bodies)))
        j = through_of(st, ntok, j, NER_LOC);
    return j;
}

/* Is the person's name [a, j) one word said twice, as a name ("the
 * adviser Abdullah Abdullah, came second", "Abdullah Abdullah said")
 * rather than a signature and a greeting ("lunch today. Vince Vince, the
 * agenda", "Traci Traci, I have"): inside a sentence, after a lower-case
 * word, or with one right after it? */
static bool name_repeats(const state *st, const char *text,
                         const prism_token *tok, size_t a, size_t j)
{
    if (j != a + 2)
        return false;
    /* the text's own case: a sentence's first word may read as lower */
    return (a > 0 && text[tok[a - 1].start] >= 'a' &&
            text[tok[a - 1].start] <= 'z') ||
           (j < st->ntok_cur && text[tok[j].start] >= 'a' &&
            text[tok[j].start] <= 'z');
}

/* Is the token a Roman numeral from II to XXX (not "I", a pronoun)? */
static bool roman(const char *text, const prism_token *t)
{
    size_t n = t->end - t->start;
    if (n < 2 || n > 5)
        return false;
    for (size_t k = 0; k < n; k++)
        if (!strchr("IVX", text[t->start + k]))
            return false;
    return true;
}

/* Is token i a regnal number of one letter, "V", "X", or "I" where no
 * word in lower case follows it (the pronoun)? Or such a letter with the
 * full stop that ends its sentence, which the tokenizer keeps with it as
 * an initial's ("King Joseph I.")? */
static bool regnal_letter(const state *st, const char *text,
                          const prism_token *tok, size_t i)
{
    size_t n = tok[i].end - tok[i].start;
    if (n != 1 && !(n == 2 && text[tok[i].start + 1] == '.'))
        return false;
    char c = text[tok[i].start];
    return c == 'V' || c == 'X' ||
           (c == 'I' &&
            (i + 1 >= st->ntok_cur || st->info[i + 1].cap != NER_CAP_LOWER));
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

/* ---- span rules ------------------------------------------------------------
 *
 * What a tagger trained on Reuters news gets wrong in other prose, put
 * right after tagging, by small closed word lists (written for prism). */

static const struct {
    uint64_t bits;
    const char *words; /* lower case, separated by spaces */
} WORD_RULES[] = {
    {WR_EDGE,
     "a an and or nor but if so because although though whether "
     "this that these those what which who whom whose when where why how "
     "i you he she it we they me him them my your his its our their "
     "is are was were been does did has have had not no yes "
     "to from for with without by at into onto upon about after before "
     "during via please thanks here there of in on as since until unless "
     "while now below beneath behind above across along among amid "
     "toward towards within against despite throughout"},
    {WR_TAIL, "the a an"},
    {WR_TOWARD, "in to from near at around across into visit visiting "
                "visited"},
    {WR_GREET, "let attached"},
    {WR_DEED, "wrote married died studied composed painted formulated "
              "enrolled lectured "
              "graduated retired resigned recalled confessed testified "
              "smiled laughed replied sang starred invented rode travelled "
              "traveled taught emigrated fled trained"},
    {WR_ADVERB, "later also then soon once first famously reportedly"},
    {WR_KIN, "wife husband father mother son daughter sons daughters "
             "brother sister brothers sisters parents widow widower "
             "grandfather grandmother uncle aunt nephew niece fiancee "
             "fiance girlfriend boyfriend theory theories death funeral "
             "grave tomb career memoir memoirs biography autobiography "
             "reign assassination childhood birthplace"},
    {WR_LEAD | WR_GREET,
     "dear hi hey hello hiya greetings thanks thank cheers regards "
     "sincerely attn fyi ps p.s."},
    {WR_LEAD,
     "congratulations congrats welcome love born "
     "morning afternoon evening night good doctor doc aunt auntie uncle "
     "grandma grandpa granny cousin brother sister mom mum mother dad "
     "father mr mr. mrs mrs. ms ms. dr dr. coach teacher "
     "officer nurse pastor count countess duchess baroness viscount "
     "marquis marquess margrave tsar czar tsarina empress caliph khedive "
     "mansa hetman shaykh abuna ras mirza maharaja maharajah nawab negus "
     "archduke archduchess patriarch abbot abbess monsignor deacon friar "
     "sheriff detective prosecutor marshal brigadier commodore corporal "
     "baron kabaka fr fr. alderman councillor councilman councilwoman "
     "alhaji alhaja datuk dato datin seri shri shrimati smt hon hon. engr "
     "engr. justices oba ratu maulana mufti doña dona aunty ustaz ustadh "
     "haji hajjah hajah bapak ibu khun daw thiru thirumathi phra kagawad "
     "regent datu maulvi mawlawi rt rt. cllr cllr. coun coun. revd "
     "lt cdr cmdr maj gen brig capt sgt cpl "
     "burgermeisterin oberburgermeisterin landratin ministerprasidentin "
     "bundeskanzlerin senatorin stadtratin "
     "supt supt. commissioner frau herr monsieur madame "
     "mme mme. "
     "mlle senor senora senorita signor signora signorina senhor senhora"},
    {WR_NOTNAME,
     "asap fyi rsvp aka eta diy faq lol lmao rofl omg btw imo imho wtf "
     "ok okay tbd tba n/a a.m. p.m. am pm ceo cfo coo cto cio vp svp evp "
     "phd mba ipo rfp rfq roi gdp gnp cpi vat pdf jpg ngo ngos "
     "docs xls url html http https www email e-mail tv dvd vhs cd cds "
     "pc pcs usb gps sms atm id ids dna rna hiv adhd dui seo diy mp3 "
     "monday tuesday wednesday thursday friday saturday sunday mondays "
     "tuesdays wednesdays thursdays fridays saturdays sundays mon tue "
     "tues wed thu thur thurs fri sat january "
     "february march july august september october november december "
     "euros dollar dollars yen pound pounds sterling cent cents peso "
     "pesos rupee rupees yuan renminbi rouble roubles ruble rubles franc "
     "francs lira dinar dinars shekel shekels bitcoin hi hey hello heh "
     "thanks yes no yep nope nah yeah yup wow bc bce please plz pls thx "
     "i.e. e.g. i.e e.g "
     /* the abbreviations of results tables ("Shr 12 cts vs 10 cts",
      * "Qtly div", "Oper net", "Avg shrs", "Natl loan rate") */
     "shr shrs oper qtly qtr avg avge div divs mths revs dlrs natl libor "
     /* "; Additional reporting by" */
     "additional "
     /* a company's designator alone, split from its name by a line break
      * or a bracket ("Hutchison Whampoa\nLtd") */
     "ltd inc corp plc llc gmbh"},
    {WR_TIME, "january february march april may june july august september "
              "october november december jan"},
    /* months' abbreviations: never a name alone ("Feb 26"), but "Jan" may
     * be a given name */
    {WR_TIME | WR_NOTNAME,
     "feb mar apr jun jul aug sep sept oct nov dec jan. feb. mar. apr. jun. "
     "jul. aug. sep. sept. oct. nov. dec."},
    {WR_ORGN | WR_ORGS,
     "company companies firm firms carmaker automaker chipmaker "
     "conglomerate retailer airline insurer lender bank bank's "
     "startup start-up broadcaster newspaper newspapers daily weekly "
     "magazine tabloid journal periodical band club clubs franchise label "
     "brewer manufacturer subsidiary charity ngo consultancy meatpacker "
     "meatpackers drugmaker drugmakers steelmaker shipbuilder refiner "
     "biotech utility telco studio studios platform platforms website "
     "websites portal outlet watchdog regulator fintech fintechs "
     "concessionaire brewery distillery winery dairy cooperative exporter "
     "importer wholesaler haulier hauliers papermaker"},
    {WR_ORGN, "maker makers group publisher distributor team "
              "agency party network channel fund outfit developer supplier "
              "operator miner chain store ensemble orchestra choir troupe"},
    {WR_PERN,
     "poet writer author novelist playwright dramatist essayist painter "
     "artist sculptor muralist composer musician singer songwriter rapper "
     "guitarist pianist violinist conductor actor actress comedian "
     "director filmmaker photographer architect designer philosopher "
     "theologian scientist physicist chemist biologist mathematician "
     "astronomer economist historian sociologist psychologist journalist "
     "naturalist inventor engineer explorer navigator astronaut "
     "cosmonaut aviator emperor empress pharaoh heir son daughter wife "
     "husband brother sister widow nephew niece grandson granddaughter "
     "striker midfielder defender goalkeeper quarterback pitcher "
     "sprinter cyclist boxer golfer monk nun priest missionary prophet god "
     "goddess deity "
     "apostle businessman businesswoman entrepreneur banker financier "
     "tycoon philanthropist billionaire clergyman politician dictator "
     "general admiral coach winger footballer cricketer batsman jockey "
     "skier swimmer gymnast successor predecessor governor founder "
     "cofounder prince princess king queen mother father uncle aunt cousin "
     "shoemaker farmer merchant carpenter blacksmith tailor weaver baritone "
     "tenor soprano contralto executive chairman chairwoman strategist "
     "hooker flanker fly-half scrum-half halfback paceman spinner batter "
     "bowler wicketkeeper physician surgeon doctor scholar alchemist "
     "astrologer geographer cartographer calligrapher courtier statesman "
     "mystic diplomat lawyer activist grandmaster wrestler samurai shogun "
     "sultan caliph cartoonist humorist illustrator satirist chef curator "
     "botanist zoologist geologist seismologist anthropologist "
     "archaeologist linguist lyricist bandleader trombonist saxophonist "
     "drummer bassist cellist organist harpist trumpeter percussionist "
     "vocalist runner immigrant settler captain sailor soldier "
     "warrior nurse professor paediatrician pediatrician psychiatrist "
     "neurologist epidemiologist virologist geneticist emir shah tsar "
     "maid narrator heroine hero schoolboy schoolgirl performer "
     "calypsonian villain protagonist servant steward executioner guardian "
     "vizier squire concubine consort regent chancellor envoy ambassador "
     "chronicler scribe hermit mentor pupil student teacher friend critic "
     "dwarf crook thief smuggler magician sorcerer wizard witch "
     "storyteller mountaineer climber welder"},
    {WR_LANG,
     "swahili hausa yoruba igbo zulu xhosa amharic tigrinya somali oromo "
     "wolof afrikaans urdu hindi bengali punjabi tamil telugu marathi "
     "gujarati kannada malayalam sinhala sinhalese nepali tibetan burmese "
     "khmer lao tagalog cebuano javanese malay mandarin cantonese hokkien "
     "esperanto latin sanskrit hebrew yiddish arabic farsi persian pashto "
     "dari kurdish catalan basque galician welsh gaelic breton occitan "
     "quechua aymara guarani nahuatl maori hawaiian inuktitut "
     "islam christianity judaism buddhism hinduism sikhism jainism "
     "taoism shinto shintoism zoroastrianism confucianism catholicism "
     "protestantism zen grammy grammys oscars emmys baftas mercury venus "
     "mars jupiter saturn uranus neptune pluto"},
    {WR_MISCPRE, "hurricane typhoon cyclone storm tropical operation"},
    {WR_EPON,
     "boson bosons particle equation equations theorem numbers effect "
     "principle constant syndrome disease paradox conjecture hypothesis "
     "transform algorithm comet curve virus fever coefficient lymphoma "
     "sarcoma palsy transformation lemma lander rover class spacecraft "
     "orbiter telescope"},
    {WR_EPON | WR_MADE, "films movies novels soap coffee mayonnaise whisky "
                        "whiskey cigarettes"},
    {WR_STAKE, "stake stakes shares share"},
    {WR_PRIZE, "prize prizes award awards medal"},
    {WR_LOCPRE, "lake mount mt mt. cape khlong jebel jabal gunung sungai "
                "tanjung pulau danau jalan bukit madinat isla islas ilha "
                "ilhas isola"},
    {WR_MISCH,
     "yatra jatra pooram mela utsav jatara "
     "telescope satellite rocket spacecraft probe rover tour expo "
     "browser console vaccine contest concerto concertos sonata sonatas "
     "requiem oratorio cantata passion theses"},
    {WR_WORKN,
     "album albums single song songs film films movie novel novels book "
     "poem opera musical sitcom programme program software app "
     "application browser system smartphone phone aircraft jet "
     "ship ships vessel liner submarine rocket telescope satellite "
     "spacecraft painting sculpture symphony drug vaccine trilogy "
     "romance epic memoir memoirs documentary anthology ballet series "
     "titled entitled staged premiered ferry cruiser ironclad corvette "
     "frigate destroyer battleship flagship schooner steamer steamship "
     "yacht tanker freighter warship gunboat asteroid comet drama dramas "
     "telenovela miniseries sequel prequel novella comedy thriller biopic "
     "podcast mixtape icebreaker trawler tugboat dhow"},
    {WR_LOCORG, "channel bay forest delta valley heights coast basin"},
    {WR_ORGH,
     "court tribunal parliament assembly congress senate records studios "
     "pictures motors electronics entertainment investments partners "
     "theatres laboratories labs pharmaceuticals industries technologies "
     "broadcasting army navy police aerospace publishers airlines airways "
     "opera philharmonic orchestra marine packaging steel salmon seafood "
     "mining minerals metals chemicals cement textiles shipping shipyard "
     "engineering construction credit finance pharma biotech robotics "
     "automotive aviation brewery breweries dairy fisheries plastics "
     "analytics investimenti seafoods resources solar tankers petroleum "
     "hidro hydro logistics freight foods holding holdings ventures verlag "
     "verlagsanstalt forlag rederi rederij shimbun zeitung ilbo nippo "
     "gazeta secretariat"},
    {WR_FACPRE,
     "place rue plaza piazza palazzo palacio puerta castello chateau "
     "château schloss praça praca porta pont ponte puente rua calle avenida "
     "estadio stade stadio palais castillo mercado parque parco teleferico "
     "ascensor fiera feira catedral cathedrale iglesia igreja eglise chiesa "
     "mezquita"},
    {WR_PARTICLE,
     "de du des della del dei di la le los las do da dos das delle dello "
     "degli les el e et y i und fur der die den voor en pour per para por "
     "sur sobre z ze w na nas nos dla tsa ve"},
    {WR_FACH,
     "fortress fort citadel strasse straße platz piazza abbey basilica "
     "shrine mausoleum pyramid lighthouse memorial hotel restaurant grill "
     "cafe bistro pub tavern inn motel resort mall auditorium reservation "
     "crater reservoir dome speedway velodrome raceway racecourse ballpark "
     "ground grounds minaret sanctuary peak cove locks palaces lavra beach "
     "beaches colliery prison penitentiary jail gaol campus showground "
     "showgrounds gurdwara pagoda stupa airstrip airfield aerodrome flyover "
     "overpass interchange maidan udyan bagh bhavan bhawan trench ridge "
     "ranges shale moraine escarpment borehole gorge archipelago stairs "
     "quay wharf embankment promenade funicular dock docks colony "
     /* in other languages: churches, mosques, temples, castles, palaces,
      * towers and bridges ("Nieuwe Kerk", "Ribe Domkirke", "Galata
      * Kulesi") */
     "kerk kirche kirke kyrka domkirke camii mandir gompa dzong slott "
     "sarayi kalesi kulesi koprusu"},
    {WR_POLITY, "empire wall republic kingdom caliphate sultanate emirate"},
    {WR_WON, "won win wins winning"},
    {WR_ORGSTART,
     "grupo groupe gruppo banco banca caixa caja fundacion fundacao fondazione "
     "fondation stiftung instituto istituto institut universidad universidade "
     "universita universite universitat hochschule partido partito compania "
     "companhia compagnie societe sociedad sociedade societa editorial "
     "editions ediciones edizioni editora orquesta orquestra orchestre "
     "ministerio ministere ministero autorite agence agencia agenzia comision "
     "comissao commissione confederacion confederation confederazione "
     "federacion federation federazione federacao asociacion associacao "
     "associazione sindicato syndicat movimiento mouvement movimento bundesamt "
     "bundesanstalt landesbank sparkasse regie ministerium ministerstwo "
     "ministerie bundesministerium secretaria secretariat sindacato instytut "
     "organisation organizacion organizacao organizzazione landesamt ente "
     "azienda autoridad autoridade autorita parti frente unione uniao "
     "fundacja stowarzyszenie zwiazek consejo conselho conseil consiglio "
     "comite comitato camara chambre tribunal tribunale cour junta "
     "direccion direcao direzione servicio servico servizio empresa "
     "entreprise caisse cassa escuela escola ecole scuola colegio liceo "
     "lycee uniwersytet universiteit hopital ospedale museo museu musee "
     "biblioteca bibliotheque academia academie accademia akademie akademia "
     "polskie urzad observatorio observatoire osservatorio laboratorio "
     "laboratoire assemblee asamblea assembleia congreso congresso senado "
     "parlamento parlement ayuntamiento prefeitura mairie municipalidad "
     "gobierno governo gouvernement policia polizia ejercito exercito "
     "esercito forlaget officine fratelli freres gebruder regia alleanza "
     "bundnis gymnasium realschule gesamtschule sportverein turnverein "
     /* and, found in helpers' prose of 2026-12-08 ("Talleres Arriaga",
      * "Partij van de Arbeid", "Stadtwerke Leipzig") */
     "banque banka compagnia spolka vereniging stichting verein verband "
     "bundesverband landesverband zentralrat gesellschaft stadtwerke "
     "partij partei partia partidul partai bewegung alianza alianca "
     "gewerkschaft confederacao universitas procuraduria fiscalia corte "
     "armee fuerzas forcas radio television televisao televisione omroep "
     "deportivo atletico talleres minera industrias laboratorios "
     "laboratoires aerolineas ferrocarriles ferrovie cerveceria "
     "cervejaria birrificio bodegas vina transportes petroleos "
     "astilleros cementos construcciones inversiones cooperativa "
     "consorzio chama kampuni shirika"},
    {WR_STUDY, "studied studying studies study taught teaching teaches teach "
               "lectured lecturer professor graduated graduate enrolled"},
    {WR_BUSN, "shares stock shareholders chief ceo chairman board subsidiary "
              "profit profits revenue revenues earnings founder co-founder "
              "headquarters"},
    {WR_KINN, "wife husband widow widower son sons daughter daughters brother "
              "brothers sister sisters mother father fiancee fiance grandson "
              "granddaughter children twins partner stepdaughter stepson "
              "grandmother grandfather uncle aunt cousin nephew niece"},
    {WR_CONQ,
     "conquered besieged sacked annexed fortified razed entered "
     "occupied invaded captured took seized liberated evacuated stormed "
     "recaptured overran burned burnt"},
    {WR_FIRMS,
     "firms companies start-ups startups banks lenders insurers "
     "retailers carmakers partners groups brands clubs parties militias "
     "publishers airlines chains rivals suppliers giants charities "
     "labels studios broadcasters subsidiaries"},
    {WR_PERFORM,
     "played plays sang sings performed toured tours danced recorded "
     "performs"},
    {WR_POLITY2,
     "kingdom khanate viceroyalty sultanate emirate caliphate duchy "
     "principality empire republic governorate governorate-general "
     "protectorate dominion colony margraviate electorate captaincy"},
    {WR_SERVICE,
     "facebook twitter youtube instagram tiktok whatsapp telegram "
     "snapchat reddit wikipedia linkedin myspace netflix spotify paypal "
     "ebay craigslist skype gmail hotmail weibo wechat vkontakte tumblr "
     "pinterest flickr twitch vimeo google yahoo bing discord hulu "
     "itunes bluesky amazon zalo viber douyin kakaotalk airbnb"},
    {WR_INSTIT,
     "museum theatre theater gallery hospital library opera zoo centre "
     "center municipality"},
    {WR_BODYACT,
     "said says signed announced plans planned hopes agreed appointed "
     "named performed declined confirmed denied bought acquired will "
     "has had sued lent lends loaned sold owns commissioned organised "
     "organized recorded"},
    {WR_DWELL, "residents resident inhabitants inhabitant villagers villager"},
    {WR_WORKS, "mine refinery smelter mill plant oilfield gasfield field "
               "terminal complex pipeline dam factory estate quarry "
               "shipyard brewery distillery vineyard plantation"},
    {WR_INDEX, "ibovespa merval taiex sensex nifty kospi kosdaq topix stoxx "
               "klci psei jci bist tase ipsa colcap egx mdax sdax tecdax"},
    {WR_QUARTER, "nagar bazar bazaar chowk souq souk vihar ganj marg veediya "
                 "mawatha mohalla"},
    {WR_VILLAGE, "barangay kampung kampong souq souk wadi desa dusun kelurahan "
                 "kecamatan tambon"},
    {WR_MONEY, "franc francs"},
    {WR_RUPEE, "rs rs. rp ksh"},
    {WR_BOURSE, "shares exchange"},
    {WR_ADMIN, "provincial municipal"},
    {WR_DEAL, "merged absorbed acquired bought over"},
    {WR_INTO, "into with by"},
    {WR_SAINT, "st st. saint ste ste. sainte"},
    {WR_WHERE, "at around near outside inside"},
    {WR_MARKET, "market"},
    /* natural places' nouns after a name ("the Tinto river", "Isandlwana
     * hill"), areas' ("the Sheikh Zayed district", "the Murchison
     * region"), sites' ("the Las Bambas copper mine", "the Lalit hotel")
     * and streets' last words ("College Drive") */
    {WR_NATURAL,
     "river rivers lake lakes island islands sea valley glacier mountains "
     "strait straits reservoir reservoirs crater volcano canal peninsula "
     "desert plateau cave caves pagoda temple mountain hill hills beach "
     "forest gorge lagoon delta"},
    {WR_AREA, "district neighbourhood neighborhood suburb province prefecture "
              "governorate oblast region favela township square regency "
              "subdistrict tehsil taluk taluka upazila constituency ward"},
    {WR_SITE, "mine hotel arena stadium airport station bridge dam refinery "
              "mosque cathedral prison mall school campus harbour harbor port "
              "plant complex terminal smelter shipyard airbase barracks "
              "venue"},
    {WR_SITEOF, "copper gold coal iron diamond nickel zinc lithium uranium oil "
                "gas hydroelectric football cricket railway bus power "
                "industrial thermal nuclear petrochemical steel air naval "
                "military army"},
    {WR_STREET, "street road avenue boulevard lane drive highway marg veediya "
                "mawatha"},
    {WR_LEADN, "leader ruler chief commander"},
    /* what a body is, in the languages whose names the news leaves
     * untranslated, closing its name ("Hansa Bryggeri", "Tervola Oy";
     * the words that open one are WR_ORGSTART's) */
    {WR_ORGF,
     "banca stiftung verein verband gesellschaft partei rundfunk bryggeri "
     "bryggerier versicherung sparkasse palloseura fotball fotboll "
     "fodbold handbold handboll dernegi vakfi kulubu bankasi partisi "
     "sendikasi oy oyj ab gmbh ag kgaa spa ltda srl tetsudo denki kogyo "
     "seiyaku jidosha daigaku gakuin"},
};

/* Is w[0..n) one of the count words of list, in any case? */
static bool one_of(const char *w, size_t n, const char *const *list,
                   size_t count)
{
    if (n == 0) { /* an empty word is one of a list that holds "" */
        for (size_t k = 0; k < count; k++)
            if (!list[k][0])
                return true;
        return false;
    }
    /* a first letter that differs in any case rules a word out before
     * its length is counted */
    unsigned char c = (unsigned char)w[0] | 0x20;
    for (size_t k = 0; k < count; k++)
        if (((unsigned char)list[k][0] | 0x20) == c && n == strlen(list[k]) &&
            !strncasecmp(w, list[k], n))
            return true;
    return false;
}

#define ONE_OF(w, n, list) one_of(w, n, list, sizeof(list) / sizeof(list[0]))
/* Is token i the word w (any case)? */
static bool word_is(const char *text, const prism_token *tok, size_t i,
                    const char *w)
{
    size_t n = tok[i].end - tok[i].start;
    return n > 0 &&
           ((unsigned char)text[tok[i].start] | 0x20) ==
               ((unsigned char)w[0] | 0x20) &&
           n == strlen(w) && !strncasecmp(text + tok[i].start, w, n);
}

/* Is token i one of the words of list? */
#define WORD_IN(text, tok, i, list)                                            \
    ONE_OF((text) + (tok)[i].start, (tok)[i].end - (tok)[i].start, list)

/* The lower-case word that opens the list of names the name at token a
 * belongs to, past capitalised words, digits, "," and "and" (at most 15
 * tokens back): "moons" of "the icy moons Ganymede, Callisto and Europa";
 * SIZE_MAX when something else stands first. */
static size_t list_opener(const state *st, const char *text,
                          const prism_token *tok, size_t a)
{
    for (size_t k = a; k > 0 && a - k < 16;) {
        k--;
        const ner_info *t = &st->info[k];
        if (t->cap == NER_CAP_LOWER && !word_is(text, tok, k, "and"))
            return k;
        if (t->cap != NER_CAP_TITLE && t->cap != NER_CAP_LOWER && !t->digit &&
            text[tok[k].start] != ',')
            return SIZE_MAX;
    }
    return SIZE_MAX;
}

/* Nouns of works, before titles set off by a comma ("her third album,
 * Winter Bus to Gangneung,"). */
static const char *const WORKS[] = {
    "album",     "albums",    "single",   "song",       "songs",  "film",
    "films",     "movie",     "novel",    "novels",     "book",   "books",
    "poem",      "poems",     "opera",    "musical",    "sitcom", "painting",
    "paintings", "sculpture", "symphony", "trilogy",    "memoir", "documentary",
    "anthology", "ballet",    "series",   "collection", "play",   "plays",
    "drama",     "canvas",    "manga",    "novella",    "story",  "stories",
    "screen",    "mural",     "show",     "record",     "debut"};

/* Is the name at token a a title set off after a noun of works, alone
 * or in a list ("two of her novels, Northanger Abbey and Persuasion")? */
static bool titled_work(const state *st, const char *text,
                        const prism_token *tok, size_t a)
{
    size_t k = list_opener(st, text, tok, a);
    return k != SIZE_MAX && k + 1 < a && text[tok[k + 1].start] == ',' &&
           WORD_IN(text, tok, k, WORKS);
}

/* The articles that open a defining phrase ("a painter", "the capital"). */
static const char *const ARTICLES[] = {"a", "an", "the"};

/* Words of states of old or of their kind ("the Sultanate of Zanzibar",
 * "the Crimean Khanate", "the Russian Empire"). */
static const char *const POLITIES[] = {
    "sultanate",    "khanate",      "caliphate",   "principality", "emirate",
    "duchy",        "margraviate",  "electorate",  "viceroyalty",  "kingdom",
    "empire",       "confederacy",  "hetmanate",   "despotate",    "shogunate",
    "tsardom",      "landgraviate", "voivodeship", "beylik",       "sheikhdom",
    "protectorate", "khaganate",    "grand"};

/* Verbs of saying, and what people do more than bodies, after a name
 * that opens a sentence ("Lindqvist told reporters", "Støre visited
 * Kyiv"): person_cue(), people_by_context(). */
static const char *const SAYS[] = {
    "said",       "says",         "told",       "added",    "argued",
    "insisted",   "admitted",     "denied",     "warned",   "urged",
    "promised",   "vowed",        "claimed",    "stressed", "explained",
    "conceded",   "acknowledged", "complained", "wrote",    "tweeted",
    "visited",    "met",          "thanked",    "praised",  "criticised",
    "criticized", "apologised",   "apologized", "spoke"};

/* Family names of China, Korea, Vietnam and Singapore that come first
 * in a name and that the tagger may leave out before the given names
 * ("Tan" "Chee Keong", "Ho" "Chi Kwong"): the span rules take them in
 * (before a given name of two words), and propagate() reads them alone
 * later ("Tan studied"). */
static const char *const FAMILY_FIRST[] = {
    "tan",  "ho",    "ng",    "lim",    "lee",   "wu",    "yu",    "hu",
    "xu",   "lu",    "li",    "du",     "ye",    "lai",   "lau",   "yeo",
    "teo",  "goh",   "koh",   "ong",    "tay",   "toh",   "ngo",   "vo",
    "ly",   "bui",   "vu",    "kim",    "ko",    "ahn",   "chua",  "quek",
    "yap",  "yip",   "tse",   "cheung", "chan",  "wong",  "leung", "chong",
    "chow", "tsang", "lam",   "kwok",   "hui",   "fung",  "zhang", "wang",
    "liu",  "chen",  "yang",  "zhao",   "huang", "zhou",  "zhu",   "gao",
    "lin",  "guo",   "luo",   "liang",  "zheng", "xie",   "feng",  "deng",
    "cao",  "xiao",  "tian",  "yuan",   "cai",   "jiang", "shen",  "nguyen",
    "tran", "pham",  "hoang", "phan",   "huynh", "choi",  "jung",  "kang",
    "cho",  "yoon",  "jang",  "shin",   "seo",   "kwon",  "hwang"};

/* Nouns of bodies in the sky, before their names ("the moon Titan"). */
static const char *const SKY[] = {
    "moon",   "moons",    "constellation", "constellations",
    "comet",  "comets",   "asteroid",      "asteroids",
    "galaxy", "galaxies", "exoplanet",     "exoplanets"};

/* Is the name at token a one of those a noun of bodies in the sky opens
 * ("the icy moons Ganymede, Callisto and Europa")? */
static bool sky_body(const state *st, const char *text, const prism_token *tok,
                     size_t a)
{
    size_t k = list_opener(st, text, tok, a);
    return k != SIZE_MAX && WORD_IN(text, tok, k, SKY);
}

/* Is [a, b) "Stade" (or "Estadio", "Stadio") and a town's adjective, a
 * club's name rather than a stadium's ("Stade Brestois", "Stade
 * Toulousain", "Stade Malien"; not "Stade Vélodrome", "Stade de
 * France")? */
static bool club_adjective(const char *text, const prism_token *tok, size_t a,
                           size_t b)
{
    static const char *const grounds[] = {"Stade", "Estadio", "Stadio"};
    static const char *const ends[] = {"ais", "ois", "ain", "ien", "aise"};
    if (b - a != 2 || !WORD_IN(text, tok, a, grounds))
        return false;
    const char *w = text + tok[a + 1].start;
    size_t n = tok[a + 1].end - tok[a + 1].start;
    for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
        size_t m = strlen(ends[k]);
        if (n > m + 2 && !memcmp(w + n - m, ends[k], m))
            return true;
    }
    return false;
}

/* Is token i, capitalised, the first word of an institution's official
 * name in another language ("Ministero", "Sindicato", "Institut",
 * "Stowarzyszenie")? */
static bool foreign_head(const state *st, size_t i)
{
    return (st->info[i].cap == NER_CAP_TITLE ||
            st->info[i].cap == NER_CAP_UPPER) &&
           (word_rule(st, i) & WR_ORGSTART);
}

/* Is token k a lower-case particle that joins the words of such a name
 * ("de", "dos", "delle", "pour la", "für", "z", "tsa", "e", "et")? */
static bool foreign_particle(const state *st, size_t k)
{
    return st->info[k].cap == NER_CAP_LOWER && (word_rule(st, k) & WR_PARTICLE);
}

/* Is token k one of the name's own words: capitalised, or elided after a
 * particle ("l’Aviazione", "d’Alger", "l’Élevage": a capital of ASCII or
 * of Latin-1 after the apostrophe)? */
static bool foreign_word(const state *st, const char *text,
                         const prism_token *tok, size_t k)
{
    const char *w = text + tok[k].start;
    size_t n = tok[k].end - tok[k].start;
    if (st->info[k].cap == NER_CAP_TITLE || st->info[k].cap == NER_CAP_UPPER)
        return true;
    size_t c = n > 2 && w[1] == '\''                        ? 2
               : n > 4 && !memcmp(w + 1, "\xE2\x80\x99", 3) ? 4
                                                            : 0;
    const unsigned char *u = (const unsigned char *)w;
    return (w[0] == 'l' || w[0] == 'd') && c &&
           ((u[c] >= 'A' && u[c] <= 'Z') ||
            (c + 1 < n && u[c] == 0xC3 && u[c + 1] >= 0x80 &&
             u[c + 1] <= 0x9E));
}

/* The end of the name [i, j) when it is an institution's official name in
 * another language: on through its particles to the next capitalised word,
 * again and again ("Ministero" "delle" "Infrastrutture" "e dei"
 * "Trasporti"; "Institut" "pour la" "Recherche Scientifique" "en"
 * "Afrique Centrale"), and through a comma into the next part of a list
 * ("de l’Agriculture, de l’Élevage et de la Pêche", "de Educação,
 * Ciência e Tecnologia do Piauí"). At most 40 tokens. */
/* Is the lower-case word of another language by its letters or its
 * ending ("nationale", "socialiste", "constitutionnel", "chaussées")? */
static bool foreign_lower(const char *text, const prism_token *t)
{
    static const char *const ends[] = {
        "ale",   "ique", "iste",  "aise",   "ois",   "ais",    "ionnel", "aire",
        "ienne", "eur",  "ische", "ischen", "liche", "lichen", "iano",   "iana",
        "ico",   "ica",  "ivo",   "iva",    "ario",  "aria"};
    const char *w = text + t->start;
    size_t n = t->end - t->start;
    for (size_t k = 0; k < n; k++)
        if ((unsigned char)w[k] >= 0xC3 && (unsigned char)w[k] <= 0xC5)
            return true; /* a Latin letter with a mark: "é", "ü", "ł" */
        else if (!(w[k] >= 'a' && w[k] <= 'z') && (unsigned char)w[k] < 0x80)
            return false;
    if (n < 7)
        return false;
    for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
        size_t m = strlen(ends[k]);
        if (!memcmp(w + n - m, ends[k], m))
            return true;
    }
    return false;
}

static size_t foreign_end(const state *st, const char *text,
                          const prism_token *tok, size_t ntok, size_t i,
                          size_t j)
{
    if (!foreign_head(st, i))
        return j;
    while (j < ntok && j - i < 40) {
        size_t k = j, m = 0;
        /* its words in lower case, of no English ("Assemblée"
         * "nationale", "Parti" "socialiste vaudois") */
        while (k < ntok && k - i < 40 && st->info[k].cap == NER_CAP_LOWER &&
               !foreign_particle(st, k) && foreign_lower(text, &tok[k]))
            k++;
        if (k > j) { /* and its capitalised words right after them:
                        "Caisse" "centrale" "Desjardins" */
            while (k < ntok && k - i < 40 && foreign_word(st, text, tok, k))
                k++;
            j = k;
            continue;
        }
        if (word_is(text, tok, k, ",") && k + 1 < ntok) {
            size_t p = k + 1;
            if (foreign_particle(st, p))
                k = p; /* ", de l’Élevage" */
            else {
                while (p < ntok && p - i < 40 && foreign_word(st, text, tok, p))
                    p++;
                static const char *const conj[] = {"e", "et", "y", "i", "und"};
                if (p == k + 1 || p + 1 >= ntok ||
                    st->info[p].cap != NER_CAP_LOWER ||
                    !hashed_in(st, p, conj, sizeof conj / sizeof *conj) ||
                    !foreign_word(st, text, tok, p + 1))
                    break; /* not a list of banks: "Banque Nationale de
                              Paris, Caisse Nationale de Credit" */
                j = p;     /* ", Ciência" "e" "Tecnologia" */
                continue;
            }
        }
        while (k < ntok && m < 3 && foreign_particle(st, k)) {
            k++;
            m++;
        }
        if (m == 0 || k >= ntok || !foreign_word(st, text, tok, k))
            break;
        while (k < ntok && k - i < 40 && foreign_word(st, text, tok, k))
            k++;
        j = k;
    }
    return j;
}

/* In a person's name [a, j): does a new one start at token b, a given
 * name after a full name whose last word is none, and itself a full name
 * or a greeting's name before a comma and a capital ("Larry Lewis Tom
 * Martin", "Debra Perlingiere Tammi, Attached": a list, or a signature
 * and a greeting; not "Miguel Angel Martin", nor "Ahmed Abu Hamad, head
 * of", where the word before the given name is a particle of the name,
 * nor "Carolina Augusta Xavier de Novais", where one follows it)? */
static bool next_person(const state *st, const char *text,
                        const prism_token *tok, size_t a, size_t b, size_t j)
{
    const ner_info *in = st->info;
    static const char *const particles[] = {"abu", "abd", "abdel", "abdul",
                                            "bin", "ibn", "ben",   "ould"};
    static const char *const joins[] = {"de", "da",  "do",  "dos", "das",
                                        "di", "del", "van", "von"};
    for (size_t k = b + 1; k < j; k++) /* "Carolina Augusta Xavier de
                                          Novais": one long name */
        if (st->info[k].cap == NER_CAP_LOWER && WORD_IN(text, tok, k, joins))
            return false;
    bool rest = b + 2 <= j ||
                (b + 1 == j && j < st->ntok_cur &&
                 tok[j].end - tok[j].start == 1 && text[tok[j].start] == ',' &&
                 !(j + 1 < st->ntok_cur && text[tok[j + 1].start] >= 'a' &&
                   text[tok[j + 1].start] <= 'z'));
    /* a Vietnamese middle name before the given name: "Nguyen Thi Hoa",
     * "Tran Van Minh" */
    static const char *const middles[] = {"thi", "van"};
    /* (nor at a particle that joins the rest: "Zine El Abidine Ben Ali") */
    return rest && b >= a + 2 && in[b].cap == NER_CAP_TITLE &&
           !WORD_IN(text, tok, b - 1, particles) &&
           !(b + 1 < j && WORD_IN(text, tok, b, particles)) &&
           !hashed_in(st, b - 1, middles, 2) &&
           in[b - 1].cap == NER_CAP_TITLE && in[b - 1].len >= 3 &&
           has(phrase_gaz(st, b, b + 1), NER_G_FIRST) &&
           !has(phrase_gaz(st, b - 1, b), NER_G_FIRST) &&
           (has(phrase_gaz(st, a, a + 1), NER_G_FIRST) ||
            (in[a].wsets & (1u << NER_W_UP1)));
}

/* Is the token a possessive ending or a short clitic after an apostrophe,
 * straight or curly ("'s", "’s", "'")? */
static bool apostrophe_tok(const char *text, const prism_token *t)
{
    const char *w = text + t->start;
    return t->end - t->start <= 4 &&
           (*w == '\'' || !strncmp(w, "\xe2\x80\x99", 3));
}

/* Does the word end in "-based", "-owned"... ("Ontario-based Magna",
 * "Hong Kong-based", "state-owned")? It qualifies the name after it. */
static bool based_word(const char *text, const prism_token *t)
{
    const char *w = text + t->start;
    size_t len = t->end - t->start;
    static const char *const ends[] = {
        "-based", "-owned", "-backed", "-listed",     "-controlled",
        "-led",   "-born",  "-run",    "-registered", "-year-old"};
    for (size_t k = 0; k < sizeof(ends) / sizeof(ends[0]); k++) {
        size_t n = strlen(ends[k]);
        if (len > n && !strncasecmp(w + len - n, ends[k], n))
            return true;
    }
    return false;
}

#define WR_SLOTS 4096u

static void word_rules_init(state *st)
{
    memset(st->wr_key, 0, sizeof(st->wr_key));
    for (size_t r = 0; r < sizeof(WORD_RULES) / sizeof(WORD_RULES[0]); r++) {
        const char *w = WORD_RULES[r].words;
        while (*w) {
            size_t n = strcspn(w, " ");
            if (n) {
                uint32_t h = ner_hash_bytes(w, n, 2), k = h ? h : 1;
                uint32_t i = ner_mix32(k) & (WR_SLOTS - 1);
                while (st->wr_key[i] && st->wr_key[i] != k)
                    i = (i + 1) & (WR_SLOTS - 1);
                st->wr_key[i] = k;
                st->wr_bits[i] |= WORD_RULES[r].bits;
            }
            w += n;
            while (*w == ' ')
                w++;
        }
    }
}

/* The word_rule bits of token i. */
static uint64_t word_rule(const state *st, size_t i)
{
    uint32_t k = st->info[i].h_lower ? st->info[i].h_lower : 1;
    uint32_t j = ner_mix32(k) & (WR_SLOTS - 1);
    while (st->wr_key[j]) {
        if (st->wr_key[j] == k)
            return st->wr_bits[j];
        j = (j + 1) & (WR_SLOTS - 1);
    }
    return 0;
}

/* Is token i, capitalised, a word that opens the name of a bridge, a
 * square, a street, a palace or a church in another language ("Ponte",
 * "Place", "Calle", "Palazzo", "Igreja")? */
static bool foreign_site(const state *st, size_t i)
{
    return st->info[i].cap == NER_CAP_TITLE && (word_rule(st, i) & WR_FACPRE);
}

/* Does token i, capitalised, close a body's name in another language
 * ("Hansa Bryggeri", "Tervola Oy"; WR_ORGF), or end in such a word
 * ("Svenska Handelsbanken", "Yeni Malatyaspor")? */
static bool foreign_body(const state *st, const char *text,
                         const prism_token *tok, size_t i)
{
    static const char *const ends[] = {
        "banken",   "verband",      "gesellschaft", "stiftung",
        "werke",    "rundfunk",     "partei",       "partiet",
        "bryggeri", "versicherung", "sparkasse",    "spor"};
    if (st->info[i].cap == NER_CAP_LOWER)
        return false;
    if (word_rule(st, i) & WR_ORGF)
        return true;
    if (st->info[i].cap != NER_CAP_TITLE)
        return false;
    const char *w = text + tok[i].start;
    size_t n = tok[i].end - tok[i].start;
    for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
        size_t m = strlen(ends[k]);
        if (n >= m + 3 && memcmp(w + n - m, ends[k], m) == 0)
            return true;
    }
    return false;
}

/* Is [a, b) a power plant's name ("Eesti Power Plant", "Kudankulam
 * Nuclear Power Plant")? "Plant" alone is no site's word ("Robert
 * Plant"). */
static bool power_plant(const state *st, size_t a, size_t b)
{
    const char *text = st->text_cur;
    const prism_token *tok = st->tok_cur;
    return b - a >= 3 && st->info[b - 1].cap == NER_CAP_TITLE &&
           word_is(text, tok, b - 1, "Plant") &&
           (word_is(text, tok, b - 2, "Power") ||
            word_is(text, tok, b - 2, "Nuclear"));
}

/* Is token i a building's or a facility's word ("Airport", "Hotel")? */
static bool facility_head(const state *st, size_t i)
{
    return has(phrase_gaz(st, i, i + 1), NER_G_FACHEAD) ||
           (word_rule(st, i) & WR_FACH);
}

/* Do the words before token a say that a language is named there: "speak
 * Tukano", "translated the Bible into Gilbertese", "poems written in
 * Kalaallisut", "lessons are in Plautdietsch"? */
static bool language_cue(const state *st, const char *text,
                         const prism_token *tok, size_t a)
{
    static const char *const speaks[] = {"speak", "speaks", "spoke", "spoken",
                                         "speaking"};
    static const char *const into[] = {"translated", "translation", "translate",
                                       "translates", "dubbed"};
    /* (not "taught", "preached", "sang", which towns follow as often) */
    static const char *const uses[] = {
        "sung",    "wrote",   "written",  "writes",    "writing",
        "lessons", "classes", "dialogue", "broadcast", "broadcasts",
        "poems",   "songs",   "fluent",   "subtitled", "dubbed"};
    const ner_info *in = st->info;
    if (a < 2)
        return false;
    size_t k = a - 1;
    if (in[k].cap == NER_CAP_LOWER && WORD_IN(text, tok, k, speaks))
        return true;
    bool to = word_is(text, tok, k, "into"), at = word_is(text, tok, k, "in");
    if (!to && !at)
        return false;
    /* the verb or noun within three words, with no punctuation between
     * (a capitalised word may be: "translated the Bible into") */
    for (size_t j = k; j-- > 0 && j + 4 > k;) {
        if (!in[j].alpha)
            return false;
        if (to ? WORD_IN(text, tok, j, into) : WORD_IN(text, tok, j, uses))
            return true;
    }
    return false;
}

/* Is the one-word name at token a a language by the words before it
 * (language_cue()), or joined by "and" or "or" to a word named so ("wrote
 * in Portuguese and Changana", "speak Tukano or Baniwa")? Not a name a
 * list knows as a place, a body or a person's. */
static bool spoken_language(const state *st, const char *text,
                            const prism_token *tok, size_t a)
{
    if (a < 2 || st->info[a].cap != NER_CAP_TITLE ||
        (gaz_mask(phrase_gaz(st, a, a + 1)) &
         ((1u << NER_G_COUNTRY) | (1u << NER_G_CITY) | (1u << NER_G_STATE) |
          (1u << NER_G_REGION) | (1u << NER_G_LOC) | (1u << NER_G_ORG) |
          (1u << NER_G_ORGLIST) | (1u << NER_G_PERSON) | (1u << NER_G_NEWS))))
        return false;
    if (language_cue(st, text, tok, a))
        return true;
    size_t k = a - 1;
    return (word_is(text, tok, k, "and") || word_is(text, tok, k, "or")) &&
           st->info[k - 1].cap == NER_CAP_TITLE &&
           language_cue(st, text, tok, k - 1);
}

static int defined_label(const state *st, const char *text,
                         const prism_token *tok, size_t ntok, size_t k,
                         bool closed);
static int copula_label(const state *st, const char *text,
                        const prism_token *tok, size_t ntok, size_t i);

/* Is the name that ends before token b set off by a comma before a noun
 * phrase that defines it as a body or a person: "Sparrow, a Kigali
 * start-up", "Cochlear, the Sydney-based maker of hearing implants"? */
static bool defined_after(const state *st, const char *text,
                          const prism_token *tok, size_t b)
{
    size_t n = st->ntok_cur;
    if (b + 2 >= n || !word_is(text, tok, b, ",") ||
        !(word_is(text, tok, b + 1, "a") || word_is(text, tok, b + 1, "an") ||
          word_is(text, tok, b + 1, "the")))
        return false;
    int l = defined_label(st, text, tok, n, b + 2, true);
    return l == L_ORG || l == L_PERSON;
}

/* Is "of" one of the words of the name [a, b)? */
static bool has_of(const state *st, size_t a, size_t b)
{
    for (size_t i = a + 1; i + 1 < b; i++)
        if (st->info[i].h_lower == ner_hash_bytes("of", 2, 2))
            return true;
    return false;
}

/* Is the word "list", "listed" or "listing" among the three words before
 * token k ("list its shares in Mumbai": where, not whose shares)? */
static bool listed_before(const state *st, const char *text,
                          const prism_token *tok, size_t k)
{
    static const char *const lists[] = {"list", "listed", "listing", "lists"};
    for (size_t j = k; j-- > 0 && j + 3 >= k;)
        if (st->info[j].cap == NER_CAP_LOWER && WORD_IN(text, tok, j, lists))
            return true;
    return false;
}

/* Is token k a word of shares or stakes held ("a stake in", "shares
 * of"), not the stake of "burned at the stake in Konstanz"? */
static bool money_stake(const state *st, const char *text,
                        const prism_token *tok, size_t k)
{
    return (word_rule(st, k) & WR_STAKE) &&
           !(k >= 2 && word_is(text, tok, k - 1, "the") &&
             word_is(text, tok, k - 2, "at"));
}

/* Does a list know the name [a, b) as a town and not as a body? */
static bool town_only(const state *st, size_t a, size_t b)
{
    uint32_t m = gaz_mask(phrase_gaz(st, a, b));
    return (m & (1u << NER_G_CITY)) &&
           !(m & ((1u << NER_G_ORG) | (1u << NER_G_ORGLIST)));
}

/* Is the name [a, b) the settlement that a noun of settlements just
 * before it names, with a nationality, a place or a word of where or what
 * it is before that noun: "the Aztec capital Tenochtitlan", "the coastal
 * town Ayamonte", "the Galician port Vigo"? Not a name the lists know as a
 * person's, a given name or a body's ("the town Obama visited"). */
static bool settlement_before(const state *st, const char *text,
                              const prism_token *tok, size_t a, size_t b)
{
    static const char *const towns[] = {"capital", "town",     "city",
                                        "village", "port",     "hamlet",
                                        "suburb",  "township", "oasis"};
    static const char *const kinds[] = {
        "northern", "southern", "eastern",  "western", "coastal",
        "ancient",  "former",   "border",   "fishing", "mining",
        "market",   "port",     "frontier", "holy",    "provincial",
        "regional", "imperial", "royal",    "old",     "desert"};
    const ner_info *in = st->info;
    if (a < 2 || in[a - 1].cap != NER_CAP_LOWER ||
        !WORD_IN(text, tok, a - 1, towns) ||
        !((in[a - 2].cap == NER_CAP_TITLE && in[a - 2].alpha) ||
          (in[a - 2].cap == NER_CAP_LOWER && WORD_IN(text, tok, a - 2, kinds))))
        return false;
    const uint32_t known = (1u << NER_G_FIRST) | (1u << NER_G_GIVEN) |
                           (1u << NER_G_PERSON) | (1u << NER_G_NEWS) |
                           (1u << NER_G_ORG) | (1u << NER_G_ORGLIST) |
                           (1u << NER_G_NORP);
    return !(gaz_mask(phrase_gaz(st, a, b)) & known) &&
           !(gaz_mask(phrase_gaz(st, a, a + 1)) & known);
}

/* Does a noun before the name [a, b) say that it is a place: "the town
 * of Marshall", "the village of Kinnegad", "a tributary of the Windrush",
 * "the river Ljubljanica", "the Aztec capital Tenochtitlan"? Or a river's bank,
 * mouth or shores, when the name ends its phrase and no list knows it as an
 * organisation: "the left bank of the Warta," (not "a bank of the Mitsubishi
 * group")? */
static bool noun_says_place(const state *st, const char *text,
                            const prism_token *tok, size_t a, size_t b)
{
    static const char *const of_nouns[] = {
        "town",         "city",      "village",    "hamlet",
        "municipality", "commune",   "parish",     "district",
        "county",       "province",  "island",     "tributary",
        "state",        "region",    "port",       "suburb",
        "fortress",     "citadel",   "valley",     "peninsula",
        "ruins",        "islands",   "towns",      "villages",
        "cities",       "suburbs",   "districts",  "provinces",
        "canton",       "cantons",   "prefecture", "governorate",
        "oblast",       "emirate",   "borough",    "neighbourhood",
        "neighborhood", "outskirts", "monastery",  "siege",
        "kings"};
    static const char *const water[] = {"bank", "banks", "mouth", "shores"};
    static const char *const before[] = {"river", "rivers"};
    const ner_info *in = st->info;
    if (a < 2 || has(phrase_gaz(st, a, a + 1), NER_G_NORP))
        return false; /* not "the main town of the Naxi people" */
    const char *dash =
        memchr(text + tok[a].start, '-', tok[a].end - tok[a].start);
    if (dash && dash + 1 < text + tok[a].end && dash[1] >= 'a' &&
        dash[1] <= 'z')
        return false; /* nor "the cantons of German-speaking Switzerland" */
    size_t k = a - 1; /* "of the Windrush" */
    if (word_is(text, tok, k, "the") && k > 1)
        k--;
    if (in[a - 1].cap == NER_CAP_LOWER && WORD_IN(text, tok, a - 1, before))
        return true;
    if (settlement_before(st, text, tok, a, b))
        return true;
    if (!word_is(text, tok, k, "of") || in[k - 1].cap != NER_CAP_LOWER)
        return false;
    return WORD_IN(text, tok, k - 1, of_nouns) ||
           (WORD_IN(text, tok, k - 1, water) &&
            (b >= st->ntok_cur || in[b].cap != NER_CAP_LOWER) &&
            !has(phrase_gaz(st, a, b), NER_G_ORG));
}

/* Does a noun before the name at a, which the tagger read as a person's,
 * say that it is a place: "the mayor of Horni Plana", "south of Petra",
 * "residents of Barentsburg"? Nobody is the mayor of a person, nor lives
 * south of one. */
static bool place_of_person(const state *st, const char *text,
                            const prism_token *tok, size_t a)
{
    static const char *const nouns[] = {
        "mayor",     "mayors",      "governor",  "bishop",    "archbishop",
        "residents", "inhabitants", "north",     "south",     "east",
        "west",      "northeast",   "northwest", "southeast", "southwest"};
    return a >= 3 && word_is(text, tok, a - 1, "of") &&
           st->info[a - 2].cap == NER_CAP_LOWER &&
           WORD_IN(text, tok, a - 2, nouns);
}

/* Is token i, in lower case, a noun of a town's or a country's parts
 * ("the Sheikh Zayed district", "Binh Duong province")? */
static bool area_noun(const state *st, size_t i)
{
    return i < st->ntok_cur && st->info[i].cap == NER_CAP_LOWER &&
           (word_rule(st, i) & WR_AREA);
}

/* Is the name at token a what an army took, alone or in a list:
 * "entered Tenochtitlan", "conquered Larsa, Eshnunna and Mari"? */
static bool conquered(const state *st, const char *text, const prism_token *tok,
                      size_t a)
{
    for (size_t k = a; k-- > 0 && k + 8 > a;) {
        if (st->info[k].cap == NER_CAP_LOWER) {
            if (word_is(text, tok, k, "and") && k + 1 < a)
                continue;
            return word_rule(st, k) & WR_CONQ;
        }
        if (text[tok[k].start] != ',' && st->info[k].cap != NER_CAP_TITLE)
            break;
    }
    return false;
}

/* Is the name [a, b) placed as a place is: after "in", "near" or "at",
 * after a noun that says so ("the town of Hope"), or before a comma and
 * a country, state or city ("Redmond, Washington")? */
static bool placed(const state *st, const char *text, const prism_token *tok,
                   size_t a, size_t b)
{
    static const char *const preps[] = {"in", "near", "at", "outside"};
    if ((a > 0 && WORD_IN(text, tok, a - 1, preps)) ||
        noun_says_place(st, text, tok, a, b) ||
        place_of_person(st, text, tok, a))
        return true;
    if (conquered(st, text, tok, a))
        return true;
    const uint32_t places = (1u << NER_G_COUNTRY) | (1u << NER_G_STATE) |
                            (1u << NER_G_CITY) | (1u << NER_G_ALIAS);
    return b + 1 < st->ntok_cur && tok[b].end - tok[b].start == 1 &&
           text[tok[b].start] == ',' && (st->info[b + 1].gaz & places);
}

/* Is the name [a, b) a town of the state, province or country after it:
 * after "in", "near", "at", "outside" or "from", and before a comma and
 * that state ("born in Brandon, Manitoba", "schools in Alice, South
 * Africa"), whatever its words are as given names? */
static bool town_of_state(const state *st, const char *text,
                          const prism_token *tok, size_t a, size_t b)
{
    static const char *const preps[] = {"in", "near", "at", "outside", "from"};
    const uint32_t states = (1u << NER_G_COUNTRY) | (1u << NER_G_STATE);
    if (a == 0 || b + 1 >= st->ntok_cur || tok[b].end - tok[b].start != 1 ||
        text[tok[b].start] != ',' || st->info[a - 1].cap != NER_CAP_LOWER ||
        !WORD_IN(text, tok, a - 1, preps))
        return false;
    size_t e = b + 1;
    while (e < st->ntok_cur && e < b + 4 && st->info[e].cap == NER_CAP_TITLE)
        e++;
    for (size_t k = e; k > b + 1; k--)
        if (gaz_mask(phrase_gaz(st, b + 1, k)) & states)
            return true;
    return false;
}

/* Is the token a dash: "-", "--", an en dash or an em dash? */
static bool dash_tok(const char *text, const prism_token *t)
{
    const char *w = text + t->start;
    size_t n = t->end - t->start;
    return (n == 1 && *w == '-') || (n == 2 && !memcmp(w, "--", 2)) ||
           (n == 3 && (!memcmp(w, "\xe2\x80\x93", 3) || /* – */
                       !memcmp(w, "\xe2\x80\x94", 3))); /* — */
}

/* Does token i open a sentence, or the story after its dateline's dash
 * ("KINSHASA — Rumba veteran Koffi Olomidé")? */
static bool opens_sentence(const char *text, const prism_token *tok,
                           const ner_info *in, size_t i)
{
    return in[i].first || (i > 0 && dash_tok(text, &tok[i - 1]));
}

/* Is the token a double quotation mark (straight or curly)? */
static bool quote_tok(const char *text, const prism_token *t)
{
    const char *w = text + t->start;
    size_t n = t->end - t->start;
    return (n == 1 && *w == '"') ||
           (n == 3 &&
            (!memcmp(w, "\xe2\x80\x9c", 3) || !memcmp(w, "\xe2\x80\x9d", 3) ||
             !memcmp(w, "\xe2\x80\x98", 3) || /* ‘ */
             !memcmp(w, "\xe2\x80\x99", 3))); /* ’ */
}

/* Is the token sentence punctuation that ends no name (! ? , ; :)? */
static bool end_punct(const char *text, const prism_token *t)
{
    if (t->end - t->start != 1)
        return false;
    char c = text[t->start];
    return c == '!' || c == '?' || c == ',' || c == ';' || c == ':';
}

/* Is token i an opening (open) or closing double quotation mark: a curly
 * one of that kind, or a straight one attached to the word after (before)
 * it and not to the one before (after) it? */
static bool quote_side(const state *st, const char *text,
                       const prism_token *tok, size_t i, bool open)
{
    const char *w = text + tok[i].start;
    size_t n = tok[i].end - tok[i].start;
    if (n == 3) /* “ ” or ‘ ’ */
        return !memcmp(w, open ? "\xe2\x80\x9c" : "\xe2\x80\x9d", 3) ||
               !memcmp(w, open ? "\xe2\x80\x98" : "\xe2\x80\x99", 3);
    if (n != 1 || *w != '"')
        return false;
    bool before = i > 0 && tok[i - 1].end == tok[i].start;
    bool after = i + 1 < st->ntok_cur && tok[i + 1].start == tok[i].end;
    return open ? after && !before : before && !after;
}

/* Do the words that end at token k say that a news source follows
 * ("reports", "told", "according to", "the correspondent of")? */
static bool news_source(const state *st, const char *text,
                        const prism_token *tok, size_t k)
{
    static const char *const says[] = {"reports", "reported", "told", "tells"};
    static const char *const writers[] = {"correspondent", "editor", "reporter",
                                          "columnist"};
    if (st->info[k].cap != NER_CAP_LOWER)
        return false;
    if (WORD_IN(text, tok, k, says))
        return true;
    return k > 0 && ((word_is(text, tok, k, "to") &&
                      word_is(text, tok, k - 1, "according")) ||
                     (word_is(text, tok, k, "of") &&
                      WORD_IN(text, tok, k - 1, writers)));
}

/* Is the name [a, b) inside a short quotation written like a title: all
 * its words capitalised but for function words and possessives ("“Sgt.
 * Pepper's Lonely Hearts Club Band”", "“1989 (Taylor's Version)”")? Such a
 * quotation names a work; what it says is not (“If the Kremlin wins”). */
static bool in_title_quote(const state *st, const char *text,
                           const prism_token *tok, size_t a, size_t b)
{
    const uint32_t the = ner_hash_bytes("the", 3, 2);
    size_t l = a, r = b;
    while (l > 0 && a - l < 12 && !quote_side(st, text, tok, l - 1, true)) {
        if (quote_tok(text, &tok[l - 1]))
            return false;
        l--;
    }
    while (r < st->ntok_cur && r - b < 12 &&
           !quote_side(st, text, tok, r, false)) {
        if (quote_tok(text, &tok[r]))
            return false;
        r++;
    }
    if (l == 0 || r >= st->ntok_cur ||
        !quote_side(st, text, tok, l - 1, true) ||
        !quote_side(st, text, tok, r, false))
        return false;
    for (size_t i = l; i < r; i++) {
        const ner_info *t = &st->info[i];
        const char *w = text + tok[i].start;
        if (t->alpha && t->cap == NER_CAP_LOWER &&
            !(word_rule(st, i) & WR_EDGE) && t->h_lower != the && *w != '\'' &&
            strncmp(w, "\xe2\x80\x99", 3) != 0)
            return false;
        if (tok[i].end - tok[i].start == 1 &&
            (*w == '!' || *w == '?' || *w == ';' || *w == ','))
            return false;
    }
    return true;
}

/* Is the token after the name [a, b) (after a possessive "'s" for the
 * nouns that take one: "Parkinson's disease", not "Tolstoy's novels") one
 * of WR_EPON's nouns? For a name the tagger read as an organisation, only
 * an illness's noun counts: "Legionnaires' disease", not "Microsoft's
 * algorithm". */
static bool eponym_after(const state *st, const char *text,
                         const prism_token *tok, size_t b, bool body)
{
    static const char *const ills[] = {"disease",  "syndrome", "fever",
                                       "lymphoma", "sarcoma",  "palsy"};
    size_t k = b;
    if (b + 1 < st->ntok_cur && apostrophe_tok(text, &tok[b]) &&
        st->info[b + 1].cap == NER_CAP_LOWER &&
        (word_rule(st, b + 1) & (WR_EPON | WR_MADE)) == WR_EPON)
        k = b + 1;
    else if (!(b < st->ntok_cur && st->info[b].cap == NER_CAP_LOWER &&
               (word_rule(st, b) & WR_EPON)))
        return false;
    return !body || hashed_in(st, k, ills, sizeof ills / sizeof *ills);
}

/* Is the one-word name at token a an online service used as a medium,
 * not the firm behind it: "posted on Facebook", "live on YouTube", "via
 * Telegram", "his Twitter account" (but "a fine on Google", "Google's
 * results", "Facebook said")? The issue's labels make a product MISC, as
 * the Universal NER guidelines do with a brand's label. */
static bool platform_used(const state *st, const char *text,
                          const prism_token *tok, size_t a)
{
    /* media nouns after the name */
    static const char *const uses[] = {
        "account", "accounts", "page",     "pages", "post",    "posts",
        "feed",    "channel",  "profile",  "video", "videos",  "livestream",
        "app",     "search",   "searches", "story", "stories", "handle",
        "group",   "groups",   "campaign", "chat",  "chats",   "appeal",
        "message", "messages", "clip",     "clips"};
    /* nouns before "on" that act on the firm: "a fine on Google" */
    static const char *const acts[] = {
        "fine",    "fines",    "pressure",  "sanctions", "tax",
        "taxes",   "levy",     "crackdown", "probe",     "investigation",
        "report",  "ruling",   "bet",       "bets",      "focus",
        "stake",   "attack",   "attacks",   "lawsuit",   "ban",
        "hearing", "hearings", "deal",      "war",       "restrictions"};
    size_t n = st->ntok_cur;
    /* "wrote on X", "via X": the service once called Twitter */
    if (tok[a].end - tok[a].start == 1 && text[tok[a].start] == 'X' && a > 0 &&
        (word_is(text, tok, a - 1, "on") || word_is(text, tok, a - 1, "via")))
        return !(a >= 2 &&
                 hashed_in(st, a - 2, acts, sizeof acts / sizeof *acts));
    if (st->info[a].cap != NER_CAP_TITLE && st->info[a].cap != NER_CAP_MIXED)
        return false;
    /* the cheap test first: a lower-case word before or after */
    if (!(a > 0 && st->info[a - 1].cap == NER_CAP_LOWER) &&
        !(a + 1 < n && st->info[a + 1].cap == NER_CAP_LOWER))
        return false;
    if (!(word_rule(st, a) & WR_SERVICE))
        return false;
    if (a + 1 < n && apostrophe_tok(text, &tok[a + 1]))
        return false; /* "Google's results" */
    if (a + 1 < n && st->info[a + 1].cap == NER_CAP_LOWER &&
        hashed_in(st, a + 1, uses, sizeof uses / sizeof *uses))
        return true;
    if (a == 0 || st->info[a - 1].cap != NER_CAP_LOWER)
        return false;
    /* "on Facebook and Twitter" */
    if (a >= 2 &&
        (word_is(text, tok, a - 1, "and") || word_is(text, tok, a - 1, "or")))
        return platform_used(st, text, tok, a - 2);
    if (word_is(text, tok, a - 1, "via") || word_is(text, tok, a - 1, "onto") ||
        word_is(text, tok, a - 1, "through"))
        return true;
    return word_is(text, tok, a - 1, "on") &&
           !(a >= 2 && hashed_in(st, a - 2, acts, sizeof acts / sizeof *acts));
}

/* The number of tokens from token i that make a file's extension glued
 * to the token before it (".pdf" as one token, or "." and "pdf"), or 0. */
static size_t extension_at(const char *text, const prism_token *tok,
                           size_t ntok, size_t i)
{
    static const char *const ext[] = {"pdf",  "doc",  "docx", "xls", "xlsx",
                                      "ppt",  "pptx", "txt",  "jpg", "jpeg",
                                      "png",  "gif",  "zip",  "csv", "htm",
                                      "html", "rtf",  "exe",  "mp3", "wav"};
    if (i >= ntok || i == 0 || tok[i].start != tok[i - 1].end)
        return 0;
    const char *w = text + tok[i].start;
    size_t n = tok[i].end - tok[i].start, used = 1;
    if (n == 1 && *w == '.' && i + 1 < ntok && tok[i + 1].start == tok[i].end) {
        w = text + tok[i + 1].start;
        n = tok[i + 1].end - tok[i + 1].start;
        used = 2;
    } else if (n > 1 && *w == '.') {
        w++;
        n--;
    } else {
        return 0;
    }
    return ONE_OF(w, n, ext) ? used : 0;
}

/* Is the name [a, b) a file's name: followed by a file's extension with
 * no space ("CrudeStocks.pdf", "Outlook.jpg"), or ending in one the
 * tagger took into the name ("TEXT.htm")? */
static bool file_name(const char *text, const prism_token *tok, size_t ntok,
                      size_t a, size_t b)
{
    if (extension_at(text, tok, ntok, b))
        return true;
    for (size_t k = 1; k <= 2 && b - a > k; k++)
        if (extension_at(text, tok, b, b - k) == k)
            return true;
    return false;
}

/* Is token i a determiner or possessive before a name (the, a, an, its,
 * his, her, their, whose, a possessive "'s")? */
static bool determiner(const state *st, const char *text,
                       const prism_token *tok, size_t i)
{
    static const char *const det[] = {"the", "a",    "an",    "its",
                                      "his", "her",  "their", "whose",
                                      "our", "your", "my"};
    const char *w = text + tok[i].start;
    size_t n = tok[i].end - tok[i].start;
    if ((n == 2 && w[0] == '\'' && (w[1] == 's' || w[1] == 'S')) ||
        (n == 4 && !memcmp(w, "\xe2\x80\x99", 3) && w[3] == 's'))
        return true;
    return ONE_OF(w, n, det) && st->info[i].cap != NER_CAP_UPPER;
}

/* Is the token a model's number or letter: one to three digits, or one
 * capital letter ("5", "95", "S")? */
static bool model_number(const char *text, const prism_token *t)
{
    const char *w = text + t->start;
    size_t n = t->end - t->start, k = 0;
    if (n == 1 && *w >= 'A' && *w <= 'Z' && *w != 'I' && *w != 'A')
        return true;
    while (k < n && w[k] >= '0' && w[k] <= '9')
        k++;
    return k == n && n >= 1 && n <= 3;
}

static bool is_title(const state *st, size_t a, size_t b)
{
    return has(phrase_gaz(st, a, b), NER_G_TITLE);
}

/* Gazetteer types of a word or phrase that is not (only) a person's. */
static const uint32_t NOT_PER = (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) |
                                (1u << NER_G_STATE) | (1u << NER_G_LOC) |
                                (1u << NER_G_ORG) | (1u << NER_G_NORP) |
                                (1u << NER_G_ALIAS) | (1u << NER_G_REGION) |
                                (1u << NER_G_MISC) | (1u << NER_G_ORGLIST);

/* Gazetteer types and head words of a name that is no person's: NOT_PER
 * but a town's, which a person may share (people_described(),
 * people_listed()). */
static const uint32_t NOT_PER_NAME =
    (1u << NER_G_COUNTRY) | (1u << NER_G_STATE) | (1u << NER_G_LOC) |
    (1u << NER_G_ORG) | (1u << NER_G_NORP) | (1u << NER_G_ALIAS) |
    (1u << NER_G_REGION) | (1u << NER_G_MISC) | (1u << NER_G_ORGLIST) |
    (1u << NER_G_ORGWORD) | (1u << NER_G_LOCWORD) | (1u << NER_G_MISCHEAD) |
    (1u << NER_G_FACHEAD) | (1u << NER_G_ORGHEAD);

/* Is the token a capitalised ordinary English word, never a name in
 * SCOWL's lists, that the gazetteer does not know ("Smart", "Team")? */
static bool plain_word(const ner_info *t)
{
    return t->gaz == 0 &&
           (t->cap == NER_CAP_TITLE || t->cap == NER_CAP_UPPER) &&
           (t->lex == NER_LEX_COMMON || t->lex == 3 /* common, no name */);
}

/* Are the tokens [a, b) words of letters only ("Pacific Bell", not
 * "N.J.-based", "Fortune 500", "R.I.")? */
static bool has_alpha_only(const char *text, const prism_token *tok, size_t a,
                           size_t b)
{
    for (size_t i = a; i < b; i++)
        for (size_t k = tok[i].start; k < tok[i].end; k++)
            if (text[k] == '-' || text[k] == '.' ||
                (text[k] >= '0' && text[k] <= '9'))
                return false;
    return true;
}

/* Is a verb of awarding among the four words before token a ("awarded
 * the", "received the", "presented her with the")? */
static bool awarded_before(const state *st, const char *text,
                           const prism_token *tok, size_t a)
{
    static const char *const verbs[] = {
        "awarded",   "received", "receives",  "receiving", "presented",
        "conferred", "bestowed", "decorated", "won",       "wins"};
    for (size_t k = a; k > 0 && a - k < 4; k--)
        if (st->info[k - 1].cap == NER_CAP_LOWER &&
            WORD_IN(text, tok, k - 1, verbs))
            return true;
    return false;
}

/* Does an apposition that names a firm follow the name ending at token b:
 * ", a" or ", the", up to five words that say where or what (capitalised
 * places, adjectives, commas: "a Cambridge, Massachusetts, company"), and a
 * firm's noun that ends the apposition or goes on to say what the firm
 * does ("that", "of", "behind", "building"...): not "a company
 * spokesman", "the company's founder", nor the subject of what follows
 * ("in Pasadena, Calif., the company said")? */
static bool firm_apposition(const state *st, const char *text,
                            const prism_token *tok, size_t b)
{
    static const char *const next[] = {
        "that",   "which",        "based",        "in",     "of",
        "with",   "behind",       "building",     "making", "founded",
        "owned",  "led",          "backed",       "whose",  "known",
        "listed", "specialising", "specializing", "and"};
    static const char *const stops[] = {"of",   "who",   "whose", "which",
                                        "that", "where", "when"};
    size_t n = st->ntok_cur;
    if (b + 3 >= n || text[tok[b].start] != ',' ||
        tok[b].end - tok[b].start != 1 || !WORD_IN(text, tok, b + 1, ARTICLES))
        return false;
    for (size_t k = b + 2; k < n && k < b + 8; k++) {
        if (st->info[k].cap == NER_CAP_LOWER &&
            (word_rule(st, k) & (WR_ORGN | WR_ORGS)))
            return k + 1 >= n || !st->info[k + 1].alpha ||
                   WORD_IN(text, tok, k + 1, next);
        bool comma =
            tok[k].end - tok[k].start == 1 && text[tok[k].start] == ',';
        if ((!comma && !st->info[k].alpha) || WORD_IN(text, tok, k, stops) ||
            (st->info[k].cap == NER_CAP_LOWER && (word_rule(st, k) & WR_PERN)))
            return false; /* "a language of the Dardic group", "the dentist
                             who coached the national team" */
        if (st->info[k].cap == NER_CAP_LOWER &&
            st->info[k].lex != NER_LEX_NONE && st->info[k].lex / 3 == 2 &&
            !memchr(text + tok[k].start, '-', tok[k].end - tok[k].start))
            return false; /* a common word ends the search: "a source close
                             to the company" */
    }
    return false;
}

/* Is token i a US state's abbreviation in the news agencies' style
 * ("Okla", "Calif", "Tenn") with its full stop right after it, which
 * belongs to the name as CoNLL-2003 marks it ("Calif.")? */
static bool state_abbreviation(const char *text, const prism_token *tok,
                               size_t i, size_t ntok)
{
    static const char *const states[] = {
        "Ala",  "Ariz", "Ark",  "Calif", "Colo", "Conn", "Del",  "Fla",
        "Ga",   "Ill",  "Ind",  "Kan",   "Kans", "Ky",   "La",   "Md",
        "Mass", "Mich", "Minn", "Miss",  "Mo",   "Mont", "Neb",  "Nebr",
        "Nev",  "Okla", "Ore",  "Oreg",  "Pa",   "Penn", "Tenn", "Tex",
        "Vt",   "Va",   "Wash", "Wis",   "Wisc", "Wyo"};
    size_t n = tok[i].end - tok[i].start;
    if (i + 1 >= ntok || tok[i + 1].start != tok[i].end ||
        !word_is(text, tok, i + 1, "."))
        return false;
    for (size_t k = 0; k < sizeof states / sizeof *states; k++)
        if (n == strlen(states[k]) &&
            !memcmp(text + tok[i].start, states[k], n))
            return true;
    return false;
}

/* Is token i a US state's abbreviation after a town and a comma, with
 * its full stop: "WESTPORT, Conn., Feb 26", "based in Elkhart, Ind.,
 * Schult" (the town a place to the tagger or to the lists)? */
static bool state_after_town(const state *st, const char *text,
                             const prism_token *tok, size_t i, size_t ntok)
{
    const uint32_t towns = (1u << NER_G_CITY) | (1u << NER_G_STATE);
    if (i < 2 || !word_is(text, tok, i - 1, ",") ||
        !state_abbreviation(text, tok, i, ntok))
        return false;
    int part = ner_tag_part(st->tags[i - 2]);
    return (part == NER_U || part == NER_L) &&
           (ner_tag_type(st->tags[i - 2]) == NER_LOC ||
            (gaz_mask(phrase_gaz(st, i - 2, i - 1)) & towns));
}

/* Such an abbreviation is a place, whatever the tagger read there (the
 * mention takes its full stop). */
static void states_after_towns(state *st, const char *text,
                               const prism_token *tok, size_t ntok)
{
    for (size_t i = 2; i < ntok; i++) {
        if (!state_after_town(st, text, tok, i, ntok))
            continue;
        if (st->tags[i] == 0 || ner_tag_part(st->tags[i]) == NER_U) {
            st->tags[i] = (uint8_t)ner_tag(NER_LOC, NER_U); /* not "Del" a
                                                               person's */
            continue;
        }
        /* the tagger ran on into the name after it: "Elkhart, Ind.,
         * Schult is" */
        int type = ner_tag_type(st->tags[i]);
        if (ner_tag_part(st->tags[i]) != NER_B || i + 3 >= ntok ||
            !word_is(text, tok, i + 2, ",") ||
            ner_tag_type(st->tags[i + 3]) != type)
            continue;
        int rest = ner_tag_part(st->tags[i + 3]);
        if (rest != NER_I && rest != NER_L)
            continue;
        st->tags[i] = (uint8_t)ner_tag(NER_LOC, NER_U);
        st->tags[i + 1] = st->tags[i + 2] = 0;
        st->tags[i + 3] = (uint8_t)ner_tag(type, rest == NER_L ? NER_U : NER_B);
    }
}

/* A government's portfolios, as they open the names of ministries and
 * the titles of ministers ("Justice Ministry", "Justice Minister"). */
static const char *const PORTFOLIOS[] = {
    "foreign",     "interior", "defence",     "defense",   "finance",
    "economy",     "health",   "justice",     "education", "trade",
    "agriculture", "energy",   "environment", "transport", "industry",
    "information", "security", "labour",      "labor",     "culture"};

/* Do the words at token j say that the name before them was born or won
 * medals: ", born", "was born", "won five gold medals", "won a silver
 * medal"? */
static bool born_or_medals(const state *st, const char *text,
                           const prism_token *tok, size_t j)
{
    size_t n = st->ntok_cur;
    if ((word_is(text, tok, j, ",") || word_is(text, tok, j, "was")) &&
        j + 1 < n && word_is(text, tok, j + 1, "born"))
        return true;
    if (!word_is(text, tok, j, "won") && !word_is(text, tok, j, "wins"))
        return false;
    for (size_t k = j + 1; k < n && k < j + 5; k++) {
        if (word_is(text, tok, k, "medal") || word_is(text, tok, k, "medals"))
            return true;
        if (st->info[k].cap != NER_CAP_LOWER && st->info[k].alpha)
            return false;
    }
    return false;
}

/* Is token i a full stop that ends a sentence after a name ("her name,
 * Marie."): attached to the word before it, at the end of the text or
 * before a space, and no abbreviation's ("Calif., March 4", "(R-Minn.)",
 * "TULSA, Okla. (AP)")? */
static bool full_stop_after(const state *st, const char *text,
                            const prism_token *tok, size_t i)
{
    return i > 0 && word_is(text, tok, i, ".") &&
           tok[i].start == tok[i - 1].end &&
           (i + 1 >= st->ntok_cur || tok[i + 1].start > tok[i].end) &&
           !state_abbreviation(text, tok, i - 1, st->ntok_cur);
}

static int head_label(const char *w, size_t n);

/* Is the name [a, b) where people live: "residents of Kranti Nagar", "a
 * resident of Killi Ismail", "Windhoek residents" (not a name some list
 * knows as an organisation's or a person's)? */
static bool dwelling_place(const state *st, const char *text,
                           const prism_token *tok, size_t a, size_t b)
{
    const ner_info *in = st->info;
    if (gaz_mask(phrase_gaz(st, a, b)) &
        ((1u << NER_G_ORG) | (1u << NER_G_ORGLIST) | (1u << NER_G_PERSON)))
        return false;
    if (a >= 2 &&
        (in[a - 2].cap == NER_CAP_LOWER || in[a - 2].cap == NER_CAP_TITLE) &&
        (word_rule(st, a - 2) & WR_DWELL) &&
        (in[a - 1].h_lower == ner_hash_bytes("of", 2, 2) ||
         in[a - 1].h_lower == ner_hash_bytes("in", 2, 2)))
        return true;
    /* after the name, only the plural: "Windhoek residents" */
    return b < st->ntok_cur && in[b].cap == NER_CAP_LOWER &&
           (word_rule(st, b) & WR_DWELL) && text[tok[b].end - 1] == 's';
}

/* Is token k an adverb in -ly of five letters or more, in lower case
 * ("locally", "formerly")? */
static bool ly_word(const state *st, const char *text, const prism_token *tok,
                    size_t k)
{
    return tok[k].end - tok[k].start > 4 && st->info[k].cap == NER_CAP_LOWER &&
           !memcmp(text + tok[k].end - 2, "ly", 2);
}

/* The type of the name that the name at token a renames: "the Indonesian
 * Forum for the Environment, known as Walhi", "Typhoon Kalmaegi, known
 * locally as Tino", "Sean Combs, known as Diddy", "its parts business,
 * called Aumovio"; -1 when no tagged name or noun that says what it is
 * ends right before ", known (locally) as" or "(,) called". */
static int renamed_type(const state *st, const char *text,
                        const prism_token *tok, size_t a)
{
    /* w: the last word before ", known (locally) as" or "(,) called",
     * either after a word of when ("formerly", "previously", "now") */
    static const char *const when[] = {
        "formerly", "previously", "originally", "once", "now", "then", "later"};
    size_t w;
    if (a >= 4 && word_is(text, tok, a - 1, "as")) {
        size_t k = a - 2;
        if (ly_word(st, text, tok, k))
            k--; /* "locally", "widely", "internationally" */
        if (k < 2 || !word_is(text, tok, k, "known"))
            return -1;
        if (k > 2 &&
            (WORD_IN(text, tok, k - 1, when) || ly_word(st, text, tok, k - 1)))
            k--; /* "formerly known as" */
        if (!word_is(text, tok, k - 1, ","))
            return -1;
        w = k - 2;
    } else if (a >= 3 && word_is(text, tok, a - 1, "called")) {
        size_t k = a - 1;
        if (k > 2 &&
            (WORD_IN(text, tok, k - 1, when) || ly_word(st, text, tok, k - 1)))
            k--; /* "previously called" */
        w = word_is(text, tok, k - 1, ",") ? k - 2 : k - 1;
        if (k < a - 1 && w == k - 1)
            return -1; /* "a boy now called" */
    } else {
        return -1;
    }
    /* past a person's dates: "Kim Min-seo (born 1996), known mononymously
     * as Minseo" */
    if (word_is(text, tok, w, ")"))
        for (size_t j = w; j-- > 0 && j + 12 > w;)
            if (word_is(text, tok, j, "(")) {
                if (j == 0)
                    return -1;
                w = j - 1;
                break;
            }
    if (st->info[w].cap == NER_CAP_LOWER) {
        /* a noun that says what it is: "the monetary policy committee,
         * known as Copom", "its parts business, called Aumovio" */
        int l = head_label(text + tok[w].start, tok[w].end - tok[w].start);
        return l == L_ORG                 ? NER_ORG
               : l == L_GPE || l == L_LOC ? NER_LOC
               : l == L_PERSON            ? NER_PER
                                          : -1;
    }
    int t = st->tags[w];
    if (t == 0 || (ner_tag_part(t) != NER_L && ner_tag_part(t) != NER_U))
        return -1;
    /* the name heads its phrase: not "its mission in South Sudan, known
     * as UNMISS" */
    size_t s = span_start(st, w);
    if (s > 0 && st->info[s - 1].cap == NER_CAP_LOWER &&
        (word_rule(st, s - 1) & WR_TOWARD))
        return -1;
    return ner_tag_type(t);
}

/* Is the name [a, b) where someone works: after "at", a few lower-case
 * words after a role ("an economist at Gavekal Dragonomics", "head of
 * tanker research at Oil Brokerage", "had worked at Kone"; the role may
 * open the sentence: "Analysts at Counterpoint Research said"), and no
 * list knows it as a place or a building? */
static bool works_at(const state *st, const char *text, const prism_token *tok,
                     size_t a, size_t b)
{
    static const char *const roles[] = {
        "economist", "analyst",   "strategist", "researcher", "professor",
        "lecturer",  "scientist", "engineer",   "partner",    "manager",
        "executive", "head",      "director",   "fellow",     "trader",
        "worked",    "works"};
    static const char *const role_plurals[] = {
        "economists", "analysts",  "strategists", "researchers",
        "scientists", "engineers", "traders"};
    const ner_info *in = st->info;
    if (a < 2 || !word_is(text, tok, a - 1, "at") ||
        (gaz_mask(phrase_gaz(st, a, b)) &
         ((1u << NER_G_COUNTRY) | (1u << NER_G_CITY) | (1u << NER_G_STATE) |
          (1u << NER_G_REGION) | (1u << NER_G_ALIAS) | (1u << NER_G_LOC))) ||
        (word_rule(st, b - 1) & WR_FACH))
        return false;
    for (size_t k = a - 2; k + 6 > a; k--) {
        bool opens = in[k].first && in[k].cap == NER_CAP_TITLE;
        if ((in[k].cap != NER_CAP_LOWER && !opens) || !in[k].alpha)
            return false;
        if (WORD_IN(text, tok, k, roles) || WORD_IN(text, tok, k, role_plurals))
            return true;
        if (k == 0 || opens)
            return false;
    }
    return false;
}

/* Is the token made of stops only: ".", "?", "!", "?!", "...", "…"?
 * With `inner`, only of those that cannot stand inside a name (a
 * question mark, an ellipsis), not "." ("St . Louis") or "!" ("E! News"). */
static bool stop_tok(const char *text, const prism_token *t, bool inner)
{
    const char *w = text + t->start;
    size_t n = t->end - t->start;
    if (n == 3 && !memcmp(w, "\xe2\x80\xa6", 3))
        return true; /* … */
    bool question = false;
    for (size_t k = 0; k < n; k++) {
        if (w[k] != '.' && w[k] != '?' && w[k] != '!')
            return false;
        question |= w[k] == '?';
    }
    return n > 0 && (!inner || question || (n >= 2 && w[0] == '.'));
}

/* Is token i written together with the rest of the name [i, b): glued to
 * the next token, and that not a stop after which a space comes ("ID.3",
 * "CPI(M)", not "LMAO. lol")? */
static bool glued_on(const char *text, const prism_token *tok, size_t i,
                     size_t b)
{
    if (i + 1 >= b || tok[i].end != tok[i + 1].start)
        return false;
    return !stop_tok(text, &tok[i + 1], false) ||
           (i + 2 < b && tok[i + 1].end == tok[i + 2].start);
}

/* A name opens with no stop ("LMAO. lol") and runs across no question
 * mark or ellipsis ("pigment.? ...Nope"): what follows the last is all
 * that may be a name. Returns false when nothing is left. */
static bool trim_stops(const char *text, const prism_token *tok, size_t *a,
                       size_t *b)
{
    while (*a < *b && stop_tok(text, &tok[*a], false))
        (*a)++;
    for (size_t i = *a + 1; i + 1 < *b; i++)
        if (stop_tok(text, &tok[i], true))
            *a = i + 1;
    return *a < *b;
}

/* The gazetteer key of the name [a, b) whose last word's key is `last`
 * rather than token b - 1's own: a part of the token ("Boston" of
 * "Boston-based"), or more of the text ("John's"). */
static uint32_t key_with_last(const state *st, size_t a, size_t b,
                              uint32_t last)
{
    uint32_t key = 0;
    for (size_t i = a; i + 1 < b; i++)
        key = ner_key_extend(key, st->info[i].key, i == a);
    return ner_key_extend(key, last, b - 1 == a);
}

/* Is the name [a, b) of several words the plural of a people's name the
 * gazetteer knows in the singular only ("East Germans", "North Koreans",
 * "New Zealanders", "Greek Cypriots")? */
static bool plural_people(const state *st, size_t a, size_t b)
{
    const prism_token *t = &st->tok_cur[b - 1];
    size_t n = t->end - t->start;
    if (b - a < 2 || n < 4 || st->text_cur[t->end - 1] != 's' ||
        st->info[b - 1].cap != NER_CAP_TITLE)
        return false;
    ner_word w;
    ner_word_make(&w, st->text_cur + t->start, n - 1);
    return has(
        ner_gaz_find(&st->model, key_with_last(st, a, b, ner_key_word(&w))),
        NER_G_NORP);
}

/* NER_LOC or NER_ORG when the name [a, b) and the "'s" glued to it are a
 * place or an organisation a list knows, "St. John's", "Macy's" (the
 * lists keep "'s" in the name's last word, where the tokenizer splits it
 * off); -1 otherwise. */
static int with_apostrophe(const state *st, const char *text,
                           const prism_token *tok, size_t ntok, size_t a,
                           size_t b)
{
    if (b >= ntok || b - a > 8 || !apostrophe_tok(text, &tok[b]) ||
        tok[b].start != tok[b - 1].end)
        return -1;
    ner_word w;
    ner_word_make(&w, text + tok[b - 1].start, tok[b].end - tok[b - 1].start);
    uint32_t key = key_with_last(st, a, b, ner_key_word(&w));
    uint32_t mask = gaz_mask(ner_gaz_find(&st->model, key));
    if (mask & ((1u << NER_G_COUNTRY) | (1u << NER_G_CITY) |
                (1u << NER_G_STATE) | (1u << NER_G_LOC)))
        return NER_LOC;
    if (mask & ((1u << NER_G_ORG) | (1u << NER_G_ORGLIST)))
        return NER_ORG;
    return -1;
}

/* Do the words of [a, b) end a longer name the tagger read as a person's
 * elsewhere in the document ("San Martín" after "José de San Martín")? */
static bool ends_a_persons_name(const state *st, size_t a, size_t b)
{
    size_t n = b - a;
    for (size_t e = n + 1; e <= st->ntok_cur; e++) {
        int part = ner_tag_part(st->tags[e - 1]);
        if (ner_tag_type(st->tags[e - 1]) != NER_PER || !st->tags[e - 1] ||
            (part != NER_L && part != NER_U) || e == b)
            continue;
        size_t k = 0;
        while (k < n &&
               st->info[e - 1 - k].h_form == st->info[b - 1 - k].h_form)
            k++;
        if (k == n && e - n > 0 && st->tags[e - n - 1] &&
            ner_tag_type(st->tags[e - n - 1]) == NER_PER &&
            ner_tag_part(st->tags[e - n - 1]) != NER_L &&
            ner_tag_part(st->tags[e - n - 1]) != NER_U)
            return true;
    }
    return false;
}

/* Is token i titles joined by hyphens, "Governor-General", "Count-Duke",
 * "Lieutenant-Governor"? */
static bool hyphen_title(const state *st, const char *text,
                         const prism_token *tok, size_t i)
{
    const char *w = text + tok[i].start, *e = text + tok[i].end;
    const char *h = memchr(w, '-', (size_t)(e - w));
    if (!h)
        return false;
    for (const char *p = w; p < e;) {
        const char *q = memchr(p, '-', (size_t)(e - p));
        if (!q)
            q = e;
        ner_word part;
        ner_word_make(&part, p, (size_t)(q - p));
        if (q == p ||
            !has(ner_gaz_find(&st->model, ner_key_word(&part)), NER_G_TITLE))
            return false;
        p = q + 1;
    }
    return true;
}

/* Is token i, in lower case, a direction made of compass words
 * ("north-western", "south-east")? No place's name. */
static bool compass_word(const state *st, const char *text,
                         const prism_token *tok, size_t i)
{
    static const char *const parts[] = {
        "north",     "south",     "east",    "west",      "northern",
        "southern",  "eastern",   "western", "northeast", "northwest",
        "southeast", "southwest", "central"};
    if (st->info[i].cap != NER_CAP_LOWER)
        return false;
    const char *p = text + tok[i].start, *e = text + tok[i].end;
    while (p < e) {
        const char *q = memchr(p, '-', (size_t)(e - p));
        if (!q)
            q = e;
        if (!one_of(p, (size_t)(q - p), parts, sizeof parts / sizeof *parts))
            return false;
        p = q + 1;
    }
    return true;
}

/* Is the one-word name [a, b) what one heads, speaks for or belongs
 * to: "the head of Wagner", "members of Unite", "the owner of Zara" (not
 * "the wife of Wagner", nor "the head of Sisi's office"); or what the
 * person after it founded or leads: "Wise co-founder Kristo Käärmann"? */
static bool headed_body(const state *st, const char *text,
                        const prism_token *tok, size_t a, size_t b)
{
    static const char *const heads[] = {
        "head",        "leader",       "boss",         "chairman", "chairwoman",
        "ceo",         "owner",        "owners",       "members",  "spokesman",
        "spokeswoman", "spokesperson", "shareholders", "employees"};
    static const char *const founders[] = {
        "founder", "co-founder", "cofounder", "ceo", "chairman", "chairwoman"};
    size_t n = st->ntok_cur;
    if (b != a + 1)
        return false;
    if (a > 1 && word_is(text, tok, a - 1, "of") &&
        hashed_in(st, a - 2, heads, sizeof heads / sizeof *heads) &&
        !(b < n && apostrophe_tok(text, &tok[b])))
        return true;
    return b + 1 < n && st->info[b].cap == NER_CAP_LOWER &&
           hashed_in(st, b, founders, sizeof founders / sizeof *founders) &&
           st->info[b + 1].cap == NER_CAP_TITLE;
}

/* Does "published by", "released by" or the like come right before the
 * name [a, b)? Or "run by" or "maintained by" before a one-word name
 * ("a bootcamp run by Andela"; a full name is a person's: "a repair shop
 * run by Kanekichi Yasui")? */
static bool issued_by(const state *st, const char *text, const prism_token *tok,
                      size_t a, size_t b)
{
    static const char *const issued[] = {
        "published",   "republished", "released",     "reissued", "printed",
        "distributed", "developed",   "manufactured", "operated", "issued"};
    static const char *const runs[] = {"run", "maintained"};
    return a > 1 && word_is(text, tok, a - 1, "by") &&
           st->info[a - 2].cap == NER_CAP_LOWER &&
           (WORD_IN(text, tok, a - 2, issued) ||
            (b == a + 1 && WORD_IN(text, tok, a - 2, runs)));
}

/* Is token k, in lower case, the noun of a firm or of a person ("company",
 * "start-up", "man", "dentist", "residents"; not "group", which a firm
 * named after its town has too)? */
static bool noun_of_someone(const state *st, const char *text,
                            const prism_token *tok, size_t k)
{
    if (k >= st->ntok_cur || st->info[k].cap != NER_CAP_LOWER ||
        word_is(text, tok, k, "group")) /* "a truly global Tata group" */
        return false;
    int l = head_label(text + tok[k].start, tok[k].end - tok[k].start);
    return l == L_ORG || l == L_PERSON ||
           (word_rule(st, k) & (WR_ORGN | WR_ORGS | WR_PERN | WR_DWELL));
}

/* The article "a" or "an" before token i, past up to two lower-case
 * words ("a Toulouse company", "a small Tallinn software house"): its
 * index, or SIZE_MAX. */
static size_t article_before(const state *st, const char *text,
                             const prism_token *tok, size_t i)
{
    const ner_info *in = st->info;
    size_t k = i;
    while (k > 0 && k + 2 > i && in[k - 1].cap == NER_CAP_LOWER &&
           in[k - 1].alpha && !word_is(text, tok, k - 1, "a") &&
           !word_is(text, tok, k - 1, "an"))
        k--;
    return k > 0 && (word_is(text, tok, k - 1, "a") ||
                     word_is(text, tok, k - 1, "an"))
               ? k - 1
               : SIZE_MAX;
}

/* The noun of a firm or of a person (noun_of_someone) at token b, or past
 * one more lower-case word ("a Dundee jute worker"): its index, or
 * SIZE_MAX. */
static size_t someone_after(const state *st, const char *text,
                            const prism_token *tok, size_t b)
{
    if (noun_of_someone(st, text, tok, b))
        return b;
    if (b + 1 < st->ntok_cur && st->info[b].cap == NER_CAP_LOWER &&
        st->info[b].alpha && noun_of_someone(st, text, tok, b + 1))
        return b + 1;
    return SIZE_MAX;
}

/* Is [a, b) where one is born, lives or dies ("born in Alexandra"),
 * whatever given name it is, when no list knows it as a person? */
static bool born_in(const state *st, const char *text, const prism_token *tok,
                    size_t a, size_t b)
{
    static const char *const lives[] = {"born",  "raised", "died",
                                        "lives", "lived",  "buried"};
    return a > 1 && word_is(text, tok, a - 1, "in") &&
           WORD_IN(text, tok, a - 2, lives) &&
           !(gaz_mask(phrase_gaz(st, a, b)) & (1u << NER_G_PERSON));
}

/* Is [a, b) the name in "the Tasnim news agency", no person nor people
 * the lists know ("the Iranian news agency IRNA")? */
static bool news_agency(const state *st, const char *text,
                        const prism_token *tok, size_t a, size_t b)
{
    return a > 0 && b + 1 < st->ntok_cur && word_is(text, tok, a - 1, "the") &&
           word_is(text, tok, b, "news") &&
           word_is(text, tok, b + 1, "agency") &&
           !(gaz_mask(phrase_gaz(st, a, b)) &
             ((1u << NER_G_PERSON) | (1u << NER_G_NORP)));
}

/* Does a noun that says what a firm is stand right before token a, or
 * before a comma before it: "the label World Circuit", "The firm, Oasis
 * Homes, had promised"? */
static bool org_noun_before(const state *st, const char *text,
                            const prism_token *tok, size_t a)
{
    if (a > 1 && word_is(text, tok, a - 1, ","))
        a--;
    return a > 0 && st->info[a - 1].cap == NER_CAP_LOWER &&
           (word_rule(st, a - 1) & WR_ORGS);
}

/* Is [a, b) a ruler's or an officer's title alone, after "the" or before
 * "of": "the King had renounced", "loyalty to the Sultan", "crowned King
 * of Lithuania", "elected Great Khan"? No name, whatever the tagger read
 * (not "Billie Jean King", nor "King said" after her). */
static bool title_alone(const state *st, const char *text,
                        const prism_token *tok, size_t a, size_t b)
{
    static const char *const rulers[] = {
        "king",    "queen",  "duke",    "duchess",  "khan",    "mahdi",
        "tsar",    "czar",   "shah",    "viceroy",  "caliph",  "pharaoh",
        "kaiser",  "shogun", "khedive", "emperor",  "empress", "sultan",
        "sultana", "emir",   "pope",    "patriarch"};
    if (b - a > 2 || st->info[b - 1].cap != NER_CAP_TITLE)
        return false;
    bool great = b - a == 2 && word_is(text, tok, a, "Great");
    if (great)
        a++;
    if (b - a != 1 ||
        !(great ||
          (a > 0 && st->info[a - 1].h_lower == ner_hash_bytes("the", 3, 2)) ||
          (b < st->ntok_cur &&
           st->info[b].h_lower == ner_hash_bytes("of", 2, 2))))
        return false;
    return is_title(st, a, b) || WORD_IN(text, tok, a, rulers);
}

static bool located_in(const state *st, const char *text,
                       const prism_token *tok, size_t a, size_t b);
static bool role_of(const state *st, const char *text, const prism_token *tok,
                    size_t a);

/* Applies the span rules to the tagged name [*a, *b) of the model's type
 * *type. Returns false when the span is no name at all. */
/* Do the words from token b say that the name before them is a brand a
 * body owns: "Zara owner Inditex", "Facebook parent Meta"? */
static bool brand_of(const state *st, const char *text, const prism_token *tok,
                     size_t b)
{
    static const char *const owners[] = {"owner", "parent", "maker"};
    return b + 1 < st->ntok_cur && st->info[b].cap == NER_CAP_LOWER &&
           WORD_IN(text, tok, b, owners) &&
           ner_tag_type(st->tags[b + 1]) == NER_ORG;
}

/* Is the given name alone at token i, after a firm's possessive and
 * before a lower-case word, its product's, an assistant's or a model's:
 * "Anthropic’s Claude and", "Amazon’s Alexa assistant" (not "Tesla's Musk",
 * a person in the news, nor one who speaks)? */
static bool firm_product(const state *st, const char *text,
                         const prism_token *tok, size_t i)
{
    const uint32_t given = (1u << NER_G_FIRST) | (1u << NER_G_GIVEN);
    uint32_t gm = gaz_mask(phrase_gaz(st, i, i + 1));
    int before = i >= 2 ? ner_tag_part(st->tags[i - 2]) : -1;
    return i >= 2 && apostrophe_tok(text, &tok[i - 1]) &&
           ner_tag_type(st->tags[i - 2]) == NER_ORG &&
           (before == NER_L || before == NER_U) && (gm & given) &&
           !(gm & ((1u << NER_G_PERSON) | (1u << NER_G_NEWS))) &&
           i + 1 < st->ntok_cur && st->info[i + 1].alpha &&
           st->info[i + 1].cap == NER_CAP_LOWER &&
           !WORD_IN(text, tok, i + 1, SAYS); /* not "said Kodak's Giles." */
}

static bool span_rules(const state *st, const char *text,
                       const prism_token *tok, size_t *a, size_t *b, int *type)
{
    const ner_info *in = st->info;
    const int type0 = *type; /* the tagger's */
    if (!trim_stops(text, tok, a, b))
        return false;
    if (*b == *a + 1 && compass_word(st, text, tok, *a))
        return false; /* "in north-western Namibia" */
    if (title_alone(st, text, tok, *a, *b))
        return false;
    /* "al" in lower case opens a body's name the tagger read without it:
     * "claimed by al Shabaab", "an al Qaeda affiliate" */
    if (*a > 0 && word_is(text, tok, *a - 1, "al") && !st->tags[*a - 1] &&
        tok[*a - 1].end + 1 == tok[*a].start &&
        (gaz_mask(phrase_gaz(st, *a - 1, *b)) &
         ((1u << NER_G_ORG) | (1u << NER_G_ORGLIST))))
        (*a)--;
    if (*b - *a >= 2 && word_is(text, tok, *a, "al") &&
        in[*a].cap == NER_CAP_LOWER &&
        (gaz_mask(phrase_gaz(st, *a, *b)) &
         ((1u << NER_G_ORG) | (1u << NER_G_ORGLIST))))
        *type = NER_ORG;
    /* the acronym of a technology, a substance or an illness alone: "bet
     * on AI", "GPU capacity", "a ban on PFAS", "severe Covid" */
    static const char *const techs[] = {
        "ai",   "gpu",  "gpus", "cpu",   "llm",      "llms",  "pfas",
        "ptsd", "sars", "mers", "covid", "covid-19", "crispr"};
    if (*b == *a + 1 && in[*a].cap != NER_CAP_LOWER &&
        WORD_IN(text, tok, *a, techs))
        return false;
    /* a noun the press of South Asia capitalises, alone after an article:
     * "the State had suffered", "a Bill to make" */
    static const char *const nouns[] = {"state", "states",    "bill",
                                        "bills", "statehood", "bench"};
    if (*b == *a + 1 && *a > 0 && in[*a].cap == NER_CAP_TITLE &&
        WORD_IN(text, tok, *a - 1, ARTICLES) && WORD_IN(text, tok, *a, nouns))
        return false;

    /* an illness named after its discoverer is a thing's name: "an
     * Alzheimer's drug", "Parkinson's disease" */
    static const char *const eponyms[] = {
        "alzheimer", "parkinson", "huntington", "crohn",
        "asperger",  "tourette",  "hodgkin"};
    if (*b - *a <= 2 && *b < st->ntok_cur && apostrophe_tok(text, &tok[*b]) &&
        WORD_IN(text, tok, *b - 1, eponyms)) {
        *a = *b - 1;
        *type = NER_MISC;
    }
    /* a compass's word alone before "of" or before "and" and another
     * ("North of Kandy", "Central and Eastern Europe") */
    static const char *const sides[] = {"north",    "south",   "east",
                                        "west",     "central", "northern",
                                        "southern", "eastern", "western"};
    if (*b == *a + 1 && *b + 1 < st->ntok_cur && in[*a].cap == NER_CAP_TITLE &&
        WORD_IN(text, tok, *a, sides) &&
        (word_is(text, tok, *b, "of") ||
         (word_is(text, tok, *b, "and") && WORD_IN(text, tok, *b + 1, sides))))
        return false;
    /* a lower-case "pro-" word is no part of the name after it: "the
     * pro-European Party of Action and Solidarity" */
    while (*b - *a > 1 && in[*a].cap != NER_CAP_TITLE &&
           (!strncmp(text + tok[*a].start, "pro-", 4) ||
            !strncmp(text + tok[*a].start, "anti-", 5)))
        (*a)++;
    if (*b == *a + 1 && state_after_town(st, text, tok, *a, st->ntok_cur)) {
        *type = NER_LOC; /* "WILMINGTON, Del., Feb 26" */
        return true;
    }
    /* a minister's portfolio is no name of its own: "Justice Minister
     * Waldemar Żurek" after "Law and Justice" */
    if (*b == *a + 1 && *b < st->ntok_cur && *type != NER_PER &&
        WORD_IN(text, tok, *a, PORTFOLIOS) &&
        (word_is(text, tok, *b, "Minister") ||
         word_is(text, tok, *b, "Secretary")))
        return false;
    /* "Hooker Codie Taylor", "Organisers SCC Events": a sentence's first
     * word that says what the person or body is and opens no name (not
     * "Bank Negara", "Executive Life") */
    static const char *const positions[] = {
        "hooker", "prop", "flanker", "fly-half", "scrum-half", "halfback",
        "paceman", "spinner", "opener", "batter", "bowler", "wicketkeeper",
        "midfielder", "defender", "goalkeeper", "winger",
        /* and the arts' ("Singer Tems will headline", "Director Ani
         * Tovmasyan said") */
        "singer", "rapper", "actor", "actress", "composer", "novelist", "poet",
        "painter", "filmmaker", "photographer", "designer", "architect",
        "pianist", "cellist", "violinist", "guitarist", "conductor",
        "choreographer", "playwright", "comedian", "curator", "director"};
    static const char *const bodies[] = {"organisers", "organizers",
                                         "promoters"};
    /* "Chipmaker Nvidia fell": a firm's industry opening a sentence is no
     * part of its name */
    static const char *const industries[] = {
        "chipmaker",   "carmaker",     "automaker",   "drugmaker",
        "meatpacker",  "steelmaker",   "shipbuilder", "refiner",
        "retailer",    "insurer",      "lender",      "miner",
        "broadcaster", "conglomerate", "biotech",     "startup",
        "telco"};
    if (*b - *a >= 2 && in[*a].cap == NER_CAP_TITLE &&
        WORD_IN(text, tok, *a, industries)) {
        (*a)++;
        *type = NER_ORG;
    } else if (*b - *a >= 2 && opens_sentence(text, tok, in, *a) &&
               in[*a].cap == NER_CAP_TITLE &&
               (in[*a + 1].cap == NER_CAP_TITLE ||
                in[*a + 1].cap == NER_CAP_UPPER) &&
               (WORD_IN(text, tok, *a, positions) ||
                WORD_IN(text, tok, *a, bodies))) {
        *type = WORD_IN(text, tok, *a, positions) ? NER_PER : NER_ORG;
        (*a)++;
    } else if (*a > 0 && *type != NER_PER && st->tags[*a - 1] == 0 &&
               opens_sentence(text, tok, in, *a - 1) &&
               in[*a - 1].cap == NER_CAP_TITLE &&
               WORD_IN(text, tok, *a - 1, positions) &&
               !(gaz_mask(phrase_gaz(st, *a, *b)) &
                 ((1u << NER_G_ORG) | (1u << NER_G_ORGLIST))))
        *type = NER_PER; /* the tagger left the word out of the name */
    /* "Ontario-based Magna", "March Eurodollars": the qualifier or the
     * month before the name is not part of it (a month may start an
     * event's name, "October Revolution", and one that is a given name a
     * person's, "June Carter"). */
    static const char *const media[] = {"tv", "cd"}; /* "TV Globo", "CD
                                                          Projekt" */
    while (
        *b - *a > 1 &&
        (based_word(text, &tok[*a]) ||
         (in[*a].cap == NER_CAP_UPPER &&
          (word_rule(st, *a) & WR_NOTNAME) && /* "CEO Tim Cook" */
          !glued_on(text, tok, *a, *b) &&     /* not "ID.3", "CPI(M)" */
          !(*type == NER_ORG && WORD_IN(text, tok, *a, media))) ||
         ((word_rule(st, *a) & WR_TIME) && *type != NER_MISC &&
          !(*type == NER_PER && has(phrase_gaz(st, *a, *a + 1), NER_G_FIRST)))))
        (*a)++;
    if (!trim_stops(text, tok, a, b)) /* "LMAO. lol" */
        return false;
    /* "The" after a dash opens the sentence a dateline precedes ("Accra
     * — The Bank of Ghana"); it is no part of the name. */
    if (*b - *a > 1 && *a > 0 && word_is(text, tok, *a, "The") &&
        dash_tok(text, &tok[*a - 1]) && !phrase_gaz(st, *a, *b))
        (*a)++;
    /* Function words at either end ("Memphis This", "For Books"),
     * sentence punctuation at the end ("Jeff !"), and a hyphenated
     * lower-case word at the end, with a possessive before it ("the
     * Paris start-up"). */
    for (;;) {
        if (*b - *a < 2)
            break;
        if (in[*b - 1].cap == NER_CAP_LOWER &&
            memchr(text + tok[*b - 1].start, '-',
                   tok[*b - 1].end - tok[*b - 1].start)) {
            (*b)--; /* "the Association's co-chairman" */
            if (*b - *a > 1 && apostrophe_tok(text, &tok[*b - 1]))
                (*b)--;
            /* what is left is a place when a list says so */
            if (gaz_mask(phrase_gaz(st, *a, *b)) &
                ((1u << NER_G_COUNTRY) | (1u << NER_G_CITY) |
                 (1u << NER_G_STATE)))
                *type = NER_LOC;
        } else if ((in[*b - 1].cap != NER_CAP_UPPER &&
                    (word_rule(st, *b - 1) & (WR_EDGE | WR_TAIL | WR_GREET)) &&
                    !(in[*b - 1].cap == NER_CAP_TITLE &&
                      word_is(text, tok, *b - 1, "An"))) || /* "Hoi An" */
                   end_punct(text, &tok[*b - 1]) ||
                   full_stop_after(st, text, tok, *b - 1) ||
                   foreign_particle(st, *b - 1)) /* "Ecole nationale des" */
            (*b)--;
        else
            break;
    }
    /* (not the first word of a name a list knows: "He Lifeng", "To
     * Lam", "Beyond Meat") */
    const uint32_t towns =
        (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) | (1u << NER_G_STATE);
    size_t e0 = *a;
    /* (nor the first word of a title in quotation marks: "“There Will Be
     * Blood”", which the tagger may have left out) */
    bool quoted = *b < st->ntok_cur && quote_side(st, text, tok, *b, false);
    if (quoted && *a > 1 && !st->tags[*a - 1] &&
        in[*a - 1].cap == NER_CAP_TITLE && (word_rule(st, *a - 1) & WR_EDGE) &&
        quote_side(st, text, tok, *a - 2, true) &&
        in_title_quote(st, text, tok, *a - 1, *b))
        (*a)--;
    while (*b - *a > 1 && in[*a].cap != NER_CAP_UPPER &&
           (word_rule(st, *a) & WR_EDGE) && !phrase_gaz(st, *a, *b) &&
           !(quoted && *a > 0 && quote_side(st, text, tok, *a - 1, true)))
        (*a)++;
    /* "Below Naples, a network": what is left is a place when a list
     * says so */
    if (*a > e0 && (gaz_mask(phrase_gaz(st, *a, *b)) & towns))
        *type = NER_LOC;
    /* "Post-Soviet Georgia", "Northern Mozambique" opening a sentence: a
     * prefix's word, or a compass's adjective before a place a list knows
     * (when the whole is none: "Northern Ireland"), is no part of the
     * name */
    static const char *const prefixes[] = {"post-", "pre-", "anti-",
                                           "pro-",  "ex-",  "non-"};
    static const char *const compass_adj[] = {
        "northern",      "southern",      "eastern",
        "western",       "central",       "north-eastern",
        "north-western", "south-eastern", "south-western"};
    if (*b - *a >= 2 &&
        (in[*a].cap == NER_CAP_TITLE || in[*a].cap == NER_CAP_MIXED)) {
        const char *w = text + tok[*a].start;
        size_t n = tok[*a].end - tok[*a].start;
        bool prefix = false;
        for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++) {
            size_t m = strlen(prefixes[k]);
            prefix |= n > m + 2 && !strncasecmp(w, prefixes[k], m);
        }
        const uint32_t places =
            (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) | (1u << NER_G_STATE);
        /* the tokenizer may keep the prefix apart: "Post" "-" "Soviet" */
        size_t skip = 1;
        static const char *const bare[] = {"post", "pre", "anti",
                                           "pro",  "ex",  "non"};
        if (!prefix && *b - *a >= 4 && WORD_IN(text, tok, *a, bare) &&
            word_is(text, tok, *a + 1, "-") &&
            tok[*a + 1].start == tok[*a].end &&
            tok[*a + 2].start == tok[*a + 1].end) {
            prefix = true;
            skip = 3;
        }
        if ((prefix || (in[*a].first && WORD_IN(text, tok, *a, compass_adj) &&
                        !phrase_gaz(st, *a, *b))) &&
            (gaz_mask(phrase_gaz(st, *a + skip, *b)) & places)) {
            *a += skip;
            *type = NER_LOC;
        }
    }
    /* a press release's closing "SOURCE Marisco Labs" */
    if (*b - *a > 1 && in[*a].cap == NER_CAP_UPPER &&
        word_is(text, tok, *a, "source"))
        (*a)++;
    /* "Archbishop of Canterbury", "President of the United States": a
     * title and the place it is of (a country, state or city the
     * gazetteer knows; an unknown word alone, "Secretary of Defense", is
     * no name; "Queen of the South", a club, stays). */
    if (*b - *a >= 3 &&
        (is_title(st, *a, *a + 1) || hyphen_title(st, text, tok, *a) ||
         (*type == NER_PER && (word_rule(st, *a) & WR_LEAD))) &&
        in[*a + 1].h_lower == ner_hash_bytes("of", 2, 2)) { /* "Count of" */
        size_t k = *a + 2;
        if (k + 1 < *b && in[k].h_lower == ner_hash_bytes("the", 3, 2))
            k++;
        const uint32_t places = (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) |
                                (1u << NER_G_STATE) | (1u << NER_G_ALIAS);
        uint32_t gm = gaz_mask(phrase_gaz(st, k, *b));
        if ((gm & places) &&
            (*b - k > 1 || in[k].lex == NER_LEX_NONE || in[k].lex / 3 == 0)) {
            *type = NER_LOC;
            *a = k;
        } else if (*b - k == 1 && !gm) {
            return false;
        }
    }
    /* The same said apart: "the Minister of Economy", "the President of
     * the Republic", where the tagger took the ordinary word alone. */
    if (*b - *a == 1 && *a >= 2 && *type != NER_PER) {
        size_t k = *a - 1;
        if (in[k].h_lower == ner_hash_bytes("the", 3, 2) && k > 1)
            k--;
        if (in[k].h_lower == ner_hash_bytes("of", 2, 2) &&
            is_title(st, k - 1, k) && in[*a].lex != NER_LEX_NONE &&
            in[*a].lex / 3 > 0 && /* common in lower case */
            !(gaz_mask(phrase_gaz(st, *a, *b)) & NOT_PER))
            return false;
    }
    /* ... and with "for": "the Minister for Foreign Affairs", "Secretary
     * of State for Health", the portfolio of one to three ordinary words
     * (not a place: "Secretary of State for Wales"; not "a spokesman for
     * Airbus"). */
    static const char *const offices[] = {"minister", "secretary",
                                          "commissioner", "state"};
    if (*b - *a <= 3 && *a >= 2 && *type != NER_PER &&
        in[*a - 1].h_lower == ner_hash_bytes("for", 3, 2) &&
        in[*a - 2].cap == NER_CAP_TITLE && hashed_in(st, *a - 2, offices, 4) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) &
          ((1u << NER_G_COUNTRY) | (1u << NER_G_CITY) | (1u << NER_G_STATE) |
           (1u << NER_G_ALIAS)))) {
        size_t k = *a;
        while (k < *b && in[k].lex != NER_LEX_NONE && in[k].lex / 3 > 0)
            k++;
        if (k == *b)
            return false;
    }
    /* A noble's or a ruler's title opens a person's name, whatever the
     * tagger read ("Count Kacper Skarbek"); a nationality and a title
     * alone are a nationality ("the Saudi Crown Prince"). */
    static const char *const nobles[] = {
        "count",    "countess", "duchess", "baroness", "viscount", "marquis",
        "marquess", "margrave", "tsar",    "czar",     "tsarina",  "empress",
        "mansa",    "caliph",   "sultan",  "emir",     "khedive",  "negus",
        "kabaka",   "hetman",   "abuna"};
    if (*b - *a >= 2 && *type != NER_PER && in[*a].cap == NER_CAP_TITLE &&
        WORD_IN(text, tok, *a, nobles) &&
        in[*a + 1].h_lower != ner_hash_bytes("of", 2, 2)) /* "Empress of" */
        *type = NER_PER;
    if (*b - *a >= 2 && *type != NER_PER &&
        has(phrase_gaz(st, *a, *a + 1), NER_G_NORP) &&
        is_title(st, *a + 1, *b)) {
        *b = *a + 1;
        *type = NER_MISC;
    }
    /* A party's adjective before a given name and more is the person's
     * party, not part of a name ("the Conservative Zac Goldsmith"). */
    static const char *const parties[] = {
        "conservative", "labour",    "liberal", "democrat",
        "republican",   "socialist", "tory",    "green"};
    if (*b - *a >= 3 && in[*a].cap == NER_CAP_TITLE &&
        WORD_IN(text, tok, *a, parties) &&
        (has(phrase_gaz(st, *a + 1, *a + 2), NER_G_FIRST) ||
         has(phrase_gaz(st, *a + 1, *a + 2), NER_G_GIVEN))) {
        (*a)++;
        *type = NER_PER;
    }
    /* A person's name starts after titles and forms of address ("Dr",
     * "President", "Vice President", "Dear", "Aunt"). */
    /* a place a list knows whose name opens with a title's word: "Saint
     * Petersburg", "Prince Edward Island" (not "Prince Edward") */
    if (*type == NER_PER && *b - *a >= 2 &&
        (is_title(st, *a, *a + 1) || (word_rule(st, *a) & WR_LEAD))) {
        uint32_t gm = gaz_mask(phrase_gaz(st, *a, *b));
        if ((gm & ((1u << NER_G_CITY) | (1u << NER_G_STATE) |
                   (1u << NER_G_COUNTRY) | (1u << NER_G_LOC))) &&
            !(gm & ((1u << NER_G_PERSON) | (1u << NER_G_NEWS))))
            *type = NER_LOC;
    }
    /* ... and the title's word the tagger left out before the rest of
     * such a place's name, or of a body's ("Saint" "Petersburg", "Sultan"
     * "Qaboos University"; not "Mr" "King", nor "Dr" "Lee Clinic") */
    static const char *const sirs[] = {"mr",  "mr.",    "mrs",  "mrs.",
                                       "ms",  "ms.",    "miss", "dr",
                                       "dr.", "mister", "prof", "prof."};
    if (*a > 0 && !st->tags[*a - 1] && in[*a - 1].cap == NER_CAP_TITLE &&
        (is_title(st, *a - 1, *a) || (word_rule(st, *a - 1) & WR_LEAD)) &&
        !hashed_in(st, *a - 1, sirs, sizeof sirs / sizeof *sirs) &&
        tok[*a].start == tok[*a - 1].end + 1) {
        uint32_t gm = gaz_mask(phrase_gaz(st, *a - 1, *b));
        if ((gm & ((1u << NER_G_CITY) | (1u << NER_G_STATE) |
                   (1u << NER_G_COUNTRY) | (1u << NER_G_LOC))) &&
            !(gm & ((1u << NER_G_PERSON) | (1u << NER_G_NEWS)))) {
            (*a)--;
            *type = NER_LOC;
        } else if (*b - *a >= 2 &&
                   ((*type == NER_ORG &&
                     (gaz_mask(phrase_gaz(st, *b - 1, *b)) &
                      ((1u << NER_G_ORGWORD) | (1u << NER_G_ORGHEAD)))) ||
                    /* "King" "George V Dock" (not "Sen." "John Tower") */
                    (facility_head(st, *b - 1) &&
                     (*type != NER_PER || *b - *a >= 3) &&
                     !word_is(text, tok, *b - 1, "Tower"))))
            (*a)--;
    }
    /* no person's name holds a county's word: "Shelby County" is a place,
     * "Shelby County Schools" a body */
    static const char *const counties[] = {"county",  "parish",     "township",
                                           "borough", "prefecture", "oblast"};
    if (*type == NER_PER && *b - *a >= 2)
        for (size_t k = *a + 1; k < *b; k++)
            if (in[k].cap == NER_CAP_TITLE && WORD_IN(text, tok, k, counties)) {
                *type = k + 1 == *b ? NER_LOC : NER_ORG;
                break;
            }
    /* an ordinary word opening a quotation is no name: ': "Margins will
     * recover."' (a word SCOWL lists in lower case, no list's name) */
    if (*b - *a == 1 && *a >= 2 && *type != NER_PER &&
        in[*a].cap == NER_CAP_TITLE && in[*a].lex != NER_LEX_NONE &&
        in[*a].lex / 3 == 2 && !in[*a].gaz &&
        (text[tok[*a - 1].start] == '"' ||
         !strncmp(text + tok[*a - 1].start, "\xe2\x80\x9c", 3)) &&
        (text[tok[*a - 2].start] == ':' || text[tok[*a - 2].start] == ',') &&
        tok[*a - 1].start > tok[*a - 2].end && /* an opening quote: */
        tok[*a].start == tok[*a - 1].end)      /* not '," Moos said' */
        return false;
    /* a title alone after "the" or another title is no name: "The Lord
     * Chancellor resigned", "the Chief Rabbi" (not "Mr. King") */
    if (*type == NER_PER && *b - *a == 1 && *a > 0 &&
        in[*a].cap == NER_CAP_TITLE && is_title(st, *a, *b) &&
        !hashed_in(st, *a - 1, sirs, sizeof sirs / sizeof *sirs) &&
        (word_is(text, tok, *a - 1, "the") || is_title(st, *a - 1, *a) ||
         (word_rule(st, *a - 1) & WR_LEAD)))
        return false;
    if (*type == NER_PER) {
        size_t a0 = *a;
        static const char *const sons[] = {"bin", "ibn", "bint"};
        for (;;) {
            /* a title's word before "bin" is a given name: "Sheikh
             * Sultan bin Muhammad Al Qasimi", "Imam Sultan bin Saif" */
            if (*b - *a > 2 && WORD_IN(text, tok, *a + 1, sons))
                break;
            /* nor is it in a name a list knows whole, when it is no form
             * of address or royal title: "Sheikh Hasina", "Sultan Al
             * Jaber" (not "Ras Tafari", "Prince Philip"); nor in a
             * building's: "King George V Dock" */
            static const char *const royals[] = {"prince", "princess", "king",
                                                 "queen"};
            if (has(phrase_gaz(st, *a, *b), NER_G_PERSON) &&
                !((word_rule(st, *a) & WR_LEAD) &&
                  in[*a].cap != NER_CAP_UPPER) && /* "MS Dhoni" */
                !WORD_IN(text, tok, *a, royals))
                break;
            if (*b - *a > 2 && facility_head(st, *b - 1)) {
                *type = NER_LOC;
                break;
            }
            if (*b - *a > 2 && is_title(st, *a, *a + 2))
                *a += 2;
            else if (*b - *a > 1 && ((word_rule(st, *a) & WR_LEAD) ||
                                     is_title(st, *a, *a + 1)))
                (*a)++;
            else
                break;
        }
        if (in[*a].cap == NER_CAP_LOWER && *b - *a == 1)
            return false;
        /* titles alone are no name: "Datuk Seri" before a name the
         * tagger read apart */
        if (*a > a0 && *b - *a == 1 &&
            ((word_rule(st, *a) & WR_LEAD) || is_title(st, *a, *b)))
            return false;
        for (size_t i = *a + 1; i < *b; i++)
            if ((word_rule(st, i) & WR_GREET) ||
                (word_is(text, tok, i, "read") && i + 1 < st->ntok_cur &&
                 word_is(text, tok, i + 1, "more"))) { /* "By Aigerim
                                                    Seitkali Read more:" */
                *b = i;
                break;
            }
    }
    /* A given name (or a common name in SCOWL's lists) and one or two
     * more capitalised words that no list knows and that are names rather
     * than ordinary words ("Loretta Lynch", "Phillip Allen"; not "Johnson
     * Controls", "Ross County"; nor a name that the words around it or
     * its own first or last word make a place's: "the fortress of San
     * Giovanni", "Isla Colón", "Uhuru Peak") make a person's name. */
    if (*type != NER_PER && *b - *a >= 2 && *b - *a <= 3 &&
        !phrase_gaz(st, *a, *b) && !area_noun(st, *b) &&
        !romance_place(st, *a, *b) && !(word_rule(st, *a) & WR_LOCPRE) &&
        !(word_rule(st, *b - 1) & WR_FACH) &&
        !noun_says_place(st, text, tok, *a, *b) &&
        !place_of_person(st, text, tok, *a) &&
        !born_in(st, text, tok, *a, *b)) {
        const uint32_t heads = NOT_PER | (1u << NER_G_ORGWORD) |
                               (1u << NER_G_LOCWORD) | (1u << NER_G_MISCHEAD) |
                               (1u << NER_G_FACHEAD) | (1u << NER_G_ORGHEAD);
        const struct ner_gslot *g = phrase_gaz(st, *a, *a + 1);
        bool name =
            (has(g, NER_G_FIRST) || (in[*a].cap == NER_CAP_TITLE &&
                                     (in[*a].wsets & (1u << NER_W_UP1)))) &&
            !(in[*a].gaz & NOT_PER);
        for (size_t i = *a + 1; i < *b && name; i++)
            name = in[i].cap == NER_CAP_TITLE && in[i].lex != NER_LEX_NONE &&
                   (in[i].lex % 3 != 0 || in[i].lex / 3 == 0) &&
                   !((in[i].gaz | gaz_mask(phrase_gaz(st, i, i + 1))) & heads);
        if (name)
            *type = NER_PER;
    }
    /* Neither person, organisation nor place, unless the word before
     * says otherwise (below: "her sister Venus"): a language, religion,
     * planet or award ("Swahili", "Buddhism", "Saturn", "Grammys"), any
     * capitalised word in -ism, a name after "language"; a product of
     * Apple's kind ("iPhone"). */
    {
        const ner_info *t = &in[*a];
        const char *w = text + tok[*a].start;
        size_t wl = tok[*a].end - tok[*a].start;
        uint32_t lang = ner_hash_bytes("language", 8, 2);
        uint32_t langs = ner_hash_bytes("languages", 9, 2);
        if (*b - *a == 1 && ((word_rule(st, *a) & WR_LANG) ||
                             spoken_language(st, text, tok, *a) ||
                             (t->cap == NER_CAP_TITLE && wl > 5 &&
                              !strncmp(w + wl - 3, "ism", 3)) ||
                             (*a > 0 && (in[*a - 1].h_lower == lang ||
                                         in[*a - 1].h_lower == langs)) ||
                             (t->cap == NER_CAP_MIXED && wl > 2 &&
                              w[0] == 'i' && w[1] >= 'A' && w[1] <= 'Z')))
            *type = NER_MISC;
    }
    /* A storm's or an operation's name ("Hurricane Katrina", "a
     * hurricane named Melissa"). */
    if ((*b - *a >= 2 && in[*a].cap == NER_CAP_TITLE &&
         (word_rule(st, *a) & WR_MISCPRE)) ||
        (*a > 1 && word_is(text, tok, *a - 1, "named") &&
         in[*a - 2].cap == NER_CAP_LOWER &&
         (word_rule(st, *a - 2) & WR_MISCPRE)))
        *type = NER_MISC;
    /* A firm's noun just after the name, or after one more lower-case
     * word, says that the name the tagger read as a person's or a place's
     * is the firm's: "the Henriot faience factory", "its Pacific Bell
     * operating company" (not a place's that a list knows, "the Paris
     * agency", nor a known person's). */
    if ((*type == NER_PER || *type == NER_LOC) && *b + 1 < st->ntok_cur &&
        has_alpha_only(text, tok, *a, *b) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) &
          ((1u << NER_G_COUNTRY) | (1u << NER_G_CITY) | (1u << NER_G_STATE) |
           (1u << NER_G_PERSON) | (1u << NER_G_FIRST) | (1u << NER_G_NORP)))) {
        static const char *const firms[] = {
            "agency",  "factory",      "company",    "firm",
            "brewery", "shipyard",     "publisher",  "group",
            "chain",   "conglomerate", "cooperative"};
        static const char *const links[] = {"as", "of",  "in",   "at", "for",
                                            "to", "and", "with", "by", "or"};
        /* nor a verb between: "Fernández said chain stores" */
        static const char *const verbs[] = {
            "said",  "says", "told",   "tells", "owns",  "runs",
            "sold",  "left", "joined", "heads", "leads", "led",
            "built", "made", "is",     "was",   "has",   "had",
            "took",  "won",  "lost",   "set"};
        size_t k = *b;
        if (in[k].cap == NER_CAP_LOWER && in[k].alpha &&
            !WORD_IN(text, tok, k, firms) && !WORD_IN(text, tok, k, links) &&
            !WORD_IN(text, tok, k, verbs) && k + 1 < st->ntok_cur)
            k++;
        if (in[k].cap == NER_CAP_LOWER && WORD_IN(text, tok, k, firms) &&
            in[*b].cap == NER_CAP_LOWER)
            *type = NER_ORG;
    }
    /* A craft's noun just after the name says it is the craft's: "the
     * Rosetta spacecraft", "the Kepler space telescope" (not a place's a
     * list knows: "the Paris observatory"). */
    if ((*type == NER_PER || *type == NER_LOC) && *b - *a <= 2 &&
        *b + 1 < st->ntok_cur && *a > 0 &&
        WORD_IN(text, tok, *a - 1, ARTICLES) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) & NOT_PER)) {
        static const char *const crafts[] = {
            "spacecraft", "telescope", "probe",       "rover",
            "lander",     "orbiter",   "submersible", "satellite"};
        size_t k = *b + (word_is(text, tok, *b, "space") ? 1 : 0);
        if (in[k].cap == NER_CAP_LOWER && WORD_IN(text, tok, k, crafts))
            *type = NER_MISC;
    }
    /* "the Tasnim news agency", whatever given name the name is too */
    if (news_agency(st, text, tok, *a, *b))
        *type = NER_ORG;
    /* A town a list knows, before a comma and its state or country, is the
     * town, whatever person it is named after ("outside Columbus, Ohio"). */
    if (*type == NER_PER && *b - *a == 1 &&
        has(phrase_gaz(st, *a, *b), NER_G_CITY) &&
        placed(st, text, tok, *a, *b) && *b + 1 < st->ntok_cur &&
        text[tok[*b].start] == ',')
        *type = NER_LOC;
    /* A town a list knows between "a" and a firm's or a person's noun is
     * where the firm or the person is: "a Toulouse company" (not the firm
     * itself, nor a thing of the place), "a Winnipeg man", "a Brampton
     * dentist", "a small Tallinn software house". */
    if ((*type == NER_ORG || *type == NER_MISC) &&
        article_before(st, text, tok, *a) != SIZE_MAX &&
        someone_after(st, text, tok, *b) != SIZE_MAX &&
        (gaz_mask(phrase_gaz(st, *a, *b)) &
         ((1u << NER_G_CITY) | (1u << NER_G_STATE) | (1u << NER_G_COUNTRY))) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) & (1u << NER_G_NORP)) &&
        (*b - *a > 1 || in[*a].lex == NER_LEX_NONE ||
         in[*a].lex / 3 == 0)) /* not "a Union soldier": a word in lower case */
        *type = NER_LOC;
    /* A firm's noun in an apposition after the name says whose it is:
     * "Quillmark, a San Francisco start-up", "Ferrowind, a Danish maker
     * of...", "Hollowbrook Games, the Montreal studio behind..." (not a
     * known person's, nor "a company spokesman"); it also keeps a firm of
     * plain words (below). */
    const bool firm_app = firm_apposition(st, text, tok, *b);
    if (*type != NER_ORG && firm_app &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) &
          ((1u << NER_G_PERSON) | (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) |
           (1u << NER_G_STATE))) &&
        !has(phrase_gaz(st, *a, *a + 1), NER_G_FIRST))
        *type = NER_ORG;
    /* ... also set off by commas, when no given name opens it: "his own
     * firm, Lehnert Kabelwerke, in 1921" (not "the firm, John Hale
     * said"). */
    if (*a > 1 && *type != NER_ORG && *b < st->ntok_cur &&
        in[*a - 2].cap == NER_CAP_LOWER && (word_rule(st, *a - 2) & WR_ORGS) &&
        tok[*a - 1].end - tok[*a - 1].start == 1 &&
        text[tok[*a - 1].start] == ',' && tok[*b].end - tok[*b].start == 1 &&
        (text[tok[*b].start] == ',' || text[tok[*b].start] == '.') &&
        !(gaz_mask(phrase_gaz(st, *a, *a + 1)) &
          ((1u << NER_G_FIRST) | (1u << NER_G_GIVEN) | (1u << NER_G_PERSON) |
           (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) | (1u << NER_G_STATE))))
        *type = NER_ORG;
    /* What the words just before the name say it is: "the telecoms
     * company Iliad", "the film studio MGM", "a stake in Subaru" (an
     * organisation); "the poet Byron", "his heir Octavian" (a person, when
     * no word of the name is a place's, an organisation's or an event's). */
    if (*a > 0 && in[*a - 1].cap == NER_CAP_LOWER) {
        uint64_t cue = word_rule(st, *a - 1);
        /* "the fashion house Balmain", "the publishing house Gallimard" */
        static const char *const houses[] = {"publishing", "fashion", "auction",
                                             "trading", "design"};
        if (*a > 1 && word_is(text, tok, *a - 1, "house") &&
            WORD_IN(text, tok, *a - 2, houses))
            cue |= WR_ORGN | WR_ORGS;
        /* "the union Verdi said" (not "a union of") */
        if (*a > 1 && word_is(text, tok, *a - 1, "union") &&
            word_is(text, tok, *a - 2, "the"))
            cue |= WR_ORGN | WR_ORGS;
        uint32_t of = ner_hash_bytes("of", 2, 2);
        uint32_t in_ = ner_hash_bytes("in", 2, 2);
        static const char *const trades[] = {
            "maker",     "makers",    "miner",     "chain",    "group",
            "publisher", "developer", "network",   "operator", "distributor",
            "supplier",  "ensemble",  "orchestra", "choir",    "troupe"};
        /* (not a place whose possessive follows: "made the group
         * Africa’s largest pay-TV company") */
        bool place_of =
            *b < st->ntok_cur && apostrophe_tok(text, &tok[*b]) &&
            (gaz_mask(phrase_gaz(st, *a, *b)) &
             ((1u << NER_G_COUNTRY) | (1u << NER_G_STATE) | (1u << NER_G_CITY) |
              (1u << NER_G_REGION) | (1u << NER_G_LOC)));
        /* a person of a trade a firm has too, whose given name opens
         * the name: "the broadcaster David Attenborough", "the brewer
         * Carl Jacobsen" */
        static const char *const crafts[] = {"broadcaster", "brewer"};
        bool craftsman =
            *type == NER_PER && *b - *a >= 2 &&
            hashed_in(st, *a - 1, crafts, sizeof crafts / sizeof *crafts) &&
            (gaz_mask(phrase_gaz(st, *a, *a + 1)) &
             ((1u << NER_G_FIRST) | (1u << NER_G_GIVEN)));
        if ((cue & WR_ORGN) && !place_of && !craftsman &&
            (*type != NER_PER || (cue & WR_ORGS) ||
             /* "auto parts maker Kawada Seiki", "snack maker Kacang
              * Jaya": a firm named like a person, when no given name
              * opens it ("film maker Steven Spielberg") */
             (hashed_in(st, *a - 1, trades, sizeof trades / sizeof *trades) &&
              !(gaz_mask(phrase_gaz(st, *a, *a + 1)) &
                ((1u << NER_G_FIRST) | (1u << NER_G_GIVEN) |
                 (1u << NER_G_PERSON))))))
            *type = NER_ORG;
        /* a nationality's or the home side: a club ("Iranian side
         * Shahrdari Gorgan"; not "on the other side Ali Daei") */
        else if (in[*a - 1].h_lower == ner_hash_bytes("side", 4, 2) && *a > 1 &&
                 (has(phrase_gaz(st, *a - 2, *a - 1), NER_G_NORP) ||
                  in[*a - 2].h_lower == ner_hash_bytes("home", 4, 2)))
            *type = NER_ORG;
        else if ((cue & WR_WORKN) ||
                 (in[*a - 1].h_lower == ner_hash_bytes("carrier", 7, 2) &&
                  *a > 1 &&
                  in[*a - 2].h_lower == ner_hash_bytes("aircraft", 8, 2)))
            *type = NER_MISC;
        else if ((in[*a - 1].h_lower == of || in[*a - 1].h_lower == in_) &&
                 *a > 1 &&
                 (in[*a - 2].cap == NER_CAP_LOWER ||
                  (in[*a - 2].first && in[*a - 2].cap == NER_CAP_TITLE)) &&
                 money_stake(st, text, tok, *a - 2) && *type != NER_PER &&
                 !(*a > 2 &&
                   in[*a - 3].h_lower == ner_hash_bytes("market", 6, 2)) &&
                 !(gaz_mask(phrase_gaz(st, *a, *b)) &
                   ((1u << NER_G_COUNTRY) | (1u << NER_G_STATE) |
                    (1u << NER_G_REGION) | (1u << NER_G_NORP))) &&
                 !(in[*a - 1].h_lower == in_ && town_only(st, *a, *b) &&
                   listed_before(st, text, tok, *a - 2)))
            *type = NER_ORG; /* not "market share in India", nor "shares
                                of Taiwanese supplier TSMC", nor "list its
                                shares in Mumbai" */
        else if (*type == NER_LOC && *b - *a == 1 &&
                 in[*a - 1].h_lower == ner_hash_bytes("to", 2, 2) && *a > 1 &&
                 in[*a - 2].h_lower == ner_hash_bytes("according", 9, 2) &&
                 !(in[*a].gaz & NOT_PER))
            *type = NER_ORG; /* a source, not a place: "according to
                                Pollstar" (a known place stays one) */
        else if ((cue & WR_PERN) && *type != NER_PER && *b - *a <= 3) {
            const uint32_t heads =
                (1u << NER_G_COUNTRY) | (1u << NER_G_STATE) |
                (1u << NER_G_REGION) | (1u << NER_G_ORGLIST) |
                (1u << NER_G_NORP) | (1u << NER_G_ORGWORD) |
                (1u << NER_G_LOCWORD) | (1u << NER_G_MISCHEAD) |
                (1u << NER_G_FACHEAD) | (1u << NER_G_ORGHEAD);
            bool name = !(gaz_mask(phrase_gaz(st, *a, *b)) &
                          (heads | (1u << NER_G_CITY) | (1u << NER_G_LOC)));
            for (size_t i = *a; i < *b && name; i++)
                name = in[i].cap == NER_CAP_TITLE &&
                       !(gaz_mask(phrase_gaz(st, i, i + 1)) & heads);
            if (name)
                *type = NER_PER;
        }
    }
    /* What a board, a subsidiary or a chief executive is of is a body:
     * "joined the board of Wienerberger", "chief executive of Kronospan",
     * "a subsidiary of Lindenhof" (not a place a list knows: "the board of
     * Ireland's central bank"; not an ordinary word). */
    static const char *const firm_parts[] = {
        "board",     "subsidiary", "subsidiaries", "shareholders",
        "executive", "chairman",   "chairwoman",   "ceo",
        "owners",    "employees",  "unit"}; /* not "the owner of ICQ" */
    if (*type != NER_PER && *type != NER_ORG && *a >= 2 &&
        word_is(text, tok, *a - 1, "of") && in[*a - 2].cap == NER_CAP_LOWER &&
        WORD_IN(text, tok, *a - 2, firm_parts) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) &
          ((1u << NER_G_COUNTRY) | (1u << NER_G_CITY) | (1u << NER_G_STATE) |
           (1u << NER_G_REGION) | (1u << NER_G_LOC) | (1u << NER_G_ALIAS) |
           (1u << NER_G_NORP))) &&
        !(in[*a].lex != NER_LEX_NONE && in[*a].lex / 3 > 0) &&
        !area_noun(st, *b)) /* "chairman of Binh Duong province" */
        *type = NER_ORG;
    /* A "person" right after "in" is a place when no list knows its first
     * word as a person's or a given name and no possessive follows:
     * "remains in Vaajakoski", "the authorities in Caffa" (not "in
     * Smith's view"). */
    if (*type == NER_PER && *a > 0 && word_is(text, tok, *a - 1, "in") &&
        (!(gaz_mask(phrase_gaz(st, *a, *a + 1)) &
           ((1u << NER_G_PERSON) | (1u << NER_G_FIRST) | (1u << NER_G_GIVEN) |
            (1u << NER_G_NEWS))) ||
         born_in(st, text, tok, *a, *b)) &&
        !(*b < st->ntok_cur && apostrophe_tok(text, &tok[*b])))
        *type = NER_LOC;
    /* A one-word name that is a person in the news (lists/people.txt:
     * "Erdogan", "Merkel") and nothing else the gazetteer knows is that
     * person, whatever the tagger made of its context ("Erdogan
     * criticised the plan"). */
    if (*b - *a == 1 && *type != NER_PER && in[*a].cap == NER_CAP_TITLE) {
        uint32_t gm = gaz_mask(phrase_gaz(st, *a, *b));
        uint32_t person = (1u << NER_G_PERSON) | (1u << NER_G_FIRST) |
                          (1u << NER_G_NEWS) | (1u << NER_G_PREFIX);
        if ((gm & (1u << NER_G_NEWS)) && !(gm & ~person))
            *type = NER_PER;
    }
    /* "Residents of Crater district": the tagger took the sentence's first
     * words into the place's name */
    if (*b - *a >= 3 && in[*a].cap == NER_CAP_TITLE &&
        (word_rule(st, *a) & WR_DWELL) &&
        in[*a + 1].h_lower == ner_hash_bytes("of", 2, 2) &&
        in[*a + 2].cap != NER_CAP_LOWER) {
        *a += 2;
        *type = NER_LOC;
    }
    if ((*type == NER_PER || *type == NER_ORG) &&
        dwelling_place(st, text, tok, *a, *b))
        *type = NER_LOC;
    int renamed = *b - *a <= 3 ? renamed_type(st, text, tok, *a) : -1;
    if (renamed >= 0)
        *type = renamed;
    /* "Freetown Mayor Yvonne Aki-Sawyerr", "Bangkok Governor Chadchart
     * Sittipunt": a town, state or country the lists know, before a
     * title, is the place, when the lists do not know it as a body too
     * (the tagger read it as one after "the Freetown City Council") */
    if (*type == NER_ORG && *b < st->ntok_cur && in[*b].cap == NER_CAP_TITLE &&
        is_title(st, *b, *b + 1)) {
        uint32_t gm = gaz_mask(phrase_gaz(st, *a, *b));
        if ((gm & ((1u << NER_G_CITY) | (1u << NER_G_STATE) |
                   (1u << NER_G_COUNTRY))) &&
            !(gm & ((1u << NER_G_ORG) | (1u << NER_G_ORGLIST))))
            *type = NER_LOC;
    }
    /* A town's, a state's or a country's name before its court, its
     * government or its police is the place: "a Bucharest court", "the
     * Assam government" (not a name the lists know as a body too) */
    static const char *const govs[] = {
        "court",   "courts",      "government",  "administration",
        "police",  "authorities", "prosecutors", "prosecutor",
        "judge",   "officials",   "mayor",       "governor",
        "premier", "prefect"};
    /* and those a club or a firm has too, after an adjective of office
     * only ("Extremadura's regional president"; not "Barcelona
     * president Joan Laporta") */
    static const char *const heads[] = {"president", "leader", "council",
                                        "executive"};
    /* ... through its possessive and an adjective of office: "Hesse's
     * CDU leader", "Extremadura's regional president", "Rhineland-
     * Palatinate premier" (a person's name a list knows only as a town's
     * stays a person's) */
    static const char *const offs[] = {"regional", "state", "provincial",
                                       "local",    "city",  "municipal",
                                       "former",   "new",   "district"};
    size_t gv =
        *b < st->ntok_cur && apostrophe_tok(text, &tok[*b]) ? *b + 1 : *b;
    bool office = gv < st->ntok_cur && WORD_IN(text, tok, gv, offs);
    if (gv < st->ntok_cur && (office || in[gv].cap == NER_CAP_UPPER))
        gv++; /* "regional", "CDU" */
    if (*type != NER_LOC && *b - *a <= 3 && gv < st->ntok_cur &&
        in[gv].cap == NER_CAP_LOWER &&
        (WORD_IN(text, tok, gv, govs) ||
         (office && WORD_IN(text, tok, gv, heads)))) {
        uint32_t gm = gaz_mask(phrase_gaz(st, *a, *b));
        if (((gm & ((1u << NER_G_STATE) | (1u << NER_G_COUNTRY))) ||
             ((gm & (1u << NER_G_CITY)) &&
              (*type != NER_PER || !(gm & (1u << NER_G_PERSON))))) &&
            !(gm &
              ((1u << NER_G_ORG) | (1u << NER_G_ORGLIST) | (1u << NER_G_NORP))))
            *type = NER_LOC;
    }
    /* Works and sites named before their noun: "its Salobo mine", "the
     * Mina Abdullah refinery" (not a firm's, a person's or a nationality the
     * lists know, nor a name that ends in a firm's word: "the Ford plant",
     * "a Japanese smelter", "Trunkline Gas Co pipeline") */
    if (*type != NER_LOC && *b < st->ntok_cur && in[*b].cap == NER_CAP_LOWER &&
        (word_rule(st, *b) & WR_WORKS) && in[*b - 1].cap != NER_CAP_LOWER &&
        !in[*b - 1].hyphen && /* "the Russian-installed plant management" */
        !(*b - *a == 3 && word_is(text, tok, *a + 1, "and")) && /* "Harland
                                               and Wolff shipyard": a firm */
        !(gaz_mask(phrase_gaz(st, *a, *b)) &
          ((1u << NER_G_ORG) | (1u << NER_G_ORGLIST) | (1u << NER_G_PERSON) |
           (1u << NER_G_NEWS) | (1u << NER_G_NORP))) &&
        !(gaz_mask(phrase_gaz(st, *b - 1, *b)) &
          ((1u << NER_G_ORGWORD) | (1u << NER_G_ORGHEAD) | (1u << NER_G_NORP))))
        *type = NER_LOC;
    /* "the group Africa’s largest pay-TV company": a place's possessive is
     * no part of a name */
    if (*b - *a >= 2 && apostrophe_tok(text, &tok[*b - 1]) &&
        (gaz_mask(phrase_gaz(st, *a, *b - 1)) &
         ((1u << NER_G_COUNTRY) | (1u << NER_G_STATE) | (1u << NER_G_CITY) |
          (1u << NER_G_REGION) | (1u << NER_G_LOC)))) {
        *b -= 1;
        *type = NER_LOC;
    }
    /* What one co-founded is a body: "a co-founder of Sąjūdis" (not a
     * province: "the founder of Binh Duong province"); where one sits for
     * is a constituency: "MP for Bath", "member of the Senedd for
     * Ceredigion" (neither a place nor a body the lists know as the
     * other) */
    static const char *const founders[] = {"founder", "co-founder",
                                           "cofounder"};
    static const char *const seats[] = {"mp",     "msp",    "mla",    "td",
                                        "member", "senedd", "senator"};
    if (*a > 1 && word_is(text, tok, *a - 1, "of") &&
        (*type == NER_PER || *type == NER_LOC) && /* not "of Sikhism" */
        hashed_in(st, *a - 2, founders, sizeof founders / sizeof *founders) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) &
          ((1u << NER_G_COUNTRY) | (1u << NER_G_STATE) | (1u << NER_G_CITY) |
           (1u << NER_G_REGION) | (1u << NER_G_PERSON) | (1u << NER_G_NEWS)))) {
        int noun =
            *b < st->ntok_cur && in[*b].cap == NER_CAP_LOWER
                ? head_label(text + tok[*b].start, tok[*b].end - tok[*b].start)
                : -1;
        if (noun != L_GPE && noun != L_LOC)
            *type = NER_ORG;
    }
    if (*type == NER_PER && headed_body(st, text, tok, *a, *b))
        *type = NER_ORG;
    if (*a > 1 && word_is(text, tok, *a - 1, "for") && *type == NER_ORG &&
        hashed_in(st, *a - 2, seats, sizeof seats / sizeof *seats) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) &
          ((1u << NER_G_ORG) | (1u << NER_G_ORGLIST))))
        *type = NER_LOC;
    /* What a firm acquires or owns, named with no given name, is a firm:
     * "Éditions Gallimard acquired Flammarion", "owns Tumi and American
     * Tourister" (not "bought Alaska", a place the lists know). */
    static const char *const takes[] = {"acquired", "acquire", "acquires",
                                        "bought",   "buys",    "owns"};
    /* and what one leaves a job "to found" or "to start" ("left in 2017
     * to found Mbegu Bora") */
    static const char *const starts[] = {"found", "start", "launch",
                                         "co-found"};
    if ((*type == NER_PER || *type == NER_LOC) && *a > 1 &&
        in[*a - 1].cap == NER_CAP_LOWER && WORD_IN(text, tok, *a - 1, starts) &&
        word_is(text, tok, *a - 2, "to") &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) &
          ((1u << NER_G_COUNTRY) | (1u << NER_G_CITY) | (1u << NER_G_STATE) |
           (1u << NER_G_PERSON) | (1u << NER_G_NEWS))))
        *type = NER_ORG;
    if (*type == NER_PER && *a > 0 && in[*a - 1].cap == NER_CAP_LOWER &&
        WORD_IN(text, tok, *a - 1, takes) &&
        !(gaz_mask(phrase_gaz(st, *a, *a + 1)) &
          ((1u << NER_G_FIRST) | (1u << NER_G_GIVEN) | (1u << NER_G_PERSON) |
           (1u << NER_G_NEWS))) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) &
          ((1u << NER_G_PERSON) | (1u << NER_G_NEWS))))
        *type = NER_ORG;
    /* "the Abia State government": a state's name before "government" is
     * the state's */
    if (*type == NER_ORG && *b - *a >= 2 && *b < st->ntok_cur &&
        in[*b].cap == NER_CAP_LOWER && word_is(text, tok, *b, "government") &&
        (division_head(st, *b - 1) || word_is(text, tok, *b - 1, "State")))
        *type = NER_LOC;
    /* A name before "family" is the family's, a person's name: "the
     * Bonnier family", "the Curzon family" (not a people's or a
     * country's, nor a product's: "the A320neo family", nor a firm's:
     * "the Koç Holding family conglomerate") */
    if ((*type == NER_ORG || *type == NER_LOC) && *b - *a <= 2 &&
        *b < st->ntok_cur && in[*b].cap == NER_CAP_LOWER &&
        !(in[*b - 1].cap == NER_CAP_TITLE &&
          (word_rule(st, *b - 1) & WR_ORGH)) &&
        (word_is(text, tok, *b, "family") ||
         word_is(text, tok, *b, "families")) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) &
          ((1u << NER_G_NORP) | (1u << NER_G_COUNTRY) | (1u << NER_G_REGION) |
           (1u << NER_G_STATE))))
        *type = NER_PER;
    /* What "was founded" or "was established" is no person: "Inglot was
     * founded in 1983 by the chemist Wojciech Inglot", "Bialetti was
     * founded in 1919" (a firm named for its founder; not one whose
     * first word is a given name, nor a person the lists know). */
    static const char *const copulas[] = {"was", "is", "were", "are"};
    static const char *const founded[] = {"founded", "established",
                                          "incorporated", "set"};
    if (*type == NER_PER && *b - *a <= 3 && *b + 2 < st->ntok_cur &&
        WORD_IN(text, tok, *b, copulas) &&
        WORD_IN(text, tok, *b + 1, founded) &&
        (!word_is(text, tok, *b + 1, "set") ||
         word_is(text, tok, *b + 2, "up")) &&
        !(gaz_mask(phrase_gaz(st, *a, *a + 1)) &
          ((1u << NER_G_FIRST) | (1u << NER_G_PERSON) | (1u << NER_G_NEWS))) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) &
          ((1u << NER_G_PERSON) | (1u << NER_G_NEWS))))
        *type = NER_ORG;
    /* Who publishes or releases a work, named with no given name, is a
     * publisher or a label: "published by Ardis in 1978", "released by
     * Parlophone" (not "published by Thomas Paine", nor by a place). */
    if (*type != NER_ORG && issued_by(st, text, tok, *a, *b) &&
        !(gaz_mask(phrase_gaz(st, *a, *a + 1)) &
          ((1u << NER_G_FIRST) | (1u << NER_G_PERSON) | (1u << NER_G_NEWS) |
           (1u << NER_G_NORP))) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) &
          ((1u << NER_G_COUNTRY) | (1u << NER_G_STATE) | (1u << NER_G_CITY) |
           (1u << NER_G_REGION) | (1u << NER_G_PERSON) | (1u << NER_G_NEWS))))
        *type = NER_ORG;
    /* What a firm is merged with, absorbed into or taken over by is a firm:
     * "absorbed into Toyoda Precision", "taken over by Norddeutscher
     * Lloyd" (not a country or a town the lists know: "merged with
     * Tanganyika") */
    if (*type != NER_ORG && *a > 1 && in[*a - 1].cap == NER_CAP_LOWER &&
        (word_rule(st, *a - 1) & WR_INTO) &&
        (word_rule(st, *a - 2) & WR_DEAL) &&
        (!word_is(text, tok, *a - 2, "over") ||
         (*a > 2 && word_is(text, tok, *a - 3, "taken"))) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) &
          ((1u << NER_G_COUNTRY) | (1u << NER_G_STATE) | (1u << NER_G_CITY) |
           (1u << NER_G_REGION) | (1u << NER_G_PERSON) | (1u << NER_G_NEWS) |
           (1u << NER_G_NORP))))
        *type = NER_ORG; /* nor a nationality: "bought by Danish rival
                            Bestseller" */
    /* A province between its town and its country: "a porcelain maker in
     * Jingdezhen, Jiangxi, China" */
    if (*type == NER_ORG && *a > 1 && *b + 1 < st->ntok_cur &&
        ner_tag_type(st->tags[*a - 2]) == NER_LOC &&
        ner_tag_type(st->tags[*b + 1]) == NER_LOC &&
        word_is(text, tok, *a - 1, ",") && word_is(text, tok, *b, ",") &&
        has(phrase_gaz(st, *b + 1, span_end(st, st->ntok_cur, *b + 1)),
            NER_G_COUNTRY))
        *type = NER_LOC;
    /* A currency is a MISC name, as CoNLL marks "HK$" and "C$": "HK$280
     * billion", "2,800 CFA francs" */
    if (*b < st->ntok_cur &&
        ((in[*b].digit && (text[tok[*b - 1].end - 1] == '$' ||
                           (*b - *a == 1 && (word_rule(st, *a) & WR_RUPEE)))) ||
         (in[*b].cap == NER_CAP_LOWER && (word_rule(st, *b) & WR_MONEY))))
        *type = NER_MISC; /* and "Rs 6,000", "KSh 500" */
    /* A firm's shares or exchange: "25.5% of Sabadell shares", "the Fish
     * Pool exchange" (not a country's: "the Tokyo exchange" is a town's
     * market) */
    if (*type == NER_LOC && *b < st->ntok_cur && in[*b].cap == NER_CAP_LOWER &&
        (word_rule(st, *b) & WR_BOURSE) &&
        (in[*b].h_lower != ner_hash_bytes("shares", 6, 2) ||
         (*a > 0 && in[*a - 1].h_lower == ner_hash_bytes("of", 2, 2))) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) &
          ((1u << NER_G_COUNTRY) | (1u << NER_G_STATE) | (1u << NER_G_REGION) |
           (1u << NER_G_NORP) |
           (in[*b].h_lower == ner_hash_bytes("exchange", 8, 2)
                ? (1u << NER_G_CITY)
                : 0))))
        *type = NER_ORG;
    /* Where works stand: "a paper mill at Jämsänkoski" */
    if (*type == NER_PER && *a > 1 && in[*a - 1].cap == NER_CAP_LOWER &&
        (in[*a - 1].h_lower == ner_hash_bytes("at", 2, 2) ||
         in[*a - 1].h_lower == ner_hash_bytes("in", 2, 2)) &&
        (word_rule(st, *a - 2) & WR_WORKS) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) &
          ((1u << NER_G_PERSON) | (1u << NER_G_NEWS))))
        *type = NER_LOC;
    /* A stock index is a MISC name, as CoNLL marks the Nikkei and the
     * Dow: "The Sensex closed up", "a flat KOSPI", "the Nifty 50" */
    if (*type != NER_MISC && (word_rule(st, *a) & WR_INDEX)) {
        bool index = true;
        for (size_t i = *a + 1; i < *b && index; i++)
            index = in[i].digit || (word_rule(st, i) & WR_INDEX);
        if (index)
            *type = NER_MISC;
    }
    /* "The Odisha government": a state, country or town the lists know,
     * after a sentence's "The" that is no part of a name they know ("The
     * Hague"), before a lower-case word */
    if (*b - *a == 2 && (in[*a].first || *a == 0 || !in[*a - 1].alpha) &&
        in[*a].cap == NER_CAP_TITLE &&
        in[*a].h_lower == ner_hash_bytes("the", 3, 2) && *b < st->ntok_cur &&
        in[*b].cap == NER_CAP_LOWER && !phrase_gaz(st, *a, *b) &&
        (gaz_mask(phrase_gaz(st, *a + 1, *b)) &
         ((1u << NER_G_COUNTRY) | (1u << NER_G_STATE) | (1u << NER_G_CITY)))) {
        *a += 1;
        *type = NER_LOC;
    }
    /* "the Quang Ninh provincial people's committee", "the Kyiv municipal
     * council": a province's or a town's name */
    if ((*type == NER_PER || *type == NER_ORG) && *b < st->ntok_cur &&
        in[*b].cap == NER_CAP_LOWER && (word_rule(st, *b) & WR_ADMIN))
        *type = NER_LOC;
    /* A market where people trade is a place: "at Soweto Market",
     * "around Kim Yong Market" (not "on the U.S. Market") */
    if (*type == NER_ORG && *b - *a >= 2 && *a > 0 && market(st, *b - 1) &&
        ((word_rule(st, *a - 1) & WR_WHERE) ||
         (*a > 1 && in[*a - 1].h_lower == ner_hash_bytes("the", 3, 2) &&
          (word_rule(st, *a - 2) & WR_WHERE))))
        *type = NER_LOC;
    /* Only people are born or win medals: "Jang Yeong-sil, born the son
     * of a slave", "Nurmi won five gold medals" (a name no list knows as
     * anything but a person's; not "Kenya won five gold medals"). */
    if (*type != NER_PER && *b + 1 < st->ntok_cur &&
        in[*a].cap == NER_CAP_TITLE &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) & NOT_PER) &&
        !(gaz_mask(phrase_gaz(st, *a, *a + 1)) & NOT_PER) &&
        !(gaz_mask(phrase_gaz(st, *b - 1, *b)) & NOT_PER) &&
        born_or_medals(st, text, tok, *b))
        *type = NER_PER;
    /* Neither person, organisation nor place: a name before a noun that
     * makes it a thing's ("Higgs boson", "Bernoulli numbers", "Dove
     * soap"); a name ending in an instrument's, vehicle's or tour's word
     * ("James Webb Space Telescope", "Eras Tour"). */
    if (eponym_after(st, text, tok, *b, *type == NER_ORG))
        *type = NER_MISC;
    /* ... and a scientist's name before a law's, a scale's or a cloud's
     * noun ("Ohm's law", "the Richter scale", "the Oort cloud", "the
     * Kuiper belt"), or an explorer's before a crater's ("Shackleton
     * crater"): not a place a list knows ("a Mississippi law", "Quebec's
     * law"), nor a crater of a volcano the tagger read as a place */
    static const char *const laws[] = {
        "law", "scale", "cloud", "radius", "limit", "belt", "discontinuity"};
    size_t e =
        *b + 1 < st->ntok_cur && apostrophe_tok(text, &tok[*b]) ? *b + 1 : *b;
    if ((*type == NER_PER || *type == NER_LOC) && e < st->ntok_cur &&
        in[e].cap == NER_CAP_LOWER &&
        (WORD_IN(text, tok, e, laws) ||
         (*type == NER_PER && word_is(text, tok, e, "crater"))) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) &
          ((1u << NER_G_COUNTRY) | (1u << NER_G_CITY) | (1u << NER_G_STATE) |
           (1u << NER_G_REGION) | (1u << NER_G_LOC) | (1u << NER_G_NORP))))
        *type = NER_MISC;
    if (*b == *a + 1 && platform_used(st, text, tok, *a))
        *type = NER_MISC;
    /* A weapon's name before its kind, one word of it apart at most:
     * "Leopard tanks", "Bradley fighting vehicles", "K9 self-propelled
     * howitzers" (not a maker or a side a list knows: "Boeing jets",
     * "Iran drones") */
    static const char *const arms[] = {
        "tank",     "tanks",      "howitzer",   "howitzers", "missile",
        "missiles", "launcher",   "launchers",  "drone",     "drones",
        "jet",      "jets",       "vehicle",    "vehicles",  "rifle",
        "rifles",   "helicopter", "helicopters"};
    size_t w = *b < st->ntok_cur && in[*b].cap == NER_CAP_LOWER &&
                       !WORD_IN(text, tok, *b, arms)
                   ? *b + 1
                   : *b;
    if (*b - *a <= 2 && *type != NER_MISC && w < st->ntok_cur &&
        in[w].cap == NER_CAP_LOWER && WORD_IN(text, tok, w, arms) &&
        (w == *b || in[*b].alpha || in[*b].hyphen) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) & (NOT_PER | (1u << NER_G_PERSON))))
        *type = NER_MISC;
    /* What one celebrates or observes is a feast: "celebrated Kaamatan",
     * "observed Ramadan" (not a name a list knows as a place, a person or
     * a body: "celebrated Messi") */
    static const char *const feasts[] = {
        "celebrate", "celebrated", "celebrates", "celebrating",
        "observe",   "observed",   "observes",   "observing"};
    if (*a > 0 && *type != NER_MISC && in[*a - 1].cap == NER_CAP_LOWER &&
        WORD_IN(text, tok, *a - 1, feasts) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) &
          (NOT_PER | (1u << NER_G_PERSON) | (1u << NER_G_FIRST))))
        *type = NER_MISC;
    /* A saint's name in another language opens a place's or a church's:
     * "Sankt Pölten", "San Vito al Tagliamento", "the convent of San
     * Marco" (not after a title: "General Santa Anna"; not "Santa
     * Claus", nor a person a list knows) */
    static const char *const sants[] = {"san", "sankt", "santo", "santa",
                                        "sao"};
    static const char *const clauses[] = {"claus", "klaus"};
    if (*type == NER_PER && *b - *a >= 2 && in[*a].cap == NER_CAP_TITLE &&
        WORD_IN(text, tok, *a, sants) && !WORD_IN(text, tok, *a + 1, clauses) &&
        !(*a > 0 &&
          (is_title(st, *a - 1, *a) || (word_rule(st, *a - 1) & WR_LEAD))) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) &
          ((1u << NER_G_PERSON) | (1u << NER_G_NEWS))) &&
        !ends_a_persons_name(st, *a, *b))
        *type = NER_LOC;
    /* A storm so named is no person: "storm Daniel" */
    static const char *const storms[] = {"storm", "typhoon", "hurricane",
                                         "cyclone"};
    if (*a > 0 && *type == NER_PER && in[*a - 1].cap == NER_CAP_LOWER &&
        WORD_IN(text, tok, *a - 1, storms))
        *type = NER_MISC;
    /* Nor is a ship or a craft named after one: "the frigate Admiral
     * Golovko", "the tanker Eagle S", "the lander Vikram" (a title may
     * stand between) */
    static const char *const craft[] = {
        "frigate",    "destroyer", "corvette",   "cruiser", "submarine",
        "warship",    "tanker",    "freighter",  "trawler", "icebreaker",
        "yacht",      "schooner",  "vessel",     "ship",    "lander",
        "rover",      "orbiter",   "spacecraft", "shuttle", "liner",
        "battleship", "steamer",   "ferry",      "airship"};
    size_t c = *a > 1 && is_title(st, *a - 1, *a) ? *a - 1 : *a;
    if (c > 1 && (*type == NER_PER || *type == NER_ORG) &&
        word_is(text, tok, c - 2, "the") && in[c - 1].cap == NER_CAP_LOWER &&
        WORD_IN(text, tok, c - 1, craft) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) & NOT_PER))
        *type = NER_MISC;
    /* The place a noble's title is of: "Prince Alfred, Duke of
     * Edinburgh" (the tagger read the place as the person) */
    static const char *const peers[] = {
        "duke",    "duchess", "earl",  "prince", "princess",  "marquess",
        "marquis", "count",   "baron", "bishop", "archbishop"};
    if (*type == NER_PER && *a >= 2 && word_is(text, tok, *a - 1, "of") &&
        in[*a - 2].cap == NER_CAP_TITLE && WORD_IN(text, tok, *a - 2, peers) &&
        (gaz_mask(phrase_gaz(st, *a, *b)) &
         ((1u << NER_G_COUNTRY) | (1u << NER_G_CITY) | (1u << NER_G_STATE) |
          (1u << NER_G_REGION))))
        *type = NER_LOC;
    if (*b - *a >= 2 && in[*b - 1].cap == NER_CAP_TITLE &&
        (word_rule(st, *b - 1) & WR_MISCH))
        *type = NER_MISC;
    /* A navy's or a merchant fleet's prefix opens a ship's name: "HMS
     * Guerriere", "USS Nimitz", "MV Sewol" */
    static const char *const ships[] = {
        "hms", "uss",   "hmas", "hmcs", "hmnzs", "rms", "usns", "roks", "tcg",
        "mv",  "rv",    "ins",  "brp",  "rfa",   "kri", "pns",  "bns",  "nrp",
        "ara", "hnlms", "fgs",  "hdms", "hswms", "knm", "htms", "esps", "voea"};
    static const char *const bases[] = {"at", "in", "near", "outside"};
    if (*b - *a >= 2 && in[*a].cap == NER_CAP_UPPER &&
        WORD_IN(text, tok, *a, ships) && in[*a + 1].cap == NER_CAP_TITLE &&
        !(*a > 0 && WORD_IN(text, tok, *a - 1, bases))) /* the naval base
                                                     "at HMAS Stirling" */
        *type = NER_MISC;
    /* What a series has seasons or episodes of is a work: "the first season
     * of Borgen", "a second series of Detectorists" */
    static const char *const parts[] = {"season", "seasons", "series",
                                        "episode", "episodes"};
    if (*a >= 2 && *type != NER_MISC && word_is(text, tok, *a - 1, "of") &&
        in[*a - 2].cap == NER_CAP_LOWER && WORD_IN(text, tok, *a - 2, parts) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) &
          (NOT_PER | (1u << NER_G_PERSON) | (1u << NER_G_NEWS))))
        *type = NER_MISC;
    /* A name set off by commas right after a work's noun is the work: "her
     * debut feature, Sable Rouge, won", "his first television series,
     * Blossoms Shanghai," (not a name a list knows as a body's, a
     * person's or a place's) */
    if (*a >= 2 && *type != NER_MISC && *b < st->ntok_cur &&
        word_is(text, tok, *a - 1, ",") && in[*a - 2].cap == NER_CAP_LOWER &&
        ((word_rule(st, *a - 2) & WR_WORKN) ||
         word_is(text, tok, *a - 2, "feature")) &&
        (word_is(text, tok, *b, ",") || word_is(text, tok, *b, ".")) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) &
          (NOT_PER | (1u << NER_G_PERSON) | (1u << NER_G_NEWS))))
        *type = NER_MISC;
    /* "Francis of Assisi", "Catherine of Aragon": a given name, "of" and
     * a place or family is a person's name. */
    if (*b - *a == 3 && in[*a + 1].h_lower == ner_hash_bytes("of", 2, 2) &&
        in[*a].cap == NER_CAP_TITLE && in[*a + 2].cap == NER_CAP_TITLE &&
        has(phrase_gaz(st, *a, *a + 1), NER_G_FIRST) &&
        !(gaz_mask(phrase_gaz(st, *a, *a + 1)) & NOT_PER))
        *type = NER_PER;
    /* "Russian Empire", "Berlin Wall", "Weimar Republic": a place. */
    if (*b - *a == 2 && *type != NER_PER && in[*b - 1].cap == NER_CAP_TITLE &&
        (word_rule(st, *b - 1) & WR_POLITY))
        *type = NER_LOC;
    /* "won the Golden Lion", "won the Palme d'Or": a prize or a contest,
     * unless the name is a country's, a city's or an organisation's
     * ("won the Senate"). */
    if (*type != NER_PER && *a >= 2 &&
        in[*a - 1].h_lower == ner_hash_bytes("the", 3, 2) &&
        in[*a - 2].cap == NER_CAP_LOWER && (word_rule(st, *a - 2) & WR_WON) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) &
          ((1u << NER_G_COUNTRY) | (1u << NER_G_CITY) | (1u << NER_G_STATE) |
           (1u << NER_G_ORGLIST))) &&
        !(gaz_mask(phrase_gaz(st, *b - 1, *b)) &
          ((1u << NER_G_ORGWORD) | (1u << NER_G_ORGHEAD))))
        *type = NER_MISC;
    /* "an Ariane 5 rocket", "whose Falcon 9 carries", "the company's
     * Model S, launched": after a determiner, a name and a model number
     * or letter. */
    static const char *const shares[] = {"percent", "per",   "points",
                                         "seats",   "votes", "pct"};
    if (*type != NER_PER && *a > 0 && *b + 1 < st->ntok_cur &&
        determiner(st, text, tok, *a - 1) && model_number(text, &tok[*b]) &&
        tok[*b].start > tok[*b - 1].end &&
        ((in[*b + 1].alpha && in[*b + 1].cap == NER_CAP_LOWER &&
          !WORD_IN(text, tok, *b + 1, shares)) || /* "the Five Star
                                                      Movement 15 percent" */
         end_punct(text, &tok[*b + 1])))
        *type = NER_MISC;
    /* An award's category ("Best Picture", "Best Animated Feature") or
     * a superlative heading ("Best Pizzas"), not an organisation or a
     * place. */
    if (*b - *a >= 2 && in[*a].h_lower == ner_hash_bytes("best", 4, 2) &&
        !phrase_gaz(st, *a, *b))
        *type = NER_MISC;
    /* An organisation's head word the gazetteer lacks ("High Court",
     * "Republic Records") over the model's place or MISC. */
    if (*b - *a >= 2 && (*type == NER_LOC || *type == NER_MISC) &&
        in[*b - 1].cap == NER_CAP_TITLE && (word_rule(st, *b - 1) & WR_ORGH))
        *type = NER_ORG;
    /* A body named in another language by the word that closes it
     * ("Hansa Bryggeri", "Tervola Oy", "Svenska Handelsbanken"; the words
     * that open one are foreign_org_starts()'), whatever the model read;
     * not a name the lists know as a person's or a place's, nor a given
     * name before a surname that is such a word. */
    if (*type != NER_ORG && *b - *a >= 2 &&
        foreign_body(st, text, tok, *b - 1) &&
        !(gaz_mask(phrase_gaz(st, *a, *a + 1)) &
          ((1u << NER_G_FIRST) | (1u << NER_G_GIVEN))) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) &
          ((1u << NER_G_PERSON) | (1u << NER_G_NEWS) | (1u << NER_G_COUNTRY) |
           (1u << NER_G_CITY) | (1u << NER_G_STATE) | (1u << NER_G_REGION))))
        *type = NER_ORG;
    /* "Place de la Nation", "Plaza de Mayo": a square or building; a
     * street, a square or a stadium whatever follows ("Avenida Congreso
     * de la Unión", "Estadio Azteca"; not "Mercado Libre", a firm). */
    static const char *const streets[] = {
        "avenida", "rua",    "calle",   "rue",   "praça",
        "praca",   "piazza", "estadio", "stade", "stadio"};
    if (*b - *a >= 2 && in[*a].cap == NER_CAP_TITLE &&
        ((*b - *a >= 3 && in[*a + 1].cap == NER_CAP_LOWER &&
          (word_rule(st, *a + 1) & WR_PARTICLE) &&
          ((word_rule(st, *a) & WR_FACPRE) ||
           has(phrase_gaz(st, *a, *a + 1), NER_G_FACHEAD))) ||
         (*type != NER_MISC && WORD_IN(text, tok, *a, streets))))
        *type = NER_LOC;
    /* Places the model took for a person or a MISC name: "Lake Titicaca",
     * "Mount Fuji"; a MISC name ending in a building's or a place's word
     * ("Olympic Stadium", but not a quoted title, below). */
    if (*b - *a >= 2 && (*type == NER_PER || *type == NER_MISC) &&
        in[*a].cap == NER_CAP_TITLE && (word_rule(st, *a) & WR_LOCPRE))
        *type = NER_LOC;
    /* a mountain's or a valley's in another language, read as a
     * person's: "Monte Baldo", "Val di Non" (a MISC name stays one: "Monte
     * Carlo Masters"; a body too) */
    if ((*type == NER_PER ||
         (*type == NER_MISC && !word_is(text, tok, *a, "Monte") &&
          !word_is(text, tok, *a, "Cerro"))) &&
        peak_or_valley(st, *a, *b))
        *type = NER_LOC;
    /* A state of old is a place: "the Sultanate of Zanzibar", "the
     * Crimean Khanate", "the Ashanti Confederacy" (not "Empire Records",
     * "Kingdom Holding": its word opens no name but with "of") */
    if (*b - *a >= 2 && *type != NER_LOC && in[*a].cap == NER_CAP_TITLE &&
        ((WORD_IN(text, tok, *a, POLITIES) &&
          word_is(text, tok, *a + 1, "of")) ||
         (in[*b - 1].cap == NER_CAP_TITLE &&
          WORD_IN(text, tok, *b - 1, POLITIES) &&
          !word_is(text, tok, *b - 1, "Grand") &&
          !word_is(text, tok, *b - 1, "Kingdom") &&
          !word_is(text, tok, *b - 1, "Empire"))))
        *type = NER_LOC;
    /* A denomination's church is a body, wherever it is of: "the
     * Presbyterian Church of Korea", "the Evangelical Church in Germany" */
    static const char *const faiths[] = {
        "presbyterian", "methodist", "lutheran",  "anglican",  "evangelical",
        "baptist",      "catholic",  "orthodox",  "reformed",  "pentecostal",
        "episcopal",    "coptic",    "apostolic", "adventist", "mennonite"};
    if (*b - *a >= 2 && *type != NER_ORG && in[*a].cap == NER_CAP_TITLE &&
        WORD_IN(text, tok, *a, faiths)) {
        for (size_t i = *a + 1; i < *a + 3 && i < *b; i++)
            if (word_is(text, tok, i, "Church"))
                *type = NER_ORG;
    }
    /* the same word the tagger left out: "Mount Lewotobi Laki-laki" */
    if (*a > 0 && !st->tags[*a - 1] && *type != NER_ORG &&
        in[*a - 1].cap == NER_CAP_TITLE &&
        (word_rule(st, *a - 1) & WR_LOCPRE)) {
        (*a)--;
        *type = NER_LOC;
    }
    if (*b - *a >= 2 && *type != NER_LOC && in[*b - 1].cap == NER_CAP_TITLE &&
        (word_rule(st, *b - 1) & WR_FACH) &&
        !(*type == NER_MISC && titled_work(st, text, tok, *a)) &&
        !(*type == NER_ORG && has_of(st, *a, *b))) /* not "Savings and Loan
                                         Association of Newport Beach" */
        *type = NER_LOC;
    /* A power plant is a site, not its operator. */
    if (*type != NER_LOC && power_plant(st, *a, *b))
        *type = NER_LOC;
    /* A department of a country named after its town, as in Latin
     * America ("Huanuni, Oruro Department", "the Santa Ana Department"):
     * a place, not a government's department (which "of" follows: "Ohio
     * Department of Health"). */
    if (*type == NER_ORG && *b - *a >= 2 && *b - *a <= 3 &&
        word_is(text, tok, *b - 1, "Department") &&
        !(*b < st->ntok_cur && word_is(text, tok, *b, "of")) &&
        (gaz_mask(phrase_gaz(st, *a, *b - 1)) &
         ((1u << NER_G_CITY) | (1u << NER_G_STATE))))
        *type = NER_LOC;
    /* Nor is a "person" ending in a word no surname is: "Sagar Island",
     * "Kola Peninsula" (but "Michael Bay", "Ricki Lake"). */
    static const char *const land[] = {
        "island", "islands", "isles", "peninsula", "archipelago", "atoll",
        "ocean", "gulf", "strait", "straits", "glacier", "plateau", "highlands",
        "lowlands", "steppe", "range", "mountains", "massif", "falls", "rapids",
        "lagoon",
        /* a quarter's: "Jinnah Town"; a track's: "Eugenio Monti Track" */
        "town", "wat", "track"};
    if (*b - *a >= 2 && *type == NER_PER && in[*b - 1].cap == NER_CAP_TITLE &&
        WORD_IN(text, tok, *b - 1, land))
        *type = NER_LOC;
    /* Nor is any other name that ends or starts in a word of quarters,
     * markets and villages in other languages: "Lajpat Nagar", "Pari
     * Chowk", "Barangay Lorega San Miguel", "Wadi Shawka" */
    if (*b - *a >= 2 && *type != NER_LOC &&
        ((in[*b - 1].cap == NER_CAP_TITLE &&
          (word_rule(st, *b - 1) & WR_QUARTER)) ||
         (in[*a].cap == NER_CAP_TITLE && (word_rule(st, *a) & WR_VILLAGE))))
        *type = NER_LOC;
    /* An organisation ending in a place's word ("Tibet Autonomous Region",
     * "Mekong River"), but not in one that also ends organisations'
     * names (a channel, a bay company, a football club's forest). */
    if (*b - *a >= 2 && *type == NER_ORG &&
        has(phrase_gaz(st, *b - 1, *b), NER_G_LOCWORD) &&
        !(word_rule(st, *b - 1) & WR_LOCORG))
        *type = NER_LOC;
    if (*b - *a >= 2 && *type == NER_MISC &&
        (gaz_mask(phrase_gaz(st, *b - 1, *b)) &
         ((1u << NER_G_FACHEAD) | (1u << NER_G_LOCWORD))) &&
        !(gaz_mask(phrase_gaz(st, *a, *a + 1)) & (1u << NER_G_ORGWORD)))
        *type = NER_LOC;
    /* A name that is the whole of a quotation is a title ("Schindler's
     * List", an article's, a song's), not the organisation or person the
     * model took it for; not a display name ("Ann Lee" <ann@...>). So is
     * a name inside a quotation written like a title ("Sgt. Pepper's
     * Lonely Hearts Club Band"), unless the gazetteer knows it as a place
     * or an organisation ("White House" in a column's name), and one that
     * opens a quotation after a noun of works ("the album “Ognjena
     * reka”"). After a noun of organisations, the name that is the whole
     * quotation is the organisation's ("the newspaper “Robotnik”"). */
    uint32_t quoted_cue = *a > 1 && quote_side(st, text, tok, *a - 1, true) &&
                                  in[*a - 2].cap == NER_CAP_LOWER
                              ? word_rule(st, *a - 2)
                              : 0;
    static const char *const goes_by[] = {"as", "alias", "nicknamed", "aka",
                                          "is"};
    if (*type == NER_PER && *a > 1 && quote_tok(text, &tok[*a - 1]) &&
        WORD_IN(text, tok, *a - 2, goes_by)) {
        /* a name a person goes by (names_people_go_by()): "known as
         * "Fito"" */
    } else if (*a > 0 && *b + 1 < st->ntok_cur &&
               quote_tok(text, &tok[*a - 1]) && quote_tok(text, &tok[*b])) {
        static const char *const papers[] = {
            "times",    "herald",    "mail",      "post",     "tribune",
            "gazette",  "telegraph", "chronicle", "observer", "courier",
            "guardian", "express",   "journal",   "radio"};
        if (((quoted_cue & WR_ORGN) && !(quoted_cue & WR_WORKN)) ||
            (*a > 1 && news_source(st, text, tok, *a - 2)) ||
            (*b - *a >= 2 && (WORD_IN(text, tok, *b - 1, papers) ||
                              WORD_IN(text, tok, *a, papers))))
            *type = NER_ORG; /* the newspaper “Robotnik”, reports “Bild”,
                                the ‘Fiji Times’, ‘Radio Okapi’ */
        else if (!(tok[*b + 1].end - tok[*b + 1].start == 1 &&
                   text[tok[*b + 1].start] == '<'))
            *type = NER_MISC;
    } else if ((quoted_cue & WR_WORKN) ||
               (!(gaz_mask(phrase_gaz(st, *a, *b)) & NOT_PER &
                  ~((1u << NER_G_NORP) | (1u << NER_G_MISC))) &&
                in_title_quote(st, text, tok, *a, *b)))
        *type = NER_MISC; /* also the album “Ognjena reka” */
    /* A "person" whose first word is a company or other organisation that
     * a list knows, and no given name: a company's name of two ("Exxon
     * Mobil"), not "Chase Utley" or "Ford Madox Ford", nor a short word
     * in Title Case that the lists know as an acronym ("Gao Ming", not the
     * GAO), nor a name after a title ("Governor Abba Kabir Yusuf"). */
    if (*b - *a >= 2 && *type == NER_PER &&
        !(in[*a].cap == NER_CAP_TITLE && in[*a].len <= 3) &&
        !(*a > 0 && is_title(st, *a - 1, *a)) &&
        !described_as_person(st, text, tok, st->ntok_cur, *a, *b)) {
        uint32_t m = gaz_mask(phrase_gaz(st, *a, *a + 1));
        if ((m & (1u << NER_G_ORG)) &&
            !(m & ((1u << NER_G_FIRST) | (1u << NER_G_PERSON))) &&
            !(gaz_mask(phrase_gaz(st, *a, *b)) & (1u << NER_G_PERSON)))
            *type = NER_ORG;
    }
    /* A "person" ending in an organisation's last word, with no given
     * name first: a firm named for its founder or its place ("Norrland
     * Steel", "Fjellstad Salmon"; not "Danielle Steel"). */
    if (*b - *a >= 2 && *b - *a <= 3 && *type == NER_PER &&
        in[*b - 1].cap == NER_CAP_TITLE && (word_rule(st, *b - 1) & WR_ORGH) &&
        !(gaz_mask(phrase_gaz(st, *a, *a + 1)) &
          ((1u << NER_G_FIRST) | (1u << NER_G_GIVEN) | (1u << NER_G_PERSON))) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) & (1u << NER_G_PERSON)))
        *type = NER_ORG;
    /* An organisation made of ordinary English words that no list knows
     * ("Analyst Team", "Smart Phone", "Benefit Payments"): in Reuters text
     * a run of capitalised common words is nearly always a name, in other
     * prose it is as often emphasis or a heading. */
    if (*b - *a >= 2 && *type == NER_ORG &&
        !(word_rule(st, *b - 1) & WR_ORGH) &&  /* "Zodiac Aerospace" */
        !firm_app &&                           /* "Helix Orbital, a firm" */
        !org_noun_before(st, text, tok, *a)) { /* "the label World Circuit" */
        bool plain = true;
        for (size_t i = *a; i < *b && plain; i++)
            plain = plain_word(&in[i]);
        if (plain && !works_at(st, text, tok, *a, *b) && /* "Analysts at
                                                  Counterpoint Research" */
            !(*a >= 2 && apostrophe_tok(text, &tok[*a - 1]) &&
              ner_tag_type(st->tags[*a - 2]) == NER_ORG) && /* "Yale's
                                                  Humanitarian Research Lab" */
            !role_of(st, text, tok, *a)) /* "the founder of Kestrel
                                                   Tactical" */
            return false;
    }
    if (file_name(text, tok, st->ntok_cur, *a, *b))
        return false;
    if (*b - *a == 1) {
        const ner_info *t = &in[*a];
        uint64_t rule = word_rule(st, *a);
        /* nor is a function word alone that no list knows (the "WHO"),
         * wherever a sentence split missed its start ("Hi, Yes dear, You
         * can find", "to that area They") */
        if ((rule & WR_NOTNAME) || ((rule & WR_EDGE) && !t->gaz))
            return false;
        /* nor a title cut short, alone ("the Minister of Works, Engr.
         * Ibrahim Sarki") */
        if ((rule & WR_LEAD) && *b < st->ntok_cur &&
            tok[*b].end - tok[*b].start == 1 && text[tok[*b].start] == '.')
            return false;
        /* nor is a month before a day's number ("ended Jan 31") */
        if ((rule & WR_TIME) && *b < st->ntok_cur && in[*b].digit &&
            !in[*b].alpha)
            return false;
        /* A word that no name list knows and that the document never
         * capitalises in mid-sentence: one of the most common English
         * words opening a sentence ("Personally", "Here", "Born", "Nice"),
         * or a word written in lower case elsewhere put in capitals
         * ("BEST", "YOU"). */
        if (!t->gaz && !(t->doc_case & 2) && t->sent_case == NER_SC_NORMAL) {
            if (t->cap == NER_CAP_TITLE && t->first && t->lex != NER_LEX_NONE &&
                t->lex / 3 == 2 && !defined_after(st, text, tok, *b) &&
                copula_label(st, text, tok, st->ntok_cur, *a) < 0)
                return false;
            if (t->cap == NER_CAP_UPPER && (t->doc_case & 1))
                return false;
        }
        /* "studied at Stanford", "taught at MIT", "graduated from
         * Harvard"; "Nokia's shares", "Netscape's chief executive": a
         * school, a company, when no list knows the word as a country or
         * state. */
        const uint32_t states = (1u << NER_G_COUNTRY) | (1u << NER_G_STATE) |
                                (1u << NER_G_REGION) | (1u << NER_G_ALIAS);
        if ((*type == NER_LOC || *type == NER_MISC) &&
            !(gaz_mask(phrase_gaz(st, *a, *b)) & states)) {
            uint32_t at = ner_hash_bytes("at", 2, 2);
            uint32_t from = ner_hash_bytes("from", 4, 2);
            if (*a >= 2 && in[*a - 2].cap == NER_CAP_LOWER &&
                (word_rule(st, *a - 2) & WR_STUDY) &&
                (in[*a - 1].h_lower == at ||
                 (in[*a - 1].h_lower == from &&
                  (in[*a - 2].h_lower == ner_hash_bytes("graduated", 9, 2) ||
                   in[*a - 2].h_lower == ner_hash_bytes("graduate", 8, 2)))))
                *type = NER_ORG;
            if (*b + 1 < st->ntok_cur && apostrophe_tok(text, &tok[*b]) &&
                in[*b + 1].cap == NER_CAP_LOWER &&
                (word_rule(st, *b + 1) & WR_BUSN))
                *type = NER_ORG;
        }
        /* An acronym that no list knows as a place is an organisation
         * ("MIT", "PSG"): the gazetteer knows the places that go by
         * their initials ("UAE", "DRC"). */
        if (*type == NER_LOC && t->cap == NER_CAP_UPPER && t->alpha &&
            t->sent_case == NER_SC_NORMAL && t->len >= 2 && t->len <= 5 &&
            !t->dot && !t->digit &&
            !(gaz_mask(phrase_gaz(st, *a, *b)) &
              ((1u << NER_G_COUNTRY) | (1u << NER_G_CITY) |
               (1u << NER_G_STATE) | (1u << NER_G_REGION) | (1u << NER_G_LOC) |
               (1u << NER_G_ALIAS))))
            *type = NER_ORG;
        /* A given name alone that is no place or organisation is a person
         * ("Laura", "Brian"): Reuters text names people in full. So is one
         * of the wider list of given names, written as a name ("Gretchen",
         * "Peder"); not after a noun that says what a firm or a work is
         * ("the sports daily Olé", "the album Laura"), nor where a rule
         * above read the words around it ("the founder of Lotte"). */
        const struct ner_gslot *g = phrase_gaz(st, *a, *b);
        bool said = (*a > 0 && in[*a - 1].cap == NER_CAP_LOWER &&
                     (word_rule(st, *a - 1) & (WR_ORGS | WR_WORKN))) ||
                    issued_by(st, text, tok, *a, *b) ||
                    headed_body(st, text, tok, *a, *b) ||
                    news_agency(st, text, tok, *a, *b) || *type != type0 ||
                    brand_of(st, text, tok, *b) ||
                    /* a quotation's whole text: the film “Carol” */
                    (*a > 0 && *b < st->ntok_cur &&
                     quote_side(st, text, tok, *a - 1, true) &&
                     quote_side(st, text, tok, *b, false)) ||
                    (*b == *a + 1 && firm_product(st, text, tok, *a));
        if (*type != NER_PER && !said && !(gaz_mask(g) & NOT_PER) &&
            (has(g, NER_G_FIRST) ||
             (has(g, NER_G_GIVEN) && t->cap == NER_CAP_TITLE)) &&
            !noun_says_place(st, text, tok, *a, *b) && /* "the town of Hope" */
            !place_of_person(st, text, tok, *a) && /* "the mayor of Petra" */
            !located_in(st, text, tok, *a, *b) &&  /* "Nasir, in Upper Nile" */
            !natural_noun(st, *b) &&        /* "the Sutlej and Ravi rivers" */
            !area_noun(st, *b) &&           /* "the Murchison region" */
            !sky_body(st, text, tok, *a) && /* "the moons Io and Europa" */
            !site_noun(st, *b) &&           /* "the Lalit hotel" */
            !town_of_state(st, text, tok, *a, *b) &&
            !born_in(st, text, tok, *a, *b))
            *type = NER_PER;
        /* A one-word place that no list knows but that SCOWL knows as a
         * common name, written as a name: a person ("Natasha", "Cindy"),
         * where Reuters text would have named a town; not after "the"
         * ("The House and Senate committees"). */
        else if (*type == NER_LOC && !(gaz_mask(g) & NOT_PER) &&
                 (t->wsets & (1u << NER_W_UP1)) && t->cap == NER_CAP_TITLE &&
                 !placed(st, text, tok, *a, *b) && !natural_noun(st, *b) &&
                 !area_noun(st, *b) && !site_noun(st, *b) &&
                 !dwelling_place(st, text, tok, *a, *b) &&
                 !sky_body(st, text, tok, *a) &&
                 !(*a > 0 && word_is(text, tok, *a - 1, "the")))
            *type = NER_PER;
    }
    /* A country's name of two words or more is no person's ("Burkina
     * Faso’s junta leader", read as a person's before the possessive) */
    if (*b - *a >= 2 && *type == NER_PER &&
        has(phrase_gaz(st, *a, *b), NER_G_COUNTRY))
        *type = NER_LOC;
    /* Nor is a name that opens with a Spanish article: a gang's, a band's
     * or a team's ("Los Pulpos", "Las Ketchup"; places are in the lists) */
    static const char *const articles[] = {"los", "las"};
    if (*b - *a >= 2 && *type == NER_PER && WORD_IN(text, tok, *a, articles) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) & NOT_PER) && !site_noun(st, *b) &&
        !area_noun(st, *b) && !natural_noun(st, *b) &&
        !placed(st, text, tok, *a, *b))
        *type = NER_ORG;
    /* not a person the lists know by name ("Putin") */
    if (*b - *a <= 2 && *type == NER_PER &&
        !has(phrase_gaz(st, *a, *b), NER_G_NEWS) &&
        town_of_state(st, text, tok, *a, *b))
        *type = NER_LOC;
    /* "Los Angeles-based", "Hong Kong-listed": a name made a qualifier is
     * MISC, as CoNLL-2003 marks "Toronto-based" (the model, seeing "San"
     * or "Hong" open it, took some for people). */
    if (in[*b - 1].hyphen && based_word(text, &tok[*b - 1]))
        *type = NER_MISC;
    if (*b - *a == 1 && planet(st, text, tok, *a))
        *type = NER_LOC;
    /* A word no list knows and a regnal number are a ruler's name
     * ("Jayavarman VII", read as an organisation), not a place's or a
     * body's that a list knows ("Vatican II"), nor a work's (MISC). */
    if (*b - *a == 2 && (*type == NER_ORG || *type == NER_LOC) &&
        in[*a].cap == NER_CAP_TITLE && roman(text, &tok[*a + 1]) &&
        (in[*a].lex == NER_LEX_NONE || in[*a].lex / 3 == 0) && /* "Level
                                                                  VI" */
        !(gaz_mask(phrase_gaz(st, *a, *a + 1)) & ~(1u << NER_G_PREFIX)))
        *type = NER_PER;
    /* An order one is awarded is a decoration, not a body: "awarded the
     * Order of the Falcon", "presented her with the Order of Merit" (not
     * "joined the Order of Saint Benedict"). */
    if (*b - *a >= 3 && *type == NER_ORG && word_is(text, tok, *a, "Order") &&
        in[*a + 1].h_lower == ner_hash_bytes("of", 2, 2) &&
        awarded_before(st, text, tok, *a))
        *type = NER_MISC;
    /* So are a word no list knows and "Emperor" after it, as China's
     * emperors are named by their era ("the Kangxi Emperor"; not "the
     * Roman Emperor"). */
    if (*b - *a <= 2 && *a > 0 && *a + 1 < st->ntok_cur &&
        word_is(text, tok, *a - 1, "the") && in[*a].cap == NER_CAP_TITLE &&
        word_is(text, tok, *a + 1, "Emperor") &&
        in[*a + 1].cap == NER_CAP_TITLE &&
        (*b == *a + 2 || st->tags[*a + 1] == 0) && /* no other name's */
        (in[*a].lex == NER_LEX_NONE || in[*a].lex / 3 == 0) &&
        !(gaz_mask(phrase_gaz(st, *a, *a + 1)) & ~(1u << NER_G_PREFIX))) {
        *b = *a + 2;
        *type = NER_PER;
    }
    /* A venue where something happens is a place: "at the Abbey Theatre",
     * "on Centre Court", "at Massey Hall", "at the Café El Nacional" (not
     * a theatre's company that acts: "the Abbey Theatre staged"). */
    static const char *const at[] = {"at", "on", "in", "into"};
    if ((*type == NER_ORG || *type == NER_PER) && *a > 0 && venue(st, *a, *b)) {
        size_t k = *a - 1;
        if (k > 0 && word_is(text, tok, k, "the"))
            k--;
        if (in[k].cap == NER_CAP_LOWER && WORD_IN(text, tok, k, at))
            *type = NER_LOC;
    }
    /* The noun of a work just before the name has the last word over the
     * rules above that read a place's or a firm's head word, or a given
     * name, in it: "the album Abbey Road", "the novel Soul Mountain",
     * "her novel Jenny" (not a name some list knows as a country, a city
     * or an organisation, nor two words or more the tagger read as a
     * person's: "a film Steven Spielberg directed"). */
    if (*a > 0 && in[*a - 1].cap == NER_CAP_LOWER &&
        (word_rule(st, *a - 1) & WR_WORKN) &&
        (*type != NER_PER || *b - *a == 1) &&
        !(gaz_mask(phrase_gaz(st, *a, *b)) &
          ((1u << NER_G_COUNTRY) | (1u << NER_G_CITY) | (1u << NER_G_STATE) |
           (1u << NER_G_ORGLIST) | (1u << NER_G_ORG))))
        *type = NER_MISC;
    /* "an economist at Gavekal Dragonomics", "head of tanker research at
     * Oil Brokerage", "had worked at Kone": where one works, after "at",
     * is an organisation when no list knows it as a place */
    if ((*type == NER_LOC || *type == NER_PER) &&
        works_at(st, text, tok, *a, *b))
        *type = NER_ORG;
    if (*type == NER_LOC && institution_acts(st, *a, *b))
        *type = NER_ORG;
    return true;
}

/* Inside a span the tagger read as one name: the number of words at
 * token b that part two names, or 0. A semicolon ("a double LP;
 * Pitchfork gave"), or "and" and a possessive pronoun ("E. T. Mensah and
 * his Tempos"). */
static size_t name_break(const char *text, const prism_token *tok, size_t b,
                         size_t j)
{
    static const char *const owners[] = {"his", "her", "their", "its"};
    if (word_is(text, tok, b, ";"))
        return 1;
    /* a dash between spaces: "Democratic Republic of Congo — Rumba",
     * "The Killers song Boots - I like" (no name of CoNLL-2003's holds a
     * hyphen standing alone) */
    if (b + 1 < j &&
        ((dash_tok(text, &tok[b]) && tok[b].end - tok[b].start == 3) ||
         word_is(text, tok, b, "-")) &&
        (tok[b].flags & PRISM_TF_SPACE) && (tok[b + 1].flags & PRISM_TF_SPACE))
        return 1;
    if (b + 1 < j && word_is(text, tok, b, "and") &&
        WORD_IN(text, tok, b + 1, owners))
        return 2;
    /* a slash between spaces and words: "Enron / Azurix" (not "AC/DC",
     * "F / A-18") */
    if (b > 0 && b + 1 < j && word_is(text, tok, b, "/") &&
        (tok[b].flags & PRISM_TF_SPACE) &&
        (tok[b + 1].flags & PRISM_TF_SPACE) &&
        tok[b - 1].kind == PRISM_TOK_WORD &&
        tok[b + 1].kind == PRISM_TOK_WORD &&
        tok[b - 1].end - tok[b - 1].start >= 2 &&
        tok[b + 1].end - tok[b + 1].start >= 2)
        return 1;
    return 0;
}

/* Inside a span the tagger read as one name [a, j): 1 when token b is
 * the "and" between two streets' names ("8th Street and College Drive",
 * "Fifth Avenue and 42nd Street"), which are two places, or between two
 * names that open or end with the same word ("Radio Morobe and Radio
 * Manus", "Central Railway and Western Railway"). */
static size_t streets_break(const state *st, const char *text,
                            const prism_token *tok, size_t a, size_t b,
                            size_t j)
{
    if (b <= a || b + 1 >= j || !word_is(text, tok, b, "and"))
        return 0;
    if (street_word(st, b - 1) && street_word(st, j - 1))
        return 1;
    /* two names that open with the same word: "Radio Morobe and Radio
     * Manus", "Lake Erie and Lake Ontario"; or that end with it: "the
     * Central Railway and Western Railway" (not "Johnson and Johnson",
     * one word before "and") */
    if (b - a < 2 || j - b < 3 || st->info[b + 1].cap != NER_CAP_TITLE)
        return 0;
    return (st->info[a].cap == NER_CAP_TITLE &&
            st->info[b + 1].h_lower == st->info[a].h_lower) ||
                   (st->info[b - 1].cap == NER_CAP_TITLE &&
                    st->info[j - 1].cap == NER_CAP_TITLE &&
                    st->info[j - 1].h_lower == st->info[b - 1].h_lower)
               ? 1
               : 0;
}

/* Inside a span the tagger read as one name [a, j): the number of words
 * of a title at token b between a place or body and a given name, or 0:
 * "Reserve Bank" "Governor" "Gerhard de Kock", "Texas" "Sen." "John
 * Tower". */
static size_t title_break(const state *st, size_t a, size_t b, size_t j)
{
    /* what comes before is known as a place or a body, or ends in a word
     * of theirs (not "Bunu Sheriff Musa", a name) */
    const uint32_t known = (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) |
                           (1u << NER_G_STATE) | (1u << NER_G_LOC) |
                           (1u << NER_G_ORG) | (1u << NER_G_ALIAS) |
                           (1u << NER_G_REGION) | (1u << NER_G_ORGLIST);
    const uint32_t heads =
        (1u << NER_G_LOCWORD) | (1u << NER_G_ORGWORD) | (1u << NER_G_ORGHEAD);
    if (b == a || st->info[b].cap != NER_CAP_TITLE ||
        !((gaz_mask(phrase_gaz(st, a, b)) & known) ||
          (gaz_mask(phrase_gaz(st, b - 1, b)) & heads)))
        return 0;
    for (size_t n = 2; n >= 1; n--)
        if (b + n < j &&
            (is_title(st, b, b + n) ||
             (n == 1 && (word_rule(st, b) & WR_LEAD))) &&
            (gaz_mask(phrase_gaz(st, b + n, b + n + 1)) &
             ((1u << NER_G_FIRST) | (1u << NER_G_GIVEN))))
            return n;
    return 0;
}

/* Inside a span the tagger read as one organisation's name [a, j): the
 * type of the name before token b when b is the "'s" between the name of
 * a country, state or city, or of a person (two words or more, given name
 * first), and the name of what it has or leads ("Chile’s" "Electoral
 * Service", "Geert Wilders's" "Party for Freedom"), else -1. Not a
 * firm named after its founder with one word ("Dr Reddy's
 * Laboratories"). */
static int owner_break(const state *st, const char *text,
                       const prism_token *tok, int type, size_t a, size_t b,
                       size_t j)
{
    const uint32_t given = (1u << NER_G_FIRST) | (1u << NER_G_GIVEN);
    const uint32_t places =
        (1u << NER_G_COUNTRY) | (1u << NER_G_STATE) | (1u << NER_G_CITY);
    if (type != NER_ORG || b == a || b + 1 >= j ||
        !apostrophe_tok(text, &tok[b]) || st->info[b + 1].cap != NER_CAP_TITLE)
        return -1;
    for (size_t k = a; k < b; k++)
        if (st->info[k].cap != NER_CAP_TITLE)
            return -1;
    uint32_t gm = gaz_mask(phrase_gaz(st, a, b));
    if ((gm & places) && !(gm & ((1u << NER_G_PERSON) | given)))
        return NER_LOC; /* not "Bartlett's Familiar Quotations" */
    if (b >= a + 2 && (gaz_mask(phrase_gaz(st, a, a + 1)) & given) &&
        !(gm & NOT_PER))
        return NER_PER;
    return -1;
}

/* Tags tokens [a, b) as one name of the type. */
static void tag_span(state *st, size_t a, size_t b, int type)
{
    for (size_t m = a; m < b; m++)
        st->tags[m] = (uint8_t)ner_tag(type, b - a == 1   ? NER_U
                                             : m == a     ? NER_B
                                             : m + 1 == b ? NER_L
                                                          : NER_I);
}

/* Parts tokens [a, b) at token k, which belongs to neither part: [a, k)
 * becomes a name of type left, [k + 1, b) one of type right. */
static void part_span(state *st, size_t a, size_t k, size_t b, int left,
                      int right)
{
    tag_span(st, a, k, left);
    st->tags[k] = 0;
    tag_span(st, k + 1, b, right);
}

/* The plural of a people's name of several words is a people's, not a
 * place and a people ("North" "Koreans") nor a place ("East Germans"):
 * retags it as one name (refine() labels it NORP). What the tagger read
 * as a body stays one: "the Social Democrats", a party. */
static void peoples_in_plural(state *st, size_t ntok)
{
    for (size_t i = 0; i + 1 < ntok; i++) {
        int part = ner_tag_part(st->tags[i]);
        bool starts = st->tags[i] != 0 && (part == NER_B || part == NER_U);
        int next = ner_tag_part(st->tags[i + 1]);
        /* a word before the name that the tagger read apart or left out:
         * "North" "Koreans", "New" "Zealanders" */
        if ((st->tags[i] == 0 || part == NER_U) &&
            st->info[i].cap == NER_CAP_TITLE && st->tags[i + 1] != 0 &&
            (next == NER_B || next == NER_U)) {
            size_t k = span_end(st, ntok, i + 1);
            if (plural_people(st, i, k)) {
                tag_span(st, i, k, NER_MISC);
                i = k - 1;
                continue;
            }
        }
        if (!starts)
            continue;
        size_t j = span_end(st, ntok, i);
        if (ner_tag_type(st->tags[i]) != NER_ORG && plural_people(st, i, j))
            tag_span(st, i, j, NER_MISC);
        i = j - 1;
    }
}

/* A team's or a band's name in the plural, its possessive and a
 * person's name, read as one name: "The Kinks' Ray Davies", "The
 * Cherries' Antoine Semenyo" are two, the body and the person, when the
 * words after the apostrophe open with a given name (not "the Farmers'
 * Union of Wales"). */
static void possessive_inside(state *st, const char *text,
                              const prism_token *tok, size_t ntok)
{
    for (size_t s = 0; s < ntok; s++) {
        if (!st->tags[s] || ner_tag_part(st->tags[s]) != NER_B)
            continue;
        size_t e = span_end(st, ntok, s);
        for (size_t k = s + 1; k + 1 < e; k++) {
            if (!apostrophe_tok(text, &tok[k]) ||
                tok[k].start != tok[k - 1].end ||
                text[tok[k - 1].end - 1] != 's' || e - (k + 1) > 3 ||
                !(gaz_mask(phrase_gaz(st, k + 1, k + 2)) &
                  ((1u << NER_G_FIRST) | (1u << NER_G_GIVEN))))
                continue;
            bool person = e - (k + 1) >= 2;
            for (size_t i = k + 1; i < e && person; i++)
                person = st->info[i].cap == NER_CAP_TITLE &&
                         !(gaz_mask(phrase_gaz(st, i, i + 1)) &
                           ((1u << NER_G_ORGWORD) | (1u << NER_G_ORGHEAD) |
                            (1u << NER_G_LOCWORD)));
            if (!person)
                break;
            int type = ner_tag_type(st->tags[s]);
            part_span(st, s, k, e, type == NER_PER ? NER_ORG : type, NER_PER);
            break;
        }
        s = e - 1;
    }
}

static bool ascii_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

/* A body a list knows after a possessive, which the tagger cut short or
 * ran into its owner: "Maia Sandu’s Party of Action and Solidarity",
 * "Özel’s Republican People’s Party". The longest name of two to eight
 * words a list knows as a body's becomes one; a span the tagger ran over
 * the apostrophe leaves the owner, a place when a list says so, else a
 * person. */
static void possessed_bodies(state *st, const char *text,
                             const prism_token *tok, size_t ntok)
{
    const uint32_t bodies = (1u << NER_G_ORG) | (1u << NER_G_ORGLIST);
    const uint32_t places =
        (1u << NER_G_COUNTRY) | (1u << NER_G_STATE) | (1u << NER_G_CITY);
    /* (capitals as written: a line of names may be read as a title-case
     * headline, its ordinary words in lower case) */
    for (size_t p = 1; p + 2 < ntok; p++) {
        if (!ascii_upper(text[tok[p + 1].start]) ||
            st->info[p - 1].cap == NER_CAP_LOWER ||
            !apostrophe_tok(text, &tok[p]))
            continue;
        /* the lists keep "'s" in its word: "People's" */
        size_t k = p + 1, e = 0;
        uint32_t key = 0;
        for (size_t b = k, nw = 0; b < ntok && nw < 8; b++, nw++) {
            uint32_t wk = st->info[b].key;
            size_t glued = b + 1 < ntok && apostrophe_tok(text, &tok[b + 1]) &&
                           tok[b + 1].start == tok[b].end;
            if (glued) {
                ner_word w;
                ner_word_make(&w, text + tok[b].start,
                              tok[b + 1].end - tok[b].start);
                wk = ner_key_word(&w);
            }
            key = ner_key_extend(key, wk, b == k);
            b += glued;
            if (nw >= 1 && (gaz_mask(ner_gaz_find(&st->model, key)) & bodies))
                e = b + 1;
        }
        if (!e || !ascii_upper(text[tok[e - 1].start]) ||
            (ner_tag_part(st->tags[k]) == NER_B &&
             ner_tag_type(st->tags[k]) == NER_ORG &&
             span_end(st, ntok, k) == e) ||
            (e < ntok && (ner_tag_part(st->tags[e]) == NER_I ||
                          ner_tag_part(st->tags[e]) == NER_L)))
            continue; /* read whole already, or part of a longer name */
        if (st->tags[p]) {
            /* the owner is a place or a person a list knows, or opens
             * with a given name (not "People’s Bank of China", "the
             * Women's Super League") */
            size_t a = span_start(st, p - 1);
            uint32_t gm = gaz_mask(phrase_gaz(st, a, p));
            if ((word_rule(st, a) & WR_SAINT) ||
                (!(gm & (places | (1u << NER_G_PERSON))) &&
                 !(p - a >= 2 &&
                   (gaz_mask(phrase_gaz(st, a, a + 1)) &
                    ((1u << NER_G_FIRST) | (1u << NER_G_GIVEN))))))
                continue;
            tag_span(st, a, p, gm & places ? NER_LOC : NER_PER);
            st->tags[p] = 0;
        } else if (!st->tags[p - 1] ||
                   ner_tag_type(st->tags[p - 1]) == NER_MISC) {
            continue; /* an owner the tagger read as no name of its own */
        }
        tag_span(st, k, e, NER_ORG);
        p = e - 1;
    }
}

/* A member's letters inside what the tagger read as one person's name
 * part a place or a party from the member: "Rochdale MP Tony Lloyd"; an
 * honour's letters after the name are no part of it: "Kirsty Brimelow
 * QC". */
static void members_letters(state *st, const char *text, const prism_token *tok,
                            size_t ntok)
{
    static const char *const members[] = {"MP",  "MSP", "MEP", "MLA",
                                          "MPP", "MHA", "TD"};
    static const char *const honours[] = {"QC", "KC", "MBE", "OBE", "CBE"};
    const uint32_t places = (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) |
                            (1u << NER_G_STATE) | (1u << NER_G_REGION);
    for (size_t s = 0; s < ntok; s++) {
        if (ner_tag_type(st->tags[s]) != NER_PER ||
            ner_tag_part(st->tags[s]) != NER_B)
            continue;
        size_t e = span_end(st, ntok, s);
        if (e - s >= 3 && st->info[e - 1].cap == NER_CAP_UPPER &&
            ONE_OF(text + tok[e - 1].start, tok[e - 1].end - tok[e - 1].start,
                   honours)) {
            st->tags[e - 1] = 0;
            tag_span(st, s, e - 1, NER_PER);
            e--;
        }
        for (size_t k = s + 1; k + 1 < e; k++)
            if (st->info[k].cap == NER_CAP_UPPER &&
                ONE_OF(text + tok[k].start, tok[k].end - tok[k].start,
                       members)) {
                part_span(st, s, k, e,
                          gaz_mask(phrase_gaz(st, s, k)) & places ? NER_LOC
                                                                  : NER_ORG,
                          NER_PER);
                break;
            }
        s = e - 1;
    }
}

/* A state of old is a place, whatever the tagger read: its word and "of"
 * before a place ("the Grand Duchy of" "Tuscany", "the Emirate" "of"
 * "Granada": one name), or a people's adjective before its word ("the
 * Russian" "Empire"). The label follows in span_rules(). */
static void polities(state *st, const char *text, const prism_token *tok,
                     size_t ntok)
{
    const ner_info *in = st->info;
    for (size_t i = 0; i + 2 < ntok; i++) {
        if (in[i].cap != NER_CAP_TITLE || !WORD_IN(text, tok, i, POLITIES))
            continue;
        /* "Grand Duchy" "of" + a place */
        size_t a = i, k = i + 1;
        if (word_is(text, tok, i, "Grand")) {
            if (in[k].cap != NER_CAP_TITLE || !WORD_IN(text, tok, k, POLITIES))
                continue;
            k++;
        }
        if (k + 1 < ntok && word_is(text, tok, k, "of") && st->tags[a] &&
            ner_tag_part(st->tags[a]) == NER_B &&
            span_end(st, ntok, a) > k + 1) { /* read as one name already */
            size_t e = span_end(st, ntok, a);
            tag_span(st, a, e, NER_LOC);
            i = e - 1;
            continue;
        }
        if (k + 1 < ntok && word_is(text, tok, k, "of") &&
            (!st->tags[a] || ner_tag_part(st->tags[a]) == NER_U ||
             (ner_tag_part(st->tags[a]) == NER_B &&
              span_end(st, ntok, a) == k)) &&
            st->tags[k + 1] && ner_tag_part(st->tags[k + 1]) != NER_I &&
            ner_tag_part(st->tags[k + 1]) != NER_L &&
            (ner_tag_type(st->tags[k + 1]) == NER_LOC)) {
            size_t e = span_end(st, ntok, k + 1);
            tag_span(st, a, e, NER_LOC);
            i = e - 1;
            continue;
        }
        /* "the Russian" "Empire": a people's word tagged alone before */
        if (i > 0 && !st->tags[i] && st->tags[i - 1] &&
            ner_tag_part(st->tags[i - 1]) == NER_U &&
            has(phrase_gaz(st, i - 1, i), NER_G_NORP) &&
            !word_is(text, tok, i, "Grand"))
            tag_span(st, i - 1, i + 1, NER_LOC);
    }
}

static size_t list_next(const char *text, const prism_token *tok, size_t ntok,
                        size_t b, bool range);

/* Tags as names of the type those listed from token a on, whatever the
 * tagger made of them: one to three capitalised words each (and a number
 * after them with `numbered`: "Tempel 1"), parted by ",", "and" or "or",
 * up to a name that runs on into more capitalised words, that is part of
 * a longer one, or that a list knows as one of `not_gaz`. Returns the
 * end of the last, 0 when there is none. */
static size_t names_listed(state *st, const char *text, const prism_token *tok,
                           size_t ntok, size_t a, int type, bool numbered,
                           uint32_t not_gaz)
{
    const ner_info *in = st->info;
    size_t end = 0;
    while (a && a < ntok) {
        size_t b = a;
        while (b < ntok && b - a < 3 && in[b].cap == NER_CAP_TITLE &&
               (!st->tags[b] || b == a || ner_tag_part(st->tags[b]) == NER_I ||
                ner_tag_part(st->tags[b]) == NER_L))
            b++;
        if (numbered && b < ntok && b > a && in[b].digit && b - a < 3)
            b++;
        if (b == a || (b < ntok && in[b].cap == NER_CAP_TITLE) ||
            (st->tags[a] && span_end(st, ntok, a) != b) ||
            (gaz_mask(phrase_gaz(st, a, b)) & not_gaz))
            break;
        tag_span(st, a, b, type);
        end = b;
        a = list_next(text, tok, ntok, b, false);
    }
    return end;
}

/* The label that the noun phrase after "is" or "was" gives the word at
 * token i that opens its sentence ("Dawn is Pakistan's oldest
 * English-language newspaper", "Extreme is an American rock band", "Hue
 * is a city in central Vietnam"); -1 when there is none. */
static int copula_label(const state *st, const char *text,
                        const prism_token *tok, size_t ntok, size_t i)
{
    const ner_info *in = st->info;
    if (i + 3 >= ntok || !in[i].first || in[i].cap != NER_CAP_TITLE ||
        !(word_is(text, tok, i + 1, "is") ||
          word_is(text, tok, i + 1, "was")) ||
        (word_rule(st, i) & (WR_NOTNAME | WR_LEAD)))
        return -1;
    size_t k;
    if (WORD_IN(text, tok, i + 2, ARTICLES))
        k = i + 3;
    else if (i + 4 < ntok && in[i + 2].cap == NER_CAP_TITLE &&
             apostrophe_tok(text, &tok[i + 3]))
        k = i + 4;
    else
        return -1;
    return defined_label(st, text, tok, ntok, k, false);
}

/* Such a word is a name of that kind, also when the tagger left it out
 * for an ordinary word: the label follows in definitions(), as for the
 * names the tagger found. */
static void defined_first_words(state *st, const char *text,
                                const prism_token *tok, size_t ntok)
{
    for (size_t i = 0; i + 3 < ntok; i++) {
        if (st->tags[i])
            continue;
        int l = copula_label(st, text, tok, ntok, i);
        int type = l == L_PERSON                ? NER_PER
                   : l == L_ORG                 ? NER_ORG
                   : l == L_GPE || l == L_LOC   ? NER_LOC
                   : l == L_MISC || l == L_NORP ? NER_MISC
                                                : -1;
        if (type >= 0)
            tag_span(st, i, i + 1, type);
    }
}

/* The names after a noun of gods, saints or prophets are persons', alone
 * or in a list, whatever the tagger made of them: "the goddess Isis",
 * "the Egyptian gods were Khnum, Hathor and Sobek", "the apostles Peter
 * and Paul" (one to three capitalised words each; not a country or a
 * state a list knows). */
static void gods_named(state *st, const char *text, const prism_token *tok,
                       size_t ntok)
{
    static const char *const gods[] = {
        "god",     "gods",   "goddess",  "goddesses", "deity",
        "deities", "saints", "prophets", "apostles",  "prophet"};
    static const char *const were[] = {"were", "are", "include", "included",
                                       "including"};
    const ner_info *in = st->info;
    for (size_t k = 0; k + 1 < ntok; k++) {
        if (in[k].cap != NER_CAP_LOWER || !WORD_IN(text, tok, k, gods))
            continue;
        size_t a = k + 1;
        if (a + 1 < ntok && in[a].cap == NER_CAP_LOWER &&
            WORD_IN(text, tok, a, were))
            a++;
        size_t e = names_listed(st, text, tok, ntok, a, NER_PER, false,
                                (1u << NER_G_COUNTRY) | (1u << NER_G_STATE));
        if (e)
            k = e;
    }
}

/* A court case is one name, a thing's: "decided Donoghue v Stevenson",
 * "in Lochner v. New York" (the parties' names on either side of "v",
 * "v." or "vs.", whatever the tagger read them as, after a word of
 * courts). */
static void court_cases(state *st, const char *text, const prism_token *tok,
                        size_t ntok)
{
    static const char *const vs[] = {"v", "v.", "vs", "vs."};
    for (size_t k = 1; k + 1 < ntok; k++) {
        if (!WORD_IN(text, tok, k, vs) || st->info[k].cap != NER_CAP_LOWER ||
            !st->tags[k - 1] || !st->tags[k + 1] ||
            (ner_tag_part(st->tags[k - 1]) != NER_L &&
             ner_tag_part(st->tags[k - 1]) != NER_U) ||
            (ner_tag_part(st->tags[k + 1]) != NER_B &&
             ner_tag_part(st->tags[k + 1]) != NER_U))
            continue;
        size_t a = k - 1;
        while (a > 0 && ner_tag_part(st->tags[a]) != NER_B &&
               ner_tag_part(st->tags[a]) != NER_U)
            a--;
        /* a court's words just before, not a fixture's ("Postponed :
         * Walsall v Wrexham") */
        static const char *const courts[] = {
            "in",        "decided", "ruling",     "case",      "judgment",
            "judgement", "cited",   "overturned", "overruled", "heard"};
        if (a == 0 || st->info[a - 1].cap != NER_CAP_LOWER ||
            !WORD_IN(text, tok, a - 1, courts))
            continue;
        size_t b = span_end(st, ntok, k + 1);
        tag_span(st, a, b, NER_MISC);
        k = b;
    }
}

/* A sum of money in a currency written before it is no name: "R254
 * billion", "N1.2 trillion", "GH¢50,000" (one to three capitals, then
 * digits or the currency's sign). */
static void money_sums(state *st, const char *text, const prism_token *tok,
                       size_t ntok)
{
    static const char *const sizes[] = {"billion", "million", "trillion",
                                        "bn",      "mn",      "m"};
    for (size_t i = 0; i < ntok; i++) {
        if (!st->tags[i] || ner_tag_part(st->tags[i]) != NER_U)
            continue;
        const char *w = text + tok[i].start;
        size_t n = tok[i].end - tok[i].start, c = 0;
        while (c < n && c < 4 && w[c] >= 'A' && w[c] <= 'Z')
            c++;
        if (c == 0 || c > 3)
            continue;
        bool digits = c < n && w[c] >= '0' && w[c] <= '9';
        bool sign = c == n && i + 1 < ntok && tok[i + 1].start == tok[i].end &&
                    (!strncmp(text + tok[i + 1].start, "\xc2\xa2", 2) ||
                     text[tok[i + 1].start] == '$');
        if ((digits && i + 1 < ntok && WORD_IN(text, tok, i + 1, sizes)) ||
            (digits && memchr(w + c, ',', n - c)) || sign)
            st->tags[i] = 0;
    }
}

/* Names the tagger missed right after a word that says what they are:
 * "the rocket company SpaceX" (an organisation), "her sister Venus" (a
 * person, when no list knows its words as anything else): one to four
 * capitalised words, untagged, in mid-sentence of ordinary case, after an
 * untagged lower-case WR_ORGS or WR_PERN word. Tags them. */
static void cue_tags(state *st, size_t ntok)
{
    const ner_info *in = st->info;
    for (size_t i = 1; i < ntok; i++) {
        const ner_info *t = &in[i];
        if (st->tags[i] || st->tags[i - 1] || in[i - 1].cap != NER_CAP_LOWER ||
            !t->alpha || t->first || t->sent_case != NER_SC_NORMAL ||
            (t->cap != NER_CAP_TITLE && t->cap != NER_CAP_MIXED &&
             t->cap != NER_CAP_UPPER))
            continue;
        uint64_t cue = word_rule(st, i - 1);
        int type = (cue & WR_ORGS) ? NER_ORG : (cue & WR_PERN) ? NER_PER : -1;
        if (type < 0 || t->len < 2)
            continue;
        size_t j = i;
        while (j < ntok && j - i < 4 && !st->tags[j] && in[j].alpha &&
               in[j].cap != NER_CAP_LOWER && in[j].cap != NER_CAP_NONE &&
               !(word_rule(st, j) & (WR_NOTNAME | WR_EDGE)) &&
               (type == NER_ORG ||
                (in[j].cap == NER_CAP_TITLE && !(in[j].gaz & NOT_PER))))
            j++;
        if (j == i || (j < ntok && st->tags[j]))
            continue;
        tag_span(st, i, j, type);
        i = j;
    }
}

/* A given name standing alone that the tagger left untagged ("Greg, I
 * faxed you the form", "Thanks Tammi!"): a person, when the name is no
 * place or organisation and no capitalised word stands next to it. */
static void given_names_alone(state *st, size_t ntok)
{
    const ner_info *in = st->info;
    for (size_t i = 0; i < ntok; i++) {
        const ner_info *t = &in[i];
        if (st->tags[i] || t->cap != NER_CAP_TITLE || !t->alpha || t->len < 3 ||
            t->sent_case != NER_SC_NORMAL ||
            !has(phrase_gaz(st, i, i + 1), NER_G_FIRST) || (t->gaz & NOT_PER) ||
            (word_rule(st, i) & (WR_NOTNAME | WR_EDGE | WR_LEAD | WR_GREET)))
            continue;
        if ((i > 0 && in[i - 1].alpha && in[i - 1].cap != NER_CAP_LOWER) ||
            (i + 1 < ntok && in[i + 1].alpha && in[i + 1].cap != NER_CAP_LOWER))
            continue;
        st->tags[i] = (uint8_t)ner_tag(NER_PER, NER_U);
    }
}

/* Does token i read as a verb in the past: a lower-case word in -ed
 * ("argued", "resigned") or one of the common irregular ones? */
static bool past_verb(const state *st, const char *text, const prism_token *tok,
                      size_t i)
{
    static const char *const irregular[] = {
        "was",    "had",    "became", "won",   "lost",     "led",
        "made",   "took",   "gave",   "left",  "wrote",    "began",
        "sent",   "spent",  "saw",    "knew",  "fought",   "taught",
        "built",  "met",    "held",   "broke", "beat",     "hit",
        "struck", "sold",   "bought", "told",  "kept",     "brought",
        "threw",  "caught", "chose",  "drew",  "ran",      "rode",
        "shot",   "stole",  "swore",  "wore",  "overtook", "succeeded"};
    const char *w = text + tok[i].start;
    size_t n = tok[i].end - tok[i].start;
    if (st->info[i].cap != NER_CAP_LOWER || !st->info[i].alpha)
        return false;
    return (n >= 4 && w[n - 2] == 'e' && w[n - 1] == 'd') ||
           ONE_OF(w, n, irregular);
}

/* Inside a span the tagger read as one person's, body's or place's name
 * [a, j): 1 when token b is a verb in the past between two capitalised
 * words, which no such name holds ("Aliyev met Pashinyan", a short line
 * the tagger took for a title-case headline), else 0. */
static size_t verb_break(const state *st, const char *text,
                         const prism_token *tok, int type, size_t a, size_t b,
                         size_t j)
{
    if (type == NER_MISC || b <= a || b + 1 >= j ||
        st->info[b - 1].cap == NER_CAP_LOWER ||
        st->info[b + 1].cap == NER_CAP_LOWER)
        return 0;
    return past_verb(st, text, tok, b) ? 1 : 0;
}

/* Does what stands around the one-word name at token i say that it is a
 * person's? `listed`: a list knows the word as a person's (and maybe as a
 * town's: "Darwin"); `town`: the lists know it only as a town's or a
 * province's ("Mendoza"), and only what people do or have done to them
 * tells; else no list knows it at all ("Kowalczyk"). */
static bool person_cue(const state *st, const char *text,
                       const prism_token *tok, size_t ntok, size_t i,
                       bool listed, bool town)
{
    static const char *const pronouns[] = {"he",  "his",     "him",    "she",
                                           "her", "himself", "herself"};
    static const char *const done_to_people[] = {
        "born",      "arrested",  "appointed",    "elected",      "sentenced",
        "knighted",  "executed",  "jailed",       "imprisoned",   "detained",
        "kidnapped", "abducted",  "assassinated", "murdered",     "baptised",
        "baptized",  "ordained",  "hospitalised", "hospitalized", "injured",
        "wounded",   "nominated", "sworn",        "buried",       "traded",
        "drafted",   "sacked",    "fired",        "dismissed"};
    static const char *const not_kin[] = {"toll",  "tolls",   "rate",
                                          "rates", "penalty", "row"};
    const ner_info *in = st->info;
    size_t j = i + 1;
    if (j >= ntok)
        return false;
    /* "Carson, who wrote"; "Brandvold, a Norwegian painter," and a town's
     * name too: "Mendoza, a defender who joined" (but "Leeds, who won" is
     * a team) */
    if (j + 1 < ntok && text[tok[j].start] == ',') {
        if (!town && in[j + 1].h_lower == ner_hash_bytes("who", 3, 2))
            return true;
        if (WORD_IN(text, tok, j + 1, ARTICLES))
            for (size_t k = j + 2; k < ntok && k < j + 5; k++) {
                if (in[k].cap == NER_CAP_LOWER && (word_rule(st, k) & WR_PERN))
                    return true;
                if (!in[k].alpha)
                    break;
            }
    }
    /* "the death of Rumi", "the works of Mizoguchi and Ozu": what only a
     * person has or leaves (the kin and life of WR_KIN, and works) */
    static const char *const works[] = {
        "life",       "birth",      "works",     "writings",  "teachings",
        "disciple",   "disciples",  "followers", "execution", "abdication",
        "coronation", "portrait",   "paintings", "novels",    "poems",
        "films",      "symphonies", "operas"};
    size_t of = i > 2 && in[i - 1].h_lower == ner_hash_bytes("of", 2, 2) ? i - 1
                : i > 4 && word_is(text, tok, i - 1, "and") &&
                        in[i - 3].h_lower == ner_hash_bytes("of", 2, 2) &&
                        st->tags[i - 2] &&
                        ner_tag_type(st->tags[i - 2]) == NER_PER
                    ? i - 3
                    : 0;
    if (!town && of && in[of - 1].cap == NER_CAP_LOWER &&
        ((word_rule(st, of - 1) & WR_KIN) || WORD_IN(text, tok, of - 1, works)))
        return true;
    /* "She married Osei" */
    if (!town && i > 0 && in[i - 1].cap == NER_CAP_LOWER &&
        in[i - 1].h_lower == ner_hash_bytes("married", 7, 2))
        return true;
    /* "Petrov was arrested", "Okafor was born": what is done only to a
     * person, in the passive */
    if (j + 1 < ntok && in[j].h_lower == ner_hash_bytes("was", 3, 2)) {
        size_t p = j + 1; /* "Henderson was later traded" */
        if (p + 1 < ntok && in[p].cap == NER_CAP_LOWER &&
            (word_rule(st, p) & WR_ADVERB))
            p++;
        if (in[p].cap == NER_CAP_LOWER && WORD_IN(text, tok, p, done_to_people))
            return true;
        /* "Thorvaldsen was the son of a blacksmith" */
        static const char *const kin[] = {
            "son",    "daughter", "wife",     "husband",      "brother",
            "sister", "widow",    "grandson", "granddaughter"};
        if (p + 2 < ntok && WORD_IN(text, tok, p, ARTICLES) &&
            WORD_IN(text, tok, p + 1, kin) && word_is(text, tok, p + 2, "of"))
            return true;
    }
    /* "Darwin wrote", "Newton later formulated", "Whitmore died"; not a
     * firm's deed ("Tesla recalled 2 million cars", "recalled its") */
    static const char *const firm_objects[] = {
        "its",  "more",   "nearly", "almost",    "about",    "some",
        "over", "around", "all",    "thousands", "hundreds", "millions"};
    size_t v = j;
    if (v + 1 < ntok && in[v].cap == NER_CAP_LOWER &&
        (word_rule(st, v) & WR_ADVERB))
        v++;
    if (in[v].cap == NER_CAP_LOWER && (word_rule(st, v) & WR_DEED) &&
        !(v + 1 < ntok && (WORD_IN(text, tok, v + 1, firm_objects) ||
                           in[v + 1].digit))) /* "Tesla recalled its" */
        return true;
    /* "Lindqvist told reporters": a word no list knows, which the tagger
     * left out, opening a sentence, or after a quotation ("“It was a
     * mistake,” Okonjo admitted"), before a verb of saying (SAYS; a body
     * says too, but the tagger knows most bodies) */
    bool quoted = i >= 2 && text[tok[i - 2].start] == ',' &&
                  (text[tok[i - 1].start] == '"' ||
                   !strncmp(text + tok[i - 1].start, "\xe2\x80\x9d", 3));
    if (!st->tags[i] && !town && !listed && (in[i].first || quoted) &&
        in[v].cap == NER_CAP_LOWER && WORD_IN(text, tok, v, SAYS))
        return true;
    /* "Sydney grew up near Dubbo": a town grows, but does not grow up */
    if (v + 1 < ntok && in[v].h_lower == ner_hash_bytes("grew", 4, 2) &&
        in[v + 1].h_lower == ner_hash_bytes("up", 2, 2))
        return true;
    /* "Hamilton's wife", "Darwin's theory": what only a person has (not
     * "Darwin's death toll") */
    if (j + 1 < ntok && apostrophe_tok(text, &tok[j]) &&
        in[j + 1].cap == NER_CAP_LOWER && (word_rule(st, j + 1) & WR_KIN) &&
        !(j + 2 < ntok && WORD_IN(text, tok, j + 2, not_kin)))
        return true;
    if (town) /* only what no town does or has done to it tells */
        return false;
    /* what is done only to a person, with the name its object: "Bochum
     * appointed Hecking", "Mainz sacked Svensson", "deposed by Obote",
     * "seconded by Adeniran"; and who speaks after a quotation: "said
     * Linturi" */
    static const char *const done_to[] = {
        "appointed",   "sacked",        "hired",     "fired",     "dismissed",
        "interviewed", "congratulated", "nominated", "knighted",  "deposed",
        "seconded",    "succeeded",     "replaced",  "impeached", "ousted"};
    /* (the name itself, not a word before a noun and a name: "said
     * Refco analyst Mike Connery", "appointed Tunisian coach Nabi") */
    static const char *const afters[] = {
        "as",  "in",   "on",   "at",   "after",   "last", "for", "to",
        "and", "from", "with", "this", "earlier", "over", "who", "when"};
    bool alone = j >= ntok || !in[j].alpha ||
                 (in[j].cap == NER_CAP_LOWER && WORD_IN(text, tok, j, afters));
    if (alone && !has(phrase_gaz(st, i, i + 1), NER_G_NORP)) {
        if (i > 0 && in[i - 1].cap == NER_CAP_LOWER &&
            (WORD_IN(text, tok, i - 1, done_to) ||
             (i > 1 && word_is(text, tok, i - 1, "by") &&
              in[i - 2].cap == NER_CAP_LOWER &&
              WORD_IN(text, tok, i - 2, done_to))))
            return true;
        if (i > 2 && in[i - 1].cap == NER_CAP_LOWER &&
            (word_is(text, tok, i - 1, "said") ||
             word_is(text, tok, i - 1, "says")) &&
            (text[tok[i - 2].start] == '"' ||
             !strncmp(text + tok[i - 2].start, "\xe2\x80\x9d", 3)))
            return true;
    }
    /* "Hoan served as mayor", "Marsden worked as a chaplain" (a town
     * "served as the capital") */
    if (v + 1 < ntok && in[v].cap == NER_CAP_LOWER &&
        (in[v].h_lower == ner_hash_bytes("served", 6, 2) ||
         in[v].h_lower == ner_hash_bytes("worked", 6, 2)) &&
        in[v + 1].h_lower == ner_hash_bytes("as", 2, 2))
        return true;
    /* "Kowalczyk argued that his reforms had failed": opening a sentence
     * or a clause after a comma ("After leaving Genesis, Collins released
     * his debut album"),
     * a verb in the past, soon "his" or "her" with only lower-case words
     * between; not after "said" or "told", where the pronoun is as often
     * someone else's */
    if (!(in[i].first || (i > 0 && text[tok[i - 1].start] == ',')) ||
        !past_verb(st, text, tok, j))
        return false;
    for (size_t k = j + 1; k < ntok && k < i + 8; k++) {
        if (in[k].cap != NER_CAP_LOWER || st->tags[k] || in[k].first)
            return false;
        if (WORD_IN(text, tok, k, pronouns))
            return true;
    }
    return false;
}

/* An agency's credit line names its journalists: "(Reporting by Andrew
 * Osborn in Moscow and Pavel Polityuk in Kyiv; Editing by Lincoln Feast)".
 * Each name after "Reporting by", "Editing by"... up to the ";" or ")" is
 * a person's, however the tagger read it ("Lincoln Feast" as a town); a
 * name after "in" is where the reporter was, and keeps its label. */
static void credit_lines(state *st, const char *text, const prism_token *tok,
                         size_t ntok)
{
    static const char *const credits[] = {
        "reporting", "editing",  "writing", "edited", "written",
        "compiled",  "produced", "photo",   "photos", "photographs",
        "graphics",  "research", "video"};
    const ner_info *in = st->info;
    for (size_t i = 1; i + 1 < ntok; i++) {
        /* the credit opens the line or follows "(", ";" or "Additional"
         * ("figures compiled by Euromoney magazine" is no credit) */
        if ((text[tok[i].start] | 0x20) != 'b' ||
            !word_is(text, tok, i, "by") ||
            !ONE_OF(text + tok[i - 1].start, tok[i - 1].end - tok[i - 1].start,
                    credits) ||
            !(in[i - 1].cap == NER_CAP_TITLE ||
              (i >= 2 && (word_is(text, tok, i - 2, "(") ||
                          word_is(text, tok, i - 2, ";") ||
                          word_is(text, tok, i - 2, "additional")))))
            continue;
        size_t j = i + 1;
        while (j < ntok) {
            if (word_is(text, tok, j, ",") || word_is(text, tok, j, "and")) {
                j++;
                continue;
            }
            bool place = word_is(text, tok, j, "in");
            if (place)
                j++;
            size_t k = j;
            while (k < ntok && k - j < 4 && in[k].alpha &&
                   in[k].cap != NER_CAP_LOWER && in[k].cap != NER_CAP_NONE)
                k++;
            /* a run that a tagged name goes on beyond is left alone */
            if (k == j || (k < ntok && st->tags[k] &&
                           (ner_tag_part(st->tags[k]) == NER_I ||
                            ner_tag_part(st->tags[k]) == NER_L)))
                break;
            if (!place)
                tag_span(st, j, k, NER_PER);
            j = k;
        }
        i = j;
    }
}

/* Companies' legal designators ("Inc", "Ltd.", "GmbH"). */
static const char *const DESIGNATORS[] = {
    "inc",  "inc.",    "incorporated", "corp", "corp.", "ltd",
    "ltd.", "limited", "llc",          "l.p.", "lp",    "co",
    "co.",  "plc",     "ag",           "sa",   "nv",    "gmbh"};

/* A company's designator after a comma ("Google, Inc.", "Acme Widgets,
 * L.P.") belongs to the name before it, as UNER marks it; the model read
 * the designator as a name of its own, or as the start of one ("Inc. of
 * Mountain View", whose place keeps a name of its own). */
static void designator_after_comma(state *st, const char *text,
                                   const prism_token *tok, size_t ntok)
{
    const ner_info *in = st->info;
    for (size_t i = 2; i < ntok; i++) {
        if (text[tok[i - 1].start] != ',' || !word_is(text, tok, i - 1, ",") ||
            !in[i - 2].alpha || in[i - 2].cap == NER_CAP_LOWER ||
            !ONE_OF(text + tok[i].start, tok[i].end - tok[i].start,
                    DESIGNATORS))
            continue;
        /* the name before the comma: the tagged one, else the run of
         * capitalised words (at most four) */
        size_t a = i - 2;
        int part = ner_tag_part(st->tags[a]);
        if (st->tags[a] && part != NER_L && part != NER_U)
            continue;
        if (part == NER_L)
            while (a > 0 && ner_tag_part(st->tags[a]) != NER_B)
                a--;
        else if (!st->tags[a])
            while (a > 0 && i - 2 - a < 3 && !st->tags[a - 1] &&
                   in[a - 1].alpha && in[a - 1].cap != NER_CAP_LOWER &&
                   !in[a].first)
                a--;
        /* a name the designator opened goes on after it: what follows
         * "of" is a place ("Inc. of Mountain View") */
        size_t k = i + 1;
        while (k < ntok && st->tags[k] &&
               (ner_tag_part(st->tags[k]) == NER_I ||
                ner_tag_part(st->tags[k]) == NER_L))
            k++;
        size_t p = i + 1;
        if (p < k && word_is(text, tok, p, "of"))
            st->tags[p++] = 0;
        if (p < k)
            tag_span(st, p, k, NER_LOC);
        tag_span(st, a, i + 1, NER_ORG);
        i = k - 1 > i ? k - 1 : i;
    }
}

/* "Kaneb Services Inc. Kaneb said", "Murex Corp. Others...": a sentence
 * that ends with a company's designator and its full stop does not go on
 * into the next one's first name, though the sentence splitter, taking
 * "Inc." for an abbreviation, kept them together. A designator that
 * itself follows ("Plessey Co. Plc") stays in the name. */
static void split_after_designator(state *st, const char *text,
                                   const prism_token *tok, size_t ntok)
{
    static const char *const ends[] = {"inc.", "corp.", "ltd."};
    const ner_info *in = st->info;
    for (size_t i = 0; i + 1 < ntok; i++) {
        int part = ner_tag_part(st->tags[i]);
        if ((part != NER_B && part != NER_I) || !in[i].dot ||
            !ONE_OF(text + tok[i].start, tok[i].end - tok[i].start, ends) ||
            ONE_OF(text + tok[i + 1].start, tok[i + 1].end - tok[i + 1].start,
                   DESIGNATORS) ||
            in[i + 1].cap == NER_CAP_LOWER)
            continue;
        int type = ner_tag_type(st->tags[i]);
        st->tags[i] = (uint8_t)ner_tag(type, part == NER_B ? NER_U : NER_L);
        /* the rest is a name of its own, without the next sentence's
         * ordinary first words ("Shares of Apple Inc.") */
        size_t j = i + 1, e = i + 1;
        while (e < ntok && (ner_tag_part(st->tags[e]) == NER_I ||
                            ner_tag_part(st->tags[e]) == NER_L))
            e++;
        while (j < e && (in[j].cap == NER_CAP_LOWER ||
                         (in[j].lex != NER_LEX_NONE &&
                          in[j].lex % 3 < in[j].lex / 3 && !in[j].gaz)))
            st->tags[j++] = 0;
        if (j < e)
            tag_span(st, j, e, type);
        i = e - 1;
    }
}

/* Could the word w of n bytes be one of particle_names()' particles? A
 * quick look at its first two letters, rarely true. */
static bool particle_start(const char *w, size_t n)
{
    if (n < 2)
        return false;
    switch (w[0]) {
    case 'b':
        return w[1] == 'i';
    case 'i':
        return w[1] == 'b';
    case 'v':
        return w[1] == 'a' || w[1] == 'o';
    case 'd':
        return w[1] == 'e' || w[1] == 'a' || w[1] == 'i';
    default:
        return false;
    }
}

/* A surname that opens with a lower-case particle ("bin Laden", "de
 * Gaulle", "van Gogh", "von Braun") is a person's, the particle included,
 * as CoNLL-2003 marks "de Klerk"; the model, seeing the surname alone,
 * read some as things or companies. Not after a capitalised word, where
 * the particle is inside a name ("Charles de Gaulle", "Rio de Janeiro"),
 * nor when a list knows the surname alone as an organisation or a place
 * ("against de Graafschap", the club). */
static void particle_names(state *st, const char *text, const prism_token *tok,
                           size_t ntok)
{
    static const char *const particles[] = {
        "bin", "ibn", "van", "von", "de", "da", "di", "del", "della", "der"};
    const ner_info *in = st->info;
    for (size_t i = 0; i + 1 < ntok; i++) {
        if (!particle_start(text + tok[i].start, tok[i].end - tok[i].start) ||
            st->tags[i] || in[i].cap != NER_CAP_LOWER || in[i].len > 5 ||
            in[i + 1].cap == NER_CAP_NONE ||
            (i > 0 && in[i - 1].alpha && in[i - 1].cap != NER_CAP_LOWER) ||
            !ONE_OF(text + tok[i].start, tok[i].end - tok[i].start, particles))
            continue;
        size_t j = i + 1; /* "van der Merwe" */
        if (j + 1 < ntok && !st->tags[j] && in[j].cap == NER_CAP_LOWER &&
            ONE_OF(text + tok[j].start, tok[j].end - tok[j].start, particles))
            j++;
        if (in[j].cap != NER_CAP_TITLE || !in[j].alpha)
            continue;
        size_t k = j + 1;
        int type = ner_tag_type(st->tags[j]);
        if (type >= 0) {
            if (ner_tag_part(st->tags[j]) != NER_B &&
                ner_tag_part(st->tags[j]) != NER_U)
                continue;
            while (k < ntok && st->tags[k] &&
                   (ner_tag_part(st->tags[k]) == NER_I ||
                    ner_tag_part(st->tags[k]) == NER_L))
                k++;
        }
        if ((type == NER_ORG || type == NER_LOC) &&
            (gaz_mask(phrase_gaz(st, j, k)) & (NOT_PER | (1u << NER_G_ORG))))
            continue;
        tag_span(st, i, k, NER_PER);
        i = k - 1;
    }
}

/* "Carlos Ibáñez del Campo", "Leonardo da Vinci", "Nurul Aina binti
 * Abdul Rahman": a particle and a
 * capitalised word after a person's name the tagger found go on with it,
 * whatever the tagger made of the last word alone (not a country's:
 * "Marie de France" stays two names if the list knows the country). */
static void particle_tails(state *st, const char *text, const prism_token *tok,
                           size_t ntok)
{
    static const char *const particles[] = {
        "de",   "del",  "da",  "do",   "dos", "das", "di",  "della",
        "van",  "von",  "der", "du",   "des", "bin", "ibn", "binti",
        "bint", "mint", "wa",  "ould", "zu",  "ter"}; /* "Mariem mint
                             Ahmed Salem", "Karl-Theodor zu
                             Guttenberg", "Marc-André ter Stegen" */
    for (size_t i = 1; i + 1 < ntok; i++) {
        int prev = st->tags[i - 1];
        if (st->tags[i] || st->info[i].cap != NER_CAP_LOWER ||
            (prev != ner_tag(NER_PER, NER_L) &&
             prev != ner_tag(NER_PER, NER_U)) ||
            !WORD_IN(text, tok, i, particles) ||
            st->info[i + 1].cap != NER_CAP_TITLE || !st->info[i + 1].alpha)
            continue;
        size_t k = i + 2;
        int part = ner_tag_part(st->tags[i + 1]);
        if (part == NER_B)
            k = span_end(st, ntok, i + 1);
        else if (st->tags[i + 1] && part != NER_U)
            continue;
        if (has(phrase_gaz(st, i + 1, k), NER_G_COUNTRY))
            continue;
        tag_span(st, span_start(st, i - 1), k, NER_PER);
        i = k - 1;
    }
}

/* "the Ministry of Economy and Finance", "the Minister of Maritime
 * Affairs and Fisheries": an organisation's name "of" something, "and",
 * and one or two capitalised words that end the name go on as one name
 * (not a place's or a person's a list knows: "the Ministry of Defence
 * and Russia"). */
static void ministries_with_and(state *st, const char *text,
                                const prism_token *tok, size_t ntok)
{
    const uint32_t of = ner_hash_bytes("of", 2, 2);
    const uint32_t known = NOT_PER | (1u << NER_G_PERSON) | (1u << NER_G_FIRST);
    for (size_t a = 0; a < ntok; a++) {
        int part = ner_tag_part(st->tags[a]);
        if (ner_tag_type(st->tags[a]) != NER_ORG || part != NER_B)
            continue;
        size_t b = span_end(st, ntok, a), k = b + 1, e = k;
        bool has_of = false;
        for (size_t i = a + 1; i < b; i++)
            has_of = has_of || st->info[i].h_lower == of;
        while (e < ntok && e < k + 2 && st->info[e].cap == NER_CAP_TITLE &&
               (!st->tags[e] || ner_tag_part(st->tags[e]) == NER_U))
            e++;
        if (has_of && e > k && k < ntok && word_is(text, tok, b, "and") &&
            !st->tags[b] && !(e < ntok && st->info[e].cap == NER_CAP_TITLE) &&
            !(gaz_mask(phrase_gaz(st, k, e)) & known))
            tag_span(st, a, e, NER_ORG);
        a = (e > k ? e : b) - 1;
    }
}

/* A body's name that ends in a word of bodies, "of" and a place a list
 * knows is one name, as CoNLL-2003 marks "Bank of Finland" and "Council
 * of Europe": "the Court of Bosnia and Herzegovina", "Exim Bank of
 * China", "the Greek Orthodox Archdiocese of America" (the tagger split
 * them, or left the body's words out); and so is a mission of the United
 * Nations or a union of states "in" a country ("the United Nations
 * Interim Force in Lebanon"). */
static void bodies_of_places(state *st, const char *text,
                             const prism_token *tok, size_t ntok)
{
    static const char *const heads[] = {
        "court",        "bank",        "commission", "council",  "ministry",
        "patriarchate", "archdiocese", "diocese",    "eparchy",  "community",
        "parliament",   "assembly",    "synod",      "tribunal", "chamber",
        "authority",    "academy",     "federation", "church"};
    static const char *const missions[] = {"mission", "force", "operation",
                                           "office"};
    static const char *const unions[] = {"united",   "un", "african", "au",
                                         "european", "eu", "nato",    "osce"};
    const uint32_t places = (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) |
                            (1u << NER_G_STATE) | (1u << NER_G_REGION) |
                            (1u << NER_G_ALIAS) | (1u << NER_G_LOC);
    const ner_info *in = st->info;
    for (size_t c = 3; c < ntok; c++) {
        int part = ner_tag_part(st->tags[c]);
        if (ner_tag_type(st->tags[c]) != NER_LOC ||
            (part != NER_B && part != NER_U))
            continue;
        size_t d = span_end(st, ntok, c);
        bool of = word_is(text, tok, c - 1, "of");
        if ((!of && !word_is(text, tok, c - 1, "in")) ||
            !(gaz_mask(phrase_gaz(st, c, d)) & places) ||
            (d < ntok && in[d].alpha && in[d].cap != NER_CAP_LOWER))
            continue;
        size_t h = c - 2; /* the body's last word */
        if (in[h].cap != NER_CAP_TITLE ||
            !(of ? WORD_IN(text, tok, h, heads)
                 : WORD_IN(text, tok, h, missions)))
            continue;
        size_t a;
        if (st->tags[h]) {
            int hp = ner_tag_part(st->tags[h]);
            int ht = ner_tag_type(st->tags[h]);
            if ((ht != NER_ORG && !(ht == NER_PER && hp == NER_U)) ||
                (hp != NER_L && hp != NER_U))
                continue; /* a body's, or its word alone ("Court") */
            a = span_start(st, h);
        } else {
            a = h; /* "the Patriarchate of Alexandria" */
            if (a > 0 && st->tags[a - 1] &&
                ner_tag_type(st->tags[a - 1]) == NER_MISC &&
                (ner_tag_part(st->tags[a - 1]) == NER_L ||
                 ner_tag_part(st->tags[a - 1]) == NER_U))
                a = span_start(st, a - 1); /* "Greek Orthodox Archdiocese" */
        }
        if (!of && !WORD_IN(text, tok, a, unions))
            continue; /* a mission "in" a country: the United Nations' */
        tag_span(st, a, d, NER_ORG);
        c = d - 1;
    }
}

static bool ordinary_lower(const state *st, size_t a, size_t b, bool short_too);

/* A body's possessive before the name of its part is two names, as
 * CoNLL-2003 marks "AMR Corp 's American Airlines": "the Metropolitan
 * Police’s Specialist Crime Command", "Yale's Humanitarian Research Lab"
 * (the tagger read one). The owner is a body by its last word or a list;
 * the part has a word of units, schools and offices. Not "People's
 * Party", "St John's College", "Moody's Investors Service". */
static void parts_of_bodies(state *st, const char *text, const prism_token *tok,
                            size_t ntok)
{
    static const char *const owners[] = {
        "police",    "force",       "army",      "navy",       "university",
        "bank",      "ministry",    "council",   "commission", "court",
        "institute", "museum",      "agency",    "department", "service",
        "group",     "corporation", "company",   "inc",        "corp",
        "ltd",       "foundation",  "authority", "party",      "office"};
    static const char *const parts[] = {
        "command", "lab",       "labs",        "laboratory", "museum",
        "unit",    "division",  "department",  "school",     "institute",
        "centre",  "center",    "office",      "agency",     "bureau",
        "branch",  "squad",     "team",        "force",      "service",
        "college", "faculty",   "hospital",    "foundation", "programme",
        "program", "committee", "directorate", "wing"};
    const ner_info *in = st->info;
    for (size_t a = 0; a < ntok; a++) {
        if (ner_tag_type(st->tags[a]) != NER_ORG ||
            ner_tag_part(st->tags[a]) != NER_B)
            continue;
        size_t b = span_end(st, ntok, a);
        for (size_t p = a + 1; p + 2 < b; p++) {
            size_t n = tok[p].end - tok[p].start;
            if (!apostrophe_tok(text, &tok[p]) || text[tok[p].end - 1] != 's' ||
                (n != 2 && n != 4))
                continue;
            bool owner = WORD_IN(text, tok, p - 1, owners) ||
                         (gaz_mask(phrase_gaz(st, a, p)) &
                          ((1u << NER_G_ORG) | (1u << NER_G_ORGLIST)));
            bool part = false;
            for (size_t i = p + 1; i < b && !part; i++)
                part =
                    in[i].cap == NER_CAP_TITLE && WORD_IN(text, tok, i, parts);
            if (owner && part && b - (p + 1) >= 2 &&
                !ordinary_lower(st, p + 1, b, false)) {
                tag_span(st, a, p, NER_ORG);
                st->tags[p] = 0;
                tag_span(st, p + 1, b, NER_ORG);
            }
            break;
        }
        a = b - 1;
    }
}

/* Is token i a planet's name where it names a place, as the Universal NER
 * guidelines have it ("from Earth to Mars", "landed on Mars", "flew past
 * Pluto"): after a word of going, being or orbiting there, and not
 * before a capitalised word ("Earth Day")? Not in a horoscope ("natal
 * Saturn"), nor the Moon, which the annotated web text leaves unmarked
 * ("getting back to the Moon"). */
static bool planet(const state *st, const char *text, const prism_token *tok,
                   size_t i)
{
    static const char *const named[] = {"mercury", "venus",  "mars",
                                        "jupiter", "saturn", "uranus",
                                        "neptune", "pluto",  "earth"};
    static const char *const before[] = {
        "on",     "to",     "from",    "around",   "orbit",  "orbiting",
        "past",   "reach",  "reached", "reaching", "toward", "towards",
        "passed", "orbits", "orbited", "visited",  "beyond", "between"};
    /* "a flyby of Mercury", "the surface of Mars" */
    static const char *const parts[] = {
        "flyby", "flybys", "surface",    "orbit", "moons",
        "moon",  "rings",  "atmosphere", "poles", "pole"};
    if (i < 2 || st->info[i].cap != NER_CAP_TITLE || st->info[i].len < 4 ||
        st->info[i].len > 7 || st->info[i - 1].cap != NER_CAP_LOWER ||
        (i + 1 < st->ntok_cur && st->info[i + 1].cap == NER_CAP_TITLE) ||
        !WORD_IN(text, tok, i, named))
        return false;
    if (WORD_IN(text, tok, i - 1, before))
        return true;
    if (word_is(text, tok, i - 1, "of"))
        return st->info[i - 2].cap == NER_CAP_LOWER &&
               WORD_IN(text, tok, i - 2, parts);
    /* the second of two: "between Mars and Jupiter" */
    return word_is(text, tok, i - 1, "and") && planet(st, text, tok, i - 2);
}

/* Tags the planets that the tagger left out or read as one-word names of
 * other kinds as places (span_rules() keeps them so). */
static void planets(state *st, const char *text, const prism_token *tok,
                    size_t ntok)
{
    for (size_t i = 1; i < ntok; i++)
        if ((!st->tags[i] || ner_tag_part(st->tags[i]) == NER_U) &&
            planet(st, text, tok, i))
            st->tags[i] = (uint8_t)ner_tag(NER_LOC, NER_U);
}

/* "Fujiwara no Michinaga", "Minamoto no Yoritomo": a Japanese clan's
 * name, "no" and a given name are one person's name: one capitalised
 * word the tagger found, "no", and another, in a sentence of ordinary
 * case. */
static void clan_names(state *st, const char *text, const prism_token *tok,
                       size_t ntok)
{
    for (size_t i = 1; i + 1 < ntok; i++) {
        int part = ner_tag_part(st->tags[i - 1]);
        if (!word_is(text, tok, i, "no") || st->tags[i] ||
            st->info[i].cap != NER_CAP_LOWER || part != NER_U ||
            st->info[i - 1].cap != NER_CAP_TITLE ||
            st->info[i + 1].cap != NER_CAP_TITLE ||
            st->info[i + 1].sent_case != NER_SC_NORMAL ||
            (st->info[i + 1].lex != NER_LEX_NONE &&
             st->info[i + 1].lex / 3 > 0) || /* not "no Longer" */
            (st->tags[i + 1] && ner_tag_part(st->tags[i + 1]) != NER_U))
            continue;
        tag_span(st, i - 1, i + 2, NER_PER);
        i++;
    }
}

/* A name that "said its" plans is a firm's, not a person's ("Dangote
 * said its refinery would start"). */
static void firms_saying_its(state *st, const char *text,
                             const prism_token *tok, size_t ntok)
{
    uint32_t its = ner_hash_bytes("its", 3, 2);
    for (size_t a = 0; a < ntok; a++) {
        int part = ner_tag_part(st->tags[a]);
        if (!st->tags[a] || ner_tag_type(st->tags[a]) != NER_PER ||
            (part != NER_B && part != NER_U))
            continue;
        size_t b = span_end(st, ntok, a);
        /* (not an officer speaking for it: "Chairman W.A. Kistler said
         * its counter proposal") */
        if (b - a <= 2 && b + 1 < ntok && st->info[b].cap == NER_CAP_LOWER &&
            !(a > 0 && !st->info[a].first &&
              st->info[a - 1].cap != NER_CAP_LOWER) &&
            WORD_IN(text, tok, b, SAYS) && st->info[b + 1].h_lower == its)
            tag_span(st, a, b, NER_ORG);
        a = b - 1;
    }
}

/* "The Obamas moved", "the Clintons", "the Bushes": a family, named by
 * the plural of the surname of a person in the news (lists/people.txt),
 * is people (a person's label), whatever the tagger read; not a body or
 * a place a list knows by the plural. (Surnames in general would make
 * people of "the Lions" and "the Crusaders".) */
static void families(state *st, const char *text, const prism_token *tok,
                     size_t ntok)
{
    for (size_t i = 1; i < ntok; i++) {
        const prism_token *t = &tok[i];
        size_t n = t->end - t->start;
        int part = ner_tag_part(st->tags[i]);
        if (n < 5 || text[t->end - 1] != 's' || text[t->end - 2] == 's' ||
            st->info[i].cap != NER_CAP_TITLE ||
            !word_is(text, tok, i - 1, "the") ||
            (st->tags[i] && part != NER_U) ||
            ner_tag_type(st->tags[i]) == NER_PER ||
            (i + 1 < ntok && st->info[i + 1].cap == NER_CAP_TITLE &&
             tok[i + 1].start == t->end + 1) ||
            (gaz_mask(phrase_gaz(st, i, i + 1)) &
             ((1u << NER_G_ORG) | (1u << NER_G_ORGLIST) | (1u << NER_G_NORP) |
              (1u << NER_G_LOC) | (1u << NER_G_COUNTRY) | (1u << NER_G_MISC))))
            continue;
        /* "Obamas", "Bushes" */
        size_t one =
            n > 5 && text[t->end - 2] == 'e' &&
                    (text[t->end - 3] == 'h' || text[t->end - 3] == 'x')
                ? n - 2
                : n - 1;
        ner_word w;
        ner_word_make(&w, text + t->start, one);
        uint32_t gm = gaz_mask(ner_gaz_find(&st->model, ner_key_word(&w)));
        if (!(gm & (1u << NER_G_NEWS)) ||
            (gm & ((1u << NER_G_ORG) | (1u << NER_G_ORGLIST) |
                   (1u << NER_G_NORP) | (1u << NER_G_COUNTRY))))
            continue;
        /* what the tagger read as a body ("the Packers") only with a
         * family's mark: "’s", "family", or the person named in full */
        bool family = ner_tag_type(st->tags[i]) != NER_ORG ||
                      (i + 1 < ntok && (apostrophe_tok(text, &tok[i + 1]) ||
                                        word_is(text, tok, i + 1, "family")));
        for (size_t j = 1; j < ntok && !family; j++)
            family = ner_tag_type(st->tags[j]) == NER_PER && st->tags[j] &&
                     ner_tag_part(st->tags[j]) == NER_L &&
                     tok[j].end - tok[j].start == one &&
                     !memcmp(text + tok[j].start, text + t->start, one);
        if (family)
            tag_span(st, i, i + 1, NER_PER);
    }
}

/* "Nasser of Egypt", "Nehru of India": a person and the country they
 * lead or come from, which the tagger read as one person's name, are two
 * names when the words after "of" are a country's that the gazetteer
 * knows ("Catherine of Aragon", "Francis of Assisi" stay one, and so do
 * monarchs: "Queen Constance of Hungary"). */
static void rulers_of_countries(state *st, size_t ntok)
{
    const uint32_t of = ner_hash_bytes("of", 2, 2);
    for (size_t a = 0; a < ntok; a++) {
        if (ner_tag_type(st->tags[a]) != NER_PER ||
            ner_tag_part(st->tags[a]) != NER_B)
            continue;
        size_t b = a + 1;
        while (b < ntok && ner_tag_part(st->tags[b]) == NER_I)
            b++;
        if (b >= ntok || ner_tag_part(st->tags[b]) != NER_L)
            continue;
        b++;
        /* a monarch's title or regnal number makes "of" part of the name
         * ("Queen Constance of Hungary", "Abdullah II of Jordan") */
        bool royal = is_title(st, a, a + 1) || (word_rule(st, a) & WR_LEAD) ||
                     (a > 0 && (is_title(st, a - 1, a) ||
                                (word_rule(st, a - 1) & WR_LEAD)));
        for (size_t k = a + 1; k < b && !royal; k++)
            royal = roman(st->text_cur, &st->tok_cur[k]);
        for (size_t k = a + 1; k + 1 < b && !royal; k++)
            if (st->info[k].h_lower == of &&
                st->info[k + 1].cap == NER_CAP_TITLE &&
                has(phrase_gaz(st, k + 1, b), NER_G_COUNTRY)) {
                part_span(st, a, k, b, NER_PER, NER_LOC);
                break;
            }
        a = b - 1;
    }
}

/* "Jorge Luis Ibáñez y Mendoza": a Spanish double surname joined by "y"
 * after a full name the tagger found is the same person's name, whatever
 * it made of the last word alone. */
static void names_with_y(state *st, const char *text, const prism_token *tok,
                         size_t ntok)
{
    for (size_t i = 2; i + 1 < ntok; i++) {
        if (st->tags[i] || st->tags[i - 1] != ner_tag(NER_PER, NER_L) ||
            !word_is(text, tok, i, "y") ||
            st->info[i + 1].cap != NER_CAP_TITLE || !st->info[i + 1].alpha ||
            (st->tags[i + 1] && ner_tag_part(st->tags[i + 1]) != NER_U) ||
            (i + 2 < ntok && st->info[i + 2].cap == NER_CAP_TITLE))
            continue;
        size_t a = i - 1;
        while (a > 0 && ner_tag_part(st->tags[a]) != NER_B)
            a--;
        tag_span(st, a, i + 2, NER_PER);
        i++;
    }
}

/* Is the token an ordinal or a number written in digits ("1st", "3rd",
 * "101st", "7")? */
static bool ordinal(const char *text, const prism_token *t)
{
    const char *w = text + t->start;
    size_t n = t->end - t->start, k = 0;
    while (k < n && k < 4 && w[k] >= '0' && w[k] <= '9')
        k++;
    if (k == 0 || k == 4)
        return false;
    static const char *const ends[] = {"", "st", "nd", "rd", "th"};
    return ONE_OF(w + k, n - k, ends);
}

/* "the 1st Armoured Brigade", "its 7 Division", "the 101st Airborne
 * Division", "No. 3 Squadron": a military unit's number and the capitalised
 * words that end in a unit's word are one organisation's name, whatever the
 * tagger made of them (not over a person's name). */
static void military_units(state *st, const char *text, const prism_token *tok,
                           size_t ntok)
{
    static const char *const units[] = {
        "division", "brigade", "regiment", "battalion", "corps",
        "army",     "fleet",   "squadron", "wing",      "infantry"};
    for (size_t i = 0; i + 1 < ntok; i++) {
        int part = ner_tag_part(st->tags[i]);
        if ((st->tags[i] && part != NER_I && part != NER_B) ||
            ner_tag_type(st->tags[i]) == NER_PER || !st->info[i].digit ||
            !ordinal(text, &tok[i]))
            continue;
        size_t j = i + 1, end = 0;
        while (j < ntok && j <= i + 4 && st->info[j].cap == NER_CAP_TITLE &&
               ner_tag_type(st->tags[j]) != NER_PER &&
               tok[j].start == tok[j - 1].end + 1 &&
               text[tok[j - 1].end] == ' ') { /* not a table's "1\nDivision" */
            if (WORD_IN(text, tok, j, units))
                end = j + 1;
            j++;
        }
        if (!end || (end < ntok && st->tags[end] &&
                     ner_tag_part(st->tags[end]) != NER_B &&
                     ner_tag_part(st->tags[end]) != NER_U))
            continue;
        size_t a = i; /* "No. 3 Squadron" */
        if (a >= 1 && !st->tags[a - 1] && word_is(text, tok, a - 1, "No."))
            a--;
        /* "the Soviet 44th Rifle Division": the nationality before it is a
         * name of its own; other words are the unit's ("New 38th") */
        if (part == NER_I) {
            size_t s = span_start(st, i);
            if (has(phrase_gaz(st, s, i), NER_G_NORP))
                tag_span(st, s, i, ner_tag_type(st->tags[i]));
            else
                a = s;
        }
        tag_span(st, a, end, NER_ORG);
        i = end - 1;
    }
}

/* "Grupo Ferroatlántica", "Éditions Philippe Picquier", "Fondazione
 * Prada": a word that opens organisations' names in other languages, at
 * the start of a name or just before one, makes it an organisation's,
 * whatever the tagger read in the rest (a person's name, a place's). */
static void foreign_org_starts(state *st, const prism_token *tok, size_t ntok)
{
    for (size_t a = 0; a < ntok; a++) {
        int part = ner_tag_part(st->tags[a]);
        if (!st->tags[a] || (part != NER_B && part != NER_U))
            continue;
        size_t b = a + 1;
        while (b < ntok && (ner_tag_part(st->tags[b]) == NER_I ||
                            ner_tag_part(st->tags[b]) == NER_L))
            b++;
        if (ner_tag_type(st->tags[a]) != NER_ORG && b - a >= 2 &&
            st->info[a].cap == NER_CAP_TITLE &&
            (word_rule(st, a) & WR_ORGSTART) &&
            !(gaz_mask(phrase_gaz(st, a, b)) & /* not "Viña del Mar" */
              ((1u << NER_G_COUNTRY) | (1u << NER_G_CITY) |
               (1u << NER_G_STATE) | (1u << NER_G_REGION))))
            tag_span(st, a, b, NER_ORG);
        else if (a > 0 && !st->tags[a - 1] &&
                 st->info[a - 1].cap == NER_CAP_TITLE &&
                 tok[a].start == tok[a - 1].end + 1) {
            /* the word the tagger left out: "Hôpital" "Albert
             * Schweitzer"; a site's, "Place" "Mohamed Ali" */
            uint64_t w = word_rule(st, a - 1);
            if (w & WR_ORGSTART)
                tag_span(st, a - 1, b, NER_ORG);
            else if (w & WR_FACPRE)
                tag_span(st, a - 1, b, NER_LOC);
        }
        a = b - 1;
    }
}

/* "PT Sawit Jaya Lestari", "PT Bank Rakyat Indonesia Tbk": an Indonesian
 * firm's designator before capitalised words opens one organisation's
 * name, whatever the tagger read in the words (not "10 a.m. PT Monday"). */
static void indonesian_firms(state *st, const char *text,
                             const prism_token *tok, size_t ntok)
{
    const ner_info *in = st->info;
    for (size_t a = 0; a + 1 < ntok; a++) {
        if (tok[a].end - tok[a].start != 2 ||
            memcmp(text + tok[a].start, "PT", 2) ||
            in[a + 1].cap != NER_CAP_TITLE || !in[a + 1].alpha ||
            (word_rule(st, a + 1) & (WR_TIME | WR_NOTNAME)) ||
            (a > 0 && in[a - 1].digit) || (a > 1 && in[a - 2].digit) ||
            (a > 0 && (word_is(text, tok, a - 1, "a.m.") ||
                       word_is(text, tok, a - 1, "p.m.") ||
                       word_is(text, tok, a - 1, "am") ||
                       word_is(text, tok, a - 1, "pm"))))
            continue;
        size_t b = a + 1;
        while (b < ntok && b < a + 8 && in[b].alpha &&
               (in[b].cap == NER_CAP_TITLE || in[b].cap == NER_CAP_UPPER) &&
               !(in[b].first && b > a + 1))
            b++;
        tag_span(st, a, b, NER_ORG);
        a = b - 1;
    }
}

/* "Air Greenland", "Air Tanzania": "Air" before a country's or a town's
 * name is the airline's (the lists know the big ones, "Air France"). */
static void airlines(state *st, const char *text, const prism_token *tok,
                     size_t ntok)
{
    const uint32_t places =
        (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) | (1u << NER_G_STATE);
    for (size_t a = 0; a + 1 < ntok; a++) {
        if (tok[a].end - tok[a].start != 3 ||
            memcmp(text + tok[a].start, "Air", 3) != 0 ||
            tok[a + 1].start != tok[a].end + 1 || !st->tags[a + 1] ||
            ner_tag_type(st->tags[a + 1]) != NER_LOC ||
            (ner_tag_part(st->tags[a + 1]) != NER_B &&
             ner_tag_part(st->tags[a + 1]) != NER_U))
            continue;
        size_t b = span_end(st, ntok, a + 1);
        if ((st->tags[a] && ner_tag_type(st->tags[a]) != NER_LOC) ||
            !(gaz_mask(phrase_gaz(st, a + 1, b)) & places))
            continue;
        tag_span(st, st->tags[a] ? span_start(st, a) : a, b, NER_ORG);
        a = b - 1;
    }
}

/* A person's name, "'s" and a word that ends only organisations' names
 * are one company's name, a title before it included: "Dr Reddy's
 * Laboratories", "Sainsbury's Supermarkets" (which the tagger may read as
 * a person and a thing). */
static void possessive_firms(state *st, const char *text,
                             const prism_token *tok, size_t ntok)
{
    for (size_t s = 0; s + 2 < ntok; s++) {
        int part = ner_tag_part(st->tags[s]);
        if (ner_tag_type(st->tags[s]) != NER_PER ||
            (part != NER_B && part != NER_U))
            continue;
        size_t e = span_end(st, ntok, s);
        if (e + 1 >= ntok || !apostrophe_tok(text, &tok[e]) ||
            st->info[e + 1].cap != NER_CAP_TITLE ||
            !has(phrase_gaz(st, e + 1, e + 2), NER_G_ORGHEAD) ||
            /* a body of its own the tagger read after it: "Viktor
             * Yanukovych’s" "Party of Regions" */
            (ner_tag_type(st->tags[e + 1]) == NER_ORG &&
             ner_tag_part(st->tags[e + 1]) == NER_B)) {
            s = e - 1;
            continue;
        }
        size_t a =
            s > 0 && st->tags[s - 1] == 0 && is_title(st, s - 1, s) ? s - 1 : s;
        tag_span(st, a, e + 2, NER_ORG);
        s = e + 1;
    }
    /* the same firm the tagger read whole, but for its title */
    for (size_t s = 1; s + 1 < ntok; s++)
        if (st->tags[s] && st->tags[s - 1] == 0 &&
            ner_tag_type(st->tags[s]) == NER_ORG &&
            ner_tag_part(st->tags[s]) == NER_B &&
            apostrophe_tok(text, &tok[s + 1]) && is_title(st, s - 1, s) &&
            span_end(st, ntok, s) > s + 2)
            tag_span(st, s - 1, span_end(st, ntok, s), NER_ORG);
}

/* Is token i a capitalised word of two letters or more, no word of the
 * language but in capitals, that is a name of its own if the tagger read
 * it as one? */
static bool lone_word(const state *st, const prism_token *tok, size_t i)
{
    const ner_info *in = &st->info[i];
    return in->alpha && in->cap != NER_CAP_LOWER &&
           (!in->common || in->cap == NER_CAP_UPPER) &&
           tok[i].end - tok[i].start >= 2 &&
           (!st->tags[i] || ner_tag_part(st->tags[i]) == NER_U);
}

/* A town, state or country a list knows, alone, after "a" or "an" and
 * before the noun of a firm or a person, that the tagger missed: "A
 * Delaware judge ruled", "Sparrow, a Kigali start-up that ...", or took
 * for a thing (one word, no person). Tags it as a place; and the
 * sentence's first word before ", a", which the tagger missed or took for
 * a thing too, as the firm ("Sparrow", "Obsidian, a small Tallinn software
 * house"). */
static void places_before_nouns(state *st, const char *text,
                                const prism_token *tok, size_t ntok)
{
    const ner_info *in = st->info;
    const uint32_t places =
        (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) | (1u << NER_G_STATE);
    for (size_t p = 1; p + 1 < ntok; p++) {
        bool lone = !st->tags[p] || (ner_tag_part(st->tags[p]) == NER_U &&
                                     ner_tag_type(st->tags[p]) != NER_PER);
        if (!lone || in[p].cap != NER_CAP_TITLE || !in[p].alpha ||
            (in[p].lex != NER_LEX_NONE && in[p].lex / 3 > 0))
            continue;
        size_t k = article_before(st, text, tok, p), q;
        if (k == SIZE_MAX ||
            (q = someone_after(st, text, tok, p + 1)) == SIZE_MAX)
            continue;
        uint32_t gm = gaz_mask(phrase_gaz(st, p, p + 1));
        if (!(gm & places) || (gm & (1u << NER_G_NORP)))
            continue;
        int l = head_label(text + tok[q].start, tok[q].end - tok[q].start);
        bool firm = l == L_ORG || (word_rule(st, q) & (WR_ORGN | WR_ORGS));
        if (!st->tags[p]) /* a name the tagger read: the span rules' */
            tag_span(st, p, p + 1, NER_LOC);
        if (firm && k >= 2 && word_is(text, tok, k - 1, ",") &&
            (!st->tags[k - 2] || st->tags[k - 2] == ner_tag(NER_MISC, NER_U)) &&
            in[k - 2].first && in[k - 2].alpha &&
            (in[k - 2].cap == NER_CAP_TITLE || in[k - 2].cap == NER_CAP_MIXED))
            tag_span(st, k - 2, k - 1, NER_ORG);
    }
}

/* Is token i an ordinary adjective by its ending ("Democratic",
 * "Republican", "Liberal", "Socialist", "Conservative")? */
static bool adjective_word(const state *st, const char *text,
                           const prism_token *tok, size_t i)
{
    static const char *const ends[] = {"ic", "ist", "an", "al", "ive"};
    const char *w = text + tok[i].start;
    size_t n = tok[i].end - tok[i].start;
    if (st->info[i].lex == NER_LEX_NONE || st->info[i].lex / 3 == 0)
        return false; /* not an ordinary word in lower case */
    for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
        size_t m = strlen(ends[k]);
        if (n > m + 2 && !memcmp(w + n - m, ends[k], m))
            return true;
    }
    return false;
}

/* Names before a noun of parties, blocs and coalitions are bodies: "the
 * Samopomich bloc", "the Jubilee coalition", "Liderlik and Birimdik
 * parties" (each name of a list before the plural). Not a place, a
 * people or a person a list knows ("the Kurdish party", "the Merkel
 * coalition"). */
static void bodies_before_nouns(state *st, const char *text,
                                const prism_token *tok, size_t ntok)
{
    static const char *const one[] = {
        "party", "bloc", "coalition", "alliance", "gang", "militia", "cartel"};
    static const char *const many[] = {"parties",   "blocs", "coalitions",
                                       "alliances", "gangs", "militias",
                                       "cartels"};
    const uint32_t known = (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) |
                           (1u << NER_G_STATE) | (1u << NER_G_REGION) |
                           (1u << NER_G_NORP) | (1u << NER_G_PERSON) |
                           (1u << NER_G_NEWS) | (1u << NER_G_FIRST) |
                           (1u << NER_G_GIVEN) | (1u << NER_G_LOC);
    for (size_t q = 1; q < ntok; q++) {
        if (st->tags[q] || st->info[q].cap != NER_CAP_LOWER)
            continue;
        bool plural = WORD_IN(text, tok, q, many);
        if (!plural && !WORD_IN(text, tok, q, one))
            continue;
        /* the names before it, back over "and" and commas when plural */
        size_t e = q;
        for (;;) {
            int part = ner_tag_part(st->tags[e - 1]);
            if (!st->tags[e - 1] || (part != NER_L && part != NER_U))
                break;
            size_t s = e - 1;
            while (s > 0 && ner_tag_part(st->tags[s]) != NER_B &&
                   ner_tag_part(st->tags[s]) != NER_U)
                s--;
            if (ner_tag_type(st->tags[s]) != NER_ORG &&
                !(gaz_mask(phrase_gaz(st, s, e)) & known) &&
                !(gaz_mask(phrase_gaz(st, s, s + 1)) & known) &&
                !(e == s + 1 && adjective_word(st, text, tok, s)))
                tag_span(st, s, e, NER_ORG);
            if (!plural || s < 2 ||
                !(word_is(text, tok, s - 1, "and") ||
                  word_is(text, tok, s - 1, ",")))
                break;
            e = s - 1;
        }
    }
}

/* A firm's noun inside what the tagger read as one name parts two
 * names: "the Taichung start-up Pearl Robotics" is a place ("Taichung",
 * when a list knows it as one; else a firm) and a firm. */
static void firm_noun_inside(state *st, size_t ntok)
{
    const uint32_t places = (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) |
                            (1u << NER_G_STATE) | (1u << NER_G_REGION);
    for (size_t s = 0; s < ntok; s++) {
        if (!st->tags[s] || ner_tag_part(st->tags[s]) != NER_B)
            continue;
        size_t e = span_end(st, ntok, s), k = s + 1;
        while (k + 1 < e && !(st->info[k].cap == NER_CAP_LOWER &&
                              (word_rule(st, k) & (WR_ORGS | WR_ORGN))))
            k++;
        if (k + 1 >= e || st->info[k + 1].cap == NER_CAP_LOWER) {
            s = e - 1;
            continue;
        }
        part_span(st, s, k, e,
                  gaz_mask(phrase_gaz(st, s, k)) & places ? NER_LOC : NER_ORG,
                  NER_ORG);
        s = e - 1;
    }
}

/* A club "of" its town, read as one organisation's name: two names,
 * "Club Olimpia" of "Asunción", when the club's name opens with a word of
 * clubs, its own name ends in no word of a body's or a place's name
 * ("Club of Rome" is no club's name of a town) and no list knows the
 * whole. */
static void clubs_of_towns(state *st, const char *text, const prism_token *tok,
                           size_t ntok)
{
    static const char *const clubs[] = {"club",      "fc",       "cf",
                                        "sc",        "cd",       "sporting",
                                        "deportivo", "atlético", "atletico"};
    const uint32_t heads = (1u << NER_G_ORGWORD) | (1u << NER_G_LOCWORD) |
                           (1u << NER_G_ORGHEAD) | (1u << NER_G_FACHEAD) |
                           (1u << NER_G_MISCHEAD) | (1u << NER_G_TITLE);
    const uint32_t towns =
        (1u << NER_G_CITY) | (1u << NER_G_COUNTRY) | (1u << NER_G_STATE);
    const uint32_t of = ner_hash_bytes("of", 2, 2);
    for (size_t s = 0; s < ntok; s++) {
        if (!st->tags[s] || ner_tag_type(st->tags[s]) != NER_ORG ||
            ner_tag_part(st->tags[s]) != NER_B)
            continue;
        size_t e = span_end(st, ntok, s), o = s + 1;
        while (o + 1 < e && st->info[o].h_lower != of)
            o++;
        if (o + 1 >= e || o < s + 2 || !WORD_IN(text, tok, s, clubs) ||
            gaz_mask(phrase_gaz(st, s, e)) ||
            !(gaz_mask(phrase_gaz(st, o + 1, e)) & towns) ||
            (gaz_mask(phrase_gaz(st, o - 1, o)) & heads) ||
            (word_rule(st, o - 1) & (WR_ORGH | WR_POLITY | WR_LEAD)) ||
            st->info[o - 1].cap != NER_CAP_TITLE) {
            s = e - 1;
            continue;
        }
        tag_span(st, s, o, NER_ORG);
        st->tags[o] = 0;
        tag_span(st, o + 1, e, NER_LOC);
        s = e - 1;
    }
}

/* Two capitalised words joined by a slash with no space on either side
 * are one name, "AC/DC": an organisation's, or a thing's when the tagger
 * read a part as one; not two that the lists know each as a name
 * ("US/Mexico"). */
static void slashed_names(state *st, const char *text, const prism_token *tok,
                          size_t ntok)
{
    if (ntok < 3 ||
        !memchr(text + tok[0].start, '/', tok[ntok - 1].end - tok[0].start))
        return;
    for (size_t k = 1; k + 1 < ntok; k++) {
        if (tok[k].end - tok[k].start != 1 || text[tok[k].start] != '/' ||
            st->tags[k] || tok[k - 1].end != tok[k].start ||
            tok[k].end != tok[k + 1].start ||
            !(st->tags[k - 1] || st->tags[k + 1]) ||
            !lone_word(st, tok, k - 1) || !lone_word(st, tok, k + 1) ||
            (k + 2 < ntok && tok[k + 2].start == tok[k + 1].end) ||
            (k > 1 && tok[k - 2].end == tok[k - 1].start) || /* "Balt/Nor/" */
            (gaz_mask(phrase_gaz(st, k - 1, k)) &&
             gaz_mask(phrase_gaz(st, k + 1, k + 2))))
            continue;
        int type =
            (st->tags[k - 1] && ner_tag_type(st->tags[k - 1]) == NER_MISC) ||
                    (st->tags[k + 1] &&
                     ner_tag_type(st->tags[k + 1]) == NER_MISC)
                ? NER_MISC
                : NER_ORG;
        tag_span(st, k - 1, k + 2, type);
        k++;
    }
}

/* Could the untagged token i be a name of one word that the tagger
 * missed ("Sato resigned", "Hartmann was born")? Written as a name, no
 * English word, no capitalised word beside it but a sentence's first word
 * ("When Sato resigned"). */
static bool untagged_name(const state *st, size_t i, size_t ntok)
{
    const ner_info *in = st->info;
    return in[i].len >= 3 && !in[i].common && in[i].lex != NER_LEX_NONE &&
           in[i].lex / 3 == 0 &&
           !(i + 1 < ntok && in[i + 1].alpha &&
             in[i + 1].cap != NER_CAP_LOWER) &&
           !(i > 0 && in[i - 1].alpha && in[i - 1].cap != NER_CAP_LOWER &&
             !(in[i - 1].first && in[i - 1].common)) &&
           !(i > 0 && st->tags[i - 1]);
}

/* A one-word name the tagger took for a place, an organisation or a thing,
 * or missed, is a person's when what stands around it says so
 * (person_cue) and no list knows it as anything but a person's, or only
 * as a person's and a town's ("Darwin", "Carson"). */
static void people_by_context(state *st, const char *text,
                              const prism_token *tok, size_t ntok)
{
    const ner_info *in = st->info;
    uint32_t the = ner_hash_bytes("the", 3, 2);
    const uint32_t places =
        (1u << NER_G_CITY) | (1u << NER_G_STATE) | (1u << NER_G_LOC);
    for (size_t i = 0; i < ntok; i++) {
        /* a person in the news (lists/people.txt) opening a sentence
         * before a verb of saying, also when the name is an English word
         * too: "Tusk promised", "May told MPs" */
        if (!st->tags[i] && in[i].first && in[i].cap == NER_CAP_TITLE &&
            i + 1 < ntok && in[i + 1].cap == NER_CAP_LOWER &&
            WORD_IN(text, tok, i + 1, SAYS) &&
            has(phrase_gaz(st, i, i + 1), NER_G_NEWS)) {
            st->tags[i] = (uint8_t)ner_tag(NER_PER, NER_U);
            continue;
        }
        if (in[i].cap != NER_CAP_TITLE || !in[i].alpha ||
            (st->tags[i] ? ner_tag_part(st->tags[i]) != NER_U ||
                               ner_tag_type(st->tags[i]) == NER_PER
                         : !untagged_name(st, i, ntok)))
            continue;
        bool listed = has(phrase_gaz(st, i, i + 1), NER_G_PERSON);
        /* not a team ("the Mariners, who", "Lens, who") nor a day */
        const char *w = text + tok[i].start;
        size_t n = tok[i].end - tok[i].start;
        /* a town's or a province's name, and nothing else a list knows */
        bool town = !listed && (in[i].gaz & NOT_PER) &&
                    !(in[i].gaz & NOT_PER & ~places);
        if ((!listed && !town && (in[i].gaz & NOT_PER)) ||
            (!listed && w[n - 1] == 's') ||
            (i > 0 && in[i - 1].h_lower == the) ||
            (word_rule(st, i) & WR_NOTNAME))
            continue;
        /* nor a state after its town ("Fairbury, Ill was elected") */
        if (i > 1 && text[tok[i - 1].start] == ',' && st->tags[i - 2] &&
            ner_tag_type(st->tags[i - 2]) == NER_LOC)
            continue;
        if (person_cue(st, text, tok, ntok, i, listed, town))
            st->tags[i] = (uint8_t)ner_tag(NER_PER, NER_U);
    }
}

/* Is token i a person's age set off after a name: one to three digits,
 * below 120, then ",", "." or ";" ("Win Naing Tun, 24, plays")? */
static bool age_tok(const char *text, const prism_token *tok, size_t ntok,
                    size_t i)
{
    size_t n = tok[i].end - tok[i].start;
    if (i + 1 >= ntok || n < 1 || n > 3)
        return false;
    unsigned v = 0;
    for (size_t k = 0; k < n; k++) {
        char c = text[tok[i].start + k];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (unsigned)(c - '0');
    }
    char c = text[tok[i + 1].start];
    return v > 0 && v < 120 && tok[i + 1].end - tok[i + 1].start == 1 &&
           (c == ',' || c == '.' || c == ';');
}

/* Is token k a lower-case noun of what a person is (WR_PERN, or one of
 * the trades and states of life below), ending its phrase: "a welder at",
 * "a 64-year-old retiree," (not "a refugee camp", "a student union")?
 * The words below are not in WR_PERN because they modify other nouns as
 * often ("the student union", "officer training"), which WR_PERN's rules
 * before a name do not look past. */
static bool person_noun(const state *st, const char *text,
                        const prism_token *tok, size_t ntok, size_t k)
{
    static const char *const people[] = {
        "teacher",     "student",     "worker",        "driver",
        "fisherman",   "fisherwoman", "potter",        "herder",
        "seamstress",  "grandmother", "grandfather",   "pensioner",
        "villager",    "athlete",     "spokesman",     "spokeswoman",
        "senator",     "mayor",       "lawmaker",      "legislator",
        "judge",       "volunteer",   "baker",         "butcher",
        "mechanic",    "electrician", "plumber",       "programmer",
        "officer",     "official",    "teenager",      "retiree",
        "shepherd",    "midwife",     "dancer",        "choreographer",
        "translator",  "blogger",     "rancher",       "weightlifter",
        "archer",      "fencer",      "rower",         "referee",
        "lecturer",    "researcher",  "analyst",       "councillor",
        "councilor",   "survivor",    "refugee",       "shopkeeper",
        "waiter",      "waitress",    "firefighter",   "policeman",
        "policewoman", "veteran",     "candidate",     "grandmaster",
        "resident",    "activist",    "international", "qualifier"};
    static const char *const after[] = {
        "at",   "from", "in",   "for",   "of",     "who",     "whose",
        "with", "and",  "on",   "based", "living", "working", "known",
        "said", "says", "told", "has",   "had",    "was",     "is"};
    if (k >= ntok || st->info[k].cap != NER_CAP_LOWER ||
        !((word_rule(st, k) & WR_PERN) || WORD_IN(text, tok, k, people)))
        return false;
    if (k + 1 >= ntok || !st->info[k + 1].alpha ||
        WORD_IN(text, tok, k + 1, after))
        return true;
    /* or a participle: "a carpenter brought from Baekje" */
    const char *w = text + tok[k + 1].start;
    size_t n = tok[k + 1].end - tok[k + 1].start;
    return st->info[k + 1].cap == NER_CAP_LOWER &&
           (past_verb(st, text, tok, k + 1) ||
            (n > 4 && !memcmp(w + n - 3, "ing", 3)));
}

/* Do the words around the name [a, b) say that it is a person's: an age
 * set off by commas ("Win Naing Tun, 24, plays for Yangon United"), what
 * a person is after a comma and an article ("Jang Hye-rin, a welder at",
 * "Sukarni, a 64-year-old retiree"), or a noun of what a person is
 * opening the sentence, or the text after a dateline, before it
 * ("Footballer Win Naing Tun scored")? */
static bool described_as_person(const state *st, const char *text,
                                const prism_token *tok, size_t ntok, size_t a,
                                size_t b)
{
    const ner_info *in = st->info;
    if (b + 2 >= ntok)
        return false;
    bool comma = tok[b].end - tok[b].start == 1 && text[tok[b].start] == ',';
    if (comma && age_tok(text, tok, ntok, b + 1))
        return true;
    if (comma && WORD_IN(text, tok, b + 1, ARTICLES))
        for (size_t k = b + 2; k < ntok && k < b + 6; k++) {
            const char *w = text + tok[k].start;
            size_t n = tok[k].end - tok[k].start;
            if (person_noun(st, text, tok, ntok, k))
                return true;
            if (!(in[k].cap == NER_CAP_LOWER && in[k].alpha) &&
                !(n > 9 && !memcmp(w + n - 9, "-year-old", 9)) &&
                !(in[k].cap == NER_CAP_LOWER &&
                  memchr(w, '-', n)) &&         /* "fish-sauce maker" */
                !(in[k].cap == NER_CAP_TITLE && /* "a Swiss international" */
                  has(phrase_gaz(st, k, k + 1), NER_G_NORP)))
                break;
        }
    return a > 0 && in[a - 1].cap == NER_CAP_TITLE && !st->tags[a - 1] &&
           (word_rule(st, a - 1) & WR_PERN) &&
           (in[a - 1].first || (a > 1 && dash_tok(text, &tok[a - 2])));
}

/* A name of up to seven tokens the tagger took for a body's or a place's
 * that the words around it describe as a person (described_as_person):
 * a person's, when no list knows it as anything but a person's or a
 * town's and no word of it is a word of bodies or places. */
static void people_described(state *st, const char *text,
                             const prism_token *tok, size_t ntok)
{
    const ner_info *in = st->info;
    for (size_t a = 0; a < ntok; a++) {
        int t = st->tags[a];
        if (!t || (ner_tag_part(t) != NER_B && ner_tag_part(t) != NER_U))
            continue;
        size_t b = span_end(st, ntok, a);
        int type = ner_tag_type(t);
        /* not "the launch in the Nanshan District, a company spokesman
         * said" */
        if ((type != NER_ORG && type != NER_LOC) || b - a > 7 ||
            in[a].cap != NER_CAP_TITLE ||
            (a > 0 && (WORD_IN(text, tok, a - 1, ARTICLES) ||
                       (word_rule(st, a - 1) & WR_TOWARD))) ||
            (gaz_mask(phrase_gaz(st, a, b)) & NOT_PER_NAME)) {
            a = b - 1;
            continue;
        }
        bool name = true; /* "Jang Hye-rin": "Jang", "Hye", "-", "rin" */
        for (size_t i = a; i < b && name; i++)
            name = (in[i].cap == NER_CAP_TITLE ||
                    (word_rule(st, i) & WR_PARTICLE) ||
                    (i > a && i + 1 < b && dash_tok(text, &tok[i])) ||
                    (i > a && dash_tok(text, &tok[i - 1]) && in[i].alpha)) &&
                   !(gaz_mask(phrase_gaz(st, i, i + 1)) & NOT_PER_NAME) &&
                   !(word_rule(st, i) & (WR_ORGH | WR_FACH | WR_LOCORG));
        if (name && described_as_person(st, text, tok, ntok, a, b))
            tag_span(st, a, b, NER_PER);
        a = b - 1;
    }
}

/* Two surnames joined by "and" before a noun of works or firms are one
 * firm's name, whatever the tagger made of each: "the old Harland and
 * Wolff shipyard" (not when either is a common given name or a place a
 * list knows: "Tom and Jerry cartoons"). */
static void firms_of_two_names(state *st, const char *text,
                               const prism_token *tok, size_t ntok)
{
    const ner_info *in = st->info;
    const uint32_t given = (1u << NER_G_FIRST) | NOT_PER;
    for (size_t i = 0; i + 3 < ntok; i++) {
        int t1 = st->tags[i], t2 = st->tags[i + 2];
        if (!t1 || !t2 || ner_tag_part(t1) != NER_U ||
            ner_tag_part(t2) != NER_U || ner_tag_type(t1) == NER_ORG ||
            ner_tag_type(t2) == NER_ORG || ner_tag_type(t1) == NER_MISC ||
            ner_tag_type(t2) == NER_MISC || st->tags[i + 1] ||
            in[i].cap != NER_CAP_TITLE || in[i + 2].cap != NER_CAP_TITLE ||
            !word_is(text, tok, i + 1, "and") ||
            in[i + 3].cap != NER_CAP_LOWER ||
            !(word_rule(st, i + 3) & (WR_WORKS | WR_SITE | WR_ORGN)) ||
            (gaz_mask(phrase_gaz(st, i, i + 1)) & given) ||
            (gaz_mask(phrase_gaz(st, i + 2, i + 3)) & given))
            continue;
        tag_span(st, i, i + 3, NER_ORG);
        i += 2;
    }
}

/* After a preposition of place, a place a list knows, "and", and a name
 * the tagger took for a person's that no list knows as one: two places
 * ("in remote parts of Palawan and Samar", "between Kampung Melayu and
 * Tanah Abang"; not a common given name no list knows as a place: "of
 * Washington and John"). */
static void places_in_pairs(state *st, const char *text, const prism_token *tok,
                            size_t ntok)
{
    static const char *const preps[] = {"in",   "of",      "to",     "from",
                                        "near", "between", "across", "around"};
    const uint32_t places = (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) |
                            (1u << NER_G_STATE) | (1u << NER_G_REGION) |
                            (1u << NER_G_LOC);
    const uint32_t person = (1u << NER_G_FIRST) | (1u << NER_G_PERSON) |
                            (1u << NER_G_NEWS) | (1u << NER_G_ORG) |
                            (1u << NER_G_ORGLIST) | (1u << NER_G_NORP);
    for (size_t a = 1; a + 2 < ntok; a++) {
        int t = st->tags[a];
        if (!t || ner_tag_type(t) != NER_LOC ||
            (ner_tag_part(t) != NER_B && ner_tag_part(t) != NER_U) ||
            !WORD_IN(text, tok, a - 1, preps) ||
            st->info[a - 1].cap != NER_CAP_LOWER)
            continue;
        size_t b = span_end(st, ntok, a);
        if (b + 1 >= ntok || !word_is(text, tok, b, "and") ||
            !(gaz_mask(phrase_gaz(st, a, b)) & places))
            continue;
        size_t c = b + 1;
        int u = st->tags[c];
        if (!u || ner_tag_type(u) != NER_PER ||
            (ner_tag_part(u) != NER_B && ner_tag_part(u) != NER_U))
            continue;
        size_t d = span_end(st, ntok, c);
        uint32_t m = gaz_mask(phrase_gaz(st, c, d));
        /* not people with their states: "Larry Craig of Idaho and Beau
         * Bolter of Texas" */
        if ((d < ntok && word_is(text, tok, d, "of")) ||
            (a >= 2 && word_is(text, tok, a - 1, "of") &&
             ner_tag_type(st->tags[a - 2]) == NER_PER && st->tags[a - 2]))
            continue;
        if (d - c > 3 || ((m & person) && !(m & places)) ||
            (d - c > 1 && (gaz_mask(phrase_gaz(st, c, c + 1)) & person)))
            continue;
        tag_span(st, c, d, NER_LOC);
        a = d - 1;
    }
}

/* A name set off by commas after a noun that says what a person is, or a
 * title: "Her successor, Duarte, had served", "The bank's governor, Ueda,
 * said", "The minister, Tshabalala, resigned" (a
 * town's or a province's name too, as a person's; not a name a list knows
 * as a country, an organisation or a people). */
static void people_in_apposition(state *st, const char *text,
                                 const prism_token *tok, size_t ntok)
{
    const ner_info *in = st->info;
    const uint32_t not_person = (1u << NER_G_COUNTRY) | (1u << NER_G_REGION) |
                                (1u << NER_G_ORG) | (1u << NER_G_ORGLIST) |
                                (1u << NER_G_NORP) | (1u << NER_G_ORGWORD) |
                                (1u << NER_G_LOCWORD) | (1u << NER_G_MISCHEAD) |
                                (1u << NER_G_FACHEAD) | (1u << NER_G_ORGHEAD);
    for (size_t a = 2; a < ntok; a++) {
        int part = ner_tag_part(st->tags[a]);
        if ((part != NER_B && part != NER_U) ||
            ner_tag_type(st->tags[a]) == NER_PER ||
            text[tok[a - 1].start] != ',' || in[a - 2].cap != NER_CAP_LOWER ||
            !((word_rule(st, a - 2) & WR_PERN) || is_title(st, a - 2, a - 1)))
            continue;
        size_t b = a + 1;
        while (b < ntok && b - a < 3 &&
               (ner_tag_part(st->tags[b]) == NER_I ||
                ner_tag_part(st->tags[b]) == NER_L))
            b++;
        bool name = b < ntok &&
                    (text[tok[b].start] == ',' || text[tok[b].start] == '.' ||
                     text[tok[b].start] == ';') &&
                    !(gaz_mask(phrase_gaz(st, a, b)) & not_person);
        for (size_t i = a; i < b && name; i++)
            name = in[i].cap == NER_CAP_TITLE &&
                   !(gaz_mask(phrase_gaz(st, i, i + 1)) & not_person);
        if (name)
            tag_span(st, a, b, NER_PER);
    }
}

/* A name of two or three words before a comma and the office it holds:
 * "Hock Tan, Broadcom’s chief executive,", "Börje Ekholm, its chief
 * executive,", "Santiago Bernabéu, the club’s longest-serving
 * president," (not a name a list knows as a body's or a country's; a
 * town's only when a given name opens it). Up to two lower-case words
 * stand between the determiner and the office. */
static void people_before_offices(state *st, const char *text,
                                  const prism_token *tok, size_t ntok)
{
    static const char *const dets[] = {"its", "his", "her", "their", "the"};
    static const char *const offices[] = {
        "executive", "chairman", "chairwoman", "founder",     "co-founder",
        "president", "ceo",      "spokesman",  "spokeswoman", "director",
        "minister",  "governor", "mayor",      "ambassador",  "coach",
        "manager",   "captain",  "secretary",  "editor",      "chancellor"};
    const uint32_t bodies = (1u << NER_G_COUNTRY) | (1u << NER_G_STATE) |
                            (1u << NER_G_REGION) | (1u << NER_G_ORG) |
                            (1u << NER_G_ORGLIST) | (1u << NER_G_NORP) |
                            (1u << NER_G_ORGWORD) | (1u << NER_G_LOCWORD) |
                            (1u << NER_G_FACHEAD) | (1u << NER_G_ORGHEAD);
    const uint32_t given = (1u << NER_G_FIRST) | (1u << NER_G_GIVEN);
    const ner_info *in = st->info;
    for (size_t a = 0; a + 4 < ntok; a++) {
        int part = ner_tag_part(st->tags[a]);
        bool tagged = part == NER_B || part == NER_U;
        if (in[a].cap != NER_CAP_TITLE ||
            ner_tag_type(st->tags[a]) == NER_PER || (st->tags[a] && !tagged) ||
            (!tagged && !in[a].first))
            continue;
        size_t b = tagged ? span_end(st, ntok, a) : a + 1;
        while (!tagged && b < ntok && b - a < 3 && !st->tags[b] &&
               in[b].cap == NER_CAP_TITLE)
            b++;
        if (b - a < 2 || b - a > 3 || b + 3 >= ntok ||
            text[tok[b].start] != ',')
            continue;
        size_t k = b + 1; /* the determiner: "its", "the", "Broadcom's" */
        if (WORD_IN(text, tok, k, dets))
            k++;
        else if (st->tags[k] && ner_tag_type(st->tags[k]) == NER_ORG) {
            k = span_end(st, ntok, k);
            if (k >= ntok || !apostrophe_tok(text, &tok[k]))
                continue;
            k++;
        } else
            continue;
        if (k < ntok && word_is(text, tok, k, "club") && k + 1 < ntok &&
            apostrophe_tok(text, &tok[k + 1]))
            k += 2; /* "the club's" */
        size_t o = k;
        while (o < ntok && o < k + 3 && in[o].cap == NER_CAP_LOWER &&
               !WORD_IN(text, tok, o, offices))
            o++;
        bool name = o < ntok && in[o].cap == NER_CAP_LOWER &&
                    WORD_IN(text, tok, o, offices);
        uint32_t gm = gaz_mask(phrase_gaz(st, a, b));
        uint32_t first = gaz_mask(phrase_gaz(st, a, a + 1));
        name = name && !(gm & bodies) &&
               (!(first & ((1u << NER_G_CITY) | bodies)) || (first & given));
        for (size_t i = a + 1; i < b && name; i++)
            name = in[i].cap == NER_CAP_TITLE &&
                   !(gaz_mask(phrase_gaz(st, i, i + 1)) & bodies);
        if (name)
            tag_span(st, a, b, NER_PER);
    }
}

/* A name set off by commas after a noun that says what a firm is: "Her
 * American publisher, Knopf, printed 300,000 copies", "the broadcaster,
 * Radio-Canada, said" (not a name the lists know as a person's or a
 * place's: "the agency's head, Rafael Grossi,"). */
static void bodies_in_apposition(state *st, const char *text,
                                 const prism_token *tok, size_t ntok)
{
    const ner_info *in = st->info;
    const uint32_t not_body = (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) |
                              (1u << NER_G_STATE) | (1u << NER_G_REGION) |
                              (1u << NER_G_PERSON) | (1u << NER_G_FIRST) |
                              (1u << NER_G_NORP);
    for (size_t a = 2; a < ntok; a++) {
        int part = ner_tag_part(st->tags[a]);
        if ((part != NER_B && part != NER_U) ||
            ner_tag_type(st->tags[a]) == NER_ORG ||
            text[tok[a - 1].start] != ',' || in[a - 2].cap != NER_CAP_LOWER ||
            !(word_rule(st, a - 2) & (WR_ORGN | WR_ORGS)))
            continue;
        size_t b = span_end(st, ntok, a);
        if (b >= ntok || b - a > 4 || text[tok[b].start] != ',')
            continue;
        bool name = !(gaz_mask(phrase_gaz(st, a, b)) & not_body);
        for (size_t i = a; i < b && name; i++)
            name = !(gaz_mask(phrase_gaz(st, i, i + 1)) & not_body);
        if (name)
            tag_span(st, a, b, NER_ORG);
    }
}

/* A name that a firm's noun describes after a comma: "Hartley Moss, the
 * family-run haulier,", "Tullis Russell, the papermaker,", "Wave, a
 * Dakar mobile money firm," (an article, up to five words, the noun, and
 * the comma or full stop that ends the phrase; not "the chipmaker's
 * founder"). A name the lists know as a person's, a place's or a
 * people's stays what it is. */
static void bodies_described(state *st, const char *text,
                             const prism_token *tok, size_t ntok)
{
    const ner_info *in = st->info;
    const uint32_t not_body = (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) |
                              (1u << NER_G_STATE) | (1u << NER_G_REGION) |
                              (1u << NER_G_PERSON) | (1u << NER_G_NEWS) |
                              (1u << NER_G_NORP);
    for (size_t a = 0; a + 3 < ntok; a++) {
        int part = ner_tag_part(st->tags[a]);
        size_t b;
        if (st->tags[a] && (part == NER_B || part == NER_U))
            b = span_end(st, ntok, a);
        else if (!st->tags[a] && in[a].first && in[a].cap == NER_CAP_TITLE &&
                 in[a].alpha)
            b = a + 1; /* "Bolt," opening the sentence */
        else
            continue;
        if (b + 3 >= ntok || ner_tag_type(st->tags[a]) == NER_ORG ||
            text[tok[b].start] != ',' || !WORD_IN(text, tok, b + 1, ARTICLES) ||
            (gaz_mask(phrase_gaz(st, a, b)) & not_body)) {
            a = b - 1;
            continue;
        }
        /* words before the noun, places and peoples among them ("a Dakar
         * mobile money firm"), but no preposition ("the daughter of a
         * Berlin tobacco manufacturer") */
        static const char *const stops[] = {"of", "for",  "at",   "in",
                                            "on", "with", "from", "and",
                                            "by", "to",   "who",  "which"};
        size_t k = b + 2;
        while (k < ntok && k < b + 8 &&
               (in[k].cap == NER_CAP_LOWER || st->tags[k]) &&
               text[tok[k].start] != ',' && !WORD_IN(text, tok, k, stops) &&
               !apostrophe_tok(text, &tok[k]) &&
               !(in[k].cap == NER_CAP_LOWER && (word_rule(st, k) & WR_ORGS)))
            k++;
        if (k + 1 < ntok && in[k].cap == NER_CAP_LOWER &&
            (word_rule(st, k) & WR_ORGS) &&
            (text[tok[k + 1].start] == ',' || text[tok[k + 1].start] == '.'))
            tag_span(st, a, b, NER_ORG);
        a = b - 1;
    }
}

/* The first token of the next name of a list, after the name that ends
 * at token b: past ",", "and", "or" or ", and" (and "to" in a range, "from
 * Twiga to Lipa Later"); 0 where the list ends. */
static size_t list_next(const char *text, const prism_token *tok, size_t ntok,
                        size_t b, bool range)
{
    if (b + 1 >= ntok ||
        !(text[tok[b].start] == ',' || word_is(text, tok, b, "and") ||
          word_is(text, tok, b, "or") ||
          (range && word_is(text, tok, b, "to"))))
        return 0;
    size_t a = b + 1;
    if (word_is(text, tok, a, "and") || word_is(text, tok, a, "or"))
        a++; /* ", and" */
    return a < ntok ? a : 0;
}

/* Do two tagged names, parted by "and" (or ", ... and"), start at token
 * a: "Petz and Cobasi", "Toyota, Honda and Nissan"? */
static bool named_pair(const state *st, const char *text,
                       const prism_token *tok, size_t ntok, size_t a)
{
    if (a >= ntok || !st->tags[a] ||
        (ner_tag_part(st->tags[a]) != NER_B &&
         ner_tag_part(st->tags[a]) != NER_U))
        return false;
    size_t b = span_end(st, ntok, a);
    size_t c = list_next(text, tok, ntok, b, false);
    return c && st->tags[c] &&
           (ner_tag_part(st->tags[c]) == NER_B ||
            ner_tag_part(st->tags[c]) == NER_U);
}

/* The tagged names of the list that opens with the name at token a,
 * parted by ",", "and" or "or" (list_next()), at most max of them: their
 * first tokens in from[], their ends in to[]. The list ends with the
 * name after its "and" or "or" ("France and Italy, Funaro hopes"), which
 * sets *closed. Returns how many. */
static size_t list_names(const state *st, const char *text,
                         const prism_token *tok, size_t ntok, size_t a,
                         size_t *from, size_t *to, size_t max, bool *closed)
{
    size_t n = 0;
    *closed = false;
    for (size_t i = a; n < max;) {
        int u = st->tags[i];
        if (!u || (ner_tag_part(u) != NER_B && ner_tag_part(u) != NER_U))
            break;
        from[n] = i;
        to[n++] = span_end(st, ntok, i);
        if (i > 0 && (word_is(text, tok, i - 1, "and") ||
                      word_is(text, tok, i - 1, "or"))) {
            *closed = true;
            break;
        }
        i = list_next(text, tok, ntok, to[n - 1], false);
        if (!i)
            break;
    }
    return n;
}

/* A name of one word the tagger took for a place or a body, in a list of
 * people that the lists know or that have two names each:
 * "Rumsfeld, Wolfowitz and Feith staffed the CPA", "his three children,
 * Isha, Akash and Anant" (not a name a list knows as a country, a state,
 * a region, a body or a people: "Merkel, Macron and Britain"; not "the
 * Wailers"; not after a preposition of place: "from Dala, Gwale and
 * Nassarawa"). */
static void people_listed(state *st, const char *text, const prism_token *tok,
                          size_t ntok)
{
    static const char *const preps[] = {"in",   "from",    "to",    "at",
                                        "near", "between", "among", "them"};
    const uint32_t person = (1u << NER_G_PERSON) | (1u << NER_G_FIRST) |
                            (1u << NER_G_NEWS) | (1u << NER_G_GIVEN);
    enum { MAXN = 16 };
    for (size_t a = 0; a < ntok; a++) {
        int t = st->tags[a];
        if (!t || (ner_tag_part(t) != NER_B && ner_tag_part(t) != NER_U))
            continue;
        size_t from[MAXN], to[MAXN], people = 0, odd = ntok;
        bool closed;
        size_t n = list_names(st, text, tok, ntok, a, from, to, MAXN, &closed);
        for (size_t k = 0; k < n; k++) {
            if (ner_tag_type(st->tags[from[k]]) == NER_PER &&
                (to[k] - from[k] > 1 ||
                 (gaz_mask(phrase_gaz(st, from[k], to[k])) & person)))
                people++;
            else if (to[k] - from[k] == 1)
                odd = from[k];
        }
        if (n >= 3 && closed && people + 1 == n && odd < ntok &&
            ner_tag_type(st->tags[odd]) != NER_MISC &&
            st->info[odd].cap == NER_CAP_TITLE && st->info[odd].alpha &&
            !(gaz_mask(phrase_gaz(st, odd, odd + 1)) & NOT_PER_NAME) &&
            !(odd > 0 && word_is(text, tok, odd - 1, "the")) &&
            !(a > 0 && WORD_IN(text, tok, a - 1, preps)))
            tag_span(st, odd, odd + 1, NER_PER);
        a = n ? to[n - 1] - 1 : a;
    }
}

/* The names after a noun of bodies in the sky are places, whatever the
 * tagger made of them (span_rules() keeps them so, sky_body()): "the icy
 * moons Ganymede, Callisto and Europa", "the constellation Taurus", "the
 * comet Tempel 1" (one to three capitalised words each, listed with ","
 * and "and"). */
static void bodies_in_the_sky(state *st, const char *text,
                              const prism_token *tok, size_t ntok)
{
    const ner_info *in = st->info;
    for (size_t k = 0; k + 1 < ntok; k++) {
        if (in[k].cap != NER_CAP_LOWER || in[k + 1].cap != NER_CAP_TITLE ||
            !WORD_IN(text, tok, k, SKY))
            continue;
        size_t e = names_listed(st, text, tok, ntok, k + 1, NER_LOC, true, 0);
        if (e)
            k = e;
    }
}

/* A name of one word that no list knows, which the tagger took for a
 * person's or a place's, joined by "and" or "or" to an organisation a
 * list knows: an organisation too ("developed by Pfizer and Valneva",
 * "Ekaterra and Unilever"). */
static void bodies_in_pairs(state *st, const char *text, const prism_token *tok,
                            size_t ntok)
{
    const uint32_t body = (1u << NER_G_ORG) | (1u << NER_G_ORGLIST);
    for (size_t k = 1; k + 1 < ntok; k++) {
        if (!st->tags[k - 1] || !st->tags[k + 1] ||
            (!word_is(text, tok, k, "and") && !word_is(text, tok, k, "or")))
            continue;
        /* the two sides: [a, k) and [k + 1, b) */
        size_t b = k + 1, a = k - 1;
        if ((ner_tag_part(st->tags[b]) != NER_B &&
             ner_tag_part(st->tags[b]) != NER_U) ||
            (ner_tag_part(st->tags[a]) != NER_L &&
             ner_tag_part(st->tags[a]) != NER_U))
            continue;
        a = span_start(st, a);
        b = span_end(st, ntok, b);
        size_t one, other_a, other_b;
        if (b - (k + 1) == 1 && ner_tag_type(st->tags[k + 1]) != NER_ORG &&
            ner_tag_type(st->tags[a]) == NER_ORG) {
            one = k + 1;
            other_a = a;
            other_b = k;
        } else if (k - a == 1 && ner_tag_type(st->tags[a]) != NER_ORG &&
                   ner_tag_type(st->tags[k + 1]) == NER_ORG) {
            one = a;
            other_a = k + 1;
            other_b = b;
        } else {
            continue;
        }
        if (ner_tag_type(st->tags[one]) == NER_MISC ||
            st->info[one].cap != NER_CAP_TITLE || !st->info[one].alpha ||
            gaz_mask(phrase_gaz(st, one, one + 1)) ||
            !(gaz_mask(phrase_gaz(st, other_a, other_b)) & body) ||
            (a > 0 && (word_rule(st, a - 1) & WR_TOWARD)))
            continue; /* not "crews from Fishguard and St Davids" */
        tag_span(st, one, one + 1, NER_ORG);
    }
}

/* The names of a list of three or more of which two or more are places
 * and one at least a place a list knows, and the others one word that
 * the tagger took for a person's or a body's and that no list knows as
 * one: places ("he brought Larsa, Eshnunna and Mari under his control",
 * "Champa, Java, Malacca, Ceylon, Calicut, Hormuz"). */
static void places_listed(state *st, const char *text, const prism_token *tok,
                          size_t ntok)
{
    const uint32_t places = (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) |
                            (1u << NER_G_STATE) | (1u << NER_G_REGION) |
                            (1u << NER_G_LOC);
    const uint32_t not_place = (1u << NER_G_PERSON) | (1u << NER_G_FIRST) |
                               (1u << NER_G_NEWS) | (1u << NER_G_GIVEN) |
                               (1u << NER_G_ORG) | (1u << NER_G_ORGLIST) |
                               (1u << NER_G_NORP);
    enum { MAXN = 16 };
    for (size_t a = 0; a < ntok; a++) {
        int t = st->tags[a];
        if (!t || (ner_tag_part(t) != NER_B && ner_tag_part(t) != NER_U))
            continue;
        size_t from[MAXN], to[MAXN], odd[MAXN], nodd = 0, nplace = 0, known = 0;
        bool ok = true, closed;
        size_t n = list_names(st, text, tok, ntok, a, from, to, MAXN, &closed);
        for (size_t k = 0; k < n; k++) {
            size_t i = from[k];
            uint32_t m = gaz_mask(phrase_gaz(st, i, to[k]));
            if (ner_tag_type(st->tags[i]) == NER_LOC) {
                nplace++;
                known += (m & places) != 0;
            } else if (to[k] - i == 1 &&
                       ner_tag_type(st->tags[i]) != NER_MISC &&
                       st->info[i].cap == NER_CAP_TITLE && st->info[i].alpha &&
                       !(m & not_place)) {
                odd[nodd++] = i;
            } else {
                ok = false;
            }
        }
        /* a list with no "and" may be where someone is from: not "in
         * Matane, Quebec, Peladeau said" */
        if (ok && n >= 3 && nplace >= 2 && known && nodd &&
            nodd + nplace == n && (closed || odd[nodd - 1] != from[n - 1]))
            for (size_t k = 0; k < nodd; k++)
                tag_span(st, odd[k], odd[k] + 1, NER_LOC);
        a = n ? to[n - 1] - 1 : a;
    }
}

/* Titles set off after a noun of works, which a determiner opens: works
 * (MISC), whatever the tagger made of their words: "her third album,
 * Winter Bus to Gangneung, on Friday", "Her first collection,
 * Desolación, was published", "two of her novels, Northanger Abbey and
 * Persuasion, are set there" (after a plural noun, each title of the
 * list). A title runs over capitalised words, digits and the small
 * words of titles between them. */
static void works_in_apposition(state *st, const char *text,
                                const prism_token *tok, size_t ntok)
{
    static const char *const dets[] = {"his", "her", "its", "their", "a",
                                       "an",  "the", "my",  "our"};
    static const char *const small[] = {
        "of",   "to",   "the", "in",  "at", "a",     "an", "on",   "for",
        "from", "with", "de",  "del", "la", "le",    "du", "des",  "da",
        "do",   "dos",  "al",  "el",  "di", "della", "y",  "over", "under"};
    const ner_info *in = st->info;
    for (size_t k = 1; k + 2 < ntok; k++) {
        if (text[tok[k + 1].start] != ',' || in[k + 2].cap != NER_CAP_TITLE ||
            in[k].cap != NER_CAP_LOWER || !WORD_IN(text, tok, k, WORKS))
            continue;
        size_t d = k; /* the determiner, not after "in": "In the frame
                         story, King Shahryar, betrayed by his wife" */
        while (d > 0 && k - d < 4 && !WORD_IN(text, tok, d - 1, dets))
            d--;
        if (d == 0 || k - d >= 4 || (d > 1 && word_is(text, tok, d - 2, "in")))
            continue;
        const char *w = text + tok[k].start;
        bool plural = w[tok[k].end - tok[k].start - 1] == 's' &&
                      !word_is(text, tok, k, "series");
        for (size_t a = k + 2;;) {
            size_t b = a;
            while (b < ntok &&
                   (in[b].cap == NER_CAP_TITLE || in[b].cap == NER_CAP_UPPER ||
                    in[b].digit ||
                    (b > a && b + 1 < ntok && WORD_IN(text, tok, b, small) &&
                     (in[b + 1].cap == NER_CAP_TITLE ||
                      WORD_IN(text, tok, b + 1, small))) ||
                    (!plural && b > a && b + 1 < ntok &&
                     word_is(text, tok, b, "and") &&
                     in[b + 1].cap == NER_CAP_TITLE)))
                b++;
            /* the title whole, up to a comma or a full stop (not "In the
             * books, Captain Hale commands"), and not the tagger's own
             * work's name ("Le Silence de la mer"), but two titles the
             * tagger joined after a plural noun */
            if (b == a || b - a > 8 || b >= ntok ||
                !(strchr(",.;(", text[tok[b].start]) ||
                  (plural && word_is(text, tok, b, "and"))) ||
                (st->tags[a] && ner_tag_type(st->tags[a]) == NER_MISC &&
                 (ner_tag_part(st->tags[a]) == NER_B ||
                  ner_tag_part(st->tags[a]) == NER_U) &&
                 (span_end(st, ntok, a) == b ||
                  (span_end(st, ntok, a) > b && !plural))))
                break;
            tag_span(st, a, b, NER_MISC);
            if (!plural)
                break;
            a = list_next(text, tok, ntok, b, false);
            if (!a || in[a].cap != NER_CAP_TITLE)
                break;
        }
    }
}

/* Names listed after a verb of buying, one of them a body already:
 * bodies, whatever the tagger made of the others ("They have acquired
 * Urchin, Zipdash, Applied Semantics, Picasa and Blogger", "bought
 * Helmwick and Oskari Labs"). Not a list of people ("Chelsea bought Drogba
 * and Essien": no body among them), and not a country, a state or a
 * region a list knows ("bought Alaska"). */
static const char *const BUYS[] = {
    "acquired", "acquire", "acquires",  "acquiring", "bought",   "buy",
    "buys",     "buying",  "purchased", "purchase",  "purchases"};

static void bodies_bought(state *st, const char *text, const prism_token *tok,
                          size_t ntok)
{
    const uint32_t not_body = (1u << NER_G_COUNTRY) | (1u << NER_G_STATE) |
                              (1u << NER_G_REGION) | (1u << NER_G_NORP);
    const uint32_t places =
        (1u << NER_G_CITY) | (1u << NER_G_LOC) | (1u << NER_G_ALIAS);
    enum { MAXN = 12 };
    for (size_t k = 0; k + 3 < ntok; k++) {
        if (st->info[k + 1].cap != NER_CAP_TITLE ||
            st->info[k].cap != NER_CAP_LOWER || !WORD_IN(text, tok, k, BUYS))
            continue;
        size_t from[MAXN], to[MAXN], n = 0, bodies = 0;
        bool ok = true;
        for (size_t i = k + 1; i && i < ntok && n < MAXN;) {
            int t = st->tags[i];
            size_t e = i;
            if (t && (ner_tag_part(t) == NER_B || ner_tag_part(t) == NER_U)) {
                e = span_end(st, ntok, i);
                if (ner_tag_type(t) == NER_ORG)
                    bodies++;
                else if (ner_tag_type(t) == NER_PER && e - i > 1)
                    ok = false; /* "Frank Lampard" */
            } else {
                while (e < ntok && e - i < 3 && !st->tags[e] &&
                       st->info[e].cap == NER_CAP_TITLE && st->info[e].alpha)
                    e++;
                if (e == i)
                    break;
            }
            if ((gaz_mask(phrase_gaz(st, i, e)) & not_body) ||
                (t && ner_tag_type(t) == NER_LOC &&
                 ((gaz_mask(phrase_gaz(st, i, e)) & places) ||
                  state_abbreviation(text, tok, i, ntok))))
                ok = false; /* an address: "Colonial Bancorp Inc of New
                               Holland, Pa." */
            from[n] = i;
            to[n++] = e;
            if (word_is(text, tok, i - 1, "and") ||
                word_is(text, tok, i - 1, "or"))
                break; /* "bought A and B, Jones said" */
            i = list_next(text, tok, ntok, e, false);
        }
        if (!ok || n < 2 || !bodies)
            continue;
        for (size_t j = 0; j < n; j++)
            tag_span(st, from[j], to[j], NER_ORG);
        k = to[n - 1];
    }
}

/* One firm bought, or one a stake is in: "Qualcomm bought Nuvia", "the
 * acquisition of Neeva", "a stake in Tokopedia" (the tagger read a
 * place). A name of one or two words that no list knows as a place's. */
static void body_bought(state *st, const char *text, const prism_token *tok,
                        size_t ntok)
{
    static const char *const deals[] = {"acquisition", "takeover", "stake"};
    const uint32_t places = NOT_PER | (1u << NER_G_REGION);
    for (size_t k = 1; k + 1 < ntok; k++) {
        int t = st->tags[k + 1];
        if (ner_tag_type(t) != NER_LOC ||
            (ner_tag_part(t) != NER_B && ner_tag_part(t) != NER_U) ||
            st->info[k].cap != NER_CAP_LOWER ||
            !(WORD_IN(text, tok, k, BUYS) ||
              ((word_is(text, tok, k, "of") || word_is(text, tok, k, "in")) &&
               st->info[k - 1].cap == NER_CAP_LOWER &&
               WORD_IN(text, tok, k - 1, deals))))
            continue;
        size_t e = span_end(st, ntok, k + 1);
        if (e - (k + 1) > 2 || (gaz_mask(phrase_gaz(st, k + 1, e)) & places) ||
            (e < ntok &&
             (text[tok[e].start] == ',' || apostrophe_tok(text, &tok[e]))))
            continue; /* "bought land in Kent, England"; "Brazil's" */
        tag_span(st, k + 1, e, NER_ORG);
    }
}

/* A club's name and its number, the year it was founded or its
 * players' ("Mainz 05", "the Philadelphia 76ers", "San Francisco 49ers"),
 * where the tagger stopped at the town. */
static void teams_with_numbers(state *st, const char *text,
                               const prism_token *tok, size_t ntok)
{
    for (size_t e = 1; e < ntok; e++) {
        const char *w = text + tok[e].start;
        size_t n = tok[e].end - tok[e].start;
        int part = ner_tag_part(st->tags[e - 1]);
        if (st->tags[e] || !st->tags[e - 1] ||
            (part != NER_L && part != NER_U) || n < 2 || w[0] < '0' ||
            w[0] > '9')
            continue;
        size_t d = 0;
        while (d < n && w[d] >= '0' && w[d] <= '9')
            d++;
        bool players = d + 3 == n && !memcmp(w + d, "ers", 3);
        bool founded = n == 2 && d == 2 && w[0] == '0' &&
                       ner_tag_type(st->tags[e - 1]) == NER_ORG;
        if (players || founded)
            tag_span(st, span_start(st, e - 1), e + 1, NER_ORG);
    }
}

/* The names listed after "such as" or "from" ... "to" where a noun of
 * firms or bodies stands just before: "firms such as Skyeton and
 * Ukrspecsystems", "Chinese partners such as Gotion", "start-ups, from
 * Twiga to Lipa Later", after "include" ("its subsidiaries include Taobao,
 * Tmall and Ant Group"), or two names or more right after it ("pet store
 * chains Petz and Cobasi"): organisations, unless a list knows a name as a
 * place's or a person's. After "such as" or "including", the plural of a
 * noun of places or of people makes them places or people ("fishing towns
 * such as Moynaq", "footballers such as Evair"). */
static void bodies_listed(state *st, const char *text, const prism_token *tok,
                          size_t ntok)
{
    const ner_info *in = st->info;
    const uint32_t such = ner_hash_bytes("such", 4, 2),
                   from = ner_hash_bytes("from", 4, 2),
                   include = ner_hash_bytes("include", 7, 2),
                   including = ner_hash_bytes("including", 9, 2);
    for (size_t k = 0; k + 3 < ntok; k++) {
        size_t n1 = text[tok[k + 1].start] == ',' ? k + 2 : k + 1;
        if (!(in[k].cap == NER_CAP_LOWER ||
              (in[k].cap == NER_CAP_TITLE && in[k].first)) ||
            (in[n1].h_lower != such && in[n1].h_lower != from &&
             in[n1].h_lower != include && in[n1].h_lower != including &&
             !st->tags[n1]))
            continue;
        /* or the plural of a noun of places or of people: "fishing towns
         * such as Moynaq", "players including Evair" */
        int type = NER_ORG;
        uint32_t not_body = (1u << NER_G_COUNTRY) | (1u << NER_G_STATE) |
                            (1u << NER_G_REGION) | (1u << NER_G_PERSON) |
                            (1u << NER_G_NORP) | (1u << NER_G_LOC);
        if (!(word_rule(st, k) & WR_FIRMS)) {
            const char *w = text + tok[k].start;
            size_t n = tok[k].end - tok[k].start;
            char low[24]; /* "Players such as" opening a sentence */
            int l = -1;
            if (n > 3 && n < sizeof low && w[n - 1] == 's') {
                for (size_t i = 0; i < n; i++)
                    low[i] = (char)(w[i] | (i == 0 ? 0x20 : 0));
                l = head_label(low, n);
            }
            if (l == L_GPE || l == L_LOC) {
                type = NER_LOC;
                not_body = (1u << NER_G_PERSON) | (1u << NER_G_ORG) |
                           (1u << NER_G_ORGLIST) | (1u << NER_G_NORP) |
                           (1u << NER_G_NEWS) | (1u << NER_G_FIRST);
            } else if (l == L_PERSON && !word_is(text, tok, k, "investors") &&
                       !word_is(text, tok, k, "players")) { /* "market
                          players such as Google" */
                type = NER_PER;
                not_body =
                    NOT_PER | (1u << NER_G_ORGWORD) | (1u << NER_G_LOCWORD);
            } else {
                continue;
            }
        }
        /* clubs are named by their towns ("clubs such as Leeds") */
        if (type == NER_ORG && !word_is(text, tok, k, "clubs"))
            not_body |= 1u << NER_G_CITY;
        size_t a = k + 1;
        if (text[tok[a].start] == ',')
            a++;
        if (a + 1 < ntok && word_is(text, tok, a, "such") &&
            word_is(text, tok, a + 1, "as"))
            a += 2;
        else if (in[a].h_lower == include || in[a].h_lower == including)
            a += 1; /* "its subsidiaries include Taobao, Tmall and" */
        else if (type != NER_ORG)
            continue;
        else if (a + 1 < ntok && word_is(text, tok, a, "from") &&
                 st->tags[a + 1] && span_end(st, ntok, a + 1) < ntok &&
                 word_is(text, tok, span_end(st, ntok, a + 1), "to"))
            a += 1; /* a range, not where they are from ("clubs from
                       Northern Norway") */
        else if (!named_pair(st, text, tok, ntok, a))
            continue;
        else /* "pet store chains Petz and Cobasi", "rivals Boeing and
                Airbus"; not people ("rivals Anna Kask and Ben Ots") */
            not_body |=
                (1u << NER_G_FIRST) | (1u << NER_G_GIVEN) | (1u << NER_G_NEWS);
        /* the list: names parted by ",", "and", "or", "to" */
        bool after_comma = false;
        while (a < ntok) {
            int part = ner_tag_part(st->tags[a]);
            if (!st->tags[a] || (part != NER_B && part != NER_U))
                break;
            size_t b = span_end(st, ntok, a);
            /* the last two names of "A, B and C", read as one: "Albert
             * Heijn, Food Lion and Stop & Shop" (two words or more before
             * "and": not "Procter and Gamble") */
            for (size_t m = a + 2; after_comma && m + 1 < b; m++)
                if (word_is(text, tok, m, "and") &&
                    in[m + 1].cap == NER_CAP_TITLE) {
                    int was = ner_tag_type(st->tags[a]);
                    tag_span(st, a, m, was);
                    st->tags[m] = 0;
                    tag_span(st, m + 1, b, was);
                    break;
                }
            if (st->tags[a] && ner_tag_part(st->tags[a]) != NER_B &&
                ner_tag_part(st->tags[a]) != NER_U)
                break;
            b = span_end(st, ntok, a);
            after_comma = b < ntok && text[tok[b].start] == ',';
            if (!(gaz_mask(phrase_gaz(st, a, b)) & not_body) &&
                !(b == a + 1 && (in[a].gaz & not_body)))
                tag_span(st, a, b, type);
            if (!(a = list_next(text, tok, ntok, b, true)))
                break;
        }
    }
}

/* A saint's name, "'s" and a school's, a hospital's or a church's name
 * after it are one name, of the second's kind: "St. Patrick’s High
 * School", "St Joseph’s Nyabondo Secondary School" (the tagger read the
 * saint as a person of his own). */
static void saints_institutions(state *st, const char *text,
                                const prism_token *tok, size_t ntok)
{
    for (size_t i = 0; i + 2 < ntok; i++) {
        int t = st->tags[i];
        if (ner_tag_type(t) != NER_PER || ner_tag_part(t) != NER_B ||
            st->info[i].cap != NER_CAP_TITLE || !(word_rule(st, i) & WR_SAINT))
            continue;
        size_t e = span_end(st, ntok, i);
        if (e + 1 >= ntok || !apostrophe_tok(text, &tok[e]))
            continue;
        int u = st->tags[e + 1];
        int type = ner_tag_type(u);
        if ((type != NER_ORG && type != NER_LOC) ||
            (ner_tag_part(u) != NER_B && ner_tag_part(u) != NER_U))
            continue;
        size_t f = span_end(st, ntok, e + 1);
        tag_span(st, i, f, type);
        i = f - 1;
    }
}

/* A name and its name in its own language, in brackets after the
 * language's name: "Moravec Glassworks (Czech: Sklárna Moravec)", "the
 * Order of Cistercians (Latin: Sacer Ordo Cisterciensis)", as encyclopedias
 * write them. The name in brackets is of the kind of the name before
 * them (the tagger reads the foreign words as anything), and the
 * language's name is a MISC name, not a place. */
static void native_names(state *st, const char *text, const prism_token *tok,
                         size_t ntok)
{
    const ner_info *in = st->info;
    for (size_t i = 1; i + 3 < ntok; i++) {
        int t = st->tags[i - 1];
        if (!t || in[i + 1].cap != NER_CAP_TITLE ||
            (ner_tag_part(t) != NER_L && ner_tag_part(t) != NER_U) ||
            !word_is(text, tok, i, "(") || !word_is(text, tok, i + 2, ":") ||
            !(has(phrase_gaz(st, i + 1, i + 2), NER_G_NORP) ||
              (word_rule(st, i + 1) & WR_LANG)))
            continue;
        int type = ner_tag_type(t);
        /* words up to "," or ")", capitalised at both ends ("Dansk Olie
         * og Naturgas") */
        size_t a = i + 3, b = a;
        while (b < ntok && b < a + 8 && in[b].alpha)
            b++;
        if (b == a || b >= ntok || in[a].cap == NER_CAP_LOWER ||
            in[b - 1].cap == NER_CAP_LOWER ||
            !(word_is(text, tok, b, ")") || word_is(text, tok, b, ",")))
            continue;
        tag_span(st, i + 1, i + 2, NER_MISC);
        tag_span(st, a, b, type);
        i = b;
    }
}

/* Places named by what armies and rulers do to them, and by their names
 * of today:
 * - the names after a verb of conquest, siege or founding of a town
 *   ("conquered Larsa, Eshnunna and Mari", "entered Tenochtitlan", "took
 *   Derby", "fortified Tamworth and Stafford"): places, when no list knows
 *   a name as a person's or a body's ("captured the Inca ruler Atahualpa"
 *   is no town: a noun stands between);
 * - a name and its name of today in brackets ("Constantinople (now
 *   Istanbul)", "Világos (now Şiria in Romania)"): both places;
 * - a polity's word and "of" before a place ("the Viceroyalty of Peru",
 *   "the Khanate of Kokand"): one place. */
static void places_by_history(state *st, const char *text,
                              const prism_token *tok, size_t ntok)
{
    const ner_info *in = st->info;
    const uint32_t not_place = (1u << NER_G_PERSON) | (1u << NER_G_NEWS) |
                               (1u << NER_G_ORG) | (1u << NER_G_ORGLIST) |
                               (1u << NER_G_NORP) | (1u << NER_G_FIRST) |
                               (1u << NER_G_GIVEN);
    for (size_t v = 0; v + 1 < ntok; v++) {
        if (in[v].cap != NER_CAP_LOWER || !st->tags[v + 1] ||
            !(word_rule(st, v) & WR_CONQ))
            continue;
        size_t a = v + 1;
        while (a < ntok) {
            int part = ner_tag_part(st->tags[a]);
            if (!st->tags[a] || (part != NER_B && part != NER_U))
                break;
            size_t b = span_end(st, ntok, a);
            /* not a team a batsman "took" to a score ("took Derbyshire to
             * 471") */
            if (b < ntok && word_is(text, tok, b, "to"))
                break;
            if (ner_tag_type(st->tags[a]) != NER_LOC &&
                ner_tag_type(st->tags[a]) != NER_MISC &&
                !(gaz_mask(phrase_gaz(st, a, b)) & not_place) &&
                !(b == a + 1 && (in[a].gaz & not_place)))
                tag_span(st, a, b, NER_LOC);
            if (!(a = list_next(text, tok, ntok, b, false)))
                break;
        }
    }
    for (size_t i = 2; i + 2 < ntok; i++) {
        /* "X (now Y": i is "(" */
        if (text[tok[i].start] != '(' || tok[i].end - tok[i].start != 1 ||
            !word_is(text, tok, i + 1, "now"))
            continue;
        size_t a = i + 2;
        int part = ner_tag_part(st->tags[a]);
        if (st->tags[a] && (part == NER_B || part == NER_U))
            tag_span(st, a, span_end(st, ntok, a), NER_LOC);
        int before = ner_tag_part(st->tags[i - 1]);
        if (st->tags[i - 1] && (before == NER_L || before == NER_U) &&
            ner_tag_type(st->tags[i - 1]) != NER_PER) {
            size_t s0 = span_start(st, i - 1);
            tag_span(st, s0, i, NER_LOC);
        }
    }
    for (size_t k = 0; k + 2 < ntok; k++) {
        if (in[k].cap != NER_CAP_TITLE || st->tags[k] || !st->tags[k + 2] ||
            ner_tag_type(st->tags[k + 2]) != NER_LOC ||
            !word_is(text, tok, k + 1, "of") ||
            !(word_rule(st, k) & WR_POLITY2))
            continue;
        int part = ner_tag_part(st->tags[k + 2]);
        if (part != NER_B && part != NER_U)
            continue;
        tag_span(st, k, span_end(st, ntok, k + 2), NER_LOC);
    }
}

/* Kin named after a possessive and the word of kin: "survived by his
 * wife, Geertje", "her husband, Don", "her daughters Hodan and Sahra",
 * "Okafor's widow, Grace": a person, whatever the tagger or the lists
 * read ("Don" is a river, "Reading" a town). So is a leader or a ruler
 * after a possessive, also "its" ("Their leader, Karađorđe,", "its last
 * ruler, Minchançaman"); a word of age or order may stand between ("his
 * late wife"). A partner is a person's only after "his", "her",
 * "their"... ("the firm's partner, Siemens"). Up to three capitalised
 * words; a name after "and" right after it too. */
static void people_by_kin(state *st, const char *text, const prism_token *tok,
                          size_t ntok)
{
    static const char *const owners[] = {"his", "her", "their",
                                         "my",  "our", "your"};
    static const char *const ages[] = {
        "late",   "last",    "first",    "new",      "former", "elder",
        "eldest", "younger", "youngest", "longtime", "then"};
    const ner_info *in = st->info;
    for (size_t k = 1; k + 1 < ntok; k++) {
        size_t n1 = text[tok[k + 1].start] == ',' ? k + 2 : k + 1;
        if (in[k].cap != NER_CAP_LOWER || n1 >= ntok ||
            in[n1].cap != NER_CAP_TITLE)
            continue;
        uint64_t rule = word_rule(st, k);
        bool lead = rule & WR_LEADN;
        if (!lead && !(rule & WR_KINN))
            continue;
        size_t o = k - 1; /* "his late wife", "its last ruler" */
        if (o > 0 && in[o].cap == NER_CAP_LOWER && WORD_IN(text, tok, o, ages))
            o--;
        bool personal = WORD_IN(text, tok, o, owners) ||
                        (lead && word_is(text, tok, o, "its"));
        if (!personal && !(apostrophe_tok(text, &tok[o]) &&
                           !word_is(text, tok, k, "partner")))
            continue;
        size_t a = k + 1;
        if (text[tok[a].start] == ',')
            a++;
        while (a < ntok && in[a].cap == NER_CAP_TITLE && in[a].alpha) {
            /* a title before the name the tagger read: "his mother, Queen
             * Elizabeth II" */
            if (!st->tags[a] && a + 1 < ntok && st->tags[a + 1] &&
                ner_tag_part(st->tags[a + 1]) != NER_I &&
                ner_tag_part(st->tags[a + 1]) != NER_L)
                a++;
            size_t b = a + 1;
            if (st->tags[a]) { /* the name as the tagger read it */
                if (ner_tag_part(st->tags[a]) != NER_B &&
                    ner_tag_part(st->tags[a]) != NER_U)
                    break;
                b = span_end(st, ntok, a);
            } else
                while (b < ntok && b < a + 3 && in[b].cap == NER_CAP_TITLE &&
                       in[b].alpha && !st->tags[b])
                    b++;
            if (b - a > 3 || (b < ntok && (in[b].cap == NER_CAP_TITLE ||
                                           apostrophe_tok(text, &tok[b]))))
                break; /* longer than a person's name, or an owner */
            /* not an untagged word of the language ("his son, Then") */
            if (b == a + 1 && !st->tags[a] && in[a].common)
                break;
            tag_span(st, a, b, NER_PER);
            if (b + 1 < ntok && word_is(text, tok, b, "and"))
                a = b + 1;
            else
                break;
        }
    }
}

/* Names joined by "and" before a plural noun of places, "the Khwae Noi
 * and Khwae Yai rivers", "the Kivu and Tanganyika lakes": two places,
 * whatever the tagger read, also when it read them as one name. The name
 * [a, b) ends right before the noun. */
static void places_before_plural(state *st, const char *text,
                                 const prism_token *tok, size_t ntok, size_t a,
                                 size_t b)
{
    static const char *const plurals[] = {
        "rivers", "lakes",   "islands", "mountains", "valleys",
        "seas",   "straits", "peaks",   "glaciers",  "provinces"};
    if (b >= ntok || !WORD_IN(text, tok, b, plurals))
        return;
    size_t m = a;
    while (m < b && !word_is(text, tok, m, "and"))
        m++;
    if (m > a && m + 1 < b) { /* one name with "and" inside */
        tag_span(st, a, m, NER_LOC);
        st->tags[m] = 0;
        tag_span(st, m + 1, b, NER_LOC);
        return;
    }
    if (a < 2 || !word_is(text, tok, a - 1, "and"))
        return;
    int part = ner_tag_part(st->tags[a - 2]);
    if (part != NER_L && part != NER_U)
        return;
    tag_span(st, span_start(st, a - 2), a - 1, NER_LOC);
    tag_span(st, a, b, NER_LOC);
}

/* A place or a body a list knows, untagged, right before a title and a
 * person's name: "Queensland Premier David Crisafulli", "Medellín Mayor
 * Federico Gutiérrez", "WHO Director-General Tedros" (the tagger leaves
 * such a name out after a dateline's dash or a quotation). Tags it. */
static void names_before_titles(state *st, const char *text,
                                const prism_token *tok, size_t ntok)
{
    const ner_info *in = st->info;
    const uint32_t places = (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) |
                            (1u << NER_G_STATE) | (1u << NER_G_ALIAS);
    const uint32_t bodies = (1u << NER_G_ORG) | (1u << NER_G_ORGLIST);
    for (size_t i = 0; i + 2 < ntok; i++) {
        /* not a word common in lower case: "Union Minister", "the Most
         * Reverend" */
        if (st->tags[i] || in[i].cap == NER_CAP_LOWER || !in[i].alpha ||
            (in[i].lex != NER_LEX_NONE && in[i].lex / 3 > 0 &&
             in[i].cap != NER_CAP_UPPER))
            continue;
        size_t best = 0; /* the name's end: up to three words */
        int type = NER_LOC;
        for (size_t j = i + 1; j <= i + 3 && j < ntok && !st->tags[j - 1];
             j++) {
            uint32_t g = gaz_mask(phrase_gaz(st, i, j));
            if (g & (places | bodies)) {
                best = j;
                type = g & places ? NER_LOC : NER_ORG;
            }
        }
        if (!best || best + 1 >= ntok)
            continue;
        size_t t = best; /* a title of one or two words, then a person */
        size_t k = is_title(st, t, t + 1) || hyphen_title(st, text, tok, t)
                       ? t + 1
                   : t + 2 < ntok && is_title(st, t, t + 2) ? t + 2
                                                            : t;
        if (k == t || k >= ntok || ner_tag_type(st->tags[k]) != NER_PER ||
            (ner_tag_part(st->tags[k]) != NER_B &&
             ner_tag_part(st->tags[k]) != NER_U))
            continue;
        tag_span(st, i, best, type);
        i = k;
    }
}

/* The name a person goes by, in quotes or not, after "known as", "known
 * to fans as", "nicknamed", "alias", "whose stage name is" and the like,
 * right after that person's name: "Adolfo Macías, known as "Fito"",
 * "Oliver Mtukudzi, known to fans as “Tuku”", "Jimmy Chérizier, alias
 * "Barbecue"". One to three capitalised words that no list knows as a
 * place's or an organisation's: a person's name too. */
static void names_people_go_by(state *st, const char *text,
                               const prism_token *tok, size_t ntok)
{
    static const char *const cues[] = {"nicknamed", "alias", "aka"};
    static const char *const performs[] = {"performs", "performed",
                                           "performing", "sings", "raps"};
    const ner_info *in = st->info;
    for (size_t c = 2; c + 1 < ntok; c++) {
        /* a capitalised word or a quotation mark after the cue */
        if (in[c].cap != NER_CAP_LOWER ||
            (in[c + 1].cap == NER_CAP_LOWER && in[c + 1].alpha) ||
            (!in[c + 1].alpha && !quote_tok(text, &tok[c + 1])))
            continue;
        size_t cue = c; /* the cue's first word */
        if (word_is(text, tok, c, "as") && c > 2 &&
            WORD_IN(text, tok, c - 1, performs)) {
            cue = c - 1;                          /* "who performs as" */
        } else if (word_is(text, tok, c, "as")) { /* "known (to fans) as" */
            while (cue + 4 > c && cue > 1 && in[cue - 1].cap == NER_CAP_LOWER &&
                   !word_is(text, tok, cue, "known"))
                cue--;
            if (!word_is(text, tok, cue, "known"))
                continue;
        } else if (c > 3 && word_is(text, tok, c, "is") &&
                   word_is(text, tok, c - 1, "name") &&
                   word_is(text, tok, c - 2, "stage") &&
                   word_is(text, tok, c - 3, "whose")) {
            cue = c - 3; /* "whose stage name is" */
        } else if (!WORD_IN(text, tok, c, cues)) {
            continue;
        }
        /* right after a person's name and a comma, or a noun of what a
         * person is ("a calypsonian known as Mighty Breadfruit", "the
         * comedian who performs as Kerosene") */
        size_t p = cue - 1;
        size_t q = p > 0 && word_is(text, tok, p, "who") ? p - 1 : p;
        bool noun = in[q].cap == NER_CAP_LOWER && (word_rule(st, q) & WR_PERN);
        if (!noun && (text[tok[p].start] != ',' || p == 0 || !st->tags[p - 1] ||
                      ner_tag_type(st->tags[p - 1]) != NER_PER))
            continue;
        size_t a = c + 1, b;
        bool quoted = quote_tok(text, &tok[a]);
        a += quoted;
        for (b = a;
             b < ntok && b < a + 3 && in[b].alpha && in[b].cap != NER_CAP_LOWER;
             b++)
            ;
        size_t e = b + quoted; /* the word after the name */
        if (b == a || (quoted && (b >= ntok || !quote_tok(text, &tok[b]))) ||
            (e < ntok && in[e].alpha && in[e].cap != NER_CAP_LOWER) ||
            (gaz_mask(phrase_gaz(st, a, b)) & NOT_PER))
            continue; /* not "known as “Perito” Moreno" */
        if (st->tags[a] &&
            (span_start(st, a) != a || span_end(st, ntok, a) != b ||
             ner_tag_type(st->tags[a]) == NER_PER))
            continue; /* the tagger's name: "known as Ivan the Terrible" */
        tag_span(st, a, b, NER_PER);
        c = b;
    }
}

/* A name set off before "whose real name is" (or "birth name", "given
 * name") is a person's stage name: "Kerosene, whose real name is Emeka
 * Obiora" (one to three capitalised words that no list knows as a
 * place's or an organisation's). */
static void stage_names(state *st, const char *text, const prism_token *tok,
                        size_t ntok)
{
    static const char *const kinds[] = {"real", "birth", "given", "full"};
    const ner_info *in = st->info;
    for (size_t c = 1; c + 4 < ntok; c++) {
        if (text[tok[c].start] != ',' || tok[c].end - tok[c].start != 1 ||
            !word_is(text, tok, c + 1, "whose") ||
            !WORD_IN(text, tok, c + 2, kinds) ||
            !word_is(text, tok, c + 3, "name") ||
            !word_is(text, tok, c + 4, "is"))
            continue;
        size_t a = c;
        while (a > 0 && c - a < 3 && in[a - 1].cap == NER_CAP_TITLE &&
               in[a - 1].alpha)
            a--;
        if (a == c ||
            (st->tags[c - 1] && (span_start(st, c - 1) != a ||
                                 ner_tag_type(st->tags[a]) == NER_PER)) ||
            (gaz_mask(phrase_gaz(st, a, c)) & NOT_PER))
            continue;
        tag_span(st, a, c, NER_PER);
    }
}

/* Does token a follow a role and "of": "the founder of", "employees of",
 * "a director of" (a board's; not "the director of" a film)? */
static bool role_of(const state *st, const char *text, const prism_token *tok,
                    size_t a)
{
    static const char *const roles[] = {
        "founder",    "co-founder", "cofounder",   "chairman",
        "chairwoman", "principal",  "headmaster",  "headmistress",
        "owner",      "owners",     "shareholder", "shareholders",
        "employee",   "employees",  "subsidiary"};
    return a >= 3 && word_is(text, tok, a - 1, "of") &&
           st->info[a - 2].cap == NER_CAP_LOWER &&
           (WORD_IN(text, tok, a - 2, roles) ||
            (word_is(text, tok, a - 2, "director") &&
             word_is(text, tok, a - 3, "a")));
}

/* What one founds, owns, chairs or works for is a body: "a director of
 * Zenith Infratech", "principal of Te Kura o Ruatoki", "the founder of
 * Kestrel Tactical", "employees of Hvalur". One to four capitalised
 * words after the role and "of" (role_of()), untagged or read as a
 * person's, that no list knows as a place's or a person's. */
static void bodies_by_roles(state *st, const char *text, const prism_token *tok,
                            size_t ntok)
{
    const uint32_t known = NOT_PER | (1u << NER_G_PERSON) | (1u << NER_G_FIRST);
    const ner_info *in = st->info;
    for (size_t a = 3; a < ntok; a++) {
        if (in[a].cap != NER_CAP_TITLE || !in[a].alpha ||
            !role_of(st, text, tok, a))
            continue;
        size_t b = a;
        while (b < ntok && b < a + 4 && in[b].alpha &&
               in[b].cap != NER_CAP_LOWER)
            b++;
        if (b < ntok && in[b].alpha && in[b].cap != NER_CAP_LOWER)
            continue;     /* longer than four words */
        bool free = true; /* untagged, or one person's name */
        for (size_t i = a; i < b && free; i++)
            free = !st->tags[i] || ner_tag_type(st->tags[i]) == NER_PER;
        if (!free ||
            (st->tags[a] &&
             (span_start(st, a) != a || span_end(st, ntok, a) != b)) ||
            (gaz_mask(phrase_gaz(st, a, b)) & known) ||
            (gaz_mask(phrase_gaz(st, a, a + 1)) & known))
            continue;
        tag_span(st, a, b, NER_ORG);
        a = b;
    }
}

/* Is the name [a, b) a place that the words after it locate in a larger
 * one: "its garrison in Nasir, in Upper Nile state", "Herrnhut, in
 * eastern Saxony, is"? A comma, "in", and a country, state or region a
 * list knows, that the tagger found. After "in" or "near" that is enough;
 * a name that opens its sentence needs a side of the place ("eastern") or
 * a noun of its kind ("state") too, as "Okafor, in Lagos, said" is a
 * person, and so is one after "from" ("a letter from Okafor, in
 * Lagos"). */
static bool located_in(const state *st, const char *text,
                       const prism_token *tok, size_t a, size_t b)
{
    static const char *const sides[] = {
        "eastern",       "western",       "northern",      "southern",
        "central",       "northeastern",  "northwestern",  "southeastern",
        "southwestern",  "north-eastern", "north-western", "south-eastern",
        "south-western", "upper",         "lower",         "rural"};
    static const char *const preps[] = {"in", "near"};
    const uint32_t larger =
        (1u << NER_G_COUNTRY) | (1u << NER_G_STATE) | (1u << NER_G_REGION);
    const ner_info *in = st->info;
    size_t ntok = st->ntok_cur, c = b + 2;
    if (b - a > 3 || c >= ntok || text[tok[b].start] != ',' ||
        tok[b].end - tok[b].start != 1 || !word_is(text, tok, b + 1, "in"))
        return false;
    bool side = in[c].cap == NER_CAP_LOWER && WORD_IN(text, tok, c, sides);
    c += side;
    if (c >= ntok || ner_tag_type(st->tags[c]) != NER_LOC ||
        (ner_tag_part(st->tags[c]) != NER_B &&
         ner_tag_part(st->tags[c]) != NER_U))
        return false;
    size_t d = span_end(st, ntok, c);
    bool kind = d < ntok && in[d].cap == NER_CAP_LOWER &&
                (area_noun(st, d) || word_is(text, tok, d, "state"));
    bool placed_by = a > 0 && in[a - 1].cap == NER_CAP_LOWER &&
                     WORD_IN(text, tok, a - 1, preps);
    return ((gaz_mask(phrase_gaz(st, c, d)) & larger) || kind) &&
           (placed_by || (in[a].first && (side || kind)));
}

/* Tags such places (located_in()) that the tagger read as a person's or
 * a body's, when no list knows them as either. */
static void places_located_in(state *st, const char *text,
                              const prism_token *tok, size_t ntok)
{
    const uint32_t known = (1u << NER_G_PERSON) | (1u << NER_G_ORG) |
                           (1u << NER_G_ORGLIST) | (1u << NER_G_NEWS);
    for (size_t a = 0; a + 4 < ntok; a++) {
        int type = ner_tag_type(st->tags[a]), part = ner_tag_part(st->tags[a]);
        if ((type != NER_PER && type != NER_ORG) ||
            (part != NER_B && part != NER_U))
            continue;
        size_t b = span_end(st, ntok, a);
        if (!(gaz_mask(phrase_gaz(st, a, b)) & known) &&
            located_in(st, text, tok, a, b))
            tag_span(st, a, b, NER_LOC);
        a = b - 1;
    }
}

/* Is the token a capitalised word that is no common lower-case one, or
 * an acronym? */
static bool name_word(const ner_info *t)
{
    return t->alpha && t->cap != NER_CAP_LOWER &&
           (t->cap == NER_CAP_UPPER || t->lex == NER_LEX_NONE ||
            t->lex / 3 == 0);
}

/* A name right before a leader's title and a person's name is the body
 * they lead: "Sámediggi president Pirita Näkkäläjärvi", "Reggae Boyz
 * coach Steve McClaren", "ACT leader David Seymour". Nobody is the
 * president or the coach of a person, so the name is an organisation's
 * (a place's, if a list knows it as one) where the tagger read it as a
 * person's or left it out; not a word common in lower case ("Opposition
 * leader"), a nationality ("Belgian coach"), nor a name the lists know as
 * a person's. */
static void bodies_before_leaders(state *st, const char *text,
                                  const prism_token *tok, size_t ntok)
{
    static const char *const leads[] = {
        "leader", "president", "chairman", "chairwoman", "chairperson",
        "chair",  "coach",     "captain",  "boss",       "founder",
        "owner",  "co-owner",  "editor",   "columnist",  "correspondent"};
    const ner_info *in = st->info;
    const uint32_t places = (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) |
                            (1u << NER_G_STATE) | (1u << NER_G_ALIAS) |
                            (1u << NER_G_REGION) | (1u << NER_G_LOC);
    const uint32_t people =
        (1u << NER_G_PERSON) | (1u << NER_G_FIRST) | (1u << NER_G_GIVEN);
    for (size_t t = 1; t + 1 < ntok; t++) {
        if (ner_tag_type(st->tags[t + 1]) != NER_PER ||
            (ner_tag_part(st->tags[t + 1]) != NER_B &&
             ner_tag_part(st->tags[t + 1]) != NER_U) ||
            st->tags[t] || in[t].cap != NER_CAP_LOWER ||
            !WORD_IN(text, tok, t, leads))
            continue;
        size_t b = t, a = t - 1;
        int type = st->tags[a] ? ner_tag_type(st->tags[a]) : -1;
        if (type >= 0) {
            int part = ner_tag_part(st->tags[a]);
            if (part != NER_L && part != NER_U)
                continue;
            a = span_start(st, a);
        } else {
            while (a > 0 && a + 3 > b && !in[a].first &&
                   name_word(&in[a - 1]) && !st->tags[a - 1])
                a--;
        }
        bool name = true;
        for (size_t i = a; i < b && name && type < 0; i++)
            name = name_word(&in[i]);
        uint32_t g = gaz_mask(phrase_gaz(st, a, b));
        if (!name || (type >= 0 && type != NER_PER) || (g & people) ||
            (type < 0 &&
             (in[a].len < 2 || (in[a].first && in[a].cap != NER_CAP_UPPER))))
            continue;
        tag_span(st, a, b, g & places ? NER_LOC : NER_ORG);
    }
}

/* A firm's officers and owners after its name: "Glean’s founder Arvind
 * Jain", "Epic’s chief executive", "Zara owner Inditex", "Facebook parent
 * Meta". One to three capitalised words, untagged or read as a person's,
 * that no list knows as a person's or a place's, before "'s" and an
 * officer, or before "owner", "parent" or "maker" and a body the tagger
 * found, are the firm. */
static void firms_by_officers(state *st, const char *text,
                              const prism_token *tok, size_t ntok)
{
    static const char *const officers[] = {
        "founder",  "co-founder", "cofounder", "founders",    "ceo",
        "chairman", "chairwoman", "board",     "shareholders"};
    static const char *const chiefs[] = {"executive", "financial", "technology",
                                         "operating"};
    const uint32_t known = NOT_PER | (1u << NER_G_PERSON) |
                           (1u << NER_G_FIRST) | (1u << NER_G_GIVEN) |
                           (1u << NER_G_NEWS);
    const ner_info *in = st->info;
    for (size_t b = 1; b + 2 < ntok; b++) {
        bool officer = apostrophe_tok(text, &tok[b]) &&
                       in[b + 1].cap == NER_CAP_LOWER &&
                       (WORD_IN(text, tok, b + 1, officers) ||
                        (word_is(text, tok, b + 1, "chief") &&
                         WORD_IN(text, tok, b + 2, chiefs)));
        bool owner = !officer && brand_of(st, text, tok, b);
        if (!officer && !owner)
            continue;
        size_t a = b;
        while (a > 0 && b - a < 3 && in[a - 1].alpha &&
               in[a - 1].cap != NER_CAP_LOWER &&
               (!st->tags[a - 1] || ner_tag_type(st->tags[a - 1]) == NER_PER) &&
               !(a < b && in[a].first))
            a--;
        /* a given name before an owner and a body is a brand's ("Zara") */
        uint32_t not_firm =
            owner ? known & ~((1u << NER_G_FIRST) | (1u << NER_G_GIVEN))
                  : known;
        if (a == b ||
            (a > 0 && in[a - 1].alpha && in[a - 1].cap != NER_CAP_LOWER &&
             !in[a].first) ||
            (st->tags[a] && span_start(st, a) != a) ||
            (st->tags[b - 1] &&
             span_end(st, ntok, span_start(st, b - 1)) != b) ||
            (gaz_mask(phrase_gaz(st, a, b)) & not_firm))
            continue;
        tag_span(st, a, b, NER_ORG);
    }
}

/* Another name a definition gives its subject: "The University of Tokyo,
 * abbreviated as Todai or UTokyo", "The Bank of Japan, often called
 * Nichigin for short", "Ernesto Guevara, known as Che". The sentence opens
 * with the subject, a name the tagger found; the names after "called",
 * "nicknamed", "known as", "abbreviated as" or "shortened to" (one, or
 * several joined by "or") take its kind, unless a list knows one as a
 * place's or a person's of another kind. */
static void names_given(state *st, const char *text, const prism_token *tok,
                        size_t ntok)
{
    static const char *const cues[] = {"called", "nicknamed", "known",
                                       "abbreviated", "shortened"};
    const ner_info *in = st->info;
    for (size_t c = 2; c + 1 < ntok; c++) {
        if (in[c].cap != NER_CAP_LOWER || !WORD_IN(text, tok, c, cues))
            continue;
        size_t k = c + 1;
        if (word_is(text, tok, k, "as") || word_is(text, tok, k, "to"))
            k++;
        else if (!word_is(text, tok, c, "called") &&
                 !word_is(text, tok, c, "nicknamed"))
            continue; /* "known" alone, "abbreviated" alone */
        size_t s = c;
        while (s > 0 && !in[s].first)
            s--;
        size_t a = s + (word_is(text, tok, s, "The") ? 1 : 0);
        int part = ner_tag_part(st->tags[a]);
        if (!st->tags[a] || (part != NER_B && part != NER_U) || c - a > 16)
            continue;
        int type = ner_tag_type(st->tags[a]);
        size_t e = span_end(st, ntok, a);
        static const char *const adverbs[] = {
            "also",    "often",      "commonly", "sometimes",
            "usually", "formerly",   "simply",   "popularly",
            "widely",  "officially", "better"};
        if (type == NER_MISC || e + 1 >= c || text[tok[e].start] != ',' ||
            (c > e + 2 || (c == e + 2 && !WORD_IN(text, tok, e + 1, adverbs))))
            continue; /* the subject, a comma and the cue ("Liang
                         Wenfeng runs a hedge fund called High-Flyer") */
        const uint32_t other =
            type == NER_PER
                ? NOT_PER
                : NOT_PER | (1u << NER_G_PERSON) | (1u << NER_G_NEWS);
        while (k < ntok && in[k].alpha && in[k].cap != NER_CAP_LOWER) {
            size_t ae = k;
            if (st->tags[k]) {
                part = ner_tag_part(st->tags[k]);
                if (part != NER_B && part != NER_U)
                    break;
                ae = span_end(st, ntok, k);
            } else {
                while (ae < ntok && ae - k < 3 && !st->tags[ae] &&
                       in[ae].alpha && in[ae].cap != NER_CAP_LOWER)
                    ae++;
            }
            if (!(gaz_mask(phrase_gaz(st, k, ae)) & other))
                tag_span(st, k, ae, type);
            k = ae;
            if (k + 1 < ntok && word_is(text, tok, k, "or"))
                k++;
            else
                break;
        }
    }
}

/* A country before an English given name inside what the tagger read as
 * one person's name is the country the person is of: "U.N. envoy for
 * Libya Hanna Tetteh" (not "Jordan Peterson": a given name too; nor a
 * town's or a province's name, "Florence Akinyi Otieno", "Van Thinh
 * Phat"). */
static void places_before_people(state *st, size_t ntok)
{
    const uint32_t people = (1u << NER_G_PERSON) | (1u << NER_G_FIRST) |
                            (1u << NER_G_GIVEN) | (1u << NER_G_NEWS) |
                            (1u << NER_G_CITY) | (1u << NER_G_STATE);
    for (size_t s = 0; s < ntok; s++) {
        if (ner_tag_type(st->tags[s]) != NER_PER ||
            ner_tag_part(st->tags[s]) != NER_B)
            continue;
        size_t e = span_end(st, ntok, s);
        for (size_t k = s + 1; k + 2 <= e && e - s >= 3; k++) {
            uint32_t gm = gaz_mask(phrase_gaz(st, s, k));
            if ((gm & (1u << NER_G_COUNTRY)) && !(gm & people) &&
                has(phrase_gaz(st, k, k + 1), NER_G_FIRST)) {
                tag_span(st, s, k, NER_LOC);
                tag_span(st, k, e, NER_PER);
                break;
            }
        }
        s = e - 1;
    }
}

static void products_of_firms(state *st, const char *text,
                              const prism_token *tok, size_t ntok)
{
    for (size_t i = 2; i < ntok; i++)
        if (st->tags[i] == ner_tag(NER_PER, NER_U) &&
            firm_product(st, text, tok, i))
            st->tags[i] = (uint8_t)ner_tag(NER_MISC, NER_U);
}

/* A firm's "plc" in lower case after the name the tagger found: "Shell
 * plc is". */
static void firms_plc(state *st, const char *text, const prism_token *tok,
                      size_t ntok)
{
    for (size_t e = 1; e < ntok; e++) {
        int part = ner_tag_part(st->tags[e - 1]);
        if (!st->tags[e] && ner_tag_type(st->tags[e - 1]) == NER_ORG &&
            (part == NER_L || part == NER_U) && word_is(text, tok, e, "plc"))
            tag_span(st, span_start(st, e - 1), e + 1, NER_ORG);
    }
}

/* A state, country or town a list knows, which the tagger left out,
 * right before the words of a title and the person who holds it:
 * "Bihar Chief Minister Nitish Kumar", "Sindh Chief Minister Syed Murad
 * Ali Shah". */
static void places_before_titles(state *st, size_t ntok)
{
    const uint32_t places = (1u << NER_G_COUNTRY) | (1u << NER_G_STATE) |
                            (1u << NER_G_CITY) | (1u << NER_G_ALIAS);
    const uint32_t people =
        (1u << NER_G_PERSON) | (1u << NER_G_FIRST) | (1u << NER_G_NEWS);
    for (size_t a = 0; a + 2 < ntok; a++) {
        if (st->tags[a] || st->info[a].cap != NER_CAP_TITLE ||
            (st->info[a].wsets & ((1u << NER_W_LOW1) | (1u << NER_W_LOW2))))
            /* not an ordinary word: "Union Minister" */
            continue;
        for (size_t b = a + 1; b < ntok && b <= a + 3; b++) {
            uint32_t gm = gaz_mask(phrase_gaz(st, a, b));
            if (!(gm & places) || (gm & people) || st->tags[b - 1])
                continue;
            size_t n = 0; /* "Chief Minister", "Deputy Chief Minister" */
            while (n < 3 && b + n < ntok && !st->tags[b + n] &&
                   st->info[b + n].cap == NER_CAP_TITLE &&
                   is_title(st, b + n, b + n + 1))
                n++;
            int part = b + n < ntok ? ner_tag_part(st->tags[b + n]) : -1;
            if (n && ner_tag_type(st->tags[b + n]) == NER_PER &&
                (part == NER_B || part == NER_U) && !st->tags[b]) {
                tag_span(st, a, b, NER_LOC);
                break;
            }
        }
    }
}

/* What a study is published in: "published in Nature", "a study in
 * Science", "writing in The Lancet": a journal, an organisation (the
 * tagger reads a place after "in"). One or two capitalised words no
 * list knows as a place. */
static void journals(state *st, const char *text, const prism_token *tok,
                     size_t ntok)
{
    static const char *const papers[] = {
        "published", "study",  "paper",   "studies", "papers",
        "article",   "letter", "writing", "report",  "research"};
    for (size_t k = 2; k + 1 < ntok; k++) {
        int t = st->tags[k + 1];
        if (!word_is(text, tok, k, "in") ||
            (ner_tag_part(t) != NER_B && ner_tag_part(t) != NER_U) ||
            ner_tag_type(t) == NER_PER || ner_tag_type(t) == NER_ORG ||
            st->info[k - 1].cap != NER_CAP_LOWER ||
            !WORD_IN(text, tok, k - 1, papers))
            continue;
        size_t e = span_end(st, ntok, k + 1);
        if (e - (k + 1) <= 2 && !(gaz_mask(phrase_gaz(st, k + 1, e)) &
                                  (NOT_PER | (1u << NER_G_REGION))))
            tag_span(st, k + 1, e, NER_ORG);
    }
}

/* A country's or state's name with "and" in it that a list knows, "the
 * Turks and Caicos Islands", "Saint Kitts and Nevis", is one place,
 * however the tagger split it ("Turks" as a people). */
static void places_with_and(state *st, const char *text, const prism_token *tok,
                            size_t ntok)
{
    const uint32_t states = (1u << NER_G_COUNTRY) | (1u << NER_G_STATE);
    for (size_t i = 0; i + 2 < ntok; i++) {
        if (st->info[i].cap != NER_CAP_TITLE ||
            !word_is(text, tok, i + 1, "and") ||
            !has(phrase_gaz(st, i, i + 1), NER_G_PREFIX) ||
            (ner_tag_type(st->tags[i]) == NER_ORG &&
             ner_tag_part(st->tags[i]) == NER_I))
            continue; /* not inside "the Court of Bosnia and Herzegovina" */
        size_t best = 0;
        for (size_t n = 3; n <= 6 && i + n <= ntok; n++)
            if (gaz_mask(phrase_gaz(st, i, i + n)) & states)
                best = n;
        if (best) {
            tag_span(st, i, i + best, NER_LOC);
            i += best - 1;
        }
    }
}

/* Is token i a lower-case noun of a site that a name before it names
 * ("the Las Bambas copper mine" has it after "copper"; "the Lalit
 * hotel", "the Gigantium arena"), which no person's name does? */
static bool site_noun(const state *st, size_t i)
{
    bool of = i < st->ntok_cur && st->info[i].cap == NER_CAP_LOWER &&
              (word_rule(st, i) & WR_SITEOF);
    if (of)
        i++; /* "the Las Bambas copper mine", "the Kariba hydroelectric dam" */
    if (i >= st->ntok_cur || st->info[i].cap != NER_CAP_LOWER)
        return false;
    /* a base only after its kind: "the Marco Fidel Suárez air base" (not
     * "the Trump base") */
    static const char *const bases[] = {"base", "bases"};
    return (word_rule(st, i) & WR_SITE) || (of && hashed_in(st, i, bases, 2));
}

/* A name after a noun that says it is a place: "the town of Marshall",
 * "the village of Kinnegad", "a tributary of the Windrush", "the river
 * Ljubljanica"; or before a noun of natural places, "the Tinto river" (a
 * name no list knows), or of a town's parts or a country's, "the Sheikh
 * Zayed district", "Binh Duong province" (not an organisation's name): a place,
 * whatever the tagger read (the whole name the tagger found, of up to three
 * words). And names before a plural noun of places (places_before_plural()). */
static void places_by_noun(state *st, const char *text, const prism_token *tok,
                           size_t ntok)
{
    for (size_t a = 1; a < ntok; a++) {
        int part = ner_tag_part(st->tags[a]);
        if (part != NER_B && part != NER_U)
            continue;
        size_t b = span_end(st, ntok, a);
        if (ner_tag_type(st->tags[a]) != NER_LOC && b - a <= 3 &&
            st->info[a].cap == NER_CAP_TITLE &&
            (noun_says_place(st, text, tok, a, b) ||
             (ner_tag_type(st->tags[a]) == NER_PER &&
              place_of_person(st, text, tok, a)) ||
             (natural_noun(st, b) &&
              !(gaz_mask(phrase_gaz(st, a, b)) & ~(1u << NER_G_PREFIX))) ||
             (b < ntok && st->info[b].cap == NER_CAP_LOWER &&
              ner_tag_type(st->tags[a]) != NER_ORG && area_noun(st, b) &&
              !has(phrase_gaz(st, a, b), NER_G_NORP)) || /* "the Argentine
                                                           province of" */
             (ner_tag_type(st->tags[a]) == NER_PER &&
              site_noun(st, b)))) { /* "the Las Bambas mine" */
            /* a district named after a person keeps the title the tagger
             * left out: "the Sheikh Zayed district" */
            if (ner_tag_type(st->tags[a]) == NER_PER && st->tags[a - 1] == 0 &&
                st->info[a - 1].cap == NER_CAP_TITLE &&
                is_title(st, a - 1, a) && area_noun(st, b))
                a--;
            tag_span(st, a, b, NER_LOC); /* "the Tinto river", "the Sheikh
                                            Zayed district" */
        }
        places_before_plural(st, text, tok, ntok, a, b);
        a = b - 1;
    }
}

/* Does the word at w (n bytes) begin as Irish and Scottish surnames do,
 * "O'" or "Mc" and a capital, then lower-case letters: "O'Keefe",
 * "O’Connor", "McAllister"? */
static bool gaelic_surname(const char *w, size_t n)
{
    size_t i;
    if (n > 2 && w[0] == 'O' && w[1] == '\'')
        i = 2;
    else if (n > 4 && w[0] == 'O' && !memcmp(w + 1, "\xe2\x80\x99", 3))
        i = 4;
    else if (n > 2 && w[0] == 'M' && w[1] == 'c')
        i = 2;
    else
        return false;
    if (n - i < 3 || w[i] < 'A' || w[i] > 'Z')
        return false;
    for (size_t k = i + 1; k < n; k++)
        if (w[k] < 'a' || w[k] > 'z')
            return false;
    return true;
}

/* A one-word name no list knows, that the tagger read as anything but a
 * person's, is a person's when it ends as surnames of eastern and
 * southern Europe and the Caucasus do: "Kovalevskaya", "Przhevalsky",
 * "Petrova", "Tkachenko", "Popescu", "Papadopoulos", "Jovanović",
 * "Saakashvili", "Kowalczyk", "Sienkiewicz", "Kravchuk", "Yanukovych",
 * "Mitsotakis", "Brazauskas", "Kılıçdaroğlu", "Navrátilová" (a town so
 * named, "Moldova" or "Geneva", is in a list; "-yan" was left out, as
 * towns and other things end so too: "Bagumbayan", "Pragyan"),
 * or begins as Irish and Scottish ones do, also when the tagger left it
 * out ("a replacement for O'Keefe", "thanked O'Connor"; the lists know
 * "McAfee", "McAllen" and "O'Hare"; one the tagger took for a body stays
 * one: firms are named after people, "Carroll McEntee and McGinley"), but
 * not before a noun it qualifies ("Kuznetsky coal"). */
static void surnames_by_ending(state *st, const char *text,
                               const prism_token *tok, size_t ntok)
{
    static const char *const endings[] = {
        "skaya",       "skiy",        "sky",  "ski",    "ova",
        "eva",         "enko",        "escu", "oglu",   "opoulos",
        "idis",        "shvili",      "dze",  "ovic",   "evic",
        "ovi\xc4\x87", "evi\xc4\x87", "czyk", "czak",   "wicz",
        "chuk",        "ovych",       "akis", "auskas", "o\xc4\x9flu",
        "ov\xc3\xa1"};
    static const char *const links[] = {
        "and",  "or",  "to", "of",  "in",  "at",  "on",   "for",  "with",
        "from", "was", "is", "had", "has", "who", "said", "says", "became"};
    for (size_t i = 0; i < ntok; i++) {
        int t = st->tags[i];
        const char *w = text + tok[i].start;
        size_t n = tok[i].end - tok[i].start;
        bool gaelic = gaelic_surname(w, n);
        if (t ? ner_tag_part(t) != NER_U || ner_tag_type(t) == NER_PER ||
                    (gaelic && ner_tag_type(t) == NER_ORG)
              : !gaelic)
            continue;
        if (gaelic) { /* a list may know it, as a person's only */
            const uint32_t other = NOT_PER_NAME | (1u << NER_G_CITY);
            if (!(gaz_mask(phrase_gaz(st, i, i + 1)) & other) &&
                !(i + 2 <= ntok &&
                  (gaz_mask(phrase_gaz(st, i, i + 2)) & other)))
                st->tags[i] = (uint8_t)ner_tag(NER_PER, NER_U);
            continue;
        }
        if (st->info[i].cap != NER_CAP_TITLE ||
            (gaz_mask(phrase_gaz(st, i, i + 1)) & ~(1u << NER_G_PREFIX)))
            continue;
        /* not an adjective before its noun ("Kuznetsky coal") */
        if (i + 1 < ntok && st->info[i + 1].cap == NER_CAP_LOWER &&
            st->info[i + 1].alpha && !past_verb(st, text, tok, i + 1) &&
            !WORD_IN(text, tok, i + 1, links))
            continue;
        for (size_t k = 0; k < sizeof endings / sizeof *endings; k++) {
            size_t e = strlen(endings[k]);
            if (n > e + 2 && !memcmp(w + n - e, endings[k], e)) {
                st->tags[i] = (uint8_t)ner_tag(NER_PER, NER_U);
                break;
            }
        }
    }
}

/* A name after a goal's word and "from" or "by" is a scorer's, a person's:
 * "goals from Fumagalli and Caíque", "a header from Ohi Omoijuanfo", "a
 * penalty by Kane" (one or two words, and the name after "and"; not one a
 * list knows as a country or an organisation). */
static void scorers(state *st, const char *text, const prism_token *tok,
                    size_t ntok)
{
    static const char *const goals[] = {
        "goal",   "goals",     "header", "headers",   "penalty",
        "strike", "brace",     "double", "volley",    "finish",
        "effort", "hat-trick", "winner", "equaliser", "equalizer"};
    const uint32_t known = (1u << NER_G_COUNTRY) | (1u << NER_G_ORG) |
                           (1u << NER_G_ORGLIST) | (1u << NER_G_REGION);
    const ner_info *in = st->info;
    for (size_t a = 2; a < ntok; a++) {
        int part = ner_tag_part(st->tags[a]);
        if ((part != NER_B && part != NER_U) ||
            ner_tag_type(st->tags[a]) == NER_PER ||
            !(word_is(text, tok, a - 1, "from") ||
              word_is(text, tok, a - 1, "by")) ||
            in[a - 2].cap != NER_CAP_LOWER || !WORD_IN(text, tok, a - 2, goals))
            continue;
        for (int n = 0; n < 2 && a < ntok; n++) {
            size_t b = span_end(st, ntok, a);
            if (b - a > 2 || in[a].cap != NER_CAP_TITLE ||
                (gaz_mask(phrase_gaz(st, a, b)) & known))
                break;
            tag_span(st, a, b, NER_PER);
            /* "goals from Fumagalli and Caíque" */
            if (b + 1 >= ntok || !word_is(text, tok, b, "and") ||
                !st->tags[b + 1] || ner_tag_part(st->tags[b + 1]) == NER_I ||
                ner_tag_part(st->tags[b + 1]) == NER_L)
                break;
            a = b + 1;
        }
    }
}

/* A nationality before the name of a state's ministry, parliament or
 * court is no part of it, as CoNLL-2003 marks them: "the [Russian]
 * [Foreign Ministry]", "the [Brazilian] [Senate]", "the [Russian] [Duma]",
 * "the [Lebanese] [Ministry of Public Health]", "the [Israeli] [Supreme
 * Court]" (our lists know a few as one name); an army's, a navy's, a
 * party's or a council's name keeps it ("Mexican Army", "Scottish National
 * Party", "Nepali Congress", "Australian Council of Trade Unions"), as
 * CoNLL has them. */
static void nationality_off_bodies(state *st, const char *text,
                                   const prism_token *tok, size_t ntok)
{
    static const char *const offices[] = {
        "ministry",       "embassy",  "senate", "duma",
        "parliament",     "assembly", "house",  "supreme",
        "constitutional", "high",     "federal"};
    static const char *const heads[] = {"ministry", "embassy",    "senate",
                                        "duma",     "parliament", "assembly",
                                        "house",    "court",      "police"};
    /* a union's bodies and a nation's within a state keep theirs:
     * "European Parliament", "Scottish Parliament", "Catalan Parliament" */
    static const char *const unions[] = {
        "european", "african",  "arab",      "asian",    "nordic",
        "islamic",  "american", "caribbean", "scottish", "welsh",
        "catalan",  "basque",   "flemish",   "kurdish"};
    for (size_t a = 0; a + 1 < ntok; a++) {
        if (!st->tags[a] || ner_tag_type(st->tags[a]) == NER_PER ||
            ner_tag_part(st->tags[a]) != NER_B)
            continue; /* (the model may read the whole as MISC) */
        size_t b = span_end(st, ntok, a);
        if (b - a < 2)
            continue;
        /* the head: the last word, or the word before "of" */
        size_t h = b - 1;
        for (size_t k = a + 2; k < b; k++)
            if (word_is(text, tok, k, "of")) {
                h = k - 1;
                break;
            }
        if (has(phrase_gaz(st, a, a + 1), NER_G_NORP) &&
            !WORD_IN(text, tok, a, offices) &&
            !WORD_IN(text, tok, a,
                     PORTFOLIOS) && /* "a Labour Ministry official" */
            !WORD_IN(text, tok, a, unions) &&
            st->info[a + 1].cap == NER_CAP_TITLE &&
            (WORD_IN(text, tok, a + 1, offices) ||
             WORD_IN(text, tok, a + 1, PORTFOLIOS)) &&
            WORD_IN(text, tok, h, heads)) {
            st->tags[a] = (uint8_t)ner_tag(NER_MISC, NER_U);
            tag_span(st, a + 1, b, NER_ORG);
        }
        a = b - 1;
    }
}

/* Does the name [a, b) start with a word that opens clubs' names and is
 * no given name, and the name no place a list knows: "Dinamo Batumi",
 * "Lokomotiv Plovdiv", "Sporting Braga", "Hapoel Haifa" (which the tagger
 * may read as a person's)? */
static bool club_start(const state *st, size_t a, size_t b)
{
    static const char *const clubs[] = {
        "dinamo",   "dynamo",    "lokomotiv", "lokomotiva", "spartak",
        "torpedo",  "zenit",     "sporting",  "atletico",   "atlético",
        "athletic", "racing",    "olympique", "olympiacos", "borussia",
        "fortuna",  "eintracht", "rapid",     "slavia",     "sparta",
        "partizan", "legia",     "hapoel",    "maccabi",    "beitar",
        "cska",     "aek",       "paok",      "fc",         "fk",
        "nk",       "hnk",       "vfb",       "vfl",        "tsg",
        "pfc",      "hc",        "hk",        "sk",         "ks",
        "ssc",      "deportivo", "desportivo"};
    const uint32_t places = (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) |
                            (1u << NER_G_STATE) | (1u << NER_G_LOC) |
                            (1u << NER_G_REGION);
    return b - a >= 2 && b - a <= 3 && st->info[a].cap != NER_CAP_LOWER &&
           WORD_IN(st->text_cur, st->tok_cur, a, clubs) &&
           !(gaz_mask(phrase_gaz(st, a, b)) & places) &&
           !(gaz_mask(phrase_gaz(st, a, a + 1)) &
             ((1u << NER_G_FIRST) | (1u << NER_G_GIVEN)));
}

/* A club's word and the name the tagger found right after it, or after
 * a particle, are one club: "HC Slovan Bratislava", "Desportivo das
 * Aves", "SK Rapid Wien" (three words at most in all, as club_start()
 * wants). */
static void club_words(state *st, const char *text, const prism_token *tok,
                       size_t ntok)
{
    static const char *const particles[] = {"das", "dos", "do", "da", "de"};
    for (size_t i = 0; i + 1 < ntok; i++) {
        /* untagged, or tagged alone ("Desportivo" as a person) */
        if (st->info[i].cap == NER_CAP_LOWER || !st->info[i].alpha ||
            (st->tags[i] && ner_tag_part(st->tags[i]) != NER_U))
            continue;
        size_t a = i + 1;
        if (a + 1 < ntok && !st->tags[a] && WORD_IN(text, tok, a, particles))
            a++;
        if (a >= ntok || !st->tags[a] ||
            (ner_tag_part(st->tags[a]) != NER_B &&
             ner_tag_part(st->tags[a]) != NER_U))
            continue;
        size_t b = span_end(st, ntok, a);
        if (!club_start(st, i, b)) /* of at most three words */
            continue;
        tag_span(st, i, b, NER_ORG);
        i = b - 1;
    }
}

/* Can the place at token i have a club of its own that is no national or
 * regional side: a town, not a state ("Texas manager Johnny Oates" is a
 * place in CoNLL's baseball results), a country or a region? */
static bool town_side(const state *st, size_t i)
{
    uint32_t gm = gaz_mask(phrase_gaz(st, i, i + 1));
    if (gm &
        ((1u << NER_G_COUNTRY) | (1u << NER_G_REGION) | (1u << NER_G_ALIAS)))
        return false;
    /* a state that is a town too: "Wrexham" */
    return !(gm & (1u << NER_G_STATE)) || (gm & (1u << NER_G_CITY));
}

/* A town's name that is its club's or its firm's, by what is said around
 * it: "Wolfsburg sacked Dieter Hecking", "Kaiserslautern appointed Jeff
 * Strasser", "the Reading midfielder", "Wrexham manager Phil Parkinson",
 * "Reading's manager", "joined from
 * Augsburg", "on loan at Brentford", "scored 129 goals for Lyon", "the
 * match against Málaga", "a draw by Heidenheim", "beaten by Mainz", "had
 * eliminated Motherwell", "Falkirk were
 * beaten" (a town in the plural is its team), "two points ahead of
 * Krasnodar", "lost the final to Khimki", "will meet Veszprém", "Bayern
 * host Dortmund", "a winger for Ceará", "the youth system of Bahia",
 * "coached Giresunspor", "played for Lecce, Bari and Torino", "began her
 * career at Karşıyaka", "held Sevilla to a draw", "Heerenveen and Zwolle
 * shared the points". A country or a
 * region stays a place ("Germany beat France"). */
static void clubs_by_context(state *st, const char *text,
                             const prism_token *tok, size_t ntok)
{
    static const char *const deeds[] = {
        "sacked", "appointed", "signed", "hired",    "fired",
        "beat",   "thrashed",  "edged",  "trounced", "routed"};
    static const char *const roles[] = {
        "midfielder", "striker", "defender", "goalkeeper", "winger",
        "forward",    "coach",   "manager",  "captain",    "fans",
        "supporters", "squad",   "boss",     "player",     "players"};
    static const char *const joins[] = {"joined", "signed"};
    static const char *const scores[] = {
        "goals", "scored", "played", "appearances", "games", "matches", "plays",
        "playing", "play", "rode", "races", "seasons", "points", "runs",
        "wickets", "tries",
        /* "played club rugby for Bayonne" */
        "rugby", "cricket", "football", "hockey", "basketball"};
    static const char *const games[] = {
        "win",   "victory", "defeat",     "match",         "game",
        "draw",  "loss",    "clash",      "tie",           "fixture",
        "final", "series",  "semi-final", "quarter-final", "derby"};
    static const char *const points[] = {"points", "point", "clear"};
    static const char *const against[] = {"against", "over", "to", "with",
                                          "by"};
    static const char *const beaten[] = {"beaten", "defeated", "thrashed",
                                         "eliminated"};
    static const char *const beat[] = {
        "beat",    "eliminated", "thrashed", "edged",    "meet",
        "meets",   "face",       "faces",    "host",     "hosts",
        "beating", "thrashing",  "coached",  "captained"};
    static const char *const positions[] = {
        "midfielder", "striker", "defender", "goalkeeper", "winger", "forward",
        "centre-back", "center-back", "full-back",
        /* rugby's: "plays as a lock for Black Lion" */
        "lock", "prop", "hooker", "flanker", "fly-half", "scrum-half",
        "fullback",
        /* cricket's: "Canterbury batter Chad Bowes" */
        "batter", "batsman", "bowler", "all-rounder", "wicketkeeper", "spinner",
        "seamer", "paceman"};
    /* and those a national or a county side has too ("Wales coach Steve
     * Tandy"): a town's only */
    static const char *const leaders[] = {"coach", "manager", "captain",
                                          "skipper", "boss"};
    static const char *const academies[] = {"system", "academy", "academies"};
    static const char *const spells[] = {"spell", "spells", "stint", "stints"};
    static const char *const fates[] = {
        "beaten",  "drawn",    "held",    "relegated", "promoted",
        "knocked", "unbeaten", "crowned", "thrashed",  "eliminated"};
    const ner_info *in = st->info;
    const uint32_t not_towns =
        (1u << NER_G_COUNTRY) | (1u << NER_G_REGION) | (1u << NER_G_PERSON);
    size_t last_club = SIZE_MAX;
    for (size_t i = 0; i < ntok; i++) {
        /* (a club the tagger found already still opens a list of them) */
        int type = ner_tag_type(st->tags[i]);
        if ((type != NER_LOC && type != NER_ORG) || in[i].cap != NER_CAP_TITLE)
            continue;
        /* a town's or a region's side of one to three words before a
         * player's position and a name: "St Helens winger Tommy
         * Makinson", "Canterbury batter Chad Bowes" (not a country's side,
         * which CoNLL-2003 marks as the country) */
        size_t e = span_end(st, ntok, i);
        bool position = e - i <= 3 && e + 1 < ntok &&
                        in[e].cap == NER_CAP_LOWER &&
                        WORD_IN(text, tok, e, positions) &&
                        in[e + 1].cap == NER_CAP_TITLE &&
                        !(gaz_mask(phrase_gaz(st, i, e)) &
                          ((1u << NER_G_COUNTRY) | (1u << NER_G_PERSON)));
        if (ner_tag_part(st->tags[i]) == NER_B) {
            if (position)
                tag_span(st, i, e, NER_ORG);
            i = e - 1;
            continue;
        }
        if (ner_tag_part(st->tags[i]) != NER_U ||
            (!position && (gaz_mask(phrase_gaz(st, i, i + 1)) & not_towns)))
            continue;
        bool club = false;
        size_t j = i + 1;
        if (position)
            club = true;
        else if (j < ntok && apostrophe_tok(text, &tok[j]))
            club = j + 1 < ntok && in[j + 1].cap == NER_CAP_LOWER &&
                   WORD_IN(text, tok, j + 1, roles); /* "Reading's manager" */
        else if (j + 1 < ntok && word_is(text, tok, j, "were") &&
                 !(i > 0 && (word_is(text, tok, i - 1, "and") ||
                             word_is(text, tok, i - 1, "or") ||
                             word_is(text, tok, i - 1, "in") ||
                             word_is(text, tok, i - 1, "at") ||
                             word_is(text, tok, i - 1, "near"))))
            club = WORD_IN(text, tok, j + 1, fates); /* "Falkirk were beaten" */
        else if (j < ntok && in[j].cap == NER_CAP_LOWER)
            club = WORD_IN(text, tok, j, deeds)
                       ? j + 1 < ntok && in[j + 1].cap != NER_CAP_LOWER
                       : (WORD_IN(text, tok, j, roles) && i > 0 &&
                          word_is(text, tok, i - 1, "the")) ||
                             (j + 1 < ntok && in[j + 1].cap == NER_CAP_TITLE &&
                              WORD_IN(text, tok, j, positions)) ||
                             /* "Bologna striker Santiago Castro", "Wrexham
                              * manager Phil Parkinson", "Brighton head
                              * coach Fabian Hürzeler" */
                             (town_side(st, i) && j + 1 < ntok &&
                              in[j + 1].cap == NER_CAP_TITLE &&
                              WORD_IN(text, tok, j, leaders)) ||
                             (town_side(st, i) && j + 2 < ntok &&
                              word_is(text, tok, j, "head") &&
                              word_is(text, tok, j + 1, "coach") &&
                              in[j + 2].cap == NER_CAP_TITLE);
        if (!club && i > 1 && in[i - 1].cap == NER_CAP_LOWER &&
            in[i - 2].cap == NER_CAP_LOWER) {
            size_t p = i - 1, q = i - 2;
            club = (word_is(text, tok, p, "from") &&
                    WORD_IN(text, tok, q, joins)) ||
                   ((word_is(text, tok, p, "at") ||
                     word_is(text, tok, p, "from") ||
                     word_is(text, tok, p, "to")) &&
                    word_is(text, tok, q, "loan")) ||
                   (word_is(text, tok, p, "to") &&
                    word_is(text, tok, q, "loaned")) ||
                   (word_is(text, tok, p, "to") &&
                    word_is(text, tok, q, "home")) || /* "at home to Mainz" */
                   (word_is(text, tok, p, "for") &&
                    WORD_IN(text, tok, q, scores)) ||
                   (WORD_IN(text, tok, p, against) &&
                    WORD_IN(text, tok, q, games)) ||
                   (word_is(text, tok, p, "by") &&
                    WORD_IN(text, tok, q, beaten)) ||
                   (word_is(text, tok, p, "behind") &&
                    WORD_IN(text, tok, q, points)) || /* "two points behind" */
                   (word_is(text, tok, p, "of") &&
                    word_is(text, tok, q, "ahead") && i > 2 &&
                    WORD_IN(text, tok, i - 3, points)) ||
                   /* "plays as a winger for Ceará" */
                   (word_is(text, tok, p, "for") &&
                    WORD_IN(text, tok, q, positions)) ||
                   /* "came through the youth system of Bahia" */
                   (word_is(text, tok, p, "of") &&
                    WORD_IN(text, tok, q, academies)) ||
                   /* "spells at Barnsley", "a stint with Crewe", "began
                    * his career with Walsall" */
                   ((word_is(text, tok, p, "at") ||
                     word_is(text, tok, p, "with")) &&
                    WORD_IN(text, tok, q, spells)) ||
                   ((word_is(text, tok, p, "with") ||
                     word_is(text, tok, p, "at")) &&
                    word_is(text, tok, q, "career"));
        }
        /* "held Sevilla to a 1-1 draw": a side is held to a draw; and
         * "Heerenveen and Zwolle shared the points" */
        if (!club && i > 0 && i + 2 < ntok &&
            word_is(text, tok, i - 1, "held") &&
            word_is(text, tok, i + 1, "to"))
            for (size_t k = i + 2; k < ntok && k < i + 9 && !club; k++)
                club = word_is(text, tok, k, "draw");
        if (!club && i + 3 < ntok) {
            size_t k = i + 1;
            if (k + 3 < ntok && word_is(text, tok, k, "and") &&
                in[k + 1].cap == NER_CAP_TITLE)
                k += 2;
            club = word_is(text, tok, k, "shared") &&
                   word_is(text, tok, k + 1, "the") &&
                   (word_is(text, tok, k + 2, "points") ||
                    word_is(text, tok, k + 2, "spoils"));
            if (club && k == i + 3 && ner_tag_part(st->tags[i + 2]) == NER_U)
                st->tags[i + 2] = (uint8_t)ner_tag(NER_ORG, NER_U);
            /* (the side before "and" the tagger left out) */
            if (club && k == i + 1 && i > 1 &&
                word_is(text, tok, i - 1, "and") &&
                in[i - 2].cap == NER_CAP_TITLE && in[i - 2].alpha &&
                (!st->tags[i - 2] || ner_tag_part(st->tags[i - 2]) == NER_U))
                st->tags[i - 2] = (uint8_t)ner_tag(NER_ORG, NER_U);
        }
        /* "Como sealed promotion to Serie A" */
        static const char *const won[] = {"sealed",  "won",      "earned",
                                          "secured", "clinched", "missed"};
        if (!club && i + 2 < ntok && in[i + 1].cap == NER_CAP_LOWER &&
            WORD_IN(text, tok, i + 1, won) &&
            word_is(text, tok, i + 2, "promotion"))
            club = true;
        if (!club && i > 0 && in[i - 1].cap == NER_CAP_LOWER)
            club = WORD_IN(text, tok, i - 1,
                           beat); /* "had eliminated Motherwell" */
        /* the next town in a list of clubs: "played for Lecce, Bari and
         * Torino" */
        if (!club && last_club != SIZE_MAX && i == last_club + 2 &&
            (word_is(text, tok, i - 1, ",") ||
             word_is(text, tok, i - 1, "and")))
            club = true;
        if (club) {
            st->tags[i] = (uint8_t)ner_tag(NER_ORG, NER_U);
            last_club = i;
        }
    }
}

/* Bodies named by what is done with them: a band or a company one plays,
 * sings or tours "with the" ("played with the Cool Crooners", "sang with
 * the Cape Town Opera"), and a journal a study is "published in"
 * ("published in the Annals of Internal Medicine"; not "published in
 * London"). Tags the capitalised words there, with "of" inside, as an
 * organisation, unless a list knows them as a place or a person. */
static void bodies_by_verbs(state *st, const char *text, const prism_token *tok,
                            size_t ntok)
{
    const uint32_t not_body = (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) |
                              (1u << NER_G_STATE) | (1u << NER_G_REGION) |
                              (1u << NER_G_LOC) | (1u << NER_G_PERSON) |
                              (1u << NER_G_ALIAS);
    const ner_info *in = st->info;
    const uint32_t with = ner_hash_bytes("with", 4, 2),
                   the = ner_hash_bytes("the", 3, 2),
                   in_ = ner_hash_bytes("in", 2, 2),
                   published = ner_hash_bytes("published", 9, 2);
    for (size_t v = 0; v + 3 < ntok; v++) {
        if (in[v].cap != NER_CAP_LOWER || in[v + 1].cap != NER_CAP_LOWER)
            continue;
        size_t a;
        if (in[v + 1].h_lower == with && in[v + 2].h_lower == the &&
            (word_rule(st, v) & WR_PERFORM))
            a = v + 3;
        else if (in[v + 1].h_lower == in_ && in[v].h_lower == published)
            a = in[v + 2].h_lower == the ? v + 3 : v + 2;
        else
            continue;
        if (a >= ntok || in[a].cap != NER_CAP_TITLE || !in[a].alpha ||
            (st->tags[a] && ner_tag_part(st->tags[a]) != NER_B &&
             ner_tag_part(st->tags[a]) != NER_U))
            continue;
        size_t b = a + 1;
        while (b < ntok && b < a + 8 &&
               ((in[b].cap == NER_CAP_TITLE && in[b].alpha) ||
                (word_is(text, tok, b, "of") && b + 1 < ntok &&
                 in[b + 1].cap == NER_CAP_TITLE)))
            b++;
        if (st->tags[a] && span_end(st, ntok, a) != b)
            continue; /* the tagger read other names there */
        if ((gaz_mask(phrase_gaz(st, a, b)) & not_body) ||
            (b == a + 1 && in[a].common && !st->tags[a]))
            continue;
        tag_span(st, a, b, NER_ORG);
    }
}

/* The name of a place the lists know (a country, a town, a state, a
 * region or another place; not a person's too), tagged as a place, of
 * three letters or more, not a possessor, from token a to b. */
static bool known_place(const state *st, const char *text,
                        const prism_token *tok, size_t ntok, size_t a, size_t b)
{
    const uint32_t places = (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) |
                            (1u << NER_G_STATE) | (1u << NER_G_LOC) |
                            (1u << NER_G_REGION);
    uint32_t g = gaz_mask(phrase_gaz(st, a, b));
    return ner_tag_type(st->tags[a]) == NER_LOC &&
           ((g & places) || !(g & ~(1u << NER_G_PREFIX))) &&
           !(g & ((1u << NER_G_PERSON) | (1u << NER_G_FIRST))) &&
           tok[b - 1].end - tok[a].start >= 3 &&
           !(b < ntok && apostrophe_tok(text, &tok[b]));
}

/* The place whose name ends at token i, or `a` (not one). */
static size_t place_start(const state *st, size_t i, size_t a)
{
    int part = ner_tag_part(st->tags[i]);
    if (ner_tag_type(st->tags[i]) != NER_LOC ||
        (part != NER_L && part != NER_U))
        return a;
    return span_start(st, i);
}

/* A name the tagger took for a person's, no word of which a list knows as
 * a person's, or for an organisation's, one word that a list knows as a
 * town's and not a body's, is a place when "and" or "or" joins it to a
 * place ("between Puttgarden and Rødby"; the organisation after a place
 * after "in", "at", "near" or "between": "in Magdeburg and Halle", and
 * after "between" one no list knows either, "between Genoa and Casella") or
 * when "from" it "to" a place or "from" a place "to" it are said ("from
 * Myra to Bari", "the line from Gmünd to Groß Gerungs"). A person's name
 * that a list knows as a town's is the town where one is born, dies or
 * lives ("Born in Lyon,"), or whose mayor or death toll is named
 * ("Darwin's death toll"). */
static void places_in_company(state *st, const char *text,
                              const prism_token *tok, size_t ntok)
{
    const uint32_t people = (1u << NER_G_PERSON) | (1u << NER_G_FIRST) |
                            (1u << NER_G_GIVEN) | (1u << NER_G_NEWS);
    const uint32_t towns =
        (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) | (1u << NER_G_STATE);
    const uint32_t bodies = (1u << NER_G_ORG) | (1u << NER_G_ORGLIST);
    static const char *const settled[] = {"born",   "died",  "buried",
                                          "raised", "lived", "settled"};
    static const char *const at[] = {"in", "at", "near", "between"};
    static const char *const town_nouns[] = {
        "toll",    "tolls",  "mayor",   "council",   "airport",   "port",
        "harbour", "harbor", "streets", "residents", "population"};
    for (size_t a = 2; a < ntok; a++) {
        int part = ner_tag_part(st->tags[a]);
        int type = ner_tag_type(st->tags[a]);
        if ((part != NER_B && part != NER_U) ||
            (type != NER_PER && type != NER_ORG))
            continue;
        size_t b = span_end(st, ntok, a);
        uint32_t g = gaz_mask(phrase_gaz(st, a, b));
        bool known = g & people;
        if (type == NER_ORG) /* "in Magdeburg and Halle": a known town; */
            known = b > a + 1 || (g & bodies) ||
                    (!(g & towns) && /* any after "between" a place "and" */
                     !(a >= 3 && word_is(text, tok, a - 3, "between")));
        for (size_t i = a; i < b && !known; i++)
            known = (gaz_mask(phrase_gaz(st, i, i + 1)) & people) ||
                    !st->info[i].alpha;
        bool place = false;
        size_t s = place_start(st, a - 2, a); /* the place before */
        if (!known && s < a && known_place(st, text, tok, ntok, s, a - 1) &&
            !(s > 0 && word_is(text, tok, s - 1, "of")) &&
            (type == NER_PER || (s > 0 && WORD_IN(text, tok, s - 1, at)))) {
            if (word_is(text, tok, a - 1, "and") ||
                word_is(text, tok, a - 1, "or"))
                place = true;
            else if (word_is(text, tok, a - 1, "to"))
                place = s > 0 && word_is(text, tok, s - 1, "from");
        }
        if (!known && !place && b + 1 < ntok && type == NER_PER &&
            (word_is(text, tok, b, "and") || word_is(text, tok, b, "or") ||
             (word_is(text, tok, b, "to") &&
              word_is(text, tok, a - 1, "from")))) {
            int next = ner_tag_part(st->tags[b + 1]); /* the place after */
            place = (next == NER_B || next == NER_U) &&
                    known_place(st, text, tok, ntok, b + 1,
                                span_end(st, ntok, b + 1));
        }
        /* "Darwin's death toll", "Lincoln's mayor": what only a town has */
        if (!place && type == NER_PER && b == a + 1 && (g & towns) &&
            b + 2 < ntok && apostrophe_tok(text, &tok[b])) {
            size_t k = b + 1;
            if (word_is(text, tok, k, "death"))
                k++;
            place = WORD_IN(text, tok, k, town_nouns);
        }
        /* "Born in Lyon,": a town's name where one is born, dies or lives */
        if (!place && type == NER_PER && (g & towns) &&
            word_is(text, tok, a - 1, "in") &&
            WORD_IN(text, tok, a - 2, settled) &&
            !(b < ntok && apostrophe_tok(text, &tok[b])))
            place = true;
        if (place)
            tag_span(st, a, b, NER_LOC);
        a = b - 1;
    }
}

/* The label that a defining noun gives the name it defines ("a football
 * club", "a village", "a river", "a painter"), or -1. */
static int head_label(const char *w, size_t n)
{
    static const char *const org[] = {
        "club",        "company",      "band",         "party",
        "university",  "college",      "bank",         "firm",
        "airline",     "manufacturer", "organisation", "organization",
        "agency",      "association",  "federation",   "team",
        "corporation", "conglomerate", "retailer",     "orchestra",
        "choir",       "newspaper",    "magazine",     "publisher",
        "broadcaster", "charity",      "foundation",   "brewery",
        "insurer",     "subsidiary",   "label",        "ministry",
        "partnership", "operator",     "group",        "lender",
        "wholesaler",  "carmaker",     "chain",        "utility",
        "maker",       "automaker",    "chipmaker",    "drugmaker",
        "shipbuilder", "business",     "cooperative",  "co-operative",
        "studio",      "pollster",     "website",      "portal",
        "daily",       "tabloid",      "supermarket",  "exporter",
        "distributor", "supplier",     "contractor",   "startup",
        "start-up",    "consortium",   "institute",    "alliance",
        "coalition",   "movement",     "union",        "refiner",
        "unit",        "division",     "committee",    "brewer",
        "gang",        "cartel",       "militia",      "chamber",
        "syndicate"};
    static const char *const gpe[] = {
        "village",      "town",         "city",      "municipality",
        "commune",      "county",       "district",  "province",
        "capital",      "suburb",       "hamlet",    "settlement",
        "borough",      "township",     "country",   "republic",
        "kingdom",      "principality", "port",      "neighbourhood",
        "neighborhood", "canton",       "prefecture"};
    static const char *const loc[] = {
        "river",  "lake",    "mountain", "island",  "peninsula",   "valley",
        "sea",    "desert",  "forest",   "volcano", "glacier",     "strait",
        "canal",  "bay",     "gulf",     "ocean",   "archipelago", "plateau",
        "region", "estuary", "delta",    "lagoon",  "reservoir"};
    static const char *const per[] = {"poet",          "writer",
                                      "novelist",      "playwright",
                                      "painter",       "sculptor",
                                      "composer",      "musician",
                                      "singer",        "songwriter",
                                      "rapper",        "guitarist",
                                      "pianist",       "violinist",
                                      "actor",         "actress",
                                      "comedian",      "filmmaker",
                                      "photographer",  "architect",
                                      "philosopher",   "theologian",
                                      "physicist",     "chemist",
                                      "biologist",     "mathematician",
                                      "astronomer",    "economist",
                                      "historian",     "sociologist",
                                      "journalist",    "inventor",
                                      "explorer",      "astronaut",
                                      "politician",    "lawyer",
                                      "diplomat",      "footballer",
                                      "cricketer",     "athlete",
                                      "businessman",   "businesswoman",
                                      "entrepreneur",  "activist",
                                      "investor",      "soldier",
                                      "player",        "scholar",
                                      "bishop",        "god",
                                      "goddess",       "deity",
                                      "director",      "screenwriter",
                                      "dancer",        "choreographer",
                                      "conductor",     "pupil",
                                      "student",       "teacher",
                                      "teenager",      "man",
                                      "woman",         "boy",
                                      "girl",          "widow",
                                      "skater",        "surfer",
                                      "harpist",       "cellist",
                                      "organist",      "flautist",
                                      "drummer",       "saxophonist",
                                      "trumpeter",     "vocalist",
                                      "organiser",     "organizer",
                                      "chef",          "judge",
                                      "preacher",      "weaver",
                                      "potter",        "sprinter",
                                      "cyclist",       "boxer",
                                      "golfer",        "swimmer",
                                      "wrestler",      "jockey",
                                      "nurse",         "doctor",
                                      "surgeon",       "physician",
                                      "scientist",     "engineer",
                                      "botanist",      "zoologist",
                                      "geologist",     "linguist",
                                      "archaeologist", "anthropologist",
                                      "priest",        "monk",
                                      "nun",           "imam",
                                      "rabbi",         "farmer",
                                      "fisherman",     "philanthropist",
                                      "cleric",        "magistrate",
                                      "prosecutor",    "illustrator",
                                      "cartoonist",    "author",
                                      "essayist",      "critic",
                                      "presenter",     "translator",
                                      "schoolteacher", "lecturer",
                                      "professor",     "researcher",
                                      "elder",         "typographer",
                                      "dentist",       "pharmacist",
                                      "plumber",       "mechanic",
                                      "driver",        "worker",
                                      "figure",        "demigod",
                                      "hero",          "heroine",
                                      "trickster",     "character",
                                      "protagonist",   "villain"};
    /* works, languages and machines: "a 1973 Senegalese film", "a
     * lightweight scripting language", "a ternary computer" */
    static const char *const misc[] = {
        "film", "novel", "album", "song", "opera", "painting", "poem", "ballet",
        "symphony", "musical", "sitcom", "language", "satellite", "frigate",
        "locomotive", "computer", "manga", "memoir", "novella", "sculpture",
        /* a named storm's and a ship's: "Sara, a slow-moving tropical
         * storm", "The Esmeralda is a four-masted barquentine" */
        "storm", "typhoon", "hurricane", "ship", "steamship", "vessel",
        /* a feast's: "Dev Deepawali, the festival of lights" */
        "festival", "feast", "barquentine", "schooner", "yacht", "tanker",
        "submarine", "destroyer", "cruiser", "battleship", "corvette",
        "icebreaker", "trawler"};
    char one[24]; /* a plural's singular: "companies", "clubs" */
    if (n > 3 && n < sizeof(one) && w[n - 1] == 's') {
        size_t k = n - 1;
        memcpy(one, w, k);
        if (n > 4 && !memcmp(w + n - 3, "ies", 3)) {
            one[n - 3] = 'y';
            k = n - 2;
        }
        if (k != n - 1 || w[n - 2] != 's') {
            int l = head_label(one, k);
            if (l >= 0)
                return l;
        }
    }
    if (ONE_OF(w, n, org))
        return L_ORG;
    if (ONE_OF(w, n, gpe))
        return L_GPE;
    if (ONE_OF(w, n, loc))
        return L_LOC;
    if (ONE_OF(w, n, per))
        return L_PERSON;
    if (ONE_OF(w, n, misc))
        return L_MISC;
    return -1;
}

/* The label of the noun phrase that starts at token k, after "a", "an"
 * or "the", when it defines a name: the last of head_label's nouns in the
 * run of at most five words (lower-case, hyphenated, or capitalised:
 * nationalities and places)
 * before a little word such as "in", "of" or "that" ("a venture capital
 * firm from Dallas": "firm", not "capital"); not a noun before "'s" ("the
 * party's leader") nor an organisation's before "of" ("a network of
 * tunnels"; a person's may: "the goddess of night", "a trickster figure
 * of Akan folklore"). `closed`: the phrase must end at a comma, a full
 * stop, such a little word or a number, not at a verb ("Shiraz, the
 * newspaper said" is no apposition). -1 when there is no such noun. */
static int defined_label(const state *st, const char *text,
                         const prism_token *tok, size_t ntok, size_t k,
                         bool closed)
{
    static const char *const stops[] = {
        "in", "of", "from", "for", "with", "based", "by", "that", "which",
        "who", "whose", "on", "at", "near", "to", "and", "or", "but", "as",
        "where", "located", "about", "just", "east", "west", "north", "south",
        "northeast", "northwest", "southeast", "southwest",
        /* "the shipping group founded in Norway" */
        "founded", "listed", "owned", "headquartered", "controlled", "created",
        "named", "run", "formed", "known", "set", "established", "launched",
        "backed", "led"};
    /* a firm's trade whose "of" says what it makes or sells: "a maker of
     * irrigation equipment" (not "a network of tunnels") */
    static const char *const makers[] = {
        "maker", "manufacturer", "supplier", "distributor", "exporter",
        "retailer", "refiner", "wholesaler", "publisher", "brewer", "operator",
        "importer",
        /* and a part of a firm, whose "of" names the firm: "Pharmaq, a
         * unit of Zoetis" */
        "unit", "division", "subsidiary"};
    const ner_info *in = st->info;
    uint32_t of = ner_hash_bytes("of", 2, 2);
    size_t end = k + 5;
    int head = -1;
    for (; k < ntok && k < end; k++) {
        const char *w = text + tok[k].start;
        size_t n = tok[k].end - tok[k].start;
        if (in[k].cap != NER_CAP_LOWER || !in[k].alpha) {
            if (head < 0 && (memchr(w, '-', n) ||
                             (in[k].cap == NER_CAP_TITLE && in[k].alpha) ||
                             (n == 4 && in[k].digit && !in[k].alpha)))
                continue; /* "19th-century", "Danish", "New York", "a 1973
                             film" */
            break;
        }
        if (ONE_OF(w, n, stops))
            break;
        if (head >= 0 && n > 4 && !memcmp(w + n - 3, "ing", 3))
            return head; /* "a company specializing in", "a San Diego
                            company working on" */
        if (k + 1 < ntok && apostrophe_tok(text, &tok[k + 1]))
            return -1; /* "the site's director": someone else's */
        int l = head_label(w, n);
        if (l < 0) {
            if (head >= 0 && closed)
                return -1; /* "the newspaper said" */
            continue;
        }
        if (k + 1 < ntok &&
            (apostrophe_tok(text, &tok[k + 1]) ||
             (in[k + 1].h_lower == of && l == L_ORG && !ONE_OF(w, n, makers))))
            return -1;
        head = l;
    }
    if (head < 0 || !closed || k >= ntok)
        return head;
    const char *w = text + tok[k].start;
    size_t n = tok[k].end - tok[k].start;
    if ((n == 1 && strchr(",.;:)", *w)) || (*w >= '0' && *w <= '9') ||
        (in[k].cap == NER_CAP_LOWER && ONE_OF(w, n, stops)))
        return head;
    return -1;
}

/* Does an opening phrase of its sentence end at the comma, token c:
 * "Based in Elkhart, Ind.," "In 2019," "After the war,"? Its first word
 * is a participle or a preposition, at most twelve tokens before. */
static bool clause_opener(const state *st, const char *text,
                          const prism_token *tok, size_t c)
{
    static const char *const openers[] = {
        "based", "founded", "headquartered", "located", "in",
        "after", "before",  "since",         "during",  "by",
        "until", "like",    "unlike"};
    for (size_t k = c; k-- > 0 && k + 12 > c;)
        if (st->info[k].first)
            return WORD_IN(text, tok, k, openers);
    return false;
}

/* A name defined by the noun phrase after it takes that phrase's label
 * (defined_label): a name that opens a sentence and "is" or "was" a
 * something ("Vesterbro Boldklub is a Danish football club", "Tessaro
 * was an Italian painter"), or any name in apposition ("Whittier, a port
 * in California", "Brandvold, a Norwegian painter,"). In CoNLL train and
 * dev the sixteen such definitions agree with the gold label, and so do
 * the appositions that the rule keeps. */
static void definitions(state *st, const char *text, const prism_token *tok,
                        size_t ntok, size_t nmen)
{
    const ner_info *in = st->info;
    uint32_t is = ner_hash_bytes("is", 2, 2), was = ner_hash_bytes("was", 3, 2);
    uint32_t the = ner_hash_bytes("the", 3, 2);
    for (size_t m = 0; m < nmen; m++) {
        size_t a = st->men[m].a, b = st->men[m].b;
        /* past its name in another language, in brackets: "Tanaka
         * Lacquerware (Japanese: Tanaka Shikki) is a lacquerware maker"
         * (not past dates: "Heinrich Strasser (1910–1998) was an Austrian
         * ski maker") */
        size_t close = 0;
        if (b + 2 < ntok && word_is(text, tok, b, "(") &&
            word_is(text, tok, b + 2, ":") && in[b + 1].cap == NER_CAP_TITLE)
            for (size_t j = b + 3; j < ntok && j < b + 16 && !close; j++)
                if (word_is(text, tok, j, ")"))
                    close = j;
        size_t name_end = b;
        if (close)
            b = close + 1;
        if (b + 2 >= ntok)
            continue;
        /* the phrase's determiner: an article, or a capitalised name and
         * "'s" ("Petro-Canada, Canada's state-owned oil company") */
        size_t k;
        if (ONE_OF(text + tok[b + 1].start, tok[b + 1].end - tok[b + 1].start,
                   ARTICLES))
            k = b + 2;
        else if (b + 3 < ntok && in[b + 1].cap == NER_CAP_TITLE &&
                 apostrophe_tok(text, &tok[b + 2]))
            k = b + 3;
        else if (b + 5 < ntok && word_is(text, tok, b + 1, "one") &&
                 word_is(text, tok, b + 2, "of") &&
                 word_is(text, tok, b + 3, "the"))
            k = b + 4; /* "Enso-Gutzeit, one of the largest forest companies" */
        else
            continue;
        /* (or opens the clause after an opening phrase's comma: "Based
         * in Elkhart, Ind., Schult is the largest maker") */
        bool opens = in[a].first ||
                     (a > 0 && in[a - 1].first && in[a - 1].h_lower == the) ||
                     (a > 2 && word_is(text, tok, a - 1, ",") &&
                      clause_opener(st, text, tok, a - 1));
        bool copula = in[b].h_lower == is || in[b].h_lower == was;
        bool comma =
            tok[b].end - tok[b].start == 1 && text[tok[b].start] == ',';
        int l = -1;
        if (opens && copula)
            l = defined_label(st, text, tok, ntok, k, false);
        else if (comma)
            l = defined_label(st, text, tok, ntok, k, true);
        /* not a firm's name by its last word: "Greywater Mining, a junior
         * gold explorer" */
        if (l == L_PERSON && in[b - 1].cap == NER_CAP_TITLE &&
            (word_rule(st, b - 1) & WR_ORGH))
            continue;
        /* nor a country's or city's as the trade's: "Colombia, the second
         * largest exporter", "left Belgium for Britain, a nurse who", or
         * as the thing's in apposition: "at Te Matatini in New Plymouth,
         * the national festival" (not "The Batavia was a ship") */
        if ((l == L_ORG || l == L_PERSON || (l == L_MISC && !copula)) &&
            st->men[m].label == L_GPE &&
            (gaz_mask(phrase_gaz(st, a, b)) &
             ((1u << NER_G_COUNTRY) | (1u << NER_G_STATE) |
              (1u << NER_G_CITY))))
            continue;
        if (l < 0)
            continue;
        st->men[m].label = (uint8_t)l;
        /* and so is its name in its own language in the brackets */
        for (size_t q = m + 1; close && q < nmen && st->men[q].a < close; q++)
            if (st->men[q].a > name_end + 2 &&
                word_is(text, tok, st->men[q].a - 1, ":"))
                st->men[q].label = (uint8_t)l;
    }
}

/* A news agency's sign-off at the end of a story ("... per share.\n
 * Reuter", "(33.7).   REUTER", twice or with a stray "^M" after it): the
 * agency, an organisation, not a person; and so is the same word
 * elsewhere in the story. */
static void agency_signoff(state *st, const char *text, const prism_token *tok,
                           size_t ntok, size_t nmen)
{
    static const char *const agencies[] = {
        "reuter", "reuters", "ap",    "afp",  "upi",    "dpa",
        "ansa",   "xinhua",  "kyodo", "tass", "yonhap", "efe"};
    size_t end = ntok; /* the words after the sign-offs met so far */
    while (end > 0 && (!st->info[end - 1].alpha ||
                       (end > 1 && text[tok[end - 2].start] == '^' &&
                        tok[end - 1].end - tok[end - 1].start == 1)))
        end--; /* punctuation, and "^M" written out */
    for (size_t m = nmen; m-- > 0;) {
        mention *x = &st->men[m];
        if (x->b != end || x->b - x->a != 1 || x->a == 0 ||
            !ONE_OF(text + tok[x->a].start, tok[x->a].end - tok[x->a].start,
                    agencies) ||
            (!(tok[x->a].flags & PRISM_TF_NEWLINE) && st->info[x->a - 1].alpha))
            return;
        /* and so is the word elsewhere in the story ("a Reuter survey") */
        uint32_t key = st->info[x->a].key;
        for (size_t k = 0; k < nmen; k++)
            if (st->men[k].b - st->men[k].a == 1 &&
                st->info[st->men[k].a].key == key)
                st->men[k].label = L_ORG;
        end = x->a;
        while (end > 0 && !st->info[end - 1].alpha)
            end--;
    }
}

/* Does a list know the word at token i with the "'s" after it as an
 * organisation's name ("Moody's")? The list keeps such a name as one word,
 * where the tokenizer splits off the "'s". */
static bool org_with_s(const state *st, const char *text,
                       const prism_token *tok, size_t i)
{
    char buf[64];
    size_t n = 0;
    for (uint32_t p = tok[i].start; p < tok[i + 1].end; p++) {
        unsigned char c = (unsigned char)text[p];
        if (c == 0xE2 && p + 2 < tok[i + 1].end &&
            (unsigned char)text[p + 1] == 0x80 &&
            (unsigned char)text[p + 2] == 0x99) {
            c = '\'';
            p += 2; /* the curly apostrophe */
        }
        if (n + 1 >= sizeof(buf) || c >= 0x80)
            return false;
        buf[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    const struct ner_gslot *g =
        ner_gaz_find(&st->model, ner_hash_bytes(buf, n, 0x5eed));
    return has(g, NER_G_ORG);
}

/* Names of companies that the story also gives in full: a name that
 * begins a company's name ending in its designator or a company's word
 * ("USAir" after "USAir Group Inc", "American Medical" after "American
 * Medical International Inc") is that company, whatever the model took it
 * for, when no list knows it as anything else; and a one-word name before
 * "'s" that a list knows with the "'s" as an organisation ("Moody's") is
 * that organisation, "'s" and all. */
static void company_short_names(state *st, const char *text,
                                const prism_token *tok, size_t ntok,
                                size_t nmen)
{
    enum { MAX_FULL = 64 };
    uint32_t full[MAX_FULL]; /* the full names' mentions */
    size_t nfull = 0;
    static const char *const company_words[] = {
        "corporation", "company",     "group",    "holdings", "bancorp",
        "industries",  "enterprises", "airlines", "bank"};
    const ner_info *in = st->info;
    for (size_t m = 0; m < nmen && nfull < MAX_FULL; m++) {
        const mention *x = &st->men[m];
        const prism_token *last = &tok[x->b - 1];
        if (x->label == L_ORG && x->b - x->a >= 2 &&
            (ONE_OF(text + last->start, last->end - last->start, DESIGNATORS) ||
             ONE_OF(text + last->start, last->end - last->start,
                    company_words)))
            full[nfull++] = (uint32_t)m;
    }
    for (size_t m = 0; m < nmen; m++) {
        mention *x = &st->men[m];
        size_t len = x->b - x->a;
        if (x->label == L_ORG)
            continue;
        if (len == 1 && x->b < ntok && apostrophe_tok(text, &tok[x->b]) &&
            org_with_s(st, text, tok, x->a)) {
            x->label = L_ORG;
            x->b++;
            continue;
        }
        /* words a list knows as anything else stay what they are
         * ("Scottish" of "Scottish Football Association", "Jones" of
         * "Jones Medical"; but "AMR" in capitals is no given name "Amr"),
         * and so does a person's name in Title Case: a company is often
         * named after its founder ("Sosnoff" of "Sosnoff Capital Corp") */
        uint32_t known = NOT_PER | (1u << NER_G_PERSON);
        if (in[x->a].cap != NER_CAP_UPPER)
            known |= (1u << NER_G_FIRST) | (1u << NER_G_GIVEN);
        if ((gaz_mask(phrase_gaz(st, x->a, x->b)) & known) ||
            (x->label == L_PERSON && in[x->a].cap == NER_CAP_TITLE))
            continue;
        for (size_t k = 0; k < nfull; k++) {
            const mention *f = &st->men[full[k]];
            size_t i = 0;
            while (i < len && i + 1 < f->b - f->a &&
                   in[x->a + i].key == in[f->a + i].key)
                i++;
            if (i == len) { /* "American Medical" of "American Medical
                               International Inc" */
                x->label = L_ORG;
                break;
            }
        }
    }
}

/* Is the document written with little regard for case (web text, chat):
 * a third or more of its sentences open with a lower-case word? */
static bool careless_case(const state *st, const prism_sentence *sent,
                          size_t nsent, size_t ntok)
{
    size_t n = 0, low = 0;
    for (size_t s = 0; s < nsent; s++) {
        for (size_t i = sent[s].tok_start; i < sent[s].tok_end && i < ntok;
             i++) {
            if (st->info[i].first) {
                n++;
                low += st->info[i].cap == NER_CAP_LOWER;
                break;
            }
        }
    }
    return low > 0 && 3 * low >= n;
}

/* Is token i an ordinary lower-case English word (SCOWL's common ones:
 * "china", "turkey", "target")? With `short_too`, any word of one or two
 * letters counts as one. */
static bool ordinary_word(const state *st, size_t i, bool short_too)
{
    const ner_info *t = &st->info[i];
    return (short_too && t->len <= 2) ||
           ner_bloom_has(&st->model, ner_wset_key(t->key, NER_W_LOW1)) ||
           ner_bloom_has(&st->model, ner_wset_key(t->key, NER_W_LOW2));
}

/* Are tokens [a, b) ordinary English words written in lower case ("my
 * sister lives in china town")? Careless text writes names in lower case
 * too ("mexico", "jen", "sf"), but not a name made of ordinary words
 * alone. */
static bool ordinary_lower(const state *st, size_t a, size_t b, bool short_too)
{
    for (size_t i = a; i < b; i++)
        if (st->info[i].cap != NER_CAP_LOWER ||
            !ordinary_word(st, i, short_too))
            return false;
    return true;
}

/* In such a document: the length of the lower-case place name that the
 * gazetteer knows at token i ("mexico", "san francisco"), untagged, and
 * not made of ordinary lower-case English words alone (SCOWL's: "china",
 * "turkey", "nice"); else 0. */
static size_t lower_place(const state *st, size_t i, size_t ntok)
{
    const uint32_t place = (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) |
                           (1u << NER_G_STATE) | (1u << NER_G_REGION);
    uint32_t key = 0;
    size_t best = 0;
    if (compass_word(st, st->text_cur, st->tok_cur, i))
        return 0; /* "in north-western Namibia", not Zambia's province */
    for (size_t k = 0; k < 3 && i + k < ntok; k++) {
        const ner_info *t = &st->info[i + k];
        if (t->cap != NER_CAP_LOWER || st->tags[i + k] != 0)
            break;
        key = ner_key_extend(key, t->key, k == 0);
        const struct ner_gslot *g = ner_gaz_find(&st->model, key);
        if (!g)
            break;
        if (g->mask & place)
            best = k + 1;
        if (!(g->mask & (1u << NER_G_PREFIX)))
            break;
    }
    return best && !ordinary_lower(st, i, i + best, true) ? best : 0;
}

/* ---- the dateline
 * ------------------------------------------------------------ */

/* Gives the words of text[str, str + len) at or after token `from` the
 * label `label`: relabels the mention that covers them (a place the model
 * read as a LOC stays one) or adds one. Returns the new mention count;
 * *end, when not NULL, gets the token after the words (or `from` when they
 * are not there). */
static size_t mark_words(state *st, const char *text, const prism_token *tok,
                         size_t ntok, size_t nmen, size_t from, const char *str,
                         size_t len, uint8_t label, size_t *end)
{
    size_t a = from;
    if (end)
        *end = from;
    while (a < ntok &&
           (tok[a].end - tok[a].start > len ||
            memcmp(text + tok[a].start, str, tok[a].end - tok[a].start) != 0))
        a++;
    if (a == ntok || tok[a].start + len > tok[ntok - 1].end ||
        memcmp(text + tok[a].start, str, len) != 0)
        return nmen;
    size_t b = a + 1;
    while (b < ntok && tok[b - 1].end < tok[a].start + len)
        b++;
    if (tok[b - 1].end != tok[a].start + len)
        return nmen;
    if (end)
        *end = b;
    for (size_t m = 0; m < nmen; m++) {
        if (st->men[m].a < b && st->men[m].b > a) {
            if (!(label == L_GPE && st->men[m].label == L_LOC))
                st->men[m].label = label;
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
        .a = (uint32_t)a, .b = (uint32_t)b, .label = label, .canon = canon};
    return nmen + 1;
}

/* The first word of the story after its dateline is capitalised as any
 * sentence's first word is: an English word there, alone, that no list
 * knows as a name, is no name ("NAIROBI, Kenya — Health officials said",
 * "DHAKA — Saltwater has pushed"; not "Shell said", a firm the lists
 * know; nor "Duff and Phelps", partners' firm). Returns the new mention
 * count. */
static size_t drop_body_opener(state *st, const char *text,
                               const prism_token *tok, size_t ntok, size_t nmen,
                               size_t z)
{
    const ner_info *in = st->info;
    /* an English word: WordNet's, or SCOWL's in lower case ("Astronomers",
     * "Glaciers"), not one SCOWL knows as a common name */
    bool word = in[z].common || ((in[z].wsets & (1u << NER_W_LOW1)) &&
                                 !(in[z].wsets & (1u << NER_W_UP1)));
    if (z + 1 >= ntok || !word || in[z].cap != NER_CAP_TITLE ||
        in[z + 1].cap != NER_CAP_LOWER || word_is(text, tok, z + 1, "and") ||
        (in[z].gaz & ~(1u << NER_G_PREFIX)) ||
        gaz_mask(phrase_gaz(st, z, z + 1)) & ~(1u << NER_G_PREFIX))
        return nmen;
    for (size_t m = 0; m < nmen; m++)
        if (st->men[m].a == z && st->men[m].b == z + 1) {
            memmove(st->men + m, st->men + m + 1,
                    (nmen - m - 1) * sizeof(mention));
            return nmen - 1;
        }
    return nmen;
}

/* Marks the dateline's place as a GPE and its news agency, when it names
 * one, as an organisation ("ULAANBAATAR (Montsame) —"). Returns the new
 * mention count. */
static size_t apply_dateline(state *st, const prism_doc *doc, const char *text,
                             const prism_token *tok, size_t ntok, size_t nmen)
{
    const prism_value *d = host->doc_result(doc, "dateline");
    if (!d || host->value_type(d) != PRISM_V_MAP)
        return nmen;
    const prism_value *found = host->value_get(d, "found");
    const prism_value *loc = host->value_get(d, "location");
    const prism_value *start = host->value_get(d, "start");
    const prism_value *end = host->value_get(d, "end");
    if (!found || !host->value_bool(found) || !loc || !start || !end ||
        host->value_type(loc) != PRISM_V_MAP)
        return nmen;
    const prism_value *lt = host->value_get(loc, "text");
    size_t len = 0;
    const char *place = lt ? host->value_str(lt, &len) : NULL;
    int64_t cp = host->value_i64(start), cp_end = host->value_i64(end);
    size_t a = 0, b = 0, z = 0;
    while (a < ntok && (int64_t)tok[a].cp_start < cp)
        a++;
    while (z < ntok && (int64_t)tok[z].cp_end <= cp_end)
        z++;
    if (!place || len == 0 || a == ntok)
        return nmen;
    /* the place opens the dateline */
    if (tok[a].end - tok[a].start > len ||
        memcmp(text + tok[a].start, place, tok[a].end - tok[a].start) != 0)
        return nmen;
    nmen = mark_words(st, text, tok, ntok, nmen, a, place, len, L_GPE, &b);
    nmen = drop_body_opener(st, text, tok, ntok, nmen, z);
    const prism_value *ag = host->value_get(d, "agency");
    size_t alen = 0;
    const char *agency = ag ? host->value_str(ag, &alen) : NULL;
    if (b > a && agency && alen > 0)
        nmen = mark_words(st, text, tok, z, nmen, b, agency, alen, L_ORG, NULL);
    return nmen;
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

/* The value slot of key, or NULL when it is absent and insert is false.
 * Only stores add keys, and callers size the table to more than twice the
 * stores they make, so a probe always meets an empty slot. */
static uint32_t *idmap_slot(idmap *m, uint32_t key, bool insert)
{
    key = key ? key : 1;
    uint32_t i = ner_mix32(key) & m->mask;
    while (m->t[2 * i]) {
        if (m->t[2 * i] == key)
            return &m->t[2 * i + 1];
        i = (i + 1) & m->mask;
    }
    if (!insert)
        return NULL;
    m->t[2 * i] = key;
    return &m->t[2 * i + 1];
}

/* The mention stored under key, or -1; with put, stores m (1-based inside)
 * when absent (or always with overwrite). */
static long idmap_use(idmap *m, uint32_t salt, uint32_t key, long put,
                      bool overwrite)
{
    uint32_t *v = idmap_slot(m, ner_comb(salt, key), put >= 0);
    if (!v)
        return -1;
    long old = (long)*v - 1;
    if (put >= 0 && (old < 0 || overwrite))
        *v = (uint32_t)put + 1;
    return old;
}

enum {
    K_CANON = 1,
    K_WORDS,
    K_INITIALS,
    K_ACRONYM,
    K_LAST,
    K_FIRST,
    K_PROP,
    K_NAMED
};

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

/* Is the mention's label one that the gazetteer does not support: a
 * place that is no known place, an organisation no list names, a person
 * no list knows, or MISC? */
static bool unsupported(const state *st, const mention *x)
{
    const uint32_t places = (1u << NER_G_COUNTRY) | (1u << NER_G_CITY) |
                            (1u << NER_G_STATE) | (1u << NER_G_LOC) |
                            (1u << NER_G_REGION) | (1u << NER_G_ALIAS);
    uint32_t gm = gaz_mask(phrase_gaz(st, x->a, x->b));
    switch (x->label) {
    case L_GPE:
    case L_LOC:
        return !(gm & places);
    case L_ORG:
        return !(gm & ((1u << NER_G_ORG) | (1u << NER_G_ORGLIST)));
    case L_PERSON:
        return !(gm & ((1u << NER_G_PERSON) | (1u << NER_G_FIRST)));
    case L_NORP:
        return false;
    default:
        return true;
    }
}

/* Should the one-word mention x take the label of its entity en: is its
 * own label unsupported and the entity's a person, organisation or place
 * that other mentions share? */
static bool weak_label(const state *st, const mention *x, const entity *en)
{
    uint8_t lab = en->label;
    bool place = lab == L_GPE || lab == L_LOC;
    bool mplace = x->label == L_GPE || x->label == L_LOC;
    if (en->count < 2 || lab == x->label || x->b - x->a != 1 ||
        (place && mplace) || !(place || lab == L_PERSON || lab == L_ORG))
        return false;
    return unsupported(st, x);
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
    while (slots < 16 * nmen) /* at most 7 stores per mention */
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
        k = idmap_use(&map, K_WORDS,
                      x->key ? x->key : words_key(in, x->a, x->b), (long)m,
                      false);
        if (k >= 0 && compatible(x, &men[k]))
            join(parent, (uint32_t)m, (uint32_t)k);
        /* "Hurricane Rita", then "Rita packed winds": the storm (or the
         * operation), not a person. */
        if (x->label == L_MISC && x->b - x->a == 2 &&
            (word_rule(st, x->a) & WR_MISCPRE))
            idmap_use(&map, K_NAMED, in[x->a + 1].key, (long)m, false);
        else if (x->b - x->a == 1 &&
                 (k = idmap_use(&map, K_NAMED, in[x->a].key, -1, false)) >= 0) {
            x->label = L_MISC;
            join(parent, (uint32_t)m, (uint32_t)k);
        }
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
        /* "European Central Bank (ECB)": the parenthesised mention (not
         * a person's country: "Michael Johnson (U.S.)"). */
        if (m + 1 < nmen && x->b + 2 < ntok && x->b - x->a >= 2 &&
            x->label != L_PERSON && men[m + 1].label != L_PERSON &&
            compatible(x, &men[m + 1]) && men[m + 1].a == x->b + 1 &&
            men[m + 1].b == x->b + 2 && tok[x->b].end - tok[x->b].start == 1 &&
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
        uint32_t len =
            men_cp_end(text, tok, &men[m]) - men_cp_start(text, tok, &men[m]);
        const mention *b = &men[en->best];
        if (len > men_cp_end(text, tok, b) - men_cp_start(text, tok, b))
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
    /* A one-word mention whose label no list supports takes its entity's
     * label ("Ruch", "Cubs" as MISC or PERSON among mentions of an
     * organisation; "Merkel" as a place where she is a person). */
    if (!st->unify)
        for (size_t m = 0; m < nmen; m++)
            if (weak_label(st, &men[m], &st->ent[men[m].entity]))
                men[m].label = st->ent[men[m].entity].label;
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

/* Is token i a capitalised word (or a name's part: "McDonald")? */
static bool cap_token(const ner_info *t)
{
    return t->alpha && t->cap != NER_CAP_LOWER;
}

/* Merges the nadd mentions at [nmen, nmen + nadd), in text order, into
 * the sorted mentions before them. Returns the new mention count, or -1
 * when out of memory. */
static long merge_added(state *st, size_t nmen, size_t nadd)
{
    /* Merge in place from the back into [0, nmen + nadd): the added run
     * must not be overwritten before it is read, so copy it aside in the
     * table (its mentions are few). */
    if (grow((void **)&st->table, &st->cap_table,
             nadd * sizeof(mention) / sizeof(uint32_t) + 1,
             sizeof(uint32_t)) < 0)
        return -1;
    mention *tmp = (mention *)(void *)st->table;
    memcpy(tmp, st->men + nmen, nadd * sizeof(mention));
    size_t i = nmen, j = nadd, o = nmen + nadd;
    while (j > 0) {
        if (i > 0 && st->men[i - 1].a > tmp[j - 1].a)
            st->men[--o] = st->men[--i];
        else
            st->men[--o] = tmp[--j];
    }
    return (long)(nmen + nadd);
}

/* The byte length of the name that opens token t when the token is a
 * name and a lower-case word joined by a hyphen ("Boston-based",
 * "Hezbollah-provoked", the "York-based" of "New York-based"), or 0. */
static size_t hyphen_head(const char *text, const prism_token *t)
{
    const char *w = text + t->start;
    size_t n = t->end - t->start, h = n;
    while (h > 0 && w[h - 1] >= 'a' && w[h - 1] <= 'z')
        h--;
    if (h == n || h < 3 || w[h - 1] != '-' || n - h > 30 || w[h - 2] == '-' ||
        w[h - 2] == '.')
        return 0;
    /* the word after the hyphen says what the name does to the thing: a
     * participle ("-based", "-owned", "-imposed", "-born") or one of a few
     * words ("-style", "-era", "-wide"), not "AA-plus" or "Brent-grade" */
    static const char *const words[] = {
        "born",   "bound",    "led",    "run",        "made",   "grown",
        "bred",   "built",    "style",  "type",       "era",    "wide",
        "member", "friendly", "allied", "compatible", "centric"};
    const char *x = w + h;
    size_t m = n - h;
    if ((m >= 4 && x[m - 2] == 'e' && x[m - 1] == 'd') || ONE_OF(x, m, words))
        return h - 1;
    return 0;
}

/* A country, a state or a region: a name even when it is an ordinary
 * word too ("China", "Turkey", "Chad"). */
#define COUNTRY_STATE                                                          \
    ((1u << NER_G_COUNTRY) | (1u << NER_G_STATE) | (1u << NER_G_REGION))

/* The label of a person, organisation or place among the document's
 * first nmen mentions whose text is the len bytes at text + s, or -1. */
static int named_in_doc(const state *st, const char *text,
                        const prism_token *tok, size_t s, size_t len,
                        size_t nmen)
{
    for (size_t m = 0; m < nmen; m++) {
        const mention *x = &st->men[m];
        size_t xs = men_start(tok, x), xe = men_end(tok, x);
        if (x->label <= L_LOC && xe - xs == len &&
            !memcmp(text + xs, text + s, len))
            return x->label;
    }
    return -1;
}

/* Whether the word w (of key `key`, a list's mask `mask`) is an ordinary
 * English word written as a name ("Post"), not an acronym ("US") nor a
 * country's or state's name that is a word too ("Turkey", "China"). */
static bool ordinary_name(const state *st, const ner_word *w, uint32_t key,
                          uint32_t mask)
{
    return w->cap != NER_CAP_UPPER && !(mask & COUNTRY_STATE) &&
           (ner_bloom_has(&st->model, ner_wset_key(key, NER_W_LOW1)) ||
            ner_bloom_has(&st->model, ner_wset_key(key, NER_W_LOW2)));
}

/* The label the lists give a place or an organisation of mask `mask`, or
 * -1: "NATO" is an alias of an organisation, "US" of a country. */
static int list_label(uint32_t mask)
{
    if (mask &
        ((1u << NER_G_COUNTRY) | (1u << NER_G_CITY) | (1u << NER_G_STATE)))
        return L_GPE;
    if (mask & (1u << NER_G_REGION))
        return L_LOC;
    if (mask & ((1u << NER_G_ORG) | (1u << NER_G_ORGLIST)))
        return L_ORG;
    if (mask & (1u << NER_G_ALIAS))
        return L_GPE;
    if (mask & (1u << NER_G_LOC))
        return L_LOC;
    return -1;
}

/* The label of the name [a, b) whose last token is cut to its first
 * `head` bytes, when the document names it elsewhere as a person, an
 * organisation or a place, or a list knows it as one; -1 otherwise (a
 * nationality: "Russian-born"). Sets *canon and *key for grouping. */
static int cut_name_label(const state *st, const char *text,
                          const prism_token *tok, size_t a, size_t b,
                          size_t head, size_t nmen, bool strict,
                          uint32_t *canon, uint32_t *key)
{
    ner_word w;
    ner_word_make(&w, text + tok[b - 1].start, head);
    uint32_t wkey = ner_key_word(&w);
    *key = key_with_last(st, a, b, wkey);
    const struct ner_gslot *g = ner_gaz_find(&st->model, *key);
    uint32_t mask = g ? g->mask : 0;
    *canon = g ? g->canon : 0;
    if (mask & (1u << NER_G_NORP))
        return -1;
    size_t s = tok[a].start;
    int named =
        named_in_doc(st, text, tok, s, tok[b - 1].start + head - s, nmen);
    if (named >= 0)
        return named;
    /* With `strict` (a word the tagger left out), a list's name of one
     * word only when it is no ordinary word ("Post-mortem"), and never a
     * person's ("Trump" is one only when the document names him). */
    if (strict && b - a == 1 && ordinary_name(st, &w, wkey, mask))
        return -1;
    int lab = list_label(mask);
    if (lab < 0 && !strict &&
        (mask & ((1u << NER_G_PERSON) | (1u << NER_G_NEWS))))
        return L_PERSON;
    return lab;
}

/* The label of the one word of n bytes at text + s, a part of a token
 * ("US" and "China" of "US-China"), when the document names it elsewhere
 * as a person, an organisation or a place, or a list knows it as a place
 * or an organisation and it is no ordinary word; -1 otherwise. Sets
 * *canon and *key for grouping. */
static int word_name_label(const state *st, const char *text,
                           const prism_token *tok, size_t s, size_t n,
                           size_t nmen, uint32_t *canon, uint32_t *key)
{
    ner_word w;
    ner_word_make(&w, text + s, n);
    *key = ner_key_word(&w);
    const struct ner_gslot *g = ner_gaz_find(&st->model, *key);
    uint32_t mask = g ? g->mask : 0;
    *canon = g ? g->canon : 0;
    if ((mask & (1u << NER_G_NORP)) || w.cap == NER_CAP_LOWER || w.digit ||
        !w.alpha) /* "Cray-1M" */
        return -1;
    int named = named_in_doc(st, text, tok, s, n, nmen);
    if (named >= 0)
        return named;
    return ordinary_name(st, &w, *key, mask) ? -1 : list_label(mask);
}

/* 2 when a list knows the n bytes at text + s as the name of a person in
 * the news ("Biden", "Xi"), 1 as a given name ("Kim"), else 0. */
static int person_word(const state *st, const char *text, size_t s, size_t n)
{
    ner_word w;
    ner_word_make(&w, text + s, n);
    const struct ner_gslot *g = ner_gaz_find(&st->model, ner_key_word(&w));
    uint32_t mask = g ? g->mask : 0;
    if (w.cap != NER_CAP_TITLE || (mask & NOT_PER))
        return 0;
    return (mask & (1u << NER_G_NEWS))    ? 2
           : (mask & (1u << NER_G_FIRST)) ? 1
                                          : 0;
}

/* Whether token i is two names joined by a hyphen ("US-China",
 * "Israel-Hamas", "Google-Mozilla") that are names of their own, and the
 * whole no name a list knows ("Guinea-Bissau", "Rolls-Royce"): then the
 * two mentions it makes are written to out[0] and out[1]. */
static bool name_pair(const state *st, const char *text, const prism_token *tok,
                      size_t i, size_t nmen, mention out[2])
{
    const char *w = text + tok[i].start;
    size_t n = tok[i].end - tok[i].start;
    const char *h = memchr(w, '-', n);
    /* a lawmaker's party and place: "(D-Hawaii)", ", R-Lubbock,": the
     * place alone (the party's letter is dropped: L_N) */
    if (h == w + 1 && (w[0] == 'D' || w[0] == 'R' || w[0] == 'I') && n >= 5 &&
        n < 255 && w[2] >= 'A' && w[2] <= 'Z' && i > 0 &&
        (word_is(text, tok, i - 1, "(") || word_is(text, tok, i - 1, ","))) {
        uint32_t c2, k2;
        size_t y = n - 2;
        int l2 =
            word_name_label(st, text, tok, tok[i].start + 2, y, nmen, &c2, &k2);
        if (l2 != L_GPE && l2 != L_LOC)
            return false;
        out[0] = (mention){.a = (uint32_t)i,
                           .b = (uint32_t)(i + 1),
                           .label = L_N,
                           .cut = (uint8_t)(y + 1)};
        out[1] = (mention){.a = (uint32_t)i,
                           .b = (uint32_t)(i + 1),
                           .label = (uint8_t)l2,
                           .lead = 2,
                           .canon = c2,
                           .key = k2};
        return true;
    }
    if (!h || h - w < 2 || (size_t)(h - w) + 3 > n ||
        memchr(h + 1, '-', n - (size_t)(h - w) - 1) ||
        gaz_mask(phrase_gaz(st, i, i + 1)))
        return false;
    size_t x = (size_t)(h - w), y = n - x - 1;
    /* a particle of an Arabic, Romance or Dutch name ("Al-Ahram",
     * "Bin-Salem", "de-Gaulle"), or a dateline's capitals ("AL-RAM") */
    static const char *const particles[] = {
        "al",  "el",   "ad", "ar", "as", "at", "ash", "an", "bin", "ibn", "abu",
        "ben", "bint", "da", "de", "di", "du", "la",  "le", "von", "van"};
    /* nor a region's compass word ("Kasaï-Central", "Nord-Kivu") */
    static const char *const compass[] = {
        "central", "north", "south", "east", "west",     "nord",      "sud",
        "est",     "ouest", "norte", "sur",  "oriental", "occidental"};
    if (one_of(w, x, particles, sizeof particles / sizeof *particles) ||
        one_of(w, x, compass, sizeof compass / sizeof *compass) ||
        one_of(h + 1, y, compass, sizeof compass / sizeof *compass) ||
        st->info[i].cap == NER_CAP_UPPER)
        return false;
    uint32_t c1, k1, c2, k2;
    if (x > 254 || y > 254)
        return false;
    int l1 = word_name_label(st, text, tok, tok[i].start, x, nmen, &c1, &k1);
    int l2 =
        word_name_label(st, text, tok, tok[i].start + x + 1, y, nmen, &c2, &k2);
    /* two people, one of them in the news: "the Biden-Xi meeting", "the
     * Kim-Trump summit" (not "Petro-Canada") */
    if (l1 < 0 || l2 < 0) {
        int p1 = l1 == L_PERSON ? 2 : person_word(st, text, tok[i].start, x);
        int p2 =
            l2 == L_PERSON ? 2 : person_word(st, text, tok[i].start + x + 1, y);
        if (!p1 || !p2 || p1 + p2 < 3)
            return false;
        l1 = l2 = L_PERSON;
    }
    out[0] = (mention){.a = (uint32_t)i,
                       .b = (uint32_t)(i + 1),
                       .label = (uint8_t)l1,
                       .cut = (uint8_t)(y + 1),
                       .canon = c1,
                       .key = k1};
    out[1] = (mention){.a = (uint32_t)i,
                       .b = (uint32_t)(i + 1),
                       .label = (uint8_t)l2,
                       .lead = (uint8_t)(x + 1),
                       .canon = c2,
                       .key = k2};
    return true;
}

/* The bytes of "pro-" or "anti-" before a capitalised word that fills
 * the rest of token t ("pro-Putin", "Anti-Erdogan"), or 0. ("ex-Milan
 * coach" is the club's.) */
static size_t prefix_len(const char *text, const prism_token *t)
{
    static const char *const prefixes[] = {"pro-", "anti-"};
    const char *w = text + t->start;
    size_t n = t->end - t->start;
    for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++) {
        size_t m = strlen(prefixes[k]);
        if (n >= m + 2 && !strncasecmp(w, prefixes[k], m) &&
            ascii_upper(w[m]) && !memchr(w + m, '-', n - m))
            return m;
    }
    return 0;
}

/* The mention of the name after "pro-" or "anti-" in token i, as
 * the Universal NER guidelines mark it ("Putin" of "pro-Putin
 * bloggers"): a person in the news, or a name the document or a list
 * knows (not a nationality: "anti-American"). False when there is none. */
static bool prefixed_name(const state *st, const char *text,
                          const prism_token *tok, size_t i, size_t nmen,
                          mention *out)
{
    size_t lead = prefix_len(text, &tok[i]);
    if (!lead)
        return false;
    size_t s = tok[i].start + lead, n = tok[i].end - s;
    uint32_t canon, key;
    int lab = word_name_label(st, text, tok, s, n, nmen, &canon, &key);
    if (lab < 0 && person_word(st, text, s, n) == 2)
        lab = L_PERSON;
    if (lab < 0)
        return false;
    *out = (mention){.a = (uint32_t)i,
                     .b = (uint32_t)(i + 1),
                     .label = (uint8_t)lab,
                     .lead = (uint8_t)lead,
                     .canon = canon,
                     .key = key};
    return true;
}

/* cut_name_label() of the name that ends in token b - 1's head and starts at
 * token a, or one or two capitalised words before it that no mention
 * holds (from `lo` on): the longest the document or a list knows ("New
 * Jersey" of "New Jersey-based", where the tagger took "Jersey-based").
 * A capitalised word before that no such name takes in makes it no name
 * of its own: -1. Sets *from to the name's first token. */
static int hyphen_head_label(const state *st, const char *text,
                             const prism_token *tok, size_t a, size_t b,
                             size_t lo, size_t head, size_t nmen, bool strict,
                             size_t *from, uint32_t *canon, uint32_t *key)
{
    size_t k = 0;
    while (k < 2 && a - k > lo && !st->info[a - k].first &&
           cap_token(&st->info[a - k - 1]) &&
           !WORD_IN(text, tok, a - k - 1, ARTICLES)) /* "The Kremlin-backed" */
        k++;
    for (size_t j = k; j > 0; j--) {
        int lab = cut_name_label(st, text, tok, a - j, b, head, nmen, strict,
                                 canon, key);
        if (lab >= 0) {
            *from = a - j;
            return lab;
        }
    }
    /* "St. Louis-based": not "Louis" (a sentence's first word may be
     * any word: "A Boston-based firm") */
    if (k > 0 && !st->info[a - 1].first)
        return -1;
    *from = a;
    return cut_name_label(st, text, tok, a, b, head, nmen, strict, canon, key);
}

/* A name joined by a hyphen to a lower-case word is the name, as the
 * Universal NER guidelines mark it: "Boston" of "a Boston-based fund",
 * "Hezbollah" of "the Hezbollah-provoked clash", "US" of "US-backed
 * forces" (not "Russian-born": a nationality is no name). A mention the
 * tagger made of the whole word ("Boston-based" MISC, "Africa-wide" LOC)
 * is cut to the name; a word it left out becomes a mention. Either only
 * when the document or a list knows the name. Returns the new
 * mention count, or -1 when out of memory. */
static long hyphen_names(state *st, const char *text, const prism_token *tok,
                         size_t ntok, size_t nmen)
{
    size_t nadd = 0, m = 0;
    mention pair[2];
    for (size_t i = 0; i < ntok; i++) {
        while (m < nmen && st->men[m].b <= i)
            m++;
        bool in_mention = m < nmen && st->men[m].a <= i;
        if (st->info[i].cap == NER_CAP_LOWER ||
            !memchr(text + tok[i].start, '-', tok[i].end - tok[i].start))
            continue;
        if (prefixed_name(st, text, tok, i, nmen, &pair[1])) {
            if (in_mention && st->men[m].a == i && st->men[m].b == i + 1 &&
                !st->men[m].cut && !st->men[m].lead)
                st->men[m] = pair[1];
            else if (!in_mention) {
                if (grow((void **)&st->men, &st->cap_men, nmen + nadd + 1,
                         sizeof(mention)) < 0)
                    return -1;
                st->men[nmen + nadd++] = pair[1];
            }
            continue;
        }
        size_t head = hyphen_head(text, &tok[i]);
        size_t lo = m > 0 ? st->men[m - 1].b : 0, from;
        /* "Saudi Arabia-led", "Mexico City-based": the word before may be
         * the tagger's nationality, place or other name of one word, which
         * the longer name a list knows takes in (not a person's) */
        mention *before = m > 0 ? &st->men[m - 1] : NULL;
        if (head && before && before->b - before->a == 1 &&
            before->label != L_PERSON && !before->cut && !before->lead)
            lo = before->a;
        else
            before = NULL;
        int lab;
        uint32_t canon, key;
        if (in_mention && st->men[m].b == i + 1 && !st->men[m].cut) {
            /* the last token of a mention */
            mention *x = &st->men[m];
            if (head) {
                if ((lab = hyphen_head_label(st, text, tok, x->a, x->b, lo,
                                             head, nmen, false, &from, &canon,
                                             &key)) < 0)
                    continue;
                if (before && from < before->b)
                    before->label = L_N; /* taken in: dropped below */
                x->a = (uint32_t)from;
                x->label = (uint8_t)lab;
                x->cut = (uint8_t)(tok[i].end - tok[i].start - head);
                x->canon = canon;
                x->key = key;
                continue;
            }
            if (x->a != i || !name_pair(st, text, tok, i, nmen, pair))
                continue;
            *x = pair[0];
        } else if (!in_mention) {
            if (head) {
                if ((lab = hyphen_head_label(st, text, tok, i, i + 1, lo, head,
                                             nmen, true, &from, &canon, &key)) <
                    0)
                    continue;
                if (before && from < before->b)
                    before->label = L_N;
                pair[1] = (mention){
                    .a = (uint32_t)from,
                    .b = (uint32_t)(i + 1),
                    .label = (uint8_t)lab,
                    .cut = (uint8_t)(tok[i].end - tok[i].start - head),
                    .canon = canon,
                    .key = key};
            } else if (!name_pair(st, text, tok, i, nmen, pair)) {
                continue;
            } else {
                if (grow((void **)&st->men, &st->cap_men, nmen + nadd + 1,
                         sizeof(mention)) < 0)
                    return -1;
                st->men[nmen + nadd++] = pair[0];
            }
        } else {
            continue;
        }
        if (grow((void **)&st->men, &st->cap_men, nmen + nadd + 1,
                 sizeof(mention)) < 0)
            return -1;
        st->men[nmen + nadd++] = pair[1];
    }
    long n = nadd ? merge_added(st, nmen, nadd) : (long)nmen;
    size_t kept = 0;
    for (long k = 0; k < n; k++)
        if (st->men[k].label != L_N)
            st->men[kept++] = st->men[k];
    return n < 0 ? n : (long)kept;
}

/* Mentions the tagger missed of names the document gives elsewhere: an
 * untagged word, capitalised and alone (no capitalised neighbour), never
 * written in lower case in the document, that is a one-word mention
 * elsewhere, or the last word of a person's name ("Trump said" after
 * "Donald Trump"), gets that mention's label when all such mentions
 * agree. People, organisations and places only. Returns the new mention
 * count, or -1 when out of memory. */
static long propagate(state *st, size_t ntok, size_t nmen)
{
    const ner_info *in = st->info;
    size_t slots = 16;
    if (nmen == 0)
        return 0;
    while (slots < 4 * nmen)
        slots *= 2;
    if (grow((void **)&st->table, &st->cap_table, 2 * slots, sizeof(uint32_t)) <
        0)
        return -1;
    idmap map = {.t = st->table, .mask = (uint32_t)slots - 1};
    memset(map.t, 0, 2 * slots * sizeof(uint32_t));
    for (size_t m = 0; m < nmen; m++) {
        const mention *x = &st->men[m];
        long lab = x->label;
        if (lab != L_PERSON && lab != L_ORG && lab != L_GPE && lab != L_LOC)
            lab = L_N; /* a NORP or MISC word: not to be guessed */
        else if (x->b - x->a > 1 && lab != L_PERSON)
            continue;
        uint32_t key = in[x->b - 1].key;
        long old = idmap_use(&map, K_PROP, key, lab, false);
        if (old >= 0 && old != lab)
            idmap_use(&map, K_PROP, key, L_N, true);
        /* and a person's family name that comes first: "Tan" of "Tan Chee
         * Keong" */
        if (lab == L_PERSON && x->b - x->a == 3 && !x->lead &&
            hashed_in(st, x->a, FAMILY_FIRST,
                      sizeof FAMILY_FIRST / sizeof *FAMILY_FIRST)) {
            key = in[x->a].key;
            old = idmap_use(&map, K_PROP, key, lab, false);
            if (old >= 0 && old != lab)
                idmap_use(&map, K_PROP, key, L_N, true);
        }
    }
    /* Candidates, in text order, between the mentions. */
    size_t nadd = 0;
    for (int pass = 0; pass < 2; pass++) {
        size_t m = 0, k = nmen + nadd;
        for (size_t i = 0; i < ntok; i++) {
            while (m < nmen && st->men[m].b <= i)
                m++;
            if (m < nmen && st->men[m].a <= i)
                continue; /* inside a mention */
            const ner_info *t = &in[i];
            if (t->cap != NER_CAP_TITLE || t->sent_case != NER_SC_NORMAL ||
                (t->doc_case & 1) ||
                (i > 0 && !t->first && cap_token(&in[i - 1])) ||
                (i + 1 < ntok && cap_token(&in[i + 1])))
                continue;
            long lab = idmap_use(&map, K_PROP, t->key, -1, false);
            if (lab < 0 || lab == L_N)
                continue;
            if (pass == 0) {
                nadd++;
                continue;
            }
            /* pass 1: mark it; the merge below puts it in place */
            const struct ner_gslot *g = phrase_gaz(st, i, i + 1);
            st->men[--k] = (mention){.a = (uint32_t)i,
                                     .b = (uint32_t)(i + 1),
                                     .label = (uint8_t)lab,
                                     .canon = g ? g->canon : 0};
        }
        if (pass == 0) {
            if (nadd == 0)
                return (long)nmen;
            if (grow((void **)&st->men, &st->cap_men, nmen + nadd,
                     sizeof(mention)) < 0)
                return -1;
        }
    }
    /* The added ones are at [nmen, nmen + nadd) in reverse text order:
     * reverse them, then merge the two sorted runs from the back. */
    mention *add = st->men + nmen;
    for (size_t x = 0, y = nadd - 1; x < y; x++, y--) {
        mention tmp = add[x];
        add[x] = add[y];
        add[y] = tmp;
    }
    return merge_added(st, nmen, nadd);
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
        uint32_t s = men_start(tok, x), e = men_end(tok, x);
        rc |= host->out_map(out, 5);
        rc |= host->out_cstr(out, "text");
        rc |= host->out_str(out, text + s, e - s);
        rc |= host->out_cstr(out, "label");
        rc |= host->out_cstr(out, LABEL_NAMES[x->label]);
        rc |= host->out_cstr(out, "start");
        rc |= host->out_i64(out, men_cp_start(text, tok, x));
        rc |= host->out_cstr(out, "end");
        rc |= host->out_i64(out, men_cp_end(text, tok, x));
        rc |= host->out_cstr(out, "entity");
        rc |= host->out_i64(out, x->entity);
    }
    rc |= host->out_cstr(out, "entities");
    rc |= host->out_array(out, nent);
    for (size_t e = 0; e < nent && rc == 0; e++) {
        const entity *en = &st->ent[e];
        const mention *b = &st->men[en->best];
        uint32_t s = men_start(tok, b), end = men_end(tok, b);
        rc |= host->out_map(out, 4);
        rc |= host->out_cstr(out, "name");
        rc |= host->out_str(out, text + s, end - s);
        rc |= host->out_cstr(out, "label");
        rc |= host->out_cstr(out, LABEL_NAMES[en->label]);
        rc |= host->out_cstr(out, "count");
        rc |= host->out_i64(out, en->count);
        rc |= host->out_cstr(out, "first");
        rc |= host->out_i64(out, men_cp_start(text, tok, &st->men[en->first]));
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
            analyse_run(st, text, tok, c, c + ENT_CHUNK < b ? c + ENT_CHUNK : b,
                        NULL);
    }
    size_t slots = 16;
    while (slots < 2 * ntok)
        slots *= 2;
    if (grow((void **)&st->table, &st->cap_table, 2 * slots, sizeof(uint32_t)) <
        0)
        goto oom;
    memset(st->table, 0, 2 * slots * sizeof(uint32_t));
    ner_doc_case(st->info, ntok, st->table, (uint32_t)slots);
    for (size_t s = 0; s < nsent; s++) {
        size_t a = sent[s].tok_start, b = sent[s].tok_end;
        if (b > ntok || a > b)
            continue;
        for (size_t c = a; c < b; c += ENT_CHUNK)
            read_headline(st, text, tok, c,
                          c + ENT_CHUNK < b ? c + ENT_CHUNK : b);
    }
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
    st->ntok_cur = ntok;
    st->tok_cur = tok;
    st->text_cur = text;
    bool careless = careless_case(st, sent, nsent, ntok);
    cue_tags(st, ntok);
    possessive_inside(st, text, tok, ntok);
    possessed_bodies(st, text, tok, ntok);
    polities(st, text, tok, ntok);
    members_letters(st, text, tok, ntok);
    defined_first_words(st, text, tok, ntok);
    given_names_alone(st, ntok);
    people_by_context(st, text, tok, ntok);
    people_in_apposition(st, text, tok, ntok);
    people_before_offices(st, text, tok, ntok);
    people_listed(st, text, tok, ntok);
    people_described(st, text, tok, ntok);
    places_listed(st, text, tok, ntok);
    firms_of_two_names(st, text, tok, ntok);
    places_in_pairs(st, text, tok, ntok);
    people_by_kin(st, text, tok, ntok);
    bodies_in_apposition(st, text, tok, ntok);
    bodies_described(st, text, tok, ntok);
    bodies_listed(st, text, tok, ntok);
    bodies_bought(st, text, tok, ntok);
    body_bought(st, text, tok, ntok);
    teams_with_numbers(st, text, tok, ntok);
    bodies_in_pairs(st, text, tok, ntok);
    works_in_apposition(st, text, tok, ntok);
    native_names(st, text, tok, ntok);
    saints_institutions(st, text, tok, ntok);
    places_by_history(st, text, tok, ntok);
    places_in_company(st, text, tok, ntok);
    clubs_by_context(st, text, tok, ntok);
    bodies_by_verbs(st, text, tok, ntok);
    club_words(st, text, tok, ntok);
    places_by_noun(st, text, tok, ntok);
    names_before_titles(st, text, tok, ntok);
    bodies_before_leaders(st, text, tok, ntok);
    firms_by_officers(st, text, tok, ntok);
    names_given(st, text, tok, ntok);
    places_before_people(st, ntok);
    products_of_firms(st, text, tok, ntok);
    firms_plc(st, text, tok, ntok);
    places_before_titles(st, ntok);
    journals(st, text, tok, ntok);
    names_people_go_by(st, text, tok, ntok);
    stage_names(st, text, tok, ntok);
    bodies_by_roles(st, text, tok, ntok);
    places_located_in(st, text, tok, ntok);
    places_with_and(st, text, tok, ntok);
    nationality_off_bodies(st, text, tok, ntok);
    scorers(st, text, tok, ntok);
    surnames_by_ending(st, text, tok, ntok);
    credit_lines(st, text, tok, ntok);
    particle_names(st, text, tok, ntok);
    clan_names(st, text, tok, ntok);
    particle_tails(st, text, tok, ntok);
    planets(st, text, tok, ntok);
    bodies_in_the_sky(st, text, tok, ntok);
    gods_named(st, text, tok, ntok);
    ministries_with_and(st, text, tok, ntok);
    bodies_of_places(st, text, tok, ntok);
    parts_of_bodies(st, text, tok, ntok);
    rulers_of_countries(st, ntok);
    peoples_in_plural(st, ntok);
    families(st, text, tok, ntok);
    firms_saying_its(st, text, tok, ntok);
    names_with_y(st, text, tok, ntok);
    military_units(st, text, tok, ntok);
    foreign_org_starts(st, tok, ntok);
    indonesian_firms(st, text, tok, ntok);
    airlines(st, text, tok, ntok);
    possessive_firms(st, text, tok, ntok);
    slashed_names(st, text, tok, ntok);
    clubs_of_towns(st, text, tok, ntok);
    firm_noun_inside(st, ntok);
    places_before_nouns(st, text, tok, ntok);
    bodies_before_nouns(st, text, tok, ntok);
    designator_after_comma(st, text, tok, ntok);
    split_after_designator(st, text, tok, ntok);
    states_after_towns(st, text, tok, ntok);
    court_cases(st, text, tok, ntok);
    money_sums(st, text, tok, ntok);
    for (size_t i = 0; i < ntok; i++) {
        int part = ner_tag_part(st->tags[i]);
        size_t lp;
        if (st->tags[i] == 0 && st->info[i].cap == NER_CAP_LOWER &&
            (careless || (i > 0 && (word_rule(st, i - 1) & WR_TOWARD))) &&
            (lp = lower_place(st, i, ntok)) > 0) {
            if (grow((void **)&st->men, &st->cap_men, nmen + 1,
                     sizeof(mention)) < 0)
                goto oom;
            uint32_t canon;
            uint8_t label = refine(st, NER_LOC, i, i + lp, &canon);
            st->men[nmen++] = (mention){.a = (uint32_t)i,
                                        .b = (uint32_t)(i + lp),
                                        .label = label,
                                        .canon = canon};
            i += lp - 1;
            continue;
        }
        /* an institution's name in another language, whose first word
         * the tagger left out ("Sindicato" "dos Trabalhadores") */
        size_t fj = 0;
        if (part != NER_B && part != NER_U &&
            (st->tags[i] != 0 ||
             (fj = foreign_end(st, text, tok, ntok, i, i + 1)) == i + 1))
            continue;
        int type = fj ? NER_ORG : ner_tag_type(st->tags[i]);
        size_t j = fj ? fj : name_end(st, ntok, i);
        if (!fj && (fj = foreign_end(st, text, tok, ntok, i, j)) > j) {
            j = fj;
            type = NER_ORG;
        }
        /* "Wolfgang" "Amadeus Mozart": a given name the tagger left out
         * just before a person's name; one of the wider list after a
         * colon ("Attendees: Pam" "Ortiz Greg Hollis"). */
        if (type == NER_PER && i > 0 && st->tags[i - 1] == 0 &&
            st->info[i - 1].cap == NER_CAP_TITLE &&
            tok[i].start == tok[i - 1].end + 1 &&
            (has(phrase_gaz(st, i - 1, i), NER_G_FIRST) ||
             (i > 1 && word_is(text, tok, i - 2, ":") &&
              has(phrase_gaz(st, i - 1, i), NER_G_GIVEN)) ||
             /* between a title and the name: "Datuk Seri" "Fadzil"
              * "Abdul Rahman" */
             (i > 1 && st->info[i - 2].cap == NER_CAP_TITLE &&
              ((word_rule(st, i - 2) & WR_LEAD) ||
               is_title(st, i - 2, i - 1)) &&
              !(word_rule(st, i - 1) & WR_LEAD) && !is_title(st, i - 2, i) &&
              !is_title(st, i - 1, i) && st->info[i - 1].lex != NER_LEX_NONE &&
              st->info[i - 1].lex / 3 == 0) || /* no English word */
             /* a family name that comes first: "Tan" "Chee Keong" */
             (j - i == 2 &&
              hashed_in(st, i - 1, FAMILY_FIRST,
                        sizeof FAMILY_FIRST / sizeof *FAMILY_FIRST))) &&
            !(gaz_mask(phrase_gaz(st, i - 1, i)) & NOT_PER))
            i--;
        /* "John Jacob Astor IV": a person's regnal or generational number */
        if (type == NER_PER && j - i >= 2 && j < ntok && st->tags[j] == 0 &&
            roman(text, &tok[j]))
            j++;
        /* ... and a monarch's after a title, also of one letter: "King
         * George V", "Pope Pius X", "King William I." (not the pronoun:
         * "Charles I think"). */
        else if (type == NER_PER && j < ntok && st->tags[j] == 0 && i > 0 &&
                 is_title(st, i - 1, i) &&
                 (roman(text, &tok[j]) || regnal_letter(st, text, tok, j)))
            j++;
        /* ... and after a given name alone, with the full stop that ends
         * its sentence: "the daughter of Henry I.", "deposed by Mary I." */
        else if (type == NER_PER && j == i + 1 && j < ntok &&
                 st->tags[j] == 0 && tok[j].end - tok[j].start == 2 &&
                 text[tok[j].start + 1] == '.' &&
                 (j + 1 == ntok || st->info[j + 1].first) &&
                 has(phrase_gaz(st, i, i + 1), NER_G_FIRST) &&
                 regnal_letter(st, text, tok, j))
            j++;
        /* An unbalanced bracket never belongs to a name: "(South) Korea"
         * gives "Korea"; "Mladost ( BJ )" stays whole. A person's name
         * that starts over is two ("Vince Vince", a signature and a
         * greeting). */
        int part_type = type;
        for (size_t a = i; a < j;) {
            size_t b = a, nb = 0, tb = 0;
            int ob = -1;
            while (b < j && !lone_bracket(text, tok, a, j, b) &&
                   !(nb = name_break(text, tok, b, j)) &&
                   !(nb = verb_break(st, text, tok, type, a, b, j)) &&
                   !(nb = streets_break(st, text, tok, a, b, j)) &&
                   !(tb = title_break(st, a, b, j)) &&
                   (ob = owner_break(st, text, tok, part_type, a, b, j)) < 0 &&
                   !(type == NER_PER && b > a &&
                     ((st->info[b].h_lower == st->info[a].h_lower &&
                       st->info[a].len > 2 && /* not "C. C. Wei" */
                       !name_repeats(st, text, tok, a, j)) ||
                      next_person(st, text, tok, a, b, j))))
                b++;
            if (b > a && has_alnum(st->info, a, b) &&
                !ordinary_lower(st, a, b, false)) {
                if (grow((void **)&st->men, &st->cap_men, nmen + 1,
                         sizeof(mention)) < 0)
                    goto oom;
                uint32_t canon;
                size_t ma = a, mb = b;
                int mtype = part_type;
                if (ob >= 0) /* the place or leader before what it has */
                    mtype = ob;
                if (tb && mtype == NER_PER) { /* the person's place or
                                                 body ("U.N." a body's) */
                    uint32_t gm = gaz_mask(phrase_gaz(st, a, b));
                    mtype =
                        !(gm & ((1u << NER_G_ORG) | (1u << NER_G_ORGLIST))) &&
                                (gm &
                                 ((1u << NER_G_COUNTRY) | (1u << NER_G_STATE) |
                                  (1u << NER_G_CITY) | (1u << NER_G_ALIAS)))
                            ? NER_LOC
                            : NER_ORG;
                }
                /* what the rules cut a name down to is ordinary words
                 * no more than the whole was ("DVD. give" gives none) */
                if (span_rules(st, text, tok, &ma, &mb, &mtype) &&
                    !(mb - ma < b - a && ordinary_lower(st, ma, mb, false))) {
                    /* no rule makes a person of what names the site after
                     * it: "the Ramon Llull school", "the Mandela bridge" */
                    if (mtype == NER_PER && part_type != NER_PER &&
                        (site_noun(st, mb) || area_noun(st, mb) ||
                         natural_noun(st, mb)))
                        mtype = NER_LOC;
                    if (mtype == NER_LOC && mb == ma + 1 &&
                        state_abbreviation(text, tok, ma, ntok))
                        mb++; /* "TULSA, Okla. (AP)": its full stop */
                    int wa = with_apostrophe(st, text, tok, ntok, ma, mb);
                    if (wa >= 0) { /* "St. John's" */
                        mb++;
                        mtype = wa;
                    }
                    uint8_t label = refine(st, mtype, ma, mb, &canon);
                    /* the full stop after "I" is the sentence's */
                    uint8_t cut = mtype == NER_PER && mb == j && mb > ma + 1 &&
                                  tok[mb - 1].end - tok[mb - 1].start == 2 &&
                                  text[tok[mb - 1].end - 1] == '.' &&
                                  strchr("IVX", text[tok[mb - 1].start]) &&
                                  st->info[mb - 2].cap == NER_CAP_TITLE &&
                                  st->info[mb - 2].alpha;
                    st->men[nmen++] = (mention){.a = (uint32_t)ma,
                                                .cut = cut,
                                                .b = (uint32_t)mb,
                                                .label = label,
                                                .canon = canon};
                }
            }
            a = b < j && bracket(text, &tok[b]) ? b + 1 : b;
            if (a == b && b < j)
                a += nb + tb;
            if (ob >= 0)
                a++; /* the "'s" */
            if (tb)
                part_type = NER_PER;
        }
        i = j - 1;
    }
    long np = propagate(st, ntok, nmen);
    if (np < 0)
        goto oom;
    nmen = (size_t)np;
    agency_signoff(st, text, tok, ntok, nmen);
    company_short_names(st, text, tok, ntok, nmen);
    definitions(st, text, tok, ntok, nmen);
    np = hyphen_names(st, text, tok, ntok, nmen);
    if (np < 0)
        goto oom;
    nmen = (size_t)np;
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
    word_rules_init(st);
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

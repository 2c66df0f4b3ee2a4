/*
 * The entity tagger's trainer: builds plugins/entities/model/entities.model.
 *
 *   train --gaz GAZ.tsv [--clusters PATHS.txt] --train TRAIN.txt
 *         [--prose PROSE.txt [--prose-times N]]
 *         [--dev DEV.txt] [--epochs N] [--row-bits B] [--prune Q]
 *         [--max-rows N] [--seed S] --out MODEL
 *   eval  --model MODEL [--show N] FILE.txt ...
 *
 * `train` reads CoNLL-2003 files (one `word POS chunk TAG` line per token,
 * IOB1 or IOB2 tags, -DOCSTART- lines between documents), turns every token
 * into the features of ner.h (the same code the plugin runs), and trains an
 * averaged structured perceptron over BILOU tags with first-order Viterbi
 * decoding. --prose adds hand-written prose with inline marks
 * ({PER|Marie Curie}; see corpus_add_prose), each document seen N times
 * per epoch. After each epoch it measures the model on --dev, through the
 * compact table the plugin reads. The weights are averaged, quantised to
 * int16, pruned (rows whose largest weight is below --prune quantised
 * units are dropped; past --max-rows rows in all, the last stage keeps its
 * strongest) and written with the gazetteer (GAZ.tsv from
 * tools/gaz.py) and the word clusters (tools/clusters.c output) into one file.
 *
 * `eval` loads a model file exactly as the plugin does, tags the CoNLL
 * files and prints per-type precision, recall and F1 (exact span match, as
 * conlleval), to measure on the dev split while the CLI is not at hand.
 *
 * Deterministic: the same inputs and flags give the same bytes.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../ner.h"

/* ---- small helpers ------------------------------------------------------- */

#include "xalloc.h"

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = xcalloc(n, 1);
    memcpy(p, s, n);
    return p;
}

static uint32_t log2_for(size_t count, double load)
{
    uint32_t l = 4;
    while ((double)((size_t)1 << l) * load < (double)count)
        l++;
    return l;
}

/* ---- the model under construction ---------------------------------------- */

typedef struct builder {
    struct ner_file_header h;
    int16_t trans[NER_STAGES * (NER_NTAGS + 1) * NER_NTAGS];
    uint32_t *wk;                       /* the weight table: keys */
    int16_t *wv16;                      /* its rows as exported (training) */
    struct ner_wrow *wv;                /* and as the file packs them */
    struct ner_wslot *rows[NER_STAGES]; /* kept rows of each stage */
    size_t n_rows[NER_STAGES];
    size_t max_rows; /* weight rows of all stages at most (0: no limit) */
    struct ner_gslot *g;
    uint64_t *bloom;
    struct ner_cslot *c;
} builder;

static void builder_view(const builder *b, ner_model *m)
{
    memset(m, 0, sizeof(*m));
    m->h = &b->h;
    m->trans = b->trans;
    m->wk = b->wk;
    m->wv = b->wv;
    m->g = b->g;
    m->bloom = b->bloom;
    m->c = b->h.c_log2 ? b->c : NULL;
    m->w_mask = b->wk ? (1u << b->h.w_log2) - 1 : 0;
    m->g_mask = (1u << b->h.g_log2) - 1;
    m->b_mask = (uint32_t)(((uint64_t)1 << b->h.b_log2) - 1);
    m->c_mask = b->h.c_log2 ? (1u << b->h.c_log2) - 1 : 0;
    m->row_mask = (uint32_t)(((uint64_t)1 << b->h.row_bits) - 1);
}

/* Splits a gazetteer phrase into tokens as a tokenizer would: on spaces,
 * with , ; : ( ) " split off. Returns the count; toks/lens hold up to max. */
static size_t phrase_tokens(const char *s, const char **toks, size_t *lens,
                            size_t max)
{
    size_t n = 0;
    while (*s && n < max) {
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        if (strchr(",;:()\"", *s)) {
            toks[n] = s;
            lens[n++] = 1;
            s++;
            continue;
        }
        const char *e = s;
        while (*e && *e != ' ' && !strchr(",;:()\"", *e))
            e++;
        toks[n] = s;
        lens[n++] = (size_t)(e - s);
        s = e;
    }
    return n;
}

struct gaz_entry {
    uint32_t key;
    uint32_t mask;
    uint16_t canon;
};

static int gaz_entry_cmp(const void *a, const void *b)
{
    const struct gaz_entry *x = a, *y = b;
    return x->key < y->key ? -1 : x->key > y->key;
}

static const char *const GAZ_TYPES[NER_G_NTYPES] = {
    "COUNTRY", "CITY", "STATE",   "LOC",     "PERSON", "FIRST", "ORG",
    "NORP",    "MISC", "LOCWORD", "ORGWORD", "TITLE",  "ALIAS", "REGION",
};

/* The word sets of the Bloom filter (enum ner_wset) in GAZ.tsv. */
static const char *const WSET_TYPES[NER_W_N] = {
    "COMMON", "W_LOW1", "W_LOW2", "W_UP1", "W_UP2",
};

/* Reads GAZ.tsv into the gazetteer table and the Bloom filter. */
static void load_gaz(builder *b, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "train: %s: %s\n", path, strerror(errno));
        exit(1);
    }
    struct gaz_entry *e = NULL;
    size_t n = 0, cap = 0;
    uint32_t *common = NULL;
    size_t n_common = 0, cap_common = 0;
    char **canon = NULL;
    size_t n_canon = 0;
    char line[1024];
    uint32_t maxlen = 1;
    while (fgets(line, sizeof(line), f)) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = 0;
        char *typ = line, *phrase = strchr(line, '\t');
        if (!phrase)
            continue;
        *phrase++ = 0;
        char *cn = strchr(phrase, '\t');
        if (cn)
            *cn++ = 0;
        const char *toks[16];
        size_t lens[16];
        size_t nt = phrase_tokens(phrase, toks, lens, 16);
        if (nt == 0 || nt == 16)
            continue;
        uint32_t key = 0;
        int set = -1;
        for (int k = 0; k < NER_W_N; k++)
            if (!strcmp(typ, WSET_TYPES[k]))
                set = k;
        if (set >= 0) {
            ner_word w;
            if (nt != 1)
                continue;
            ner_word_make(&w, toks[0], lens[0]);
            if (n_common == cap_common) {
                cap_common = cap_common ? 2 * cap_common : 4096;
                common = xrealloc(common, cap_common * sizeof(*common));
            }
            common[n_common++] = ner_wset_key(ner_key_word(&w), (uint32_t)set);
            continue;
        }
        int t = -1;
        for (int k = 0; k < NER_G_NTYPES; k++)
            if (!strcmp(typ, GAZ_TYPES[k]))
                t = k;
        if (!strcmp(typ, "ORGLIST"))
            t = NER_G_ORGLIST;
        if (!strcmp(typ, "MISCHEAD"))
            t = NER_G_MISCHEAD;
        if (!strcmp(typ, "FACHEAD"))
            t = NER_G_FACHEAD;
        if (!strcmp(typ, "ORGHEAD"))
            t = NER_G_ORGHEAD;
        if (!strcmp(typ, "NEWSPERSON"))
            t = NER_G_NEWS;
        if (!strcmp(typ, "GIVEN"))
            t = NER_G_GIVEN;
        if (t < 0) {
            fprintf(stderr, "train: %s: unknown type %s\n", path, typ);
            exit(1);
        }
        uint16_t cid = 0;
        if (cn && *cn) {
            size_t k;
            for (k = 0; k < n_canon; k++)
                if (!strcmp(canon[k], cn))
                    break;
            if (k == n_canon) {
                if (n_canon + 1 >= 1u << NER_G_CANON_BITS) {
                    fprintf(stderr,
                            "train: %s: more than %u canonical ids (the "
                            "gazetteer slot holds %d bits)\n",
                            path, (1u << NER_G_CANON_BITS) - 1,
                            NER_G_CANON_BITS);
                    exit(1);
                }
                canon = xrealloc(canon, (n_canon + 1) * sizeof(*canon));
                canon[n_canon++] = xstrdup(cn);
            }
            cid = (uint16_t)(k + 1);
        }
        if (nt > maxlen)
            maxlen = (uint32_t)nt;
        for (size_t k = 0; k < nt; k++) {
            ner_word w;
            ner_word_make(&w, toks[k], lens[k]);
            key = ner_key_extend(key, ner_key_word(&w), k == 0);
            if (n == cap) {
                cap = cap ? 2 * cap : 4096;
                e = xrealloc(e, cap * sizeof(*e));
            }
            e[n].key = key ? key : 1;
            e[n].mask = k + 1 == nt ? 1u << t : 1u << NER_G_PREFIX;
            e[n].canon = k + 1 == nt ? cid : 0;
            n++;
        }
    }
    fclose(f);
    if (n)
        qsort(e, n, sizeof(*e), gaz_entry_cmp);
    size_t u = 0;
    for (size_t i = 0; i < n; i++) {
        if (u && e[u - 1].key == e[i].key) {
            e[u - 1].mask |= e[i].mask;
            if (!e[u - 1].canon)
                e[u - 1].canon = e[i].canon;
        } else {
            e[u++] = e[i];
        }
    }
    b->h.g_log2 = log2_for(u, 0.6);
    b->g = xcalloc((size_t)1 << b->h.g_log2, sizeof(*b->g));
    uint32_t gm = (1u << b->h.g_log2) - 1;
    for (size_t i = 0; i < u; i++) {
        uint32_t j = ner_mix32(e[i].key) & gm;
        while (b->g[j].key)
            j = (j + 1) & gm;
        b->g[j].key = e[i].key;
        b->g[j].mask = e[i].mask;
        b->g[j].canon = e[i].canon;
    }
    b->h.gaz_maxlen = maxlen;
    b->h.b_log2 = 20;
    while (((uint64_t)1 << b->h.b_log2) < (uint64_t)n_common * 12)
        b->h.b_log2++;
    b->bloom = xcalloc((size_t)1 << (b->h.b_log2 - 6), sizeof(uint64_t));
    uint32_t bm = (uint32_t)(((uint64_t)1 << b->h.b_log2) - 1);
    for (size_t i = 0; i < n_common; i++) {
        uint32_t key = common[i];
        uint32_t h1 = ner_mix32(key ^ 0xb10f);
        uint32_t h2 = ner_mix32(key + 0x5bd1e995u);
        for (uint32_t k = 0; k < 4; k++) {
            uint32_t bit = (h1 + k * h2) & bm;
            b->bloom[bit >> 6] |= (uint64_t)1 << (bit & 63);
        }
    }
    fprintf(stderr,
            "train: gazetteer: %zu keys in %u slots, %zu word-set entries, "
            "%zu canonical names, longest %u tokens\n",
            u, gm + 1, n_common, n_canon, maxlen);
    for (size_t k = 0; k < n_canon; k++)
        free(canon[k]);
    free(canon);
    free(common);
    free(e);
}

/* Reads word clusters: lines "PATH<TAB>WORD[<TAB>COUNT]" with PATH a string
 * of 0 and 1 (Brown clusters). */
static void load_clusters(builder *b, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "train: %s: %s\n", path, strerror(errno));
        exit(1);
    }
    struct ner_cslot *tmp = NULL;
    size_t n = 0, cap = 0;
    char line[1024];
    while (fgets(line, sizeof(line), f)) {
        char *word = strchr(line, '\t');
        if (!word)
            continue;
        *word++ = 0;
        char *end = strpbrk(word, "\t\n");
        if (end)
            *end = 0;
        uint32_t p = 0, len = 0;
        for (const char *s = line; *s && len < 24; s++, len++)
            p |= (uint32_t)(*s == '1') << (31 - len);
        ner_word w;
        ner_word_make(&w, word, strlen(word));
        if (n == cap) {
            cap = cap ? 2 * cap : 4096;
            tmp = xrealloc(tmp, cap * sizeof(*tmp));
        }
        tmp[n].key = ner_key_word(&w) ? ner_key_word(&w) : 1;
        tmp[n].pl = p | len;
        n++;
    }
    fclose(f);
    b->h.c_log2 = log2_for(n, 0.6);
    b->c = xcalloc((size_t)1 << b->h.c_log2, sizeof(*b->c));
    uint32_t cm = (1u << b->h.c_log2) - 1;
    for (size_t i = 0; i < n; i++) {
        uint32_t j = ner_mix32(tmp[i].key) & cm;
        while (b->c[j].key && b->c[j].key != tmp[i].key)
            j = (j + 1) & cm;
        if (!b->c[j].key)
            b->c[j] = tmp[i];
    }
    fprintf(stderr, "train: %zu word clusters\n", n);
    free(tmp);
}

/* ---- CoNLL data -------------------------------------------------------- */

typedef struct corpus {
    char **words;  /* per token */
    uint8_t *gold; /* BILOU tag per token */
    size_t n_tok;
    size_t
        *sent_start; /* sentence s: tokens [sent_start[s], sent_start[s+1]) */
    size_t n_sent;
    size_t
        *doc_start; /* document d: sentences [doc_start[d], doc_start[d+1]) */
    size_t n_doc;
    uint8_t *times; /* per document: sentences seen per epoch (NULL: 1) */
    size_t cap_tok, cap_sent; /* while documents are appended */
    ner_info *info;           /* per token */
    /* features */
    uint32_t *feat;     /* rows, all tokens */
    size_t *feat_start; /* per token, n_tok + 1 */
} corpus;

static int type_of(const char *t)
{
    if (!strcmp(t, "PER"))
        return NER_PER;
    if (!strcmp(t, "ORG"))
        return NER_ORG;
    if (!strcmp(t, "LOC"))
        return NER_LOC;
    if (!strcmp(t, "MISC"))
        return NER_MISC;
    return -1;
}

/* IOB1/IOB2 tags of one sentence (types and B flags) to BILOU tags. */
static void to_bilou(const int *type, const bool *begin, size_t n, uint8_t *out)
{
    for (size_t i = 0; i < n; i++) {
        if (type[i] < 0) {
            out[i] = 0;
            continue;
        }
        bool starts = i == 0 || type[i - 1] != type[i] || begin[i];
        bool ends = i + 1 == n || type[i + 1] != type[i] || begin[i + 1];
        int part = starts ? (ends ? NER_U : NER_B) : (ends ? NER_L : NER_I);
        out[i] = (uint8_t)ner_tag(type[i], part);
    }
}

static void corpus_read(corpus *c, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "train: %s: %s\n", path, strerror(errno));
        exit(1);
    }
    size_t cap_tok = 0, cap_sent = 0, cap_doc = 0;
    int *types = NULL;
    bool *begins = NULL;
    size_t cap_tb = 0;
    char line[4096];
    memset(c, 0, sizeof(*c));
    bool in_sent = false;
    size_t sent_first = 0;
#define PUSH_SENT()                                                            \
    do {                                                                       \
        if (in_sent) {                                                         \
            to_bilou(types + sent_first, begins + sent_first,                  \
                     c->n_tok - sent_first, c->gold + sent_first);             \
            in_sent = false;                                                   \
        }                                                                      \
    } while (0)
    for (;;) {
        bool eof = !fgets(line, sizeof(line), f);
        char *nl = eof ? NULL : strchr(line, '\n');
        if (nl)
            *nl = 0;
        if (eof || line[0] == 0 || !strncmp(line, "-DOCSTART-", 10)) {
            PUSH_SENT();
            if (eof)
                break;
            if (line[0]) {
                if (c->n_doc == cap_doc) {
                    cap_doc = cap_doc ? 2 * cap_doc : 256;
                    c->doc_start =
                        xrealloc(c->doc_start, (cap_doc + 1) * sizeof(size_t));
                }
                c->doc_start[c->n_doc++] = c->n_sent;
            }
            continue;
        }
        if (c->n_doc == 0) {
            cap_doc = 256;
            c->doc_start =
                xrealloc(c->doc_start, (cap_doc + 1) * sizeof(size_t));
            c->doc_start[c->n_doc++] = 0;
        }
        char *sp = strchr(line, ' ');
        char *last = strrchr(line, ' ');
        if (!sp)
            continue;
        *sp = 0;
        if (!in_sent) {
            if (c->n_sent + 1 >= cap_sent) {
                cap_sent = cap_sent ? 2 * cap_sent : 4096;
                c->sent_start =
                    xrealloc(c->sent_start, (cap_sent + 1) * sizeof(size_t));
            }
            c->sent_start[c->n_sent++] = c->n_tok;
            in_sent = true;
            sent_first = c->n_tok;
        }
        if (c->n_tok == cap_tok) {
            cap_tok = cap_tok ? 2 * cap_tok : 65536;
            c->words = xrealloc(c->words, cap_tok * sizeof(*c->words));
            c->gold = xrealloc(c->gold, cap_tok);
        }
        if (c->n_tok == cap_tb) {
            cap_tb = cap_tok;
            types = xrealloc(types, cap_tb * sizeof(*types));
            begins = xrealloc(begins, cap_tb * sizeof(*begins));
        }
        const char *tag = last + 1;
        types[c->n_tok] = strcmp(tag, "O") ? type_of(tag + 2) : -1;
        begins[c->n_tok] = tag[0] == 'B';
        c->words[c->n_tok++] = xstrdup(line);
    }
#undef PUSH_SENT
    fclose(f);
    c->sent_start = xrealloc(c->sent_start, (c->n_sent + 1) * sizeof(size_t));
    c->sent_start[c->n_sent] = c->n_tok;
    c->doc_start = xrealloc(c->doc_start, (c->n_doc + 1) * sizeof(size_t));
    c->doc_start[c->n_doc] = c->n_sent;
    free(types);
    free(begins);
}

/* Analyses every token with the model's gazetteer and clusters: exactly
 * what the plugin does for a document. */
static void corpus_analyse(corpus *c, const ner_model *m)
{
    free(c->info);
    c->info = xcalloc(c->n_tok, sizeof(*c->info));
    ner_info *in = c->info;
    ner_word *words = NULL;
    size_t cap_words = 0;
    for (size_t d = 0; d < c->n_doc; d++) {
        size_t t0 = c->sent_start[c->doc_start[d]];
        size_t t1 = c->sent_start[c->doc_start[d + 1]];
        if (t1 - t0 > cap_words) {
            cap_words = t1 - t0;
            words = xrealloc(words, cap_words * sizeof(*words));
        }
        for (size_t t = t0; t < t1; t++) {
            ner_word_make(&words[t - t0], c->words[t], strlen(c->words[t]));
            ner_info_word(&in[t], &words[t - t0], m);
        }
        for (size_t s = c->doc_start[d]; s < c->doc_start[d + 1]; s++) {
            size_t a = c->sent_start[s], b = c->sent_start[s + 1];
            ner_info_sentence(in + a, b - a, words + (a - t0), m);
        }
        uint32_t slots = 16;
        while (slots < 2 * (t1 - t0))
            slots *= 2;
        uint32_t *table = xcalloc(2 * (size_t)slots, sizeof(uint32_t));
        ner_doc_case(in + t0, t1 - t0, table, slots);
        free(table);
    }
    free(words);
}

/* The first stage's tags (per token) as history for the second stage. */
static void corpus_history(corpus *c, const uint8_t *tags)
{
    for (size_t d = 0; d < c->n_doc; d++) {
        size_t t0 = c->sent_start[c->doc_start[d]];
        size_t t1 = c->sent_start[c->doc_start[d + 1]];
        uint32_t slots = 16;
        while (slots < 2 * (t1 - t0))
            slots *= 2;
        uint32_t *table = xcalloc(6 * (size_t)slots, sizeof(uint32_t));
        ner_history(c->info + t0, t1 - t0, tags + t0, table, slots);
        free(table);
    }
}

/* Every token's feature rows for one stage. */
static void corpus_features(corpus *c, uint32_t row_mask, uint32_t stage)
{
    size_t cap = c->n_tok * 48;
    c->feat = xrealloc(c->feat, cap * sizeof(uint32_t));
    c->feat_start = xrealloc(c->feat_start, (c->n_tok + 1) * sizeof(size_t));
    size_t nf = 0;
    for (size_t s = 0; s < c->n_sent; s++) {
        size_t a = c->sent_start[s], b = c->sent_start[s + 1];
        for (size_t i = a; i < b; i++) {
            if (nf + NER_MAXFEAT > cap) {
                cap *= 2;
                c->feat = xrealloc(c->feat, cap * sizeof(uint32_t));
            }
            c->feat_start[i] = nf;
            size_t k =
                ner_features(c->info + a, b - a, i - a, c->feat + nf, stage);
            for (size_t j = 0; j < k; j++)
                c->feat[nf + j] &= row_mask;
            nf += k;
        }
    }
    c->feat_start[c->n_tok] = nf;
}

/* ---- evaluation -------------------------------------------------------- */

typedef struct counts {
    size_t tp[NER_NTYPES], fp[NER_NTYPES], fn[NER_NTYPES];
} counts;

typedef struct span {
    size_t a, b;
    int type;
} span;

static size_t spans_of(const uint8_t *tags, size_t n, span *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        int p = ner_tag_part(tags[i]);
        if (p == NER_B || p == NER_U) {
            size_t j = i;
            if (p == NER_B)
                while (j + 1 < n && ner_tag_part(tags[j + 1]) == NER_I)
                    j++;
            if (p == NER_B && j + 1 < n && ner_tag_part(tags[j + 1]) == NER_L)
                j++;
            out[k].a = i;
            out[k].b = j + 1;
            out[k].type = ner_tag_type(tags[i]);
            k++;
            i = j;
        }
    }
    return k;
}

static void count_sentence(counts *cn, const uint8_t *gold, const uint8_t *pred,
                           size_t n, span *sg, span *sp)
{
    size_t ng = spans_of(gold, n, sg), np = spans_of(pred, n, sp);
    for (size_t i = 0; i < np; i++) {
        bool hit = false;
        for (size_t j = 0; j < ng; j++)
            if (sg[j].a == sp[i].a && sg[j].b == sp[i].b &&
                sg[j].type == sp[i].type)
                hit = true;
        if (hit)
            cn->tp[sp[i].type]++;
        else
            cn->fp[sp[i].type]++;
    }
    for (size_t j = 0; j < ng; j++) {
        bool hit = false;
        for (size_t i = 0; i < np; i++)
            if (sg[j].a == sp[i].a && sg[j].b == sp[i].b &&
                sg[j].type == sp[i].type)
                hit = true;
        if (!hit)
            cn->fn[sg[j].type]++;
    }
}

static double f1_of(size_t tp, size_t fp, size_t fn, double *p, double *r)
{
    *p = tp + fp ? (double)tp / (double)(tp + fp) : 0;
    *r = tp + fn ? (double)tp / (double)(tp + fn) : 0;
    return *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

static double print_counts(const counts *cn, bool verbose)
{
    static const char *names[] = {"PER", "ORG", "LOC", "MISC"};
    size_t tp = 0, fp = 0, fn = 0;
    double p, r, f;
    for (int t = 0; t < NER_NTYPES; t++) {
        tp += cn->tp[t];
        fp += cn->fp[t];
        fn += cn->fn[t];
        f = f1_of(cn->tp[t], cn->fp[t], cn->fn[t], &p, &r);
        if (verbose)
            printf("%-5s P %6.2f  R %6.2f  F1 %6.2f  (gold %zu)\n", names[t],
                   100 * p, 100 * r, 100 * f, cn->tp[t] + cn->fn[t]);
    }
    f = f1_of(tp, fp, fn, &p, &r);
    size_t tp3 = tp - cn->tp[NER_MISC], fp3 = fp - cn->fp[NER_MISC],
           fn3 = fn - cn->fn[NER_MISC];
    double p3, r3, f3 = f1_of(tp3, fp3, fn3, &p3, &r3);
    if (verbose)
        printf("ALL   P %6.2f  R %6.2f  F1 %6.2f   PER/ORG/LOC F1 %6.2f\n",
               100 * p, 100 * r, 100 * f, 100 * f3);
    return f;
}

/* Emission scores of one token from the weight rows as exported, int16
 * (wv16, NER_WROW a row, in the slots of m's keys), before the file packs
 * them into int8 rows: the weights are quantised after training, so
 * training decodes with these (the jackknife's tags, and so the second
 * stage's history, are those of the unpacked weights). */
static void emission16(const ner_model *m, const int16_t *wv16,
                       const uint32_t *feats, size_t nf, uint32_t stage,
                       int32_t *em)
{
    int32_t acc[NER_WROW] = {0};
    if (nf > NER_MAXFEAT)
        nf = NER_MAXFEAT;
    for (size_t f = 0; f < nf; f++) {
        uint32_t key = ner_wkey(m, feats[f], stage);
        uint32_t i = ner_wslot_find(m, key, ner_wslot_first(key, m->h->w_log2));
        if (i == NER_NOSLOT)
            continue;
        const int16_t *w = wv16 + (size_t)i * NER_WROW;
        for (int t = 0; t < NER_WROW; t++)
            acc[t] += w[t];
    }
    memcpy(em, acc, NER_NTAGS * sizeof(int32_t));
}

/* Tags the documents of a corpus whose features are computed (all, or
 * those with sel[d]) with the compact model's stage: with its int16 rows
 * wv16 while training, with the packed rows the file holds when wv16 is
 * NULL. Returns the F1. */
static double tag_corpus(const corpus *c, const ner_model *m,
                         const int16_t *wv16, uint32_t stage, const bool *sel,
                         bool verbose, uint8_t *pred_out)
{
    counts cn;
    memset(&cn, 0, sizeof(cn));
    size_t maxn = 0;
    for (size_t s = 0; s < c->n_sent; s++)
        if (c->sent_start[s + 1] - c->sent_start[s] > maxn)
            maxn = c->sent_start[s + 1] - c->sent_start[s];
    int32_t *em = xcalloc(maxn * NER_NTAGS, sizeof(int32_t));
    uint8_t *back = xcalloc(maxn * NER_NTAGS, 1);
    uint8_t *pred = xcalloc(maxn, 1);
    span *sg = xcalloc(maxn, sizeof(span)), *sp = xcalloc(maxn, sizeof(span));
    ner_trans trans;
    ner_trans_prepare(m->trans + stage * (NER_NTAGS + 1) * NER_NTAGS, &trans);
    for (size_t d = 0; d < c->n_doc; d++) {
        if (sel && !sel[d])
            continue;
        for (size_t s = c->doc_start[d]; s < c->doc_start[d + 1]; s++) {
            size_t a = c->sent_start[s], n = c->sent_start[s + 1] - a;
            for (size_t i = 0; i < n; i++) {
                const uint32_t *f = c->feat + c->feat_start[a + i];
                size_t nf = c->feat_start[a + i + 1] - c->feat_start[a + i];
                if (wv16)
                    emission16(m, wv16, f, nf, stage, em + i * NER_NTAGS);
                else
                    ner_emission(m, f, nf, stage, em + i * NER_NTAGS);
            }
            ner_viterbi(em, n, &trans, back, pred);
            count_sentence(&cn, c->gold + a, pred, n, sg, sp);
            if (pred_out)
                memcpy(pred_out + a, pred, n);
        }
    }
    free(em);
    free(back);
    free(pred);
    free(sg);
    free(sp);
    return print_counts(&cn, verbose);
}

/* ---- the plugin's tokens ------------------------------------------------ */

#ifdef NER_WITH_CORE
#include "text.h"

/* Appends one document to o: text, tokenized and split into sentences by
 * the core's shared tokenizer (core/text.c), with its gold entities given
 * as character spans. A token belongs to an entity when it lies inside the
 * span. */
static void corpus_add_text(corpus *o, prism_textseg_t *seg, const char *text,
                            size_t len, const span *sp, size_t nsp)
{
    if (prism_textseg_run(seg, text, len, NULL) < 0) {
        fprintf(stderr, "train: tokenizer failed\n");
        exit(1);
    }
    o->doc_start = xrealloc(o->doc_start, (o->n_doc + 2) * sizeof(size_t));
    o->doc_start[o->n_doc++] = o->n_sent;
    if (o->n_tok + seg->ntoks > o->cap_tok) {
        o->cap_tok = 2 * (o->n_tok + seg->ntoks);
        o->words = xrealloc(o->words, o->cap_tok * sizeof(char *));
        o->gold = xrealloc(o->gold, o->cap_tok);
    }
    size_t base = o->n_tok;
    for (size_t i = 0; i < seg->ntoks; i++) {
        size_t wl = seg->toks[i].end - seg->toks[i].start;
        char *w = xcalloc(wl + 1, 1);
        memcpy(w, text + seg->toks[i].start, wl);
        o->words[base + i] = w;
        o->gold[base + i] = 0;
    }
    for (size_t k = 0, i = 0; k < nsp; k++) {
        while (i < seg->ntoks && seg->toks[i].start < sp[k].a)
            i++;
        size_t j = i;
        while (j < seg->ntoks && seg->toks[j].end <= sp[k].b)
            j++;
        for (size_t t = i; t < j; t++) {
            int part = j - i == 1   ? NER_U
                       : t == i     ? NER_B
                       : t + 1 == j ? NER_L
                                    : NER_I;
            o->gold[base + t] = (uint8_t)ner_tag(sp[k].type, part);
        }
        i = j;
    }
    o->n_tok += seg->ntoks;
    if (o->n_sent + seg->nsents + 1 > o->cap_sent) {
        o->cap_sent = 2 * (o->n_sent + seg->nsents + 1);
        o->sent_start = xrealloc(o->sent_start, o->cap_sent * sizeof(size_t));
    }
    for (size_t s = 0; s < seg->nsents; s++)
        o->sent_start[o->n_sent++] = base + seg->sents[s].tok_start;
    o->doc_start[o->n_doc] = o->n_sent;
    o->sent_start[o->n_sent] = o->n_tok;
}

/* Rebuilds a corpus as the plugin sees it: each document's tokens joined by
 * spaces and its sentences by line breaks (as the evaluation scripts feed
 * CoNLL to prism), then tokenized and split by the core's shared tokenizer.
 * Gold entities keep their character spans. So the model is trained on the
 * very tokens and sentences it will tag ("1996-08-30" is five tokens there,
 * "Lord's" two). */
static void corpus_retokenize(corpus *c)
{
    corpus o;
    memset(&o, 0, sizeof(o));
    prism_textseg_t seg;
    prism_textseg_init(&seg);
    char *text = NULL;
    size_t cap_text = 0;
    size_t *ts = NULL, *te = NULL;
    span *sp = NULL;
    for (size_t d = 0; d < c->n_doc; d++) {
        size_t t0 = c->sent_start[c->doc_start[d]];
        size_t t1 = c->sent_start[c->doc_start[d + 1]];
        size_t len = 0;
        ts = xrealloc(ts, (t1 - t0 + 1) * sizeof(size_t));
        te = xrealloc(te, (t1 - t0 + 1) * sizeof(size_t));
        sp = xrealloc(sp, (t1 - t0 + 1) * sizeof(span));
        for (size_t s = c->doc_start[d]; s < c->doc_start[d + 1]; s++) {
            for (size_t t = c->sent_start[s]; t < c->sent_start[s + 1]; t++) {
                size_t wl = strlen(c->words[t]);
                if (len + wl + 2 > cap_text) {
                    cap_text = 2 * (len + wl + 2);
                    text = xrealloc(text, cap_text);
                }
                if (t > c->sent_start[s])
                    text[len++] = ' ';
                ts[t - t0] = len;
                memcpy(text + len, c->words[t], wl);
                len += wl;
                te[t - t0] = len;
            }
            if (len + 1 > cap_text) {
                cap_text = 2 * (len + 1);
                text = xrealloc(text, cap_text);
            }
            text[len++] = '\n';
        }
        size_t nsp = 0;
        for (size_t s = c->doc_start[d]; s < c->doc_start[d + 1]; s++) {
            size_t a = c->sent_start[s], n = c->sent_start[s + 1] - a;
            size_t k = spans_of(c->gold + a, n, sp + nsp);
            for (size_t i = nsp; i < nsp + k; i++) {
                size_t ca = ts[sp[i].a + a - t0], cb = te[sp[i].b - 1 + a - t0];
                sp[i].a = ca;
                sp[i].b = cb;
            }
            nsp += k;
        }
        corpus_add_text(&o, &seg, text, len, sp, nsp);
    }
    prism_textseg_release(&seg);
    for (size_t t = 0; t < c->n_tok; t++)
        free(c->words[t]);
    free(c->words);
    free(c->gold);
    free(c->sent_start);
    free(c->doc_start);
    free(text);
    free(ts);
    free(te);
    free(sp);
    *c = o;
}

/* Appends the hand-written prose of `path` (plugins/entities/prose/: a
 * "## doc-id" line opens a document, then one sentence per line with
 * entities marked {PER|...}, {ORG|...}, {LOC|...}, {MISC|...}; other lines
 * starting with "#" are comments). A document's sentences are joined by
 * single spaces, as ../shared/eval/ner_spans.py feeds prose to prism. Each
 * document is seen `times` times per epoch. */
static void corpus_add_prose(corpus *c, const char *path, unsigned times)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "train: %s: %s\n", path, strerror(errno));
        exit(1);
    }
    prism_textseg_t seg;
    prism_textseg_init(&seg);
    char *text = NULL, *line = NULL;
    size_t len = 0, cap_text = 0, cap_line = 0, nsp = 0, cap_sp = 0;
    size_t first_doc = c->n_doc, lineno = 0;
    span *sp = NULL;
    bool in_doc = false;
    for (;;) {
        ssize_t got = getline(&line, &cap_line, f);
        lineno++;
        bool opens = got >= 3 && !strncmp(line, "## ", 3);
        if ((got < 0 || opens) && in_doc && len) {
            corpus_add_text(c, &seg, text, len, sp, nsp);
            len = nsp = 0;
        }
        if (got < 0)
            break;
        if (opens)
            in_doc = true;
        while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
            line[--got] = 0;
        if (got == 0 || line[0] == '#')
            continue;
        if (!in_doc) {
            fprintf(stderr,
                    "train: %s:%zu: text before the first "
                    "\"## doc-id\" line\n",
                    path, lineno);
            exit(1);
        }
        if (cap_text < len + (size_t)got + 2) {
            cap_text = 2 * (len + (size_t)got + 2);
            text = xrealloc(text, cap_text);
        }
        if (len)
            text[len++] = ' ';
        for (const char *p = line; *p;) {
            const char *bar = p[0] == '{' ? strchr(p, '|') : NULL;
            const char *close = bar ? strchr(bar, '}') : NULL;
            if (!bar) {
                text[len++] = *p++;
                continue;
            }
            char type[8] = {0};
            size_t tl = (size_t)(bar - p - 1);
            if (tl < sizeof(type))
                memcpy(type, p + 1, tl);
            if (!close || type_of(type) < 0) {
                fprintf(stderr,
                        "train: %s:%zu: a mark must be {TYPE|name}, "
                        "TYPE one of PER ORG LOC MISC\n",
                        path, lineno);
                exit(1);
            }
            if (nsp == cap_sp) {
                cap_sp = cap_sp ? 2 * cap_sp : 64;
                sp = xrealloc(sp, cap_sp * sizeof(*sp));
            }
            sp[nsp].a = len;
            memcpy(text + len, bar + 1, (size_t)(close - bar - 1));
            len += (size_t)(close - bar - 1);
            sp[nsp].b = len;
            sp[nsp++].type = type_of(type);
            p = close + 1;
        }
    }
    fprintf(stderr,
            "train: %s: %zu docs of prose, each seen %u times per "
            "epoch\n",
            path, c->n_doc - first_doc, times);
    uint8_t *tm = xcalloc(c->n_doc, 1);
    for (size_t d = 0; d < c->n_doc; d++)
        tm[d] = d < first_doc ? (c->times ? c->times[d] : 1) : (uint8_t)times;
    free(c->times);
    c->times = tm;
    prism_textseg_release(&seg);
    free(text);
    free(line);
    free(sp);
    fclose(f);
}
#else
static void corpus_retokenize(corpus *c)
{
    (void)c;
}

static void corpus_add_prose(corpus *c, const char *path, unsigned times)
{
    (void)c;
    (void)times;
    fprintf(stderr,
            "train: %s: prose needs the core's tokenizer "
            "(build with -DNER_WITH_CORE)\n",
            path);
    exit(1);
}
#endif

/* Reads a CoNLL file, as the plugin will see it when built with the core. */
static void corpus_load(corpus *c, const char *path)
{
    corpus_read(c, path);
    corpus_retokenize(c);
}

/* ---- training ------------------------------------------------------------ */

typedef struct perceptron {
    uint32_t row_bits;
    int32_t *w; /* rows * NER_NTAGS */
    int64_t *u; /* sum of c * update */
    int32_t tw[(NER_NTAGS + 1) * NER_NTAGS];
    int64_t tu[(NER_NTAGS + 1) * NER_NTAGS];
    int64_t c;
    /* Seed averaging: the mean of several runs' averaged weights (NULL,
     * or navg == 0, while a run trains; export then reads w and u). */
    double *avg;
    double tavg[(NER_NTAGS + 1) * NER_NTAGS];
    int navg;
} perceptron;

/* Weight i (transition i with trans) as exported: the run's averaged
 * weight, or the mean over the seeds' runs once they are done. */
static double perceptron_value(const perceptron *p, size_t i, bool trans)
{
    if (p->navg > 0)
        return (trans ? p->tavg[i] : p->avg[i]) / p->navg;
    if (trans)
        return p->tw[i] - (double)p->tu[i] / (double)p->c;
    return p->w[i] - (double)p->u[i] / (double)p->c;
}

/* The perceptron's transitions, prepared for ner_viterbi. The weights are
 * small integers (one per update), so int16 holds them. */
static const ner_trans *perceptron_trans(const perceptron *p, ner_trans *out)
{
    int16_t tmp[(NER_NTAGS + 1) * NER_NTAGS];
    for (int i = 0; i < (NER_NTAGS + 1) * NER_NTAGS; i++)
        tmp[i] = (int16_t)(p->tw[i] > 32767    ? 32767
                           : p->tw[i] < -32767 ? -32767
                                               : p->tw[i]);
    ner_trans_prepare(tmp, out);
    return out;
}

static void perceptron_reset(perceptron *p)
{
    size_t n = ((size_t)1 << p->row_bits) * NER_NTAGS;
    memset(p->w, 0, n * sizeof(*p->w));
    memset(p->u, 0, n * sizeof(*p->u));
    memset(p->tw, 0, sizeof(p->tw));
    memset(p->tu, 0, sizeof(p->tu));
    p->c = 1;
    p->navg = 0;
}

/* Adds the finished run's averaged weights to the seed average. */
static void perceptron_accumulate(perceptron *p, int run)
{
    size_t n = ((size_t)1 << p->row_bits) * NER_NTAGS;
    double c = (double)p->c;
    if (run == 0) {
        memset(p->avg, 0, n * sizeof(*p->avg));
        memset(p->tavg, 0, sizeof(p->tavg));
    }
    for (size_t i = 0; i < n; i++)
        if (p->w[i] || p->u[i])
            p->avg[i] += p->w[i] - (double)p->u[i] / c;
    for (int i = 0; i < (NER_NTAGS + 1) * NER_NTAGS; i++)
        p->tavg[i] += p->tw[i] - (double)p->tu[i] / c;
}

static void perceptron_update(perceptron *p, const corpus *cp, size_t a,
                              size_t n, const uint8_t *pred)
{
    const uint8_t *gold = cp->gold + a;
    for (size_t i = 0; i < n; i++) {
        int g = gold[i], q = pred[i];
        int gp = i ? gold[i - 1] : NER_NTAGS, qp = i ? pred[i - 1] : NER_NTAGS;
        if (g != q || gp != qp) {
            p->tw[gp * NER_NTAGS + g]++;
            p->tu[gp * NER_NTAGS + g] += p->c;
            p->tw[qp * NER_NTAGS + q]--;
            p->tu[qp * NER_NTAGS + q] -= p->c;
        }
        if (g == q)
            continue;
        for (size_t f = cp->feat_start[a + i]; f < cp->feat_start[a + i + 1];
             f++) {
            size_t r = (size_t)cp->feat[f] * NER_NTAGS;
            p->w[r + g]++;
            p->u[r + g] += p->c;
            p->w[r + q]--;
            p->u[r + q] -= p->c;
        }
    }
}

/* Orders rows by their largest weight, largest first (then by key). */
static int wslot_big_cmp(const void *a, const void *b)
{
    const struct ner_wslot *x = a, *y = b;
    int bx = 0, by = 0;
    for (int t = 0; t < NER_NTAGS; t++) {
        bx = abs(x->w[t]) > bx ? abs(x->w[t]) : bx;
        by = abs(y->w[t]) > by ? abs(y->w[t]) : by;
    }
    if (bx != by)
        return bx > by ? -1 : 1;
    return x->key < y->key ? -1 : x->key > y->key;
}

static int wslot_cmp(const void *a, const void *b)
{
    const struct ner_wslot *x = a, *y = b;
    return x->key < y->key ? -1 : x->key > y->key;
}

/* Builds the open-addressing weight table from the kept rows of every
 * stage. */
static void build_table(builder *b)
{
    size_t n = 0;
    for (int s = 0; s < NER_STAGES; s++)
        n += b->n_rows[s];
    free(b->wk);
    free(b->wv16);
    free(b->wv);
    /* At most 45% full: most features of a token are not in the pruned
     * table, and a probe for a missing key ends at the first empty slot,
     * which at this load is nearly always the first or the second. */
    b->h.w_log2 = log2_for(n, 0.45);
    b->wk = xcalloc((size_t)1 << b->h.w_log2, sizeof(*b->wk));
    b->wv16 = xcalloc((size_t)NER_WROW << b->h.w_log2, sizeof(*b->wv16));
    b->wv = xcalloc((size_t)1 << b->h.w_log2, sizeof(*b->wv));
    uint32_t mask = (1u << b->h.w_log2) - 1;
    for (int s = 0; s < NER_STAGES; s++) {
        for (size_t i = 0; i < b->n_rows[s]; i++) {
            uint32_t j = ner_wslot_first(b->rows[s][i].key, b->h.w_log2);
            while (b->wk[j])
                j = (j + 1) & mask;
            b->wk[j] = b->rows[s][i].key;
            memcpy(b->wv16 + (size_t)j * NER_WROW, b->rows[s][i].w,
                   sizeof(b->rows[s][i].w));
            b->wv[j] = ner_wrow_pack(b->rows[s][i].w);
        }
    }
}

/* Averages, quantises (int16, one scale for the whole model) and prunes one
 * stage's weights into the builder. The scale is fixed by the first stage
 * exported: later stages clamp to it. */
static void export_weights(builder *b, const perceptron *p, uint32_t stage,
                           int prune, bool quiet)
{
    size_t rows = (size_t)1 << p->row_bits;
    double maxw = 0;
    for (size_t i = 0; i < rows * NER_NTAGS; i++) {
        double v = fabs(perceptron_value(p, i, false));
        if (v > maxw)
            maxw = v;
    }
    for (size_t i = 0; i < (NER_NTAGS + 1) * NER_NTAGS; i++) {
        double v = fabs(perceptron_value(p, i, true));
        if (v > maxw)
            maxw = v;
    }
    /* Each stage has its own units: a stage's scores are compared only
     * with each other, so each gets the full int16 range. */
    double scale = maxw > 0 ? 32000.0 / maxw : 1;
    if (stage == 0)
        b->h.scale = (float)scale;
    int16_t *tr = b->trans + stage * (NER_NTAGS + 1) * NER_NTAGS;
    for (int i = 0; i < (NER_NTAGS + 1) * NER_NTAGS; i++)
        tr[i] = (int16_t)lrint(perceptron_value(p, (size_t)i, true) * scale);
    struct ner_wslot *keep = NULL;
    size_t n = 0, cap = 0;
    for (size_t r = 0; r < rows; r++) {
        struct ner_wslot s;
        long big = 0;
        memset(&s, 0, sizeof(s));
        for (int t = 0; t < NER_NTAGS; t++) {
            double v =
                perceptron_value(p, r * NER_NTAGS + (size_t)t, false) * scale;
            long q = lrint(v);
            s.w[t] = (int16_t)q;
            if (labs(q) > big)
                big = labs(q);
        }
        if (big == 0 || big < prune)
            continue;
        s.key = ((uint32_t)r | (stage << p->row_bits)) + 1;
        if (n == cap) {
            cap = cap ? 2 * cap : 65536;
            keep = xrealloc(keep, cap * sizeof(*keep));
        }
        keep[n++] = s;
    }
    /* Within the size budget: the other stages' rows stay, this stage
     * keeps its strongest rows. */
    size_t others = 0;
    for (uint32_t o = 0; o < NER_STAGES; o++)
        if (o != stage)
            others += b->n_rows[o];
    if (b->max_rows && others + n > b->max_rows) {
        size_t room = b->max_rows > others ? b->max_rows - others : 0;
        qsort(keep, n, sizeof(*keep), wslot_big_cmp);
        n = room;
    }
    qsort(keep, n, sizeof(*keep), wslot_cmp);
    free(b->rows[stage]);
    b->rows[stage] = keep;
    b->n_rows[stage] = n;
    build_table(b);
    if (!quiet)
        fprintf(stderr, "train: stage %u: %zu weight rows kept (prune %d)\n",
                stage + 1, n, prune);
}

static size_t align8(size_t x)
{
    return (x + 7) & ~(size_t)7;
}

static void write_model(builder *b, const char *path)
{
    struct ner_file_header h = b->h;
    memcpy(h.magic, NER_MAGIC, 8);
    h.version = NER_VERSION;
    h.ntags = NER_NTAGS;
    size_t sizes[6] = {
        (size_t)h.stages * (NER_NTAGS + 1) * NER_NTAGS * sizeof(int16_t),
        sizeof(uint32_t) << h.w_log2,
        sizeof(struct ner_wrow) << h.w_log2,
        sizeof(struct ner_gslot) << h.g_log2,
        (size_t)1 << (h.b_log2 - 3),
        h.c_log2 ? sizeof(struct ner_cslot) << h.c_log2 : 0,
    };
    const void *data[6] = {b->trans, b->wk, b->wv, b->g, b->bloom, b->c};
    uint64_t *offs[6] = {&h.off_trans, &h.off_w, &h.off_wv,
                         &h.off_g,     &h.off_b, &h.off_c};
    size_t off = align8(sizeof(h));
    for (int i = 0; i < 6; i++) {
        *offs[i] = off;
        off = align8(off + sizes[i]);
    }
    h.size = off;
    char tmp[4096];
    snprintf(tmp, sizeof(tmp), "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        fprintf(stderr, "train: %s: %s\n", tmp, strerror(errno));
        exit(1);
    }
    static const char zeros[8];
    fwrite(&h, sizeof(h), 1, f);
    size_t at = sizeof(h);
    for (int i = 0; i < 6; i++) {
        fwrite(zeros, 1, *offs[i] - at, f);
        if (sizes[i])
            fwrite(data[i], 1, sizes[i], f);
        at = *offs[i] + sizes[i];
    }
    fwrite(zeros, 1, h.size - at, f);
    if (fclose(f) != 0 || rename(tmp, path) != 0) {
        fprintf(stderr, "train: cannot write %s\n", path);
        exit(1);
    }
    fprintf(stderr, "train: wrote %s (%zu bytes)\n", path, (size_t)h.size);
}

static uint64_t rng_state = 88172645463325252ull;
static uint64_t rng_next(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static const char *arg_value(int argc, char **argv, const char *name,
                             const char *def)
{
    for (int i = 1; i + 1 < argc; i++)
        if (!strcmp(argv[i], name))
            return argv[i + 1];
    return def;
}

/* Trains p (reset first) on the documents of tr with sel[d] (all when
 * NULL) for `epochs` epochs; the features of tr must be computed. With
 * dev, measures after the last epochs through b's table. */
static void train_perceptron(perceptron *p, const corpus *tr, const bool *sel,
                             int epochs, builder *b, uint32_t stage, int prune,
                             const corpus *dev)
{
    perceptron_reset(p);
    size_t maxn = 0, nsel = 0;
    for (size_t s = 0; s < tr->n_sent; s++)
        if (tr->sent_start[s + 1] - tr->sent_start[s] > maxn)
            maxn = tr->sent_start[s + 1] - tr->sent_start[s];
    int32_t *em = xcalloc(maxn * NER_NTAGS, sizeof(int32_t));
    uint8_t *back = xcalloc(maxn * NER_NTAGS, 1), *pred = xcalloc(maxn, 1);
    size_t cap_order = 0;
    for (size_t d = 0; d < tr->n_doc; d++)
        cap_order += (tr->times ? tr->times[d] : 1) *
                     (tr->doc_start[d + 1] - tr->doc_start[d]);
    size_t *order = xcalloc(cap_order, sizeof(size_t));
    for (size_t d = 0; d < tr->n_doc; d++)
        if (!sel || sel[d])
            for (unsigned k = 0; k < (tr->times ? tr->times[d] : 1u); k++)
                for (size_t s = tr->doc_start[d]; s < tr->doc_start[d + 1]; s++)
                    order[nsel++] = s;
    for (int ep = 1; ep <= epochs; ep++) {
        for (size_t s = nsel; s > 1; s--) {
            size_t j = (size_t)(rng_next() % s), t = order[s - 1];
            order[s - 1] = order[j];
            order[j] = t;
        }
        size_t errors = 0;
        for (size_t k = 0; k < nsel; k++) {
            size_t s = order[k];
            size_t a = tr->sent_start[s], n = tr->sent_start[s + 1] - a;
            for (size_t i = 0; i < n; i++) {
                int32_t *e = em + i * NER_NTAGS;
                memset(e, 0, NER_NTAGS * sizeof(int32_t));
                for (size_t f = tr->feat_start[a + i];
                     f < tr->feat_start[a + i + 1]; f++) {
                    const int32_t *w = p->w + (size_t)tr->feat[f] * NER_NTAGS;
                    for (int t = 0; t < NER_NTAGS; t++)
                        e[t] += w[t];
                }
            }
            ner_trans trans;
            ner_viterbi(em, n, perceptron_trans(p, &trans), back, pred);
            if (memcmp(pred, tr->gold + a, n)) {
                errors++;
                perceptron_update(p, tr, a, n, pred);
            }
            p->c++;
        }
        if (dev && ep > epochs - 3) {
            ner_model m;
            export_weights(b, p, stage, prune, true);
            builder_view(b, &m);
            double f = tag_corpus(dev, &m, b->wv16, stage, NULL, false, NULL);
            fprintf(stderr,
                    "train: stage %u epoch %d: %zu sentences wrong, "
                    "dev F1 %.2f\n",
                    stage + 1, ep, errors, 100 * f);
        }
    }
    free(em);
    free(back);
    free(pred);
    free(order);
}

/* Trains `seeds` runs of p, each with its own shuffles (the generator
 * runs on), and leaves p holding the mean of their averaged weights: the
 * perceptron's dependence on the order of the sentences averages out. One
 * seed is plain train_perceptron. */
static void train_seeds(perceptron *p, const corpus *tr, const bool *sel,
                        int epochs, builder *b, uint32_t stage, int prune,
                        const corpus *dev, int seeds)
{
    if (seeds <= 1) {
        train_perceptron(p, tr, sel, epochs, b, stage, prune, dev);
        return;
    }
    for (int k = 0; k < seeds; k++) {
        train_perceptron(p, tr, sel, epochs, b, stage, prune,
                         k + 1 == seeds ? dev : NULL);
        perceptron_accumulate(p, k);
    }
    p->navg = seeds;
    if (dev) {
        ner_model m;
        export_weights(b, p, stage, prune, true);
        builder_view(b, &m);
        double f = tag_corpus(dev, &m, b->wv16, stage, NULL, false, NULL);
        fprintf(stderr, "train: stage %u, mean of %d seeds: dev F1 %.2f\n",
                stage + 1, seeds, 100 * f);
    }
}

static int cmd_train(int argc, char **argv)
{
    const char *gaz = arg_value(argc, argv, "--gaz", NULL);
    const char *clusters = arg_value(argc, argv, "--clusters", NULL);
    const char *train = arg_value(argc, argv, "--train", NULL);
    const char *dev = arg_value(argc, argv, "--dev", NULL);
    const char *out = arg_value(argc, argv, "--out", NULL);
    const char *prose = arg_value(argc, argv, "--prose", NULL);
    int prose_times = atoi(arg_value(argc, argv, "--prose-times", "1"));
    int epochs = atoi(arg_value(argc, argv, "--epochs", "10"));
    int epochs2 = atoi(arg_value(argc, argv, "--epochs2", "10"));
    int prune = atoi(arg_value(argc, argv, "--prune", "0"));
    int prune1 = atoi(arg_value(argc, argv, "--prune1", "1500"));
    int stages = atoi(arg_value(argc, argv, "--stages", "2"));
    int folds = atoi(arg_value(argc, argv, "--folds", "5"));
    int seeds = atoi(arg_value(argc, argv, "--seeds", "1"));
    int fold_seeds = atoi(arg_value(argc, argv, "--fold-seeds", "1"));
    uint32_t row_bits =
        (uint32_t)atoi(arg_value(argc, argv, "--row-bits", "21"));
    rng_state ^= (uint64_t)atoll(arg_value(argc, argv, "--seed", "0"));
    if (!gaz || !train || !out || row_bits < 12 || row_bits > 26 ||
        stages < 1 || stages > NER_STAGES || folds < 2 || prose_times < 1 ||
        prose_times > 255) {
        fprintf(stderr,
                "usage: train --gaz GAZ.tsv [--clusters C] --train TRAIN "
                "[--prose FILE [--prose-times N]] [--dev DEV] [--stages 1|2] "
                "[--epochs N] [--epochs2 N] "
                "[--folds K] [--row-bits B] [--prune Q] [--prune1 Q] "
                "[--max-rows N] --out MODEL\n");
        return 2;
    }
    builder b;
    memset(&b, 0, sizeof(b));
    b.h.row_bits = row_bits;
    b.max_rows = (size_t)atol(arg_value(argc, argv, "--max-rows", "0"));
    b.h.stages = (uint32_t)stages;
    load_gaz(&b, gaz);
    if (clusters)
        load_clusters(&b, clusters);
    ner_model m;
    builder_view(&b, &m);
    uint32_t row_mask = m.row_mask;
    corpus tr, dv;
    memset(&dv, 0, sizeof(dv));
    corpus_load(&tr, train);
    if (prose)
        corpus_add_prose(&tr, prose, (unsigned)prose_times);
    corpus_analyse(&tr, &m);
    corpus_features(&tr, row_mask, 0);
    fprintf(stderr,
            "train: %s: %zu docs, %zu sentences, %zu tokens, %zu features\n",
            train, tr.n_doc, tr.n_sent, tr.n_tok, tr.feat_start[tr.n_tok]);
    if (dev) {
        corpus_load(&dv, dev);
        corpus_analyse(&dv, &m);
        corpus_features(&dv, row_mask, 0);
    }
    perceptron p;
    memset(&p, 0, sizeof(p));
    p.row_bits = row_bits;
    size_t rows = (size_t)1 << row_bits;
    p.w = xcalloc(rows * NER_NTAGS, sizeof(*p.w));
    p.u = xcalloc(rows * NER_NTAGS, sizeof(*p.u));
    if (seeds > 1 || fold_seeds > 1)
        p.avg = xcalloc(rows * NER_NTAGS, sizeof(*p.avg));
    if (stages == 1) {
        train_seeds(&p, &tr, NULL, epochs, &b, 0, prune, dev ? &dv : NULL,
                    seeds);
        export_weights(&b, &p, 0, prune, false);
    } else {
        /* The second stage learns from first-stage tags as good as those
         * it will see: each training document is tagged by a first stage
         * trained without it (jackknife over `folds` parts). */
        uint8_t *hist = xcalloc(tr.n_tok, 1);
        bool *sel = xcalloc(tr.n_doc, sizeof(bool));
        for (int f = 0; f < folds; f++) {
            for (size_t d = 0; d < tr.n_doc; d++)
                sel[d] = (int)(d % (size_t)folds) != f;
            train_seeds(&p, &tr, sel, epochs, &b, 0, prune1, NULL, fold_seeds);
            export_weights(&b, &p, 0, prune1, true);
            builder_view(&b, &m);
            for (size_t d = 0; d < tr.n_doc; d++)
                sel[d] = !sel[d];
            double f1 = tag_corpus(&tr, &m, b.wv16, 0, sel, false, hist);
            fprintf(stderr, "train: fold %d: held-out F1 %.2f\n", f + 1,
                    100 * f1);
        }
        free(sel);
        train_seeds(&p, &tr, NULL, epochs, &b, 0, prune1, dev ? &dv : NULL,
                    seeds);
        export_weights(&b, &p, 0, prune1, false);
        builder_view(&b, &m);
        corpus_history(&tr, hist);
        corpus_features(&tr, row_mask, 1);
        if (dev) {
            uint8_t *dh = xcalloc(dv.n_tok, 1);
            tag_corpus(&dv, &m, b.wv16, 0, NULL, false, dh);
            corpus_history(&dv, dh);
            corpus_features(&dv, row_mask, 1);
            free(dh);
        }
        free(hist);
        train_seeds(&p, &tr, NULL, epochs2, &b, 1, prune, dev ? &dv : NULL,
                    seeds);
        export_weights(&b, &p, 1, prune, false);
    }
    builder_view(&b, &m);
    if (dev)
        tag_corpus(&dv, &m, NULL, (uint32_t)stages - 1, NULL, true, NULL);
    write_model(&b, out);
    return 0;
}

/* ---- eval: the plugin's path, from the file --------------------------------
 */

static int cmd_eval(int argc, char **argv)
{
    const char *path = arg_value(argc, argv, "--model", NULL);
    int show = atoi(arg_value(argc, argv, "--show", "0"));
    if (!path) {
        fprintf(stderr, "usage: eval --model MODEL [--show N] FILE...\n");
        return 2;
    }
    int fd = open(path, O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) < 0) {
        fprintf(stderr, "train: %s: %s\n", path, strerror(errno));
        return 1;
    }
    void *base = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (base == MAP_FAILED) {
        fprintf(stderr, "train: mmap %s: %s\n", path, strerror(errno));
        return 1;
    }
    ner_model m;
    const char *err = ner_model_open(&m, base, (size_t)st.st_size);
    if (err) {
        fprintf(stderr, "train: %s: %s\n", path, err);
        return 1;
    }
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1] == '-') {
            i++;
            continue;
        }
        corpus c;
        corpus_load(&c, argv[i]);
        corpus_analyse(&c, &m);
        corpus_features(&c, m.row_mask, 0);
        printf("%s: %zu docs, %zu sentences, %zu tokens\n", argv[i], c.n_doc,
               c.n_sent, c.n_tok);
        uint8_t *pred = xcalloc(c.n_tok, 1);
        tag_corpus(&c, &m, NULL, 0, NULL, m.h->stages == 1, pred);
        if (m.h->stages == 2) {
            corpus_history(&c, pred);
            corpus_features(&c, m.row_mask, 1);
            tag_corpus(&c, &m, NULL, 1, NULL, true, pred);
        }
        static const char *tn[] = {"PER", "ORG", "LOC", "MISC"};
        static const char pn[] = "BILU";
        for (size_t s = 0; s < c.n_sent && show > 0; s++) {
            size_t a = c.sent_start[s], b = c.sent_start[s + 1];
            if (!memcmp(pred + a, c.gold + a, b - a))
                continue;
            show--;
            for (size_t t = a; t < b; t++) {
                printf("%s", c.words[t]);
                if (c.gold[t] || pred[t]) {
                    printf("/");
                    if (c.gold[t])
                        printf("%c-%s", pn[ner_tag_part(c.gold[t])],
                               tn[ner_tag_type(c.gold[t])]);
                    if (pred[t] != c.gold[t]) {
                        printf("!");
                        if (pred[t])
                            printf("%c-%s", pn[ner_tag_part(pred[t])],
                                   tn[ner_tag_type(pred[t])]);
                        else
                            printf("O");
                    }
                }
                printf(" ");
            }
            printf("\n");
        }
        free(pred);
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 2 && !strcmp(argv[1], "train"))
        return cmd_train(argc - 1, argv + 1);
    if (argc >= 2 && !strcmp(argv[1], "eval"))
        return cmd_eval(argc - 1, argv + 1);
    fprintf(stderr, "usage: train train ... | train eval ...\n");
    return 2;
}

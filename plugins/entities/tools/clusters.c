/*
 * Word clusters for the entity tagger, induced from unlabelled text.
 *
 *   clusters [--classes C] [--iters N] [--min-count K] [--max-words W]
 *            CORPUS.txt OUT.txt
 *
 * Reads a corpus of space-separated tokens, one sentence per line
 * (tools/corpus.py writes it), and groups the words (lower-cased and
 * accent-folded as ner.h keys them, digits as 0) that occur at least K
 * times into C classes with the exchange algorithm (Kneser and Ney 1993;
 * Martin, Liermann and Ney 1998): every word in turn moves to the class
 * that most raises the likelihood of a class bigram model, until an
 * iteration moves few words. The classes are then joined two by two, the
 * pair whose union costs the least likelihood first (as Brown et al. 1992
 * do with words), into a binary tree; a word's bit path is the path from
 * the root to its class, most significant bit first. Words sharing a
 * prefix of the path are alike in their contexts ("Paris" and "Moscow";
 * "said" and "told").
 *
 * Writes "PATH<TAB>word<TAB>count" lines (the format the trainer's
 * --clusters reads), the W most frequent words. Deterministic: the same
 * corpus and flags give the same bytes.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ner.h"

#include "xalloc.h"

/* ---- the vocabulary -------------------------------------------------------
 */

typedef struct vword {
    char *lower; /* the word as ner.h lower-cases it */
    uint32_t key;
    long count;
} vword;

typedef struct vocab {
    vword *w;
    size_t n, cap;
    uint32_t *slot; /* open addressing: index + 1 */
    size_t slots;
} vocab;

static size_t vocab_find(vocab *v, const char *lower, uint32_t key, bool add)
{
    size_t mask = v->slots - 1;
    for (size_t i = ner_mix32(key) & mask;; i = (i + 1) & mask) {
        if (!v->slot[i]) {
            if (!add)
                return SIZE_MAX;
            if (v->n == v->cap) {
                v->cap = v->cap ? 2 * v->cap : 65536;
                v->w = xrealloc(v->w, v->cap * sizeof(*v->w));
            }
            size_t len = strlen(lower);
            v->w[v->n].lower = xcalloc(len + 1, 1);
            memcpy(v->w[v->n].lower, lower, len);
            v->w[v->n].key = key;
            v->w[v->n].count = 0;
            v->slot[i] = (uint32_t)++v->n;
            return v->n - 1;
        }
        vword *w = &v->w[v->slot[i] - 1];
        if (w->key == key && !strcmp(w->lower, lower))
            return v->slot[i] - 1;
    }
}

/* ---- the exchange algorithm ---------------------------------------------
 */

/* x log x, tabulated for the integer counts below `n_table`. */
static double *xlogx_table;
static size_t n_table;

static inline double xlogx(long x)
{
    if (x <= 0)
        return 0;
    if ((size_t)x < n_table)
        return xlogx_table[x];
    return (double)x * log((double)x);
}

typedef struct graph {
    size_t n;        /* clustered words: 0 .. n - 1 (by frequency) */
    size_t *r_start; /* right neighbours of word w: r_to/r_cnt[r_start[w]..] */
    uint32_t *r_to;
    long *r_cnt;
    size_t *l_start; /* left neighbours */
    uint32_t *l_to;
    long *l_cnt;
    long *self;  /* bigrams (w, w) */
    long *count; /* unigram counts */
} graph;

static int pair_cmp(const void *a, const void *b)
{
    const uint64_t *x = a, *y = b;
    return *x < *y ? -1 : *x > *y;
}

/* Builds the neighbour lists from a list of (from << 32 | to) bigrams;
 * words >= n (rare words) are one shared "other" word, index n. */
static void graph_build(graph *g, uint64_t *pairs, size_t np, int right)
{
    qsort(pairs, np, sizeof(*pairs), pair_cmp);
    size_t *start = xcalloc(g->n + 2, sizeof(size_t));
    uint32_t *to = xcalloc(np, sizeof(uint32_t));
    long *cnt = xcalloc(np, sizeof(long));
    size_t k = 0;
    for (size_t i = 0; i < np;) {
        size_t j = i;
        while (j < np && pairs[j] == pairs[i])
            j++;
        uint32_t from = (uint32_t)(pairs[i] >> 32);
        to[k] = (uint32_t)pairs[i];
        cnt[k] = (long)(j - i);
        start[from + 1]++;
        k++;
        i = j;
    }
    for (size_t w = 0; w < g->n + 1; w++)
        start[w + 1] += start[w];
    if (right) {
        g->r_start = start;
        g->r_to = to;
        g->r_cnt = cnt;
    } else {
        g->l_start = start;
        g->l_to = to;
        g->l_cnt = cnt;
    }
}

typedef struct model {
    size_t C;
    long *m;     /* class bigram counts, C x C */
    long *nc;    /* class counts */
    uint32_t *c; /* class of each word; the "other" word is class C - 1 */
} model;

/* The contexts of word w by class: R[c] = bigrams (w, v) with v in c and
 * v != w; L[c] likewise on the left. touched lists the classes set. */
static size_t word_context(const graph *g, const model *md, uint32_t w, long *R,
                           long *L, uint32_t *touched, char *mark)
{
    size_t nt = 0;
    for (size_t k = g->r_start[w]; k < g->r_start[w + 1]; k++) {
        uint32_t v = g->r_to[k];
        if (v == w)
            continue;
        uint32_t c = md->c[v];
        if (!mark[c]) {
            mark[c] = 1;
            touched[nt++] = c;
        }
        R[c] += g->r_cnt[k];
    }
    for (size_t k = g->l_start[w]; k < g->l_start[w + 1]; k++) {
        uint32_t u = g->l_to[k];
        if (u == w)
            continue;
        uint32_t c = md->c[u];
        if (!mark[c]) {
            mark[c] = 1;
            touched[nt++] = c;
        }
        L[c] += g->l_cnt[k];
    }
    return nt;
}

/* Adds (sign 1) or removes (sign -1) word w, with contexts R and L, to or
 * from class a. */
static void move_word(model *md, const graph *g, uint32_t w, uint32_t a,
                      const long *R, const long *L, const uint32_t *touched,
                      size_t nt, long sign)
{
    size_t C = md->C;
    for (size_t i = 0; i < nt; i++) {
        uint32_t c = touched[i];
        md->m[a * C + c] += sign * R[c];
        md->m[c * C + a] += sign * L[c];
    }
    md->m[a * C + a] += sign * g->self[w];
    md->nc[a] += sign * g->count[w];
}

static size_t exchange_pass(model *md, const graph *g, long *R, long *L,
                            uint32_t *touched, char *mark)
{
    size_t C = md->C, moved = 0;
    for (uint32_t w = 0; w < g->n; w++) {
        uint32_t a = md->c[w];
        size_t nt = word_context(g, md, w, R, L, touched, mark);
        move_word(md, g, w, a, R, L, touched, nt, -1);
        double best = -INFINITY;
        uint32_t best_c = a;
        for (uint32_t b = 0; b + 1 < C; b++) { /* class C - 1: "other" */
            double gain = 0;
            for (size_t i = 0; i < nt; i++) {
                uint32_t c = touched[i];
                if (c == b)
                    continue;
                if (R[c]) {
                    long x = md->m[b * C + c];
                    gain += xlogx(x + R[c]) - xlogx(x);
                }
                if (L[c]) {
                    long x = md->m[c * C + b];
                    gain += xlogx(x + L[c]) - xlogx(x);
                }
            }
            long x = md->m[b * C + b];
            gain += xlogx(x + R[b] + L[b] + g->self[w]) - xlogx(x);
            gain -= 2 * (xlogx(md->nc[b] + g->count[w]) - xlogx(md->nc[b]));
            if (gain > best + 1e-9) {
                best = gain;
                best_c = b;
            }
        }
        move_word(md, g, w, best_c, R, L, touched, nt, 1);
        md->c[w] = best_c;
        if (best_c != a)
            moved++;
        for (size_t i = 0; i < nt; i++) {
            R[touched[i]] = L[touched[i]] = 0;
            mark[touched[i]] = 0;
        }
    }
    return moved;
}

/* ---- the tree over the classes ------------------------------------------
 */

static double fx(double x)
{
    return x > 0 ? x * log(x) : 0;
}

/* The change of likelihood when classes i and j (active, C x C counts in
 * m) become one. */
static double merge_loss(const double *m, const double *nc, const char *alive,
                         size_t C, size_t i, size_t j)
{
    double before = 0, after = 0;
    for (size_t c = 0; c < C; c++) {
        if (!alive[c] || c == i || c == j)
            continue;
        before += fx(m[i * C + c]) + fx(m[j * C + c]) + fx(m[c * C + i]) +
                  fx(m[c * C + j]);
        after +=
            fx(m[i * C + c] + m[j * C + c]) + fx(m[c * C + i] + m[c * C + j]);
    }
    before += fx(m[i * C + i]) + fx(m[i * C + j]) + fx(m[j * C + i]) +
              fx(m[j * C + j]);
    after += fx(m[i * C + i] + m[i * C + j] + m[j * C + i] + m[j * C + j]);
    before -= 2 * (fx(nc[i]) + fx(nc[j]));
    after -= 2 * fx(nc[i] + nc[j]);
    return after - before;
}

/* Joins the classes 0 .. C - 2 into a binary tree and writes each class's
 * bit path (MSB first) and its length. */
static void class_tree(const model *md, uint32_t *path, uint32_t *len)
{
    size_t C = md->C, K = C - 1;
    double *m = xcalloc(C * C, sizeof(double)),
           *nc = xcalloc(C, sizeof(double));
    double *loss = xcalloc(C * C, sizeof(double));
    char *alive = xcalloc(C, 1);
    /* node ids: classes 0..K-1, merges K..2K-2; parent and side bit */
    size_t *parent = xcalloc(2 * K, sizeof(size_t));
    uint8_t *side = xcalloc(2 * K, 1);
    size_t *node = xcalloc(C, sizeof(size_t)); /* the node a slot holds */
    for (size_t a = 0; a < K; a++) {
        for (size_t b = 0; b < K; b++)
            m[a * C + b] = (double)md->m[a * C + b];
        nc[a] = (double)md->nc[a];
        alive[a] = nc[a] > 0;
        node[a] = a;
    }
    for (size_t a = 0; a < K; a++)
        for (size_t b = a + 1; b < K; b++)
            if (alive[a] && alive[b])
                loss[a * C + b] = merge_loss(m, nc, alive, C, a, b);
    size_t next = K, n_alive = 0;
    for (size_t a = 0; a < K; a++)
        n_alive += alive[a] != 0;
    for (size_t a = 0; a < K; a++)
        if (!alive[a]) /* an empty class: a leaf of its own under the root */
            parent[a] = SIZE_MAX;
    while (n_alive > 1) {
        double best = -INFINITY;
        size_t bi = 0, bj = 0;
        for (size_t a = 0; a < K; a++) {
            if (!alive[a])
                continue;
            for (size_t b = a + 1; b < K; b++)
                if (alive[b] && loss[a * C + b] > best) {
                    best = loss[a * C + b];
                    bi = a;
                    bj = b;
                }
        }
        /* merge bj into bi */
        for (size_t c = 0; c < K; c++) {
            if (!alive[c] || c == bi || c == bj)
                continue;
            m[bi * C + c] += m[bj * C + c];
            m[c * C + bi] += m[c * C + bj];
        }
        m[bi * C + bi] += m[bi * C + bj] + m[bj * C + bi] + m[bj * C + bj];
        nc[bi] += nc[bj];
        alive[bj] = 0;
        parent[node[bi]] = next;
        side[node[bi]] = 0;
        parent[node[bj]] = next;
        side[node[bj]] = 1;
        node[bi] = next++;
        n_alive--;
        for (size_t c = 0; c < K; c++) {
            if (!alive[c] || c == bi)
                continue;
            size_t a = c < bi ? c : bi, b = c < bi ? bi : c;
            loss[a * C + b] = merge_loss(m, nc, alive, C, a, b);
        }
    }
    size_t root = next - 1;
    if (next == K) /* one class at most */
        root = SIZE_MAX;
    for (size_t a = 0; a < K; a++) {
        uint32_t bits[64], n = 0;
        size_t x = a;
        while (x != root && x != SIZE_MAX && parent[x] != SIZE_MAX && n < 64) {
            bits[n++] = side[x];
            x = parent[x];
        }
        uint32_t p = 0, l = 0;
        while (n > 0 && l < 32) {
            p |= bits[--n] << (31 - l);
            l++;
        }
        path[a] = p;
        len[a] = l;
    }
    path[K] = 0;
    len[K] = 0;
    free(m);
    free(nc);
    free(loss);
    free(alive);
    free(parent);
    free(side);
    free(node);
}

/* ---- main --------------------------------------------------------------- */

static const char *arg_value(int argc, char **argv, const char *name,
                             const char *def)
{
    for (int i = 1; i + 1 < argc; i++)
        if (!strcmp(argv[i], name))
            return argv[i + 1];
    return def;
}

static vocab *sort_vocab; /* for the comparison below */

static int by_count(const void *a, const void *b)
{
    const vword *x = &sort_vocab->w[*(const uint32_t *)a];
    const vword *y = &sort_vocab->w[*(const uint32_t *)b];
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->lower, y->lower);
}

int main(int argc, char **argv)
{
    size_t C = (size_t)atol(arg_value(argc, argv, "--classes", "256")) + 1;
    int iters = atoi(arg_value(argc, argv, "--iters", "12"));
    long min_count = atol(arg_value(argc, argv, "--min-count", "3"));
    size_t max_words = (size_t)atol(arg_value(argc, argv, "--max-words", "0"));
    const char *files[2];
    int nf = 0;
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1] == '-') {
            i++;
            continue;
        }
        if (nf < 2)
            files[nf++] = argv[i];
    }
    if (nf != 2 || C < 3 || C > 4097) {
        fprintf(stderr, "usage: clusters [--classes C] [--iters N] "
                        "[--min-count K] [--max-words W] CORPUS OUT\n");
        return 2;
    }
    FILE *f = fopen(files[0], "r");
    if (!f) {
        fprintf(stderr, "clusters: %s: %s\n", files[0], strerror(errno));
        return 1;
    }
    /* Pass 1: the corpus as word ids, sentence ends as SIZE_MAX. */
    vocab v;
    memset(&v, 0, sizeof(v));
    v.slots = 1 << 20;
    v.slot = xcalloc(v.slots, sizeof(uint32_t));
    uint32_t *text = NULL;
    size_t n_text = 0, cap_text = 0;
    char *line = NULL;
    size_t cap_line = 0;
    ssize_t got;
    while ((got = getline(&line, &cap_line, f)) > 0) {
        char *save = NULL;
        for (char *t = strtok_r(line, " \t\r\n", &save); t;
             t = strtok_r(NULL, " \t\r\n", &save)) {
            ner_word w;
            ner_word_make(&w, t, strlen(t));
            if (v.n * 2 >= v.slots) {
                fprintf(stderr, "clusters: too many distinct words\n");
                return 1;
            }
            size_t id = vocab_find(&v, w.lower, ner_key_word(&w), true);
            v.w[id].count++;
            if (n_text + 2 > cap_text) {
                cap_text = cap_text ? 2 * cap_text : 1 << 20;
                text = xrealloc(text, cap_text * sizeof(uint32_t));
            }
            text[n_text++] = (uint32_t)id;
        }
        if (n_text + 1 > cap_text) {
            cap_text = cap_text ? 2 * cap_text : 1 << 20;
            text = xrealloc(text, cap_text * sizeof(uint32_t));
        }
        text[n_text++] = UINT32_MAX;
    }
    free(line);
    fclose(f);
    /* Words by frequency; the clustered ones first. */
    uint32_t *order = xcalloc(v.n, sizeof(uint32_t));
    uint32_t *rank = xcalloc(v.n, sizeof(uint32_t));
    for (size_t i = 0; i < v.n; i++)
        order[i] = (uint32_t)i;
    sort_vocab = &v;
    qsort(order, v.n, sizeof(uint32_t), by_count);
    graph g;
    memset(&g, 0, sizeof(g));
    while (g.n < v.n && v.w[order[g.n]].count >= min_count &&
           (!max_words || g.n < max_words))
        g.n++;
    for (size_t i = 0; i < v.n; i++)
        rank[order[i]] = (uint32_t)(i < g.n ? i : g.n);
    /* Bigrams over clustered words, sentence boundaries as the "other"
     * word too. */
    size_t np = 0;
    uint64_t *pairs = xcalloc(n_text, sizeof(uint64_t));
    uint64_t *rpairs = xcalloc(n_text, sizeof(uint64_t));
    uint32_t other = (uint32_t)g.n;
    g.count = xcalloc(g.n + 1, sizeof(long));
    g.self = xcalloc(g.n + 1, sizeof(long));
    for (size_t i = 0; i + 1 < n_text; i++) {
        uint32_t a = text[i] == UINT32_MAX ? other : rank[text[i]];
        uint32_t b = text[i + 1] == UINT32_MAX ? other : rank[text[i + 1]];
        if (text[i] == UINT32_MAX && text[i + 1] == UINT32_MAX)
            continue;
        pairs[np] = (uint64_t)a << 32 | b;
        rpairs[np] = (uint64_t)b << 32 | a;
        np++;
        g.count[a]++;
        if (a == b)
            g.self[a]++;
    }
    graph_build(&g, pairs, np, 1);
    graph_build(&g, rpairs, np, 0);
    free(pairs);
    free(rpairs);
    n_table = np + 1;
    xlogx_table = xcalloc(n_table, sizeof(double));
    for (size_t x = 1; x < n_table; x++)
        xlogx_table[x] = (double)x * log((double)x);
    /* Initial classes: round robin by frequency; the other word alone. */
    model md;
    md.C = C;
    md.m = xcalloc(C * C, sizeof(long));
    md.nc = xcalloc(C, sizeof(long));
    md.c = xcalloc(g.n + 1, sizeof(uint32_t));
    for (size_t w = 0; w < g.n; w++)
        md.c[w] = (uint32_t)(w % (C - 1));
    md.c[other] = (uint32_t)(C - 1);
    for (uint32_t w = 0; w <= other; w++) {
        for (size_t k = g.r_start[w]; k < g.r_start[w + 1]; k++)
            md.m[md.c[w] * C + md.c[g.r_to[k]]] += g.r_cnt[k];
        md.nc[md.c[w]] += g.count[w];
    }
    long *R = xcalloc(C, sizeof(long)), *L = xcalloc(C, sizeof(long));
    uint32_t *touched = xcalloc(C, sizeof(uint32_t));
    char *mark = xcalloc(C, 1);
    fprintf(stderr,
            "clusters: %zu tokens, %zu words, %zu clustered, %zu "
            "classes\n",
            n_text, v.n, g.n, C - 1);
    for (int it = 0; it < iters; it++) {
        size_t moved = exchange_pass(&md, &g, R, L, touched, mark);
        fprintf(stderr, "clusters: iteration %d: %zu words moved\n", it + 1,
                moved);
        if (moved * 200 < g.n)
            break;
    }
    uint32_t *path = xcalloc(C, sizeof(uint32_t));
    uint32_t *plen = xcalloc(C, sizeof(uint32_t));
    class_tree(&md, path, plen);
    FILE *out = fopen(files[1], "w");
    if (!out) {
        fprintf(stderr, "clusters: %s: %s\n", files[1], strerror(errno));
        return 1;
    }
    for (size_t w = 0; w < g.n; w++) {
        uint32_t c = md.c[w];
        char bits[33];
        uint32_t l = plen[c];
        for (uint32_t b = 0; b < l; b++)
            bits[b] = (path[c] >> (31 - b)) & 1 ? '1' : '0';
        bits[l] = 0;
        if (l == 0) {
            bits[0] = '0';
            bits[1] = 0;
        }
        fprintf(out, "%s\t%s\t%ld\n", bits, v.w[order[w]].lower,
                v.w[order[w]].count);
    }
    if (fclose(out) != 0) {
        fprintf(stderr, "clusters: cannot write %s\n", files[1]);
        return 1;
    }
    return 0;
}

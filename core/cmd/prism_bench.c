/*
 * prism bench: times the in-process pipeline over a JSON Lines file, per
 * plugin and in total: median microseconds per document, MB/s and tokens/s.
 * Tokens are counted with the shared tokenizer, outside the timing.
 */
#include <msgpack.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "json.h"
#include "pipeline.h"
#include "prism_cli.h"
#include "text.h"
#include "util.h"
#include "wire.h"

static void bench_usage(FILE *out)
{
    fprintf(out,
            "usage: prism bench [-c CONFIG] [--set SECTION.KEY=VALUE]... "
            "[-n RUNS] FILE\n"
            "\n"
            "Runs the configured plugins over every document of FILE (JSON "
            "Lines) RUNS\n"
            "times (default 5) in this process and prints, per plugin and "
            "for the whole\n"
            "pipeline: the median time per document (over all runs and "
            "documents), and\n"
            "throughput as MB/s of text and tokens/s (total text and tokens "
            "divided by\n"
            "total time). The first run warms caches and is not counted when "
            "RUNS > 1.\n"
            "The shared tokenizer and sentence splitter run once per document "
            "for all\n"
            "plugins that read tokens; their time is the (tokenizer) row, not "
            "part of\n"
            "the plugin that happened to ask first. Documents run in batches, "
            "plugin by\n"
            "plugin, as prism-worker runs those the daemon sends ahead to it\n"
            "(worker_prefetch, worker_batch_bytes; --set "
            "daemon.worker_batch_bytes=0\n"
            "runs one document at a time).\n");
}

typedef struct doc {
    char *mp;
    size_t len, text_len, tokens;
} doc_t;

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static int load_docs(const char *file, const prism_limits_t *lim,
                     doc_t **docs_p, size_t *n_p)
{
    FILE *f = fopen(file, "r");
    if (!f) {
        perror(file);
        return -1;
    }
    doc_t *docs = NULL;
    size_t n = 0, cap = 0;
    char *line = NULL;
    size_t lcap = 0;
    long len, lineno = 0;
    prism_textseg_t seg;
    prism_cpmap_t cp;
    prism_textseg_init(&seg);
    prism_cpmap_init(&cp);
    msgpack_sbuffer sb;
    msgpack_sbuffer_init(&sb);
    while ((len = cli_read_line(f, &line, &lcap)) >= 0) {
        lineno++;
        if (len == 0)
            continue;
        char err[256];
        msgpack_sbuffer_clear(&sb);
        prism_wire_info_t info;
        if (prism_json_to_msgpack(line, (size_t)len, &sb, err, sizeof(err)) ||
            prism_wire_check(sb.data, sb.size, lim, &info, err, sizeof(err))) {
            fprintf(stderr, "prism bench: %s:%ld: skipped: %s\n", file, lineno,
                    err);
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            doc_t *grown = realloc(docs, cap * sizeof(*docs));
            if (!grown)
                break;
            docs = grown;
        }
        doc_t *d = &docs[n++];
        d->mp = malloc(sb.size);
        memcpy(d->mp, sb.data, sb.size);
        d->len = sb.size;
        d->text_len = info.text_len;
        prism_cpmap_reset(&cp, info.text, info.text_len);
        prism_textseg_run(&seg, info.text, info.text_len, &cp);
        d->tokens = seg.ntoks;
    }
    msgpack_sbuffer_destroy(&sb);
    prism_textseg_release(&seg);
    prism_cpmap_release(&cp);
    free(line);
    fclose(f);
    *docs_p = docs;
    *n_p = n;
    return 0;
}

static void row(const char *name, int64_t *samples, size_t n, double bytes,
                double tokens)
{
    double total = 0;
    for (size_t i = 0; i < n; i++)
        total += (double)samples[i];
    qsort(samples, n, sizeof(int64_t), cmp_i64);
    double med = n ? (double)samples[n / 2] / 1000.0 : 0;
    double secs = total / 1e9;
    printf("%-14s %12.2f %12.1f %14.0f\n", name, med,
           secs > 0 ? bytes / 1e6 / secs : 0, secs > 0 ? tokens / secs : 0);
}

int prism_cmd_bench(int argc, char **argv)
{
    const char *sets[argc + 1];
    cli_config_opts_t o = {
        .file = "config/prism.conf", .sets = sets, .runs = 5};
    int rc = 0;
    int first = cli_parse_config_opts(argc, argv, &o, bench_usage, &rc);
    if (first < 0)
        return rc;
    if (first + 1 != argc) {
        bench_usage(stderr);
        return 2;
    }
    prism_config_t *cfg = cli_load_config("bench", &o);
    if (!cfg)
        return 2;
    char err[2048];
    prism_pipeline_t *pl = prism_pipeline_new(cfg, err, sizeof(err));
    if (!pl) {
        fprintf(stderr, "prism bench: %s\n", err);
        prism_config_destroy(&cfg);
        return 2;
    }
    prism_limits_t lim = {(size_t)cfg->max_doc_bytes, cfg->max_depth,
                          cfg->max_fields};
    doc_t *docs = NULL;
    size_t n = 0;
    if (load_docs(argv[first], &lim, &docs, &n) < 0 || n == 0) {
        fprintf(stderr, "prism bench: no documents in %s\n", argv[first]);
        prism_pipeline_destroy(&pl);
        prism_config_destroy(&cfg);
        return 1;
    }
    const prism_loader_t *ld = prism_pipeline_plugins(pl);
    size_t np = ld->n;
    int counted = o.runs > 1 ? o.runs - 1 : 1;
    size_t nsamples = n * (size_t)counted;
    int64_t *total = calloc(nsamples, sizeof(int64_t));
    int64_t *per = calloc(nsamples * (np ? np : 1), sizeof(int64_t));
    int64_t *text = calloc(nsamples, sizeof(int64_t));
    double bytes = 0, tokens = 0;
    for (size_t i = 0; i < n; i++) {
        bytes += (double)docs[i].text_len;
        tokens += (double)docs[i].tokens;
    }
    /* in batches, as prism-worker runs what the broker sent ahead: up to
     * worker_prefetch documents and worker_batch_bytes of messages, plugin
     * by plugin, and one at a time after slow documents */
    size_t batch_max = cfg->worker_prefetch < PRISM_PIPELINE_BATCH_MAX
                           ? (size_t)cfg->worker_prefetch
                           : PRISM_PIPELINE_BATCH_MAX;
    prism_pipeline_doc_t in[PRISM_PIPELINE_BATCH_MAX];
    prism_outcome_t outs[PRISM_PIPELINE_BATCH_MAX];
    int rcs[PRISM_PIPELINE_BATCH_MAX];
    size_t batch_limit = 1; /* as a worker: one first, and after slow ones */
    size_t k = 0, failures = 0;
    for (int r = 0; r < o.runs; r++) {
        bool count = o.runs == 1 || r > 0;
        for (size_t i = 0; i < n;) {
            size_t m = 0, batch_bytes = 0;
            while (i + m < n && m < batch_limit) {
                const doc_t *d = &docs[i + m++];
                in[m - 1] = (prism_pipeline_doc_t){.msg = d->mp, .len = d->len};
                batch_bytes += d->len;
                if (batch_bytes >= (uint64_t)cfg->worker_batch_bytes)
                    break;
            }
            if (prism_pipeline_run_batch(pl, in, m, outs, rcs) < 0) {
                fprintf(stderr, "prism bench: out of memory\n");
                rc = 1;
                goto done;
            }
            int64_t batch_ns = 0;
            for (size_t j = 0; j < m; j++)
                batch_ns += rcs[j] == 0 ? outs[j].elapsed_ns : 0;
            batch_limit =
                batch_ns / (int64_t)m < PRISM_PIPELINE_BATCH_SLOW_US * 1000LL
                    ? batch_max
                    : 1;
            for (size_t j = 0; j < m; j++) {
                const prism_outcome_t *out = &outs[j];
                int prc = rcs[j];
                if (prc < 0 || out->nerrors)
                    failures++;
                if (!count)
                    continue;
                total[k] = prc == 0 ? out->elapsed_ns : 0;
                text[k] = prc == 0 ? out->text_ns : 0;
                for (size_t p = 0; prc == 0 && p < out->nresults; p++)
                    for (size_t q = 0; q < np; q++)
                        if (strcmp(ld->plugins[q].desc.name,
                                   out->results[p].plugin) == 0)
                            per[q * nsamples + k] = out->results[p].elapsed_ns;
                k++;
            }
            i += m;
        }
    }
    double mult = counted;
    printf("%zu documents, %.2f MB, %.0f tokens; %d timed runs\n", n,
           bytes / 1e6, tokens, counted);
    printf("%-14s %12s %12s %14s\n", "plugin", "median_us", "MB/s", "tokens/s");
    /* the shared tokenizer runs once per document, for whichever plugin
     * asks first; it is a row of its own, not part of that plugin's */
    bool any_text = false;
    for (size_t i = 0; i < nsamples; i++)
        any_text |= text[i] > 0;
    if (any_text)
        row("(tokenizer)", text, nsamples, bytes * mult, tokens * mult);
    for (size_t q = 0; q < np; q++)
        row(ld->plugins[q].desc.name, per + q * nsamples, nsamples,
            bytes * mult, tokens * mult);
    row("pipeline", total, nsamples, bytes * mult, tokens * mult);
    if (failures)
        printf("(%zu document runs reported a plugin error)\n", failures);
done:
    for (size_t i = 0; i < n; i++)
        free(docs[i].mp);
    free(docs);
    free(total);
    free(per);
    free(text);
    prism_pipeline_destroy(&pl);
    prism_config_destroy(&cfg);
    return rc;
}

/*
 * The pipeline: the loaded plugins run in order over one document (or a
 * batch of them), and the body of its `doc` record. It is the one piece both
 * prism-worker (inside the daemon) and `prism process` (in-process) call, which
 * is why their `results` are the same bytes for the same document and config.
 */
#ifndef PRISM_PIPELINE_H
#define PRISM_PIPELINE_H

#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "loader.h"

typedef struct prism_pipeline prism_pipeline_t;

/* One plugin's successful result, as raw msgpack. Borrowed from the
 * pipeline until the next run. */
typedef struct prism_result {
    const char *plugin;
    const char *data; /* the result value */
    size_t len;
    const char *prov; /* {version, config} */
    size_t prov_len;
    int64_t elapsed_ns; /* in the plugin, not counting the tokenizer */
} prism_result_t;

/* What one run produced. Borrowed until the next run. */
typedef struct prism_outcome {
    const char *body; /* nbody key/value pairs of the doc record */
    size_t body_len;
    uint32_t nbody;
    const char *id_raw; /* the id, as a raw msgpack str */
    size_t id_raw_len;
    const prism_result_t *results; /* plugins that succeeded, in order */
    size_t nresults;
    size_t nerrors; /* plugins that failed on this document */
    int64_t elapsed_us;
    int64_t elapsed_ns; /* the same, in nanoseconds */
    int64_t text_ns;    /* in the shared tokenizer (0: no plugin asked) */
} prism_outcome_t;

/*
 * Loads and initialises the plugins of cfg. NULL and a message in err on
 * failure. Ownership: caller destroys; cfg is borrowed and must outlive the
 * pipeline.
 */
prism_pipeline_t *prism_pipeline_new(const prism_config_t *cfg, char *err,
                                     size_t errlen);
void prism_pipeline_destroy(prism_pipeline_t **self_p);

/*
 * Runs every plugin over one message that prism_wire_check() accepted.
 * received_s is when the daemon got it (for documents without
 * `published`). Returns 0, or PRISM_EINVAL/PRISM_ENOMEM when the message
 * cannot be read at all.
 */
int prism_pipeline_run(prism_pipeline_t *self, const char *msg, size_t len,
                       int64_t received_s, prism_outcome_t *out);

/* One document of a batch: a message prism_wire_check() accepted, when
 * the daemon got it, and the job number the status page shows while it
 * runs (0 outside the daemon). */
typedef struct prism_pipeline_doc {
    const char *msg;
    size_t len;
    int64_t received_s;
    uint64_t job;
} prism_pipeline_doc_t;

/* The most documents one batch may hold. */
#define PRISM_PIPELINE_BATCH_MAX 64

/* Documents that took longer than this each (microseconds) are followed
 * by a batch of one, as is a worker's start: for slow documents the cache
 * matters little, and a batch would only hold their results back. */
#define PRISM_PIPELINE_BATCH_SLOW_US 1000

/*
 * Runs every plugin over n documents (n <= PRISM_PIPELINE_BATCH_MAX),
 * plugin by plugin: the first plugin over every document, then the second,
 * and so on, so that a plugin's code and tables stay in the cache from one
 * document to the next. The records are the same bytes as n calls of
 * prism_pipeline_run() would give. rcs[k] is what prism_pipeline_run()
 * would have returned for document k, and outs[k] its outcome (borrowed
 * until the next run). Returns 0, or PRISM_EINVAL when n is too large or
 * PRISM_ENOMEM when no room could be made for n documents.
 */
int prism_pipeline_run_batch(prism_pipeline_t *self,
                             const prism_pipeline_doc_t *docs, size_t n,
                             prism_outcome_t *outs, int *rcs);

/* The loaded plugins, in pipeline order. Borrowed. */
const prism_loader_t *prism_pipeline_plugins(const prism_pipeline_t *self);

/*
 * Where the pipeline notes which plugin is running on which document: it
 * stores the plugin's index + 1 in *slot before calling it and 0 after,
 * and the document's job number (prism_pipeline_doc_t) in *job while a
 * batch runs, 0 after. The worker points them at memory shared with
 * prismd, so that after a crash the broker can name the plugin and the
 * document. Either may be NULL.
 */
void prism_pipeline_set_status(prism_pipeline_t *self, volatile uint32_t *slot,
                               volatile uint64_t *job);

#endif

/*
 * Runs the plugins over one document and packs the body of its record.
 */
#include "pipeline.h"

#include <msgpack.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "host.h"
#include "text.h"
#include "util.h"
#include "wire.h"

/* What one document needs while it goes through the plugins: its arena,
 * its plugins' outputs and its record's body. A batch runs one lane per
 * document. */
struct lane {
    msgpack_zone zone;     /* the document's arena */
    msgpack_sbuffer *outs; /* one result buffer per plugin */
    msgpack_sbuffer body;
    msgpack_sbuffer id; /* the id, packed alone, for per-plugin records */
    prism_slot_t *slots;
    prism_result_t *results;
    char (*errors)[512];
    bool *failed;
    prism_cpmap_t cpmap;
    prism_textseg_t seg;
    msgpack_object root;
    prism_doc doc;
    int rc;
    int64_t ns; /* time spent on this document, summed over its steps */
};

struct prism_pipeline {
    const prism_config_t *cfg;
    prism_loader_t loader;
    msgpack_sbuffer *provs; /* {version, config} per plugin, packed once */
    struct lane *lanes;     /* PRISM_PIPELINE_BATCH_MAX, made when first used */
    /* the views doc_result() unpacks, for one plugin call at a time: one
     * arena for every document, so that it stays in the cache */
    msgpack_zone view_zone;
    size_t nlanes; /* lanes made so far */
    volatile uint32_t *status;
    volatile uint64_t *status_job;
    volatile uint32_t status_none;
    volatile uint64_t status_job_none;
};

static void lane_release(struct lane *ln, size_t nplugins)
{
    for (size_t i = 0; ln->outs && i < nplugins; i++)
        msgpack_sbuffer_destroy(&ln->outs[i]);
    free(ln->outs);
    free(ln->slots);
    free(ln->results);
    free(ln->errors);
    free(ln->failed);
    msgpack_sbuffer_destroy(&ln->body);
    msgpack_sbuffer_destroy(&ln->id);
    msgpack_zone_destroy(&ln->zone);
    prism_cpmap_release(&ln->cpmap);
    prism_textseg_release(&ln->seg);
}

static int lane_init(struct lane *ln, size_t nplugins)
{
    memset(ln, 0, sizeof(*ln));
    msgpack_zone_init(&ln->zone, 16384);
    msgpack_sbuffer_init(&ln->body);
    msgpack_sbuffer_init(&ln->id);
    prism_cpmap_init(&ln->cpmap);
    prism_textseg_init(&ln->seg);
    size_t n = nplugins ? nplugins : 1;
    ln->outs = calloc(n, sizeof(*ln->outs));
    ln->slots = calloc(n, sizeof(*ln->slots));
    ln->results = calloc(n, sizeof(*ln->results));
    ln->errors = calloc(n, sizeof(*ln->errors));
    ln->failed = calloc(n, sizeof(*ln->failed));
    if (!ln->outs || !ln->slots || !ln->results || !ln->errors || !ln->failed) {
        lane_release(ln, 0);
        return -1;
    }
    for (size_t i = 0; i < nplugins; i++)
        msgpack_sbuffer_init(&ln->outs[i]);
    return 0;
}

prism_pipeline_t *prism_pipeline_new(const prism_config_t *cfg, char *err,
                                     size_t errlen)
{
    prism_pipeline_t *self = calloc(1, sizeof(*self));
    if (!self) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    self->cfg = cfg;
    self->status = &self->status_none;
    self->status_job = &self->status_job_none;
    msgpack_zone_init(&self->view_zone, 16384);
    if (prism_loader_open(&self->loader, cfg, err, errlen) < 0) {
        prism_pipeline_destroy(&self);
        return NULL;
    }
    size_t n = self->loader.n ? self->loader.n : 1;
    self->provs = calloc(n, sizeof(*self->provs));
    self->lanes = calloc(PRISM_PIPELINE_BATCH_MAX, sizeof(*self->lanes));
    if (!self->provs || !self->lanes ||
        lane_init(&self->lanes[0], self->loader.n) < 0) {
        snprintf(err, errlen, "out of memory");
        prism_pipeline_destroy(&self);
        return NULL;
    }
    self->nlanes = 1;
    for (size_t i = 0; i < self->loader.n; i++) {
        const prism_loaded_t *p = &self->loader.plugins[i];
        msgpack_sbuffer_init(&self->provs[i]);
        msgpack_packer pk;
        msgpack_packer_init(&pk, &self->provs[i], msgpack_sbuffer_write);
        msgpack_pack_map(&pk, 2);
        prism_pack_cstr(&pk, "version");
        prism_pack_cstr(&pk, p->desc.version ? p->desc.version : "");
        prism_pack_cstr(&pk, "config");
        prism_pack_cstr(&pk, p->config_hash);
    }
    return self;
}

void prism_pipeline_destroy(prism_pipeline_t **self_p)
{
    if (!self_p || !*self_p)
        return;
    prism_pipeline_t *self = *self_p;
    for (size_t i = 0; self->provs && i < self->loader.n; i++)
        msgpack_sbuffer_destroy(&self->provs[i]);
    for (size_t i = 0; i < self->nlanes; i++)
        lane_release(&self->lanes[i], self->loader.n);
    prism_loader_close(&self->loader);
    free(self->provs);
    free(self->lanes);
    msgpack_zone_destroy(&self->view_zone);
    free(self);
    *self_p = NULL;
}

const prism_loader_t *prism_pipeline_plugins(const prism_pipeline_t *self)
{
    return &self->loader;
}

void prism_pipeline_set_status(prism_pipeline_t *self, volatile uint32_t *slot,
                               volatile uint64_t *job)
{
    self->status = slot ? slot : &self->status_none;
    self->status_job = job ? job : &self->status_job_none;
}

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static bool key_is(const msgpack_object *k, const char *name)
{
    size_t len = strlen(name);
    return k->type == MSGPACK_OBJECT_STR && k->via.str.size == len &&
           memcmp(k->via.str.ptr, name, len) == 0;
}

/* Packs the body of the doc record: the input's fields (text unless
 * echo_text = no), results, errors, prov. */
static void pack_body(const prism_pipeline_t *self, struct lane *ln,
                      prism_outcome_t *out)
{
    const msgpack_object *root = &ln->root;
    msgpack_sbuffer_clear(&ln->body);
    msgpack_packer pk;
    msgpack_packer_init(&pk, &ln->body, msgpack_sbuffer_write);
    uint32_t n = 0;
    for (uint32_t i = 0; i < root->via.map.size; i++) {
        const msgpack_object_kv *kv = &root->via.map.ptr[i];
        if (!self->cfg->echo_text && key_is(&kv->key, "text"))
            continue;
        msgpack_pack_object(&pk, kv->key);
        msgpack_pack_object(&pk, kv->val);
        n++;
    }
    prism_pack_cstr(&pk, "results");
    msgpack_pack_map(&pk, out->nresults);
    for (size_t i = 0; i < out->nresults; i++) {
        prism_pack_cstr(&pk, out->results[i].plugin);
        msgpack_sbuffer_write(&ln->body, out->results[i].data,
                              out->results[i].len);
    }
    n++;
    if (out->nerrors) {
        prism_pack_cstr(&pk, "errors");
        msgpack_pack_map(&pk, out->nerrors);
        for (size_t i = 0; i < self->loader.n; i++) {
            if (!ln->failed[i])
                continue;
            prism_pack_cstr(&pk, self->loader.plugins[i].desc.name);
            prism_pack_cstr(&pk, ln->errors[i]);
        }
        n++;
    }
    prism_pack_cstr(&pk, "prov");
    msgpack_pack_map(&pk, self->loader.n);
    for (size_t i = 0; i < self->loader.n; i++) {
        prism_pack_cstr(&pk, self->loader.plugins[i].desc.name);
        msgpack_sbuffer_write(&ln->body, self->provs[i].data,
                              self->provs[i].size);
    }
    n++;
    out->body = ln->body.data;
    out->body_len = ln->body.size;
    out->nbody = n;
}

/* Reads one message into lane ln: its map, id and text. Returns 0 or
 * PRISM_EINVAL/PRISM_ENOMEM. */
static int lane_open(struct lane *ln, msgpack_zone *view_zone,
                     const prism_pipeline_doc_t *in, prism_outcome_t *out)
{
    msgpack_zone_clear(&ln->zone);
    size_t off = 0;
    if (msgpack_unpack(in->msg, in->len, &off, &ln->zone, &ln->root) !=
            MSGPACK_UNPACK_SUCCESS ||
        ln->root.type != MSGPACK_OBJECT_MAP)
        return PRISM_EINVAL;

    prism_doc *doc = &ln->doc;
    *doc = (prism_doc){.root = &ln->root,
                       .received_s = in->received_s,
                       .cpmap = &ln->cpmap,
                       .seg = &ln->seg,
                       .slots = ln->slots,
                       .zone = &ln->zone,
                       .view_zone = view_zone};
    const msgpack_object *root = &ln->root;
    for (uint32_t i = 0; i < root->via.map.size; i++) {
        const msgpack_object_kv *kv = &root->via.map.ptr[i];
        if (key_is(&kv->key, "text") && kv->val.type == MSGPACK_OBJECT_STR) {
            doc->text = kv->val.via.str.ptr;
            doc->text_len = kv->val.via.str.size;
        } else if (key_is(&kv->key, "id") &&
                   kv->val.type == MSGPACK_OBJECT_STR) {
            msgpack_sbuffer_clear(&ln->id);
            msgpack_packer pk;
            msgpack_packer_init(&pk, &ln->id, msgpack_sbuffer_write);
            msgpack_pack_object(&pk, kv->val);
            out->id_raw = ln->id.data;
            out->id_raw_len = ln->id.size;
        }
    }
    if (!doc->text || !out->id_raw)
        return PRISM_EINVAL;
    /* text is not NUL-terminated in the message; plugins are promised a
     * NUL-terminated text, so copy it into the arena */
    char *text = msgpack_zone_malloc(&ln->zone, doc->text_len + 1);
    if (!text)
        return PRISM_ENOMEM;
    memcpy(text, doc->text, doc->text_len);
    text[doc->text_len] = '\0';
    doc->text = text;
    if (!prism_utf8_valid(doc->text, doc->text_len, &doc->text_cp, NULL))
        return PRISM_EINVAL;
    return 0;
}

/* Runs plugin i over the document of lane ln. */
static void lane_step(prism_pipeline_t *self, struct lane *ln, size_t i,
                      prism_outcome_t *out)
{
    prism_loaded_t *p = &self->loader.plugins[i];
    prism_doc *doc = &ln->doc;
    msgpack_sbuffer *sb = &ln->outs[i];
    msgpack_sbuffer_clear(sb);
    prism_out o;
    prism__out_init(&o, sb, doc);
    ln->failed[i] = false;
    /* the views of the plugins before it were unpacked for another call */
    msgpack_zone_clear(&self->view_zone);
    for (size_t j = 0; j < i; j++)
        ln->slots[j].viewed = false;

    *self->status = (uint32_t)i + 1;
    prism__host_set_current(p->desc.name);
    int64_t p0 = now_ns(), text0 = doc->text_ns;
    int rc = p->desc.process(p->state, doc, &o);
    int64_t p1 = now_ns();
    prism__host_set_current(NULL);
    *self->status = 0;
    ln->ns += p1 - p0;

    prism_slot_t *slot = &ln->slots[i];
    slot->name = p->desc.name;
    slot->data = NULL;
    slot->viewed = false;
    doc->nslots = i + 1;
    if (rc != 0) {
        ln->failed[i] = true;
        snprintf(ln->errors[i], sizeof(ln->errors[i]), "%s",
                 o.has_error ? o.error : "process() failed");
        out->nerrors++;
        return;
    }
    if (!prism__out_complete(&o, ln->errors[i], sizeof(ln->errors[i]))) {
        ln->failed[i] = true;
        out->nerrors++;
        return;
    }
    slot->data = sb->data;
    slot->len = sb->size;
    prism_result_t *r = &ln->results[out->nresults++];
    r->plugin = p->desc.name;
    r->data = sb->data;
    r->len = sb->size;
    r->prov = self->provs[i].data;
    r->prov_len = self->provs[i].size;
    /* the tokenizer is shared: its time is not the first caller's */
    r->elapsed_ns = (p1 - p0) - (doc->text_ns - text0);
}

int prism_pipeline_run_batch(prism_pipeline_t *self,
                             const prism_pipeline_doc_t *docs, size_t n,
                             prism_outcome_t *outs, int *rcs)
{
    if (n > PRISM_PIPELINE_BATCH_MAX)
        return PRISM_EINVAL;
    while (self->nlanes < n) {
        if (lane_init(&self->lanes[self->nlanes], self->loader.n) < 0)
            return PRISM_ENOMEM;
        self->nlanes++;
    }
    for (size_t k = 0; k < n; k++) {
        struct lane *ln = &self->lanes[k];
        memset(&outs[k], 0, sizeof(outs[k]));
        int64_t t0 = now_ns();
        *self->status_job = docs[k].job;
        ln->rc = lane_open(ln, &self->view_zone, &docs[k], &outs[k]);
        ln->ns = now_ns() - t0;
    }
    /* Plugin by plugin, so that each one's code and tables stay in the
     * cache over the batch instead of being pushed out by the next
     * plugin's at every document. */
    for (size_t i = 0; i < self->loader.n; i++) {
        for (size_t k = 0; k < n; k++) {
            struct lane *ln = &self->lanes[k];
            if (ln->rc != 0)
                continue;
            *self->status_job = docs[k].job;
            lane_step(self, ln, i, &outs[k]);
        }
    }
    for (size_t k = 0; k < n; k++) {
        struct lane *ln = &self->lanes[k];
        rcs[k] = ln->rc;
        if (ln->rc != 0)
            continue;
        int64_t t0 = now_ns();
        outs[k].results = ln->results;
        outs[k].text_ns = ln->doc.text_ns;
        pack_body(self, ln, &outs[k]);
        outs[k].elapsed_ns = ln->ns + now_ns() - t0;
        outs[k].elapsed_us = outs[k].elapsed_ns / 1000;
    }
    *self->status_job = 0;
    return 0;
}

int prism_pipeline_run(prism_pipeline_t *self, const char *msg, size_t len,
                       int64_t received_s, prism_outcome_t *out)
{
    prism_pipeline_doc_t in = {
        .msg = msg, .len = len, .received_s = received_s};
    int rc;
    int brc = prism_pipeline_run_batch(self, &in, 1, out, &rc);
    return brc ? brc : rc;
}

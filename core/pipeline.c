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

struct prism_pipeline {
    const prism_config_t *cfg;
    prism_loader_t loader;
    msgpack_zone zone;      /* the document's arena */
    msgpack_sbuffer *outs;  /* one result buffer per plugin */
    msgpack_sbuffer *provs; /* {version, config} per plugin, packed once */
    msgpack_sbuffer body;
    msgpack_sbuffer id; /* the id, packed alone, for per-plugin records */
    prism_slot_t *slots;
    prism_result_t *results;
    char (*errors)[512];
    bool *failed;
    prism_cpmap_t cpmap;
    prism_textseg_t seg;
    volatile uint32_t *status;
    volatile uint32_t status_none;
};

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
    msgpack_zone_init(&self->zone, 16384);
    msgpack_sbuffer_init(&self->body);
    msgpack_sbuffer_init(&self->id);
    prism_cpmap_init(&self->cpmap);
    prism_textseg_init(&self->seg);
    if (prism_loader_open(&self->loader, cfg, err, errlen) < 0) {
        prism_pipeline_destroy(&self);
        return NULL;
    }
    size_t n = self->loader.n ? self->loader.n : 1;
    self->outs = calloc(n, sizeof(*self->outs));
    self->provs = calloc(n, sizeof(*self->provs));
    self->slots = calloc(n, sizeof(*self->slots));
    self->results = calloc(n, sizeof(*self->results));
    self->errors = calloc(n, sizeof(*self->errors));
    self->failed = calloc(n, sizeof(*self->failed));
    if (!self->outs || !self->provs || !self->slots || !self->results ||
        !self->errors || !self->failed) {
        snprintf(err, errlen, "out of memory");
        prism_pipeline_destroy(&self);
        return NULL;
    }
    for (size_t i = 0; i < self->loader.n; i++) {
        const prism_loaded_t *p = &self->loader.plugins[i];
        msgpack_sbuffer_init(&self->outs[i]);
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
    for (size_t i = 0; self->outs && i < self->loader.n; i++)
        msgpack_sbuffer_destroy(&self->outs[i]);
    for (size_t i = 0; self->provs && i < self->loader.n; i++)
        msgpack_sbuffer_destroy(&self->provs[i]);
    prism_loader_close(&self->loader);
    free(self->outs);
    free(self->provs);
    free(self->slots);
    free(self->results);
    free(self->errors);
    free(self->failed);
    msgpack_sbuffer_destroy(&self->body);
    msgpack_sbuffer_destroy(&self->id);
    msgpack_zone_destroy(&self->zone);
    prism_cpmap_release(&self->cpmap);
    prism_textseg_release(&self->seg);
    free(self);
    *self_p = NULL;
}

const prism_loader_t *prism_pipeline_plugins(const prism_pipeline_t *self)
{
    return &self->loader;
}

void prism_pipeline_set_status(prism_pipeline_t *self, volatile uint32_t *slot)
{
    self->status = slot ? slot : &self->status_none;
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
static void pack_body(prism_pipeline_t *self, const msgpack_object *root,
                      prism_outcome_t *out)
{
    msgpack_sbuffer_clear(&self->body);
    msgpack_packer pk;
    msgpack_packer_init(&pk, &self->body, msgpack_sbuffer_write);
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
        msgpack_sbuffer_write(&self->body, out->results[i].data,
                              out->results[i].len);
    }
    n++;
    if (out->nerrors) {
        prism_pack_cstr(&pk, "errors");
        msgpack_pack_map(&pk, out->nerrors);
        for (size_t i = 0; i < self->loader.n; i++) {
            if (!self->failed[i])
                continue;
            prism_pack_cstr(&pk, self->loader.plugins[i].desc.name);
            prism_pack_cstr(&pk, self->errors[i]);
        }
        n++;
    }
    prism_pack_cstr(&pk, "prov");
    msgpack_pack_map(&pk, self->loader.n);
    for (size_t i = 0; i < self->loader.n; i++) {
        prism_pack_cstr(&pk, self->loader.plugins[i].desc.name);
        msgpack_sbuffer_write(&self->body, self->provs[i].data,
                              self->provs[i].size);
    }
    n++;
    out->body = self->body.data;
    out->body_len = self->body.size;
    out->nbody = n;
}

int prism_pipeline_run(prism_pipeline_t *self, const char *msg, size_t len,
                       int64_t received_s, prism_outcome_t *out)
{
    int64_t t0 = now_ns();
    memset(out, 0, sizeof(*out));
    msgpack_zone_clear(&self->zone);
    msgpack_object root;
    size_t off = 0;
    if (msgpack_unpack(msg, len, &off, &self->zone, &root) !=
            MSGPACK_UNPACK_SUCCESS ||
        root.type != MSGPACK_OBJECT_MAP)
        return PRISM_EINVAL;

    prism_doc doc = {.root = &root,
                     .received_s = received_s,
                     .cpmap = &self->cpmap,
                     .seg = &self->seg,
                     .slots = self->slots,
                     .zone = &self->zone};
    for (uint32_t i = 0; i < root.via.map.size; i++) {
        const msgpack_object_kv *kv = &root.via.map.ptr[i];
        if (key_is(&kv->key, "text") && kv->val.type == MSGPACK_OBJECT_STR) {
            doc.text = kv->val.via.str.ptr;
            doc.text_len = kv->val.via.str.size;
        } else if (key_is(&kv->key, "id") &&
                   kv->val.type == MSGPACK_OBJECT_STR) {
            msgpack_sbuffer_clear(&self->id);
            msgpack_packer pk;
            msgpack_packer_init(&pk, &self->id, msgpack_sbuffer_write);
            msgpack_pack_object(&pk, kv->val);
            out->id_raw = self->id.data;
            out->id_raw_len = self->id.size;
        }
    }
    if (!doc.text || !out->id_raw)
        return PRISM_EINVAL;
    /* text is not NUL-terminated in the message; plugins are promised a
     * NUL-terminated text, so copy it into the arena */
    char *text = msgpack_zone_malloc(&self->zone, doc.text_len + 1);
    if (!text)
        return PRISM_ENOMEM;
    memcpy(text, doc.text, doc.text_len);
    text[doc.text_len] = '\0';
    doc.text = text;
    if (!prism_utf8_valid(doc.text, doc.text_len, &doc.text_cp, NULL))
        return PRISM_EINVAL;

    for (size_t i = 0; i < self->loader.n; i++) {
        prism_loaded_t *p = &self->loader.plugins[i];
        msgpack_sbuffer *sb = &self->outs[i];
        msgpack_sbuffer_clear(sb);
        prism_out o;
        prism__out_init(&o, sb, &doc);
        self->failed[i] = false;

        *self->status = (uint32_t)i + 1;
        prism__host_set_current(p->desc.name);
        int64_t p0 = now_ns(), text0 = doc.text_ns;
        int rc = p->desc.process(p->state, &doc, &o);
        int64_t p1 = now_ns();
        prism__host_set_current(NULL);
        *self->status = 0;

        prism_slot_t *slot = &self->slots[i];
        slot->name = p->desc.name;
        slot->data = NULL;
        slot->viewed = false;
        doc.nslots = i + 1;
        if (rc != 0) {
            self->failed[i] = true;
            snprintf(self->errors[i], sizeof(self->errors[i]), "%s",
                     o.has_error ? o.error : "process() failed");
            out->nerrors++;
            continue;
        }
        if (!prism__out_complete(&o, self->errors[i],
                                 sizeof(self->errors[i]))) {
            self->failed[i] = true;
            out->nerrors++;
            continue;
        }
        slot->data = sb->data;
        slot->len = sb->size;
        prism_result_t *r = &self->results[out->nresults++];
        r->plugin = p->desc.name;
        r->data = sb->data;
        r->len = sb->size;
        r->prov = self->provs[i].data;
        r->prov_len = self->provs[i].size;
        /* the tokenizer is shared: its time is not the first caller's */
        r->elapsed_ns = (p1 - p0) - (doc.text_ns - text0);
    }
    out->results = self->results;
    out->text_ns = doc.text_ns;
    pack_body(self, &root, out);
    out->elapsed_us = (now_ns() - t0) / 1000;
    return 0;
}

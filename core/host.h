/*
 * The host side of the plugin ABI: what a prism_doc, a prism_out and a
 * prism_conf are inside the core, and the one host function table every
 * plugin receives. Used by the loader (conf), the pipeline (doc, out) and
 * the unit tests; never seen by plugins, which get opaque handles.
 */
#ifndef PRISM_HOST_H
#define PRISM_HOST_H

#include <msgpack.h>

#include "config.h"
#include "prism/plugin.h"
#include "text.h"

#define PRISM_OUT_MAX_DEPTH 64

/* One loaded plugin's configuration, as its init() sees it. */
struct prism_conf {
    const prism_plugin_conf_t *section; /* borrowed from the config */
    const prism_option *options;        /* borrowed from the plugin */
    const char *config_dir; /* where defaults' relative paths resolve */
    char **resolved;        /* conf_path results, owned */
    size_t nresolved;
};

/* Where a result of an earlier plugin lives, for doc_result(). */
typedef struct prism_slot {
    const char *name;
    const char *data; /* raw msgpack, or NULL when it failed */
    size_t len;
    msgpack_object view; /* unpacked on first doc_result() */
    bool viewed;
} prism_slot_t;

struct prism_doc {
    const msgpack_object *root; /* the wire document, a map */
    const char *text;
    size_t text_len, text_cp;
    int64_t received_s;
    int time_src;
    int64_t time_s;
    bool time_done;
    prism_cpmap_t *cpmap; /* owned by the pipeline, reset per document */
    bool cp_ready;
    prism_textseg_t *seg; /* owned by the pipeline, reset per document */
    bool seg_ready;
    int seg_rc;
    int64_t text_ns;     /* time spent in the shared tokenizer, for bench */
    prism_slot_t *slots; /* results so far, in pipeline order */
    size_t nslots;
    msgpack_zone *zone; /* the document's arena: cleared per document */
    /* where other plugins' results are unpacked for doc_result(): cleared
     * before every plugin call, as the views live only during process() */
    msgpack_zone *view_zone;
};

struct out_frame {
    uint64_t left; /* values still to write in this container */
    bool is_map;
    bool want_key; /* a map's next value is a key */
    int span;      /* the key just written: 0, SPAN_START, SPAN_END,
                      SPAN_OTHER */
    bool has_start, has_end;
    int64_t start, end;
};

struct prism_out {
    msgpack_sbuffer *sb;
    msgpack_packer pk;
    const prism_doc *doc;
    struct out_frame stack[PRISM_OUT_MAX_DEPTH];
    int depth;    /* open containers */
    bool started; /* the one top-level value has begun */
    bool failed;  /* a misuse was seen: the result is void */
    char why[256];
    char error[512]; /* out_error() message */
    bool has_error;
};

/* The table handed to every plugin. */
extern const prism_host prism_host_table;

/* The name logs of plugin code are tagged with (the worker is single-
 * threaded, so the pipeline sets it around each call). */
void prism__host_set_current(const char *plugin_name);

/* Prepares a writer over sb for one process() call. */
void prism__out_init(prism_out *o, msgpack_sbuffer *sb, const prism_doc *doc);

/* True when the writer holds exactly one complete, well-formed value and
 * saw no misuse; otherwise writes the reason into why. */
bool prism__out_complete(const prism_out *o, char *why, size_t whylen);

#endif

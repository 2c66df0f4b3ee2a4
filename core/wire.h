/*
 * The wire protocol, version 1 (DESIGN §2): checking an input message
 * before anything else touches it, and packing the records prism publishes.
 *
 * prism_wire_check() walks the raw msgpack bytes once, without allocating,
 * so that a hostile message (a nesting bomb, an array header announcing four
 * billion items, a truncated string) costs a few comparisons and is answered
 * with an `err` record naming what is wrong. Only a message that passes is
 * handed to msgpack-c and to a worker.
 */
#ifndef PRISM_WIRE_H
#define PRISM_WIRE_H

#include <msgpack.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Why an input message was refused; the name is the `code` of its err. */
enum prism_wire_code {
    PRISM_WIRE_OK = 0,
    PRISM_WIRE_NOT_MSGPACK,  /* not one well-formed msgpack value */
    PRISM_WIRE_NOT_A_MAP,    /* a value, but not a map */
    PRISM_WIRE_TOO_LARGE,    /* over daemon.max_doc_bytes */
    PRISM_WIRE_TOO_DEEP,     /* nesting deeper than daemon.max_depth */
    PRISM_WIRE_TOO_MANY,     /* more than daemon.max_fields entries */
    PRISM_WIRE_MISSING_ID,   /* no `id` */
    PRISM_WIRE_BAD_ID,       /* `id` not a string of 1-256 bytes */
    PRISM_WIRE_MISSING_TEXT, /* no `text` */
    PRISM_WIRE_BAD_TEXT,     /* `text` not a string */
    PRISM_WIRE_BAD_UTF8,     /* a string field is not valid UTF-8 */
    PRISM_WIRE_BAD_FIELD,    /* a known field of the wrong type, a
                                duplicate or reserved key */
    /* codes for documents that were accepted but could not be processed */
    PRISM_WIRE_PLUGIN_CRASH,
    PRISM_WIRE_PLUGIN_TIMEOUT,
    PRISM_WIRE_INTERNAL,
};

typedef struct prism_limits {
    size_t max_doc_bytes;
    int max_depth;
    int max_fields;
} prism_limits_t;

/* What the check learned about an accepted message. Pointers point into
 * the message. */
typedef struct prism_wire_info {
    const char *id;
    size_t id_len;
    const char *text;
    size_t text_len;
    size_t text_cp;  /* length of the text in code points */
    uint32_t npairs; /* top-level keys */
} prism_wire_info_t;

/*
 * Checks one input message. Returns PRISM_WIRE_OK and fills info, or a code
 * and writes a one-line reason into msg. When the id could be read even
 * though the message is refused, info->id is set (so the err can echo it).
 * Ownership: nothing allocated; info borrows from buf.
 */
enum prism_wire_code prism_wire_check(const char *buf, size_t len,
                                      const prism_limits_t *lim,
                                      prism_wire_info_t *info, char *msg,
                                      size_t msglen);

/* The `code` string of an err record ("not_msgpack", ...). Static. */
const char *prism_wire_code_name(enum prism_wire_code code);

/* True for top-level keys prism writes itself; input may not use them. */
bool prism_wire_reserved_key(const char *key, size_t len);

/* Packs a string (length-counted) with msgpack-c. */
void prism_pack_str(msgpack_packer *pk, const char *s, size_t len);
void prism_pack_cstr(msgpack_packer *pk, const char *s);

/*
 * Packs an err record: {id?, seq, ts, pub, code, message, plugin?,
 * payload?}. id may be NULL; payload (the original message, as bin) may be
 * NULL. Ownership: appends to pk's buffer.
 */
void prism_wire_pack_err(msgpack_packer *pk, uint64_t seq, int64_t ts_ms,
                         const char *pub, const char *id, size_t id_len,
                         enum prism_wire_code code, const char *message,
                         const char *plugin, const char *payload,
                         size_t payload_len);

/*
 * Packs the head of a doc record and appends the worker's body after it:
 * {seq, ts, pub, elapsed_us, <nbody pairs of body>}. The body is the raw
 * msgpack of nbody key/value pairs made by prism_pipeline_run().
 */
int prism_wire_pack_doc(msgpack_sbuffer *sb, uint64_t seq, int64_t ts_ms,
                        const char *pub, int64_t elapsed_us, const char *body,
                        size_t body_len, uint32_t nbody);

/*
 * Packs a per-plugin record {id, seq, plugin, version, config, result}: the
 * id and result are raw msgpack values, copied as they are.
 */
int prism_wire_pack_result(msgpack_sbuffer *sb, uint64_t seq,
                           const char *id_raw, size_t id_raw_len,
                           const char *plugin, const char *prov_raw,
                           size_t prov_raw_len, const char *result_raw,
                           size_t result_raw_len);

#endif

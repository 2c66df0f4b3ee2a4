/*
 * Input checking and record packing for wire protocol version 1.
 */
#include "wire.h"

#include <stdio.h>
#include <string.h>

#include "text.h"

static const char *const code_names[] = {
    [PRISM_WIRE_OK] = "ok",
    [PRISM_WIRE_NOT_MSGPACK] = "not_msgpack",
    [PRISM_WIRE_NOT_A_MAP] = "not_a_map",
    [PRISM_WIRE_TOO_LARGE] = "too_large",
    [PRISM_WIRE_TOO_DEEP] = "too_deep",
    [PRISM_WIRE_TOO_MANY] = "too_many_fields",
    [PRISM_WIRE_MISSING_ID] = "missing_id",
    [PRISM_WIRE_BAD_ID] = "bad_id",
    [PRISM_WIRE_MISSING_TEXT] = "missing_text",
    [PRISM_WIRE_BAD_TEXT] = "bad_text",
    [PRISM_WIRE_BAD_UTF8] = "bad_utf8",
    [PRISM_WIRE_BAD_FIELD] = "bad_field",
    [PRISM_WIRE_PLUGIN_CRASH] = "plugin_crash",
    [PRISM_WIRE_PLUGIN_TIMEOUT] = "plugin_timeout",
    [PRISM_WIRE_INTERNAL] = "internal",
};

const char *prism_wire_code_name(enum prism_wire_code code)
{
    if ((size_t)code < sizeof(code_names) / sizeof(code_names[0]))
        return code_names[code];
    return "internal";
}

static const char *const reserved[] = {"seq",    "ts",         "pub", "results",
                                       "errors", "elapsed_us", "prov"};

bool prism_wire_reserved_key(const char *key, size_t len)
{
    for (size_t i = 0; i < sizeof(reserved) / sizeof(reserved[0]); i++)
        if (strlen(reserved[i]) == len && memcmp(reserved[i], key, len) == 0)
            return true;
    return false;
}

/* ---- the walk over raw msgpack ------------------------------------------- */

struct walk {
    const unsigned char *p, *end;
    int depth_left;
    long fields_left;
    enum prism_wire_code code; /* first failure */
};

static uint64_t be(const unsigned char *p, int n)
{
    uint64_t v = 0;
    for (int i = 0; i < n; i++)
        v = (v << 8) | p[i];
    return v;
}

/* Reads a header's big-endian length of n bytes; false if truncated. */
static bool take_len(struct walk *w, int n, uint64_t *out)
{
    if (w->end - w->p < n)
        return false;
    *out = be(w->p, n);
    w->p += n;
    return true;
}

static bool skip_bytes(struct walk *w, uint64_t n)
{
    if ((uint64_t)(w->end - w->p) < n)
        return false;
    w->p += n;
    return true;
}

/* What one value is, as far as the top-level check needs to know. */
enum kind { V_OTHER, V_STR, V_MAP, V_INT };

struct value {
    enum kind kind;
    const unsigned char *start; /* the header byte */
    const unsigned char *str;   /* V_STR: the bytes */
    uint64_t n;                 /* V_STR: length; V_MAP: pairs */
};

static bool walk_value(struct walk *w, struct value *v);

static bool walk_items(struct walk *w, uint64_t n)
{
    /* every item needs at least one byte: refuse impossible counts before
     * looping over them */
    if (n > (uint64_t)(w->end - w->p)) {
        w->code = PRISM_WIRE_NOT_MSGPACK;
        return false;
    }
    if ((long)n > w->fields_left) {
        w->code = PRISM_WIRE_TOO_MANY;
        return false;
    }
    w->fields_left -= (long)n;
    if (--w->depth_left < 0) {
        w->code = PRISM_WIRE_TOO_DEEP;
        return false;
    }
    struct value ignored;
    for (uint64_t i = 0; i < n; i++)
        if (!walk_value(w, &ignored))
            return false;
    w->depth_left++;
    return true;
}

static bool walk_value(struct walk *w, struct value *v)
{
    uint64_t n = 0;
    v->kind = V_OTHER;
    v->start = w->p;
    if (w->p >= w->end)
        goto truncated;
    unsigned char b = *w->p++;
    if (b <= 0x7f || b >= 0xe0) {
        v->kind = V_INT;
        return true;
    }
    if ((b & 0xf0) == 0x80) { /* fixmap */
        v->kind = V_MAP;
        v->n = b & 0x0f;
        return walk_items(w, v->n * 2);
    }
    if ((b & 0xf0) == 0x90) /* fixarray */
        return walk_items(w, b & 0x0f);
    if ((b & 0xe0) == 0xa0) { /* fixstr */
        n = b & 0x1f;
        goto str;
    }
    switch (b) {
    case 0xc0: /* nil */
    case 0xc2: /* false */
    case 0xc3: /* true */
        return true;
    case 0xc4: /* bin 8/16/32 */
    case 0xc5:
    case 0xc6:
        if (!take_len(w, 1 << (b - 0xc4), &n) || !skip_bytes(w, n))
            goto truncated;
        return true;
    case 0xc7: /* ext 8/16/32: length, type, data */
    case 0xc8:
    case 0xc9:
        if (!take_len(w, 1 << (b - 0xc7), &n) || !skip_bytes(w, n + 1))
            goto truncated;
        return true;
    case 0xca:
        return skip_bytes(w, 4) || (w->code = PRISM_WIRE_NOT_MSGPACK, false);
    case 0xcb:
        return skip_bytes(w, 8) || (w->code = PRISM_WIRE_NOT_MSGPACK, false);
    case 0xcc: /* uint 8..64 */
    case 0xcd:
    case 0xce:
    case 0xcf:
    case 0xd0: /* int 8..64 */
    case 0xd1:
    case 0xd2:
    case 0xd3:
        v->kind = V_INT;
        if (!skip_bytes(w, 1u << (b & 0x03)))
            goto truncated;
        return true;
    case 0xd4: /* fixext 1..16: type + data */
    case 0xd5:
    case 0xd6:
    case 0xd7:
    case 0xd8:
        if (!skip_bytes(w, 1 + (1u << (b - 0xd4))))
            goto truncated;
        return true;
    case 0xd9: /* str 8/16/32 */
    case 0xda:
    case 0xdb:
        if (!take_len(w, 1 << (b - 0xd9), &n))
            goto truncated;
        goto str;
    case 0xdc: /* array 16/32 */
    case 0xdd:
        if (!take_len(w, b == 0xdc ? 2 : 4, &n))
            goto truncated;
        return walk_items(w, n);
    case 0xde: /* map 16/32 */
    case 0xdf:
        if (!take_len(w, b == 0xde ? 2 : 4, &n))
            goto truncated;
        v->kind = V_MAP;
        v->n = n;
        return walk_items(w, n * 2);
    default: /* 0xc1 is never used */
        goto truncated;
    }
str:
    v->kind = V_STR;
    v->str = w->p;
    v->n = n;
    if (!skip_bytes(w, n))
        goto truncated;
    return true;
truncated:
    w->code = PRISM_WIRE_NOT_MSGPACK;
    return false;
}

static bool key_is(const struct value *k, const char *name)
{
    size_t len = strlen(name);
    return k->kind == V_STR && k->n == len && memcmp(k->str, name, len) == 0;
}

/* For a message refused as too large: its id, when its top level is a map
 * that can be walked within the limits, so that the err can name it. */
static void find_id(const char *buf, size_t len, const prism_limits_t *lim,
                    prism_wire_info_t *info)
{
    struct walk w = {.p = (const unsigned char *)buf,
                     .end = (const unsigned char *)buf + len,
                     .depth_left = lim->max_depth,
                     .fields_left = lim->max_fields};
    struct value k, v;
    if (len == 0)
        return;
    unsigned char b = w.p[0];
    uint64_t npairs = 0;
    if ((b & 0xf0) == 0x80) {
        npairs = b & 0x0f;
        w.p += 1;
    } else if (b == 0xde && len >= 3) {
        npairs = be(w.p + 1, 2);
        w.p += 3;
    } else if (b == 0xdf && len >= 5) {
        npairs = be(w.p + 1, 4);
        w.p += 5;
    } else {
        return;
    }
    for (uint64_t i = 0; i < npairs; i++) {
        if (!walk_value(&w, &k) || !walk_value(&w, &v))
            return;
        if (key_is(&k, "id") && v.kind == V_STR && v.n >= 1 && v.n <= 256 &&
            prism_utf8_valid((const char *)v.str, v.n, NULL, NULL)) {
            info->id = (const char *)v.str;
            info->id_len = v.n;
            return;
        }
    }
}

enum prism_wire_code prism_wire_check(const char *buf, size_t len,
                                      const prism_limits_t *lim,
                                      prism_wire_info_t *info, char *msg,
                                      size_t msglen)
{
    memset(info, 0, sizeof(*info));
    msg[0] = '\0';
    if (len > lim->max_doc_bytes) {
        snprintf(msg, msglen, "message of %zu bytes is over the limit of %zu",
                 len, lim->max_doc_bytes);
        find_id(buf, len, lim, info);
        return PRISM_WIRE_TOO_LARGE;
    }
    struct walk w = {.p = (const unsigned char *)buf,
                     .end = (const unsigned char *)buf + len,
                     .depth_left = lim->max_depth,
                     .fields_left = lim->max_fields};
    struct value top;
    if (!walk_value(&w, &top) || w.p != w.end) {
        enum prism_wire_code c = w.code ? w.code : PRISM_WIRE_NOT_MSGPACK;
        if (c == PRISM_WIRE_TOO_DEEP)
            snprintf(msg, msglen, "nesting deeper than %d levels",
                     lim->max_depth);
        else if (c == PRISM_WIRE_TOO_MANY)
            snprintf(msg, msglen, "more than %d map entries and array items",
                     lim->max_fields);
        else if (w.p != w.end && !w.code)
            snprintf(msg, msglen, "%zu bytes follow the first value",
                     (size_t)(w.end - w.p));
        else
            snprintf(msg, msglen, "not a well-formed msgpack value");
        return c;
    }
    if (top.kind != V_MAP) {
        snprintf(msg, msglen, "a document is a msgpack map with id and text");
        return PRISM_WIRE_NOT_A_MAP;
    }
    /* Second pass over the top-level pairs only: the first proved the
     * structure sound, so this one cannot run off the end. */
    struct walk t = {.p = (const unsigned char *)buf,
                     .end = (const unsigned char *)buf + len,
                     .depth_left = lim->max_depth + 1,
                     .fields_left = lim->max_fields + 1};
    uint64_t npairs = top.n;
    t.p = top.start + ((top.start[0] & 0xf0) == 0x80 ? 1
                       : top.start[0] == 0xde        ? 3
                                                     : 5);
    info->npairs = (uint32_t)npairs;
    enum prism_wire_code bad = PRISM_WIRE_OK;
    const char *seen[16];
    size_t nseen = 0;
    bool have_text = false, have_id = false;
    for (uint64_t i = 0; i < npairs; i++) {
        struct value k, v;
        walk_value(&t, &k);
        walk_value(&t, &v);
        if (bad)
            continue;
        if (k.kind != V_STR) {
            snprintf(msg, msglen, "key %llu of the document is not a string",
                     (unsigned long long)i);
            bad = PRISM_WIRE_BAD_FIELD;
            continue;
        }
        if (!prism_utf8_valid((const char *)k.str, k.n, NULL, NULL)) {
            snprintf(msg, msglen, "a key is not valid UTF-8");
            bad = PRISM_WIRE_BAD_UTF8;
            continue;
        }
        if (prism_wire_reserved_key((const char *)k.str, k.n)) {
            snprintf(msg, msglen, "key '%.*s' is reserved for prism's output",
                     (int)k.n, (const char *)k.str);
            bad = PRISM_WIRE_BAD_FIELD;
            continue;
        }
        /* duplicates of the known keys are refused: which one would win? */
        static const char *const known[] = {"id",        "text",   "title",
                                            "url",       "source", "lang",
                                            "published", "meta"};
        for (size_t j = 0; j < sizeof(known) / sizeof(known[0]); j++) {
            if (!key_is(&k, known[j]))
                continue;
            for (size_t s = 0; s < nseen; s++) {
                if (seen[s] == known[j]) {
                    snprintf(msg, msglen, "key '%s' appears twice", known[j]);
                    bad = PRISM_WIRE_BAD_FIELD;
                }
            }
            if (nseen < 16)
                seen[nseen++] = known[j];
        }
        if (bad)
            continue;
        if (key_is(&k, "id")) {
            have_id = true;
            if (v.kind != V_STR || v.n < 1 || v.n > 256) {
                snprintf(msg, msglen, "id must be a string of 1-256 bytes");
                bad = PRISM_WIRE_BAD_ID;
            } else if (!prism_utf8_valid((const char *)v.str, v.n, NULL,
                                         NULL)) {
                snprintf(msg, msglen, "id is not valid UTF-8");
                bad = PRISM_WIRE_BAD_UTF8;
            } else {
                info->id = (const char *)v.str;
                info->id_len = v.n;
            }
        } else if (key_is(&k, "text")) {
            have_text = true;
            size_t bad_off = 0;
            if (v.kind != V_STR) {
                snprintf(msg, msglen, "text must be a string");
                bad = PRISM_WIRE_BAD_TEXT;
            } else if (!prism_utf8_valid((const char *)v.str, v.n,
                                         &info->text_cp, &bad_off)) {
                snprintf(msg, msglen, "text is not valid UTF-8 at byte %zu",
                         bad_off);
                bad = PRISM_WIRE_BAD_UTF8;
            } else {
                info->text = (const char *)v.str;
                info->text_len = v.n;
            }
        } else if (key_is(&k, "meta")) {
            if (v.kind != V_MAP) {
                snprintf(msg, msglen, "meta must be a map");
                bad = PRISM_WIRE_BAD_FIELD;
            }
        } else if (key_is(&k, "published")) {
            if (v.kind != V_STR && v.kind != V_INT) {
                snprintf(msg, msglen,
                         "published must be an ISO 8601 string or unix "
                         "seconds");
                bad = PRISM_WIRE_BAD_FIELD;
            }
        }
        if (!bad && v.kind == V_STR && !key_is(&k, "text") &&
            !prism_utf8_valid((const char *)v.str, v.n, NULL, NULL)) {
            snprintf(msg, msglen, "field '%.*s' is not valid UTF-8",
                     (int)(k.n > 64 ? 64 : k.n), (const char *)k.str);
            bad = PRISM_WIRE_BAD_UTF8;
        } else if (!bad && v.kind != V_STR &&
                   (key_is(&k, "title") || key_is(&k, "url") ||
                    key_is(&k, "source") || key_is(&k, "lang"))) {
            snprintf(msg, msglen, "field '%.*s' must be a string", (int)k.n,
                     (const char *)k.str);
            bad = PRISM_WIRE_BAD_FIELD;
        }
    }
    if (bad)
        return bad;
    if (!have_id) {
        snprintf(msg, msglen, "the document has no id");
        return PRISM_WIRE_MISSING_ID;
    }
    if (!have_text) {
        snprintf(msg, msglen, "the document has no text");
        return PRISM_WIRE_MISSING_TEXT;
    }
    return PRISM_WIRE_OK;
}

/* ---- packing records ------------------------------------------------------
 */

void prism_pack_str(msgpack_packer *pk, const char *s, size_t len)
{
    msgpack_pack_str(pk, len);
    msgpack_pack_str_body(pk, s, len);
}

void prism_pack_cstr(msgpack_packer *pk, const char *s)
{
    prism_pack_str(pk, s, strlen(s));
}

void prism_wire_pack_err(msgpack_packer *pk, uint64_t seq, int64_t ts_ms,
                         const char *pub, const char *id, size_t id_len,
                         enum prism_wire_code code, const char *message,
                         const char *plugin, const char *payload,
                         size_t payload_len)
{
    msgpack_pack_map(pk,
                     5 + (id != NULL) + (plugin != NULL) + (payload != NULL));
    if (id) {
        prism_pack_cstr(pk, "id");
        prism_pack_str(pk, id, id_len);
    }
    prism_pack_cstr(pk, "seq");
    msgpack_pack_uint64(pk, seq);
    prism_pack_cstr(pk, "ts");
    msgpack_pack_int64(pk, ts_ms);
    prism_pack_cstr(pk, "pub");
    prism_pack_cstr(pk, pub);
    prism_pack_cstr(pk, "code");
    prism_pack_cstr(pk, prism_wire_code_name(code));
    prism_pack_cstr(pk, "message");
    prism_pack_cstr(pk, message);
    if (plugin) {
        prism_pack_cstr(pk, "plugin");
        prism_pack_cstr(pk, plugin);
    }
    if (payload) {
        prism_pack_cstr(pk, "payload");
        msgpack_pack_bin(pk, payload_len);
        msgpack_pack_bin_body(pk, payload, payload_len);
    }
}

int prism_wire_pack_doc(msgpack_sbuffer *sb, uint64_t seq, int64_t ts_ms,
                        const char *pub, int64_t elapsed_us, const char *body,
                        size_t body_len, uint32_t nbody)
{
    msgpack_packer pk;
    msgpack_packer_init(&pk, sb, msgpack_sbuffer_write);
    msgpack_pack_map(&pk, nbody + 4);
    prism_pack_cstr(&pk, "seq");
    msgpack_pack_uint64(&pk, seq);
    prism_pack_cstr(&pk, "ts");
    msgpack_pack_int64(&pk, ts_ms);
    prism_pack_cstr(&pk, "pub");
    prism_pack_cstr(&pk, pub);
    prism_pack_cstr(&pk, "elapsed_us");
    msgpack_pack_int64(&pk, elapsed_us);
    return msgpack_sbuffer_write(sb, body, body_len);
}

int prism_wire_pack_result(msgpack_sbuffer *sb, uint64_t seq,
                           const char *id_raw, size_t id_raw_len,
                           const char *plugin, const char *prov_raw,
                           size_t prov_raw_len, const char *result_raw,
                           size_t result_raw_len)
{
    msgpack_packer pk;
    msgpack_packer_init(&pk, sb, msgpack_sbuffer_write);
    msgpack_pack_map(&pk, 5);
    prism_pack_cstr(&pk, "id");
    msgpack_sbuffer_write(sb, id_raw, id_raw_len);
    prism_pack_cstr(&pk, "seq");
    msgpack_pack_uint64(&pk, seq);
    prism_pack_cstr(&pk, "plugin");
    prism_pack_cstr(&pk, plugin);
    prism_pack_cstr(&pk, "prov");
    msgpack_sbuffer_write(sb, prov_raw, prov_raw_len);
    prism_pack_cstr(&pk, "result");
    return msgpack_sbuffer_write(sb, result_raw, result_raw_len);
}

/*
 * The host function table: document accessors, value readers, the result
 * writer and logging, as include/prism/plugin.h promises them.
 *
 * The writer checks as it goes that a plugin writes exactly one well-formed
 * value (map keys are strings, containers get the number of items they
 * announced) and that every offset it writes lies inside the text, so a
 * faulty plugin cannot put a malformed or lying record on the wire.
 */
#include "host.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util.h"

enum { SPAN_NONE = 0, SPAN_START, SPAN_END, SPAN_OTHER };

static const char *current_plugin = "core";

void prism__host_set_current(const char *plugin_name)
{
    current_plugin = plugin_name ? plugin_name : "core";
}

/* ---- memory and logging ----------------------------------------------------
 */

static void *host_alloc(size_t n)
{
    return malloc(n ? n : 1);
}

static void host_free(void *p)
{
    free(p);
}

static void host_log(int level, const char *fmt, ...)
{
    char prefix[96];
    snprintf(prefix, sizeof(prefix), "plugin %s", current_plugin);
    va_list ap;
    va_start(ap, fmt);
    prism_logv(level, prefix, fmt, ap);
    va_end(ap);
}

/* ---- configuration
 * ------------------------------------------------------------- */

static const prism_kv_t *conf_kv(const prism_conf *c, const char *key)
{
    for (size_t i = 0; i < c->section->nkv; i++)
        if (strcmp(c->section->kv[i].key, key) == 0)
            return &c->section->kv[i];
    return NULL;
}

static const char *conf_default(const prism_conf *c, const char *key)
{
    for (const prism_option *o = c->options; o && o->name; o++)
        if (strcmp(o->name, key) == 0)
            return o->default_value;
    return NULL;
}

static const char *host_conf_get(const prism_conf *c, const char *key)
{
    const prism_kv_t *kv = conf_kv(c, key);
    return kv ? kv->value : conf_default(c, key);
}

static const char *host_conf_path(const prism_conf *c, const char *key)
{
    const prism_kv_t *kv = conf_kv(c, key);
    const char *value = kv ? kv->value : conf_default(c, key);
    if (!value)
        return NULL;
    /* a value resolves against the folder of what set it (the file, or
     * the working folder for --set); a default against the config file's */
    char *path = prism_path_join(kv ? kv->dir : c->config_dir, value);
    if (!path)
        return NULL;
    char **grown = realloc(((prism_conf *)c)->resolved,
                           (c->nresolved + 1) * sizeof(char *));
    if (!grown) {
        free(path);
        return NULL;
    }
    prism_conf *mc = (prism_conf *)c; /* the cache is the host's own */
    mc->resolved = grown;
    mc->resolved[mc->nresolved++] = path;
    return path;
}

/* ---- the document
 * ------------------------------------------------------------- */

static const msgpack_object *map_get(const msgpack_object *m, const char *key)
{
    if (!m || m->type != MSGPACK_OBJECT_MAP)
        return NULL;
    size_t len = strlen(key);
    for (uint32_t i = 0; i < m->via.map.size; i++) {
        const msgpack_object *k = &m->via.map.ptr[i].key;
        if (k->type == MSGPACK_OBJECT_STR && k->via.str.size == len &&
            memcmp(k->via.str.ptr, key, len) == 0)
            return &m->via.map.ptr[i].val;
    }
    return NULL;
}

static const char *host_doc_text(const prism_doc *d, size_t *len)
{
    if (len)
        *len = d->text_len;
    return d->text;
}

static const char *host_doc_field(const prism_doc *d, const char *key,
                                  size_t *len)
{
    const msgpack_object *v = map_get(d->root, key);
    if (!v || v->type != MSGPACK_OBJECT_STR)
        return NULL;
    if (len)
        *len = v->via.str.size;
    return v->via.str.ptr;
}

static int digits(const char **p, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*p)[i]))
            return -1;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    *out = v;
    return 0;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static int64_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* Parses ISO 8601: YYYY-MM-DD[(T| )HH:MM[:SS[.frac]][Z|(+|-)HH[:]MM]]. */
static bool parse_iso8601(const char *s, size_t len, int64_t *out)
{
    char buf[64];
    if (len >= sizeof(buf))
        return false;
    memcpy(buf, s, len);
    buf[len] = '\0';
    const char *p = buf;
    int y, mo, d, h = 0, mi = 0, sec = 0;
    if (digits(&p, 4, &y) || *p++ != '-' || digits(&p, 2, &mo) || *p++ != '-' ||
        digits(&p, 2, &d))
        return false;
    if (mo < 1 || mo > 12 || d < 1 || d > 31)
        return false;
    int64_t offset = 0;
    if (*p == 'T' || *p == 't' || *p == ' ') {
        p++;
        if (digits(&p, 2, &h) || *p++ != ':' || digits(&p, 2, &mi))
            return false;
        if (*p == ':') {
            p++;
            if (digits(&p, 2, &sec))
                return false;
            if (*p == '.' || *p == ',')
                for (p++; isdigit((unsigned char)*p); p++)
                    ;
        }
        if (*p == 'Z' || *p == 'z') {
            p++;
        } else if (*p == '+' || *p == '-') {
            int sign = *p++ == '-' ? -1 : 1, oh, om = 0;
            if (digits(&p, 2, &oh))
                return false;
            if (*p == ':')
                p++;
            if (*p && digits(&p, 2, &om))
                return false;
            offset = sign * (oh * 3600 + om * 60);
        }
        if (h > 23 || mi > 59 || sec > 60)
            return false;
    }
    if (*p)
        return false;
    *out =
        days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - offset;
    return true;
}

static int host_doc_time(const prism_doc *d, int64_t *unix_s)
{
    prism_doc *md = (prism_doc *)d; /* a cache, computed once */
    if (!md->time_done) {
        md->time_done = true;
        md->time_src = PRISM_TIME_RECEIVED;
        md->time_s = d->received_s;
        const msgpack_object *v = map_get(d->root, "published");
        int64_t t;
        if (v && v->type == MSGPACK_OBJECT_POSITIVE_INTEGER &&
            v->via.u64 < (1ULL << 40)) {
            md->time_src = PRISM_TIME_PUBLISHED;
            md->time_s = (int64_t)v->via.u64;
        } else if (v && v->type == MSGPACK_OBJECT_NEGATIVE_INTEGER) {
            md->time_src = PRISM_TIME_PUBLISHED;
            md->time_s = v->via.i64;
        } else if (v && v->type == MSGPACK_OBJECT_STR &&
                   parse_iso8601(v->via.str.ptr, v->via.str.size, &t)) {
            md->time_src = PRISM_TIME_PUBLISHED;
            md->time_s = t;
        }
    }
    if (unix_s)
        *unix_s = d->time_s;
    return d->time_src;
}

static size_t host_doc_cp(const prism_doc *d, size_t byte_off)
{
    prism_doc *md = (prism_doc *)d;
    if (byte_off >= d->text_len)
        return d->text_cp;
    if (d->text_cp == d->text_len)
        return byte_off; /* all ASCII */
    if (!md->cp_ready) {
        if (prism_cpmap_reset(md->cpmap, d->text, d->text_len) < 0)
            return 0;
        md->cp_ready = true;
    }
    return prism_cpmap_get(md->cpmap, byte_off);
}

static int segment(const prism_doc *d)
{
    prism_doc *md = (prism_doc *)d;
    if (!md->seg_ready) {
        /* the tokenizer counts code points itself: no map needed */
        struct timespec a, b;
        md->seg_ready = true;
        clock_gettime(CLOCK_MONOTONIC, &a);
        md->seg_rc = prism_textseg_run(md->seg, d->text, d->text_len, NULL);
        clock_gettime(CLOCK_MONOTONIC, &b);
        md->text_ns = (int64_t)(b.tv_sec - a.tv_sec) * 1000000000 +
                      (b.tv_nsec - a.tv_nsec);
    }
    return md->seg_rc < 0 ? PRISM_ENOMEM : 0;
}

static int host_doc_tokens(const prism_doc *d, const prism_token **toks,
                           size_t *n)
{
    int rc = segment(d);
    *toks = rc ? NULL : d->seg->toks;
    *n = rc ? 0 : d->seg->ntoks;
    return rc;
}

static int host_doc_sentences(const prism_doc *d, const prism_sentence **s,
                              size_t *n)
{
    int rc = segment(d);
    *s = rc ? NULL : d->seg->sents;
    *n = rc ? 0 : d->seg->nsents;
    return rc;
}

static const prism_value *host_doc_result(const prism_doc *d,
                                          const char *plugin)
{
    for (size_t i = 0; i < d->nslots; i++) {
        prism_slot_t *s = &d->slots[i];
        if (strcmp(s->name, plugin) != 0)
            continue;
        if (!s->data)
            return NULL;
        if (!s->viewed) {
            size_t off = 0;
            if (msgpack_unpack(s->data, s->len, &off, d->view_zone, &s->view) !=
                MSGPACK_UNPACK_SUCCESS)
                return NULL;
            s->viewed = true;
        }
        return (const prism_value *)&s->view;
    }
    return NULL;
}

/* ---- reading values ---------------------------------------------------------
 */

#define OBJ(v) ((const msgpack_object *)(v))

static int host_value_type(const prism_value *v)
{
    if (!v)
        return PRISM_V_NIL;
    switch (OBJ(v)->type) {
    case MSGPACK_OBJECT_NIL:
        return PRISM_V_NIL;
    case MSGPACK_OBJECT_BOOLEAN:
        return PRISM_V_BOOL;
    case MSGPACK_OBJECT_POSITIVE_INTEGER:
    case MSGPACK_OBJECT_NEGATIVE_INTEGER:
        return PRISM_V_INT;
    case MSGPACK_OBJECT_FLOAT32:
    case MSGPACK_OBJECT_FLOAT64:
        return PRISM_V_FLOAT;
    case MSGPACK_OBJECT_STR:
        return PRISM_V_STR;
    case MSGPACK_OBJECT_ARRAY:
        return PRISM_V_ARRAY;
    case MSGPACK_OBJECT_MAP:
        return PRISM_V_MAP;
    default:
        return PRISM_V_OTHER;
    }
}

static bool host_value_bool(const prism_value *v)
{
    return v && OBJ(v)->type == MSGPACK_OBJECT_BOOLEAN && OBJ(v)->via.boolean;
}

static int64_t host_value_i64(const prism_value *v)
{
    if (!v)
        return 0;
    switch (OBJ(v)->type) {
    case MSGPACK_OBJECT_POSITIVE_INTEGER:
        return OBJ(v)->via.u64 > INT64_MAX ? INT64_MAX
                                           : (int64_t)OBJ(v)->via.u64;
    case MSGPACK_OBJECT_NEGATIVE_INTEGER:
        return OBJ(v)->via.i64;
    case MSGPACK_OBJECT_FLOAT32:
    case MSGPACK_OBJECT_FLOAT64:
        return (int64_t)OBJ(v)->via.f64;
    default:
        return 0;
    }
}

static double host_value_f64(const prism_value *v)
{
    if (!v)
        return 0;
    switch (OBJ(v)->type) {
    case MSGPACK_OBJECT_POSITIVE_INTEGER:
        return (double)OBJ(v)->via.u64;
    case MSGPACK_OBJECT_NEGATIVE_INTEGER:
        return (double)OBJ(v)->via.i64;
    case MSGPACK_OBJECT_FLOAT32:
    case MSGPACK_OBJECT_FLOAT64:
        return OBJ(v)->via.f64;
    default:
        return 0;
    }
}

static const char *host_value_str(const prism_value *v, size_t *len)
{
    if (!v || OBJ(v)->type != MSGPACK_OBJECT_STR)
        return NULL;
    if (len)
        *len = OBJ(v)->via.str.size;
    return OBJ(v)->via.str.ptr;
}

static size_t host_value_len(const prism_value *v)
{
    if (!v)
        return 0;
    if (OBJ(v)->type == MSGPACK_OBJECT_ARRAY)
        return OBJ(v)->via.array.size;
    if (OBJ(v)->type == MSGPACK_OBJECT_MAP)
        return OBJ(v)->via.map.size;
    return 0;
}

static const prism_value *host_value_at(const prism_value *v, size_t i)
{
    if (!v || OBJ(v)->type != MSGPACK_OBJECT_ARRAY ||
        i >= OBJ(v)->via.array.size)
        return NULL;
    return (const prism_value *)&OBJ(v)->via.array.ptr[i];
}

static const prism_value *host_value_get(const prism_value *v, const char *key)
{
    return (const prism_value *)map_get(OBJ(v), key);
}

static const prism_value *host_value_entry(const prism_value *v, size_t i,
                                           const char **key, size_t *key_len)
{
    if (!v || OBJ(v)->type != MSGPACK_OBJECT_MAP || i >= OBJ(v)->via.map.size)
        return NULL;
    const msgpack_object_kv *kv = &OBJ(v)->via.map.ptr[i];
    if (key)
        *key = kv->key.type == MSGPACK_OBJECT_STR ? kv->key.via.str.ptr : NULL;
    if (key_len)
        *key_len =
            kv->key.type == MSGPACK_OBJECT_STR ? kv->key.via.str.size : 0;
    return (const prism_value *)&kv->val;
}

/* ---- the result writer -----------------------------------------------------
 */

void prism__out_init(prism_out *o, msgpack_sbuffer *sb, const prism_doc *doc)
{
    o->sb = sb;
    msgpack_packer_init(&o->pk, sb, msgpack_sbuffer_write);
    o->doc = doc;
    o->depth = 0;
    o->started = false;
    o->failed = false;
    o->why[0] = '\0';
    o->error[0] = '\0';
    o->has_error = false;
}

static int misuse(prism_out *o, const char *why)
{
    if (!o->failed) {
        o->failed = true;
        snprintf(o->why, sizeof(o->why), "%s", why);
    }
    return PRISM_EINVAL;
}

/* Called before each value; enforces the structure. kind_is_str tells
 * whether the value is a string (map keys must be). */
static int before_value(prism_out *o, bool is_str)
{
    if (o->failed)
        return PRISM_EINVAL;
    if (o->depth == 0) {
        if (o->started)
            return misuse(o, "wrote more than one top-level value");
        o->started = true;
        return 0;
    }
    struct out_frame *f = &o->stack[o->depth - 1];
    if (f->left == 0)
        return misuse(o, "wrote more items than the container announced");
    if (f->is_map && f->want_key && !is_str)
        return misuse(o, "a map key is not a string");
    return 0;
}

/* Called after each complete value; closes finished containers. */
static void after_value(prism_out *o)
{
    while (o->depth > 0) {
        struct out_frame *f = &o->stack[o->depth - 1];
        f->left--;
        if (f->is_map) {
            if (f->want_key) {
                f->want_key = false;
                return; /* the key's value comes next */
            }
            f->want_key = true;
            f->span = SPAN_NONE;
        }
        if (f->left > 0)
            return;
        o->depth--; /* the container is complete: it is a value of its
                       parent */
    }
}

static int open_container(prism_out *o, uint64_t n, bool is_map)
{
    int rc = before_value(o, false);
    if (rc)
        return rc;
    if (n > UINT32_MAX)
        return misuse(o, "container too large");
    if (is_map)
        msgpack_pack_map(&o->pk, (size_t)n);
    else
        msgpack_pack_array(&o->pk, (size_t)n);
    if (n == 0) {
        after_value(o);
        return 0;
    }
    if (o->depth == PRISM_OUT_MAX_DEPTH)
        return misuse(o, "nesting deeper than 64 levels");
    /* the container itself counts as one value of its parent when it
     * closes (after_value on completion), so nothing is decremented now */
    struct out_frame *f = &o->stack[o->depth++];
    memset(f, 0, sizeof(*f));
    f->left = is_map ? n * 2 : n;
    f->is_map = is_map;
    f->want_key = is_map;
    return 0;
}

static int host_out_map(prism_out *o, size_t n)
{
    return open_container(o, n, true);
}

static int host_out_array(prism_out *o, size_t n)
{
    return open_container(o, n, false);
}

static int span_kind(const char *s, size_t len)
{
    if ((len == 5 && memcmp(s, "start", 5) == 0))
        return SPAN_START;
    if (len == 3 && memcmp(s, "end", 3) == 0)
        return SPAN_END;
    if ((len > 6 && memcmp(s + len - 6, "_start", 6) == 0) ||
        (len > 4 && memcmp(s + len - 4, "_end", 4) == 0))
        return SPAN_OTHER;
    return SPAN_NONE;
}

/* Keys and short values are almost always ASCII: check those bytes in one
 * pass before the full UTF-8 validator. */
static bool utf8_ok(const char *s, size_t len)
{
    if (len <= 32) {
        unsigned char any = 0;
        for (size_t i = 0; i < len; i++)
            any |= (unsigned char)s[i];
        if (any < 0x80)
            return true;
    }
    return prism_utf8_valid(s, len, NULL, NULL);
}

/* A msgpack str, header and body appended to the buffer together (the
 * packer would make two calls through its write callback). */
static int pack_str(prism_out *o, const char *s, size_t len)
{
    unsigned char hdr[5];
    size_t hn;
    if (len < 32) {
        hdr[0] = (unsigned char)(0xA0 | len);
        hn = 1;
    } else if (len < 256) {
        hdr[0] = 0xD9;
        hdr[1] = (unsigned char)len;
        hn = 2;
    } else if (len < 65536) {
        hdr[0] = 0xDA;
        hdr[1] = (unsigned char)(len >> 8);
        hdr[2] = (unsigned char)len;
        hn = 3;
    } else {
        hdr[0] = 0xDB;
        hdr[1] = (unsigned char)(len >> 24);
        hdr[2] = (unsigned char)(len >> 16);
        hdr[3] = (unsigned char)(len >> 8);
        hdr[4] = (unsigned char)len;
        hn = 5;
    }
    msgpack_sbuffer *sb = o->sb;
    if (sb->alloc - sb->size < hn + len)
        return msgpack_sbuffer_write(sb, (const char *)hdr, hn) ||
               msgpack_sbuffer_write(sb, s, len);
    memcpy(sb->data + sb->size, hdr, hn);
    if (len)
        memcpy(sb->data + sb->size + hn, s, len);
    sb->size += hn + len;
    return 0;
}

static int host_out_str(prism_out *o, const char *s, size_t len)
{
    int rc = before_value(o, true);
    if (rc)
        return rc;
    if (!s && len)
        return misuse(o, "NULL string");
    if (!s)
        s = "";
    if (!utf8_ok(s, len))
        return misuse(o, "a string is not valid UTF-8");
    if (o->depth > 0) {
        struct out_frame *f = &o->stack[o->depth - 1];
        if (f->is_map && f->want_key)
            f->span = span_kind(s, len);
    }
    if (pack_str(o, s, len) != 0) {
        misuse(o, "out of memory writing a string");
        return PRISM_ENOMEM;
    }
    after_value(o);
    return 0;
}

static int host_out_cstr(prism_out *o, const char *s)
{
    return host_out_str(o, s, s ? strlen(s) : 0);
}

static int host_out_i64(prism_out *o, int64_t v)
{
    int rc = before_value(o, false);
    if (rc)
        return rc;
    if (o->depth > 0) {
        struct out_frame *f = &o->stack[o->depth - 1];
        if (f->is_map && f->span != SPAN_NONE) {
            char why[128];
            if (v < 0 || (uint64_t)v > o->doc->text_cp) {
                snprintf(why, sizeof(why),
                         "offset %lld is outside the text (0..%zu code "
                         "points)",
                         (long long)v, o->doc->text_cp);
                return misuse(o, why);
            }
            if (f->span == SPAN_START) {
                f->has_start = true;
                f->start = v;
            } else if (f->span == SPAN_END) {
                f->has_end = true;
                f->end = v;
            }
            if (f->has_start && f->has_end && f->start > f->end) {
                snprintf(why, sizeof(why), "span start %lld is after end %lld",
                         (long long)f->start, (long long)f->end);
                return misuse(o, why);
            }
        }
    }
    msgpack_pack_int64(&o->pk, v);
    after_value(o);
    return 0;
}

static int host_out_f64(prism_out *o, double v)
{
    int rc = before_value(o, false);
    if (rc)
        return rc;
    msgpack_pack_double(&o->pk, v);
    after_value(o);
    return 0;
}

static int host_out_bool(prism_out *o, bool v)
{
    int rc = before_value(o, false);
    if (rc)
        return rc;
    if (v)
        msgpack_pack_true(&o->pk);
    else
        msgpack_pack_false(&o->pk);
    after_value(o);
    return 0;
}

static int host_out_nil(prism_out *o)
{
    int rc = before_value(o, false);
    if (rc)
        return rc;
    msgpack_pack_nil(&o->pk);
    after_value(o);
    return 0;
}

static int host_out_offset(prism_out *o, size_t byte_off)
{
    if (byte_off > o->doc->text_len)
        return misuse(o, "byte offset past the end of the text");
    return host_out_i64(o, (int64_t)host_doc_cp(o->doc, byte_off));
}

static void host_out_error(prism_out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(o->error, sizeof(o->error), fmt, ap);
    va_end(ap);
    o->has_error = true;
}

bool prism__out_complete(const prism_out *o, char *why, size_t whylen)
{
    if (o->failed)
        snprintf(why, whylen, "bad result: %s", o->why);
    else if (!o->started)
        snprintf(why, whylen, "bad result: wrote no value");
    else if (o->depth > 0)
        snprintf(why, whylen,
                 "bad result: a map or array got fewer items than announced");
    else
        return true;
    return false;
}

const prism_host prism_host_table = {
    .struct_size = sizeof(prism_host),
    .abi_major = PRISM_ABI_MAJOR,
    .abi_minor = PRISM_ABI_MINOR,
    .alloc = host_alloc,
    .free = host_free,
    .log = host_log,
    .conf_get = host_conf_get,
    .conf_path = host_conf_path,
    .doc_text = host_doc_text,
    .doc_field = host_doc_field,
    .doc_time = host_doc_time,
    .doc_cp = host_doc_cp,
    .doc_tokens = host_doc_tokens,
    .doc_sentences = host_doc_sentences,
    .doc_result = host_doc_result,
    .value_type = host_value_type,
    .value_bool = host_value_bool,
    .value_i64 = host_value_i64,
    .value_f64 = host_value_f64,
    .value_str = host_value_str,
    .value_len = host_value_len,
    .value_at = host_value_at,
    .value_get = host_value_get,
    .value_entry = host_value_entry,
    .out_map = host_out_map,
    .out_array = host_out_array,
    .out_str = host_out_str,
    .out_cstr = host_out_cstr,
    .out_i64 = host_out_i64,
    .out_f64 = host_out_f64,
    .out_bool = host_out_bool,
    .out_nil = host_out_nil,
    .out_offset = host_out_offset,
    .out_error = host_out_error,
};

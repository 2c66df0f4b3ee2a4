/*
 * JSON reading (jansson) and writing (ours, for exact short numbers).
 */
#include "json.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wire.h"

static void pack_json(msgpack_packer *pk, const json_t *j)
{
    switch (json_typeof(j)) {
    case JSON_OBJECT: {
        msgpack_pack_map(pk, json_object_size(j));
        for (void *it = json_object_iter((json_t *)j); it;
             it = json_object_iter_next((json_t *)j, it)) {
            prism_pack_cstr(pk, json_object_iter_key(it));
            pack_json(pk, json_object_iter_value(it));
        }
        break;
    }
    case JSON_ARRAY:
        msgpack_pack_array(pk, json_array_size(j));
        for (size_t i = 0; i < json_array_size(j); i++)
            pack_json(pk, json_array_get(j, i));
        break;
    case JSON_STRING:
        prism_pack_str(pk, json_string_value(j), json_string_length(j));
        break;
    case JSON_INTEGER:
        msgpack_pack_int64(pk, json_integer_value(j));
        break;
    case JSON_REAL:
        msgpack_pack_double(pk, json_real_value(j));
        break;
    case JSON_TRUE:
        msgpack_pack_true(pk);
        break;
    case JSON_FALSE:
        msgpack_pack_false(pk);
        break;
    case JSON_NULL:
        msgpack_pack_nil(pk);
        break;
    }
}

int prism_json_to_msgpack(const char *json, size_t len, msgpack_sbuffer *out,
                          char *err, size_t errlen)
{
    json_error_t e;
    /* JSON_ALLOW_NUL: "\u0000" inside a text is data, not an error */
    json_t *j = json_loadb(
        json, len, JSON_DECODE_ANY | JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES,
        &e);
    if (!j) {
        snprintf(err, errlen, "column %d: %s", e.column, e.text);
        return PRISM_EINVAL;
    }
    msgpack_packer pk;
    msgpack_packer_init(&pk, out, msgpack_sbuffer_write);
    pack_json(&pk, j);
    json_decref(j);
    return 0;
}

/* ---- writing ------------------------------------------------------------- */

static int put_str(prism_buf_t *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    if (prism_buf_reserve(b, n + 2) < 0)
        return PRISM_ENOMEM;
    b->data[b->len++] = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = NULL;
        switch (c) {
        case '"':
            esc = "\\\"";
            break;
        case '\\':
            esc = "\\\\";
            break;
        case '\n':
            esc = "\\n";
            break;
        case '\r':
            esc = "\\r";
            break;
        case '\t':
            esc = "\\t";
            break;
        case '\b':
            esc = "\\b";
            break;
        case '\f':
            esc = "\\f";
            break;
        default:
            break;
        }
        if (esc) {
            if (prism_buf_append(b, esc, 2) < 0)
                return PRISM_ENOMEM;
        } else if (c < 0x20) {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            if (prism_buf_append(b, u, 6) < 0)
                return PRISM_ENOMEM;
        } else {
            if (prism_buf_append(b, &s[i], 1) < 0)
                return PRISM_ENOMEM;
        }
    }
    return prism_buf_append(b, "\"", 1);
}

static int put_base64(prism_buf_t *b, const char *s, size_t n)
{
    static const char tbl[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    if (prism_buf_reserve(b, (n + 2) / 3 * 4 + 2) < 0)
        return PRISM_ENOMEM;
    char *o = b->data + b->len;
    *o++ = '"';
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    for (; i + 2 < n; i += 3) {
        *o++ = tbl[p[i] >> 2];
        *o++ = tbl[((p[i] & 3) << 4) | (p[i + 1] >> 4)];
        *o++ = tbl[((p[i + 1] & 15) << 2) | (p[i + 2] >> 6)];
        *o++ = tbl[p[i + 2] & 63];
    }
    if (i < n) {
        *o++ = tbl[p[i] >> 2];
        if (i + 1 < n) {
            *o++ = tbl[((p[i] & 3) << 4) | (p[i + 1] >> 4)];
            *o++ = tbl[(p[i + 1] & 15) << 2];
        } else {
            *o++ = tbl[(p[i] & 3) << 4];
            *o++ = '=';
        }
        *o++ = '=';
    }
    *o++ = '"';
    b->len = (size_t)(o - b->data);
    return 0;
}

/* The shortest of %.15g, %.16g, %.17g that reads back as the same double. */
static int put_double(prism_buf_t *b, double v)
{
    if (!isfinite(v))
        return prism_buf_append(b, "null", 4);
    char tmp[40];
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(tmp, sizeof(tmp), "%.*g", prec, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    /* keep it a JSON number that reads as a float: 1 -> 1.0 */
    if (!strpbrk(tmp, ".eEn"))
        strcat(tmp, ".0");
    return prism_buf_append(b, tmp, strlen(tmp));
}

int prism_msgpack_to_json(const msgpack_object *o, prism_buf_t *b)
{
    char tmp[32];
    int rc = 0;
    switch (o->type) {
    case MSGPACK_OBJECT_NIL:
        return prism_buf_append(b, "null", 4);
    case MSGPACK_OBJECT_BOOLEAN:
        return o->via.boolean ? prism_buf_append(b, "true", 4)
                              : prism_buf_append(b, "false", 5);
    case MSGPACK_OBJECT_POSITIVE_INTEGER:
        snprintf(tmp, sizeof(tmp), "%llu", (unsigned long long)o->via.u64);
        return prism_buf_append(b, tmp, strlen(tmp));
    case MSGPACK_OBJECT_NEGATIVE_INTEGER:
        snprintf(tmp, sizeof(tmp), "%lld", (long long)o->via.i64);
        return prism_buf_append(b, tmp, strlen(tmp));
    case MSGPACK_OBJECT_FLOAT32:
    case MSGPACK_OBJECT_FLOAT64:
        return put_double(b, o->via.f64);
    case MSGPACK_OBJECT_STR:
        return put_str(b, o->via.str.ptr, o->via.str.size);
    case MSGPACK_OBJECT_BIN:
        return put_base64(b, o->via.bin.ptr, o->via.bin.size);
    case MSGPACK_OBJECT_ARRAY:
        rc = prism_buf_append(b, "[", 1);
        for (uint32_t i = 0; !rc && i < o->via.array.size; i++) {
            if (i)
                rc = prism_buf_append(b, ",", 1);
            if (!rc)
                rc = prism_msgpack_to_json(&o->via.array.ptr[i], b);
        }
        return rc ? rc : prism_buf_append(b, "]", 1);
    case MSGPACK_OBJECT_MAP:
        rc = prism_buf_append(b, "{", 1);
        for (uint32_t i = 0; !rc && i < o->via.map.size; i++) {
            const msgpack_object_kv *kv = &o->via.map.ptr[i];
            if (i)
                rc = prism_buf_append(b, ",", 1);
            if (rc)
                break;
            if (kv->key.type == MSGPACK_OBJECT_STR) {
                rc = put_str(b, kv->key.via.str.ptr, kv->key.via.str.size);
            } else {
                /* JSON keys are strings: write other keys' JSON as one */
                prism_buf_t k = {0};
                rc = prism_msgpack_to_json(&kv->key, &k);
                if (!rc)
                    rc = put_str(b, k.data, k.len);
                prism_buf_release(&k);
            }
            if (!rc)
                rc = prism_buf_append(b, ":", 1);
            if (!rc)
                rc = prism_msgpack_to_json(&kv->val, b);
        }
        return rc ? rc : prism_buf_append(b, "}", 1);
    default: /* extension types have no JSON form */
        return prism_buf_append(b, "null", 4);
    }
}

int prism_msgpack_bytes_to_json(const char *data, size_t len, prism_buf_t *out)
{
    msgpack_zone zone;
    msgpack_zone_init(&zone, 4096);
    msgpack_object obj;
    size_t off = 0;
    int rc = PRISM_EINVAL;
    if (msgpack_unpack(data, len, &off, &zone, &obj) == MSGPACK_UNPACK_SUCCESS)
        rc = prism_msgpack_to_json(&obj, out);
    msgpack_zone_destroy(&zone);
    return rc;
}

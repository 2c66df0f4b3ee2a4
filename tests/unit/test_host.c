/*
 * Unit tests of the result writer in core/host.c: strings of every msgpack
 * size class come back byte for byte, ASCII and not, and a string that is
 * not UTF-8 voids the result with a reason, short or long.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "host.h"

static const prism_host *H = &prism_host_table;

/* A document with a short ASCII text: the writer only needs its length. */
static prism_doc text_doc(void)
{
    prism_doc d;
    memset(&d, 0, sizeof(d));
    d.text = "hello";
    d.text_len = d.text_cp = 5;
    return d;
}

/* len bytes of a repeated pattern (which may hold multi-byte characters;
 * the cut keeps whole ones) in a fresh buffer. */
static char *pattern(const char *unit, size_t len)
{
    size_t u = strlen(unit);
    char *s = malloc(len + 1);
    assert_non_null(s);
    size_t i = 0;
    for (; i + u <= len; i += u)
        memcpy(s + i, unit, u);
    for (; i < len; i++)
        s[i] = 'x';
    s[len] = '\0';
    return s;
}

/* Writes {"k": s} into sb (initialised here) through the host table;
 * returns out_str()'s code, with the writer's verdict in *complete and its
 * reason, if any, in why. */
static int write_k(msgpack_sbuffer *sb, const char *s, size_t len,
                   bool *complete, char *why, size_t whylen)
{
    prism_doc d = text_doc();
    msgpack_sbuffer_init(sb);
    prism_out o;
    prism__out_init(&o, sb, &d);
    assert_int_equal(H->out_map(&o, 1), 0);
    assert_int_equal(H->out_cstr(&o, "k"), 0);
    int rc = H->out_str(&o, s, len);
    *complete = prism__out_complete(&o, why, whylen);
    return rc;
}

/* Writes {"k": s} and checks the unpacked value is s, byte for byte. */
static void round_trip(const char *s, size_t len)
{
    msgpack_sbuffer sb;
    bool complete;
    char why[256];
    assert_int_equal(write_k(&sb, s, len, &complete, why, sizeof(why)), 0);
    assert_true(complete);

    msgpack_unpacked u;
    msgpack_unpacked_init(&u);
    size_t off = 0;
    assert_int_equal(msgpack_unpack_next(&u, sb.data, sb.size, &off),
                     MSGPACK_UNPACK_SUCCESS);
    assert_int_equal(off, sb.size);
    const msgpack_object *m = &u.data;
    assert_int_equal(m->type, MSGPACK_OBJECT_MAP);
    assert_int_equal(m->via.map.size, 1);
    const msgpack_object *v = &m->via.map.ptr[0].val;
    assert_int_equal(v->type, MSGPACK_OBJECT_STR);
    assert_int_equal(v->via.str.size, len);
    assert_memory_equal(v->via.str.ptr, s, len);
    msgpack_unpacked_destroy(&u);
    msgpack_sbuffer_destroy(&sb);
}

static void strings_of_every_size_class(void **state)
{
    (void)state;
    /* fixstr up to 31, str8 to 255, str16 to 65535, str32 past it */
    static const size_t sizes[] = {0,   1,     31,    32,    255,
                                   256, 65535, 65536, 200000};
    static const char *const units[] = {"abc", "\xc3\xa9t\xc3\xa9 ",
                                        "\xe2\x80\x94"};
    for (size_t u = 0; u < sizeof(units) / sizeof(units[0]); u++)
        for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
            char *s = pattern(units[u], sizes[i]);
            round_trip(s, sizes[i]);
            free(s);
        }
}

/* A string that is not UTF-8 voids the result, whatever its length. */
static void refuses_bad_utf8(void **state)
{
    (void)state;
    static const size_t sizes[] = {1, 8, 31, 32, 33, 300};
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        char *s = pattern("ab", sizes[i]);
        s[sizes[i] - 1] = (char)0xC3; /* a lead byte with nothing after */
        msgpack_sbuffer sb;
        bool complete;
        char why[256];
        assert_int_not_equal(
            write_k(&sb, s, sizes[i], &complete, why, sizeof(why)), 0);
        assert_false(complete);
        assert_non_null(strstr(why, "UTF-8"));
        msgpack_sbuffer_destroy(&sb);
        free(s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(strings_of_every_size_class),
        cmocka_unit_test(refuses_bad_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

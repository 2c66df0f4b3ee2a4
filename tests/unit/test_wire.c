/*
 * Unit tests of core/wire.c: every way an input message can be refused,
 * with the code its err record carries, and what an accepted one yields.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "wire.h"

static const prism_limits_t limits = {
    .max_doc_bytes = 1 << 20, .max_depth = 32, .max_fields = 10000};

static msgpack_sbuffer sb;
static msgpack_packer pk;

static void begin(void)
{
    msgpack_sbuffer_clear(&sb);
    msgpack_packer_init(&pk, &sb, msgpack_sbuffer_write);
}

static void str(const char *s)
{
    prism_pack_cstr(&pk, s);
}

/* A valid {id, text} map announcing one more pair, which the caller packs
 * next: the field under test. */
static void begin_doc_and(void)
{
    begin();
    msgpack_pack_map(&pk, 3);
    str("id");
    str("a");
    str("text");
    str("t");
}

static enum prism_wire_code check(prism_wire_info_t *info, char *msg)
{
    return prism_wire_check(sb.data, sb.size, &limits, info, msg, 256);
}

static int setup(void **state)
{
    (void)state;
    msgpack_sbuffer_init(&sb);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    msgpack_sbuffer_destroy(&sb);
    return 0;
}

static void accepts_a_document(void **state)
{
    (void)state;
    begin();
    msgpack_pack_map(&pk, 5);
    str("id");
    str("doc-1");
    str("text");
    str("S\xc3\xa3o Paulo \xe2\x80\x94 ok");
    str("published");
    msgpack_pack_int64(&pk, 1700000000);
    str("meta");
    msgpack_pack_map(&pk, 1);
    str("k");
    msgpack_pack_array(&pk, 2);
    msgpack_pack_nil(&pk);
    msgpack_pack_double(&pk, 1.5);
    str("extra");
    str("passed through");
    prism_wire_info_t info;
    char msg[256];
    assert_int_equal(check(&info, msg), PRISM_WIRE_OK);
    assert_int_equal(info.id_len, 5);
    assert_memory_equal(info.id, "doc-1", 5);
    assert_int_equal(info.text_len, strlen("S\xc3\xa3o Paulo \xe2\x80\x94 ok"));
    assert_int_equal(info.text_cp, 14); /* São Paulo — ok */
    assert_int_equal(info.npairs, 5);
}

static void refuses(enum prism_wire_code want, const char *want_msg)
{
    prism_wire_info_t info;
    char msg[256];
    enum prism_wire_code got = check(&info, msg);
    if (got != want)
        fail_msg("got %s (%s), want %s", prism_wire_code_name(got), msg,
                 prism_wire_code_name(want));
    if (want_msg && !strstr(msg, want_msg))
        fail_msg("message '%s' lacks '%s'", msg, want_msg);
}

static void refuses_what_is_not_msgpack(void **state)
{
    (void)state;
    begin();
    msgpack_sbuffer_write(&sb, "\xc1", 1); /* never used in msgpack */
    refuses(PRISM_WIRE_NOT_MSGPACK, NULL);
    begin();
    msgpack_sbuffer_write(&sb, "{\"id\": 1}", 9); /* JSON, not msgpack */
    refuses(PRISM_WIRE_NOT_MSGPACK, "follow the first value");
    begin();
    msgpack_pack_map(&pk, 2); /* announces two pairs, holds one */
    str("id");
    str("x");
    refuses(PRISM_WIRE_NOT_MSGPACK, NULL);
    begin();
    msgpack_sbuffer_write(&sb, "\xdb\xff\xff\xff\xff", 5); /* 4 GiB str */
    refuses(PRISM_WIRE_NOT_MSGPACK, NULL);
    begin(); /* an array announcing 2^32-1 items in 5 bytes */
    msgpack_sbuffer_write(&sb, "\xdd\xff\xff\xff\xff", 5);
    refuses(PRISM_WIRE_NOT_MSGPACK, NULL);
    begin();
    refuses(PRISM_WIRE_NOT_MSGPACK, NULL); /* empty */
}

static void refuses_what_is_not_a_map(void **state)
{
    (void)state;
    begin();
    msgpack_pack_array(&pk, 2);
    str("id");
    str("text");
    refuses(PRISM_WIRE_NOT_A_MAP, NULL);
    begin();
    str("just a string");
    refuses(PRISM_WIRE_NOT_A_MAP, NULL);
}

static void refuses_bad_id_and_text(void **state)
{
    (void)state;
    begin();
    msgpack_pack_map(&pk, 1);
    str("text");
    str("hello");
    refuses(PRISM_WIRE_MISSING_ID, "no id");

    begin();
    msgpack_pack_map(&pk, 1);
    str("id");
    str("a");
    refuses(PRISM_WIRE_MISSING_TEXT, "no text");

    begin();
    msgpack_pack_map(&pk, 2);
    str("id");
    msgpack_pack_int(&pk, 7);
    str("text");
    str("hello");
    refuses(PRISM_WIRE_BAD_ID, "1-256 bytes");

    begin();
    msgpack_pack_map(&pk, 2);
    str("id");
    str("");
    str("text");
    str("hello");
    refuses(PRISM_WIRE_BAD_ID, NULL);

    begin();
    msgpack_pack_map(&pk, 2);
    str("id");
    str("a");
    str("text");
    msgpack_pack_array(&pk, 0);
    refuses(PRISM_WIRE_BAD_TEXT, "string");
}

static void refuses_invalid_utf8(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "abc\xff",          /* not a UTF-8 byte */
        "\xc0\x80",         /* overlong NUL */
        "ok \xed\xa0\x80",  /* a surrogate */
        "cut \xe2\x80",     /* truncated at the end */
        "\xf4\x90\x80\x80", /* past U+10FFFF */
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        begin();
        msgpack_pack_map(&pk, 2);
        str("id");
        str("a");
        str("text");
        str(bad[i]);
        prism_wire_info_t info;
        char msg[256];
        assert_int_equal(check(&info, msg), PRISM_WIRE_BAD_UTF8);
        /* the id is still known, so the err record can name it */
        assert_non_null(info.id);
    }
    begin(); /* a bad title is refused too: subscribers decode it */
    msgpack_pack_map(&pk, 3);
    str("id");
    str("a");
    str("text");
    str("fine");
    str("title");
    str("\xfe");
    refuses(PRISM_WIRE_BAD_UTF8, "title");
}

static void refuses_bad_fields(void **state)
{
    (void)state;
    begin_doc_and(); /* id, text, then one more pair: */
    str("meta");
    str("not a map");
    refuses(PRISM_WIRE_BAD_FIELD, "meta");

    begin_doc_and(); /* id, text, then one more pair: */
    str("results");
    msgpack_pack_nil(&pk);
    refuses(PRISM_WIRE_BAD_FIELD, "reserved");

    begin_doc_and(); /* id, text, then one more pair: */
    str("id");
    str("b");
    refuses(PRISM_WIRE_BAD_FIELD, "twice");

    begin_doc_and(); /* id, text, then one more pair: */
    msgpack_pack_int(&pk, 5);
    str("int key");
    refuses(PRISM_WIRE_BAD_FIELD, "not a string");

    begin_doc_and(); /* id, text, then one more pair: */
    str("published");
    msgpack_pack_true(&pk);
    refuses(PRISM_WIRE_BAD_FIELD, "published");
}

static void refuses_nesting_bombs_and_floods(void **state)
{
    (void)state;
    begin_doc_and(); /* id, text, then one more pair: */
    str("meta");
    msgpack_pack_map(&pk, 1);
    str("x");
    for (int i = 0; i < 100000; i++) /* 100,000 nested arrays */
        msgpack_pack_array(&pk, 1);
    msgpack_pack_nil(&pk);
    refuses(PRISM_WIRE_TOO_DEEP, "deeper than 32");

    begin_doc_and(); /* id, text, then one more pair: */
    str("meta");
    msgpack_pack_map(&pk, 1);
    str("x");
    msgpack_pack_array(&pk, 20000);
    for (int i = 0; i < 20000; i++)
        msgpack_pack_nil(&pk);
    refuses(PRISM_WIRE_TOO_MANY, "more than 10000");
}

static void refuses_too_large(void **state)
{
    (void)state;
    size_t n = (1 << 20) + 1;
    char *big = malloc(n);
    memset(big, 'a', n);
    begin();
    msgpack_pack_map(&pk, 2);
    str("id");
    str("big");
    str("text");
    prism_pack_str(&pk, big, n);
    refuses(PRISM_WIRE_TOO_LARGE, "over the limit");
    free(big);
}

static void reserved_keys(void **state)
{
    (void)state;
    assert_true(prism_wire_reserved_key("seq", 3));
    assert_true(prism_wire_reserved_key("results", 7));
    assert_false(prism_wire_reserved_key("title", 5));
    assert_false(prism_wire_reserved_key("se", 2));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(accepts_a_document),
        cmocka_unit_test(refuses_what_is_not_msgpack),
        cmocka_unit_test(refuses_what_is_not_a_map),
        cmocka_unit_test(refuses_bad_id_and_text),
        cmocka_unit_test(refuses_invalid_utf8),
        cmocka_unit_test(refuses_bad_fields),
        cmocka_unit_test(refuses_nesting_bombs_and_floods),
        cmocka_unit_test(refuses_too_large),
        cmocka_unit_test(reserved_keys),
    };
    return cmocka_run_group_tests_name("wire", tests, setup, teardown);
}

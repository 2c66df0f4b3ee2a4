/*
 * Unit tests of core/loader.c and core/pipeline.c with real plugins built
 * by `make` (the example and the test plugins of tests/plugins): every refusal
 * the loader makes, the order it runs plugins in, and the host's checks on
 * results. PRISM_BUILD names the build folder (default build).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "config.h"
#include "pipeline.h"
#include "wire.h"

static const char *build(void)
{
    const char *b = getenv("PRISM_BUILD");
    return b && *b ? b : "build";
}

/* "plugin.NAME.path=BUILD/SUB/FILE" in a static ring of buffers. */
static const char *plugin_set(const char *name, const char *sub,
                              const char *file)
{
    static char bufs[8][512];
    static int next;
    char *b = bufs[next++ % 8];
    snprintf(b, 512, "plugin.%s.path=%s/%s/%s", name, build(), sub, file);
    return b;
}

/* Loads a pipeline from --set lines only; returns it or NULL with err. */
static prism_pipeline_t *load(prism_config_t **cfg, const char *const *sets,
                              size_t n, char *err, size_t errlen)
{
    *cfg = prism_config_load(NULL, sets, n, err, errlen);
    assert_non_null(*cfg);
    prism_pipeline_t *pl = prism_pipeline_new(*cfg, err, errlen);
    if (!pl)
        prism_config_destroy(cfg);
    return pl;
}

static void expect_refusal(const char *const *sets, size_t n, const char *want1,
                           const char *want2)
{
    char err[2048];
    prism_config_t *cfg;
    prism_pipeline_t *pl = load(&cfg, sets, n, err, sizeof(err));
    if (pl)
        fail_msg("loaded; expected a refusal with '%s'", want1);
    if (!strstr(err, want1) || (want2 && !strstr(err, want2)))
        fail_msg("error '%s' lacks '%s' / '%s'", err, want1,
                 want2 ? want2 : "");
}

static void refuses_another_abi_major(void **state)
{
    (void)state;
    const char *sets[] = {plugin_set("bad_abi", "tests", "bad_abi.so")};
    expect_refusal(sets, 1, "plugin ABI 99.0, but this prism speaks ABI 1.0",
                   "bad_abi.so");
}

static void refuses_a_missing_symbol(void **state)
{
    (void)state;
    const char *sets[] = {plugin_set("no_entry", "tests", "no_entry.so")};
    expect_refusal(sets, 1,
                   "no_entry.so: not a prism plugin: no symbol "
                   "prism_plugin_entry",
                   NULL);
}

static void refuses_a_missing_file(void **state)
{
    (void)state;
    const char *sets[] = {"plugin.nothere.path=/nonexistent/nothere.so"};
    expect_refusal(sets, 1,
                   "--set:1: [plugin.nothere]: cannot load "
                   "/nonexistent/nothere.so",
                   NULL);
}

static void refuses_unknown_needs(void **state)
{
    (void)state;
    const char *sets[] = {plugin_set("needy", "tests", "needy.so")};
    expect_refusal(sets, 1,
                   "plugin 'needy' needs 'ghost', which is not "
                   "loaded",
                   "needy.so");
}

static void refuses_a_cycle(void **state)
{
    (void)state;
    const char *sets[] = {plugin_set("cycle_a", "tests", "cycle_a.so"),
                          plugin_set("cycle_b", "tests", "cycle_b.so")};
    expect_refusal(sets, 2, "plugins cycle_a, cycle_b wait for each other",
                   "cycle_b.so)");
}

static void refuses_a_failed_init(void **state)
{
    (void)state;
    const char *sets[] = {plugin_set("init_fails", "tests", "init_fails.so")};
    expect_refusal(sets, 1, "plugin init_fails (",
                   "init failed: model file is missing");
}

static void refuses_a_name_that_differs(void **state)
{
    (void)state;
    const char *sets[] = {plugin_set("stats", "plugins", "example.so")};
    expect_refusal(sets, 1,
                   "calls itself 'example', but is configured as "
                   "[plugin.stats]",
                   NULL);
}

static void refuses_duplicate_names(void **state)
{
    (void)state;
    /* one plugin file configured twice: the second section's name is not
     * the plugin's, so the two can never both answer to "example" */
    const char *sets[] = {plugin_set("example", "plugins", "example.so"),
                          plugin_set("example2", "plugins", "example.so")};
    expect_refusal(sets, 2,
                   "example.so calls itself 'example', but is configured as "
                   "[plugin.example2]",
                   "--set:2");
}

static void refuses_unknown_options(void **state)
{
    (void)state;
    const char *sets[] = {plugin_set("example", "plugins", "example.so"),
                          "plugin.example.wrods_per_minute=100"};
    expect_refusal(sets, 2,
                   "--set:2: unknown key 'wrods_per_minute' in "
                   "[plugin.example] (known: path, enabled, "
                   "words_per_minute)",
                   NULL);
}

/* Packs {id, text} and runs the pipeline over it. */
static prism_outcome_t run(prism_pipeline_t *pl, const char *text)
{
    msgpack_sbuffer sb;
    msgpack_sbuffer_init(&sb);
    msgpack_packer pk;
    msgpack_packer_init(&pk, &sb, msgpack_sbuffer_write);
    msgpack_pack_map(&pk, 2);
    prism_pack_cstr(&pk, "id");
    prism_pack_cstr(&pk, "t");
    prism_pack_cstr(&pk, "text");
    prism_pack_cstr(&pk, text);
    prism_outcome_t out;
    assert_int_equal(prism_pipeline_run(pl, sb.data, sb.size, 0, &out), 0);
    msgpack_sbuffer_destroy(&sb);
    return out;
}

static const char *find_in(const char *hay, size_t n, const char *needle)
{
    return memmem(hay, n, needle, strlen(needle));
}

static void orders_by_needs_and_after(void **state)
{
    (void)state;
    /* needy is listed first, but needs ghost and runs after example */
    const char *sets[] = {plugin_set("needy", "tests", "needy.so"),
                          plugin_set("example", "plugins", "example.so"),
                          plugin_set("ghost", "tests", "ghost.so")};
    char err[2048];
    prism_config_t *cfg;
    prism_pipeline_t *pl = load(&cfg, sets, 3, err, sizeof(err));
    if (!pl)
        fail_msg("%s", err);
    const prism_loader_t *ld = prism_pipeline_plugins(pl);
    assert_int_equal(ld->n, 3);
    assert_string_equal(ld->plugins[0].desc.name, "example");
    assert_string_equal(ld->plugins[1].desc.name, "ghost");
    assert_string_equal(ld->plugins[2].desc.name, "needy");
    assert_int_equal(strlen(ld->plugins[0].config_hash), 16);
    prism_outcome_t out = run(pl, "One two three. Four five!");
    assert_int_equal(out.nresults, 3);
    assert_int_equal(out.nerrors, 0);
    /* needy read example's result through doc_result: 5 words, packed
     * {"example_words": 5} */
    assert_string_equal(out.results[2].plugin, "needy");
    assert_non_null(
        find_in(out.results[2].data, out.results[2].len, "example_words\x05"));
    prism_pipeline_destroy(&pl);
    prism_config_destroy(&cfg);

    /* with example disabled, needy still runs and sees no result */
    const char *sets2[] = {plugin_set("needy", "tests", "needy.so"),
                           plugin_set("ghost", "tests", "ghost.so"),
                           plugin_set("example", "plugins", "example.so"),
                           "plugin.example.enabled=no"};
    pl = load(&cfg, sets2, 4, err, sizeof(err));
    assert_non_null(pl);
    out = run(pl, "One two.");
    assert_int_equal(out.nresults, 2);
    assert_non_null(
        find_in(out.results[1].data, out.results[1].len, "example_words\xc0"));
    prism_pipeline_destroy(&pl);
    prism_config_destroy(&cfg);
}

static void checks_every_result(void **state)
{
    (void)state;
    const char *sets[] = {plugin_set("liar", "tests", "liar.so")};
    char err[2048];
    prism_config_t *cfg;
    prism_pipeline_t *pl = load(&cfg, sets, 1, err, sizeof(err));
    assert_non_null(pl);
    static const char *const lies[][2] = {
        {"span", "outside the text"},
        {"twice", "more than one top-level value"},
        {"short", "fewer items than announced"},
        {"key", "map key is not a string"},
        {"inverted", "span start 3 is after end 1"},
    };
    for (size_t i = 0; i < sizeof(lies) / sizeof(lies[0]); i++) {
        prism_outcome_t out = run(pl, lies[i][0]);
        assert_int_equal(out.nresults, 0);
        assert_int_equal(out.nerrors, 1);
        if (!find_in(out.body, out.body_len, lies[i][1]))
            fail_msg("%s: the errors entry does not say '%s'", lies[i][0],
                     lies[i][1]);
    }
    /* a good result: the span of the whole text, in code points */
    prism_outcome_t out = run(pl, "Kyiv \xe2\x80\x94 S\xc3\xa3o");
    assert_int_equal(out.nresults, 1);
    /* {"start": 0, "end": 10} packs as 82 a5 start 00 a3 end 0a */
    assert_non_null(find_in(out.results[0].data, out.results[0].len,
                            "\xa3"
                            "end\x0a"));
    prism_pipeline_destroy(&pl);
    prism_config_destroy(&cfg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(refuses_another_abi_major),
        cmocka_unit_test(refuses_a_missing_symbol),
        cmocka_unit_test(refuses_a_missing_file),
        cmocka_unit_test(refuses_unknown_needs),
        cmocka_unit_test(refuses_a_cycle),
        cmocka_unit_test(refuses_a_failed_init),
        cmocka_unit_test(refuses_a_name_that_differs),
        cmocka_unit_test(refuses_duplicate_names),
        cmocka_unit_test(refuses_unknown_options),
        cmocka_unit_test(orders_by_needs_and_after),
        cmocka_unit_test(checks_every_result),
    };
    return cmocka_run_group_tests_name("loader", tests, NULL, NULL);
}

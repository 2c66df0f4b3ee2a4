/*
 * Unit tests of core/config.c: defaults, the INI file, --set overrides,
 * path resolution, and the file:line errors that stop a start.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "config.h"

static char dir[] = "/tmp/prism-test-config-XXXXXX";

/* Writes text to DIR/name and returns the path (static buffer). */
static const char *write_file(const char *name, const char *text)
{
    static char path[256];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static int setup(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
    return system(cmd);
}

static void defaults_without_a_file(void **state)
{
    (void)state;
    char err[512];
    prism_config_t *cfg = prism_config_load(NULL, NULL, 0, err, sizeof(err));
    assert_non_null(cfg);
    assert_string_equal(cfg->input, "tcp://127.0.0.1:5557");
    assert_int_equal(cfg->max_doc_bytes, 1024 * 1024);
    assert_true(cfg->workers >= 1);
    assert_true(cfg->echo_text);
    assert_int_equal(cfg->nplugins, 0);
    assert_non_null(cfg->pub_id);
    prism_config_destroy(&cfg);
    assert_null(cfg);
}

static void file_values_and_plugin_sections(void **state)
{
    (void)state;
    const char *path = write_file("a.conf", "# comment\n"
                                            "[daemon]\n"
                                            "workers = 3\n"
                                            "max_doc_bytes = 2M\n"
                                            "echo_text = no\n"
                                            "\n"
                                            "[plugin.example]\n"
                                            "words_per_minute = 200\n"
                                            "[plugin.other]\n"
                                            "path = lib/other.so\n"
                                            "enabled = no\n");
    char err[512];
    prism_config_t *cfg = prism_config_load(path, NULL, 0, err, sizeof(err));
    assert_non_null(cfg);
    assert_int_equal(cfg->workers, 3);
    assert_int_equal(cfg->max_doc_bytes, 2 * 1024 * 1024);
    assert_false(cfg->echo_text);
    assert_int_equal(cfg->nplugins, 2);
    const prism_plugin_conf_t *ex = prism_config_plugin(cfg, "example");
    assert_non_null(ex);
    assert_true(ex->enabled);
    assert_null(ex->path);
    assert_int_equal(ex->nkv, 1);
    assert_string_equal(ex->kv[0].key, "words_per_minute");
    assert_string_equal(ex->kv[0].value, "200");
    assert_int_equal(ex->kv[0].line, 8);
    const prism_plugin_conf_t *other = prism_config_plugin(cfg, "other");
    assert_false(other->enabled);
    /* a relative path resolves against the config file's folder */
    char want[300];
    snprintf(want, sizeof(want), "%s/lib/other.so", dir);
    assert_string_equal(other->path, want);
    prism_config_destroy(&cfg);
}

static void set_overrides_and_creates_sections(void **state)
{
    (void)state;
    const char *path = write_file("b.conf", "[daemon]\nworkers = 3\n");
    const char *sets[] = {"daemon.workers=2",
                          "daemon.input=tcp://127.0.0.1:6001",
                          "plugin.faulty.path=build/tests/faulty.so"};
    char err[512];
    prism_config_t *cfg = prism_config_load(path, sets, 3, err, sizeof(err));
    assert_non_null(cfg);
    assert_int_equal(cfg->workers, 2);
    assert_string_equal(cfg->input, "tcp://127.0.0.1:6001");
    const prism_plugin_conf_t *f = prism_config_plugin(cfg, "faulty");
    assert_non_null(f);
    /* --set paths are relative to the working folder */
    char cwd[256], want[400];
    assert_non_null(getcwd(cwd, sizeof(cwd)));
    snprintf(want, sizeof(want), "%s/build/tests/faulty.so", cwd);
    assert_string_equal(f->path, want);
    prism_config_destroy(&cfg);
}

/* Loads text as a config and checks that it fails with want in the
 * message. */
static void expect_error(const char *text, const char *const *sets,
                         size_t nsets, const char *want)
{
    const char *path = write_file("bad.conf", text);
    char err[512];
    prism_config_t *cfg =
        prism_config_load(path, sets, nsets, err, sizeof(err));
    if (cfg)
        fail_msg("config loaded, expected an error with '%s'", want);
    if (!strstr(err, want))
        fail_msg("error '%s' does not contain '%s'", err, want);
}

static void errors_name_file_and_line(void **state)
{
    (void)state;
    char want[300];
    snprintf(want, sizeof(want), "%s/bad.conf:3: unknown key 'wrokers'", dir);
    expect_error("[daemon]\n\nwrokers = 2\n", NULL, 0, want);
    expect_error("[daemon]\nworkers = lots\n", NULL, 0,
                 "bad.conf:2: workers: 'lots' is not 'auto' or an integer");
    expect_error("[daemon]\nworkers = 0\n", NULL, 0,
                 "bad.conf:2: workers: 0 is out of range");
    expect_error("[daemon]\nmax_doc_bytes = 12Q\n", NULL, 0,
                 "bad.conf:2: max_doc_bytes: '12Q' is not a size");
    expect_error("[daemon]\necho_text = maybe\n", NULL, 0,
                 "bad.conf:2: echo_text: 'maybe' is not yes or no");
    expect_error("[daemon]\ninput = localhost:5557\n", NULL, 0,
                 "bad.conf:2: input: 'localhost:5557' is not a ZeroMQ "
                 "endpoint");
    expect_error("[journal]\nretain = 1d\n", NULL, 0,
                 "bad.conf:2: unknown section [journal]");
    expect_error("[plugin.Bad-Name]\nx = 1\n", NULL, 0,
                 "bad.conf:2: [plugin.Bad-Name]: a plugin name is");
    expect_error("[daemon\nworkers = 2\n", NULL, 0, "bad.conf:1: syntax error");
    expect_error("[plugin.example]\nenabled = perhaps\n", NULL, 0,
                 "bad.conf:2: [plugin.example] enabled: 'perhaps'");
    const char *sets[] = {"daemon.workers=2", "daemon.bogus=1"};
    expect_error("", sets, 2, "--set:2: unknown key 'bogus' in [daemon]");
    const char *noeq[] = {"daemon.workers"};
    expect_error("", noeq, 1, "--set:1: 'daemon.workers' is not");
}

static void long_lines_are_refused_not_cut(void **state)
{
    (void)state;
    char text[600] = "[daemon]\npub_id = ";
    size_t n = strlen(text);
    memset(text + n, 'x', 400);
    text[n + 400] = '\n';
    text[n + 401] = '\0';
    expect_error(text, NULL, 0, "bad.conf:2: line longer than");
}

static void missing_file(void **state)
{
    (void)state;
    char err[512];
    prism_config_t *cfg =
        prism_config_load("/nonexistent/prism.conf", NULL, 0, err, sizeof(err));
    assert_null(cfg);
    assert_non_null(strstr(err, "/nonexistent/prism.conf: cannot open"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defaults_without_a_file),
        cmocka_unit_test(file_values_and_plugin_sections),
        cmocka_unit_test(set_overrides_and_creates_sections),
        cmocka_unit_test(errors_name_file_and_line),
        cmocka_unit_test(long_lines_are_refused_not_cut),
        cmocka_unit_test(missing_file),
    };
    return cmocka_run_group_tests_name("config", tests, setup, teardown);
}

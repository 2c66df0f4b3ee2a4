/*
 * prism check-plugin: the conformance harness of DESIGN §3. It loads one
 * plugin as a worker would, then feeds it ordinary, empty, huge, non-ASCII
 * and hostile documents, each first in a child process (so a crash or a
 * hang is a finding, not the end of the run), and reports each check:
 * loads and initialises, fails cleanly on bad option values, writes one
 * well-formed result with its spans inside the text, survives every input.
 *
 * When every document passed, they run once more in this process and the
 * plugin is finalised and unloaded, so that a leak shows at exit under
 * AddressSanitizer's leak checker (the project's own tests) or valgrind.
 */
#include <dlfcn.h>
#include <getopt.h>
#include <msgpack.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pipeline.h"
#include "prism_cli.h"
#include "util.h"
#include "wire.h"

static int doc_timeout_s = 10;

/* A child reports its verdict as CHILD_EXIT + 0, 1 or 2; any other status
 * means something killed it. */
#define CHILD_EXIT 40

static void check_usage(FILE *out)
{
    fprintf(
        out,
        "usage: prism check-plugin [-c CONFIG] [--set S.K=V]... [--timeout S] "
        "FILE.so\n"
        "\n"
        "Checks that a plugin behaves: it loads and initialises, fails "
        "cleanly when\n"
        "given bad option values, and on ordinary, empty, 1 MiB, "
        "non-ASCII and\n"
        "hostile documents it writes exactly one well-formed result with "
        "every span\n"
        "inside the text, neither crashing nor hanging. Each document "
        "runs in a child\n"
        "process first. Exits 0 when every check passes, 1 otherwise.\n"
        "\n"
        "The plugin's section comes from CONFIG (default "
        "config/prism.conf when it\n"
        "exists) and --set, for options such as data files; every other "
        "plugin is\n"
        "left out, except those it `needs`.\n"
        "\n"
        "  -c, --config FILE   config with the plugin's section\n"
        "      --set S.K=V     override a config key (repeatable)\n"
        "      --timeout S     a document taking longer has hung "
        "(default 10)\n"
        "  -h, --help          this help\n");
}

struct doc_case {
    const char *what;
    char *text;
    size_t len;
    const char *published; /* or NULL */
};

static char *repeat(const char *unit, size_t total, size_t *len)
{
    size_t n = strlen(unit);
    char *s = malloc(total + n + 1);
    if (!s)
        return NULL;
    size_t at = 0;
    while (at + n <= total) {
        memcpy(s + at, unit, n);
        at += n;
    }
    s[at] = '\0';
    *len = at;
    return s;
}

static const char STORY[] =
    "Parliament passes budget after all-night session\n"
    "LISBON, March 4 (Reuters) - Portugal's parliament approved the 2025 "
    "budget early on Tuesday after a 14-hour debate, clearing the way for "
    "\xe2\x82\xac"
    "3.2 billion in spending on housing and rail. Finance "
    "Minister Joaquim Miranda Sarmento told reporters the deficit would fall "
    "to 0.3% of GDP. \xe2\x80\x9cThis is a budget for families,\xe2\x80\x9d "
    "he said.\n";

static const char NON_ASCII[] =
    "S\xc3\xa3o Paulo \xe2\x80\x94 Z\xc3\xbcrich, \xd0\x9c\xd0\xbe\xd1"
    "\x81\xd0\xba\xd0\xb2\xd0\xb0 \xe6\x9d\xb1\xe4\xba\xac "
    "\xd8\xa7\xd9\x84\xd9\x82\xd8\xa7\xd9\x87\xd8\xb1\xd8\xa9 "
    "\xf0\x9f\x9a\x80\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9 "
    "e\xcc\x81\xcc\x81\xcc\x81 \xe2\x80\xae reversed \xe2\x80\xac.";

static const char QUOTES[] =
    "\xe2\x80\x9c((([[[{{{ \"'\xe2\x80\x98 ))) \xe2\x80\x9d\xe2\x80\x9d --- "
    "\xe2\x80\x94\xe2\x80\x94 ...... !!!??";

/* NULs and control characters: valid UTF-8, so a document may hold them */
static const char CONTROL[] = "A\0B\x01\x02\x1b[0m\x7f C\0\0D.";

static void add(struct doc_case *c, size_t *n, const char *what, char *text,
                size_t len, const char *published)
{
    c[*n] = (struct doc_case){what, text, len, published};
    (*n)++;
}

static char *copy(const char *t, size_t len)
{
    char *s = malloc(len + 1);
    if (s) {
        memcpy(s, t, len);
        s[len] = '\0';
    }
    return s;
}

/* The documents every plugin must survive. */
static size_t make_cases(struct doc_case *c)
{
    size_t n = 0, len;
    add(c, &n, "ordinary news story", copy(STORY, strlen(STORY)), strlen(STORY),
        "2025-03-04T08:00:00Z");
    add(c, &n, "empty text", copy("", 0), 0, NULL);
    add(c, &n, "white space only", copy(" \n\t\n  \r\n", 8), 8, NULL);
    char *big = repeat(STORY, 1000000, &len);
    add(c, &n, "1 MiB document", big, len, NULL);
    add(c, &n,
        "non-ASCII text (accents, Cyrillic, CJK, Arabic, emoji, "
        "combining marks, bidi controls)",
        copy(NON_ASCII, strlen(NON_ASCII)), strlen(NON_ASCII), NULL);
    char *letters = repeat("a", 1 << 20, &len);
    add(c, &n, "1 MiB of one letter, no spaces", letters, len, NULL);
    char *breaks = repeat("\n", 100000, &len);
    add(c, &n, "100,000 line breaks", breaks, len, NULL);
    char *dots = repeat(".", 1 << 20, &len);
    add(c, &n, "1 MiB of dots", dots, len, NULL);
    char *marks = repeat("\xcc\x81", 200000, &len);
    add(c, &n, "100,000 combining marks", marks, len, NULL);
    add(c, &n, "NUL and control characters", copy(CONTROL, sizeof(CONTROL) - 1),
        sizeof(CONTROL) - 1, NULL);
    add(c, &n, "unbalanced quotes and brackets", copy(QUOTES, strlen(QUOTES)),
        strlen(QUOTES), NULL);
    char *digits = repeat("1,0", 600000, &len);
    add(c, &n, "a 600,000-character number", digits, len, NULL);
    static const char odd[] = "WASHINGTON, Feb 30 (Reuters) - 99999 Dec. 32.";
    add(c, &n, "impossible date, nonsense published time",
        copy(odd, strlen(odd)), strlen(odd), "not a date");
    static const char turn[] = "PARIS, Dec 31 - The year turns.";
    add(c, &n, "published in the year 9999", copy(turn, strlen(turn)),
        strlen(turn), "9999-12-31T23:59:59Z");
    return n;
}

static void pack_doc(msgpack_sbuffer *sb, const struct doc_case *c)
{
    msgpack_sbuffer_clear(sb);
    msgpack_packer pk;
    msgpack_packer_init(&pk, sb, msgpack_sbuffer_write);
    msgpack_pack_map(&pk, c->published ? 3 : 2);
    prism_pack_cstr(&pk, "id");
    prism_pack_cstr(&pk, "check");
    prism_pack_cstr(&pk, "text");
    prism_pack_str(&pk, c->text, c->len);
    if (c->published) {
        prism_pack_cstr(&pk, "published");
        prism_pack_cstr(&pk, c->published);
    }
}

/* The errors.PLUGIN message in a record body, if any (for the report). */
static void error_of(const prism_outcome_t *out, char *buf, size_t len)
{
    buf[0] = '\0';
    const char *e = memmem(out->body, out->body_len,
                           "\xa6"
                           "errors",
                           7);
    if (!e)
        return;
    msgpack_zone zone;
    msgpack_zone_init(&zone, 1024);
    msgpack_object o;
    size_t off = 0;
    size_t at = (size_t)(e + 7 - out->body);
    if (msgpack_unpack(out->body + at, out->body_len - at, &off, &zone, &o) ==
            MSGPACK_UNPACK_SUCCESS &&
        o.type == MSGPACK_OBJECT_MAP && o.via.map.size > 0) {
        const msgpack_object *v = &o.via.map.ptr[0].val;
        if (v->type == MSGPACK_OBJECT_STR)
            snprintf(buf, len, "%.*s", (int)v->via.str.size, v->via.str.ptr);
    }
    msgpack_zone_destroy(&zone);
}

/* Runs one document. Returns 0 (a result), 1 (the plugin reported an
 * error: allowed), 2 (the host refused the result: a failure). */
static int run_case(prism_pipeline_t *pl, msgpack_sbuffer *sb,
                    const struct doc_case *c, char *why, size_t whylen)
{
    pack_doc(sb, c);
    prism_outcome_t out;
    if (prism_pipeline_run(pl, sb->data, sb->size, 0, &out) < 0) {
        snprintf(why, whylen, "the document could not be run");
        return 2;
    }
    if (!out.nerrors)
        return 0;
    error_of(&out, why, whylen);
    return strncmp(why, "bad result:", 11) == 0 ? 2 : 1;
}

/* Runs one case in a child: returns the child's verdict, or reports a
 * crash or a hang in why. */
static int run_isolated(prism_pipeline_t *pl, msgpack_sbuffer *sb,
                        const struct doc_case *c, char *why, size_t whylen)
{
    int fds[2];
    if (pipe(fds) < 0) {
        snprintf(why, whylen, "pipe failed");
        return 2;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        alarm(doc_timeout_s);
        char msg[512];
        int v = run_case(pl, sb, c, msg, sizeof(msg));
        ssize_t w = write(fds[1], msg, strlen(msg));
        (void)w;
        _exit(CHILD_EXIT + v);
    }
    close(fds[1]);
    int status = 0;
    ssize_t n = read(fds[0], why, whylen - 1);
    why[n > 0 ? n : 0] = '\0';
    close(fds[0]);
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) {
        if (WTERMSIG(status) == SIGALRM)
            snprintf(why, whylen, "did not finish within %d s", doc_timeout_s);
        else
            snprintf(why, whylen, "crashed with signal %d (%s)",
                     WTERMSIG(status), strsignal(WTERMSIG(status)));
        return 2;
    }
    int code = WEXITSTATUS(status) - CHILD_EXIT;
    if (code < 0 || code > 2) {
        /* exit() in the plugin, or a sanitizer that caught a fault */
        snprintf(why, whylen, "the process died with exit status %d",
                 WEXITSTATUS(status));
        return 2;
    }
    return code;
}

/* Reads a plugin's descriptor name and options without keeping it. */
static int peek(const char *path, char *name, size_t namelen,
                const char ***options, size_t *nopts, char *err, size_t errlen)
{
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        snprintf(err, errlen, "cannot load %s: %s", path, dlerror());
        return -1;
    }
    void *sym = dlsym(h, PRISM_PLUGIN_ENTRY);
    const prism_plugin *d = NULL;
    if (sym) {
        const prism_plugin *(*entry)(const prism_host *);
        *(void **)&entry = sym;
        d = entry(&prism_host_table);
    }
    if (!d || !d->name || d->abi_major != PRISM_ABI_MAJOR) {
        snprintf(err, errlen, "%s: %s", path,
                 !sym ? "no symbol " PRISM_PLUGIN_ENTRY
                 : !d ? "the entry point returned NULL"
                      : "a descriptor of another ABI major version");
        dlclose(h);
        return -1;
    }
    snprintf(name, namelen, "%s", d->name);
    *nopts = 0;
    *options = NULL;
    if (d->struct_size >=
            offsetof(prism_plugin, options) + sizeof(d->options) &&
        d->options) {
        size_t n = 0;
        while (d->options[n].name)
            n++;
        *options = calloc(n + 1, sizeof(char *));
        for (size_t i = 0; *options && i < n; i++)
            (*options)[(*nopts)++] = strdup(d->options[i].name);
    }
    dlclose(h);
    return 0;
}

static int report(bool ok, const char *what, const char *detail)
{
    printf("%s  %s%s%s\n", ok ? "ok  " : "FAIL", what, detail[0] ? ": " : "",
           detail);
    return ok ? 0 : 1;
}

/* Loads the plugin with sets plus extra; in a child when isolate. */
static int try_load(const cli_config_opts_t *o, const char *extra, char *why,
                    size_t whylen)
{
    const char *sets[o->nsets + 1];
    memcpy(sets, o->sets, o->nsets * sizeof(char *));
    sets[o->nsets] = extra;
    int fds[2];
    if (pipe(fds) < 0)
        return -1;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        alarm(doc_timeout_s);
        char err[1024] = "";
        prism_config_t *cfg =
            prism_config_load(o->file, sets, o->nsets + 1, err, sizeof(err));
        prism_pipeline_t *pl =
            cfg ? prism_pipeline_new(cfg, err, sizeof(err)) : NULL;
        ssize_t w = write(fds[1], err, strlen(err));
        (void)w;
        _exit(pl ? 0 : 3);
    }
    close(fds[1]);
    ssize_t n = read(fds[0], why, whylen - 1);
    why[n > 0 ? n : 0] = '\0';
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status)) {
        snprintf(why, whylen, "crashed with signal %d (%s)", WTERMSIG(status),
                 strsignal(WTERMSIG(status)));
        return -2;
    }
    return WEXITSTATUS(status) == 0 ? 0 : -1;
}

int prism_cmd_check_plugin(int argc, char **argv)
{
    const char *sets[argc + 8];
    cli_config_opts_t o = {.sets = sets};
    int rc = 0;
    int first = cli_parse_config_opts(argc, argv, &o, check_usage, &rc);
    if (first < 0)
        return rc;
    if (first + 1 != argc) {
        check_usage(stderr);
        return 2;
    }
    if (o.timeout)
        doc_timeout_s = o.timeout;
    if (!o.file && access("config/prism.conf", R_OK) == 0)
        o.file = "config/prism.conf";
    char *path = realpath(argv[first], NULL);
    if (!path) {
        fprintf(stderr, "prism check-plugin: %s: no such file\n", argv[first]);
        return 2;
    }
    char name[80], err[2048];
    const char **options = NULL;
    size_t nopts = 0;
    int failures = 0;
    if (peek(path, name, sizeof(name), &options, &nopts, err, sizeof(err)) <
        0) {
        report(false, "loads", err);
        free(path);
        return 1;
    }
    printf("checking plugin %s (%s)\n", name, path);

    /* only this plugin (and what it needs, as configured) */
    char enable[128], pathset[4200];
    snprintf(pathset, sizeof(pathset), "plugin.%s.path=%s", name, path);
    sets[o.nsets++] = pathset;
    prism_config_t *probe =
        prism_config_load(o.file, o.sets, o.nsets, err, sizeof(err));
    char(*disables)[128] = NULL;
    if (probe) {
        disables = calloc(probe->nplugins + 1, sizeof(*disables));
        for (size_t i = 0; disables && i < probe->nplugins; i++) {
            if (strcmp(probe->plugins[i].name, name) == 0)
                continue;
            snprintf(disables[i], sizeof(disables[i]), "plugin.%s.enabled=no",
                     probe->plugins[i].name);
        }
    }
    /* plugins it needs stay on: the loader names them if they are absent */
    const char *kept_sets[argc + 8 + (probe ? probe->nplugins : 0)];
    memcpy(kept_sets, sets, o.nsets * sizeof(char *));
    size_t nkept = o.nsets;
    for (size_t i = 0; probe && disables && i < probe->nplugins; i++)
        if (disables[i][0])
            kept_sets[nkept++] = disables[i];
    prism_config_destroy(&probe);
    snprintf(enable, sizeof(enable), "plugin.%s.enabled=yes", name);
    kept_sets[nkept++] = enable;
    cli_config_opts_t ko = {.file = o.file, .sets = kept_sets, .nsets = nkept};

    prism_config_t *cfg = cli_load_config("check-plugin", &ko);
    prism_pipeline_t *pl =
        cfg ? prism_pipeline_new(cfg, err, sizeof(err)) : NULL;
    failures += report(pl != NULL, "loads and initialises", pl ? "" : err);
    if (!pl) {
        /* a plugin that needs others is checked with them loaded */
        goto out;
    }

    /* bad option values: init must succeed or fail with a message */
    static const char *const bad_values[] = {"", "-1", "\x01not\xff valid",
                                             "99999999999999999999"};
    for (size_t i = 0; i < nopts; i++) {
        for (size_t v = 0; v < sizeof(bad_values) / sizeof(*bad_values); v++) {
            char set[512], what[600], why[1024];
            snprintf(set, sizeof(set), "plugin.%s.%s=%s", name, options[i],
                     bad_values[v]);
            int r = try_load(&ko, set, why, sizeof(why));
            snprintf(what, sizeof(what), "init with %s = \"%s\"", options[i],
                     v == 2 ? "\\x01not\\xff valid" : bad_values[v]);
            if (r == -1 && !why[0])
                failures += report(false, what, "refused without a message");
            else if (r == -2)
                failures += report(false, what, why);
            else
                failures +=
                    report(true, what, r == 0 ? "accepted" : "refused cleanly");
        }
    }

    struct doc_case cases[32];
    size_t ncases = make_cases(cases);
    msgpack_sbuffer sb;
    msgpack_sbuffer_init(&sb);
    int doc_failures = 0;
    for (size_t i = 0; i < ncases; i++) {
        char why[1024];
        int v = run_isolated(pl, &sb, &cases[i], why, sizeof(why));
        char detail[1100];
        snprintf(detail, sizeof(detail), "%s%s",
                 v == 1 ? "reported an error (allowed): " : "",
                 v == 0 ? "one well-formed result, spans inside the text"
                        : why);
        doc_failures += report(v != 2, cases[i].what, detail);
    }
    failures += doc_failures;
    if (!doc_failures) {
        /* again in this process, then fini and unload: leaks show at exit
         * under ASan's leak checker or valgrind */
        for (size_t i = 0; i < ncases; i++) {
            char why[1024];
            run_case(pl, &sb, &cases[i], why, sizeof(why));
        }
        printf("ok    ran every document in-process; fini and unload next "
               "(leak checkers report at exit)\n");
    }
    for (size_t i = 0; i < ncases; i++)
        free(cases[i].text);
    msgpack_sbuffer_destroy(&sb);

out:
    prism_pipeline_destroy(&pl);
    prism_config_destroy(&cfg);
    for (size_t i = 0; i < nopts; i++)
        free((void *)options[i]);
    free(options);
    free(disables);
    free(path);
    printf("%s: %s\n", name, failures ? "FAILED" : "passed every check");
    fflush(stdout); /* a leak checker may end the process without flushing */
    return failures ? 1 : 0;
}

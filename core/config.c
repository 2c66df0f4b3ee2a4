/*
 * Reads prism's INI configuration with inih, applies --set overrides and
 * validates every value against the [daemon] key table below.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

enum key_type {
    K_STR,      /* any string */
    K_ENDPOINT, /* a ZeroMQ endpoint: tcp://, ipc://, inproc:// */
    K_PATH,     /* a path, resolved against the file's folder */
    K_INT,      /* an integer within [min, max] */
    K_BYTES,    /* an integer with an optional K, M or G suffix */
    K_BOOL,     /* yes/no, true/false, on/off, 1/0 */
    K_WORKERS,  /* "auto" or an integer */
    K_LEVEL,    /* error, warning, info, debug */
};

struct key_def {
    const char *name;
    enum key_type type;
    size_t offset; /* into prism_config_t */
    const char *def;
    int64_t min, max;
    const char *help;
};

#define OFF(f) offsetof(prism_config_t, f)
static const struct key_def daemon_keys[] = {
    {"input", K_ENDPOINT, OFF(input), "tcp://127.0.0.1:5557", 0, 0,
     "PULL socket scrapers push documents to"},
    {"output", K_ENDPOINT, OFF(output), "tcp://127.0.0.1:5558", 0, 0,
     "PUB socket results are published on (topics doc, r.PLUGIN, err)"},
    {"control", K_ENDPOINT, OFF(control), "tcp://127.0.0.1:5559", 0, 0,
     "ROUTER socket for stats, health, plugins, reload"},
    {"worker_endpoint", K_ENDPOINT, OFF(worker_endpoint), "", 0, 0,
     "where workers connect; empty: ipc://RUNTIME_DIR/workers-PID.ipc"},
    {"runtime_dir", K_PATH, OFF(runtime_dir), "", 0, 0,
     "folder for ipc sockets; empty: $XDG_RUNTIME_DIR/prism or "
     "/tmp/prism-UID"},
    {"plugin_dir", K_PATH, OFF(plugin_dir), "", 0, 0,
     "folder of NAME.so for plugins without a path; empty: ../plugins "
     "next to the prism binaries"},
    {"workers", K_WORKERS, OFF(workers), "auto", 1, 256,
     "worker processes; auto = number of cores"},
    {"max_doc_bytes", K_BYTES, OFF(max_doc_bytes), "1M", 64, 1LL << 30,
     "largest accepted document message; larger: err too_large"},
    {"zmq_max_msg_bytes", K_BYTES, OFF(zmq_max_msg_bytes), "64M", 0, 1LL << 40,
     "ZMQ_MAXMSGSIZE on the input: past it libzmq drops the sender's "
     "connection; 0 = no limit"},
    {"max_depth", K_INT, OFF(max_depth), "32", 2, 1000,
     "deepest nesting of maps and arrays in a document"},
    {"max_fields", K_INT, OFF(max_fields), "10000", 2, 100000000,
     "most map entries and array items in one document, all levels"},
    {"queue_max", K_INT, OFF(queue_max), "1000", 1, 10000000,
     "accepted documents waiting for a worker; when full, input pauses"},
    {"worker_prefetch", K_INT, OFF(worker_prefetch), "16", 1, 1024,
     "documents sent ahead to one worker (batching vs. head-of-line "
     "waits)"},
    {"worker_batch_bytes", K_BYTES, OFF(worker_batch_bytes), "64K", 0,
     1LL << 30,
     "text a worker takes from what it holds to run plugin by plugin; 0 = "
     "one document at a time"},
    {"plugin_timeout_ms", K_INT, OFF(plugin_timeout_ms), "10000", 1, 86400000,
     "a document taking longer is plugin_timeout; worker killed"},
    {"start_timeout_ms", K_INT, OFF(start_timeout_ms), "15000", 100, 3600000,
     "how long a new worker may take to load its plugins"},
    {"drain_timeout_ms", K_INT, OFF(drain_timeout_ms), "30000", 0, 3600000,
     "on SIGTERM, how long to wait for documents in flight"},
    {"worker_max_docs", K_INT, OFF(worker_max_docs), "0", 0, 2000000000,
     "replace a worker after this many documents; 0 = never"},
    {"worker_max_rss_mb", K_INT, OFF(worker_max_rss_mb), "0", 0, 1000000,
     "replace a worker whose resident memory passes this; 0 = never"},
    {"watch_plugins", K_BOOL, OFF(watch_plugins), "no", 0, 0,
     "reload when a plugin .so is added or changed in its folder"},
    {"output_hwm", K_INT, OFF(sndhwm), "100000", 0, 100000000,
     "messages queued per subscriber before ZeroMQ drops for it"},
    {"input_hwm", K_INT, OFF(rcvhwm), "1000", 0, 100000000,
     "messages queued on the input socket"},
    {"echo_text", K_BOOL, OFF(echo_text), "yes", 0, 0,
     "include the document text in doc records"},
    {"pub_id", K_STR, OFF(pub_id), "", 0, 0,
     "this broker's name in records; empty: HOSTNAME:PID"},
    {"log_level", K_LEVEL, OFF(log_level), "info", 0, 0,
     "error, warning, info or debug"},
};
#define N_DAEMON_KEYS (sizeof(daemon_keys) / sizeof(daemon_keys[0]))

/* ---- state while reading ------------------------------------------------ */

struct reader {
    prism_config_t *cfg;
    const char *origin; /* file name or "--set" */
    char *dir;          /* folder of the file (or cwd for --set) */
    int line;
    char *err;
    size_t errlen;
    bool failed;
    int failed_line;
};

static void fail(struct reader *r, int line, const char *fmt, ...)
    PRISM_PRINTF(3, 4);
static void fail(struct reader *r, int line, const char *fmt, ...)
{
    if (r->failed && line >= r->failed_line)
        return; /* keep the first error */
    r->failed = true;
    r->failed_line = line;
    int n = snprintf(r->err, r->errlen, "%s:%d: ", r->origin, line);
    if (n < 0 || (size_t)n >= r->errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->err + n, r->errlen - (size_t)n, fmt, ap);
    va_end(ap);
}

static const struct key_def *daemon_key(const char *name)
{
    for (size_t i = 0; i < N_DAEMON_KEYS; i++)
        if (strcmp(daemon_keys[i].name, name) == 0)
            return &daemon_keys[i];
    return NULL;
}

static bool valid_plugin_name(const char *s)
{
    if (!*s || strlen(s) > 64)
        return false;
    for (; *s; s++)
        if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) ||
              *s == '_'))
            return false;
    return true;
}

static int kv_push(prism_kv_t **arr, size_t *n, const char *key,
                   const char *value, const struct reader *r)
{
    prism_kv_t *grown = realloc(*arr, (*n + 1) * sizeof(**arr));
    if (!grown)
        return PRISM_ENOMEM;
    *arr = grown;
    prism_kv_t *kv = &grown[*n];
    kv->key = strdup(key);
    kv->value = strdup(value);
    kv->origin = strdup(r->origin);
    kv->dir = strdup(r->dir);
    kv->line = r->line;
    if (!kv->key || !kv->value || !kv->origin || !kv->dir) {
        free(kv->key);
        free(kv->value);
        free(kv->origin);
        free(kv->dir);
        return PRISM_ENOMEM;
    }
    (*n)++;
    return 0;
}

static void kv_free(prism_kv_t *kv)
{
    free(kv->key);
    free(kv->value);
    free(kv->origin);
    free(kv->dir);
}

static prism_plugin_conf_t *plugin_section(struct reader *r, const char *name)
{
    prism_config_t *cfg = r->cfg;
    for (size_t i = 0; i < cfg->nplugins; i++)
        if (strcmp(cfg->plugins[i].name, name) == 0)
            return &cfg->plugins[i];
    prism_plugin_conf_t *grown =
        realloc(cfg->plugins, (cfg->nplugins + 1) * sizeof(*grown));
    if (!grown)
        return NULL;
    cfg->plugins = grown;
    prism_plugin_conf_t *p = &grown[cfg->nplugins];
    memset(p, 0, sizeof(*p));
    p->name = strdup(name);
    p->origin = strdup(r->origin);
    p->line = r->line;
    p->enabled = true;
    if (!p->name || !p->origin) {
        free(p->name);
        free(p->origin);
        return NULL;
    }
    cfg->nplugins++;
    return p;
}

static bool parse_bool(const char *v, bool *out)
{
    static const char *const yes[] = {"yes", "true", "on", "1"};
    static const char *const no[] = {"no", "false", "off", "0"};
    for (size_t i = 0; i < 4; i++) {
        if (strcasecmp(v, yes[i]) == 0) {
            *out = true;
            return true;
        }
        if (strcasecmp(v, no[i]) == 0) {
            *out = false;
            return true;
        }
    }
    return false;
}

static bool parse_int(const char *v, bool suffixes, int64_t *out)
{
    errno = 0;
    char *end;
    long long x = strtoll(v, &end, 10);
    if (end == v || errno)
        return false;
    int64_t mul = 1;
    if (suffixes && *end) {
        switch (toupper((unsigned char)*end)) {
        case 'K':
            mul = 1024;
            break;
        case 'M':
            mul = 1024 * 1024;
            break;
        case 'G':
            mul = 1024LL * 1024 * 1024;
            break;
        default:
            return false;
        }
        end++;
        if (toupper((unsigned char)*end) == 'B' ||
            toupper((unsigned char)*end) == 'I')
            end++;
    }
    if (*end)
        return false;
    if (x > INT64_MAX / mul || x < INT64_MIN / mul)
        return false;
    *out = (int64_t)x * mul;
    return true;
}

/* Sets one [daemon] key. Values are checked here, so a bad one stops the
 * start with its file:line. */
static void set_daemon_key(struct reader *r, const struct key_def *k,
                           const char *v)
{
    char *base = (char *)r->cfg + k->offset;
    int64_t x = 0;
    bool b;
    switch (k->type) {
    case K_ENDPOINT:
        if (*v && strncmp(v, "tcp://", 6) != 0 &&
            strncmp(v, "ipc://", 6) != 0 && strncmp(v, "inproc://", 9) != 0) {
            fail(r, r->line,
                 "%s: '%s' is not a ZeroMQ endpoint (tcp://HOST:PORT, "
                 "ipc://PATH)",
                 k->name, v);
            return;
        }
        /* fall through */
    case K_STR: {
        char *s = strdup(v);
        if (!s) {
            fail(r, r->line, "out of memory");
            return;
        }
        free(*(char **)base);
        *(char **)base = s;
        return;
    }
    case K_PATH: {
        char *s = *v ? prism_path_join(r->dir, v) : strdup("");
        if (!s) {
            fail(r, r->line, "out of memory");
            return;
        }
        free(*(char **)base);
        *(char **)base = s;
        return;
    }
    case K_WORKERS:
        if (strcmp(v, "auto") == 0) {
            long n = sysconf(_SC_NPROCESSORS_ONLN);
            *(int *)base = n > 0 ? (int)(n < k->max ? n : k->max) : 1;
            return;
        }
        /* fall through */
    case K_INT:
    case K_BYTES:
        if (!parse_int(v, k->type == K_BYTES, &x)) {
            fail(r, r->line, "%s: '%s' is not %s", k->name, v,
                 k->type == K_BYTES ? "a size (e.g. 1M, 512K, 4096)"
                 : k->type == K_INT ? "an integer"
                                    : "'auto' or an integer");
            return;
        }
        if (x < k->min || x > k->max) {
            fail(r, r->line, "%s: %s is out of range [%lld, %lld]", k->name, v,
                 (long long)k->min, (long long)k->max);
            return;
        }
        if (k->type == K_BYTES)
            *(int64_t *)base = x;
        else
            *(int *)base = (int)x;
        return;
    case K_BOOL:
        if (!parse_bool(v, &b)) {
            fail(r, r->line, "%s: '%s' is not yes or no", k->name, v);
            return;
        }
        *(bool *)base = b;
        return;
    case K_LEVEL: {
        static const char *const levels[] = {"error", "warning", "info",
                                             "debug"};
        for (int i = 0; i < 4; i++) {
            if (strcmp(v, levels[i]) == 0) {
                *(int *)base = i;
                return;
            }
        }
        fail(r, r->line, "%s: '%s' is not error, warning, info or debug",
             k->name, v);
        return;
    }
    }
}

/* One key = value from the file or from --set. */
static int on_value(void *user, const char *section, const char *key,
                    const char *value)
{
    struct reader *r = user;
    if (r->failed)
        return 1;
    if (kv_push(&r->cfg->all, &r->cfg->nall, key, value, r) < 0) {
        fail(r, r->line, "out of memory");
        return 1;
    }
    if (strcmp(section, "daemon") == 0) {
        const struct key_def *k = daemon_key(key);
        if (!k) {
            fail(r, r->line, "unknown key '%s' in [daemon]", key);
            return 1;
        }
        set_daemon_key(r, k, value);
        return 1;
    }
    if (strncmp(section, "plugin.", 7) == 0) {
        const char *name = section + 7;
        if (!valid_plugin_name(name)) {
            fail(r, r->line,
                 "[%s]: a plugin name is 1-64 characters of a-z, 0-9, _",
                 section);
            return 1;
        }
        prism_plugin_conf_t *p = plugin_section(r, name);
        if (!p) {
            fail(r, r->line, "out of memory");
            return 1;
        }
        if (strcmp(key, "path") == 0) {
            free(p->path);
            p->path = prism_path_join(r->dir, value);
        } else if (strcmp(key, "enabled") == 0) {
            if (!parse_bool(value, &p->enabled))
                fail(r, r->line, "[%s] enabled: '%s' is not yes or no", section,
                     value);
        } else {
            /* a later setting of the same key replaces the earlier one */
            for (size_t i = 0; i < p->nkv; i++) {
                if (strcmp(p->kv[i].key, key) == 0) {
                    kv_free(&p->kv[i]);
                    memmove(&p->kv[i], &p->kv[i + 1],
                            (p->nkv - i - 1) * sizeof(p->kv[0]));
                    p->nkv--;
                    break;
                }
            }
            if (kv_push(&p->kv, &p->nkv, key, value, r) < 0)
                fail(r, r->line, "out of memory");
        }
        return 1;
    }
    if (!*section)
        fail(r, r->line, "key '%s' outside any [section]", key);
    else
        fail(r, r->line,
             "unknown section [%s] (known: [daemon], [plugin.NAME])", section);
    return 1;
}

/* inih reads lines through this, so that we know each line's number and
 * can refuse a line longer than inih's buffer instead of cutting it. */
struct line_stream {
    FILE *f;
    struct reader *r;
};

static char *read_line(char *str, int num, void *stream)
{
    struct line_stream *s = stream;
    char *got = fgets(str, num, s->f);
    if (!got)
        return NULL;
    s->r->line++;
    size_t len = strlen(got);
    if (len == (size_t)num - 1 && got[len - 1] != '\n' && !feof(s->f)) {
        fail(s->r, s->r->line, "line longer than %d characters", num - 2);
        int c;
        while ((c = fgetc(s->f)) != EOF && c != '\n')
            ;
    }
    return got;
}

static void set_defaults(prism_config_t *cfg, struct reader *r)
{
    for (size_t i = 0; i < N_DAEMON_KEYS; i++) {
        r->line = 0;
        set_daemon_key(r, &daemon_keys[i], daemon_keys[i].def);
    }
}

static int apply_set(struct reader *r, const char *arg)
{
    /* SECTION.KEY=VALUE; the section itself may hold dots
     * (plugin.faulty.path), so the key is what follows the last dot
     * before '='. */
    const char *eq = strchr(arg, '=');
    if (!eq) {
        fail(r, r->line, "'%s' is not SECTION.KEY=VALUE", arg);
        return -1;
    }
    size_t lhs = (size_t)(eq - arg);
    const char *dot = NULL;
    for (const char *p = arg; p < eq; p++)
        if (*p == '.')
            dot = p;
    if (!dot || dot == arg || dot + 1 == eq) {
        fail(r, r->line, "'%s' is not SECTION.KEY=VALUE", arg);
        return -1;
    }
    char *section = strndup(arg, (size_t)(dot - arg));
    char *key = strndup(dot + 1, lhs - (size_t)(dot - arg) - 1);
    if (section && key)
        on_value(r, section, key, eq + 1);
    else
        fail(r, r->line, "out of memory");
    free(section);
    free(key);
    return r->failed ? -1 : 0;
}

prism_config_t *prism_config_load(const char *file, const char *const *sets,
                                  size_t nsets, char *err, size_t errlen)
{
    prism_config_t *cfg = calloc(1, sizeof(*cfg));
    char cwd[4096];
    struct reader r = {
        .cfg = cfg, .origin = "defaults", .err = err, .errlen = errlen};
    if (errlen)
        err[0] = '\0';
    if (!cfg || !getcwd(cwd, sizeof(cwd))) {
        snprintf(err, errlen, "out of memory or no working folder");
        free(cfg);
        return NULL;
    }
    r.dir = cwd;
    set_defaults(cfg, &r);

    if (file) {
        cfg->file = strdup(file);
        FILE *f = fopen(file, "r");
        if (!f) {
            snprintf(err, errlen, "%s: cannot open: %s", file, strerror(errno));
            prism_config_destroy(&cfg);
            return NULL;
        }
        char *dir = prism_path_dir(file);
        r.origin = file;
        r.dir = dir;
        r.line = 0;
        struct line_stream s = {.f = f, .r = &r};
        int rc = ini_parse_stream(read_line, &s, on_value, &r);
        fclose(f);
        if (rc > 0)
            fail(&r, rc, "syntax error (expected [section] or key = value)");
        else if (rc < 0)
            fail(&r, 0, "cannot read the file");
        free(dir);
        r.dir = cwd;
    }
    r.origin = "--set";
    for (size_t i = 0; i < nsets && !r.failed; i++) {
        r.line = (int)i + 1;
        apply_set(&r, sets[i]);
    }
    if (r.failed) {
        prism_config_destroy(&cfg);
        return NULL;
    }
    if (!cfg->pub_id[0]) {
        char host[256] = "prism";
        gethostname(host, sizeof(host) - 1);
        host[sizeof(host) - 1] = '\0';
        char id[300];
        snprintf(id, sizeof(id), "%s:%d", host, (int)getpid());
        free(cfg->pub_id);
        cfg->pub_id = strdup(id);
    }
    return cfg;
}

void prism_config_destroy(prism_config_t **self_p)
{
    if (!self_p || !*self_p)
        return;
    prism_config_t *cfg = *self_p;
    for (size_t i = 0; i < N_DAEMON_KEYS; i++) {
        enum key_type t = daemon_keys[i].type;
        if (t == K_STR || t == K_ENDPOINT || t == K_PATH)
            free(*(char **)((char *)cfg + daemon_keys[i].offset));
    }
    for (size_t i = 0; i < cfg->nplugins; i++) {
        prism_plugin_conf_t *p = &cfg->plugins[i];
        for (size_t j = 0; j < p->nkv; j++)
            kv_free(&p->kv[j]);
        free(p->kv);
        free(p->name);
        free(p->path);
        free(p->origin);
    }
    free(cfg->plugins);
    for (size_t i = 0; i < cfg->nall; i++)
        kv_free(&cfg->all[i]);
    free(cfg->all);
    free(cfg->file);
    free(cfg);
    *self_p = NULL;
}

const prism_plugin_conf_t *prism_config_plugin(const prism_config_t *self,
                                               const char *name)
{
    for (size_t i = 0; i < self->nplugins; i++)
        if (strcmp(self->plugins[i].name, name) == 0)
            return &self->plugins[i];
    return NULL;
}

void prism_config_print_keys(FILE *out)
{
    for (size_t i = 0; i < N_DAEMON_KEYS; i++)
        fprintf(out, "  %-18s %-22s %s\n", daemon_keys[i].name,
                daemon_keys[i].def[0] ? daemon_keys[i].def : "(empty)",
                daemon_keys[i].help);
}

/*
 * prism process: the pipeline in-process over JSON Lines, one doc record
 * per line on stdout, exactly as prismd would publish it (its `results`
 * are the same bytes); and prism plugins: what the config loads.
 */
#include <getopt.h>
#include <msgpack.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "json.h"
#include "pipeline.h"
#include "prism_cli.h"
#include "util.h"
#include "wire.h"

static void process_usage(FILE *out)
{
    fprintf(out,
            "usage: prism process [-c CONFIG] [--set SECTION.KEY=VALUE]... "
            "[FILE|-]...\n"
            "\n"
            "Runs the configured plugins over documents in JSON Lines files "
            "(one JSON\n"
            "object per line, as on the wire: {\"id\": ..., \"text\": ..., "
            "\"published\": ...};\n"
            "'-' or no FILE reads stdin) and prints one doc record per line "
            "as JSON.\n"
            "A line that is not a valid document gets an err record with its "
            "code and\n"
            "FILE:LINE instead; the others go on.\n"
            "\n"
            "  -c, --config FILE   config file (default config/prism.conf)\n"
            "      --set S.K=V     override a config key (repeatable)\n"
            "  -h, --help          this help\n");
}

int cli_parse_config_opts(int argc, char **argv, cli_config_opts_t *o,
                          void (*usage)(FILE *), int *rc)
{
    static const struct option longopts[] = {
        {"config", required_argument, NULL, 'c'},
        {"set", required_argument, NULL, 's'},
        {"help", no_argument, NULL, 'h'},
        {"runs", required_argument, NULL, 'n'},
        {"timeout", required_argument, NULL, 't'},
        {0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "c:hn:", longopts, NULL)) != -1) {
        switch (c) {
        case 'c':
            o->file = optarg;
            break;
        case 's':
            o->sets[o->nsets++] = optarg;
            break;
        case 'n':
            o->runs = atoi(optarg);
            if (o->runs < 1) {
                fprintf(stderr, "--runs takes a number >= 1\n");
                *rc = 2;
                return -1;
            }
            break;
        case 't':
            o->timeout = atoi(optarg);
            if (o->timeout < 1) {
                fprintf(stderr, "--timeout takes a number of seconds >= 1\n");
                *rc = 2;
                return -1;
            }
            break;
        case 'h':
            usage(stdout);
            *rc = 0;
            return -1;
        default:
            usage(stderr);
            *rc = 2;
            return -1;
        }
    }
    return optind;
}

struct run_state {
    prism_pipeline_t *pl;
    prism_limits_t limits;
    const char *pub;
    msgpack_sbuffer mp, rec;
    prism_buf_t json;
    uint64_t seq;
    size_t ok, rejected;
};

static void emit(struct run_state *st, const char *data, size_t len)
{
    st->json.len = 0;
    if (prism_msgpack_bytes_to_json(data, len, &st->json) == 0) {
        prism_buf_append(&st->json, "\n", 1);
        fwrite(st->json.data, 1, st->json.len, stdout);
    }
}

static void emit_err(struct run_state *st, const char *id, size_t id_len,
                     enum prism_wire_code code, const char *code_name,
                     const char *message)
{
    msgpack_sbuffer_clear(&st->rec);
    msgpack_packer pk;
    msgpack_packer_init(&pk, &st->rec, msgpack_sbuffer_write);
    if (code_name) { /* a CLI-only code: not JSON at all */
        msgpack_pack_map(&pk, 5);
        prism_pack_cstr(&pk, "seq");
        msgpack_pack_uint64(&pk, ++st->seq);
        prism_pack_cstr(&pk, "ts");
        msgpack_pack_int64(&pk, prism_wall_ms());
        prism_pack_cstr(&pk, "pub");
        prism_pack_cstr(&pk, st->pub);
        prism_pack_cstr(&pk, "code");
        prism_pack_cstr(&pk, code_name);
        prism_pack_cstr(&pk, "message");
        prism_pack_cstr(&pk, message);
    } else {
        prism_wire_pack_err(&pk, ++st->seq, prism_wall_ms(), st->pub, id,
                            id_len, code, message, NULL, NULL, 0);
    }
    emit(st, st->rec.data, st->rec.size);
    st->rejected++;
}

static void process_line(struct run_state *st, const char *file, long lineno,
                         const char *line, size_t len)
{
    char err[512], where[600];
    msgpack_sbuffer_clear(&st->mp);
    if (prism_json_to_msgpack(line, len, &st->mp, err, sizeof(err)) < 0) {
        snprintf(where, sizeof(where), "%s:%ld: not JSON: %s", file, lineno,
                 err);
        emit_err(st, NULL, 0, PRISM_WIRE_NOT_MSGPACK, "bad_json", where);
        return;
    }
    prism_wire_info_t info;
    enum prism_wire_code code = prism_wire_check(
        st->mp.data, st->mp.size, &st->limits, &info, err, sizeof(err));
    if (code != PRISM_WIRE_OK) {
        snprintf(where, sizeof(where), "%s:%ld: %s", file, lineno, err);
        emit_err(st, info.id, info.id_len, code, NULL, where);
        return;
    }
    prism_outcome_t out;
    int rc = prism_pipeline_run(st->pl, st->mp.data, st->mp.size,
                                (int64_t)time(NULL), &out);
    if (rc < 0) {
        snprintf(where, sizeof(where), "%s:%ld: %s", file, lineno,
                 prism_strerror(rc));
        emit_err(st, info.id, info.id_len, PRISM_WIRE_INTERNAL, NULL, where);
        return;
    }
    msgpack_sbuffer_clear(&st->rec);
    prism_wire_pack_doc(&st->rec, ++st->seq, prism_wall_ms(), st->pub,
                        out.elapsed_us, out.body, out.body_len, out.nbody);
    emit(st, st->rec.data, st->rec.size);
    st->ok++;
}

int prism_cmd_process(int argc, char **argv)
{
    const char *sets[argc + 1];
    cli_config_opts_t o = {.file = "config/prism.conf", .sets = sets};
    int rc = 0;
    int first = cli_parse_config_opts(argc, argv, &o, process_usage, &rc);
    if (first < 0)
        return rc;
    prism_config_t *cfg = cli_load_config("process", &o);
    if (!cfg)
        return 2;
    char err[2048];
    struct run_state st = {0};
    st.pl = prism_pipeline_new(cfg, err, sizeof(err));
    if (!st.pl) {
        fprintf(stderr, "prism process: %s\n", err);
        prism_config_destroy(&cfg);
        return 2;
    }
    st.limits.max_doc_bytes = (size_t)cfg->max_doc_bytes;
    st.limits.max_depth = cfg->max_depth;
    st.limits.max_fields = cfg->max_fields;
    st.pub = "process";
    msgpack_sbuffer_init(&st.mp);
    msgpack_sbuffer_init(&st.rec);
    static char outbuf[1 << 16];
    setvbuf(stdout, outbuf, _IOFBF, sizeof(outbuf));

    int nfiles = argc - first;
    char *line = NULL;
    size_t cap = 0;
    for (int i = 0; i < (nfiles ? nfiles : 1) && rc == 0; i++) {
        const char *name = nfiles ? argv[first + i] : "-";
        FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "r");
        if (!f) {
            perror(name);
            rc = 1;
            break;
        }
        long n, lineno = 0;
        while ((n = cli_read_line(f, &line, &cap)) >= 0) {
            lineno++;
            if (n == 0 || strspn(line, " \t") == (size_t)n)
                continue;
            process_line(&st, strcmp(name, "-") ? name : "stdin", lineno, line,
                         (size_t)n);
        }
        if (f != stdin)
            fclose(f);
    }
    free(line);
    fflush(stdout);
    if (st.rejected)
        fprintf(stderr,
                "prism process: %zu documents, %zu refused (see "
                "their err records)\n",
                st.ok + st.rejected, st.rejected);
    msgpack_sbuffer_destroy(&st.mp);
    msgpack_sbuffer_destroy(&st.rec);
    prism_buf_release(&st.json);
    prism_pipeline_destroy(&st.pl);
    prism_config_destroy(&cfg);
    return rc;
}

/* ---- prism plugins --------------------------------------------------------
 */

static void plugins_usage(FILE *out)
{
    fprintf(out,
            "usage: prism plugins [-c CONFIG] [--set SECTION.KEY=VALUE]...\n"
            "\n"
            "Loads the configured plugins as a worker would (so every load "
            "error shows\n"
            "here), and lists them in pipeline order with version, config "
            "hash,\n"
            "needs/after and every option with its default.\n");
}

int prism_cmd_plugins(int argc, char **argv)
{
    const char *sets[argc + 1];
    cli_config_opts_t o = {.file = "config/prism.conf", .sets = sets};
    int rc = 0;
    if (cli_parse_config_opts(argc, argv, &o, plugins_usage, &rc) < 0)
        return rc;
    prism_config_t *cfg = cli_load_config("plugins", &o);
    if (!cfg)
        return 2;
    char err[2048];
    prism_pipeline_t *pl = prism_pipeline_new(cfg, err, sizeof(err));
    if (!pl) {
        fprintf(stderr, "prism plugins: %s\n", err);
        prism_config_destroy(&cfg);
        return 1;
    }
    const prism_loader_t *ld = prism_pipeline_plugins(pl);
    for (size_t i = 0; i < ld->n; i++) {
        const prism_loaded_t *p = &ld->plugins[i];
        printf("%s %s (config %s)\n  %s\n  %s\n", p->desc.name,
               p->desc.version ? p->desc.version : "?", p->config_hash,
               p->desc.description ? p->desc.description : "", p->path);
        const char *const *lists[2] = {p->desc.needs, p->desc.after};
        const char *names[2] = {"needs", "after"};
        for (int l = 0; l < 2; l++) {
            if (!lists[l] || !lists[l][0])
                continue;
            printf("  %s:", names[l]);
            for (const char *const *s = lists[l]; *s; s++)
                printf(" %s", *s);
            printf("\n");
        }
        for (const prism_option *op = p->desc.options; op && op->name; op++)
            printf("    %-16s = %-24s %s\n", op->name,
                   op->default_value ? op->default_value : "(none)",
                   op->help ? op->help : "");
    }
    prism_pipeline_destroy(&pl);
    prism_config_destroy(&cfg);
    return 0;
}

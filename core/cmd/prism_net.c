/*
 * The subcommands that talk to a running prismd: send (PUSH), sub (SUB)
 * and ctl (the control socket).
 */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <msgpack.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zmq.h>

#include "json.h"
#include "prism_cli.h"
#include "util.h"
#include "wire.h"

static volatile sig_atomic_t interrupted;

static void on_int(int sig)
{
    (void)sig;
    interrupted = 1;
}

/* ---- send --------------------------------------------------------------- */

static void send_usage(FILE *out)
{
    fprintf(out,
            "usage: prism send [-e ENDPOINT] [--timeout MS] FILE...\n"
            "\n"
            "Pushes documents to prismd's input. A FILE ending in .jsonl or "
            ".json (or '-'\n"
            "for stdin) holds JSON Lines documents, one per line; any other "
            "file is sent\n"
            "as one plain-text document whose id is the file's name. Shows "
            "progress with\n"
            "documents/s when stderr is a terminal.\n"
            "\n"
            "  -e, --endpoint EP   prismd's daemon.input (default %s)\n"
            "      --timeout MS    give up when the daemon takes nothing for "
            "MS ms\n"
            "                      (default 10000)\n"
            "  -h, --help          this help\n",
            PRISM_DEFAULT_INPUT);
}

struct sender {
    void *sock;
    size_t sent, failed;
    int64_t t0, last_draw;
    bool tty;
};

static void progress(struct sender *s, bool final)
{
    if (!s->tty)
        return;
    int64_t now = prism_now_us();
    if (!final && now - s->last_draw < 200000)
        return;
    s->last_draw = now;
    double secs = (double)(now - s->t0) / 1e6;
    fprintf(stderr, "\rsent %zu documents, %.0f documents/s%s", s->sent,
            secs > 0 ? (double)s->sent / secs : 0.0, final ? "\n" : "   ");
}

static int push(struct sender *s, const char *data, size_t len)
{
    while (zmq_send(s->sock, data, len, 0) < 0) {
        if (zmq_errno() == EINTR && !interrupted)
            continue;
        return -1;
    }
    s->sent++;
    progress(s, false);
    return 0;
}

static bool is_jsonl(const char *name)
{
    size_t n = strlen(name);
    return strcmp(name, "-") == 0 ||
           (n > 6 && strcmp(name + n - 6, ".jsonl") == 0) ||
           (n > 5 && strcmp(name + n - 5, ".json") == 0);
}

static int send_jsonl(struct sender *s, const char *name, FILE *f)
{
    char *line = NULL;
    size_t cap = 0;
    long n, lineno = 0;
    int rc = 0;
    msgpack_sbuffer sb;
    msgpack_sbuffer_init(&sb);
    while (!interrupted && (n = cli_read_line(f, &line, &cap)) >= 0) {
        lineno++;
        if (n == 0)
            continue;
        char err[256];
        msgpack_sbuffer_clear(&sb);
        if (prism_json_to_msgpack(line, (size_t)n, &sb, err, sizeof(err))) {
            fprintf(stderr, "\nprism send: %s:%ld: not JSON: %s\n", name,
                    lineno, err);
            s->failed++;
            continue;
        }
        if (push(s, sb.data, sb.size) < 0) {
            rc = -1;
            break;
        }
    }
    free(line);
    msgpack_sbuffer_destroy(&sb);
    return rc;
}

static int send_text(struct sender *s, const char *name, FILE *f)
{
    prism_buf_t text = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        if (prism_buf_append(&text, chunk, n) < 0) {
            prism_buf_release(&text);
            return -1;
        }
    char *copy = strdup(name);
    const char *id = basename(copy);
    msgpack_sbuffer sb;
    msgpack_sbuffer_init(&sb);
    msgpack_packer pk;
    msgpack_packer_init(&pk, &sb, msgpack_sbuffer_write);
    msgpack_pack_map(&pk, 2);
    prism_pack_cstr(&pk, "id");
    prism_pack_cstr(&pk, id);
    prism_pack_cstr(&pk, "text");
    prism_pack_str(&pk, text.data ? text.data : "", text.len);
    int rc = push(s, sb.data, sb.size);
    msgpack_sbuffer_destroy(&sb);
    prism_buf_release(&text);
    free(copy);
    return rc;
}

int prism_cmd_send(int argc, char **argv)
{
    const char *endpoint = PRISM_DEFAULT_INPUT;
    int timeout = 10000;
    static const struct option longopts[] = {
        {"endpoint", required_argument, NULL, 'e'},
        {"timeout", required_argument, NULL, 't'},
        {"help", no_argument, NULL, 'h'},
        {0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "e:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'e':
            endpoint = optarg;
            break;
        case 't':
            timeout = atoi(optarg);
            break;
        case 'h':
            send_usage(stdout);
            return 0;
        default:
            send_usage(stderr);
            return 2;
        }
    }
    if (optind == argc) {
        send_usage(stderr);
        return 2;
    }
    signal(SIGINT, on_int);
    void *ctx = zmq_ctx_new();
    struct sender s = {.sock = zmq_socket(ctx, ZMQ_PUSH),
                       .t0 = prism_now_us(),
                       .tty = isatty(2)};
    zmq_setsockopt(s.sock, ZMQ_SNDTIMEO, &timeout, sizeof(timeout));
    /* queue only to a daemon that is there: with nobody listening, a send
     * times out and says so instead of vanishing at exit */
    int one = 1;
    zmq_setsockopt(s.sock, ZMQ_IMMEDIATE, &one, sizeof(one));
    int linger = timeout;
    zmq_setsockopt(s.sock, ZMQ_LINGER, &linger, sizeof(linger));
    int rc = 0;
    if (zmq_connect(s.sock, endpoint) != 0) {
        fprintf(stderr, "prism send: cannot connect to %s: %s\n", endpoint,
                zmq_strerror(zmq_errno()));
        rc = 1;
    }
    for (int i = optind; i < argc && rc == 0 && !interrupted; i++) {
        const char *name = argv[i];
        FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "rb");
        if (!f) {
            fprintf(stderr, "prism send: %s: %s\n", name, strerror(errno));
            rc = 1;
            break;
        }
        int r =
            is_jsonl(name) ? send_jsonl(&s, name, f) : send_text(&s, name, f);
        if (f != stdin)
            fclose(f);
        if (r < 0) {
            fprintf(stderr,
                    "\nprism send: %s: no daemon at %s took a document for "
                    "%d ms (%s)\n",
                    name, endpoint, timeout, zmq_strerror(zmq_errno()));
            rc = 1;
        }
    }
    progress(&s, true);
    if (!s.tty)
        fprintf(stderr, "prism send: sent %zu documents\n", s.sent);
    if (s.failed)
        rc = 1;
    zmq_close(s.sock); /* waits up to the linger for delivery */
    zmq_ctx_term(ctx);
    return rc;
}

/* ---- sub ----------------------------------------------------------------- */

static void sub_usage(FILE *out)
{
    fprintf(out,
            "usage: prism sub [-e ENDPOINT] [-n COUNT] [--timeout MS] "
            "[TOPIC]...\n"
            "\n"
            "Subscribes to prismd's output and prints each record as one "
            "JSON object per\n"
            "line, with its topic as \"topic\". TOPICs are doc, err or "
            "r.PLUGIN (a prefix\n"
            "matches, as in ZeroMQ); none means all.\n"
            "\n"
            "  -e, --endpoint EP   prismd's daemon.output (default %s)\n"
            "  -n, --count N       exit after N records\n"
            "      --timeout MS    exit after MS ms without a record\n"
            "  -h, --help          this help\n",
            PRISM_DEFAULT_OUTPUT);
}

int prism_cmd_sub(int argc, char **argv)
{
    const char *endpoint = PRISM_DEFAULT_OUTPUT;
    long count = -1;
    int timeout = -1;
    static const struct option longopts[] = {
        {"endpoint", required_argument, NULL, 'e'},
        {"count", required_argument, NULL, 'n'},
        {"timeout", required_argument, NULL, 't'},
        {"help", no_argument, NULL, 'h'},
        {0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "e:n:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'e':
            endpoint = optarg;
            break;
        case 'n':
            count = atol(optarg);
            break;
        case 't':
            timeout = atoi(optarg);
            break;
        case 'h':
            sub_usage(stdout);
            return 0;
        default:
            sub_usage(stderr);
            return 2;
        }
    }
    signal(SIGINT, on_int);
    signal(SIGTERM, on_int);
    void *ctx = zmq_ctx_new();
    void *sock = zmq_socket(ctx, ZMQ_SUB);
    zmq_setsockopt(sock, ZMQ_RCVTIMEO, &timeout, sizeof(timeout));
    if (optind == argc)
        zmq_setsockopt(sock, ZMQ_SUBSCRIBE, "", 0);
    for (int i = optind; i < argc; i++)
        zmq_setsockopt(sock, ZMQ_SUBSCRIBE, argv[i], strlen(argv[i]));
    if (zmq_connect(sock, endpoint) != 0) {
        fprintf(stderr, "prism sub: cannot connect to %s: %s\n", endpoint,
                zmq_strerror(zmq_errno()));
        zmq_close(sock);
        zmq_ctx_term(ctx);
        return 1;
    }
    prism_buf_t out = {0};
    int rc = 0;
    while (!interrupted && count != 0) {
        zmq_msg_t topic, payload;
        zmq_msg_init(&topic);
        zmq_msg_init(&payload);
        if (zmq_msg_recv(&topic, sock, 0) < 0 ||
            (zmq_msg_more(&topic) && zmq_msg_recv(&payload, sock, 0) < 0)) {
            zmq_msg_close(&topic);
            zmq_msg_close(&payload);
            if (zmq_errno() == EINTR && !interrupted)
                continue;
            break; /* timeout or interrupt */
        }
        out.len = 0;
        prism_buf_printf(&out, "{\"topic\":\"%.*s\"", (int)zmq_msg_size(&topic),
                         (const char *)zmq_msg_data(&topic));
        size_t mark = out.len;
        if (prism_msgpack_bytes_to_json(zmq_msg_data(&payload),
                                        zmq_msg_size(&payload), &out) == 0 &&
            out.len > mark + 1 && out.data[mark] == '{') {
            /* splice: {"topic":"doc"  +  ,"id":...} */
            out.data[mark] = out.data[mark + 1] == '}' ? ' ' : ',';
        } else {
            out.len = mark;
            prism_buf_printf(&out, ",\"error\":\"payload is not msgpack\"}");
        }
        prism_buf_append(&out, "\n", 1);
        fwrite(out.data, 1, out.len, stdout);
        fflush(stdout);
        zmq_msg_close(&topic);
        zmq_msg_close(&payload);
        if (count > 0)
            count--;
    }
    prism_buf_release(&out);
    zmq_close(sock);
    zmq_ctx_term(ctx);
    return rc;
}

/* ---- ctl ----------------------------------------------------------------- */

static void ctl_usage(FILE *out)
{
    fprintf(out,
            "usage: prism ctl [-e ENDPOINT] [--timeout MS] "
            "stats|health|plugins|reload\n"
            "\n"
            "Asks a running prismd and prints its answer as JSON. Exits 0 "
            "when the\n"
            "answer says ok, 1 when it does not or no answer came.\n"
            "  stats     counters: documents in, out, refused, crashes, queue\n"
            "  health    ok / degraded / down / draining, workers ready\n"
            "  plugins   the loaded plugins with versions and config hashes\n"
            "  reload    start workers with the config and plugins as they "
            "are now on\n"
            "            disk; answers when they are ready (or why not)\n"
            "\n"
            "  -e, --endpoint EP   prismd's daemon.control (default %s)\n"
            "      --timeout MS    how long to wait (default 5000; reload "
            "60000)\n"
            "  -h, --help          this help\n",
            PRISM_DEFAULT_CONTROL);
}

int prism_cmd_ctl(int argc, char **argv)
{
    const char *endpoint = PRISM_DEFAULT_CONTROL;
    int timeout = -1;
    static const struct option longopts[] = {
        {"endpoint", required_argument, NULL, 'e'},
        {"timeout", required_argument, NULL, 't'},
        {"help", no_argument, NULL, 'h'},
        {0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "e:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'e':
            endpoint = optarg;
            break;
        case 't':
            timeout = atoi(optarg);
            break;
        case 'h':
            ctl_usage(stdout);
            return 0;
        default:
            ctl_usage(stderr);
            return 2;
        }
    }
    if (optind + 1 != argc) {
        ctl_usage(stderr);
        return 2;
    }
    const char *cmd = argv[optind];
    if (timeout < 0)
        timeout = strcmp(cmd, "reload") == 0 ? 60000 : 5000;
    void *ctx = zmq_ctx_new();
    void *sock = zmq_socket(ctx, ZMQ_REQ);
    int zero = 0;
    zmq_setsockopt(sock, ZMQ_LINGER, &zero, sizeof(zero));
    zmq_setsockopt(sock, ZMQ_RCVTIMEO, &timeout, sizeof(timeout));
    zmq_setsockopt(sock, ZMQ_SNDTIMEO, &timeout, sizeof(timeout));
    int rc = 1;
    zmq_msg_t m;
    zmq_msg_init(&m);
    if (zmq_connect(sock, endpoint) != 0 ||
        zmq_send(sock, cmd, strlen(cmd), 0) < 0 ||
        zmq_msg_recv(&m, sock, 0) < 0) {
        fprintf(stderr, "prism ctl: no answer from %s within %d ms: %s\n",
                endpoint, timeout, zmq_strerror(zmq_errno()));
    } else {
        prism_buf_t out = {0};
        if (prism_msgpack_bytes_to_json(zmq_msg_data(&m), zmq_msg_size(&m),
                                        &out) == 0 &&
            prism_buf_append(&out, "", 1) == 0) {
            printf("%s\n", out.data);
            /* ok is the first key of every answer */
            rc = strstr(out.data, "\"ok\":true") ? 0 : 1;
        }
        prism_buf_release(&out);
    }
    zmq_msg_close(&m);
    zmq_close(sock);
    zmq_ctx_term(ctx);
    return rc;
}

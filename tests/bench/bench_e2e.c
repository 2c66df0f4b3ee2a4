/*
 * bench_e2e: end-to-end throughput and latency through a running prismd,
 * from a PUSH client to a SUB client (tests/bench/run starts the daemon).
 *
 *   bench_e2e throughput IN OUT COUNT BYTES [CRASH_EVERY]
 *       pushes COUNT documents of about BYTES bytes of text as fast as the
 *       daemon takes them and prints documents/s: COUNT over the time from
 *       the first send to the last doc record received. With CRASH_EVERY,
 *       every CRASH_EVERY-th document carries PRISM_TEST_CRASH (for a
 *       daemon with the faulty test plugin) and is counted when its err
 *       record arrives: the throughput while workers are being replaced.
 *   bench_e2e latency IN OUT RATE SECONDS BYTES
 *       offers RATE documents/s for SECONDS and prints p50/p99/p99.9/max of
 *       the time from send to the doc record's arrival.
 *
 * Each document's id carries its send time, so latency needs no shared
 * state between the two threads.
 */
#include <inttypes.h>
#include <msgpack.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zmq.h>

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

struct sub_args {
    void *ctx;
    const char *endpoint;
    long expect;  /* stop after this many doc records */
    int64_t *lat; /* latencies in ns, or NULL */
    long nlat;
    int64_t last_ns; /* arrival of the last record */
    volatile int ready;
};

/* Reads the send time out of an id "b-<ns>-<n>" in a doc record. */
static int64_t sent_at(const char *p, size_t n)
{
    /* the id is the first str value after the key "id" */
    const char *key = memmem(p, n, "\xa2id", 3);
    if (!key)
        return 0;
    const char *v = key + 3;
    size_t len = (unsigned char)*v & 0x1f;
    if (((unsigned char)*v & 0xe0) != 0xa0 || v + 1 + len > p + n)
        return 0;
    char buf[40];
    if (len >= sizeof(buf))
        return 0;
    memcpy(buf, v + 1, len);
    buf[len] = '\0';
    return strtoll(buf + 2, NULL, 10);
}

static void *subscriber(void *arg)
{
    struct sub_args *a = arg;
    void *sock = zmq_socket(a->ctx, ZMQ_SUB);
    int hwm = 0, timeout = 20000;
    zmq_setsockopt(sock, ZMQ_RCVHWM, &hwm, sizeof(hwm));
    zmq_setsockopt(sock, ZMQ_RCVTIMEO, &timeout, sizeof(timeout));
    zmq_setsockopt(sock, ZMQ_SUBSCRIBE, "doc", 3);
    zmq_setsockopt(sock, ZMQ_SUBSCRIBE, "err", 3);
    zmq_connect(sock, a->endpoint);
    a->ready = 1;
    long got = 0;
    char topic[16];
    zmq_msg_t m;
    zmq_msg_init(&m);
    while (got < a->expect) {
        if (zmq_recv(sock, topic, sizeof(topic), 0) < 0 ||
            zmq_msg_recv(&m, sock, 0) < 0)
            break; /* timed out: report what arrived */
        int64_t t = now_ns();
        if (a->lat) {
            int64_t s = sent_at(zmq_msg_data(&m), zmq_msg_size(&m));
            if (s > 0 && a->nlat < a->expect)
                a->lat[a->nlat++] = t - s;
        }
        a->last_ns = t;
        got++;
    }
    zmq_msg_close(&m);
    a->expect = got;
    zmq_close(sock);
    return NULL;
}

/* One document: {"id": "b-<ns>-<i>", "text": <bytes of prose>}. */
static size_t make_doc(msgpack_sbuffer *sb, const char *text, size_t tlen,
                       long i)
{
    char id[40];
    int n = snprintf(id, sizeof(id), "b-%" PRId64 "-%ld", now_ns(), i);
    msgpack_sbuffer_clear(sb);
    msgpack_packer pk;
    msgpack_packer_init(&pk, sb, msgpack_sbuffer_write);
    msgpack_pack_map(&pk, 2);
    msgpack_pack_str(&pk, 2);
    msgpack_pack_str_body(&pk, "id", 2);
    msgpack_pack_str(&pk, (size_t)n);
    msgpack_pack_str_body(&pk, id, (size_t)n);
    msgpack_pack_str(&pk, 4);
    msgpack_pack_str_body(&pk, "text", 4);
    msgpack_pack_str(&pk, tlen);
    msgpack_pack_str_body(&pk, text, tlen);
    return sb->size;
}

static char *prose(size_t bytes)
{
    static const char para[] =
        "The central bank held its main rate at 4.25% on Thursday, saying "
        "inflation had eased for a third month. Markets in Frankfurt and "
        "Paris rose 0.8%, while the euro slipped against the dollar. ";
    char *t = malloc(bytes + 1);
    for (size_t i = 0; i < bytes; i++)
        t[i] = para[i % (sizeof(para) - 1)];
    t[bytes] = '\0';
    return t;
}

static int cmp(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    bool latency = argc == 7 && strcmp(argv[1], "latency") == 0;
    if (!latency &&
        !((argc == 6 || argc == 7) && strcmp(argv[1], "throughput") == 0)) {
        fprintf(stderr, "usage: bench_e2e throughput IN OUT COUNT BYTES "
                        "[CRASH_EVERY]\n"
                        "       bench_e2e latency IN OUT RATE SECONDS BYTES\n");
        return 2;
    }
    const char *in = argv[2], *out = argv[3];
    long count = latency ? atol(argv[4]) * atol(argv[5]) : atol(argv[4]);
    size_t bytes = (size_t)atol(latency ? argv[6] : argv[5]);
    long rate = latency ? atol(argv[4]) : 0;
    long crash_every = !latency && argc == 7 ? atol(argv[6]) : 0;
    char *text = prose(bytes);
    char *crash_text = prose(bytes);
    if (bytes > 20)
        memcpy(crash_text, "PRISM_TEST_CRASH ", 17);

    void *ctx = zmq_ctx_new();
    struct sub_args sa = {.ctx = ctx, .endpoint = out, .expect = count};
    if (latency)
        sa.lat = calloc((size_t)count, sizeof(int64_t));
    pthread_t th;
    pthread_create(&th, NULL, subscriber, &sa);
    while (!sa.ready)
        ;
    struct timespec pause = {0, 300000000}; /* let the SUB join */
    nanosleep(&pause, NULL);

    void *push = zmq_socket(ctx, ZMQ_PUSH);
    int hwm = 100000;
    zmq_setsockopt(push, ZMQ_SNDHWM, &hwm, sizeof(hwm));
    zmq_connect(push, in);
    msgpack_sbuffer sb;
    msgpack_sbuffer_init(&sb);
    int64_t t0 = now_ns();
    for (long i = 0; i < count; i++) {
        if (latency) { /* pace the offered load, sleeping, not spinning:
                        * a spinning sender would take a core from the
                        * daemon it measures */
            int64_t due = t0 + i * 1000000000LL / rate;
            struct timespec ts = {.tv_sec = due / 1000000000,
                                  .tv_nsec = due % 1000000000};
            while (now_ns() < due &&
                   clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) !=
                       0)
                ;
        }
        bool crash = crash_every && i % crash_every == crash_every / 2;
        make_doc(&sb, crash ? crash_text : text, bytes, i);
        zmq_send(push, sb.data, sb.size, 0);
    }
    pthread_join(th, NULL);
    double secs = (double)(sa.last_ns - t0) / 1e9;
    if (!latency) {
        printf("throughput: %ld of %ld documents of %zu bytes in %.3f s = "
               "%.0f documents/s (%.1f MB/s of text)\n",
               sa.expect, count, bytes, secs, (double)sa.expect / secs,
               (double)sa.expect * (double)bytes / 1e6 / secs);
    } else {
        qsort(sa.lat, (size_t)sa.nlat, sizeof(int64_t), cmp);
        long n = sa.nlat;
        printf("latency at %ld documents/s for %s s (%ld of %ld received): "
               "p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms\n",
               rate, argv[5], n, count, n ? (double)sa.lat[n / 2] / 1e6 : 0.0,
               n ? (double)sa.lat[n * 99 / 100] / 1e6 : 0.0,
               n ? (double)sa.lat[n * 999 / 1000] / 1e6 : 0.0,
               n ? (double)sa.lat[n - 1] / 1e6 : 0.0);
    }
    msgpack_sbuffer_destroy(&sb);
    free(sa.lat);
    free(text);
    free(crash_text);
    zmq_close(push);
    zmq_ctx_term(ctx);
    return sa.expect == count ? 0 : 1;
}

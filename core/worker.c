/*
 * prism-worker's loop: load the plugins, tell the broker, then take the
 * documents the broker sent ahead, run them through the pipeline as one
 * batch (worker_batch_bytes) and send each result back.
 */
#include "worker.h"

#include <errno.h>
#include <msgpack.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <zmq.h>

#include "pipeline.h"
#include "util.h"
#include "wire.h"

static volatile sig_atomic_t stopping;

static void on_term(int sig)
{
    (void)sig;
    stopping = 1;
}

static int send_frame(void *sock, const void *data, size_t len, bool more)
{
    return zmq_send(sock, data, len, more ? ZMQ_SNDMORE : 0) < 0 ? -1 : 0;
}

static int send_ready(void *sock, const prism_loader_t *ld)
{
    msgpack_sbuffer sb;
    msgpack_sbuffer_init(&sb);
    msgpack_packer pk;
    msgpack_packer_init(&pk, &sb, msgpack_sbuffer_write);
    msgpack_pack_map(&pk, 2);
    prism_pack_cstr(&pk, "pid");
    msgpack_pack_int64(&pk, getpid());
    prism_pack_cstr(&pk, "plugins");
    msgpack_pack_array(&pk, ld->n);
    for (size_t i = 0; i < ld->n; i++) {
        const prism_loaded_t *p = &ld->plugins[i];
        msgpack_pack_map(&pk, 7);
        prism_pack_cstr(&pk, "name");
        prism_pack_cstr(&pk, p->desc.name);
        prism_pack_cstr(&pk, "version");
        prism_pack_cstr(&pk, p->desc.version ? p->desc.version : "");
        prism_pack_cstr(&pk, "description");
        prism_pack_cstr(&pk, p->desc.description ? p->desc.description : "");
        prism_pack_cstr(&pk, "config");
        prism_pack_cstr(&pk, p->config_hash);
        prism_pack_cstr(&pk, "path");
        prism_pack_cstr(&pk, p->path);
        const char *const *lists[2] = {p->desc.needs, p->desc.after};
        const char *names[2] = {"needs", "after"};
        for (int l = 0; l < 2; l++) {
            size_t n = 0;
            while (lists[l] && lists[l][n])
                n++;
            prism_pack_cstr(&pk, names[l]);
            msgpack_pack_array(&pk, n);
            for (size_t j = 0; j < n; j++)
                prism_pack_cstr(&pk, lists[l][j]);
        }
    }
    int rc = send_frame(sock, "ready", 5, true);
    if (!rc)
        rc = send_frame(sock, sb.data, sb.size, false);
    msgpack_sbuffer_destroy(&sb);
    return rc;
}

/* A job as the broker sent it: frames "job", header [job, received_ms],
 * message. */
struct job {
    zmq_msg_t f[4];
    int n;
    uint64_t id;
    int64_t received_ms;
};

static void job_header(struct job *j)
{
    j->id = 0;
    j->received_ms = 0;
    msgpack_zone zone;
    msgpack_zone_init(&zone, 256);
    msgpack_object h;
    size_t off = 0;
    if (msgpack_unpack(zmq_msg_data(&j->f[1]), zmq_msg_size(&j->f[1]), &off,
                       &zone, &h) == MSGPACK_UNPACK_SUCCESS &&
        h.type == MSGPACK_OBJECT_ARRAY && h.via.array.size >= 2) {
        j->id = h.via.array.ptr[0].via.u64;
        j->received_ms = h.via.array.ptr[1].via.i64;
    }
    msgpack_zone_destroy(&zone);
}

/* Sends "done" for one job, the one at `pos` of a batch of `len`. Frames:
 * "done", [job, nbody, elapsed_us, nerrors, pos, len], body, id, then
 * plugin, prov, result per result. */
static int send_done(void *sock, uint64_t job, int rc,
                     const prism_outcome_t *out, size_t pos, size_t len,
                     msgpack_sbuffer *sb)
{
    msgpack_sbuffer_clear(sb);
    msgpack_packer pk;
    msgpack_packer_init(&pk, sb, msgpack_sbuffer_write);
    msgpack_pack_array(&pk, 6);
    msgpack_pack_uint64(&pk, job);
    msgpack_pack_uint32(&pk, rc ? 0 : out->nbody);
    msgpack_pack_int64(&pk, rc ? 0 : out->elapsed_us);
    msgpack_pack_int64(&pk, rc ? -1 : (int64_t)out->nerrors);
    msgpack_pack_uint64(&pk, pos);
    msgpack_pack_uint64(&pk, len);
    if (send_frame(sock, "done", 4, true) ||
        send_frame(sock, sb->data, sb->size, true))
        return -1;
    if (rc) { /* the broker checked it, so this is an internal error */
        return send_frame(sock, "", 0, true) || send_frame(sock, "", 0, false)
                   ? -1
                   : 0;
    }
    if (send_frame(sock, out->body, out->body_len, true) ||
        send_frame(sock, out->id_raw, out->id_raw_len, out->nresults > 0))
        return -1;
    for (size_t i = 0; i < out->nresults; i++) {
        const prism_result_t *r = &out->results[i];
        bool last = i + 1 == out->nresults;
        if (send_frame(sock, r->plugin, strlen(r->plugin), true) ||
            send_frame(sock, r->prov, r->prov_len, true) ||
            send_frame(sock, r->data, r->len, !last))
            return -1;
    }
    return 0;
}

/* Runs a batch of jobs through the pipeline and sends their answers, in
 * the order they came. */
static void run_jobs(void *sock, prism_pipeline_t *pl, struct job *jobs,
                     size_t n, msgpack_sbuffer *sb)
{
    prism_pipeline_doc_t docs[PRISM_PIPELINE_BATCH_MAX];
    prism_outcome_t outs[PRISM_PIPELINE_BATCH_MAX];
    int rcs[PRISM_PIPELINE_BATCH_MAX];
    for (size_t k = 0; k < n; k++)
        docs[k] =
            (prism_pipeline_doc_t){.msg = zmq_msg_data(&jobs[k].f[2]),
                                   .len = zmq_msg_size(&jobs[k].f[2]),
                                   .received_s = jobs[k].received_ms / 1000,
                                   .job = jobs[k].id};
    int brc = prism_pipeline_run_batch(pl, docs, n, outs, rcs);
    for (size_t k = 0; k < n; k++) {
        int rc = brc ? brc : rcs[k];
        if (send_done(sock, jobs[k].id, rc, &outs[k], k, n, sb) < 0)
            prism_error("send failed: %s", zmq_strerror(zmq_errno()));
    }
}

/* Receives all frames of one message into msgs (at most max). With
 * ZMQ_DONTWAIT in flags, returns -1 with errno EAGAIN when none waits. */
static int recv_multipart(void *sock, zmq_msg_t *msgs, int max, int *n,
                          int flags)
{
    *n = 0;
    int more = 1;
    while (more) {
        zmq_msg_t m;
        zmq_msg_init(&m);
        /* the frames of one message arrive together: only the first may
         * not be there yet */
        if (zmq_msg_recv(&m, sock, *n ? 0 : flags) < 0) {
            zmq_msg_close(&m);
            for (int i = 0; i < *n; i++)
                zmq_msg_close(&msgs[i]);
            *n = 0;
            return -1;
        }
        more = zmq_msg_more(&m);
        if (*n < max)
            msgs[(*n)++] = m;
        else
            zmq_msg_close(&m);
    }
    return 0;
}

static bool is_frame(zmq_msg_t *m, const char *s)
{
    size_t len = strlen(s);
    return zmq_msg_size(m) == len && memcmp(zmq_msg_data(m), s, len) == 0;
}

static void close_frames(zmq_msg_t *f, int n)
{
    for (int i = 0; i < n; i++)
        zmq_msg_close(&f[i]);
}

int prism_worker_run(const prism_config_t *cfg, const prism_worker_opts_t *opts)
{
    int exit_code = 1;
    struct sigaction sa = {.sa_handler = on_term};
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);

    /* the status page prismd reads after a crash: which plugin (offset 0)
     * on which job (offset 8) */
    volatile uint32_t *status = NULL;
    volatile uint64_t *status_job = NULL;
    if (opts->status_fd >= 0) {
        void *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED,
                          opts->status_fd, 0);
        if (page != MAP_FAILED) {
            status = page;
            status_job = (volatile uint64_t *)((char *)page + 8);
        }
        close(opts->status_fd);
    }

    void *ctx = zmq_ctx_new();
    void *sock = zmq_socket(ctx, ZMQ_DEALER);
    int linger = 2000;
    zmq_setsockopt(sock, ZMQ_LINGER, &linger, sizeof(linger));
    if (opts->identity)
        zmq_setsockopt(sock, ZMQ_ROUTING_ID, opts->identity,
                       strlen(opts->identity));
    if (zmq_connect(sock, opts->endpoint) != 0) {
        prism_error("cannot connect to %s: %s", opts->endpoint,
                    zmq_strerror(zmq_errno()));
        goto out_close;
    }

    char err[1024];
    prism_pipeline_t *pl = prism_pipeline_new(cfg, err, sizeof(err));
    if (!pl) {
        prism_error("%s", err);
        send_frame(sock, "fail", 4, true);
        send_frame(sock, err, strlen(err), false);
        goto out_close;
    }
    prism_pipeline_set_status(pl, status, status_job);
    if (send_ready(sock, prism_pipeline_plugins(pl)) < 0)
        goto out_pipeline;

    msgpack_sbuffer sb;
    msgpack_sbuffer_init(&sb);
    struct job jobs[PRISM_PIPELINE_BATCH_MAX];
    exit_code = 0;
    bool stop = false;
    size_t batch_max = 1; /* until the first document says how fast */
    while (!stopping && !stop) {
        /* wait for one job, then take those already here, up to
         * worker_batch_bytes of messages, and run them as one batch */
        size_t n = 0, bytes = 0;
        while (n < batch_max) {
            struct job *j = &jobs[n];
            if (recv_multipart(sock, j->f, 4, &j->n, n ? ZMQ_DONTWAIT : 0) <
                0) {
                if (zmq_errno() == EAGAIN)
                    break;
                if (zmq_errno() == EINTR && n == 0 && !stopping)
                    continue;
                if (zmq_errno() != EINTR) {
                    prism_error("receive failed: %s",
                                zmq_strerror(zmq_errno()));
                    exit_code = 1;
                    stop = true;
                }
                break;
            }
            if (j->n >= 1 && is_frame(&j->f[0], "stop")) {
                close_frames(j->f, j->n);
                stop = true;
                break;
            }
            if (j->n != 3 || !is_frame(&j->f[0], "job")) {
                prism_warn("ignored a message of %d frames from the broker",
                           j->n);
                close_frames(j->f, j->n);
                continue;
            }
            job_header(j);
            bytes += zmq_msg_size(&j->f[2]);
            n++;
            if (bytes >= (uint64_t)cfg->worker_batch_bytes)
                break;
        }
        if (n > 0) {
            int64_t t0 = prism_now_us();
            run_jobs(sock, pl, jobs, n, &sb);
            int64_t each = (prism_now_us() - t0) / (int64_t)n;
            batch_max = each < PRISM_PIPELINE_BATCH_SLOW_US
                            ? PRISM_PIPELINE_BATCH_MAX
                            : 1;
        }
        for (size_t k = 0; k < n; k++)
            close_frames(jobs[k].f, jobs[k].n);
    }
    msgpack_sbuffer_destroy(&sb);
    /* a remote broker cannot see this process exit: say so, so that the
     * documents sent ahead to it go to other workers at once */
    send_frame(sock, "bye", 3, false);
out_pipeline:
    prism_pipeline_destroy(&pl);
out_close:
    zmq_close(sock);
    zmq_ctx_term(ctx);
    if (status)
        munmap((void *)status, 4096);
    return exit_code;
}

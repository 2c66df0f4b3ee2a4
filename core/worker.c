/*
 * prism-worker's loop: load the plugins, tell the broker, then take one
 * document at a time, run the pipeline and send the result back.
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

/* The shared status page prismd reads after a crash: which plugin
 * (pipeline-maintained, offset 0) on which job (offset 8). */
static volatile uint64_t *status_job;

/* Runs one job and sends "done". Frames: header, message. */
static int do_job(void *sock, prism_pipeline_t *pl, const zmq_msg_t *hdr,
                  const zmq_msg_t *msg, msgpack_sbuffer *sb)
{
    uint64_t job = 0;
    int64_t received_ms = 0;
    msgpack_zone zone;
    msgpack_zone_init(&zone, 256);
    msgpack_object h;
    size_t off = 0;
    if (msgpack_unpack(zmq_msg_data((zmq_msg_t *)hdr),
                       zmq_msg_size((zmq_msg_t *)hdr), &off, &zone,
                       &h) == MSGPACK_UNPACK_SUCCESS &&
        h.type == MSGPACK_OBJECT_ARRAY && h.via.array.size >= 2) {
        job = h.via.array.ptr[0].via.u64;
        received_ms = h.via.array.ptr[1].via.i64;
    }
    msgpack_zone_destroy(&zone);

    prism_outcome_t out;
    if (status_job)
        *status_job = job;
    int rc = prism_pipeline_run(pl, zmq_msg_data((zmq_msg_t *)msg),
                                zmq_msg_size((zmq_msg_t *)msg),
                                received_ms / 1000, &out);
    if (status_job)
        *status_job = 0;
    msgpack_sbuffer_clear(sb);
    msgpack_packer pk;
    msgpack_packer_init(&pk, sb, msgpack_sbuffer_write);
    msgpack_pack_array(&pk, 4);
    msgpack_pack_uint64(&pk, job);
    msgpack_pack_uint32(&pk, rc ? 0 : out.nbody);
    msgpack_pack_int64(&pk, rc ? 0 : out.elapsed_us);
    msgpack_pack_int64(&pk, rc ? -1 : (int64_t)out.nerrors);
    if (send_frame(sock, "done", 4, true) ||
        send_frame(sock, sb->data, sb->size, true))
        return -1;
    if (rc) { /* the broker checked it, so this is an internal error */
        return send_frame(sock, "", 0, true) || send_frame(sock, "", 0, false)
                   ? -1
                   : 0;
    }
    if (send_frame(sock, out.body, out.body_len, true) ||
        send_frame(sock, out.id_raw, out.id_raw_len, out.nresults > 0))
        return -1;
    for (size_t i = 0; i < out.nresults; i++) {
        const prism_result_t *r = &out.results[i];
        bool last = i + 1 == out.nresults;
        if (send_frame(sock, r->plugin, strlen(r->plugin), true) ||
            send_frame(sock, r->prov, r->prov_len, true) ||
            send_frame(sock, r->data, r->len, !last))
            return -1;
    }
    return 0;
}

/* Receives all frames of one message into msgs (at most max). */
static int recv_multipart(void *sock, zmq_msg_t *msgs, int max, int *n)
{
    *n = 0;
    int more = 1;
    while (more) {
        zmq_msg_t m;
        zmq_msg_init(&m);
        if (zmq_msg_recv(&m, sock, 0) < 0) {
            zmq_msg_close(&m);
            for (int i = 0; i < *n; i++)
                zmq_msg_close(&msgs[i]);
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

int prism_worker_run(const prism_config_t *cfg, const prism_worker_opts_t *opts)
{
    int exit_code = 1;
    struct sigaction sa = {.sa_handler = on_term};
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);

    volatile uint32_t *status = NULL;
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
    prism_pipeline_set_status(pl, status);
    if (send_ready(sock, prism_pipeline_plugins(pl)) < 0)
        goto out_pipeline;

    msgpack_sbuffer sb;
    msgpack_sbuffer_init(&sb);
    exit_code = 0;
    while (!stopping) {
        zmq_msg_t f[4];
        int n;
        if (recv_multipart(sock, f, 4, &n) < 0) {
            if (zmq_errno() == EINTR)
                continue;
            prism_error("receive failed: %s", zmq_strerror(zmq_errno()));
            exit_code = 1;
            break;
        }
        bool stop = n >= 1 && zmq_msg_size(&f[0]) == 4 &&
                    memcmp(zmq_msg_data(&f[0]), "stop", 4) == 0;
        if (!stop && n == 3 && zmq_msg_size(&f[0]) == 3 &&
            memcmp(zmq_msg_data(&f[0]), "job", 3) == 0) {
            if (do_job(sock, pl, &f[1], &f[2], &sb) < 0)
                prism_error("send failed: %s", zmq_strerror(zmq_errno()));
        } else if (!stop) {
            prism_warn("ignored a message of %d frames from the broker", n);
        }
        for (int i = 0; i < n; i++)
            zmq_msg_close(&f[i]);
        if (stop)
            break;
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

/*
 * The broker's event loop: input -> check -> queue -> workers -> publish,
 * plus worker supervision, control commands, reload and drain.
 */
#include "broker.h"

#include <errno.h>
#include <fcntl.h>
#include <msgpack.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zmq.h>

#include "loader.h"
#include "util.h"
#include "wire.h"

#define STATUS_PAGE 4096
#define MAX_FRAMES  1024

/* An accepted document, waiting in the queue or on a worker. */
typedef struct job {
    uint64_t id;
    zmq_msg_t msg;       /* the original message, as received */
    int64_t accepted_us; /* monotonic */
    int64_t received_ms; /* wall clock */
    int crashes;         /* workers that died while running it */
    bool suspect;        /* run alone on a fresh worker */
    char doc_id[257];
    struct job *next;
} job_t;

enum worker_state { W_STARTING, W_READY, W_RETIRING, W_GONE };

typedef struct worker {
    char ident[32];
    size_t ident_len;
    pid_t pid; /* 0: a remote worker we did not start */
    int gen;
    enum worker_state state;
    job_t *head, *tail; /* in flight, in the order sent */
    int inflight;
    bool alone; /* running a suspect document */
    bool killed_for_timeout;
    int64_t head_since_us; /* when the head document started */
    int64_t started_us;
    volatile uint32_t *status; /* shared page: plugin index + 1 */
    uint64_t docs;             /* answered */
    uint64_t sent;             /* dispatched to it */
    char *ready_info;          /* raw msgpack of its ready message */
    size_t ready_len;
} worker_t;

typedef struct counters {
    uint64_t received, accepted, rejected, published, published_err;
    uint64_t plugin_errors, crashes, timeouts, retries;
    uint64_t batches; /* batches the workers ran, plugin by plugin */
    uint64_t worker_starts, worker_deaths, reloads, reload_failures;
    uint64_t recycled;
    uint64_t by_code[PRISM_WIRE_INTERNAL + 1];
} counters_t;

struct prism_broker {
    prism_config_t *cfg;
    const char *config_file;
    const char *const *sets;
    size_t nsets;
    prism_limits_t limits;
    char *worker_bin;
    char *worker_endpoint;
    char *ipc_path; /* to unlink at exit */

    void *ctx, *input, *output, *control, *workers_sock;
    int sigfd;
    int inotify_fd;        /* daemon.watch_plugins, else -1 */
    int64_t reload_due_us; /* a plugin file changed: reload then */
    int64_t next_rss_check_us;
    int64_t last_death_us; /* a worker of the serving generation died */
    int64_t replace_us;    /* death to replacement ready, last time */

    job_t *q_head, *q_tail;
    size_t q_len;
    uint64_t next_job;

    worker_t *workers;
    size_t nworkers, cap_workers;
    int gen;      /* the generation that gets new documents */
    int next_gen; /* a reload in progress: its generation, else 0 */
    int fast_deaths;
    int64_t restart_at_us; /* backoff: no respawn before this */
    int wanted;            /* workers of the current generation */

    uint64_t seq;
    int64_t started_us;
    bool draining;
    int64_t drain_deadline_us;
    bool stop;
    int exit_code;
    bool initial_ready;

    /* a control request waiting for a reload to finish */
    zmq_msg_t reload_env[4];
    int reload_env_n;
    char last_reload_error[1024];
    prism_config_t *pending_cfg;

    counters_t n;
    msgpack_sbuffer sb;
};

/* ---- small helpers ------------------------------------------------------- */

static int64_t now_us(void)
{
    return prism_now_us();
}

static void close_frames(zmq_msg_t *f, int n)
{
    for (int i = 0; i < n; i++)
        zmq_msg_close(&f[i]);
}

/* Receives one multipart message without blocking. Returns the number of
 * frames, 0 when nothing is waiting, -1 on error. Frames past max are
 * dropped (and counted in *n as -1). */
static int recv_frames(void *sock, zmq_msg_t *f, int max)
{
    int n = 0, more = 1;
    bool overflow = false;
    while (more) {
        zmq_msg_t m;
        zmq_msg_init(&m);
        if (zmq_msg_recv(&m, sock, n == 0 ? ZMQ_DONTWAIT : 0) < 0) {
            zmq_msg_close(&m);
            close_frames(f, n);
            return n == 0 && zmq_errno() == EAGAIN ? 0 : -1;
        }
        more = zmq_msg_more(&m);
        if (n < max)
            f[n++] = m;
        else {
            overflow = true;
            zmq_msg_close(&m);
        }
    }
    if (overflow) {
        close_frames(f, n);
        return -1;
    }
    return n;
}

static bool frame_is(zmq_msg_t *m, const char *s)
{
    size_t len = strlen(s);
    return zmq_msg_size(m) == len && memcmp(zmq_msg_data(m), s, len) == 0;
}

static void publish(prism_broker_t *self, const char *topic, const void *data,
                    size_t len)
{
    zmq_send(self->output, topic, strlen(topic), ZMQ_SNDMORE);
    zmq_send(self->output, data, len, 0);
}

/* Publishes an err record and counts it. */
static void publish_err(prism_broker_t *self, const char *doc_id,
                        enum prism_wire_code code, const char *message,
                        const char *plugin, const char *payload,
                        size_t payload_len)
{
    msgpack_sbuffer_clear(&self->sb);
    msgpack_packer pk;
    msgpack_packer_init(&pk, &self->sb, msgpack_sbuffer_write);
    prism_wire_pack_err(&pk, ++self->seq, prism_wall_ms(), self->cfg->pub_id,
                        doc_id, doc_id ? strlen(doc_id) : 0, code, message,
                        plugin, payload, payload_len);
    publish(self, "err", self->sb.data, self->sb.size);
    self->n.published_err++;
    self->n.by_code[code]++;
}

/* ---- the queue --------------------------------------------------------- */

static void queue_push_back(prism_broker_t *self, job_t *j)
{
    j->next = NULL;
    if (self->q_tail)
        self->q_tail->next = j;
    else
        self->q_head = j;
    self->q_tail = j;
    self->q_len++;
}

/* Puts a list of jobs (in order) back at the front of the queue. */
static void queue_push_front_list(prism_broker_t *self, job_t *first,
                                  job_t *last, size_t count)
{
    if (!first)
        return;
    last->next = self->q_head;
    self->q_head = first;
    if (!self->q_tail)
        self->q_tail = last;
    self->q_len += count;
}

static job_t *queue_pop(prism_broker_t *self)
{
    job_t *j = self->q_head;
    if (!j)
        return NULL;
    self->q_head = j->next;
    if (!self->q_head)
        self->q_tail = NULL;
    self->q_len--;
    j->next = NULL;
    return j;
}

static void job_free(job_t *j)
{
    zmq_msg_close(&j->msg);
    free(j);
}

/* ---- workers ------------------------------------------------------------- */

static worker_t *find_worker(prism_broker_t *self, const void *ident,
                             size_t len)
{
    for (size_t i = 0; i < self->nworkers; i++) {
        worker_t *w = &self->workers[i];
        if (w->state != W_GONE && w->ident_len == len &&
            memcmp(w->ident, ident, len) == 0)
            return w;
    }
    return NULL;
}

static worker_t *new_worker_slot(prism_broker_t *self)
{
    for (size_t i = 0; i < self->nworkers; i++)
        if (self->workers[i].state == W_GONE && !self->workers[i].head)
            return &self->workers[i];
    if (self->nworkers == self->cap_workers) {
        size_t cap = self->cap_workers ? self->cap_workers * 2 : 8;
        worker_t *grown = realloc(self->workers, cap * sizeof(*grown));
        if (!grown)
            return NULL;
        self->workers = grown;
        self->cap_workers = cap;
    }
    worker_t *w = &self->workers[self->nworkers++];
    memset(w, 0, sizeof(*w));
    w->state = W_GONE;
    return w;
}

static void worker_clear(worker_t *w)
{
    if (w->status)
        munmap((void *)w->status, STATUS_PAGE);
    free(w->ready_info);
    memset(w, 0, sizeof(*w));
    w->state = W_GONE;
}

/* Forks and execs one prism-worker of generation gen. */
static int spawn_worker(prism_broker_t *self, int gen)
{
    static unsigned counter;
    worker_t *w = new_worker_slot(self);
    if (!w)
        return PRISM_ENOMEM;
    worker_clear(w);
    int fd = memfd_create("prism-worker-status", MFD_CLOEXEC);
    if (fd < 0 || ftruncate(fd, STATUS_PAGE) < 0) {
        prism_error("memfd_create: %s", strerror(errno));
        if (fd >= 0)
            close(fd);
        return PRISM_EIO;
    }
    void *page =
        mmap(NULL, STATUS_PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (page == MAP_FAILED) {
        close(fd);
        return PRISM_EIO;
    }
    w->status = page;
    w->ident_len = (size_t)snprintf(w->ident, sizeof(w->ident), "w%d-%u-%d",
                                    gen, ++counter, (int)getpid());
    w->gen = gen;
    w->state = W_STARTING;
    w->started_us = now_us();

    /* the argument vector: prism-worker -c FILE --set ... --connect EP
     * --id ID --status-fd N */
    size_t argc = 0;
    const char **argv = calloc(self->nsets * 2 + 12, sizeof(char *));
    char fdbuf[16];
    if (!argv) {
        close(fd);
        return PRISM_ENOMEM;
    }
    argv[argc++] = self->worker_bin;
    argv[argc++] = "-c";
    argv[argc++] = self->config_file;
    for (size_t i = 0; i < self->nsets; i++) {
        argv[argc++] = "--set";
        argv[argc++] = self->sets[i];
    }
    argv[argc++] = "--connect";
    argv[argc++] = self->worker_endpoint;
    argv[argc++] = "--id";
    argv[argc++] = w->ident;
    argv[argc++] = "--status-fd";
    argv[argc++] = fdbuf;
    argv[argc] = NULL;

    pid_t pid = fork();
    if (pid < 0) {
        prism_error("fork: %s", strerror(errno));
        free(argv);
        close(fd);
        w->state = W_GONE;
        return PRISM_EIO;
    }
    if (pid == 0) {
        /* the child: its own signal mask, a status fd that survives exec,
         * and SIGTERM when the broker dies */
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        int kept = dup(fd); /* dup() clears close-on-exec */
        snprintf(fdbuf, sizeof(fdbuf), "%d", kept);
        execv(self->worker_bin, (char *const *)argv);
        fprintf(stderr, "prismd: cannot run %s: %s\n", self->worker_bin,
                strerror(errno));
        _exit(127);
    }
    free(argv);
    close(fd);
    w->pid = pid;
    self->n.worker_starts++;
    prism_debug("started worker %s (pid %d)", w->ident, (int)pid);
    return 0;
}

static int count_workers(prism_broker_t *self, int gen, int state)
{
    int n = 0;
    for (size_t i = 0; i < self->nworkers; i++) {
        worker_t *w = &self->workers[i];
        if (w->gen == gen && w->state != W_GONE &&
            (state < 0 || (int)w->state == state))
            n++;
    }
    return n;
}

static void send_stop(prism_broker_t *self, worker_t *w)
{
    zmq_send(self->workers_sock, w->ident, w->ident_len, ZMQ_SNDMORE);
    zmq_send(self->workers_sock, "stop", 4, 0);
}

/* Takes a worker out of rotation so that respawn() starts its replacement;
 * it finishes what it holds, then stops. */
static void retire(prism_broker_t *self, worker_t *w, const char *why)
{
    if (w->state != W_READY)
        return;
    prism_info("recycling worker %s (pid %d): %s", w->ident, (int)w->pid, why);
    w->state = W_RETIRING;
    self->n.recycled++;
    if (w->inflight == 0)
        send_stop(self, w);
}

/* daemon.worker_max_rss_mb: reads each local worker's resident memory
 * from /proc once a second. */
static void check_rss(prism_broker_t *self)
{
    if (!self->cfg->worker_max_rss_mb || now_us() < self->next_rss_check_us)
        return;
    self->next_rss_check_us = now_us() + 1000000;
    long page = sysconf(_SC_PAGESIZE);
    for (size_t i = 0; i < self->nworkers; i++) {
        worker_t *w = &self->workers[i];
        if (w->state != W_READY || !w->pid)
            continue;
        char path[64];
        snprintf(path, sizeof(path), "/proc/%d/statm", (int)w->pid);
        FILE *f = fopen(path, "r");
        long size = 0, resident = 0;
        if (!f)
            continue;
        int got = fscanf(f, "%ld %ld", &size, &resident);
        fclose(f);
        long mb = resident * page / (1024 * 1024);
        if (got == 2 && mb > self->cfg->worker_max_rss_mb) {
            char why[96];
            snprintf(why, sizeof(why), "%ld MB resident > worker_max_rss_mb",
                     mb);
            retire(self, w, why);
        }
    }
}

/* ---- publishing results -------------------------------------------------- */

/* "done" from a worker: [ident, "done", hdr, body, id, (name prov result)*] */
static void on_done(prism_broker_t *self, worker_t *w, zmq_msg_t *f, int n)
{
    if (n < 5 || !w->head) {
        prism_warn("worker %s sent a malformed or unexpected result", w->ident);
        return;
    }
    msgpack_zone zone;
    msgpack_zone_init(&zone, 256);
    msgpack_object h;
    size_t off = 0;
    uint64_t job_id = 0;
    uint32_t nbody = 0;
    int64_t nerrors = -1;
    bool batch_start = true; /* a worker that does not say ran it alone */
    if (msgpack_unpack(zmq_msg_data(&f[2]), zmq_msg_size(&f[2]), &off, &zone,
                       &h) == MSGPACK_UNPACK_SUCCESS &&
        h.type == MSGPACK_OBJECT_ARRAY && h.via.array.size >= 4) {
        job_id = h.via.array.ptr[0].via.u64;
        nbody = (uint32_t)h.via.array.ptr[1].via.u64;
        nerrors = h.via.array.ptr[3].type == MSGPACK_OBJECT_NEGATIVE_INTEGER
                      ? -1
                      : (int64_t)h.via.array.ptr[3].via.u64;
        /* [4]: its place in the batch the worker ran it in */
        if (h.via.array.size >= 6 &&
            h.via.array.ptr[4].type == MSGPACK_OBJECT_POSITIVE_INTEGER)
            batch_start = h.via.array.ptr[4].via.u64 == 0;
    }
    msgpack_zone_destroy(&zone);

    /* a worker answers in order, so this is normally its head */
    job_t *j = w->head, *prev = NULL;
    while (j && j->id != job_id) {
        prev = j;
        j = j->next;
    }
    if (!j) {
        prism_warn("worker %s answered job %llu, which it does not hold",
                   w->ident, (unsigned long long)job_id);
        return;
    }
    if (prev)
        prev->next = j->next;
    else
        w->head = j->next;
    if (w->tail == j)
        w->tail = prev;
    w->inflight--;
    w->alone = false;
    w->head_since_us = now_us();
    w->docs++;
    self->n.batches += batch_start;
    self->fast_deaths = 0;

    if (nerrors < 0) {
        publish_err(self, j->doc_id, PRISM_WIRE_INTERNAL,
                    "the worker could not read an accepted document", NULL,
                    zmq_msg_data(&j->msg), zmq_msg_size(&j->msg));
    } else {
        uint64_t seq = ++self->seq;
        msgpack_sbuffer_clear(&self->sb);
        prism_wire_pack_doc(&self->sb, seq, prism_wall_ms(), self->cfg->pub_id,
                            now_us() - j->accepted_us, zmq_msg_data(&f[3]),
                            zmq_msg_size(&f[3]), nbody);
        publish(self, "doc", self->sb.data, self->sb.size);
        self->n.published++;
        if (nerrors > 0)
            self->n.plugin_errors++;
        for (int i = 5; i + 2 < n; i += 3) {
            char topic[80];
            size_t nl = zmq_msg_size(&f[i]);
            if (nl > 64)
                continue;
            memcpy(topic, "r.", 2);
            memcpy(topic + 2, zmq_msg_data(&f[i]), nl);
            topic[2 + nl] = '\0';
            msgpack_sbuffer_clear(&self->sb);
            prism_wire_pack_result(
                &self->sb, seq, zmq_msg_data(&f[4]), zmq_msg_size(&f[4]),
                topic + 2, zmq_msg_data(&f[i + 1]), zmq_msg_size(&f[i + 1]),
                zmq_msg_data(&f[i + 2]), zmq_msg_size(&f[i + 2]));
            publish(self, topic, self->sb.data, self->sb.size);
        }
    }
    job_free(j);
    if (self->cfg->worker_max_docs &&
        w->docs >= (uint64_t)self->cfg->worker_max_docs)
        retire(self, w, "worker_max_docs reached");
    if (w->state == W_RETIRING && w->inflight == 0)
        send_stop(self, w);
}

/* Plugin names from a ready message's raw msgpack, for crash reports. */
static void plugin_name_at(const worker_t *w, uint32_t idx, char *out,
                           size_t outlen)
{
    snprintf(out, outlen, "unknown");
    if (!w->ready_info || idx == 0)
        return;
    msgpack_zone zone;
    msgpack_zone_init(&zone, 1024);
    msgpack_object o;
    size_t off = 0;
    if (msgpack_unpack(w->ready_info, w->ready_len, &off, &zone, &o) ==
            MSGPACK_UNPACK_SUCCESS &&
        o.type == MSGPACK_OBJECT_MAP) {
        for (uint32_t i = 0; i < o.via.map.size; i++) {
            msgpack_object *v = &o.via.map.ptr[i].val;
            if (v->type != MSGPACK_OBJECT_ARRAY || idx > v->via.array.size)
                continue;
            msgpack_object *p = &v->via.array.ptr[idx - 1];
            for (uint32_t k = 0;
                 p->type == MSGPACK_OBJECT_MAP && k < p->via.map.size; k++) {
                msgpack_object_kv *kv = &p->via.map.ptr[k];
                if (kv->key.via.str.size == 4 &&
                    memcmp(kv->key.via.str.ptr, "name", 4) == 0 &&
                    kv->val.type == MSGPACK_OBJECT_STR)
                    snprintf(out, outlen, "%.*s", (int)kv->val.via.str.size,
                             kv->val.via.str.ptr);
            }
        }
    }
    msgpack_zone_destroy(&zone);
}

/* ---- reload -------------------------------------------------------------- */

static void watch_setup(prism_broker_t *self);

static void reply(prism_broker_t *self, zmq_msg_t *env, int nenv,
                  const char *data, size_t len)
{
    for (int i = 0; i < nenv; i++)
        zmq_send(self->control, zmq_msg_data(&env[i]), zmq_msg_size(&env[i]),
                 ZMQ_SNDMORE);
    zmq_send(self->control, data, len, 0);
}

static void finish_reload(prism_broker_t *self, bool ok, const char *why)
{
    if (ok) {
        int old = self->gen;
        self->gen = self->next_gen;
        self->next_gen = 0;
        prism_config_t *old_cfg = self->cfg;
        self->cfg = self->pending_cfg;
        self->pending_cfg = NULL;
        /* the sockets stay bound as they were; limits and plugins change */
        self->limits.max_doc_bytes = (size_t)self->cfg->max_doc_bytes;
        self->limits.max_depth = self->cfg->max_depth;
        self->limits.max_fields = self->cfg->max_fields;
        self->wanted = self->cfg->workers;
        prism_config_destroy(&old_cfg);
        for (size_t i = 0; i < self->nworkers; i++) {
            worker_t *w = &self->workers[i];
            if (w->gen == old && w->state != W_GONE) {
                w->state = W_RETIRING;
                if (w->inflight == 0)
                    send_stop(self, w);
            }
        }
        self->n.reloads++;
        self->last_reload_error[0] = '\0';
        watch_setup(self);
        prism_info("reload: generation %d serves, generation %d drains",
                   self->gen, old);
    } else {
        for (size_t i = 0; i < self->nworkers; i++) {
            worker_t *w = &self->workers[i];
            if (w->gen == self->next_gen && w->state != W_GONE && w->pid)
                kill(w->pid, SIGKILL);
            if (w->gen == self->next_gen)
                w->state = W_RETIRING;
        }
        self->next_gen = 0;
        prism_config_destroy(&self->pending_cfg);
        self->n.reload_failures++;
        snprintf(self->last_reload_error, sizeof(self->last_reload_error), "%s",
                 why);
        prism_error("reload failed, the running plugins stay: %s", why);
    }
    if (self->reload_env_n) {
        msgpack_sbuffer sb;
        msgpack_sbuffer_init(&sb);
        msgpack_packer pk;
        msgpack_packer_init(&pk, &sb, msgpack_sbuffer_write);
        msgpack_pack_map(&pk, ok ? 2 : 3);
        prism_pack_cstr(&pk, "ok");
        ok ? msgpack_pack_true(&pk) : msgpack_pack_false(&pk);
        prism_pack_cstr(&pk, "generation");
        msgpack_pack_int64(&pk, self->gen);
        if (!ok) {
            prism_pack_cstr(&pk, "error");
            prism_pack_cstr(&pk, why);
        }
        reply(self, self->reload_env, self->reload_env_n, sb.data, sb.size);
        msgpack_sbuffer_destroy(&sb);
        close_frames(self->reload_env, self->reload_env_n);
        self->reload_env_n = 0;
    }
}

/* Starts a reload: re-reads the config, starts a new generation. */
static int start_reload(prism_broker_t *self, char *why, size_t whylen)
{
    if (self->next_gen) {
        snprintf(why, whylen, "a reload is already in progress");
        return -1;
    }
    if (self->draining) {
        snprintf(why, whylen, "the daemon is shutting down");
        return -1;
    }
    prism_config_t *cfg = prism_config_load(self->config_file, self->sets,
                                            self->nsets, why, whylen);
    if (!cfg) {
        self->n.reload_failures++;
        snprintf(self->last_reload_error, sizeof(self->last_reload_error), "%s",
                 why);
        prism_error("reload refused: %s", why);
        return -1;
    }
    self->pending_cfg = cfg;
    self->next_gen = self->gen + 1;
    prism_info("reload: starting generation %d (%d workers)", self->next_gen,
               cfg->workers);
    for (int i = 0; i < cfg->workers; i++)
        if (spawn_worker(self, self->next_gen) < 0) {
            finish_reload(self, false, "cannot start workers");
            snprintf(why, whylen, "cannot start workers");
            return -1;
        }
    return 0;
}

/* ---- watching plugin files ---------------------------------------------- */

/* daemon.watch_plugins: watches the folder of every enabled plugin's .so, so
 * that a new or changed plugin file starts a reload. New workers dlopen()
 * the file anew: a reload always loads what is on disk now. */
static void watch_setup(prism_broker_t *self)
{
    if (self->inotify_fd >= 0) {
        close(self->inotify_fd);
        self->inotify_fd = -1;
    }
    if (!self->cfg->watch_plugins)
        return;
    self->inotify_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (self->inotify_fd < 0) {
        prism_warn("watch_plugins: inotify: %s", strerror(errno));
        return;
    }
    for (size_t i = 0; i < self->cfg->nplugins; i++) {
        const prism_plugin_conf_t *pc = &self->cfg->plugins[i];
        if (!pc->enabled)
            continue;
        char *path = prism_loader_plugin_path(self->cfg, pc);
        char *dir = path ? prism_path_dir(path) : NULL;
        if (dir && inotify_add_watch(self->inotify_fd, dir,
                                     IN_CLOSE_WRITE | IN_MOVED_TO) < 0)
            prism_warn("watch_plugins: cannot watch %s: %s", dir,
                       strerror(errno));
        free(dir);
        free(path);
    }
}

static void on_inotify(prism_broker_t *self)
{
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    ssize_t n;
    while ((n = read(self->inotify_fd, buf, sizeof(buf))) > 0) {
        for (char *p = buf; p < buf + n;) {
            const struct inotify_event *ev = (const struct inotify_event *)p;
            size_t len = ev->len ? strlen(ev->name) : 0;
            if (len > 3 && strcmp(ev->name + len - 3, ".so") == 0) {
                prism_info("watch_plugins: %s changed; reloading", ev->name);
                /* a copy arrives as several events: wait for quiet */
                self->reload_due_us = now_us() + 300000;
            }
            p += sizeof(*ev) + ev->len;
        }
    }
}

/* Starts the reload a plugin file change asked for, once none runs. */
static void reload_if_due(prism_broker_t *self)
{
    if (!self->reload_due_us || now_us() < self->reload_due_us ||
        self->next_gen || self->draining)
        return;
    self->reload_due_us = 0;
    char why[1024];
    start_reload(self, why, sizeof(why));
}

/* ---- worker messages ----------------------------------------------------- */

static void on_worker_exit(prism_broker_t *self, worker_t *w, int wstatus);

static void on_worker_message(prism_broker_t *self, zmq_msg_t *f, int n)
{
    if (n < 2)
        return;
    worker_t *w = find_worker(self, zmq_msg_data(&f[0]), zmq_msg_size(&f[0]));
    if (!w && frame_is(&f[1], "ready")) {
        /* a worker started by hand on another machine */
        w = new_worker_slot(self);
        if (!w)
            return;
        worker_clear(w);
        w->ident_len = zmq_msg_size(&f[0]) < sizeof(w->ident)
                           ? zmq_msg_size(&f[0])
                           : sizeof(w->ident) - 1;
        memcpy(w->ident, zmq_msg_data(&f[0]), w->ident_len);
        w->gen = self->gen;
        w->state = W_STARTING;
        w->started_us = now_us();
        prism_info("remote worker %.*s joined", (int)w->ident_len, w->ident);
    }
    if (!w)
        return;
    if (frame_is(&f[1], "done")) {
        on_done(self, w, f, n);
    } else if (frame_is(&f[1], "bye")) {
        /* a local worker's exit arrives as SIGCHLD; a remote one says so */
        if (!w->pid) {
            prism_info("remote worker %.*s left", (int)w->ident_len, w->ident);
            on_worker_exit(self, w, 0);
        }
    } else if (frame_is(&f[1], "ready") && n >= 3) {
        w->state = w->state == W_RETIRING ? W_RETIRING : W_READY;
        free(w->ready_info);
        w->ready_len = zmq_msg_size(&f[2]);
        w->ready_info = malloc(w->ready_len ? w->ready_len : 1);
        if (w->ready_info)
            memcpy(w->ready_info, zmq_msg_data(&f[2]), w->ready_len);
        w->head_since_us = now_us();
        prism_debug("worker %s ready", w->ident);
        if (w->gen == self->gen)
            self->initial_ready = true;
        if (w->gen == self->gen && self->last_death_us) {
            self->replace_us = now_us() - self->last_death_us;
            self->last_death_us = 0;
        }
        if (self->next_gen && w->gen == self->next_gen &&
            count_workers(self, self->next_gen, W_READY) ==
                self->pending_cfg->workers)
            finish_reload(self, true, NULL);
    } else if (frame_is(&f[1], "fail") && n >= 3) {
        char why[1024];
        snprintf(why, sizeof(why), "%.*s", (int)zmq_msg_size(&f[2]),
                 (const char *)zmq_msg_data(&f[2]));
        if (self->next_gen && w->gen == self->next_gen) {
            finish_reload(self, false, why);
        } else if (!self->initial_ready) {
            prism_error("workers cannot load the plugins: %s", why);
            self->stop = true;
            self->exit_code = 1;
        } else {
            prism_error("worker %s failed to start: %s", w->ident, why);
        }
    }
}

/* ---- worker death ----------------------------------------------------------
 */

static void on_worker_exit(prism_broker_t *self, worker_t *w, int wstatus)
{
    bool expected = w->state == W_RETIRING || self->draining;
    self->n.worker_deaths++;
    if (!expected || w->inflight)
        prism_warn("worker %s (pid %d) %s %d with %d documents in flight",
                   w->ident, (int)w->pid,
                   WIFSIGNALED(wstatus) ? "died of signal" : "exited with",
                   WIFSIGNALED(wstatus) ? WTERMSIG(wstatus)
                                        : WEXITSTATUS(wstatus),
                   w->inflight);
    /* The job it was running, from the status page it shares with us (for
     * a remote worker: the oldest it holds). Jobs before it in its list
     * were done, but their answers died with it; they go back, with the
     * ones it had not started, and are not counted against anyone. */
    uint64_t running = w->status ? w->status[2] | (uint64_t)w->status[3] << 32
                                 : (w->head ? w->head->id : 0);
    job_t *culprit = NULL, *back = NULL, *back_tail = NULL;
    size_t nback = 0;
    for (job_t *j = w->head, *next; j; j = next) {
        next = j->next;
        j->next = NULL;
        if (j->id == running && !culprit) {
            culprit = j;
            continue;
        }
        if (back_tail)
            back_tail->next = j;
        else
            back = j;
        back_tail = j;
        nback++;
    }
    w->head = w->tail = NULL;
    w->inflight = 0;
    if (culprit) {
        char plugin[80];
        plugin_name_at(w, w->status ? w->status[0] : 0, plugin, sizeof(plugin));
        /* a remote worker that went silent may have hung or died: the
         * document gets the benefit of the doubt, a retry (a real hang
         * then times out on the retry) */
        if (w->killed_for_timeout && w->pid) {
            char msg[200];
            snprintf(msg, sizeof(msg),
                     "plugin %s took longer than %d ms; its worker was "
                     "killed",
                     plugin, self->cfg->plugin_timeout_ms);
            publish_err(self, culprit->doc_id, PRISM_WIRE_PLUGIN_TIMEOUT, msg,
                        plugin, zmq_msg_data(&culprit->msg),
                        zmq_msg_size(&culprit->msg));
            self->n.timeouts++;
            job_free(culprit);
        } else if (++culprit->crashes >= 2) {
            char msg[200];
            snprintf(msg, sizeof(msg),
                     "plugin %s crashed the worker twice on this document",
                     plugin);
            publish_err(self, culprit->doc_id, PRISM_WIRE_PLUGIN_CRASH, msg,
                        plugin, zmq_msg_data(&culprit->msg),
                        zmq_msg_size(&culprit->msg));
            self->n.crashes++;
            job_free(culprit);
        } else {
            culprit->suspect = true; /* retried once, alone */
            self->n.retries++;
            queue_push_front_list(self, culprit, culprit, 1);
        }
    }
    queue_push_front_list(self, back, back_tail, nback);

    if (!expected && w->gen == self->gen)
        self->last_death_us = now_us();
    /* a worker that ran a suspect document alone was expected to die */
    bool died_young = w->docs == 0 && !w->alone;
    int gen = w->gen;
    bool was_starting = w->state == W_STARTING;
    worker_clear(w);
    if (expected)
        return;
    if (was_starting && self->next_gen && gen == self->next_gen) {
        finish_reload(self, false, "a new worker died while starting");
        return;
    }
    if (was_starting && !self->initial_ready) {
        prism_error("the first worker died while loading the plugins");
        self->stop = true;
        self->exit_code = 1;
        return;
    }
    if (gen != self->gen)
        return;
    /* replace it; back off when workers die again and again before they
     * finish a single document (a plugin that crashes on load or on every
     * document), not when a poison document kills one now and then */
    self->fast_deaths = died_young ? self->fast_deaths + 1 : 0;
    int64_t delay = 0;
    if (self->fast_deaths > 2) {
        delay =
            100000LL << (self->fast_deaths - 3 < 6 ? self->fast_deaths - 3 : 6);
        if (delay > 5000000)
            delay = 5000000;
    }
    self->restart_at_us = now_us() + delay;
}

static void reap_children(prism_broker_t *self)
{
    int wstatus;
    pid_t pid;
    while ((pid = waitpid(-1, &wstatus, WNOHANG)) > 0) {
        for (size_t i = 0; i < self->nworkers; i++) {
            worker_t *w = &self->workers[i];
            if (w->pid == pid && w->state != W_GONE) {
                on_worker_exit(self, w, wstatus);
                break;
            }
        }
    }
}

/* Keeps the current generation at its wanted size. */
static void respawn(prism_broker_t *self)
{
    if (self->draining || self->stop || now_us() < self->restart_at_us)
        return;
    /* workers we started; remote ones come and go on their own */
    int have = 0;
    for (size_t i = 0; i < self->nworkers; i++) {
        const worker_t *w = &self->workers[i];
        have += w->pid && w->gen == self->gen && w->state != W_GONE &&
                w->state != W_RETIRING;
    }
    for (; have < self->wanted; have++)
        if (spawn_worker(self, self->gen) < 0)
            break;
}

/* Kills workers whose document runs past plugin_timeout_ms, or that take
 * too long to start. */
static void check_timeouts(prism_broker_t *self)
{
    int64_t now = now_us();
    int64_t limit = (int64_t)self->cfg->plugin_timeout_ms * 1000;
    int64_t start_limit = (int64_t)self->cfg->start_timeout_ms * 1000;
    for (size_t i = 0; i < self->nworkers; i++) {
        worker_t *w = &self->workers[i];
        if (w->state == W_GONE || w->killed_for_timeout)
            continue;
        bool hung = w->head && now - w->head_since_us > limit;
        bool slow_start =
            w->state == W_STARTING && now - w->started_us > start_limit;
        if (!hung && !slow_start)
            continue;
        prism_warn("worker %s (pid %d): %s; %s", w->ident, (int)w->pid,
                   hung ? "a document ran past plugin_timeout_ms"
                        : "not ready within start_timeout_ms",
                   w->pid ? "killing it" : "dropping it");
        w->killed_for_timeout = hung;
        if (w->pid) {
            kill(w->pid, SIGKILL); /* SIGCHLD does the rest */
        } else {
            /* a remote worker cannot be killed from here: tell it to stop
             * and treat it as gone */
            send_stop(self, w);
            on_worker_exit(self, w, 0);
        }
    }
}

/* ---- input --------------------------------------------------------------- */

static void on_input(prism_broker_t *self)
{
    /* take a bounded batch, so workers and control are never starved */
    for (int batch = 0;
         batch < 256 && self->q_len < (size_t)self->cfg->queue_max; batch++) {
        zmq_msg_t m;
        zmq_msg_init(&m);
        if (zmq_msg_recv(&m, self->input, ZMQ_DONTWAIT) < 0) {
            zmq_msg_close(&m);
            return;
        }
        self->n.received++;
        if (zmq_msg_more(&m)) {
            /* a document is one frame: drain the rest and refuse it */
            int more = 1;
            while (more) {
                zmq_msg_t extra;
                zmq_msg_init(&extra);
                if (zmq_msg_recv(&extra, self->input, 0) < 0) {
                    zmq_msg_close(&extra);
                    break;
                }
                more = zmq_msg_more(&extra);
                zmq_msg_close(&extra);
            }
            publish_err(self, NULL, PRISM_WIRE_NOT_MSGPACK,
                        "a document is one message frame, got several", NULL,
                        NULL, 0);
            self->n.rejected++;
            zmq_msg_close(&m);
            continue;
        }
        prism_wire_info_t info;
        char why[256];
        enum prism_wire_code code =
            prism_wire_check(zmq_msg_data(&m), zmq_msg_size(&m), &self->limits,
                             &info, why, sizeof(why));
        char doc_id[257] = "";
        if (info.id)
            snprintf(doc_id, sizeof(doc_id), "%.*s", (int)info.id_len, info.id);
        if (code != PRISM_WIRE_OK) {
            bool keep = code != PRISM_WIRE_TOO_LARGE;
            publish_err(self, info.id ? doc_id : NULL, code, why, NULL,
                        keep ? zmq_msg_data(&m) : NULL,
                        keep ? zmq_msg_size(&m) : 0);
            self->n.rejected++;
            zmq_msg_close(&m);
            continue;
        }
        job_t *j = calloc(1, sizeof(*j));
        if (!j) {
            publish_err(self, doc_id, PRISM_WIRE_INTERNAL, "out of memory",
                        NULL, NULL, 0);
            zmq_msg_close(&m);
            continue;
        }
        zmq_msg_init(&j->msg);
        zmq_msg_move(&j->msg, &m);
        zmq_msg_close(&m);
        j->id = ++self->next_job;
        j->accepted_us = now_us();
        j->received_ms = prism_wall_ms();
        memcpy(j->doc_id, doc_id, sizeof(doc_id));
        queue_push_back(self, j);
        self->n.accepted++;
    }
}

/* Hands queued documents to ready workers of the serving generation,
 * least-loaded first, up to worker_prefetch each. */
static void dispatch(prism_broker_t *self)
{
    while (self->q_head) {
        job_t *j = self->q_head;
        worker_t *best = NULL;
        for (size_t i = 0; i < self->nworkers; i++) {
            worker_t *w = &self->workers[i];
            if (w->state != W_READY || w->gen != self->gen || w->alone ||
                w->inflight >= self->cfg->worker_prefetch)
                continue;
            /* a worker due for recycling gets no more than its share */
            if (self->cfg->worker_max_docs &&
                w->sent >= (uint64_t)self->cfg->worker_max_docs)
                continue;
            if (j->suspect && w->inflight > 0)
                continue;
            if (!best || w->inflight < best->inflight)
                best = w;
        }
        if (!best)
            return;
        queue_pop(self);
        msgpack_sbuffer_clear(&self->sb);
        msgpack_packer pk;
        msgpack_packer_init(&pk, &self->sb, msgpack_sbuffer_write);
        msgpack_pack_array(&pk, 2);
        msgpack_pack_uint64(&pk, j->id);
        msgpack_pack_int64(&pk, j->received_ms);
        zmq_msg_t copy;
        zmq_msg_init(&copy);
        zmq_msg_copy(&copy, &j->msg); /* shares the buffer; kept for retry */
        if (zmq_send(self->workers_sock, best->ident, best->ident_len,
                     ZMQ_SNDMORE) < 0) {
            /* ROUTER_MANDATORY: the worker is gone without a word */
            zmq_msg_close(&copy);
            queue_push_front_list(self, j, j, 1);
            prism_warn("worker %s is unreachable", best->ident);
            if (best->pid)
                kill(best->pid, SIGKILL);
            on_worker_exit(self, best, 0);
            continue;
        }
        zmq_send(self->workers_sock, "job", 3, ZMQ_SNDMORE);
        zmq_send(self->workers_sock, self->sb.data, self->sb.size, ZMQ_SNDMORE);
        zmq_msg_send(&copy, self->workers_sock, 0);
        zmq_msg_close(&copy);
        if (best->inflight == 0)
            best->head_since_us = now_us();
        if (best->tail)
            best->tail->next = j;
        else
            best->head = j;
        best->tail = j;
        j->next = NULL;
        best->inflight++;
        best->sent++;
        if (j->suspect)
            best->alone = true;
    }
}

/* ---- control ----------------------------------------------------------- */

static void pack_kv_u64(msgpack_packer *pk, const char *k, uint64_t v)
{
    prism_pack_cstr(pk, k);
    msgpack_pack_uint64(pk, v);
}

static size_t inflight_total(prism_broker_t *self)
{
    size_t n = 0;
    for (size_t i = 0; i < self->nworkers; i++)
        if (self->workers[i].state != W_GONE)
            n += (size_t)self->workers[i].inflight;
    return n;
}

static void pack_stats(prism_broker_t *self, msgpack_packer *pk)
{
    const counters_t *c = &self->n;
    msgpack_pack_map(pk, 25);
    prism_pack_cstr(pk, "ok");
    msgpack_pack_true(pk);
    prism_pack_cstr(pk, "pub");
    prism_pack_cstr(pk, self->cfg->pub_id);
    pack_kv_u64(pk, "uptime_s",
                (uint64_t)((now_us() - self->started_us) / 1000000));
    pack_kv_u64(pk, "seq", self->seq);
    pack_kv_u64(pk, "received", c->received);
    pack_kv_u64(pk, "accepted", c->accepted);
    pack_kv_u64(pk, "rejected", c->rejected);
    pack_kv_u64(pk, "published", c->published);
    pack_kv_u64(pk, "published_err", c->published_err);
    pack_kv_u64(pk, "plugin_errors", c->plugin_errors);
    pack_kv_u64(pk, "plugin_crashes", c->crashes);
    pack_kv_u64(pk, "plugin_timeouts", c->timeouts);
    pack_kv_u64(pk, "retries", c->retries);
    pack_kv_u64(pk, "batches", c->batches);
    pack_kv_u64(pk, "queue", self->q_len);
    pack_kv_u64(pk, "inflight", inflight_total(self));
    pack_kv_u64(pk, "workers_ready",
                (uint64_t)count_workers(self, self->gen, W_READY));
    pack_kv_u64(pk, "worker_starts", c->worker_starts);
    pack_kv_u64(pk, "worker_deaths", c->worker_deaths);
    pack_kv_u64(pk, "recycled", c->recycled);
    pack_kv_u64(pk, "worker_replace_us", (uint64_t)self->replace_us);
    pack_kv_u64(pk, "reloads", c->reloads);
    pack_kv_u64(pk, "reload_failures", c->reload_failures);
    pack_kv_u64(pk, "generation", (uint64_t)self->gen);
    prism_pack_cstr(pk, "rejected_by_code");
    size_t ncodes = 0;
    for (int i = 1; i <= PRISM_WIRE_INTERNAL; i++)
        ncodes += c->by_code[i] > 0;
    msgpack_pack_map(pk, ncodes);
    for (int i = 1; i <= PRISM_WIRE_INTERNAL; i++)
        if (c->by_code[i])
            pack_kv_u64(pk, prism_wire_code_name(i), c->by_code[i]);
}

static void pack_health(prism_broker_t *self, msgpack_packer *pk)
{
    int ready = count_workers(self, self->gen, W_READY);
    const char *status = self->draining         ? "draining"
                         : ready == 0           ? "down"
                         : ready < self->wanted ? "degraded"
                                                : "ok";
    msgpack_pack_map(pk, 7);
    prism_pack_cstr(pk, "ok");
    msgpack_pack_true(pk);
    prism_pack_cstr(pk, "status");
    prism_pack_cstr(pk, status);
    pack_kv_u64(pk, "workers_ready", (uint64_t)ready);
    pack_kv_u64(pk, "workers_wanted", (uint64_t)self->wanted);
    pack_kv_u64(pk, "queue", self->q_len);
    pack_kv_u64(pk, "queue_max", (uint64_t)self->cfg->queue_max);
    prism_pack_cstr(pk, "last_reload_error");
    if (self->last_reload_error[0])
        prism_pack_cstr(pk, self->last_reload_error);
    else
        msgpack_pack_nil(pk);
}

static void pack_plugins(prism_broker_t *self, msgpack_packer *pk)
{
    const worker_t *src = NULL;
    for (size_t i = 0; i < self->nworkers && !src; i++)
        if (self->workers[i].gen == self->gen &&
            self->workers[i].state == W_READY && self->workers[i].ready_info)
            src = &self->workers[i];
    msgpack_pack_map(pk, 3);
    prism_pack_cstr(pk, "ok");
    msgpack_pack_true(pk);
    prism_pack_cstr(pk, "generation");
    msgpack_pack_int64(pk, self->gen);
    prism_pack_cstr(pk, "plugins");
    msgpack_zone zone;
    msgpack_zone_init(&zone, 2048);
    msgpack_object o;
    size_t off = 0;
    bool packed = false;
    if (src &&
        msgpack_unpack(src->ready_info, src->ready_len, &off, &zone, &o) ==
            MSGPACK_UNPACK_SUCCESS &&
        o.type == MSGPACK_OBJECT_MAP) {
        for (uint32_t i = 0; i < o.via.map.size && !packed; i++) {
            msgpack_object_kv *kv = &o.via.map.ptr[i];
            if (kv->key.type == MSGPACK_OBJECT_STR &&
                kv->key.via.str.size == 7 &&
                memcmp(kv->key.via.str.ptr, "plugins", 7) == 0) {
                msgpack_pack_object(pk, kv->val);
                packed = true;
            }
        }
    }
    if (!packed)
        msgpack_pack_array(pk, 0);
    msgpack_zone_destroy(&zone);
}

static void on_control(prism_broker_t *self)
{
    zmq_msg_t f[8];
    int n = recv_frames(self->control, f, 8);
    if (n <= 0)
        return;
    /* [ident, (empty delimiter from REQ)?, command] */
    int nenv = n - 1;
    char cmd[32];
    snprintf(cmd, sizeof(cmd), "%.*s", (int)zmq_msg_size(&f[n - 1]),
             (const char *)zmq_msg_data(&f[n - 1]));
    msgpack_sbuffer sb;
    msgpack_sbuffer_init(&sb);
    msgpack_packer pk;
    msgpack_packer_init(&pk, &sb, msgpack_sbuffer_write);
    bool deferred = false;
    if (strcmp(cmd, "stats") == 0) {
        pack_stats(self, &pk);
    } else if (strcmp(cmd, "health") == 0) {
        pack_health(self, &pk);
    } else if (strcmp(cmd, "plugins") == 0) {
        pack_plugins(self, &pk);
    } else if (strcmp(cmd, "reload") == 0) {
        char why[1024];
        if (start_reload(self, why, sizeof(why)) == 0) {
            deferred = true; /* answered when the new workers are ready */
            for (int i = 0; i < nenv && i < 4; i++) {
                zmq_msg_init(&self->reload_env[i]);
                zmq_msg_copy(&self->reload_env[i], &f[i]);
            }
            self->reload_env_n = nenv < 4 ? nenv : 4;
        } else {
            msgpack_pack_map(&pk, 2);
            prism_pack_cstr(&pk, "ok");
            msgpack_pack_false(&pk);
            prism_pack_cstr(&pk, "error");
            prism_pack_cstr(&pk, why);
        }
    } else {
        char why[128];
        snprintf(why, sizeof(why),
                 "unknown command '%s' (stats, health, plugins, reload)", cmd);
        msgpack_pack_map(&pk, 2);
        prism_pack_cstr(&pk, "ok");
        msgpack_pack_false(&pk);
        prism_pack_cstr(&pk, "error");
        prism_pack_cstr(&pk, why);
    }
    if (!deferred)
        reply(self, f, nenv, sb.data, sb.size);
    msgpack_sbuffer_destroy(&sb);
    close_frames(f, n);
}

/* ---- signals ---------------------------------------------------------------
 */

static void on_signal(prism_broker_t *self)
{
    struct signalfd_siginfo si;
    while (read(self->sigfd, &si, sizeof(si)) == sizeof(si)) {
        switch (si.ssi_signo) {
        case SIGCHLD:
            reap_children(self);
            break;
        case SIGTERM:
        case SIGINT:
            if (!self->draining) {
                prism_info("signal %d: draining %zu queued and %zu in-flight "
                           "documents",
                           (int)si.ssi_signo, self->q_len,
                           inflight_total(self));
                self->draining = true;
                self->drain_deadline_us =
                    now_us() + (int64_t)self->cfg->drain_timeout_ms * 1000;
            }
            break;
        case SIGHUP: {
            char why[1024];
            start_reload(self, why, sizeof(why));
            break;
        }
        default:
            break;
        }
    }
}

/* ---- set-up ----------------------------------------------------------------
 */

static char *sibling_binary(const char *name)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n <= 0)
        return strdup(name);
    exe[n] = '\0';
    char *dir = prism_path_dir(exe);
    char *path = prism_path_join(dir, name);
    free(dir);
    return path;
}

static char *default_worker_endpoint(prism_broker_t *self)
{
    char dir[4096];
    const char *rt = self->cfg->runtime_dir;
    if (rt && rt[0])
        snprintf(dir, sizeof(dir), "%s", rt);
    else if (getenv("XDG_RUNTIME_DIR"))
        snprintf(dir, sizeof(dir), "%s/prism", getenv("XDG_RUNTIME_DIR"));
    else
        snprintf(dir, sizeof(dir), "/tmp/prism-%d", (int)getuid());
    if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
        prism_error("cannot create runtime folder %s: %s", dir,
                    strerror(errno));
        return NULL;
    }
    char path[4200];
    snprintf(path, sizeof(path), "%s/workers-%d.ipc", dir, (int)getpid());
    self->ipc_path = strdup(path);
    char ep[4300];
    snprintf(ep, sizeof(ep), "ipc://%s", path);
    return strdup(ep);
}

static int bind_socket(void *sock, const char *what, const char *ep, char *err,
                       size_t errlen)
{
    if (zmq_bind(sock, ep) == 0)
        return 0;
    snprintf(err, errlen, "cannot bind daemon.%s = %s: %s", what, ep,
             zmq_strerror(zmq_errno()));
    return -1;
}

prism_broker_t *prism_broker_new(prism_config_t **cfg_p,
                                 const char *config_file,
                                 const char *const *sets, size_t nsets,
                                 char *err, size_t errlen)
{
    prism_broker_t *self = calloc(1, sizeof(*self));
    if (!self) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    self->cfg = *cfg_p;
    *cfg_p = NULL;
    self->config_file = config_file;
    self->sets = sets;
    self->nsets = nsets;
    self->sigfd = -1;
    self->inotify_fd = -1;
    self->gen = 1;
    self->wanted = self->cfg->workers;
    self->started_us = now_us();
    self->limits.max_doc_bytes = (size_t)self->cfg->max_doc_bytes;
    self->limits.max_depth = self->cfg->max_depth;
    self->limits.max_fields = self->cfg->max_fields;
    msgpack_sbuffer_init(&self->sb);
    self->worker_bin = sibling_binary("prism-worker");
    if (access(self->worker_bin, X_OK) != 0) {
        snprintf(err, errlen, "cannot run %s: %s", self->worker_bin,
                 strerror(errno));
        goto out_destroy;
    }
    self->worker_endpoint = self->cfg->worker_endpoint[0]
                                ? strdup(self->cfg->worker_endpoint)
                                : default_worker_endpoint(self);
    if (!self->worker_endpoint) {
        snprintf(err, errlen, "no worker endpoint");
        goto out_destroy;
    }

    self->ctx = zmq_ctx_new();
    self->input = zmq_socket(self->ctx, ZMQ_PULL);
    self->output = zmq_socket(self->ctx, ZMQ_PUB);
    self->control = zmq_socket(self->ctx, ZMQ_ROUTER);
    self->workers_sock = zmq_socket(self->ctx, ZMQ_ROUTER);
    /* A message over ZMQ_MAXMSGSIZE makes libzmq drop the sender's
     * connection, and what was queued behind it; keep that limit far above
     * max_doc_bytes so oversized documents get a too_large answer. */
    int64_t maxmsg =
        self->cfg->zmq_max_msg_bytes ? self->cfg->zmq_max_msg_bytes : -1;
    zmq_setsockopt(self->input, ZMQ_MAXMSGSIZE, &maxmsg, sizeof(maxmsg));
    zmq_setsockopt(self->input, ZMQ_RCVHWM, &self->cfg->rcvhwm, sizeof(int));
    zmq_setsockopt(self->output, ZMQ_SNDHWM, &self->cfg->sndhwm, sizeof(int));
    int linger = 2000, zero = 0, one = 1;
    zmq_setsockopt(self->output, ZMQ_LINGER, &linger, sizeof(linger));
    zmq_setsockopt(self->input, ZMQ_LINGER, &zero, sizeof(zero));
    zmq_setsockopt(self->control, ZMQ_LINGER, &zero, sizeof(zero));
    zmq_setsockopt(self->workers_sock, ZMQ_LINGER, &linger, sizeof(linger));
    /* a send to a worker that is gone fails instead of vanishing */
    zmq_setsockopt(self->workers_sock, ZMQ_ROUTER_MANDATORY, &one, sizeof(one));
    zmq_setsockopt(self->control, ZMQ_ROUTER_MANDATORY, &zero, sizeof(zero));
    if (bind_socket(self->workers_sock, "worker_endpoint",
                    self->worker_endpoint, err, errlen) ||
        bind_socket(self->output, "output", self->cfg->output, err, errlen) ||
        bind_socket(self->control, "control", self->cfg->control, err,
                    errlen) ||
        bind_socket(self->input, "input", self->cfg->input, err, errlen))
        goto out_destroy;

    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGCHLD);
    sigaddset(&mask, SIGTERM);
    sigaddset(&mask, SIGINT);
    sigaddset(&mask, SIGHUP);
    sigprocmask(SIG_BLOCK, &mask, NULL);
    self->sigfd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
    if (self->sigfd < 0) {
        snprintf(err, errlen, "signalfd: %s", strerror(errno));
        goto out_destroy;
    }
    for (int i = 0; i < self->wanted; i++)
        if (spawn_worker(self, self->gen) < 0) {
            snprintf(err, errlen, "cannot start workers");
            goto out_destroy;
        }
    watch_setup(self);
    return self;

out_destroy:
    prism_broker_destroy(&self);
    return NULL;
}

/* ---- the loop ---------------------------------------------------------- */

static void shut_down_workers(prism_broker_t *self)
{
    for (size_t i = 0; i < self->nworkers; i++) {
        worker_t *w = &self->workers[i];
        if (w->state != W_GONE) {
            w->state = W_RETIRING;
            if (w->pid)
                kill(w->pid, SIGTERM);
            else
                send_stop(self, w);
        }
    }
    /* give them a moment to run fini(), then make sure */
    int64_t deadline = now_us() + 3000000;
    for (;;) {
        bool alive = false;
        reap_children(self);
        for (size_t i = 0; i < self->nworkers; i++)
            if (self->workers[i].state != W_GONE && self->workers[i].pid)
                alive = true;
        if (!alive)
            break;
        if (now_us() > deadline) {
            for (size_t i = 0; i < self->nworkers; i++)
                if (self->workers[i].state != W_GONE && self->workers[i].pid)
                    kill(self->workers[i].pid, SIGKILL);
            deadline = now_us() + 1000000;
        }
        usleep(10000);
    }
}

/* At a drain that timed out: every accepted document not yet published gets
 * an err record, so that none goes unanswered. */
static void answer_unfinished(prism_broker_t *self)
{
    static const char why[] =
        "prismd stopped before this document was processed "
        "(drain_timeout_ms passed)";
    for (job_t *j; (j = queue_pop(self));) {
        publish_err(self, j->doc_id, PRISM_WIRE_INTERNAL, why, NULL,
                    zmq_msg_data(&j->msg), zmq_msg_size(&j->msg));
        job_free(j);
    }
    for (size_t i = 0; i < self->nworkers; i++) {
        worker_t *w = &self->workers[i];
        while (w->head) {
            job_t *j = w->head;
            w->head = j->next;
            publish_err(self, j->doc_id, PRISM_WIRE_INTERNAL, why, NULL,
                        zmq_msg_data(&j->msg), zmq_msg_size(&j->msg));
            job_free(j);
        }
        w->tail = NULL;
        w->inflight = 0;
    }
}

int prism_broker_run(prism_broker_t *self)
{
    prism_info("prismd %s: input %s, output %s, control %s, %d workers",
               self->cfg->pub_id, self->cfg->input, self->cfg->output,
               self->cfg->control, self->wanted);
    zmq_msg_t *frames = calloc(MAX_FRAMES, sizeof(zmq_msg_t));
    if (!frames)
        return 1;
    while (!self->stop) {
        zmq_pollitem_t items[5] = {
            {.socket = self->workers_sock, .events = ZMQ_POLLIN},
            {.socket = self->control, .events = ZMQ_POLLIN},
            {.fd = self->sigfd, .events = ZMQ_POLLIN},
            {.fd = self->inotify_fd >= 0 ? self->inotify_fd : self->sigfd,
             .events = self->inotify_fd >= 0 ? ZMQ_POLLIN : 0},
            {.socket = self->input, .events = ZMQ_POLLIN},
        };
        /* backpressure: with a full queue the input is not read, and the
         * senders' PUSH sockets block at their high-water mark */
        bool take_input =
            !self->draining && self->q_len < (size_t)self->cfg->queue_max;
        int nitems = take_input ? 5 : 4;
        if (zmq_poll(items, nitems, 50) < 0 && zmq_errno() != EINTR)
            break;
        /* answers first: a worker that answered and then died should not
         * have its answered documents sent again */
        if (items[0].revents || items[2].revents) {
            int n;
            while ((n = recv_frames(self->workers_sock, frames, MAX_FRAMES)) >
                   0) {
                on_worker_message(self, frames, n);
                close_frames(frames, n);
            }
        }
        if (items[2].revents)
            on_signal(self);
        if (items[1].revents)
            on_control(self);
        if (items[3].revents)
            on_inotify(self);
        if (take_input && items[4].revents)
            on_input(self);
        dispatch(self);
        check_timeouts(self);
        check_rss(self);
        reload_if_due(self);
        respawn(self);
        if (self->draining && !self->q_head && inflight_total(self) == 0)
            break;
        if (self->draining && now_us() > self->drain_deadline_us) {
            prism_warn("drain_timeout_ms passed with %zu documents left",
                       self->q_len + inflight_total(self));
            answer_unfinished(self);
            break;
        }
    }
    free(frames);
    shut_down_workers(self);
    prism_info("stopped: %llu accepted, %llu published, %llu rejected",
               (unsigned long long)self->n.accepted,
               (unsigned long long)self->n.published,
               (unsigned long long)self->n.rejected);
    return self->exit_code;
}

void prism_broker_destroy(prism_broker_t **self_p)
{
    if (!self_p || !*self_p)
        return;
    prism_broker_t *self = *self_p;
    job_t *j;
    while ((j = queue_pop(self)))
        job_free(j);
    for (size_t i = 0; i < self->nworkers; i++) {
        worker_t *w = &self->workers[i];
        while (w->head) {
            j = w->head;
            w->head = j->next;
            job_free(j);
        }
        worker_clear(w);
    }
    free(self->workers);
    close_frames(self->reload_env, self->reload_env_n);
    if (self->input)
        zmq_close(self->input);
    if (self->output)
        zmq_close(self->output);
    if (self->control)
        zmq_close(self->control);
    if (self->workers_sock)
        zmq_close(self->workers_sock);
    if (self->ctx)
        zmq_ctx_term(self->ctx);
    if (self->sigfd >= 0)
        close(self->sigfd);
    if (self->inotify_fd >= 0)
        close(self->inotify_fd);
    if (self->ipc_path)
        unlink(self->ipc_path);
    free(self->ipc_path);
    free(self->worker_endpoint);
    free(self->worker_bin);
    prism_config_destroy(&self->cfg);
    prism_config_destroy(&self->pending_cfg);
    msgpack_sbuffer_destroy(&self->sb);
    free(self);
    *self_p = NULL;
}

/*
 * The worker side of the broker <-> worker protocol (internal, over a
 * DEALER socket connected to the broker's ROUTER):
 *
 *   worker -> broker   "ready" {pid, plugins: [...]}   plugins loaded
 *                      "fail"  message                 they did not load
 *                      "done"  [job, nbody, elapsed_us, nerrors] body id
 *                              (plugin prov result)*   one document done
 *   broker -> worker   "job"   [job, received_ms] message
 *                      "stop"                          finish and exit
 *
 * A worker runs one document at a time, in the order received, so the
 * broker knows which of the documents it sent ahead is being worked on.
 */
#ifndef PRISM_WORKER_H
#define PRISM_WORKER_H

#include "config.h"

typedef struct prism_worker_opts {
    const char *endpoint; /* the broker's worker endpoint */
    const char *identity; /* routing id, or NULL for a random one */
    int status_fd;        /* shared page from prismd, or -1 */
} prism_worker_opts_t;

/* Loads the plugins of cfg, connects and serves until told to stop or
 * SIGTERM. Returns the process exit code. */
int prism_worker_run(const prism_config_t *cfg,
                     const prism_worker_opts_t *opts);

#endif

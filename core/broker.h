/*
 * prismd, the broker (DESIGN §1): owns every external socket, checks each
 * input message, keeps a bounded queue of accepted documents, hands them to
 * idle worker processes (credit-based load balancing: each worker holds at
 * most daemon.worker_prefetch documents), publishes results on the PUB
 * socket, and supervises the workers: a worker that dies or hangs is
 * replaced and its documents are retried or answered on `err`. It never
 * runs plugin code, so no plugin can crash it.
 *
 * One thread, one zmq_poll loop; signals arrive through a signalfd polled
 * alongside the sockets.
 */
#ifndef PRISM_BROKER_H
#define PRISM_BROKER_H

#include <stddef.h>

#include "config.h"

typedef struct prism_broker prism_broker_t;

/*
 * Binds the sockets of cfg and starts the workers. config_file and sets
 * are passed to every worker (and re-read on reload). NULL and a message on
 * failure. Ownership: the broker takes cfg (*cfg_p is nulled); it borrows
 * config_file and sets, which must outlive it.
 */
prism_broker_t *prism_broker_new(prism_config_t **cfg_p,
                                 const char *config_file,
                                 const char *const *sets, size_t nsets,
                                 char *err, size_t errlen);

/* Runs until SIGTERM/SIGINT and a drain. Returns the exit code. */
int prism_broker_run(prism_broker_t *self);

void prism_broker_destroy(prism_broker_t **self_p);

#endif

/*
 * prism-worker: loads the plugins and runs documents for a broker.
 *
 * prismd starts and supervises these itself; start one by hand to add CPU
 * from another machine:  prism-worker -c prism.conf --connect tcp://HOST:PORT
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "util.h"
#include "worker.h"

static void usage(FILE *out)
{
    fprintf(out,
            "usage: prism-worker [-c CONFIG] [--set SECTION.KEY=VALUE]... "
            "--connect ENDPOINT\n"
            "\n"
            "Loads the plugins of CONFIG and processes documents for the "
            "prismd broker\n"
            "whose worker endpoint is ENDPOINT (its daemon.worker_endpoint, "
            "e.g.\n"
            "tcp://10.0.0.5:5560). prismd starts its own workers; run this "
            "by hand only\n"
            "to add workers on another machine.\n"
            "\n"
            "  -c, --config FILE     config file (default config/prism.conf)\n"
            "      --set S.K=V       override a config key (repeatable)\n"
            "      --connect EP      the broker's worker endpoint (required)\n"
            "      --id ID           routing identity (set by prismd)\n"
            "      --status-fd N     shared status page (set by prismd)\n"
            "  -h, --help            this help\n");
}

int main(int argc, char **argv)
{
    const char *config = "config/prism.conf";
    const char **sets = calloc((size_t)argc, sizeof(char *));
    size_t nsets = 0;
    prism_worker_opts_t opts = {.status_fd = -1};
    static const struct option longopts[] = {
        {"config", required_argument, NULL, 'c'},
        {"set", required_argument, NULL, 's'},
        {"connect", required_argument, NULL, 'e'},
        {"id", required_argument, NULL, 'i'},
        {"status-fd", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},
        {0}};
    int c;
    while ((c = getopt_long(argc, argv, "c:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'c':
            config = optarg;
            break;
        case 's':
            sets[nsets++] = optarg;
            break;
        case 'e':
            opts.endpoint = optarg;
            break;
        case 'i':
            opts.identity = optarg;
            break;
        case 'f':
            opts.status_fd = atoi(optarg);
            break;
        case 'h':
            usage(stdout);
            free(sets);
            return 0;
        default:
            usage(stderr);
            free(sets);
            return 2;
        }
    }
    if (!opts.endpoint || optind != argc) {
        usage(stderr);
        free(sets);
        return 2;
    }
    char err[1024];
    prism_config_t *cfg =
        prism_config_load(config, sets, nsets, err, sizeof(err));
    if (!cfg) {
        fprintf(stderr, "prism-worker: %s\n", err);
        free(sets);
        return 2;
    }
    prism_log_setup("prism-worker", cfg->log_level);
    int rc = prism_worker_run(cfg, &opts);
    prism_config_destroy(&cfg);
    free(sets);
    return rc;
}

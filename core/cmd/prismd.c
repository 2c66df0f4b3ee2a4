/*
 * prismd: the prism daemon (the broker). See core/broker.h.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "broker.h"
#include "config.h"
#include "util.h"

static void usage(FILE *out)
{
    fprintf(out,
            "usage: prismd [-c CONFIG] [--set SECTION.KEY=VALUE]... "
            "[--check]\n"
            "\n"
            "Receives documents on daemon.input (ZeroMQ PULL, msgpack maps "
            "with id and\n"
            "text), runs them through the plugins in worker processes, and "
            "publishes the\n"
            "results on daemon.output (PUB; topics doc, r.PLUGIN, err). "
            "Stop it with\n"
            "SIGTERM (it drains first); SIGHUP reloads plugins and config.\n"
            "\n"
            "  -c, --config FILE   config file (default config/prism.conf)\n"
            "      --set S.K=V     override a config key, e.g. --set "
            "daemon.workers=2\n"
            "                      or --set plugin.faulty.path=x.so "
            "(repeatable)\n"
            "      --check         check the config and exit\n"
            "  -h, --help          this help\n"
            "\n"
            "[daemon] keys (key, default, meaning):\n");
    prism_config_print_keys(out);
}

int main(int argc, char **argv)
{
    const char *config = "config/prism.conf";
    const char **sets = calloc((size_t)argc + 1, sizeof(char *));
    size_t nsets = 0;
    int check = 0;
    static const struct option longopts[] = {
        {"config", required_argument, NULL, 'c'},
        {"set", required_argument, NULL, 's'},
        {"check", no_argument, NULL, 'k'},
        {"help", no_argument, NULL, 'h'},
        {0}};
    int c, rc = 2;
    while ((c = getopt_long(argc, argv, "c:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'c':
            config = optarg;
            break;
        case 's':
            sets[nsets++] = optarg;
            break;
        case 'k':
            check = 1;
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
    if (optind != argc) {
        fprintf(stderr, "prismd: unexpected argument '%s'\n", argv[optind]);
        free(sets);
        return 2;
    }
    char err[2048];
    prism_config_t *cfg =
        prism_config_load(config, sets, nsets, err, sizeof(err));
    if (!cfg) {
        fprintf(stderr, "prismd: %s\n", err);
        free(sets);
        return 2;
    }
    prism_log_setup("prismd", cfg->log_level);
    if (check) {
        printf("%s: ok\n", config);
        prism_config_destroy(&cfg);
        free(sets);
        return 0;
    }
    prism_broker_t *b =
        prism_broker_new(&cfg, config, sets, nsets, err, sizeof(err));
    if (!b) {
        fprintf(stderr, "prismd: %s\n", err);
        prism_config_destroy(&cfg);
        free(sets);
        return 1;
    }
    rc = prism_broker_run(b);
    prism_broker_destroy(&b);
    free(sets);
    return rc;
}

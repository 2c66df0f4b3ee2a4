/*
 * prism: the command-line tool. One program, one subcommand per task:
 * process (run the pipeline in-process), send, sub, ctl, bench, plugins.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prism_cli.h"
#include "util.h"

static const struct {
    const char *name;
    int (*run)(int, char **);
    const char *help;
} commands[] = {
    {"process", prism_cmd_process,
     "run the plugins in-process over JSON Lines; print doc records"},
    {"send", prism_cmd_send, "push documents to a running prismd"},
    {"sub", prism_cmd_sub, "print what prismd publishes, as JSON Lines"},
    {"ctl", prism_cmd_ctl, "ask prismd: stats, health, plugins, reload"},
    {"bench", prism_cmd_bench,
     "time the in-process pipeline per plugin over a file"},
    {"plugins", prism_cmd_plugins,
     "load the configured plugins and list them with their options"},
    {"check-plugin", prism_cmd_check_plugin,
     "check that a plugin survives hostile input and writes good results"},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: prism COMMAND [OPTIONS] [ARGS]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        fprintf(out, "  %-13s %s\n", commands[i].name, commands[i].help);
    fprintf(out, "\n'prism COMMAND --help' describes each.\n");
}

prism_config_t *cli_load_config(const char *cmd, const cli_config_opts_t *o)
{
    char err[2048];
    prism_config_t *cfg =
        prism_config_load(o->file, o->sets, o->nsets, err, sizeof(err));
    if (!cfg)
        fprintf(stderr, "prism %s: %s\n", cmd, err);
    else
        prism_log_setup("prism", cfg->log_level);
    return cfg;
}

long cli_read_line(FILE *f, char **line, size_t *cap)
{
    ssize_t n = getline(line, cap, f);
    if (n < 0)
        return -1;
    while (n > 0 && ((*line)[n - 1] == '\n' || (*line)[n - 1] == '\r'))
        (*line)[--n] = '\0';
    return (long)n;
}

int main(int argc, char **argv)
{
    prism_log_setup("prism", PRISM_LOG_WARN);
    if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
        strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "prism: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}

/*
 * The `prism` command's subcommands, one file each (prism_process.c, ...),
 * and the option handling they share.
 */
#ifndef PRISM_CLI_H
#define PRISM_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "config.h"

#define PRISM_DEFAULT_INPUT   "tcp://127.0.0.1:5557"
#define PRISM_DEFAULT_OUTPUT  "tcp://127.0.0.1:5558"
#define PRISM_DEFAULT_CONTROL "tcp://127.0.0.1:5559"

int prism_cmd_process(int argc, char **argv);
int prism_cmd_send(int argc, char **argv);
int prism_cmd_sub(int argc, char **argv);
int prism_cmd_ctl(int argc, char **argv);
int prism_cmd_bench(int argc, char **argv);
int prism_cmd_plugins(int argc, char **argv);
int prism_cmd_check_plugin(int argc, char **argv);

/* -c/--set handling shared by the subcommands that load a config. */
typedef struct cli_config_opts {
    const char *file;
    const char **sets;
    size_t nsets;
    int runs;    /* -n/--runs, for bench */
    int timeout; /* --timeout SECONDS, for check-plugin */
} cli_config_opts_t;

/* Parses -c/--set/-n/--timeout/-h; returns the index of the first operand, or
 * -1 to exit with *rc (after printing usage for -h or a bad option). */
int cli_parse_config_opts(int argc, char **argv, cli_config_opts_t *o,
                          void (*usage)(FILE *), int *rc);

/* Loads the config the options name; prints the error and returns NULL. */
prism_config_t *cli_load_config(const char *cmd, const cli_config_opts_t *o);

/* Reads one line of a JSON Lines stream; returns its length or -1 at EOF.
 * *line is reused (getline). */
long cli_read_line(FILE *f, char **line, size_t *cap);

#endif

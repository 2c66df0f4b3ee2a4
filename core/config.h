/*
 * Configuration: one INI file (DESIGN §4) plus `--set SECTION.KEY=VALUE`
 * overrides, parsed with inih and validated here, so that prismd, the
 * workers and `prism process` all see exactly the same settings.
 *
 * [daemon] keys are declared as rows of a table (name, type, default,
 * help), as nginx declares its directives; `prism config --keys` prints the
 * table, so the README cannot drift from the code. [plugin.NAME] sections
 * hold `path`, `enabled` and the plugin's own keys, which the loader checks
 * against the plugin's declared options. Every error names file:line.
 */
#ifndef PRISM_CONFIG_H
#define PRISM_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* One key = value, with where it was set (for messages and paths). */
typedef struct prism_kv {
    char *key, *value;
    char *origin; /* the file, or "--set" */
    int line;     /* line in the file, or the --set argument's position */
    char *dir;    /* folder relative paths resolve against */
} prism_kv_t;

typedef struct prism_plugin_conf {
    char *name; /* NAME of [plugin.NAME] */
    char *path; /* resolved path of the .so */
    bool enabled;
    prism_kv_t *kv; /* the plugin's own keys (not path/enabled) */
    size_t nkv;
    char *origin; /* where the section was first seen */
    int line;
} prism_plugin_conf_t;

typedef struct prism_config {
    char *file; /* the config file, or NULL for built-in defaults */
    /* [daemon] */
    char *input, *output, *control, *worker_endpoint, *runtime_dir;
    char *plugin_dir, *pub_id;
    int workers; /* resolved: "auto" = number of cores */
    int64_t max_doc_bytes, zmq_max_msg_bytes, worker_batch_bytes;
    int max_depth, max_fields;
    int queue_max, worker_prefetch;
    int plugin_timeout_ms, worker_max_docs, worker_max_rss_mb;
    int start_timeout_ms, drain_timeout_ms;
    bool watch_plugins;
    int sndhwm, rcvhwm;
    bool echo_text;
    int log_level;
    /* [plugin.NAME] sections, in the order first seen */
    prism_plugin_conf_t *plugins;
    size_t nplugins;
    /* every key that was set, in order (for hashing and `prism config`) */
    prism_kv_t *all;
    size_t nall;
} prism_config_t;

/*
 * Reads `file` (NULL: defaults only) and then applies `sets`, each
 * "SECTION.KEY=VALUE". On error returns NULL and writes "file:line: message"
 * into err (errlen bytes). Ownership: caller destroys the result.
 */
prism_config_t *prism_config_load(const char *file, const char *const *sets,
                                  size_t nsets, char *err, size_t errlen);

/* Frees a config and nulls the pointer. Accepts NULL. */
void prism_config_destroy(prism_config_t **self_p);

/* Looks up a plugin section by name, or NULL. Borrowed. */
const prism_plugin_conf_t *prism_config_plugin(const prism_config_t *self,
                                               const char *name);

/* Prints the [daemon] key table: key, default, help (for --help and docs). */
void prism_config_print_keys(FILE *out);

#endif

/*
 * The plugin loader: opens each enabled [plugin.NAME] with dlopen(), checks
 * its ABI and descriptor, validates its config keys, orders the pipeline by
 * `needs` and `after`, and runs init() in that order.
 *
 * Every refusal is an error message naming the file: another ABI major, a
 * missing entry symbol, a descriptor too small, a name that differs from
 * the section, a duplicate, an unknown config key (with file:line), a
 * `needs` that is not loaded, a cycle, an init() that failed.
 */
#ifndef PRISM_LOADER_H
#define PRISM_LOADER_H

#include <stddef.h>

#include "config.h"
#include "host.h"
#include "prism/plugin.h"

typedef struct prism_loaded {
    char *path;
    void *handle;
    prism_plugin desc; /* a zeroed copy; fields past struct_size read 0 */
    struct prism_conf conf;
    void *state;
    bool inited;
    char config_hash[17]; /* hex FNV-1a of version and effective options */
} prism_loaded_t;

typedef struct prism_loader {
    prism_loaded_t *plugins; /* in pipeline order */
    size_t n;
    char *config_dir; /* the config file's folder, or the working folder */
} prism_loader_t;

/*
 * Loads and initialises every enabled plugin of cfg. Returns 0, or a
 * negative PRISM_E* and a message in err. On failure nothing stays loaded.
 * Ownership: the loader borrows cfg, which must outlive it.
 */
int prism_loader_open(prism_loader_t *self, const prism_config_t *cfg,
                      char *err, size_t errlen);

/* Calls fini() in reverse order and unloads everything. Idempotent. */
void prism_loader_close(prism_loader_t *self);

/* The resolved .so path of a plugin section (its `path`, or NAME.so in the
 * plugin folder). Caller frees. */
char *prism_loader_plugin_path(const prism_config_t *cfg,
                               const prism_plugin_conf_t *pc);

#endif

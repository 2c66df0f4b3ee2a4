/*
 * dlopen() plugins, check them, order them and run their init().
 */
#include "loader.h"

#include <dlfcn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

static int failf(char *err, size_t errlen, int rc, const char *fmt, ...)
    PRISM_PRINTF(4, 5);
static int failf(char *err, size_t errlen, int rc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return rc;
}

/* The folder plugins are looked for in when plugin_dir is empty: ../plugins
 * next to the running binary (build/bin -> build/plugins), or the installed
 * ../lib/prism/plugins. */
static char *default_plugin_dir(void)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
    if (n <= 0)
        return strdup("plugins");
    exe[n] = '\0';
    char *bindir = prism_path_dir(exe);
    char *top = bindir ? prism_path_dir(bindir) : NULL;
    free(bindir);
    if (!top)
        return NULL;
    char *dir = prism_path_join(top, "plugins");
    if (dir && access(dir, F_OK) != 0) {
        free(dir);
        dir = prism_path_join(top, "lib/prism/plugins");
    }
    free(top);
    return dir;
}

char *prism_loader_plugin_path(const prism_config_t *cfg,
                               const prism_plugin_conf_t *pc)
{
    if (pc->path)
        return strdup(pc->path);
    char file[80];
    snprintf(file, sizeof(file), "%s.so", pc->name);
    if (cfg->plugin_dir && cfg->plugin_dir[0])
        return prism_path_join(cfg->plugin_dir, file);
    char *dir = default_plugin_dir();
    char *path = prism_path_join(dir, file);
    free(dir);
    return path;
}

static bool in_list(const char *const *list, const char *name)
{
    for (; list && *list; list++)
        if (strcmp(*list, name) == 0)
            return true;
    return false;
}

/* Checks the section's keys against the plugin's declared options. */
static int check_options(const prism_loaded_t *p, char *err, size_t errlen)
{
    if (!p->desc.options)
        return 0;
    const prism_plugin_conf_t *sec = p->conf.section;
    for (size_t i = 0; i < sec->nkv; i++) {
        const prism_option *o = p->desc.options;
        for (; o->name; o++)
            if (strcmp(o->name, sec->kv[i].key) == 0)
                break;
        if (o->name)
            continue;
        char known[512] = "path, enabled";
        size_t used = strlen(known);
        for (o = p->desc.options; o->name && used < sizeof(known) - 2; o++)
            used += (size_t)snprintf(known + used, sizeof(known) - used, ", %s",
                                     o->name);
        return failf(err, errlen, PRISM_ECONFIG,
                     "%s:%d: unknown key '%s' in [plugin.%s] (known: %s)",
                     sec->kv[i].origin, sec->kv[i].line, sec->kv[i].key,
                     sec->name, known);
    }
    return 0;
}

static void hash_config(prism_loaded_t *p)
{
    uint64_t h = PRISM_FNV_SEED;
    h = prism_fnv1a(h, p->desc.name, strlen(p->desc.name) + 1);
    if (p->desc.version)
        h = prism_fnv1a(h, p->desc.version, strlen(p->desc.version) + 1);
    const prism_plugin_conf_t *sec = p->conf.section;
    if (p->desc.options) {
        /* the effective value of every option, in the plugin's order */
        for (const prism_option *o = p->desc.options; o->name; o++) {
            const char *v = prism_host_table.conf_get(&p->conf, o->name);
            h = prism_fnv1a(h, o->name, strlen(o->name) + 1);
            h = prism_fnv1a(h, v ? v : "", v ? strlen(v) + 1 : 1);
        }
    } else {
        for (size_t i = 0; i < sec->nkv; i++) {
            h = prism_fnv1a(h, sec->kv[i].key, strlen(sec->kv[i].key) + 1);
            h = prism_fnv1a(h, sec->kv[i].value, strlen(sec->kv[i].value) + 1);
        }
    }
    snprintf(p->config_hash, sizeof(p->config_hash), "%016llx",
             (unsigned long long)h);
}

/* Opens one plugin and checks its descriptor. */
static int open_one(prism_loaded_t *p, const prism_config_t *cfg,
                    const prism_plugin_conf_t *sec, char *err, size_t errlen)
{
    p->conf.section = sec;
    p->path = prism_loader_plugin_path(cfg, sec);
    if (!p->path)
        return failf(err, errlen, PRISM_ENOMEM, "out of memory");
    /* RTLD_LOCAL: plugins cannot see each other's symbols; RTLD_NOW: an
     * unresolved symbol fails here, not in the middle of a document. */
    p->handle = dlopen(p->path, RTLD_NOW | RTLD_LOCAL);
    if (!p->handle)
        return failf(err, errlen, PRISM_EPLUGIN,
                     "%s:%d: [plugin.%s]: cannot load %s: %s", sec->origin,
                     sec->line, sec->name, p->path, dlerror());
    void *sym = dlsym(p->handle, PRISM_PLUGIN_ENTRY);
    if (!sym)
        return failf(err, errlen, PRISM_EPLUGIN,
                     "%s: not a prism plugin: no symbol %s (export it with "
                     "PRISM_EXPORT)",
                     p->path, PRISM_PLUGIN_ENTRY);
    const prism_plugin *(*entry)(const prism_host *);
    *(void **)&entry = sym;
    prism__host_set_current(sec->name);
    const prism_plugin *d = entry(&prism_host_table);
    prism__host_set_current(NULL);
    if (!d)
        return failf(err, errlen, PRISM_EPLUGIN,
                     "%s: %s() returned NULL: the plugin refused to load",
                     p->path, PRISM_PLUGIN_ENTRY);
    /* the three version words come first in every version of the
     * descriptor */
    if (d->abi_major != PRISM_ABI_MAJOR)
        return failf(err, errlen, PRISM_EABI,
                     "%s: plugin ABI %u.%u, but this prism speaks ABI %d.%d: "
                     "rebuild the plugin against this prism's "
                     "prism/plugin.h",
                     p->path, d->abi_major, d->abi_minor, PRISM_ABI_MAJOR,
                     PRISM_ABI_MINOR);
    if (d->abi_minor > PRISM_ABI_MINOR)
        return failf(err, errlen, PRISM_EABI,
                     "%s: plugin needs ABI %u.%u, newer than this prism's "
                     "%d.%d: upgrade prism",
                     p->path, d->abi_major, d->abi_minor, PRISM_ABI_MAJOR,
                     PRISM_ABI_MINOR);
    size_t need = offsetof(prism_plugin, fini) + sizeof(d->fini);
    if (d->struct_size < offsetof(prism_plugin, process) + sizeof(d->process))
        return failf(err, errlen, PRISM_EABI,
                     "%s: descriptor of %u bytes is too small to hold "
                     "process()",
                     p->path, d->struct_size);
    /* copy only what the plugin's struct_size covers; never our sizeof */
    memset(&p->desc, 0, sizeof(p->desc));
    memcpy(&p->desc, d,
           d->struct_size < sizeof(p->desc) ? d->struct_size : sizeof(p->desc));
    (void)need;
    if (!p->desc.name || !p->desc.process)
        return failf(err, errlen, PRISM_EPLUGIN,
                     "%s: the descriptor has no name or no process()", p->path);
    if (strcmp(p->desc.name, sec->name) != 0)
        return failf(err, errlen, PRISM_EPLUGIN,
                     "%s:%d: %s calls itself '%s', but is configured as "
                     "[plugin.%s]",
                     sec->origin, sec->line, p->path, p->desc.name, sec->name);
    p->conf.options = p->desc.options;
    return check_options(p, err, errlen);
}

/* Orders plugins so that every `needs` and loaded `after` runs first
 * (Kahn's algorithm, stable: ties keep the config order). */
static int order(prism_loaded_t *ps, size_t n, char *err, size_t errlen)
{
    for (size_t i = 0; i < n; i++) {
        for (const char *const *need = ps[i].desc.needs; need && *need;
             need++) {
            size_t j = 0;
            while (j < n && strcmp(ps[j].desc.name, *need) != 0)
                j++;
            if (j == n)
                return failf(err, errlen, PRISM_EPLUGIN,
                             "%s: plugin '%s' needs '%s', which is not "
                             "loaded (add and enable [plugin.%s])",
                             ps[i].path, ps[i].desc.name, *need, *need);
        }
    }
    prism_loaded_t *sorted = calloc(n ? n : 1, sizeof(*sorted));
    bool *done = calloc(n ? n : 1, sizeof(bool));
    if (!sorted || !done) {
        free(sorted);
        free(done);
        return failf(err, errlen, PRISM_ENOMEM, "out of memory");
    }
    size_t placed = 0;
    while (placed < n) {
        size_t pick = n;
        for (size_t i = 0; i < n && pick == n; i++) {
            if (done[i])
                continue;
            bool ready = true;
            for (size_t j = 0; j < n && ready; j++) {
                if (done[j] || j == i)
                    continue;
                if (in_list(ps[i].desc.needs, ps[j].desc.name) ||
                    in_list(ps[i].desc.after, ps[j].desc.name))
                    ready = false;
            }
            if (ready)
                pick = i;
        }
        if (pick == n) {
            char names[512] = "", files[1536] = "";
            size_t used = 0, fused = 0;
            for (size_t i = 0; i < n; i++) {
                if (done[i])
                    continue;
                if (used < sizeof(names) - 2)
                    used += (size_t)snprintf(names + used, sizeof(names) - used,
                                             "%s%s", used ? ", " : "",
                                             ps[i].desc.name);
                if (fused < sizeof(files) - 2)
                    fused +=
                        (size_t)snprintf(files + fused, sizeof(files) - fused,
                                         "%s%s", fused ? ", " : "", ps[i].path);
            }
            free(sorted);
            free(done);
            return failf(err, errlen, PRISM_EPLUGIN,
                         "plugins %s wait for each other through "
                         "needs/after: a cycle (%s)",
                         names, files);
        }
        done[pick] = true;
        sorted[placed++] = ps[pick];
    }
    memcpy(ps, sorted, n * sizeof(*ps));
    free(sorted);
    free(done);
    return 0;
}

int prism_loader_open(prism_loader_t *self, const prism_config_t *cfg,
                      char *err, size_t errlen)
{
    int rc = 0;
    memset(self, 0, sizeof(*self));
    size_t enabled = 0;
    for (size_t i = 0; i < cfg->nplugins; i++)
        enabled += cfg->plugins[i].enabled;
    self->plugins = calloc(enabled ? enabled : 1, sizeof(*self->plugins));
    self->config_dir = cfg->file ? prism_path_dir(cfg->file) : NULL;
    if (!self->plugins)
        return failf(err, errlen, PRISM_ENOMEM, "out of memory");
    for (size_t i = 0; i < cfg->nplugins; i++) {
        if (!cfg->plugins[i].enabled)
            continue;
        prism_loaded_t *p = &self->plugins[self->n++];
        p->conf.config_dir = self->config_dir;
        rc = open_one(p, cfg, &cfg->plugins[i], err, errlen);
        if (rc < 0)
            goto out_close;
        for (size_t j = 0; j + 1 < self->n; j++) {
            if (strcmp(self->plugins[j].desc.name, p->desc.name) == 0) {
                rc = failf(err, errlen, PRISM_EPLUGIN,
                           "%s and %s both name themselves '%s'",
                           self->plugins[j].path, p->path, p->desc.name);
                goto out_close;
            }
        }
    }
    rc = order(self->plugins, self->n, err, errlen);
    if (rc < 0)
        goto out_close;
    for (size_t i = 0; i < self->n; i++) {
        prism_loaded_t *p = &self->plugins[i];
        hash_config(p);
        if (!p->desc.init) {
            p->inited = true;
            continue;
        }
        char *msg = NULL;
        prism__host_set_current(p->desc.name);
        int irc = p->desc.init(&p->conf, &p->state, &msg);
        prism__host_set_current(NULL);
        if (irc != 0) {
            rc = failf(err, errlen, PRISM_EPLUGIN,
                       "plugin %s (%s): init failed: %s", p->desc.name, p->path,
                       msg ? msg : "no reason given");
            free(msg); /* allocated with host->alloc, which is malloc */
            goto out_close;
        }
        free(msg);
        p->inited = true;
    }
    return 0;

out_close:
    prism_loader_close(self);
    return rc;
}

void prism_loader_close(prism_loader_t *self)
{
    for (size_t i = self->n; i-- > 0;) {
        prism_loaded_t *p = &self->plugins[i];
        if (p->inited && p->desc.fini) {
            prism__host_set_current(p->desc.name);
            p->desc.fini(p->state);
            prism__host_set_current(NULL);
        }
        for (size_t j = 0; j < p->conf.nresolved; j++)
            free(p->conf.resolved[j]);
        free(p->conf.resolved);
        if (p->handle)
            dlclose(p->handle);
        free(p->path);
    }
    free(self->plugins);
    self->plugins = NULL;
    self->n = 0;
    free(self->config_dir);
    self->config_dir = NULL;
}

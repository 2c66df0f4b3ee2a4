/* Test plugin: cycle_b after cycle_a, and cycle_a depends on cycle_b in turn: a
 * cycle the loader must refuse, naming both. */
#include <prism/plugin.h>

static const prism_host *host;

static int cycle_b_process(void *state, const prism_doc *doc, prism_out *out)
{
    (void)state;
    (void)doc;
    return host->out_nil(out);
}

static const char *const cycle_b_deps[] = {"cycle_a", NULL};

static const prism_plugin cycle_b_plugin = {
    PRISM_PLUGIN_HEADER,   .name = "cycle_b",          .version = "1",
    .after = cycle_b_deps, .process = cycle_b_process,
};

PRISM_EXPORT const prism_plugin *prism_plugin_entry(const prism_host *h)
{
    host = h;
    return &cycle_b_plugin;
}

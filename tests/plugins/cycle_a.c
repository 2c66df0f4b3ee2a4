/* Test plugin: cycle_a needs cycle_b, and cycle_b depends on cycle_a in turn: a
 * cycle the loader must refuse, naming both. */
#include <prism/plugin.h>

static const prism_host *host;

static int cycle_a_process(void *state, const prism_doc *doc, prism_out *out)
{
    (void)state;
    (void)doc;
    return host->out_nil(out);
}

static const char *const cycle_a_deps[] = {"cycle_b", NULL};

static const prism_plugin cycle_a_plugin = {
    PRISM_PLUGIN_HEADER,   .name = "cycle_a",          .version = "1",
    .needs = cycle_a_deps, .process = cycle_a_process,
};

PRISM_EXPORT const prism_plugin *prism_plugin_entry(const prism_host *h)
{
    host = h;
    return &cycle_a_plugin;
}

/* Test plugin: the "ghost" that needy needs. It writes true. */
#include <prism/plugin.h>

static const prism_host *host;

static int ghost_process(void *state, const prism_doc *doc, prism_out *out)
{
    (void)state;
    (void)doc;
    return host->out_bool(out, true);
}

static const prism_plugin ghost_plugin = {
    PRISM_PLUGIN_HEADER,
    .name = "ghost",
    .version = "1",
    .process = ghost_process,
};

PRISM_EXPORT const prism_plugin *prism_plugin_entry(const prism_host *h)
{
    host = h;
    return &ghost_plugin;
}

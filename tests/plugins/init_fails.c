/* Test plugin: init() fails with a message, which must stop the start and
 * be shown with the plugin's name. */
#include <prism/plugin.h>

#include <string.h>

static const prism_host *host;

static int init_fails_init(const prism_conf *conf, void **state, char **errmsg)
{
    (void)conf;
    (void)state;
    static const char msg[] = "model file is missing";
    *errmsg = host->alloc(sizeof(msg));
    if (*errmsg)
        memcpy(*errmsg, msg, sizeof(msg));
    return -1;
}

static int init_fails_process(void *state, const prism_doc *doc, prism_out *out)
{
    (void)state;
    (void)doc;
    return host->out_nil(out);
}

static const prism_plugin init_fails_plugin = {
    PRISM_PLUGIN_HEADER,     .name = "init_fails",          .version = "1",
    .init = init_fails_init, .process = init_fails_process,
};

PRISM_EXPORT const prism_plugin *prism_plugin_entry(const prism_host *h)
{
    host = h;
    return &init_fails_plugin;
}

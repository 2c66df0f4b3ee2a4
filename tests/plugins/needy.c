/* Test plugin: `needs` a plugin that is not loaded (unless a test loads
 * one called "ghost"), and reads the example plugin's result when present
 * (`after`), to test ordering and doc_result(). */
#include <prism/plugin.h>

static const prism_host *host;

static int needy_process(void *state, const prism_doc *doc, prism_out *out)
{
    (void)state;
    const prism_value *ex = host->doc_result(doc, "example");
    host->out_map(out, 1);
    host->out_cstr(out, "example_words");
    if (!ex)
        return host->out_nil(out);
    return host->out_i64(out, host->value_i64(host->value_get(ex, "words")));
}

static const char *const needy_needs[] = {"ghost", NULL};
static const char *const needy_after[] = {"example", NULL};

static const prism_plugin needy_plugin = {
    PRISM_PLUGIN_HEADER,  .name = "needy",      .version = "1",
    .needs = needy_needs, .after = needy_after, .process = needy_process,
};

PRISM_EXPORT const prism_plugin *prism_plugin_entry(const prism_host *h)
{
    host = h;
    return &needy_plugin;
}

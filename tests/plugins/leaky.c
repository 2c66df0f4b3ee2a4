/* Test plugin: forgets to free what it allocates for every document, so
 * that `prism check-plugin` under AddressSanitizer reports the leak. */
#include <prism/plugin.h>

#include <stdlib.h>
#include <string.h>

static const prism_host *host;

static int leaky_process(void *state, const prism_doc *doc, prism_out *out)
{
    (void)state;
    size_t len;
    const char *text = host->doc_text(doc, &len);
    char *copy = malloc(len + 1); /* never freed: the bug */
    if (!copy)
        return -1;
    memcpy(copy, text, len + 1);
    // cppcheck-suppress memleak
    return host->out_bool(out, copy[0] != '\0');
}

static const prism_plugin leaky_plugin = {
    PRISM_PLUGIN_HEADER,
    .name = "leaky",
    .version = "1",
    .process = leaky_process,
};

PRISM_EXPORT const prism_plugin *prism_plugin_entry(const prism_host *h)
{
    host = h;
    return &leaky_plugin;
}

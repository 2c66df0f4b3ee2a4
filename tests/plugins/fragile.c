/* Test plugin: works on ordinary text but dereferences past the text on an
 * empty document and loops forever on 1 MiB of dots -- the bugs
 * `prism check-plugin` exists to find. */
#include <prism/plugin.h>

#include <string.h>

static const prism_host *host;

static int fragile_process(void *state, const prism_doc *doc, prism_out *out)
{
    (void)state;
    size_t len;
    const char *text = host->doc_text(doc, &len);
    if (len == 0) {
        volatile const char *p = NULL;
        // cppcheck-suppress nullPointer
        return *p; /* SIGSEGV */
    }
    if (len > 1000 && text[0] == '.' && text[len - 1] == '.')
        for (volatile int spin = 1; spin;)
            ;
    return host->out_i64(out, (int64_t)len);
}

static const prism_plugin fragile_plugin = {
    PRISM_PLUGIN_HEADER,
    .name = "fragile",
    .version = "1",
    .process = fragile_process,
};

PRISM_EXPORT const prism_plugin *prism_plugin_entry(const prism_host *h)
{
    host = h;
    return &fragile_plugin;
}

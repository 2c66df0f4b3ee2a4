/* Test plugin: writes a bad result chosen by the document's text, so the
 * tests can show the host refuses each kind: "span" an offset past the end
 * of the text, "twice" two top-level values, "short" a map missing an
 * item, "key" a non-string map key, "inverted" start after end. Any other
 * text gets a good result with the span of the whole text. */
#include <prism/plugin.h>

#include <string.h>

static const prism_host *host;

static int liar_process(void *state, const prism_doc *doc, prism_out *out)
{
    (void)state;
    size_t len;
    const char *text = host->doc_text(doc, &len);
    size_t cps = host->doc_cp(doc, len);
    if (strcmp(text, "span") == 0) {
        host->out_map(out, 1);
        host->out_cstr(out, "end");
        return host->out_i64(out, (int64_t)cps + 1) < 0 ? 0 : 0;
    }
    if (strcmp(text, "twice") == 0) {
        host->out_nil(out);
        host->out_nil(out);
        return 0;
    }
    if (strcmp(text, "short") == 0) {
        host->out_map(out, 2);
        host->out_cstr(out, "a");
        host->out_i64(out, 1);
        return 0;
    }
    if (strcmp(text, "key") == 0) {
        host->out_map(out, 1);
        host->out_i64(out, 1);
        host->out_i64(out, 1);
        return 0;
    }
    if (strcmp(text, "inverted") == 0) {
        host->out_map(out, 2);
        host->out_cstr(out, "start");
        host->out_i64(out, 3);
        host->out_cstr(out, "end");
        host->out_i64(out, 1);
        return 0;
    }
    host->out_map(out, 2);
    host->out_cstr(out, "start");
    host->out_offset(out, 0);
    host->out_cstr(out, "end");
    return host->out_offset(out, len);
}

static const prism_plugin liar_plugin = {
    PRISM_PLUGIN_HEADER,
    .name = "liar",
    .version = "1",
    .process = liar_process,
};

PRISM_EXPORT const prism_plugin *prism_plugin_entry(const prism_host *h)
{
    host = h;
    return &liar_plugin;
}

/* Test plugin: built for an ABI major this prism does not speak. The
 * loader must refuse it, naming both versions. */
#include <prism/plugin.h>

static int bad_abi_process(void *state, const prism_doc *doc, prism_out *out)
{
    (void)state;
    (void)doc;
    (void)out;
    return 0;
}

static const prism_plugin bad_abi_plugin = {
    .struct_size = sizeof(prism_plugin),
    .abi_major = PRISM_ABI_MAJOR + 98,
    .abi_minor = 0,
    .name = "bad_abi",
    .version = "0",
    .process = bad_abi_process,
};

PRISM_EXPORT const prism_plugin *prism_plugin_entry(const prism_host *h)
{
    (void)h;
    return &bad_abi_plugin;
}

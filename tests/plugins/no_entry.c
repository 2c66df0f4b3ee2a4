/* Test plugin: a shared object that exports no prism_plugin_entry. The
 * loader must refuse it with a message naming the file and the symbol. */
#include <prism/plugin.h>

PRISM_EXPORT int not_a_prism_plugin(void);
PRISM_EXPORT int not_a_prism_plugin(void)
{
    return 42;
}

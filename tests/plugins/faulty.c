/* Test plugin "faulty": misbehaves on marked documents, for the fault
 * isolation tests. Its text contains
 *   PRISM_TEST_CRASH  -> segfault (every time: a retry crashes again)
 *   PRISM_TEST_HANG   -> loop forever
 *   PRISM_TEST_FAIL   -> return an error for this document
 *   PRISM_TEST_ABORT  -> abort()
 *   PRISM_TEST_SLOW   -> take 20 ms, then succeed
 * and otherwise it writes {"ok": true, "pid": <worker pid>}. Built twice:
 * faulty.so (version "1") and faulty_v2.so (version "2"), so the reload
 * tests can swap one file for the other. */
#include <prism/plugin.h>

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifndef FAULTY_VERSION
#define FAULTY_VERSION "1"
#endif

static const prism_host *host;

static int faulty_process(void *state, const prism_doc *doc, prism_out *out)
{
    (void)state;
    const char *text = host->doc_text(doc, NULL);
    if (strstr(text, "PRISM_TEST_CRASH")) {
        volatile int *null = NULL;
        // cppcheck-suppress nullPointer
        *null = 1; /* SIGSEGV, on purpose */
        raise(SIGSEGV);
    }
    if (strstr(text, "PRISM_TEST_ABORT"))
        abort();
    if (strstr(text, "PRISM_TEST_HANG")) {
        for (;;)
            pause();
    }
    if (strstr(text, "PRISM_TEST_SLOW")) {
        struct timespec ts = {0, 20 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    if (strstr(text, "PRISM_TEST_FAIL")) {
        host->out_error(out, "faulty: asked to fail (PRISM_TEST_FAIL)");
        return -1;
    }
    host->out_map(out, 2);
    host->out_cstr(out, "ok");
    host->out_bool(out, true);
    host->out_cstr(out, "pid");
    return host->out_i64(out, (int64_t)getpid());
}

static const prism_plugin faulty_plugin = {
    PRISM_PLUGIN_HEADER,
    .name = "faulty",
    .version = FAULTY_VERSION,
    .description = "test plugin: crashes, hangs or fails on marked documents",
    .process = faulty_process,
};

PRISM_EXPORT const prism_plugin *prism_plugin_entry(const prism_host *h)
{
    host = h;
    return &faulty_plugin;
}

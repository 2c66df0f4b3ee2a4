/*
 * example: document statistics -- the prism plugin to copy when you start
 * your own.
 *
 * For every document it publishes, under results.example:
 *
 *   {"characters": 1843, "words": 312, "sentences": 14,
 *    "reading_time_s": 79,
 *    "longest_sentence": {"start": 120, "end": 412, "words": 51}}
 *
 * It shows everything a plugin needs: the one exported entry point, the
 * descriptor, a config option with a default, per-worker state made in
 * init() and freed in fini(), reading the text and the shared tokens and
 * sentences, writing a map, writing offsets the way subscribers expect
 * them (code points), and reporting a failure for one document.
 *
 * Build it on its own, against an installed prism:
 *
 *   cc -std=c11 -O2 -fPIC -shared -fvisibility=hidden \
 *      $(pkg-config --cflags prism-plugin) -o example.so example.c
 */
#include <prism/plugin.h>

#include <stdlib.h>
#include <string.h>

/* The host's function table. The host hands it to prism_plugin_entry()
 * once per worker process; everything we ask of prism goes through it. */
static const prism_host *host;

/* Per-worker state: whatever init() prepares for process(). Here, just the
 * parsed config; a real plugin would keep its mmap()ed model here. */
struct example_state {
    long words_per_minute;
};

/* Config options: prism refuses unknown keys in [plugin.example] with the
 * file and line, and conf_get() returns the default when a key is absent.
 * `prism plugins` prints this table. */
static const prism_option example_options[] = {
    {"words_per_minute", "238", "reading speed used for reading_time_s"},
    {NULL, NULL, NULL},
};

/* Called once per worker, before the first document. Parse config, load
 * data, allocate state. On failure return -1 and a message allocated with
 * host->alloc: prismd refuses to start and shows it. */
static int example_init(const prism_conf *conf, void **state, char **errmsg)
{
    const char *wpm = host->conf_get(conf, "words_per_minute");
    char *end = NULL;
    long value = strtol(wpm, &end, 10);
    if (end == wpm || *end != '\0' || value < 1 || value > 10000) {
        static const char msg[] = "words_per_minute must be 1-10000";
        *errmsg = host->alloc(sizeof(msg));
        if (*errmsg)
            memcpy(*errmsg, msg, sizeof(msg));
        return -1;
    }
    struct example_state *st = host->alloc(sizeof(*st));
    if (!st)
        return -1;
    st->words_per_minute = value;
    *state = st;
    return 0;
}

/* Called once per document. Read through the host, write exactly one
 * value (here a map of 5 entries), return 0. To fail for this document
 * only, call out_error() and return -1: the record is still published,
 * with errors.example set and the other plugins' results. */
static int example_process(void *state, const prism_doc *doc, prism_out *out)
{
    const struct example_state *st = state;

    /* The shared tokenizer and sentence splitter run once per document,
     * on the first plugin that asks, and are shared by every plugin. */
    const prism_token *toks;
    const prism_sentence *sents;
    size_t ntoks, nsents;
    if (host->doc_tokens(doc, &toks, &ntoks) < 0 ||
        host->doc_sentences(doc, &sents, &nsents) < 0) {
        host->out_error(out, "out of memory while tokenizing");
        return -1;
    }

    /* Count words (tokens of letters or digits, not punctuation), and
     * find the sentence with the most of them. */
    size_t words = 0, best = 0, best_words = 0;
    for (size_t s = 0; s < nsents; s++) {
        size_t in_sentence = 0;
        for (uint32_t t = sents[s].tok_start; t < sents[s].tok_end; t++)
            if (toks[t].kind == PRISM_TOK_WORD ||
                toks[t].kind == PRISM_TOK_NUMBER)
                in_sentence++;
        words += in_sentence;
        if (in_sentence > best_words) {
            best_words = in_sentence;
            best = s;
        }
    }

    /* The text's length in code points: doc_cp() of its byte length. */
    size_t len;
    host->doc_text(doc, &len);
    size_t characters = host->doc_cp(doc, len);

    /* Write the result. out_map(n) announces n key/value pairs; then come
     * key, value, key, value... Everything is copied. */
    host->out_map(out, 5);
    host->out_cstr(out, "characters");
    host->out_i64(out, (int64_t)characters);
    host->out_cstr(out, "words");
    host->out_i64(out, (int64_t)words);
    host->out_cstr(out, "sentences");
    host->out_i64(out, (int64_t)nsents);
    host->out_cstr(out, "reading_time_s");
    host->out_i64(out,
                  (int64_t)((words * 60 + (size_t)st->words_per_minute - 1) /
                            (size_t)st->words_per_minute));
    host->out_cstr(out, "longest_sentence");
    if (nsents == 0)
        return host->out_nil(out);
    /* Offsets on the wire are code points. Tokens and sentences carry both
     * kinds; for a byte offset of your own, use out_offset(). prism checks
     * that "start"/"end" values lie inside the text. */
    host->out_map(out, 3);
    host->out_cstr(out, "start");
    host->out_i64(out, sents[best].cp_start);
    host->out_cstr(out, "end");
    host->out_i64(out, sents[best].cp_end);
    host->out_cstr(out, "words");
    /* Each out_* returns 0 or a negative value on misuse or out of memory;
     * the host also checks the whole result afterwards, so checking the
     * last call is enough here. */
    return host->out_i64(out, (int64_t)best_words);
}

/* Called once per worker after the last document. */
static void example_fini(void *state)
{
    host->free(state);
}

/* The descriptor. PRISM_PLUGIN_HEADER fills the size and ABI version, so
 * prism can refuse a plugin built for an incompatible release instead of
 * crashing. `name` must match the config section: [plugin.example]. */
static const prism_plugin example_plugin = {
    PRISM_PLUGIN_HEADER,
    .name = "example",
    .version = "1.0.0",
    .description = "document statistics: characters, words, sentences, "
                   "reading time",
    .options = example_options,
    .init = example_init,
    .process = example_process,
    .fini = example_fini,
};

/* The one exported symbol. Keep the host table; return the descriptor. */
PRISM_EXPORT const prism_plugin *prism_plugin_entry(const prism_host *h)
{
    host = h;
    return &example_plugin;
}

/*
 * prism plugin ABI, version 1.
 *
 * This is the only header a prism plugin includes, and a plugin links against
 * nothing of prism's: everything it needs from the host arrives through the
 * function table passed to its one exported symbol.
 *
 * A plugin in five steps
 * ----------------------
 *   1. Include this header and build a shared object with
 *      `-fPIC -shared -fvisibility=hidden` (pkg-config --cflags prism-plugin).
 *   2. Export exactly one symbol, prism_plugin_entry(), with PRISM_EXPORT.
 *      The host calls it once per worker process with its function table;
 *      keep the pointer, return a pointer to your static descriptor.
 *   3. Fill the descriptor with PRISM_PLUGIN_HEADER and designated
 *      initializers: name, version, description, options, init, process,
 *      fini, and optionally needs/after.
 *   4. In process(), read the document through the host table (text, fields,
 *      tokens, sentences, other plugins' results) and write exactly one value
 *      -- usually a map -- with the out_* functions.
 *   5. Return 0, or a negative value after out_error() to report a failure
 *      for this one document.
 *
 * Offsets
 * -------
 * Plugins see the text as UTF-8 bytes. Everything a subscriber sees is in
 * Unicode code points, so that text[start:end] works in Python. Write
 * offsets with out_offset(), which converts a byte offset to a code-point
 * offset, or convert yourself with doc_cp(). The host checks every integer
 * written under a key named "start", "end" or ending in "_start"/"_end"
 * (for example "body_start"): it must lie within [0, length of text in code
 * points], and a map holding both "start" and "end" must have start <= end.
 * A result that breaks this, or that is not exactly one well-formed value,
 * is discarded and reported as an error of that plugin for that document.
 *
 * Versioning
 * ----------
 * PRISM_ABI_MAJOR changes only with an incompatible change; the host refuses
 * a plugin built for another major and says which two versions met.
 * PRISM_ABI_MINOR grows when the host table or the descriptor grows at the
 * end. A plugin's descriptor.abi_minor is the oldest host minor it needs
 * (PRISM_PLUGIN_HEADER puts the minor of the header it was built with); a
 * host older than that refuses it. A plugin that wants to run on older hosts
 * lowers abi_minor and checks host->abi_minor before calling newer members.
 * The host reads only the descriptor bytes that struct_size covers, so a
 * descriptor from an older header reads as zero in the fields it lacks.
 *
 * Threading and lifetime
 * ----------------------
 * Each worker process is single-threaded: init, every process call and fini
 * run on one thread, in that order. A plugin needs no locks and may keep
 * scratch space in its state. A worker may be recycled between any two
 * documents, so process() must not depend on earlier documents. Large
 * read-only data (models, gazetteers, lexicons) should be compiled to a file
 * and mmap()ed in init, so that every worker shares one copy.
 *
 * Thread-safety: none needed; see above.
 */
#ifndef PRISM_PLUGIN_H
#define PRISM_PLUGIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PRISM_ABI_MAJOR 1 /* incompatible change: hosts refuse other majors */
#define PRISM_ABI_MINOR 0 /* the tables grew: older plugins still load */

#if defined(__GNUC__)
#define PRISM_EXPORT       __attribute__((visibility("default")))
#define PRISM_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define PRISM_EXPORT
#define PRISM_PRINTF(f, a)
#endif

/* Opaque handles. All are owned by the host. */
typedef struct prism_doc prism_doc;     /* one document, read-only, borrowed */
typedef struct prism_out prism_out;     /* the result writer of one call */
typedef struct prism_conf prism_conf;   /* the plugin's config section */
typedef struct prism_value prism_value; /* a read-only value (results) */

enum prism_log_level {
    PRISM_LOG_ERROR = 0,
    PRISM_LOG_WARN = 1,
    PRISM_LOG_INFO = 2,
    PRISM_LOG_DEBUG = 3,
};

/* Token kinds of the shared tokenizer. */
enum prism_token_kind {
    PRISM_TOK_WORD = 1,   /* letters, with inner apostrophes, hyphens, dots */
    PRISM_TOK_NUMBER = 2, /* digits, with inner , . : / and a trailing %  */
    PRISM_TOK_PUNCT = 3, /* punctuation: . , ; " “ ” ( ) — – - ...       */
    PRISM_TOK_SYMBOL = 4, /* anything else: $ € + = # @ emoji ...         */
};

/* Token flags (bit set). */
enum prism_token_flag {
    PRISM_TF_UPPER = 1 << 0,   /* every letter upper case, at least one */
    PRISM_TF_TITLE = 1 << 1,   /* first letter upper, some lower after   */
    PRISM_TF_LOWER = 1 << 2,   /* every letter lower case                */
    PRISM_TF_DIGIT = 1 << 3,   /* contains a digit                        */
    PRISM_TF_SPACE = 1 << 4,   /* white space precedes it                 */
    PRISM_TF_NEWLINE = 1 << 5, /* a line break precedes it (or text start) */
    PRISM_TF_ABBREV = 1 << 6,  /* ends in a dot that belongs to the word  */
};

/* One token of the shared tokenizer. Offsets are half-open [start, end). */
typedef struct prism_token {
    uint32_t start, end;       /* byte offsets into the text */
    uint32_t cp_start, cp_end; /* code-point offsets into the text */
    uint32_t sentence;         /* index of the sentence holding it */
    uint16_t kind;             /* enum prism_token_kind */
    uint16_t flags;            /* enum prism_token_flag bits */
} prism_token;

/* One sentence (or headline line) of the shared sentence splitter. */
typedef struct prism_sentence {
    uint32_t start, end;         /* byte offsets, from first to last token */
    uint32_t cp_start, cp_end;   /* code-point offsets */
    uint32_t tok_start, tok_end; /* its tokens: [tok_start, tok_end) */
} prism_sentence;

/* Where doc_time() found the document's time. */
enum prism_time_source {
    PRISM_TIME_RECEIVED = 0,  /* no usable `published`: time of receipt */
    PRISM_TIME_PUBLISHED = 1, /* the document's `published` field */
};

/* Types of a prism_value. */
enum prism_value_type {
    PRISM_V_NIL = 0,
    PRISM_V_BOOL,
    PRISM_V_INT,
    PRISM_V_FLOAT,
    PRISM_V_STR,
    PRISM_V_ARRAY,
    PRISM_V_MAP,
    PRISM_V_OTHER, /* binary or extension data */
};

/*
 * The host function table. APPEND ONLY: members are never reordered or
 * removed; new members go at the end with a new minor version.
 * Every string the host returns is UTF-8, borrowed, and valid for as long as
 * the object it came from (the document: during process(); the config: the
 * plugin's whole life). Strings are not NUL-terminated unless said so.
 */
typedef struct prism_host {
    uint32_t struct_size; /* sizeof(prism_host) in the host */
    uint32_t abi_major;   /* PRISM_ABI_MAJOR of the host */
    uint32_t abi_minor;   /* PRISM_ABI_MINOR of the host */

    /* Memory that crosses the boundary (init's errmsg) comes from here. */
    void *(*alloc)(size_t n);
    void (*free)(void *p);

    /* A log line on the worker's stderr; the host adds the plugin's name. */
    void (*log)(int level, const char *fmt, ...) PRISM_PRINTF(2, 3);

    /* --- configuration (during init; the strings live as long as the
     *     plugin) --- */

    /* The value of `key` in the plugin's [plugin.NAME] section, or its
     * declared default, or NULL. NUL-terminated. */
    const char *(*conf_get)(const prism_conf *c, const char *key);
    /* Like conf_get, for a file path: a relative path is resolved against
     * the folder of the config file that set it. NUL-terminated. */
    const char *(*conf_path)(const prism_conf *c, const char *key);

    /* --- the document (during process) --- */

    /* The text, valid UTF-8, and its length in bytes. NUL-terminated. */
    const char *(*doc_text)(const prism_doc *d, size_t *len);
    /* A top-level string field of the wire document (id, title, url,
     * source, lang, published, ...) or NULL if absent or not a string. */
    const char *(*doc_field)(const prism_doc *d, const char *key, size_t *len);
    /* The document's time in unix seconds: its `published` field (ISO 8601
     * or unix seconds) when it has a usable one, else the time the daemon
     * received it. Returns enum prism_time_source. */
    int (*doc_time)(const prism_doc *d, int64_t *unix_s);
    /* Code-point offset of a byte offset into the text (0 <= byte <= len).
     * Fast: amortised O(1) for offsets visited in increasing order. */
    size_t (*doc_cp)(const prism_doc *d, size_t byte_off);
    /* The shared tokenizer and sentence splitter, computed once per
     * document on the first call. Return 0, or a negative value when out of
     * memory. The arrays are borrowed. */
    int (*doc_tokens)(const prism_doc *d, const prism_token **toks, size_t *n);
    int (*doc_sentences)(const prism_doc *d, const prism_sentence **s,
                         size_t *n);
    /* The result of another plugin that ran before this one (it must be in
     * `needs` or `after`), or NULL when it is not loaded or failed. */
    const prism_value *(*doc_result)(const prism_doc *d, const char *plugin);

    /* --- reading values (results of other plugins) --- */
    int (*value_type)(const prism_value *v); /* enum prism_value_type */
    bool (*value_bool)(const prism_value *v);
    int64_t (*value_i64)(const prism_value *v); /* 0 unless INT or FLOAT */
    double (*value_f64)(const prism_value *v);  /* 0 unless INT or FLOAT */
    const char *(*value_str)(const prism_value *v, size_t *len); /* or NULL */
    size_t (*value_len)(const prism_value *v); /* array or map size, or 0 */
    const prism_value *(*value_at)(const prism_value *v, size_t i); /* array */
    const prism_value *(*value_get)(const prism_value *v, const char *key);
    /* Key and value of the i-th entry of a map (key NULL when not a str). */
    const prism_value *(*value_entry)(const prism_value *v, size_t i,
                                      const char **key, size_t *key_len);

    /* --- writing the result (during process) ---
     * Write exactly one value; a map or array announces its size and is
     * followed by that many values (a map: key, value, key, value...).
     * Everything is copied. Each returns 0, or a negative value when out of
     * memory or when the writer is already past its one value. */
    int (*out_map)(prism_out *o, size_t n_pairs);
    int (*out_array)(prism_out *o, size_t n);
    int (*out_str)(prism_out *o, const char *s, size_t len);
    int (*out_cstr)(prism_out *o, const char *s); /* NUL-terminated */
    int (*out_i64)(prism_out *o, int64_t v);
    int (*out_f64)(prism_out *o, double v);
    int (*out_bool)(prism_out *o, bool v);
    int (*out_nil)(prism_out *o);
    /* Write the code-point offset of a byte offset of the text. */
    int (*out_offset)(prism_out *o, size_t byte_off);
    /* Say why process() fails; return a negative value after it. The
     * message becomes errors.PLUGIN of the published record. */
    void (*out_error)(prism_out *o, const char *fmt, ...) PRISM_PRINTF(2, 3);

    /* 1.1 additions go below this line. */
} prism_host;

/* One option a plugin accepts in its [plugin.NAME] section. The host
 * refuses unknown keys at start-up, with file:line, and fills defaults. */
typedef struct prism_option {
    const char *name;          /* the key */
    const char *default_value; /* or NULL: no default */
    const char *help;          /* one line, shown by `prism plugins` */
} prism_option;

/*
 * The plugin's descriptor, returned by prism_plugin_entry(). Keep it static
 * and const. Begin it with PRISM_PLUGIN_HEADER.
 */
typedef struct prism_plugin {
    uint32_t struct_size; /* sizeof(prism_plugin) at build time */
    uint32_t abi_major;   /* PRISM_ABI_MAJOR it was built for */
    uint32_t abi_minor;   /* the oldest host minor it needs */

    const char *name;        /* [a-z0-9_]+, unique; topic r.NAME */
    const char *version;     /* published with every result */
    const char *description; /* one line */

    /* NULL-terminated lists of plugin names, or NULL.
     * needs: plugins whose results it must read; the host refuses to start
     *        without them, and runs them first.
     * after: plugins whose results it reads when they are loaded; they run
     *        first when present. */
    const char *const *needs;
    const char *const *after;

    /* Accepted config keys, ending with {NULL}; NULL accepts any key. The
     * keys `path` and `enabled` belong to the host and are never passed. */
    const prism_option *options;

    /* Called once per worker before the first document. Return 0 and set
     * *state, or return a negative value and set *errmsg to a message
     * allocated with host->alloc (the host frees it). May be NULL. */
    int (*init)(const prism_conf *conf, void **state, char **errmsg);
    /* Called once per document. Write one value to `out` and return 0, or
     * call out_error() and return a negative value. Never exit or abort. */
    int (*process)(void *state, const prism_doc *doc, prism_out *out);
    /* Called once per worker after the last document. May be NULL. */
    void (*fini)(void *state);
} prism_plugin;

/* Opens every descriptor: fills struct_size and the ABI numbers. */
#define PRISM_PLUGIN_HEADER                                                    \
    .struct_size = sizeof(prism_plugin), .abi_major = PRISM_ABI_MAJOR,         \
    .abi_minor = PRISM_ABI_MINOR

/* The entry point's name, as the host looks it up with dlsym(). */
#define PRISM_PLUGIN_ENTRY "prism_plugin_entry"

/*
 * The one symbol a plugin exports. The host calls it once, right after
 * dlopen(), with its function table (valid until the plugin is unloaded),
 * and reads the returned descriptor. Return NULL to refuse to load (after
 * host->log saying why).
 */
PRISM_EXPORT const prism_plugin *prism_plugin_entry(const prism_host *host);

#ifdef __cplusplus
}
#endif

#endif /* PRISM_PLUGIN_H */

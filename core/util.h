/*
 * Small things every core module uses: error codes and their text, log
 * lines, clocks, hashing and growable byte buffers.
 *
 * Error convention (libuv's): a function named as a command returns 0 on
 * success or a negative PRISM_E* code; a predicate returns bool; a
 * constructor returns a pointer or NULL.
 */
#ifndef PRISM_UTIL_H
#define PRISM_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "prism/plugin.h"

enum prism_error {
    PRISM_EINVAL = -1,  /* bad argument or bad input */
    PRISM_ENOMEM = -2,  /* out of memory */
    PRISM_EIO = -3,     /* a file or socket failed */
    PRISM_EABI = -4,    /* a plugin built for another ABI */
    PRISM_EPLUGIN = -5, /* a plugin failed to load or init */
    PRISM_ECONFIG = -6, /* a config error */
    PRISM_ELIMIT = -7,  /* a configured limit was exceeded */
};

/* The text of a PRISM_E* code. Ownership: static string. */
const char *prism_strerror(int code);

/* Log lines go to stderr as "prismd[pid]: level: message". The program
 * name and the level filter are process-wide; set them once at start. */
void prism_log_setup(const char *program, int max_level);
void prism_log(int level, const char *fmt, ...) PRISM_PRINTF(2, 3);
void prism_logv(int level, const char *prefix, const char *fmt, va_list ap);
#define prism_error(...) prism_log(PRISM_LOG_ERROR, __VA_ARGS__)
#define prism_warn(...)  prism_log(PRISM_LOG_WARN, __VA_ARGS__)
#define prism_info(...)  prism_log(PRISM_LOG_INFO, __VA_ARGS__)
#define prism_debug(...) prism_log(PRISM_LOG_DEBUG, __VA_ARGS__)

/* Monotonic and wall clocks. */
int64_t prism_now_us(void);  /* monotonic, microseconds */
int64_t prism_wall_ms(void); /* unix time, milliseconds */

/* 64-bit FNV-1a, for config hashes and identities. */
uint64_t prism_fnv1a(uint64_t h, const void *data, size_t len);
#define PRISM_FNV_SEED 0xcbf29ce484222325ULL

/* A growable byte buffer. Starts zeroed; release frees it. */
typedef struct prism_buf {
    char *data;
    size_t len, cap;
} prism_buf_t;

int prism_buf_reserve(prism_buf_t *b, size_t extra);
int prism_buf_append(prism_buf_t *b, const void *data, size_t len);
int prism_buf_printf(prism_buf_t *b, const char *fmt, ...) PRISM_PRINTF(2, 3);
void prism_buf_release(prism_buf_t *b);

/* strdup that returns NULL on NULL. Caller frees. */
char *prism_strdup(const char *s);

/* Joins dir and a relative path (an absolute path is returned as is).
 * Caller frees. */
char *prism_path_join(const char *dir, const char *path);

/* The folder of a file path ("." when it has none). Caller frees. */
char *prism_path_dir(const char *path);

#endif

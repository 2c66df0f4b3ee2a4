/*
 * Error texts, logging, clocks, hashing and byte buffers for the core.
 */
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char *log_program = "prism";
static int log_max_level = PRISM_LOG_INFO;

const char *prism_strerror(int code)
{
    switch (code) {
    case 0:
        return "success";
    case PRISM_EINVAL:
        return "invalid argument or input";
    case PRISM_ENOMEM:
        return "out of memory";
    case PRISM_EIO:
        return "input/output error";
    case PRISM_EABI:
        return "incompatible plugin ABI";
    case PRISM_EPLUGIN:
        return "plugin failed";
    case PRISM_ECONFIG:
        return "configuration error";
    case PRISM_ELIMIT:
        return "limit exceeded";
    default:
        return "unknown error";
    }
}

void prism_log_setup(const char *program, int max_level)
{
    log_program = program;
    log_max_level = max_level;
}

void prism_logv(int level, const char *prefix, const char *fmt, va_list ap)
{
    static const char *const names[] = {"error", "warning", "info", "debug"};
    if (level > log_max_level)
        return;
    if (level < 0 || level > PRISM_LOG_DEBUG)
        level = PRISM_LOG_ERROR;
    /* One write per line, so lines of several processes do not interleave. */
    char line[2048];
    int n = snprintf(line, sizeof(line), "%s[%d]: %s: %s%s", log_program,
                     (int)getpid(), names[level], prefix ? prefix : "",
                     prefix ? ": " : "");
    if (n < 0)
        return;
    if ((size_t)n < sizeof(line))
        vsnprintf(line + n, sizeof(line) - (size_t)n, fmt, ap);
    size_t len = strnlen(line, sizeof(line) - 2);
    line[len++] = '\n';
    ssize_t w = write(STDERR_FILENO, line, len);
    (void)w;
}

void prism_log(int level, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    prism_logv(level, NULL, fmt, ap);
    va_end(ap);
}

int64_t prism_now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

int64_t prism_wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

uint64_t prism_fnv1a(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

int prism_buf_reserve(prism_buf_t *b, size_t extra)
{
    if (b->cap - b->len >= extra)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->len < extra) {
        if (cap > SIZE_MAX / 2)
            return PRISM_ENOMEM;
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p)
        return PRISM_ENOMEM;
    b->data = p;
    b->cap = cap;
    return 0;
}

int prism_buf_append(prism_buf_t *b, const void *data, size_t len)
{
    if (prism_buf_reserve(b, len) < 0)
        return PRISM_ENOMEM;
    if (len)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    return 0;
}

int prism_buf_printf(prism_buf_t *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || prism_buf_reserve(b, (size_t)n + 1) < 0)
        return PRISM_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

void prism_buf_release(prism_buf_t *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

char *prism_strdup(const char *s)
{
    return s ? strdup(s) : NULL;
}

char *prism_path_join(const char *dir, const char *path)
{
    if (!path)
        return NULL;
    if (path[0] == '/' || !dir || !dir[0])
        return strdup(path);
    size_t a = strlen(dir), b = strlen(path);
    char *out = malloc(a + b + 2);
    if (!out)
        return NULL;
    memcpy(out, dir, a);
    out[a] = '/';
    memcpy(out + a + 1, path, b + 1);
    return out;
}

char *prism_path_dir(const char *path)
{
    const char *slash = path ? strrchr(path, '/') : NULL;
    if (!slash)
        return strdup(".");
    if (slash == path)
        return strdup("/");
    return strndup(path, (size_t)(slash - path));
}

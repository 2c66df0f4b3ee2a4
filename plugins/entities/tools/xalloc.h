/*
 * Allocation for the entities build tools (train, clusters): a tool that
 * runs out of memory says so and exits, so callers need no checks. Not for
 * the plugin, which must never exit.
 */
#ifndef NER_TOOLS_XALLOC_H
#define NER_TOOLS_XALLOC_H

#include <stdio.h>
#include <stdlib.h>

static inline void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    return p;
}

static inline void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    return p;
}

#endif

/*
 * JSON Lines <-> msgpack, for the CLI: `prism process` and `prism send`
 * read documents as JSON (parsed with jansson), and `prism process` and
 * `prism sub` print records as JSON.
 *
 * Printing is our own small writer rather than jansson's, for one reason:
 * numbers. A score of 0.62 must print as 0.62 and still read back as the
 * same double, which needs the shortest round-trip form jansson does not
 * offer. Binary values print as base64 strings.
 */
#ifndef PRISM_JSON_H
#define PRISM_JSON_H

#include <msgpack.h>
#include <stddef.h>

#include "util.h"

/*
 * Converts one JSON text to one msgpack value appended to out. Returns 0,
 * or PRISM_EINVAL with "column N: reason" in err.
 */
int prism_json_to_msgpack(const char *json, size_t len, msgpack_sbuffer *out,
                          char *err, size_t errlen);

/* Appends the JSON form of a msgpack value to out (no newline). Returns 0
 * or PRISM_ENOMEM. */
int prism_msgpack_to_json(const msgpack_object *o, prism_buf_t *out);

/* Unpacks raw msgpack bytes and appends their JSON to out. */
int prism_msgpack_bytes_to_json(const char *data, size_t len, prism_buf_t *out);

#endif

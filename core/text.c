/*
 * Text services of the core: strict UTF-8 validation, the byte -> code-point
 * offset map, and the shared tokenizer and sentence splitter (their rules,
 * as plugin authors read them, are in text.h).
 *
 * The tokenizer runs in two passes. Pass 1 scans the bytes once: ASCII goes
 * through a 128-entry class table, and only non-ASCII characters are decoded
 * and classed with utf8proc. It emits tokens with byte and code-point
 * offsets (it counts code points as it goes) and, in each token's
 * `sentence` field, a scratch "role" (may it end a sentence, start one,
 * is it an abbreviation of which kind...). Pass 2 walks the tokens, decides
 * each boundary from the roles and the white space between two tokens, and
 * overwrites `sentence` with the sentence index. Every lookahead is bounded
 * by a few characters, so both passes are linear in the text, whatever the
 * text is.
 */
#include "text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

/* ---- character classes ----------------------------------------------- */

enum {
    K_UPPER = 1 << 0,   /* upper- or title-case letter (Lu, Lt) */
    K_LOWER = 1 << 1,   /* lower-case letter (Ll) */
    K_LETTER = 1 << 2,  /* any letter, and letter numbers (L*, Nl) */
    K_DIGIT = 1 << 3,   /* decimal digit (Nd) */
    K_NUMO = 1 << 4,    /* other number (No): ² ½ */
    K_MARK = 1 << 5,    /* combining mark (M*) */
    K_SPACE = 1 << 6,   /* white space, and control characters */
    K_BREAK = 1 << 7,   /* line break */
    K_FORMAT = 1 << 8,  /* invisible format character (Cf) */
    K_PUNCT = 1 << 9,   /* punctuation */
    K_SYMBOL = 1 << 10, /* anything else */
    K_JOIN = 1 << 11,   /* ASCII ' - . , : / & _: may join word parts */
};
#define K_WORD (K_LETTER | K_DIGIT | K_NUMO | K_MARK)

#define SP K_SPACE
#define BR K_BREAK
#define UP (K_UPPER | K_LETTER)
#define LO (K_LOWER | K_LETTER)
#define DG K_DIGIT
#define PU K_PUNCT
#define SY K_SYMBOL
#define PJ (K_PUNCT | K_JOIN)
#define SJ (K_SYMBOL | K_JOIN)
static const uint16_t ascii_class[128] = {
    SP, SP, SP, SP, SP, SP, SP, SP, /* 00 */
    SP, SP, BR, BR, BR, BR, SP, SP, /* 08 */
    SP, SP, SP, SP, SP, SP, SP, SP, /* 10 */
    SP, SP, SP, SP, SP, SP, SP, SP, /* 18 */
    SP, PU, PU, SY, SY, SY, SJ, PJ, /* 20 */
    PU, PU, PU, SY, PJ, PJ, PJ, PJ, /* 28 */
    DG, DG, DG, DG, DG, DG, DG, DG, /* 30 */
    DG, DG, PJ, PU, SY, SY, SY, PU, /* 38 */
    SY, UP, UP, UP, UP, UP, UP, UP, /* 40 */
    UP, UP, UP, UP, UP, UP, UP, UP, /* 48 */
    UP, UP, UP, UP, UP, UP, UP, UP, /* 50 */
    UP, UP, UP, PU, PU, PU, SY, PJ, /* 58 */
    SY, LO, LO, LO, LO, LO, LO, LO, /* 60 */
    LO, LO, LO, LO, LO, LO, LO, LO, /* 68 */
    LO, LO, LO, LO, LO, LO, LO, LO, /* 70 */
    LO, LO, LO, PU, SY, PU, SY, SP, /* 78 */
};
#undef SP
#undef BR
#undef UP
#undef LO
#undef DG
#undef PU
#undef SY
#undef PJ
#undef SJ

static inline bool is_digit(uint8_t c)
{
    return c >= '0' && c <= '9';
}

static inline bool is_upper(uint8_t c)
{
    return c >= 'A' && c <= 'Z';
}

static inline bool is_alpha(uint8_t c)
{
    return (uint8_t)((c | 0x20) - 'a') < 26;
}

/* The code point at s[pos] (pos < len) and its length in *n. An ill-formed
 * byte reads as U+FFFD of length 1, so a bad text stays in bounds. */
static inline int32_t decode(const uint8_t *s, size_t len, size_t pos,
                             size_t *n)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t r;

    if (s[pos] < 0x80) {
        *n = 1;
        return s[pos];
    }
    r = utf8proc_iterate(s + pos, (utf8proc_ssize_t)(len - pos), &cp);
    if (r <= 0) {
        *n = 1;
        return 0xFFFD;
    }
    *n = (size_t)r;
    return cp;
}

/* The K_* class of a code point. */
static unsigned uclass(int32_t cp)
{
    if (cp >= 0 && cp < 0x80)
        return ascii_class[cp];
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return K_UPPER | K_LETTER;
    case UTF8PROC_CATEGORY_LL:
        return K_LOWER | K_LETTER;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_NL:
        return K_LETTER;
    case UTF8PROC_CATEGORY_ND:
        return K_DIGIT;
    case UTF8PROC_CATEGORY_NO:
        return K_NUMO;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return K_MARK;
    case UTF8PROC_CATEGORY_ZS:
        return K_SPACE;
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return K_BREAK;
    case UTF8PROC_CATEGORY_CC:
        return cp == 0x85 ? K_BREAK : K_SPACE;
    case UTF8PROC_CATEGORY_CF:
        return cp == 0x200B ? K_SPACE : K_FORMAT;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return K_PUNCT;
    default:
        return K_SYMBOL;
    }
}

/* The class of the character at pos, or 0 at the end of the text. */
static inline unsigned peek_class(const uint8_t *s, size_t len, size_t pos)
{
    size_t n;

    if (pos >= len)
        return 0;
    if (s[pos] < 0x80)
        return ascii_class[s[pos]];
    return uclass(decode(s, len, pos, &n));
}

/* ’ (U+2019) at pos. */
static inline bool is_rsquo(const uint8_t *s, size_t len, size_t pos)
{
    return pos + 2 < len && s[pos] == 0xE2 && s[pos + 1] == 0x80 &&
           s[pos + 2] == 0x99;
}

/* U+2010 HYPHEN or U+2011 NON-BREAKING HYPHEN at pos. */
static inline bool is_uhyphen(const uint8_t *s, size_t len, size_t pos)
{
    return pos + 2 < len && s[pos] == 0xE2 && s[pos + 1] == 0x80 &&
           (s[pos + 2] == 0x90 || s[pos + 2] == 0x91);
}

/* ---- UTF-8 validation ------------------------------------------------ */

#define HIGH_BITS 0x8080808080808080ULL

static inline uint64_t load8(const uint8_t *p)
{
    uint64_t w;

    memcpy(&w, p, 8);
    return w;
}

bool prism_utf8_valid(const char *str, size_t len, size_t *ncp, size_t *bad_off)
{
    const uint8_t *s = (const uint8_t *)str;
    size_t i = 0, cps = 0;

    while (i < len) {
        size_t need, k;
        uint8_t c, lo = 0x80, hi = 0xBF;

        if (len - i >= 8 && !(load8(s + i) & HIGH_BITS)) {
            i += 8;
            cps += 8;
            continue;
        }
        c = s[i];
        if (c < 0x80) {
            i++;
            cps++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
        } else if (c == 0xE0) {
            need = 2;
            lo = 0xA0; /* no overlongs */
        } else if (c == 0xED) {
            need = 2;
            hi = 0x9F; /* no surrogates */
        } else if (c >= 0xE1 && c <= 0xEF) {
            need = 2;
        } else if (c == 0xF0) {
            need = 3;
            lo = 0x90; /* no overlongs */
        } else if (c >= 0xF1 && c <= 0xF3) {
            need = 3;
        } else if (c == 0xF4) {
            need = 3;
            hi = 0x8F; /* nothing above U+10FFFF */
        } else {
            goto bad; /* continuation byte, C0, C1, F5..FF */
        }
        if (len - i <= need || s[i + 1] < lo || s[i + 1] > hi)
            goto bad;
        for (k = 2; k <= need; k++)
            if ((s[i + k] & 0xC0) != 0x80)
                goto bad;
        i += need + 1;
        cps++;
    }
    if (ncp)
        *ncp = cps;
    return true;

bad:
    if (bad_off)
        *bad_off = i;
    return false;
}

/* ---- the code-point map ---------------------------------------------- */

#define CP_BLOCK_SHIFT 6 /* a checkpoint every 64 bytes */

/* Number of UTF-8 lead bytes (bytes that are not 10xxxxxx) in p[0, n). */
static size_t count_leads(const uint8_t *p, size_t n)
{
    size_t i = 0, cont = 0;

    for (; i + 8 <= n; i += 8) {
        uint64_t w = load8(p + i);
        /* bit 7 of a byte set and bit 6 clear: a continuation byte */
        uint64_t c = (w & ~(w << 1) & HIGH_BITS) >> 7;
        cont += (size_t)((c * 0x0101010101010101ULL) >> 56);
    }
    for (; i < n; i++)
        cont += (p[i] & 0xC0) == 0x80;
    return n - cont;
}

void prism_cpmap_init(prism_cpmap_t *m)
{
    *m = (prism_cpmap_t){.text = "", .ascii = true};
}

int prism_cpmap_reset(prism_cpmap_t *m, const char *str, size_t len)
{
    const uint8_t *s = (const uint8_t *)str;
    size_t i = 0, nblocks, b, cp = 0;
    uint64_t any = 0;

    m->text = "";
    m->len = m->ncp = 0;
    m->ascii = true;
    if (len > UINT32_MAX)
        return -EOVERFLOW;
    for (; i + 8 <= len; i += 8)
        any |= load8(s + i);
    for (; i < len; i++)
        any |= s[i];
    if (!(any & HIGH_BITS)) {
        m->text = str;
        m->len = m->ncp = len;
        return 0;
    }

    nblocks = (len >> CP_BLOCK_SHIFT) + 1; /* one more for byte_off == len */
    if (nblocks > m->cap) {
        size_t cap = m->cap ? m->cap : 64;
        uint32_t *p;
        while (cap < nblocks)
            cap *= 2;
        p = realloc(m->blocks, cap * sizeof(*p));
        if (!p)
            return -ENOMEM;
        m->blocks = p;
        m->cap = cap;
    }
    for (b = 0; b < nblocks; b++) {
        size_t off = b << CP_BLOCK_SHIFT;
        size_t n = len - off < 64 ? len - off : 64;
        m->blocks[b] = (uint32_t)cp;
        cp += count_leads(s + off, n);
    }
    m->text = str;
    m->len = len;
    m->ncp = cp;
    m->ascii = false;
    return 0;
}

size_t prism_cpmap_get(prism_cpmap_t *m, size_t byte_off)
{
    size_t b;

    if (byte_off >= m->len)
        return m->ncp;
    if (m->ascii)
        return byte_off;
    b = byte_off >> CP_BLOCK_SHIFT;
    return m->blocks[b] +
           count_leads((const uint8_t *)m->text + (b << CP_BLOCK_SHIFT),
                       byte_off & ((1u << CP_BLOCK_SHIFT) - 1));
}

void prism_cpmap_release(prism_cpmap_t *m)
{
    free(m->blocks);
    prism_cpmap_init(m);
}

/* ---- word lists ------------------------------------------------------ */

enum abbr_class {
    ABBR_NONE = 0,
    ABBR_TITLE = 1,   /* Mr. Dr. Gen.: never ends a sentence */
    ABBR_INITIAL = 2, /* J.: never ends a sentence */
    ABBR_MONTH = 3,   /* Sept.: not before a number */
    ABBR_END = 4,     /* Inc. U.S.: when a sentence starter follows */
    ABBR_NUMBER = 5,  /* No. 1: only taken before a digit; never ends */
};

struct word_entry {
    const char *word;
    unsigned char len;
    unsigned char cls;
};
#define W(s, c)                                                                \
    {                                                                          \
        s, sizeof(s) - 1, c                                                    \
    }

/* Abbreviations that keep their dot (written for prism). */
static const struct word_entry abbreviations[] = {
    W("Mr", ABBR_TITLE),     W("Mrs", ABBR_TITLE),  W("Ms", ABBR_TITLE),
    W("Messrs", ABBR_TITLE), W("Mme", ABBR_TITLE),  W("Mlle", ABBR_TITLE),
    W("Dr", ABBR_TITLE),     W("Prof", ABBR_TITLE), W("Gen", ABBR_TITLE),
    W("Lt", ABBR_TITLE),     W("Col", ABBR_TITLE),  W("Maj", ABBR_TITLE),
    W("Capt", ABBR_TITLE),   W("Cmdr", ABBR_TITLE), W("Adm", ABBR_TITLE),
    W("Sgt", ABBR_TITLE),    W("Cpl", ABBR_TITLE),  W("Pvt", ABBR_TITLE),
    W("Brig", ABBR_TITLE),   W("Sen", ABBR_TITLE),  W("Rep", ABBR_TITLE),
    W("Gov", ABBR_TITLE),    W("Pres", ABBR_TITLE), W("Supt", ABBR_TITLE),
    W("Insp", ABBR_TITLE),   W("Det", ABBR_TITLE),  W("Rev", ABBR_TITLE),
    W("Hon", ABBR_TITLE),    W("Fr", ABBR_TITLE),   W("Msgr", ABBR_TITLE),
    W("Rt", ABBR_TITLE),     W("St", ABBR_TITLE),   W("Mt", ABBR_TITLE),
    W("Ft", ABBR_TITLE),     W("Amb", ABBR_TITLE),  W("Atty", ABBR_TITLE),
    W("vs", ABBR_TITLE),     W("Jan", ABBR_MONTH),  W("Feb", ABBR_MONTH),
    W("Mar", ABBR_MONTH),    W("Apr", ABBR_MONTH),  W("Jun", ABBR_MONTH),
    W("Jul", ABBR_MONTH),    W("Aug", ABBR_MONTH),  W("Sep", ABBR_MONTH),
    W("Sept", ABBR_MONTH),   W("Oct", ABBR_MONTH),  W("Nov", ABBR_MONTH),
    W("Dec", ABBR_MONTH),    W("Inc", ABBR_END),    W("Corp", ABBR_END),
    W("Co", ABBR_END),       W("Cos", ABBR_END),    W("Ltd", ABBR_END),
    W("Plc", ABBR_END),      W("Bros", ABBR_END),   W("Jr", ABBR_END),
    W("Sr", ABBR_END),       W("etc", ABBR_END),    W("Ave", ABBR_END),
    W("Blvd", ABBR_END),     W("Rd", ABBR_END),     W("Dept", ABBR_END),
    W("Univ", ABBR_END),     W("Assn", ABBR_END),   W("Govt", ABBR_END),
    W("approx", ABBR_END),   W("No", ABBR_NUMBER),  W("Nos", ABBR_NUMBER),
    W("Nr", ABBR_NUMBER),
};
#define ABBR_MAX_LEN 6

/* Words that commonly open a sentence: after an acronym or a company
 * ending ("the U.S. He said"), one of these means a new sentence. */
static const struct word_entry sentence_starters[] = {
    W("A", 0),        W("About", 0),   W("After", 0),   W("Also", 0),
    W("Although", 0), W("An", 0),      W("And", 0),     W("As", 0),
    W("At", 0),       W("Because", 0), W("Before", 0),  W("Both", 0),
    W("But", 0),      W("By", 0),      W("Despite", 0), W("During", 0),
    W("Each", 0),     W("Earlier", 0), W("Even", 0),    W("For", 0),
    W("From", 0),     W("He", 0),      W("Her", 0),     W("Here", 0),
    W("His", 0),      W("How", 0),     W("However", 0), W("I", 0),
    W("If", 0),       W("In", 0),      W("It", 0),      W("Its", 0),
    W("Last", 0),     W("Later", 0),   W("Many", 0),    W("Meanwhile", 0),
    W("More", 0),     W("Most", 0),    W("Mr", 0),      W("Mrs", 0),
    W("Ms", 0),       W("My", 0),      W("Neither", 0), W("No", 0),
    W("Not", 0),      W("Now", 0),     W("On", 0),      W("One", 0),
    W("Only", 0),     W("Our", 0),     W("She", 0),     W("Since", 0),
    W("So", 0),       W("Some", 0),    W("Still", 0),   W("That", 0),
    W("The", 0),      W("Their", 0),   W("Then", 0),    W("There", 0),
    W("These", 0),    W("They", 0),    W("This", 0),    W("Those", 0),
    W("Though", 0),   W("To", 0),      W("Under", 0),   W("Until", 0),
    W("We", 0),       W("What", 0),    W("When", 0),    W("Where", 0),
    W("Whether", 0),  W("Which", 0),   W("While", 0),   W("Who", 0),
    W("Why", 0),      W("With", 0),    W("Yet", 0),     W("You", 0),
};

/* Lower-case function words: a line ending in one goes on. */
static const struct word_entry function_words[] = {
    W("a", 0),       W("about", 0), W("after", 0),  W("against", 0),
    W("an", 0),      W("and", 0),   W("are", 0),    W("as", 0),
    W("at", 0),      W("be", 0),    W("been", 0),   W("before", 0),
    W("between", 0), W("but", 0),   W("by", 0),     W("could", 0),
    W("during", 0),  W("for", 0),   W("from", 0),   W("had", 0),
    W("has", 0),     W("have", 0),  W("her", 0),    W("his", 0),
    W("in", 0),      W("into", 0),  W("is", 0),     W("its", 0),
    W("may", 0),     W("might", 0), W("must", 0),   W("my", 0),
    W("nor", 0),     W("of", 0),    W("on", 0),     W("onto", 0),
    W("or", 0),      W("our", 0),   W("over", 0),   W("per", 0),
    W("said", 0),    W("says", 0),  W("should", 0), W("than", 0),
    W("that", 0),    W("the", 0),   W("their", 0),  W("to", 0),
    W("under", 0),   W("via", 0),   W("was", 0),    W("were", 0),
    W("will", 0),    W("with", 0),  W("within", 0), W("without", 0),
    W("would", 0),   W("your", 0),
};
#undef W

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* The entry of `list` spelled w[0, n), or NULL. With fold, an ASCII
 * case-insensitive match counts too (for words in all capitals). */
static const struct word_entry *find_word(const struct word_entry *list,
                                          size_t nlist, const uint8_t *w,
                                          size_t n, bool fold)
{
    size_t i, j;

    for (i = 0; i < nlist; i++) {
        if (list[i].len != n)
            continue;
        if ((uint8_t)list[i].word[0] == w[0] && !memcmp(list[i].word, w, n))
            return &list[i];
        if (!fold)
            continue;
        for (j = 0; j < n; j++)
            if ((w[j] | 0x20) != ((uint8_t)list[i].word[j] | 0x20) ||
                !is_alpha(w[j]))
                break;
        if (j == n)
            return &list[i];
    }
    return NULL;
}

/* ---- pass 1: tokens -------------------------------------------------- */

/* Roles, kept in a token's `sentence` field between the two passes. */
enum {
    R_ABBR = 7,             /* mask: enum abbr_class */
    R_FINAL = 1 << 3,       /* . ! ? … and their runs */
    R_DOT = 1 << 4,         /* exactly one "." */
    R_FINAL_CJK = 1 << 5,   /* 。！？: ends a sentence without space */
    R_OPEN = 1 << 6,        /* opening quote or bracket */
    R_CLOSE = 1 << 7,       /* closing quote or bracket */
    R_CONT = 1 << 8,        /* , ; : ( [ { dashes / &: the line goes on */
    R_START = 1 << 9,       /* may start a sentence */
    R_LOWER_START = 1 << 10 /* begins with a lower-case letter */
};

struct scan {
    const uint8_t *s;
    size_t len;
    size_t pos;         /* next byte to read */
    size_t extra;       /* bytes minus code points in s[0, pos) */
    prism_textseg_t *t; /* where tokens go */
    size_t nl_starts;   /* tokens after a line break */
    size_t nl_lower;    /* ... that begin with a lower-case letter */
};

/* A bigger copy of an array of *cap elements of `size` bytes, or NULL
 * (the old array is then untouched). */
static void *grow(void *arr, size_t *cap, size_t size)
{
    size_t n = *cap ? *cap * 2 : 256;
    void *p;

    if (n > SIZE_MAX / size)
        return NULL;
    p = realloc(arr, n * size);
    if (p)
        *cap = n;
    return p;
}

static inline int emit(struct scan *st, size_t start, size_t end,
                       size_t cp_start, size_t cp_end, unsigned kind,
                       unsigned flags, uint32_t role)
{
    prism_textseg_t *t = st->t;
    prism_token *k;

    if (t->ntoks == t->cap_toks) {
        prism_token *p = grow(t->toks, &t->cap_toks, sizeof(*p));
        if (!p)
            return -ENOMEM;
        t->toks = p;
    }
    if ((flags & PRISM_TF_NEWLINE) && t->ntoks > 0) {
        st->nl_starts++;
        st->nl_lower += (role & R_LOWER_START) != 0;
    }
    k = &t->toks[t->ntoks++];
    k->start = (uint32_t)start;
    k->end = (uint32_t)end;
    k->cp_start = (uint32_t)cp_start;
    k->cp_end = (uint32_t)cp_end;
    k->sentence = role;
    k->kind = (uint16_t)kind;
    k->flags = (uint16_t)flags;
    return 0;
}

/* Extend a PUNCT or SYMBOL token that ends at pos over the rest of its
 * grapheme cluster: combining marks, variation selectors, skin tones,
 * zero-width-joiner sequences, flag pairs. Only a non-ASCII character can
 * extend a cluster here. */
static size_t take_cluster(struct scan *st, size_t pos, int32_t prev)
{
    utf8proc_int32_t state = 0;

    while (pos < st->len && st->s[pos] >= 0x80) {
        size_t n;
        int32_t cp = decode(st->s, st->len, pos, &n);
        if (utf8proc_grapheme_break_stateful(prev, cp, &state))
            break;
        pos += n;
        st->extra += n - 1;
        prev = cp;
    }
    return pos;
}

/* The PRISM_TF_* case and digit flags of a word. */
static unsigned word_flags(unsigned bits, unsigned first)
{
    unsigned f = 0;
    bool up = bits & K_UPPER, lo = bits & K_LOWER;

    if (up && !lo)
        f |= PRISM_TF_UPPER;
    else if (lo && !up)
        f |= PRISM_TF_LOWER;
    if ((first & K_UPPER) && lo)
        f |= PRISM_TF_TITLE;
    if (bits & K_DIGIT)
        f |= PRISM_TF_DIGIT;
    return f;
}

/* Sentence-start roles of a token whose first character has class k. */
static uint32_t start_role(unsigned k)
{
    if (k & K_LOWER)
        return R_LOWER_START;
    if (k & (K_UPPER | K_LETTER | K_DIGIT | K_NUMO))
        return R_START; /* upper case, caseless letter, digit */
    return 0;
}

/* Whether the dot at pos continues a dotted acronym ("U.S.A", "Ph.D"):
 * the part before it has one or two letters (seg bytes, the first of class
 * seg_first), the part after it one or two ASCII letters of the same case
 * as the first part's first letter. */
static bool acronym_dot(const uint8_t *s, size_t len, size_t pos, size_t seg,
                        unsigned seg_first)
{
    size_t j = pos + 1;

    if (seg > 2 || !(seg_first & K_LETTER) || j >= len || !is_alpha(s[j]))
        return false;
    if (!(seg_first & K_UPPER) != !is_upper(s[j]))
        return false;
    while (j < len && j - pos <= 3 && is_alpha(s[j]))
        j++;
    if (j - pos - 1 > 2)
        return false;
    return j >= len || (s[j] < 0x80 && !(ascii_class[s[j]] & K_WORD));
}

/* The abbreviation class of the word s[start, end) that a "." follows,
 * or ABBR_NONE when the dot is not the word's. ncp: its code points. */
static unsigned abbrev_class(const uint8_t *s, size_t len, size_t start,
                             size_t end, unsigned bits, bool dotted,
                             bool joined, size_t ncp)
{
    const struct word_entry *e;
    size_t j, n = end - start;

    if (dotted)
        return joined || (bits & K_DIGIT) ? ABBR_NONE : ABBR_END;
    if (joined || (bits & (K_DIGIT | K_NUMO)))
        return ABBR_NONE;
    if (ncp == 1) {
        if (bits & K_UPPER)
            return ABBR_INITIAL;
        return s[start] == 'v' ? ABBR_TITLE : ABBR_NONE; /* Roe v. Wade */
    }
    if (n > ABBR_MAX_LEN)
        return ABBR_NONE;
    e = find_word(abbreviations, NELEM(abbreviations), s + start, n,
                  (bits & K_UPPER) && !(bits & K_LOWER));
    if (!e)
        return ABBR_NONE;
    if (e->cls != ABBR_NUMBER)
        return e->cls;
    /* "No. 1": a digit within three spaces after the dot */
    for (j = end + 1; j < len && j <= end + 3 && s[j] == ' '; j++)
        ;
    return j < len && is_digit(s[j]) ? ABBR_NUMBER : ABBR_NONE;
}

/* A WORD or NUMBER token starting at st->pos, a word character of class
 * k0, and the possessive "'s" after it, if any. */
static int scan_word(struct scan *st, unsigned gap, unsigned k0)
{
    const uint8_t *s = st->s;
    const size_t len = st->len, start = st->pos, extra0 = st->extra;
    size_t pos = start, extra = extra0, seg_start = start, poss = 0, end;
    unsigned bits = 0, first = k0, last = 0, kind, flags;
    bool dotted = false, joined = false;
    uint32_t role;
    int rc;

    for (;;) {
        size_t cl = 0;
        uint8_t c;

        /* a run of word characters; ASCII is the hot path */
        while (pos < len) {
            size_t n;
            unsigned k;
            if (s[pos] < 0x80) {
                k = ascii_class[s[pos]];
                if (!(k & K_WORD))
                    break;
                bits |= k;
                last = k;
                pos++;
                continue;
            }
            k = uclass(decode(s, len, pos, &n));
            if ((k & K_FORMAT) && (peek_class(s, len, pos + n) & K_WORD))
                k = K_MARK; /* soft hyphen, joiner inside a word */
            if (!(k & K_WORD))
                break;
            if (k != K_MARK || !(last & K_WORD))
                last = k;
            bits |= k;
            pos += n;
            extra += n - 1;
        }
        if (pos >= len)
            break;

        /* a character that may join two runs */
        c = s[pos];
        if (c < 0x80 ? !(ascii_class[c] & K_JOIN) : c != 0xE2)
            break; /* the common case: white space after a word */
        if (c == '\'' || is_rsquo(s, len, pos)) {
            size_t a = c == '\'' ? 1 : 3;
            if (pos + a < len && (s[pos + a] | 0x20) == 's' &&
                !(peek_class(s, len, pos + a + 1) & K_WORD)) {
                poss = a + 1; /* Hungary’s -> Hungary + ’s */
                break;
            }
            if ((last & (K_LETTER | K_MARK)) &&
                (peek_class(s, len, pos + a) & K_LETTER))
                cl = a;
        } else if (c == '-' || is_uhyphen(s, len, pos)) {
            size_t h = c == '-' ? 1 : 3;
            unsigned nk = peek_class(s, len, pos + h);
            if ((nk & K_WORD) && !((last & K_DIGIT) && (nk & K_DIGIT)))
                cl = h;
        } else if (c == '.') {
            if ((last & K_DIGIT) && pos + 1 < len && is_digit(s[pos + 1])) {
                cl = 1;
            } else if ((last & K_LETTER) && !joined && !(bits & K_DIGIT) &&
                       acronym_dot(s, len, pos, pos - seg_start,
                                   peek_class(s, len, seg_start))) {
                cl = 1;
                dotted = true;
            }
        } else if (c == ',') {
            if ((last & K_DIGIT) && !(bits & K_LETTER) && pos + 3 < len &&
                is_digit(s[pos + 1]) && is_digit(s[pos + 2]) &&
                is_digit(s[pos + 3]) &&
                (pos + 4 >= len || !is_digit(s[pos + 4])))
                cl = 1;
        } else if (c == ':' || c == '/') {
            if ((last & K_DIGIT) && !(bits & K_LETTER) && pos + 1 < len &&
                is_digit(s[pos + 1]))
                cl = 1;
        } else if (c == '&') {
            if ((last & K_UPPER) && pos + 1 < len && is_upper(s[pos + 1]))
                cl = 1;
        } else if (c == '_') {
            if (peek_class(s, len, pos + 1) & K_WORD)
                cl = 1;
        }
        if (!cl)
            break;
        if (c != '.')
            joined = true;
        pos += cl;
        extra += cl - 1; /* every connector is one code point */
        seg_start = pos;
    }

    /* the first letter decides TITLE; look for it when k0 is none */
    if (!(k0 & K_LETTER) && (bits & K_LETTER)) {
        size_t i = start, n;
        do {
            first = uclass(decode(s, len, i, &n));
            i += n;
        } while (!(first & K_LETTER) && i < pos);
    }

    kind = (bits & K_LETTER)             ? PRISM_TOK_WORD
           : (bits & (K_DIGIT | K_NUMO)) ? PRISM_TOK_NUMBER
                                         : PRISM_TOK_WORD;
    flags = gap | word_flags(bits, first);
    role = start_role(k0);
    end = pos;
    if (!poss && end < len) {
        if (kind == PRISM_TOK_NUMBER && s[end] == '%') {
            end++;
        } else if (kind == PRISM_TOK_WORD && s[end] == '.' &&
                   !(end + 1 < len && s[end + 1] == '.')) {
            unsigned ac = abbrev_class(s, len, start, end, bits, dotted, joined,
                                       (end - start) - (extra - extra0));
            if (ac) {
                end++;
                flags |= PRISM_TF_ABBREV;
                role |= ac;
            }
        }
    }
    rc = emit(st, start, end, start - extra0, end - extra, kind, flags, role);
    if (rc < 0)
        return rc;
    st->pos = end;
    st->extra = extra;
    if (poss) {
        size_t x = poss - 2; /* extra bytes of the apostrophe */
        unsigned pf =
            s[end + poss - 1] == 'S' ? PRISM_TF_UPPER : PRISM_TF_LOWER;
        rc = emit(st, end, end + poss, end - extra, end + poss - extra - x,
                  PRISM_TOK_WORD, pf, 0);
        if (rc < 0)
            return rc;
        st->pos = end + poss;
        st->extra = extra + x;
    }
    return 0;
}

/* An ASCII PUNCT or SYMBOL token at st->pos. */
static int scan_ascii_mark(struct scan *st, unsigned gap, uint8_t c)
{
    const uint8_t *s = st->s;
    const size_t len = st->len, start = st->pos, cp_start = start - st->extra;
    size_t pos = start + 1;
    uint32_t role = 0;
    unsigned kind =
        ascii_class[c] & K_PUNCT ? PRISM_TOK_PUNCT : PRISM_TOK_SYMBOL;

    switch (c) {
    case '.':
        while (pos < len && s[pos] == '.')
            pos++;
        role = R_FINAL | (pos - start == 1 ? R_DOT : 0);
        break;
    case '!':
    case '?':
        while (pos < len && (s[pos] == '!' || s[pos] == '?'))
            pos++;
        role = R_FINAL;
        break;
    case '-':
        while (pos < len && s[pos] == '-')
            pos++;
        role = R_CONT;
        break;
    case '"':
    case '\'':
        role = R_OPEN | R_CLOSE; /* which one: decided by the space */
        break;
    case '(':
    case '[':
    case '{':
        role = R_OPEN | R_CONT;
        break;
    case ')':
    case ']':
    case '}':
        role = R_CLOSE;
        break;
    case ',':
    case ';':
    case ':':
    case '/':
    case '&':
        role = R_CONT;
        break;
    case '$':
    case '#':
    case '@':
        role = R_START;
        break;
    default:
        break;
    }
    pos = take_cluster(st, pos, s[pos - 1]);
    st->pos = pos;
    return emit(st, start, pos, cp_start, pos - st->extra, kind, gap, role);
}

/* The role of a non-ASCII punctuation character. */
static uint32_t upunct_role(int32_t cp)
{
    switch (cp) {
    case 0x2026: /* … */
    case 0x203C: /* ‼ */
    case 0x2047: /* ⁇ */
    case 0x2048: /* ⁈ */
    case 0x2049: /* ⁉ */
    case 0x061F: /* Arabic question mark */
    case 0x06D4: /* Arabic full stop */
    case 0x0964: /* Devanagari danda */
    case 0x0965:
        return R_FINAL;
    case 0x3002: /* 。 */
    case 0xFF01: /* ！ */
    case 0xFF1F: /* ？ */
    case 0xFF0E: /* ． */
        return R_FINAL | R_FINAL_CJK;
    case 0x00A1: /* ¡ */
    case 0x00BF: /* ¿ */
        return R_OPEN;
    case 0x3001: /* 、 */
    case 0xFF0C: /* ， */
    case 0xFF1A: /* ： */
    case 0xFF1B: /* ； */
        return R_CONT;
    default:
        break;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_PD:
        return R_CONT;
    case UTF8PROC_CATEGORY_PS:
        return R_OPEN | R_CONT;
    case UTF8PROC_CATEGORY_PI:
        return R_OPEN;
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PF:
        return R_CLOSE;
    default:
        return 0;
    }
}

/* A non-ASCII PUNCT (punct) or SYMBOL token: code point cp of n bytes at
 * st->pos. A dash or an ellipsis takes a run of itself. */
static int scan_umark(struct scan *st, unsigned gap, int32_t cp, size_t n,
                      bool punct)
{
    const uint8_t *s = st->s;
    const size_t len = st->len, start = st->pos, cp_start = start - st->extra;
    size_t pos = start + n;
    uint32_t role = 0;

    st->extra += n - 1;
    if (punct) {
        role = upunct_role(cp);
        if (cp == 0x2026 || utf8proc_category(cp) == UTF8PROC_CATEGORY_PD) {
            while (len - pos >= n && !memcmp(s + pos, s + start, n)) {
                pos += n;
                st->extra += n - 1;
            }
        }
    } else {
        utf8proc_category_t cat = utf8proc_category(cp);
        if (cat == UTF8PROC_CATEGORY_SC || cat == UTF8PROC_CATEGORY_SO)
            role = R_START; /* currency, emoji */
    }
    pos = take_cluster(st, pos, cp);
    st->pos = pos;
    return emit(st, start, pos, cp_start, pos - st->extra,
                punct ? PRISM_TOK_PUNCT : PRISM_TOK_SYMBOL, gap, role);
}

static int scan_text(struct scan *st)
{
    unsigned gap = PRISM_TF_NEWLINE; /* the text start counts as a line */

    while (st->pos < st->len) {
        uint8_t c = st->s[st->pos];
        size_t n = 1;
        int32_t cp = c;
        unsigned k;
        int rc;

        if (c == ' ') {
            gap |= PRISM_TF_SPACE;
            st->pos++;
            continue;
        }
        if (c < 0x80) {
            k = ascii_class[c];
        } else {
            cp = decode(st->s, st->len, st->pos, &n);
            k = uclass(cp);
        }
        if (k & (K_SPACE | K_BREAK | K_FORMAT)) {
            if (k & K_SPACE)
                gap |= PRISM_TF_SPACE;
            else if (k & K_BREAK)
                gap |= PRISM_TF_SPACE | PRISM_TF_NEWLINE;
            st->pos += n;
            st->extra += n - 1;
            continue;
        }
        if (k & K_WORD)
            rc = scan_word(st, gap, k);
        else if (c < 0x80)
            rc = scan_ascii_mark(st, gap, c);
        else
            rc = scan_umark(st, gap, cp, n, k & K_PUNCT);
        if (rc < 0)
            return rc;
        gap = 0;
    }
    return 0;
}

/* ---- pass 2: sentences ----------------------------------------------- */

enum end_state {
    ST_NONE,      /* the text so far does not end a sentence */
    ST_FINAL,     /* it ends in . ! ? … (and maybe closing quotes) */
    ST_FINAL_CJK, /* it ends in 。！？ */
    ST_ABBR,      /* it ends in an abbreviation */
};

struct split {
    const uint8_t *s;
    const prism_token *toks;
    bool wrapped;   /* a hard-wrapped text: single breaks are soft */
    int state;      /* enum end_state after the previous token */
    unsigned abbr;  /* its enum abbr_class when ST_ABBR */
    uint32_t prole; /* role of the previous token */
};

/* Line breaks in the gap s[from, to) between two tokens, and whether white
 * space follows the last one (an indented line). */
static unsigned gap_breaks(const uint8_t *s, size_t from, size_t to,
                           bool *indent)
{
    unsigned nb = 0;
    size_t i;

    *indent = false;
    for (i = from; i < to; i++) {
        uint8_t c = s[i];
        if (c == '\n' || c == '\v' || c == '\f' ||
            (c == '\r' && !(i + 1 < to && s[i + 1] == '\n'))) {
            nb++;
            *indent = false;
        } else if (c == 0xC2 && i + 1 < to && s[i + 1] == 0x85) {
            nb++; /* U+0085 NEXT LINE */
            *indent = false;
            i++;
        } else if (c == 0xE2 && i + 2 < to && s[i + 1] == 0x80 &&
                   (s[i + 2] == 0xA8 || s[i + 2] == 0xA9)) {
            nb += s[i + 2] == 0xA9 ? 2 : 1; /* U+2029 is a paragraph */
            *indent = false;
            i += 2;
        } else if (c != '\r' && nb > 0) {
            *indent = true;
        }
    }
    return nb;
}

static bool is_starter(const struct split *sp, const prism_token *t)
{
    if (t->kind != PRISM_TOK_WORD ||
        !(t->flags & (PRISM_TF_TITLE | PRISM_TF_UPPER)))
        return false;
    return find_word(sentence_starters, NELEM(sentence_starters),
                     sp->s + t->start, t->end - t->start,
                     (t->flags & PRISM_TF_UPPER) != 0) != NULL;
}

/* Whether what ends before token i (with role `role`) ends a sentence by
 * its final punctuation or abbreviation (rules 2 and 3 of text.h). */
static bool ends_by_mark(const struct split *sp, size_t i, uint32_t role)
{
    const prism_token *t = &sp->toks[i];

    if (sp->state == ST_NONE)
        return false;
    if (!(t->flags & PRISM_TF_SPACE)) {
        const prism_token *w = i >= 2 ? &sp->toks[i - 2] : NULL;
        if (role & R_CLOSE)
            return false; /* a closing quote or bracket stays */
        if (sp->state == ST_FINAL_CJK)
            return true;
        /* "said.The": a missing space after a sentence */
        return sp->state == ST_FINAL && (sp->prole & R_DOT) && w &&
               w->kind == PRISM_TOK_WORD && (w->flags & PRISM_TF_LOWER) &&
               w->end - w->start >= 2 && t->kind == PRISM_TOK_WORD &&
               (t->flags & PRISM_TF_TITLE);
    }
    if (sp->state != ST_ABBR)
        return (role & (R_START | R_OPEN)) != 0;
    switch (sp->abbr) {
    case ABBR_MONTH:
        if (t->kind == PRISM_TOK_NUMBER || (t->flags & PRISM_TF_DIGIT))
            return false;
        /* fall through */
    case ABBR_END:
        return (role & R_OPEN) || is_starter(sp, t);
    case ABBR_TITLE:
    case ABBR_INITIAL:
        /* a name follows, but not "The": "Main St. The", "Vitamin C. It" */
        return t->end - t->start >= 2 && is_starter(sp, t);
    default:
        return false; /* No. 1 */
    }
}

/* Whether a single line break between p and t is soft in an ordinary text
 * (rule 4): the line before ends mid-sentence or the next one is its
 * continuation. */
static bool line_goes_on(const struct split *sp, const prism_token *p,
                         uint32_t role)
{
    if (role & R_LOWER_START)
        return true;
    if (sp->prole & R_CONT)
        return true;
    return p->kind == PRISM_TOK_WORD && (p->flags & PRISM_TF_LOWER) &&
           !(p->flags & PRISM_TF_ABBREV) &&
           find_word(function_words, NELEM(function_words), sp->s + p->start,
                     p->end - p->start, false) != NULL;
}

/* Whether a sentence ends between tokens i-1 and i. */
static bool ends_before(const struct split *sp, size_t i, uint32_t role)
{
    const prism_token *p = &sp->toks[i - 1], *t = &sp->toks[i];
    bool indent;
    unsigned nb;

    if (!(t->flags & PRISM_TF_NEWLINE))
        return ends_by_mark(sp, i, role);
    nb = gap_breaks(sp->s, p->end, t->start, &indent);
    if (nb >= 2)
        return true;
    if (sp->state == ST_ABBR && sp->abbr != ABBR_MONTH && sp->abbr != ABBR_END)
        return false; /* "Mr.\nSmith" */
    if (sp->wrapped)
        return indent || ends_by_mark(sp, i, role);
    if (sp->state == ST_FINAL || sp->state == ST_FINAL_CJK)
        return true;
    return !line_goes_on(sp, p, role);
}

static int add_sentence(prism_textseg_t *t, size_t first, size_t end)
{
    prism_sentence *sn;

    if (t->nsents == t->cap_sents) {
        prism_sentence *p = grow(t->sents, &t->cap_sents, sizeof(*p));
        if (!p)
            return -ENOMEM;
        t->sents = p;
    }
    sn = &t->sents[t->nsents++];
    sn->start = t->toks[first].start;
    sn->end = t->toks[end - 1].end;
    sn->cp_start = t->toks[first].cp_start;
    sn->cp_end = t->toks[end - 1].cp_end;
    sn->tok_start = (uint32_t)first;
    sn->tok_end = (uint32_t)end;
    return 0;
}

static int split_sentences(const struct scan *st)
{
    prism_textseg_t *t = st->t;
    struct split sp = {
        .s = st->s,
        .toks = t->toks,
        .wrapped = st->nl_lower >= 2 && st->nl_lower * 5 >= st->nl_starts,
        .state = ST_NONE,
    };
    size_t i, first = 0;
    int rc;

    for (i = 0; i < t->ntoks; i++) {
        prism_token *tk = &t->toks[i];
        uint32_t role = tk->sentence;

        if (i > 0 && ends_before(&sp, i, role)) {
            rc = add_sentence(t, first, i);
            if (rc < 0)
                return rc;
            first = i;
        }
        tk->sentence = (uint32_t)t->nsents;

        if (role & R_FINAL) {
            sp.state = role & R_FINAL_CJK ? ST_FINAL_CJK : ST_FINAL;
        } else if (role & R_ABBR) {
            sp.state = ST_ABBR;
            sp.abbr = role & R_ABBR;
        } else if (!((role & R_CLOSE) && !(tk->flags & PRISM_TF_SPACE))) {
            sp.state = ST_NONE; /* a closer right after keeps the state */
        }
        sp.prole = role;
    }
    if (t->ntoks > 0)
        return add_sentence(t, first, t->ntoks);
    return 0;
}

/* ---- the segmenter object -------------------------------------------- */

void prism_textseg_init(prism_textseg_t *t)
{
    *t = (prism_textseg_t){0};
}

int prism_textseg_run(prism_textseg_t *t, const char *s, size_t len,
                      prism_cpmap_t *cp)
{
    struct scan st = {.s = (const uint8_t *)s, .len = len, .t = t};
    int rc;

    (void)cp; /* code points are counted while scanning */
    t->ntoks = 0;
    t->nsents = 0;
    if (len > UINT32_MAX)
        return -EOVERFLOW;
    rc = scan_text(&st);
    if (rc == 0)
        rc = split_sentences(&st);
    if (rc < 0) {
        t->ntoks = 0;
        t->nsents = 0;
    }
    return rc;
}

void prism_textseg_release(prism_textseg_t *t)
{
    free(t->toks);
    free(t->sents);
    prism_textseg_init(t);
}

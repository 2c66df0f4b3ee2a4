/*
 * Unit tests of core/text.c: UTF-8 validation, the byte -> code-point map,
 * the tokenizer and the sentence splitter, on newsroom text (curly quotes,
 * dashes, abbreviations, numbers, non-ASCII names, emoji) and on hostile
 * input (megabytes of one letter, of dots, of combining marks, NULs, bytes
 * that are not UTF-8), where they must finish and stay in bounds.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define MIB (1024 * 1024)

/* ---- helpers --------------------------------------------------------- */

/* Code points before byte off, counted the slow way. */
static size_t naive_cp(const char *s, size_t off)
{
    size_t i, n = 0;

    for (i = 0; i < off; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

static prism_textseg_t seg;
static prism_cpmap_t map;

static int setup(void **state)
{
    (void)state;
    prism_textseg_init(&seg);
    prism_cpmap_init(&map);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    prism_textseg_release(&seg);
    prism_cpmap_release(&map);
    return 0;
}

/* Everything that must hold after any run: tokens in order, inside the
 * text, offsets agreeing with the map, sentences covering the tokens. */
static void check_invariants(const char *s, size_t len)
{
    size_t i, prev_end = 0, next_tok = 0, cp = 0;

    assert_int_equal(prism_cpmap_reset(&map, s, len), 0);
    for (i = 0; i < seg.ntoks; i++) {
        const prism_token *t = &seg.toks[i];
        assert_true(t->start >= prev_end);
        assert_true(t->start < t->end);
        assert_true(t->end <= len);
        assert_true(t->kind >= PRISM_TOK_WORD && t->kind <= PRISM_TOK_SYMBOL);
        assert_true(t->cp_start < t->cp_end);
        /* count code points the slow way, from the previous token on */
        cp += naive_cp(s + prev_end, t->start - prev_end);
        assert_int_equal(t->cp_start, cp);
        cp += naive_cp(s + t->start, t->end - t->start);
        assert_int_equal(t->cp_end, cp);
        assert_int_equal(prism_cpmap_get(&map, t->start), t->cp_start);
        assert_true(t->sentence < seg.nsents);
        prev_end = t->end;
    }
    if (seg.ntoks > 0)
        assert_true(seg.toks[0].flags & PRISM_TF_NEWLINE);
    for (i = 0; i < seg.nsents; i++) {
        const prism_sentence *sn = &seg.sents[i];
        size_t k;
        assert_int_equal(sn->tok_start, next_tok);
        assert_true(sn->tok_start < sn->tok_end);
        assert_true(sn->tok_end <= seg.ntoks);
        assert_int_equal(sn->start, seg.toks[sn->tok_start].start);
        assert_int_equal(sn->end, seg.toks[sn->tok_end - 1].end);
        assert_int_equal(sn->cp_start, seg.toks[sn->tok_start].cp_start);
        assert_int_equal(sn->cp_end, seg.toks[sn->tok_end - 1].cp_end);
        for (k = sn->tok_start; k < sn->tok_end; k++)
            assert_int_equal(seg.toks[k].sentence, i);
        next_tok = sn->tok_end;
    }
    assert_int_equal(next_tok, seg.ntoks);
}

static void run(const char *s)
{
    size_t len = strlen(s);

    assert_int_equal(prism_textseg_run(&seg, s, len, NULL), 0);
    check_invariants(s, len);
}

/* The text of token i. */
static char tok_buf[256];
static const char *tok_text(const char *s, size_t i)
{
    const prism_token *t = &seg.toks[i];
    size_t n = t->end - t->start;

    assert_true(i < seg.ntoks);
    if (n >= sizeof(tok_buf))
        n = sizeof(tok_buf) - 1;
    memcpy(tok_buf, s + t->start, n);
    tok_buf[n] = '\0';
    return tok_buf;
}

/* Tokenize s and expect exactly the tokens of want, a NULL-terminated
 * list. */
static void expect_tokens(const char *s, const char *const *want)
{
    size_t i;

    run(s);
    for (i = 0; want[i]; i++) {
        if (i >= seg.ntoks)
            fail_msg("%s: %zu tokens, wanted more (next: %s)", s, seg.ntoks,
                     want[i]);
        assert_string_equal(tok_text(s, i), want[i]);
    }
    assert_int_equal(seg.ntoks, i);
}
#define TOKENS(s, ...)                                                         \
    do {                                                                       \
        static const char *const want_[] = {__VA_ARGS__, NULL};                \
        expect_tokens(s, want_);                                               \
    } while (0)

/* The token whose text is w (the first), or fail. */
static const prism_token *find_tok(const char *s, const char *w)
{
    size_t i;

    for (i = 0; i < seg.ntoks; i++)
        if (!strcmp(tok_text(s, i), w))
            return &seg.toks[i];
    fail_msg("no token %s in %s", w, s);
    return NULL;
}

/* Expect the sentences of s, a NULL-terminated list of their texts. */
static void expect_sentences(const char *s, const char *const *want)
{
    size_t i;

    run(s);
    for (i = 0; want[i]; i++) {
        const prism_sentence *sn;
        if (i >= seg.nsents)
            fail_msg("%zu sentences, wanted more (next: %s)", seg.nsents,
                     want[i]);
        sn = &seg.sents[i];
        if (strlen(want[i]) != sn->end - sn->start ||
            memcmp(want[i], s + sn->start, sn->end - sn->start))
            fail_msg("sentence %zu is \"%.*s\", wanted \"%s\"", i,
                     (int)(sn->end - sn->start), s + sn->start, want[i]);
    }
    if (seg.nsents != i)
        fail_msg("%zu sentences, wanted %zu; extra: \"%.*s\"", seg.nsents, i,
                 (int)(seg.sents[i].end - seg.sents[i].start),
                 s + seg.sents[i].start);
}
#define SENTENCES(s, ...)                                                      \
    do {                                                                       \
        static const char *const want_[] = {__VA_ARGS__, NULL};                \
        expect_sentences(s, want_);                                            \
    } while (0)

/* ---- UTF-8 validation ------------------------------------------------ */

static void expect_bad(const char *s, size_t len, size_t off)
{
    size_t bad = (size_t)-1;

    assert_false(prism_utf8_valid(s, len, NULL, &bad));
    assert_int_equal(bad, off);
}

static void test_utf8_valid(void **state)
{
    size_t n = 0;
    char big[200];

    (void)state;
    assert_true(prism_utf8_valid(NULL, 0, &n, NULL));
    assert_int_equal(n, 0);
    assert_true(
        prism_utf8_valid("plain ascii text, long enough", 29, &n, NULL));
    assert_int_equal(n, 29);
    /* é (2 bytes), € (3), 😀 (4), U+10FFFF, U+0000 */
    assert_true(prism_utf8_valid("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"
                                 "\xF4\x8F\xBF\xBF\x00z",
                                 15, &n, NULL));
    assert_int_equal(n, 6);
    assert_true(prism_utf8_valid("S\xC3\xA3o Paulo", 10, &n, NULL));
    assert_int_equal(n, 9);

    expect_bad("\xC0\x80", 2, 0);             /* overlong NUL */
    expect_bad("ab\xC1\xBF", 4, 2);           /* overlong */
    expect_bad("abc\xE0\x80\x80", 6, 3);      /* overlong 3-byte */
    expect_bad("abcd\xF0\x80\x80\x80", 8, 4); /* overlong 4-byte */
    expect_bad("x\xED\xA0\x80", 4, 1);        /* surrogate U+D800 */
    expect_bad("\xED\xBF\xBF", 3, 0);         /* surrogate U+DFFF */
    expect_bad("ab\xE2\x82", 4, 2);           /* truncated at end */
    expect_bad("ab\xF0\x9F\x98", 5, 2);       /* truncated at end */
    expect_bad("\xE2\x82z", 3, 0);            /* truncated inside */
    expect_bad("\xF4\x90\x80\x80", 4, 0);     /* > U+10FFFF */
    expect_bad("ok \xF5\x80\x80\x80", 7, 3);  /* F5 never valid */
    expect_bad("stray \x80 byte", 12, 6);     /* lone continuation */
    expect_bad("\xC3\xA9\xFF", 3, 2);         /* FF never valid */

    /* the 8-byte ASCII path must not skip a bad byte, wherever it is */
    memset(big, 'a', sizeof(big));
    for (size_t at = 0; at < sizeof(big); at++) {
        big[at] = (char)0x80;
        expect_bad(big, sizeof(big), at);
        big[at] = 'a';
    }
    assert_true(prism_utf8_valid(big, sizeof(big), &n, NULL));
    assert_int_equal(n, sizeof(big));
}

/* ---- the code-point map ---------------------------------------------- */

static void test_cpmap_ascii(void **state)
{
    static const char s[] = "Kyiv, Ukraine -- The capital said on Monday "
                            "that 10,000 people had left; more would go.";
    size_t i, len = strlen(s);

    (void)state;
    assert_int_equal(prism_cpmap_get(&map, 0), 0); /* fresh: empty text */
    assert_int_equal(prism_cpmap_reset(&map, s, len), 0);
    assert_true(map.ascii);
    assert_int_equal(map.ncp, len);
    for (i = 0; i <= len; i++)
        assert_int_equal(prism_cpmap_get(&map, i), i);
    assert_int_equal(prism_cpmap_get(&map, len + 5), len);
}

static void test_cpmap_mixed(void **state)
{
    static const char *const pieces[] = {
        "a",   " ",        "\xC3\xA9",     "\xE2\x80\x94", "\xF0\x9F\x98\x80",
        "Z",   "\xD0\x9C", "\xE6\x9D\xB1", "\n",           "\xC3\xBC",
        "\x00"};
    char *s = malloc(5000);
    size_t len = 0, i, npieces = sizeof(pieces) / sizeof(pieces[0]);
    unsigned x = 12345;

    (void)state;
    assert_non_null(s);
    while (len < 4900) {
        const char *p;
        x = x * 1103515245u + 12345u;
        p = pieces[(x >> 16) % npieces];
        if (*p == '\0')
            s[len++] = '\0'; /* U+0000 inside the text */
        else
            for (; *p; p++)
                s[len++] = *p;
    }
    assert_true(prism_utf8_valid(s, len, NULL, NULL));
    assert_int_equal(prism_cpmap_reset(&map, s, len), 0);
    assert_false(map.ascii);
    assert_int_equal(map.ncp, naive_cp(s, len));
    for (i = 0; i <= len; i++)
        assert_int_equal(prism_cpmap_get(&map, i), naive_cp(s, i));

    /* reuse on a shorter text, and on every prefix length around blocks */
    for (size_t n = 0; n < 300; n++) {
        assert_int_equal(prism_cpmap_reset(&map, s, n), 0);
        assert_int_equal(map.ncp, naive_cp(s, n));
        assert_int_equal(prism_cpmap_get(&map, n), naive_cp(s, n));
        if (n)
            assert_int_equal(prism_cpmap_get(&map, n - 1), naive_cp(s, n - 1));
    }
    free(s);
}

/* ---- tokens ---------------------------------------------------------- */

static void test_quotes_and_dashes(void **state)
{
    static const char s[] = "\xE2\x80\x9CHello,\xE2\x80\x9D she said.";
    const prism_token *t;

    (void)state;
    /* “Hello,” she said. */
    TOKENS(s, "\xE2\x80\x9C", "Hello", ",", "\xE2\x80\x9D", "she", "said", ".");
    assert_int_equal(seg.toks[0].kind, PRISM_TOK_PUNCT);
    assert_int_equal(seg.toks[0].flags, PRISM_TF_NEWLINE);
    t = &seg.toks[1];
    assert_int_equal(t->kind, PRISM_TOK_WORD);
    assert_int_equal(t->flags, PRISM_TF_TITLE);
    assert_int_equal(t->cp_start, 1);
    assert_int_equal(t->cp_end, 6);
    assert_int_equal(seg.toks[3].kind, PRISM_TOK_PUNCT);
    assert_int_equal(seg.toks[4].flags, PRISM_TF_LOWER | PRISM_TF_SPACE);

    /* Kyiv—the capital; 2019–2020 */
    TOKENS("Kyiv\xE2\x80\x94the capital; 2019\xE2\x80\x93"
           "2020",
           "Kyiv", "\xE2\x80\x94", "the", "capital", ";", "2019",
           "\xE2\x80\x93", "2020");
    assert_int_equal(seg.toks[1].kind, PRISM_TOK_PUNCT);
    assert_int_equal(seg.toks[5].kind, PRISM_TOK_NUMBER);
    assert_int_equal(seg.toks[6].kind, PRISM_TOK_PUNCT);

    TOKENS("a - b -- c --- d \xE2\x80\x94\xE2\x80\x94 e ... f \xE2\x80\xA6 "
           "g?! h",
           "a", "-", "b", "--", "c", "---", "d", "\xE2\x80\x94\xE2\x80\x94",
           "e", "...", "f", "\xE2\x80\xA6", "g", "?!", "h");
    TOKENS("'quoted' \xE2\x80\x98single\xE2\x80\x99 (brackets) [x] {y}", "'",
           "quoted", "'", "\xE2\x80\x98", "single", "\xE2\x80\x99", "(",
           "brackets", ")", "[", "x", "]", "{", "y", "}");
}

static void test_words(void **state)
{
    const char *s;

    (void)state;
    /* possessives split off, contractions and names kept */
    s = "Hungary\xE2\x80\x99s capital, Korea's army, don't, O\xE2\x80\x99Neill";
    TOKENS(s, "Hungary", "\xE2\x80\x99s", "capital", ",", "Korea", "'s", "army",
           ",", "don't", ",", "O\xE2\x80\x99Neill");
    assert_int_equal(seg.toks[1].kind, PRISM_TOK_WORD);
    assert_int_equal(seg.toks[1].flags, PRISM_TF_LOWER); /* no space */
    assert_int_equal(seg.toks[1].cp_start, 7);
    assert_int_equal(seg.toks[1].cp_end, 9);
    assert_int_equal(seg.toks[2].cp_start, 10);
    assert_int_equal(find_tok(s, "O\xE2\x80\x99Neill")->flags,
                     PRISM_TF_TITLE | PRISM_TF_SPACE);

    /* hyphens inside words, not between numbers */
    TOKENS("Indo-Pacific al-Assad F-16 30-year-old 2019-20 COVID-19",
           "Indo-Pacific", "al-Assad", "F-16", "30-year-old", "2019", "-", "20",
           "COVID-19");
    assert_int_equal(seg.toks[2].flags,
                     PRISM_TF_UPPER | PRISM_TF_DIGIT | PRISM_TF_SPACE);
    assert_int_equal(seg.toks[3].kind, PRISM_TOK_WORD);

    /* case flags */
    s = "NATO Budapest iPhone rutte \xE6\x9D\xB1\xE4\xBA\xAC McDonald";
    run(s);
    assert_int_equal(find_tok(s, "NATO")->flags,
                     PRISM_TF_UPPER | PRISM_TF_NEWLINE);
    assert_int_equal(find_tok(s, "Budapest")->flags,
                     PRISM_TF_TITLE | PRISM_TF_SPACE);
    assert_int_equal(find_tok(s, "iPhone")->flags, PRISM_TF_SPACE);
    assert_int_equal(find_tok(s, "rutte")->flags,
                     PRISM_TF_LOWER | PRISM_TF_SPACE);
    assert_int_equal(find_tok(s, "\xE6\x9D\xB1\xE4\xBA\xAC")->flags,
                     PRISM_TF_SPACE);
    assert_int_equal(find_tok(s, "\xE6\x9D\xB1\xE4\xBA\xAC")->kind,
                     PRISM_TOK_WORD);
    assert_int_equal(find_tok(s, "McDonald")->flags,
                     PRISM_TF_TITLE | PRISM_TF_SPACE);

    /* non-ASCII letters are word characters */
    TOKENS("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0, Z\xC3\xBCrich",
           "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", ",",
           "Z\xC3\xBCrich");
    assert_int_equal(seg.toks[0].flags, PRISM_TF_TITLE | PRISM_TF_NEWLINE);

    /* other joiners */
    TOKENS("AT&T and S&P at user_name; A & B", "AT&T", "and", "S&P", "at",
           "user_name", ";", "A", "&", "B");
}

static void test_abbreviations(void **state)
{
    const char *s;

    (void)state;
    s = "The U.S. and U.K. met on Dec. 5 and Sept. 30; Mr. Smith, Dr. Jones, "
        "Acme Inc. and J. R. Tolkien, U.S.A. e.g. 5 p.m. No. 1 hit.";
    TOKENS(s, "The", "U.S.", "and", "U.K.", "met", "on", "Dec.", "5", "and",
           "Sept.", "30", ";", "Mr.", "Smith", ",", "Dr.", "Jones", ",", "Acme",
           "Inc.", "and", "J.", "R.", "Tolkien", ",", "U.S.A.", "e.g.", "5",
           "p.m.", "No.", "1", "hit", ".");
    assert_true(find_tok(s, "U.S.")->flags & PRISM_TF_ABBREV);
    assert_true(find_tok(s, "U.S.")->flags & PRISM_TF_UPPER);
    assert_true(find_tok(s, "Dec.")->flags & PRISM_TF_ABBREV);
    assert_true(find_tok(s, "J.")->flags & PRISM_TF_ABBREV);
    assert_true(find_tok(s, "No.")->flags & PRISM_TF_ABBREV);
    assert_false(find_tok(s, "hit")->flags & PRISM_TF_ABBREV);

    /* "No." only before a number; unknown words leave their dot */
    TOKENS("He said No. Then approx. 5, ran. US.", "He", "said", "No", ".",
           "Then", "approx.", "5", ",", "ran", ".", "US", ".");
    TOKENS("MR. SMITH in the U.S...", "MR.", "SMITH", "in", "the", "U.S",
           "...");
    /* a missing space after a sentence does not glue words */
    TOKENS("said.The in.It a.m.", "said", ".", "The", "in", ".", "It", "a.m.");
}

static void test_numbers(void **state)
{
    const char *s = "10,000 13.25% 1987 3:30 1/2 2,500.75 -5 $5.5 billion "
                    "1,2 11/07/2024 1980s";

    (void)state;
    TOKENS(s, "10,000", "13.25%", "1987", "3:30", "1/2", "2,500.75", "-", "5",
           "$", "5.5", "billion", "1", ",", "2", "11/07/2024", "1980s");
    for (size_t i = 0; i < 6; i++) {
        assert_int_equal(seg.toks[i].kind, PRISM_TOK_NUMBER);
        assert_true(seg.toks[i].flags & PRISM_TF_DIGIT);
    }
    assert_int_equal(find_tok(s, "$")->kind, PRISM_TOK_SYMBOL);
    assert_int_equal(find_tok(s, "-")->kind, PRISM_TOK_PUNCT);
    assert_int_equal(find_tok(s, "1980s")->kind, PRISM_TOK_WORD);
    assert_int_equal(find_tok(s, "1980s")->flags,
                     PRISM_TF_LOWER | PRISM_TF_DIGIT | PRISM_TF_SPACE);
}

static void test_symbols(void **state)
{
    (void)state;
    /* € £ + = # @ %, thumbs up + skin tone, family (ZWJ), flag (two
     * regional indicators) */
    TOKENS("\xE2\x82\xAC"
           "5 \xC2\xA3"
           "3 + = # @ % "
           "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD "
           "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D"
           "\xF0\x9F\x91\xA7 \xF0\x9F\x87\xBA\xF0\x9F\x87\xA6x",
           "\xE2\x82\xAC", "5", "\xC2\xA3", "3", "+", "=", "#", "@", "%",
           "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",
           "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D"
           "\xF0\x9F\x91\xA7",
           "\xF0\x9F\x87\xBA\xF0\x9F\x87\xA6", "x");
    for (size_t i = 0; i < 12; i++)
        if (i != 1 && i != 3)
            assert_int_equal(seg.toks[i].kind, PRISM_TOK_SYMBOL);
}

static void test_cp_offsets(void **state)
{
    /* São Paulo — Zürich 😀 */
    static const char s[] = "S\xC3\xA3o Paulo \xE2\x80\x94 Z\xC3\xBCrich "
                            "\xF0\x9F\x98\x80!";
    static const uint32_t want[][4] = {
        /* byte start, end, code-point start, end */
        {0, 4, 0, 3},     /* São */
        {5, 10, 4, 9},    /* Paulo */
        {11, 14, 10, 11}, /* — */
        {15, 22, 12, 18}, /* Zürich */
        {23, 27, 19, 20}, /* 😀 */
        {27, 28, 20, 21}, /* ! */
    };

    (void)state;
    run(s);
    assert_int_equal(seg.ntoks, 6);
    for (size_t i = 0; i < 6; i++) {
        assert_int_equal(seg.toks[i].start, want[i][0]);
        assert_int_equal(seg.toks[i].end, want[i][1]);
        assert_int_equal(seg.toks[i].cp_start, want[i][2]);
        assert_int_equal(seg.toks[i].cp_end, want[i][3]);
    }
    assert_int_equal(seg.toks[0].flags, PRISM_TF_TITLE | PRISM_TF_NEWLINE);
    assert_int_equal(seg.toks[4].kind, PRISM_TOK_SYMBOL);
    assert_int_equal(seg.nsents, 1);
    assert_int_equal(seg.sents[0].cp_start, 0);
    assert_int_equal(seg.sents[0].cp_end, 21);
}

static void test_white_space(void **state)
{
    static const char s[] = "\xEF\xBB\xBF"
                            "a\tb\r\nc\xC2\xA0"
                            "d\xE2\x80\x8B"
                            "e inf\xC2\xAD"
                            "ormation";

    (void)state;
    run("");
    assert_int_equal(seg.ntoks, 0);
    assert_int_equal(seg.nsents, 0);
    run(" \t\r\n\n  \xC2\xA0\xE2\x80\x83\xE3\x80\x80\n");
    assert_int_equal(seg.ntoks, 0);
    assert_int_equal(seg.nsents, 0);

    /* BOM skipped; tab, CRLF, NBSP, zero-width space; soft hyphen kept */
    TOKENS(s, "a", "b", "c", "d", "e",
           "inf\xC2\xAD"
           "ormation");
    assert_int_equal(seg.toks[0].flags, PRISM_TF_NEWLINE | PRISM_TF_LOWER);
    assert_int_equal(seg.toks[1].flags, PRISM_TF_SPACE | PRISM_TF_LOWER);
    assert_int_equal(seg.toks[2].flags,
                     PRISM_TF_SPACE | PRISM_TF_NEWLINE | PRISM_TF_LOWER);
    assert_int_equal(seg.toks[3].flags, PRISM_TF_SPACE | PRISM_TF_LOWER);
    assert_int_equal(seg.toks[4].flags, PRISM_TF_SPACE | PRISM_TF_LOWER);

    /* NULs are white space, inside the text */
    assert_int_equal(prism_textseg_run(&seg, "a\0b", 3, NULL), 0);
    check_invariants("a\0b", 3);
    assert_int_equal(seg.ntoks, 2);
    assert_int_equal(seg.toks[1].start, 2);
    assert_true(seg.toks[1].flags & PRISM_TF_SPACE);
}

/* ---- sentences ------------------------------------------------------- */

static void test_sentences_paragraph(void **state)
{
    (void)state;
    SENTENCES("Mr. Smith went to Washington. He met Dr. Jones of Acme Inc. "
              "on Sept. 30. They flew to the U.S. He said it was fine. "
              "The U.S. Army agreed! Did it? Yes.",
              "Mr. Smith went to Washington.",
              "He met Dr. Jones of Acme Inc. on Sept. 30.",
              "They flew to the U.S.", "He said it was fine.",
              "The U.S. Army agreed!", "Did it?", "Yes.");
    /* closing quotes stay with the sentence they end */
    SENTENCES("\xE2\x80\x9CWe will go.\xE2\x80\x9D Rutte said so. \"Go now!\" "
              "she said. (It rained.) Then 5,000 left... and more came.",
              "\xE2\x80\x9CWe will go.\xE2\x80\x9D", "Rutte said so.",
              "\"Go now!\" she said.", "(It rained.)",
              "Then 5,000 left... and more came.");
    /* a title or an initial before a sentence starter */
    SENTENCES("He lives on Main St. The house is old. Take vitamin C. It "
              "helps. Ask J. Smith or Gen. Mark Milley.",
              "He lives on Main St.", "The house is old.", "Take vitamin C.",
              "It helps.", "Ask J. Smith or Gen. Mark Milley.");
    /* initials, a lower-case word after a dot, a missing space */
    SENTENCES("J. R. R. Tolkien wrote it. e.g. this one. It ended.The next.",
              "J. R. R. Tolkien wrote it. e.g. this one.", "It ended.",
              "The next.");
    /* no space in CJK */
    SENTENCES("\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x80\x82\xE5\xA4\xA7\xE9\x98\xAA"
              "\xE3\x80\x82",
              "\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x80\x82",
              "\xE5\xA4\xA7\xE9\x98\xAA\xE3\x80\x82");
    SENTENCES("word", "word");
}

static void test_sentences_lines(void **state)
{
    (void)state;
    /* headlines, a dateline and paragraphs, each on its own line */
    SENTENCES("Russia warns NATO over Ukraine\n"
              "Minister cites new threat to the region\n"
              "ATHENS\n"
              "A victory would threaten Europe, the chief warned.\n"
              "\xE2\x80\x9CThis is a threat,\xE2\x80\x9D he said.\n\n"
              "More to follow",
              "Russia warns NATO over Ukraine",
              "Minister cites new threat to the region", "ATHENS",
              "A victory would threaten Europe, the chief warned.",
              "\xE2\x80\x9CThis is a threat,\xE2\x80\x9D he said.",
              "More to follow");
    /* a line that ends mid-sentence goes on */
    SENTENCES("The minister said on\nMonday that talks,\nwhich began in May,\n"
              "would go on.\n\nNext one",
              "The minister said on\nMonday that talks,\nwhich began in "
              "May,\nwould go on.",
              "Next one");
    /* blank lines always end a sentence, also after an abbreviation */
    SENTENCES("Talks with Mr.\n\nSmith", "Talks with Mr.", "Smith");
    SENTENCES("Talks with Mr.\nSmith", "Talks with Mr.\nSmith");
    /* a hard-wrapped wire story: single breaks are soft */
    SENTENCES("LONDON, March 3 - Cocoa futures rose sharply in\n"
              "early trade on Tuesday as dealers in\n"
              "London bought ahead of the\n"
              "weekend. Stocks fell by 1,200\n"
              "tonnes in the week.\n"
              "    Dealers said supplies remained tight\n"
              "and prices could rise further.\n",
              "LONDON, March 3 - Cocoa futures rose sharply in\n"
              "early trade on Tuesday as dealers in\n"
              "London bought ahead of the\nweekend.",
              "Stocks fell by 1,200\ntonnes in the week.",
              "Dealers said supplies remained tight\n"
              "and prices could rise further.");
}

/* ---- hostile input --------------------------------------------------- */

static void run_big(const char *s, size_t len)
{
    assert_int_equal(prism_textseg_run(&seg, s, len, NULL), 0);
    check_invariants(s, len);
}

/* Fill len bytes with copies of pattern. */
static char *repeat(const char *pattern, size_t plen, size_t len)
{
    char *s = malloc(len + 1);
    size_t i;

    assert_non_null(s);
    for (i = 0; i + plen <= len; i += plen)
        memcpy(s + i, pattern, plen);
    memset(s + i, ' ', len - i);
    s[len] = '\0';
    return s;
}

static void test_hostile(void **state)
{
    static const struct {
        const char *pattern;
        size_t len;
    } cases[] = {
        {"a", 1},
        {".", 1},
        {"\xCC\x81", 2}, /* combining acute accent */
        {"\0", 1},
        {"A.", 2},
        {"No. ", 4},
        {"a-", 2},
        {"a'", 2},
        {"1,000", 5},
        {"\xE2\x80\x8D", 3}, /* zero-width joiner */
        {"\xF0\x9F\x91\xA8\xE2\x80\x8D", 7},
        {"\xF0\x9F\x87\xBA", 4}, /* regional indicators */
        {"\n", 1},
        {"U.S. ", 5},
        {"\xE2\x80\x94", 3},
        {"x\xC2\xAD", 3},
    };
    size_t c;

    (void)state;
    for (c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
        size_t len = MIB - MIB % cases[c].len;
        char *s = repeat(cases[c].pattern, cases[c].len, len);
        assert_true(prism_utf8_valid(s, len, NULL, NULL));
        run_big(s, len);
        free(s);
    }

    /* bytes that are not UTF-8: still in bounds (offsets are then only
     * approximate, so only the bounds are checked) */
    {
        char *s = malloc(MIB);
        unsigned x = 7;
        assert_non_null(s);
        for (size_t i = 0; i < MIB; i++) {
            x = x * 1103515245u + 12345u;
            s[i] = (char)(x >> 16);
        }
        assert_int_equal(prism_textseg_run(&seg, s, MIB, NULL), 0);
        for (size_t i = 0; i < seg.ntoks; i++) {
            assert_true(seg.toks[i].end <= MIB);
            assert_true(seg.toks[i].cp_end <= MIB);
            assert_true(seg.toks[i].start < seg.toks[i].end);
        }
        free(s);
    }
}

static void test_reuse(void **state)
{
    char *big = repeat("Word, word. ", 12, 100000);

    (void)state;
    run_big(big, 100000);
    assert_true(seg.ntoks > 20000);
    assert_true(seg.nsents > 5000);
    run("Short one. Two.");
    assert_int_equal(seg.ntoks, 5);
    assert_int_equal(seg.nsents, 2);
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_valid),
        cmocka_unit_test_setup_teardown(test_cpmap_ascii, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cpmap_mixed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_quotes_and_dashes, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_words, setup, teardown),
        cmocka_unit_test_setup_teardown(test_abbreviations, setup, teardown),
        cmocka_unit_test_setup_teardown(test_numbers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_symbols, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cp_offsets, setup, teardown),
        cmocka_unit_test_setup_teardown(test_white_space, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sentences_paragraph, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_sentences_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(test_hostile, setup, teardown),
        cmocka_unit_test_setup_teardown(test_reuse, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * Shared text services of the core: strict UTF-8 validation, a byte ->
 * code-point offset map, and the tokenizer and sentence splitter that
 * plugins read through doc_tokens() and doc_sentences(). Each runs once per
 * document, on demand, in linear time, and reuses its arrays from one
 * document to the next.
 *
 * Texts are limited to less than 4 GiB: every offset a plugin sees is a
 * uint32_t. The daemon's size limit keeps documents far below that; the
 * functions here refuse a longer text with -EOVERFLOW rather than wrap.
 *
 * The tokenizer, as a plugin author reads it
 * ------------------------------------------
 * Characters are classed by their Unicode general category (utf8proc):
 * letters (L*, and letter numbers Nl), marks (M*), decimal digits (Nd) and
 * other numbers (No: ² ½) are word characters, so "São", "Zürich",
 * "Москва" and "東京" are words like any other. Space separators (Z*) and
 * control characters (C0, C1, U+0000 included) are white space; \n, \v,
 * \f, \r (\r\n counts once), U+0085, U+2028 and U+2029 are line breaks.
 * Invisible format characters (Cf: soft hyphen, zero-width joiners, bidi
 * marks, a BOM) stay inside a word when word characters surround them and
 * are skipped elsewhere; U+200B ZERO WIDTH SPACE is white space.
 *
 * WORD     a run of word characters, with these kept inside:
 *          - an apostrophe (' or ’) between letters: "don't", "O’Neill";
 *          - a hyphen (-, U+2010, U+2011) between word characters, unless
 *            digits stand on both sides: "Indo-Pacific", "al-Assad",
 *            "F-16", "30-year-old" are one token; "2019-20" is three;
 *          - a dot between letters in a dotted acronym, where each part
 *            has one or two letters: "U.S.A", "e.g", "Ph.D", "a.m";
 *          - a dot between digits: "v1.2";
 *          - "&" between upper-case letters ("AT&T", "S&P") and "_"
 *            between word characters ("user_name").
 *          The possessive is split off: "Hungary’s" is "Hungary" + "’s",
 *          "Korea's" is "Korea" + "'s" (an apostrophe, then s or S, then
 *          no word character). This also splits "it's" into "it" + "'s".
 *          Words are letters first: "1980s", "5bn", "COVID-19" are WORDs
 *          with PRISM_TF_DIGIT.
 * ABBREV   a WORD directly followed by "." keeps the dot, and gets
 *          PRISM_TF_ABBREV, when it is
 *          - a dotted acronym: "U.S.", "U.K.", "U.S.A.", "e.g.", "p.m.";
 *          - a single upper-case letter, an initial: "J.", "Ö.";
 *          - in the built-in list (also in all capitals: "MR."): titles
 *            Mr Mrs Ms Messrs Mme Mlle Dr Prof Gen Lt Col Maj Capt Cmdr
 *            Adm Sgt Cpl Pvt Brig Sen Rep Gov Pres Supt Insp Det Rev Hon
 *            Fr Msgr Rt St Mt Ft Amb Atty vs v; months Jan Feb Mar Apr Jun
 *            Jul Aug Sep Sept Oct Nov Dec; company and other endings Inc
 *            Corp Co Cos Ltd Plc Bros Jr Sr etc Ave Blvd Rd Dept Univ Assn
 *            Govt approx;
 *          - "No", "Nos" or "Nr" when a digit follows ("No. 1").
 *          A dot followed by another dot is never taken ("U.S..." is
 *          "U.S" + "...").
 * NUMBER   digits (Nd, No) with no letter, with inner "." between digits
 *          ("13.25"), "," followed by exactly three digits ("10,000",
 *          "2,500.75"), ":" and "/" between digits ("3:30", "1/2",
 *          "11/07/2024"), and a "%" right after it ("13.25%"). A sign is a
 *          separate token: "-5" is "-" + "5"; so is a currency: "$5.5" is
 *          "$" + "5.5".
 * PUNCT    Unicode punctuation (P*) and ASCII ! " ' ( ) * , - . / : ; ? [
 *          \ ] _ { }. One character per token, except runs: "..." (any
 *          run of dots), "--" (any run of hyphens), "?!" (runs of ! and
 *          ?), and runs of one same dash ("——") or ellipsis ("……").
 * SYMBOL   everything else: $ € £ + = # @ % & < > ^ ` | ~, emoji. A
 *          SYMBOL or PUNCT token extends over its whole extended grapheme
 *          cluster (UAX #29): an emoji with its skin tone, a family
 *          joined by U+200D ZWJ, a flag (two regional indicators), a
 *          character with its combining marks are one token each.
 *
 * Flags: UPPER (every cased letter upper case, at least one), LOWER (every
 * cased letter lower case, at least one), TITLE (the first letter is upper
 * case and some letter is lower case: "Hungary", "McDonald", "O’Neill");
 * caseless scripts ("東京") get none of the three. DIGIT: a decimal digit
 * inside. SPACE: white space (a line break included) right before the
 * token. NEWLINE: a line break in the white space before it, or the token
 * is the first of the text. ABBREV: see above.
 *
 * The sentence splitter
 * ---------------------
 * Every token belongs to exactly one sentence; sentences cover the tokens
 * in order, and a text without tokens has none. A sentence runs from its
 * first token's start to its last token's end. Between two tokens, a
 * sentence ends when
 *   1. A blank line (two line breaks, white space between them allowed)
 *      or U+2029 separates them.
 *   2. The text before ends in ". ! ? ?! ... …" (or 。！？, which need no
 *      space), possibly followed by closing quotes or brackets attached to
 *      it (they stay in the sentence that ends: `“Go.” He` ends after ”),
 *      and the next token follows white space and plausibly starts a
 *      sentence: a word that starts with an upper-case or caseless letter
 *      or a digit, a number, an opening quote or bracket, ¿ ¡ # @, a
 *      currency sign or an emoji. A lower-case word does not ("... will deal
 * with ... the mainland" stays one). Missing space after a period ("said.The")
 *      ends a sentence when a lower-case word stands before the dot and a
 *      title-case word after it.
 *   3. The text before ends in an abbreviation, by its kind:
 *      - "No." (always before a number): never;
 *      - titles and initials: only when the next word is one that
 *        commonly starts a sentence (The, He, She, It, They, We, In, But,
 *        This, ... ; see sentence_starters in text.c) and has two letters
 *        or more: "Mr. Smith", "J. Smith" go on, "Main St. The" and
 *        "Vitamin C. It" end;
 *      - months: not before a number ("Sept. 30"), else as the next kind;
 *      - acronyms and the other abbreviations: when the next word is such
 *        a sentence starter (one letter included: "A", "I") or an opening
 *        quote or bracket follows: "the U.S. He said" ends after "U.S.",
 *        "the U.S. Army" does not.
 *   4. One line break separates them. News texts put headlines, datelines
 *      and paragraphs on lines of their own, so a line break ends a
 *      sentence: always after . ! ? …, and otherwise unless the line
 *      before ends in , ; : ( [ { a dash / or &, or in a lower-case
 *      function word (the, of, and, to, said, ...; function_words in
 *      text.c), or the next line starts with a lower-case letter. After a
 *      title, an initial or "No." a single line break never ends one.
 *      A text that is hard-wrapped (at least two line starts, and a fifth
 *      of all, begin with a lower-case letter, as in Reuters wire copy) is
 *      read differently: a single line break there ends a sentence only by
 *      rules 2 and 3, or when the next line is indented (white space
 *      after the break: a paragraph start).
 *
 * Thread-safety: the functions keep no global state; one object must not
 * be used by two threads at once. Ownership: the objects own their arrays;
 * the texts are the caller's.
 */
#ifndef PRISM_TEXT_H
#define PRISM_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "prism/plugin.h" /* prism_token, prism_sentence */

/*
 * Whether s[0, len) is well-formed UTF-8 (Unicode Table 3-7): no overlong
 * forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF, no
 * truncated sequence. U+0000 is valid. Checks 8 ASCII bytes at a time.
 * On success *ncp (if non-NULL) gets the number of code points; on failure
 * *bad_off (if non-NULL) gets the byte offset where the first ill-formed
 * sequence starts (the lead byte of an overlong, surrogate or truncated
 * sequence; a stray continuation byte itself). s may be NULL when len is 0.
 */
bool prism_utf8_valid(const char *s, size_t len, size_t *ncp, size_t *bad_off);

/*
 * Byte -> code-point offset map over one text. It keeps the code-point
 * count before every 64-byte block, so a lookup counts at most 63 bytes
 * (8 bytes at a time); an all-ASCII text needs no table at all. The table
 * grows to the largest text seen and is reused.
 * Ownership: the map owns `blocks`; `text` is borrowed from the caller of
 * prism_cpmap_reset() and must outlive the lookups.
 */
typedef struct prism_cpmap {
    const char *text; /* the text of the last reset (borrowed) */
    size_t len;       /* its length in bytes */
    size_t ncp;       /* its length in code points */
    bool ascii;       /* all bytes < 0x80: a code-point offset is a byte's */
    uint32_t *blocks; /* code points before each 64-byte block */
    size_t cap;       /* entries allocated in blocks */
} prism_cpmap_t;

/* An empty map (over the empty text). */
void prism_cpmap_init(prism_cpmap_t *m);

/*
 * Point the map at s[0, len), which must be valid UTF-8 and stay alive
 * while the map is used. Returns 0, -ENOMEM (the map then describes the
 * empty text) or -EOVERFLOW (len >= 4 GiB). Linear time; allocates only
 * when the text is longer than any before.
 */
int prism_cpmap_reset(prism_cpmap_t *m, const char *s, size_t len);

/*
 * The code-point offset of byte offset byte_off, which should lie on a
 * character boundary in [0, len]; an offset inside a character gives the
 * offset of the character after it, len or more gives the length. O(1)
 * for an all-ASCII text, otherwise at most 8 word operations.
 */
size_t prism_cpmap_get(prism_cpmap_t *m, size_t byte_off);

/* Free the table; the map is then empty, as after init. */
void prism_cpmap_release(prism_cpmap_t *m);

/*
 * The tokens and sentences of one text. Reusable across documents: the
 * arrays grow geometrically and never shrink. After a run, toks[0, ntoks)
 * and sents[0, nsents) describe the text (see the rules above).
 * Ownership: the object owns both arrays; a plugin borrows them until the
 * next run.
 */
typedef struct prism_textseg {
    prism_token *toks;
    size_t ntoks, cap_toks;
    prism_sentence *sents;
    size_t nsents, cap_sents;
} prism_textseg_t;

/* Empty arrays, nothing allocated. */
void prism_textseg_init(prism_textseg_t *t);

/*
 * Tokenize s[0, len) and split it into sentences, filling byte and
 * code-point offsets. The text should be valid UTF-8; an ill-formed byte
 * becomes a one-byte SYMBOL and counts as one code point, so byte offsets
 * stay within the text whatever it holds. The scanner counts
 * code points as it goes, so `cp` is not needed and may be NULL; when
 * given, it must describe the same text, and it is not modified.
 * Returns 0, -ENOMEM (no tokens then) or -EOVERFLOW (len >= 4 GiB).
 * Linear time in len.
 */
int prism_textseg_run(prism_textseg_t *t, const char *s, size_t len,
                      prism_cpmap_t *cp);

/* Free both arrays; the object is then as after init. */
void prism_textseg_release(prism_textseg_t *t);

#endif /* PRISM_TEXT_H */

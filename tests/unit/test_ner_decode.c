/*
 * Unit tests of the entity tagger's decoder (plugins/entities/ner.h):
 * ner_viterbi, which works BILOU's open tags four at a time, against a
 * plain Viterbi written from ner_tag_allowed() alone, on random scores.
 * Small scores make many paths tie; the decoders must agree on which one
 * wins (the lower-numbered predecessor, then the lower-numbered last tag),
 * or the trainer would no longer rebuild the committed model.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../plugins/entities/ner.h"

#define MAXN 40
#define NONE INT64_MIN

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static int32_t random_in(int32_t lo, int32_t hi)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return lo + (int32_t)(rng % (uint64_t)(hi - lo + 1));
}

/* Viterbi over every allowed predecessor in increasing order, keeping the
 * first best; the best allowed last tag, the first of equals. */
static void reference(const int32_t *em, size_t n, const int16_t *tr,
                      uint8_t *tags)
{
    int64_t score[MAXN][NER_NTAGS];
    uint8_t back[MAXN][NER_NTAGS];
    for (int t = 0; t < NER_NTAGS; t++)
        score[0][t] = ner_tag_allowed(-1, t)
                          ? (int64_t)tr[NER_NTAGS * NER_NTAGS + t] + em[t]
                          : NONE;
    for (size_t i = 1; i < n; i++)
        for (int t = 0; t < NER_NTAGS; t++) {
            int64_t best = NONE;
            for (int from = 0; from < NER_NTAGS; from++) {
                if (!ner_tag_allowed(from, t) || score[i - 1][from] == NONE)
                    continue;
                int64_t s = score[i - 1][from] + tr[from * NER_NTAGS + t];
                if (best == NONE || s > best) {
                    best = s;
                    back[i][t] = (uint8_t)from;
                }
            }
            score[i][t] = best == NONE ? NONE : best + em[i * NER_NTAGS + t];
        }
    int64_t best = NONE;
    int bt = 0;
    for (int t = 0; t < NER_NTAGS; t++)
        if (ner_tag_allowed(t, -1) && score[n - 1][t] != NONE &&
            (best == NONE || score[n - 1][t] > best)) {
            best = score[n - 1][t];
            bt = t;
        }
    for (size_t i = n; i-- > 0;) {
        tags[i] = (uint8_t)bt;
        if (i > 0)
            bt = back[i][bt];
    }
}

/* Decodes random sentences with both decoders; scores drawn from
 * [-range, range]. */
static void agree_on_random_scores(int32_t range, int rounds)
{
    int16_t tr[(NER_NTAGS + 1) * NER_NTAGS];
    int32_t em[MAXN * NER_NTAGS];
    uint8_t back[MAXN * NER_NTAGS], got[MAXN], want[MAXN];
    ner_trans prepared;
    for (int r = 0; r < rounds; r++) {
        for (size_t i = 0; i < sizeof(tr) / sizeof(tr[0]); i++)
            tr[i] = (int16_t)random_in(range > 32000 ? -32000 : -range,
                                       range > 32000 ? 32000 : range);
        size_t n = 1 + (size_t)random_in(0, MAXN - 1);
        for (size_t i = 0; i < n * NER_NTAGS; i++)
            em[i] = random_in(-range, range);
        ner_trans_prepare(tr, &prepared);
        ner_viterbi(em, n, &prepared, back, got);
        reference(em, n, tr, want);
        assert_memory_equal(got, want, n);
        /* and the tags are well-formed BILOU */
        assert_true(ner_tag_allowed(-1, got[0]));
        for (size_t i = 1; i < n; i++)
            assert_true(ner_tag_allowed(got[i - 1], got[i]));
        assert_true(ner_tag_allowed(got[n - 1], -1));
    }
}

static void ties_go_to_the_lower_numbered_tags(void **state)
{
    (void)state;
    agree_on_random_scores(1, 3000);
    agree_on_random_scores(3, 3000);
}

static void agrees_on_the_model_s_range_of_scores(void **state)
{
    (void)state;
    agree_on_random_scores(30000, 1000);
    agree_on_random_scores(2000000, 1000); /* emissions of many features */
}

/* A name the scores ask for is decoded as one: B-ORG I-ORG L-ORG, then a
 * U-PER, with O around them. */
static void decodes_the_names_the_scores_ask_for(void **state)
{
    (void)state;
    int16_t tr[(NER_NTAGS + 1) * NER_NTAGS] = {0};
    const int want[] = {0,
                        ner_tag(NER_ORG, NER_B),
                        ner_tag(NER_ORG, NER_I),
                        ner_tag(NER_ORG, NER_L),
                        0,
                        ner_tag(NER_PER, NER_U),
                        0};
    size_t n = sizeof(want) / sizeof(want[0]);
    int32_t em[sizeof(want) / sizeof(want[0]) * NER_NTAGS] = {0};
    for (size_t i = 0; i < n; i++)
        em[i * NER_NTAGS + want[i]] = 100;
    uint8_t back[sizeof(em)], got[sizeof(want) / sizeof(want[0])];
    ner_trans prepared;
    ner_trans_prepare(tr, &prepared);
    ner_viterbi(em, n, &prepared, back, got);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(got[i], want[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(decodes_the_names_the_scores_ask_for),
        cmocka_unit_test(ties_go_to_the_lower_numbered_tags),
        cmocka_unit_test(agrees_on_the_model_s_range_of_scores),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

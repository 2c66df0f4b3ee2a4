/*
 * Unit tests of the entity tagger's decoder (plugins/entities/ner.h):
 * ner_viterbi, which works BILOU's open tags four at a time, against a
 * plain Viterbi written from ner_tag_allowed() alone, on random scores.
 * Small scores make many paths tie; the decoders must agree on which one
 * wins (the lower-numbered predecessor, then the lower-numbered last tag),
 * or the trainer would no longer rebuild the committed model. And the
 * model file's weight rows (struct ner_wrow): int8 with a power-of-two
 * factor, packed from the trainer's int16 and summed by ner_emission.
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

/* A packed row's weights: int16 weights from all-zero rows to the int16
 * extremes come back within half a step of 2^shift, and the largest keeps
 * at least seven bits (64 or more steps) once a shift is needed. */
static void packed_rows_keep_each_weight_within_half_a_step(void **state)
{
    (void)state;
    static const int32_t ranges[] = {0, 1, 127, 128, 300, 5000, 32767};
    int16_t w[NER_NTAGS];
    for (int r = 0; r < 20000; r++) {
        int32_t range = ranges[r % 7];
        for (int t = 0; t < NER_NTAGS; t++)
            w[t] = (int16_t)random_in(-range, range);
        if (r % 5 == 0) /* the extremes, and a largest weight exactly at
                           the range's edge */
            w[r % NER_NTAGS] = (int16_t)(r % 2 ? range : -range - (r % 3 == 0));
        struct ner_wrow p = ner_wrow_pack(w);
        assert_true(p.shift <= 15);
        int32_t step = (int32_t)1 << p.shift, top = 0;
        for (int t = 0; t < NER_NTAGS; t++) {
            int32_t back = p.w[t] * step, err = back - w[t];
            assert_true(err <= step / 2 && -err <= step / 2);
            top = abs(p.w[t]) > top ? abs(p.w[t]) : top;
        }
        if (p.shift > 0)
            assert_true(top >= 64);
    }
}

/* ner_emission sums the unpacked rows of the features that have one, in
 * the table of a hand-built model, and nothing for the others. */
static void emission_sums_the_packed_rows_of_features_found(void **state)
{
    (void)state;
    struct ner_file_header h;
    memset(&h, 0, sizeof(h));
    h.w_log2 = 4;
    h.row_bits = 8;
    uint32_t wk[16] = {0};
    struct ner_wrow wv[16];
    memset(wv, 0, sizeof(wv));
    ner_model m = {.h = &h, .wk = wk, .wv = wv, .w_mask = 15, .row_mask = 255};
    /* rows of stage 1 for features 5, 77 and 200 (and 77 + 256, which is
     * the same row: features are masked to row_bits) */
    const uint32_t feats[] = {5, 77, 200};
    int32_t want[NER_NTAGS] = {0};
    for (size_t i = 0; i < 3; i++) {
        int16_t w[NER_WROW] = {0};
        for (int t = 0; t < NER_NTAGS; t++)
            w[t] = (int16_t)random_in(-(int32_t)(40 << (3 * i)), 40 << (3 * i));
        uint32_t key = ((feats[i] & 255) | (1u << 8)) + 1;
        uint32_t j = ner_wslot_first(key, 4);
        while (wk[j])
            j = (j + 1) & 15;
        wk[j] = key;
        wv[j] = ner_wrow_pack(w);
        for (int t = 0; t < NER_NTAGS; t++)
            want[t] += wv[j].w[t] * (1 << wv[j].shift);
    }
    const uint32_t ask[] = {5, 77 + 256, 9, 200, 31};
    int32_t em[NER_NTAGS];
    ner_emission(&m, ask, sizeof(ask) / sizeof(ask[0]), 1, em);
    assert_memory_equal(em, want, sizeof(want));
    /* the same features in stage 0 have no rows */
    ner_emission(&m, ask, sizeof(ask) / sizeof(ask[0]), 0, em);
    for (int t = 0; t < NER_NTAGS; t++)
        assert_int_equal(em[t], 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(packed_rows_keep_each_weight_within_half_a_step),
        cmocka_unit_test(emission_sums_the_packed_rows_of_features_found),
        cmocka_unit_test(decodes_the_names_the_scores_ask_for),
        cmocka_unit_test(ties_go_to_the_lower_numbered_tags),
        cmocka_unit_test(agrees_on_the_model_s_range_of_scores),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

# Build rules of the entities plugin (included by the top Makefile).
#
#   make build/plugins/entities.so   the plugin (reads the committed model)
#   make model                       rebuild plugins/entities/model/entities.model:
#                                    gazetteer and word lexicon from iso-codes +
#                                    wordnet-base + scowl + lists/, then the
#                                    trainer on the CoNLL-2003 train split
#                                    (tuned on dev and UNER ewt-dev; never
#                                    on a test split)
#   make entities-eval               the model on the dev split, per type
#   make entities-clusters           word clusters from unlabelled text
#                                    (wordnet-base glosses, fortunes, the
#                                    CoNLL train text); `make model
#                                    ENT_CLUSTERS=build/entities/clusters.txt`
#                                    trains with them (not the committed
#                                    model: they cost 0.3 to 0.5 F1 on dev)
#
# Training takes about four and a half minutes here (each stage the mean
# of 5 seeded runs).
#
# Debian packages: iso-codes, wordnet-base, scowl and python3-fake-factory
# for `make model`;
# fortunes too for `make entities-clusters`.

ENT_DIR      = plugins/entities
ENT_MODEL    = $(ENT_DIR)/model/entities.model
ENT_OUT      = $(BUILD)/entities
ENT_GAZ      = $(ENT_OUT)/gaz.tsv
ENT_TRAIN    = $(ENT_OUT)/train
ENT_CLUSTER_BIN = $(ENT_OUT)/clusters
ENT_CONLL   ?= ../shared/data/conll2003
# Training settings, chosen on the dev split: two stages, the first one
# jackknifed over 5 folds of train to give the second realistic history;
# the first stage's rows below 3000 (of 32000) are pruned (it only has to
# give the second stage its history); at most 45000 weight rows in all,
# the strongest: as accurate on dev as 91000 rows, and faster (the table
# of 2^17 slots, 2.9 MB with int8 rows, is at most 45% full, so that the
# many features missing from it cost one probe).
ENT_EPOCHS  ?= 10
ENT_ROWBITS ?= 21
ENT_PRUNE   ?= 0
ENT_PRUNE1  ?= 3000
ENT_MAXROWS ?= 45000
ENT_CLUSTERS ?=
# Seed averaging: the final first stage and the second stage are each the
# mean of ENT_SEEDS runs with different shuffles (the jackknife folds stay
# one run each: averaging them too was worse on dev). One run moves dev F1
# by +-0.3 with the seed; the mean of 5 is steadier and 0.1 to 0.5 better.
ENT_SEEDS   ?= 5
ENT_SEED    ?= 0

# The plugin also depends on the header it shares with the trainer.
$(BUILD)/plugins/entities.so: $(wildcard $(ENT_DIR)/*.h)

$(ENT_TRAIN): $(ENT_DIR)/tools/train.c $(ENT_DIR)/tools/xalloc.h $(ENT_DIR)/ner.h \
               core/text.c core/text.h
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_GNU_SOURCE -O2 -g $(WARN) -DNER_WITH_CORE -Iinclude -Icore \
	    -o $@ $< core/text.c -lutf8proc -lm

$(ENT_GAZ): $(ENT_DIR)/tools/gaz.py $(wildcard $(ENT_DIR)/lists/*.txt)
	@mkdir -p $(@D)
	$(PYTHON) $(ENT_DIR)/tools/gaz.py $(ENT_DIR)/lists $@ \
	    --conll $(ENT_CONLL)/train.txt

$(ENT_CLUSTER_BIN): $(ENT_DIR)/tools/clusters.c $(ENT_DIR)/tools/xalloc.h \
                   $(ENT_DIR)/ner.h
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_GNU_SOURCE -O2 -g $(WARN) -o $@ $< -lm

$(ENT_OUT)/corpus.txt: $(ENT_DIR)/tools/corpus.py
	@mkdir -p $(@D)
	$(PYTHON) $(ENT_DIR)/tools/corpus.py $@ $(ENT_CONLL)/train.txt

$(ENT_OUT)/clusters.txt: $(ENT_CLUSTER_BIN) $(ENT_OUT)/corpus.txt
	nice -n 10 $(ENT_CLUSTER_BIN) --classes 256 --max-words 39000 \
	    $(ENT_OUT)/corpus.txt $@

.PHONY: model entities-eval entities-clusters
entities-clusters: $(ENT_OUT)/clusters.txt

# Hand-written training prose (prose/*.txt, inline marks), all files in one.
ENT_PROSE_SRC := $(sort $(wildcard $(ENT_DIR)/prose/*.txt))
ENT_PROSE   ?= $(ENT_OUT)/prose.txt
ENT_PROSE_TIMES ?= 1

# The list of files is a prerequisite too, so that removing a file of
# prose rebuilds the whole (its timestamps alone would not say so).
$(ENT_OUT)/prose.list: ent-prose-list-force
	@mkdir -p $(@D)
	@echo '$(ENT_PROSE_SRC)' | cmp -s - $@ || echo '$(ENT_PROSE_SRC)' > $@

.PHONY: ent-prose-list-force
ent-prose-list-force:

$(ENT_OUT)/prose.txt: $(ENT_PROSE_SRC) $(ENT_OUT)/prose.list
	@mkdir -p $(@D)
	cat $(ENT_PROSE_SRC) > $@

model: $(ENT_TRAIN) $(ENT_GAZ) $(ENT_PROSE)
	@test -f $(ENT_CONLL)/train.txt || { echo "model: $(ENT_CONLL)/train.txt" \
	    "is missing (set ENT_CONLL=DIR)"; exit 1; }
	nice -n 10 $(ENT_TRAIN) train --gaz $(ENT_GAZ) \
	    --train $(ENT_CONLL)/train.txt --dev $(ENT_CONLL)/dev.txt \
	    --stages 2 --folds 5 --epochs $(ENT_EPOCHS) --epochs2 $(ENT_EPOCHS) \
	    --row-bits $(ENT_ROWBITS) --prune $(ENT_PRUNE) \
	    --prune1 $(ENT_PRUNE1) --max-rows $(ENT_MAXROWS) --seed $(ENT_SEED) \
	    --seeds $(ENT_SEEDS) \
	    $(if $(ENT_PROSE),--prose $(ENT_PROSE) --prose-times $(ENT_PROSE_TIMES)) \
	    $(if $(ENT_CLUSTERS),--clusters $(ENT_CLUSTERS)) --out $(ENT_MODEL)

entities-eval: $(ENT_TRAIN)
	$(ENT_TRAIN) eval --model $(ENT_MODEL) $(ENT_CONLL)/dev.txt

# The tagger's inner loops (weight sums, Viterbi) want the vectoriser.
PLUGIN_CFLAGS_entities = -O3

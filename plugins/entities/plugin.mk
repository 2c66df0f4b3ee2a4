# Build rules of the entities plugin (included by the top Makefile).
#
#   make build/plugins/entities.so   the plugin (reads the committed model)
#   make model                       rebuild plugins/entities/model/entities.model:
#                                    gazetteer from iso-codes + wordnet-base +
#                                    lists/, word clusters from the CoNLL train
#                                    text, then the trainer on the CoNLL-2003
#                                    train split (tuned on dev; never test)
#   make entities-eval               the model on the dev split, per type

ENT_DIR      = plugins/entities
ENT_MODEL    = $(ENT_DIR)/model/entities.model
ENT_OUT      = $(BUILD)/entities
ENT_GAZ      = $(ENT_OUT)/gaz.tsv
ENT_TRAIN    = $(ENT_OUT)/train
ENT_CONLL   ?= ../shared/data/conll2003
# Training settings, chosen on the dev split: two stages, the first one
# jackknifed over 5 folds of train to give the second realistic history;
# the first stage's rows below 1500 (of 32000) are pruned.
ENT_EPOCHS  ?= 10
ENT_ROWBITS ?= 21
ENT_PRUNE   ?= 0
ENT_PRUNE1  ?= 1500

# The plugin also depends on the header it shares with the trainer.
$(BUILD)/plugins/entities.so: $(wildcard $(ENT_DIR)/*.h)

$(ENT_TRAIN): $(ENT_DIR)/tools/train.c $(ENT_DIR)/ner.h core/text.c core/text.h
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_GNU_SOURCE -O2 -g $(WARN) -DNER_WITH_CORE -Iinclude -Icore \
	    -o $@ $< core/text.c -lutf8proc -lm

$(ENT_GAZ): $(ENT_DIR)/tools/gaz.py $(wildcard $(ENT_DIR)/lists/*.txt)
	@mkdir -p $(@D)
	$(PYTHON) $(ENT_DIR)/tools/gaz.py $(ENT_DIR)/lists $@

.PHONY: model entities-eval
model: $(ENT_TRAIN) $(ENT_GAZ)
	@test -f $(ENT_CONLL)/train.txt || { echo "model: $(ENT_CONLL)/train.txt" \
	    "is missing (set ENT_CONLL=DIR)"; exit 1; }
	nice -n 10 $(ENT_TRAIN) train --gaz $(ENT_GAZ) \
	    --train $(ENT_CONLL)/train.txt --dev $(ENT_CONLL)/dev.txt \
	    --stages 2 --folds 5 --epochs $(ENT_EPOCHS) --epochs2 $(ENT_EPOCHS) \
	    --row-bits $(ENT_ROWBITS) --prune $(ENT_PRUNE) \
	    --prune1 $(ENT_PRUNE1) --seed 0 --out $(ENT_MODEL)

entities-eval: $(ENT_TRAIN)
	$(ENT_TRAIN) eval --model $(ENT_MODEL) $(ENT_CONLL)/dev.txt

# The tagger's inner loops (weight sums, Viterbi) want the vectoriser.
PLUGIN_CFLAGS_entities = -O3

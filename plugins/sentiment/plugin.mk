# sentiment: compile the lexicon sources into the file the plugin mmaps.
# The sources are the hand-written lists in plugins/sentiment/lexicon/ and
# the committed learned correction (lexicon/learned.tsv); tools/lexc.py
# (Python 3, standard library) builds the hash tables.
#
#   make sentiment-learn   refit lexicon/learned.tsv (tools/learn.py) on the
#                          dev halves of ../shared/data/vader and our own
#                          posts (tests/data/sentiment-posts/tune-*), with
#                          the rules as they are; run it after a change to
#                          the lexicon or the rules. Deterministic, ~10 s.
SENTIMENT_LEX_SRC := $(sort $(wildcard plugins/sentiment/lexicon/*.tsv))
SENTIMENT_VADER   ?= ../shared/data/vader

$(BUILD)/data/sentiment.lex: $(SENTIMENT_LEX_SRC) plugins/sentiment/tools/lexc.py
	@mkdir -p $(@D)
	$(PYTHON) plugins/sentiment/tools/lexc.py -o $@ $(SENTIMENT_LEX_SRC)

PLUGIN_DATA += $(BUILD)/data/sentiment.lex

.PHONY: sentiment-learn
sentiment-learn: all
	$(PYTHON) plugins/sentiment/tools/learn.py --vader $(SENTIMENT_VADER)
	$(MAKE) all

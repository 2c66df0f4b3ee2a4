# sentiment: compile the lexicon sources into the file the plugin mmaps.
# The sources are the hand-written lists in plugins/sentiment/lexicon/;
# tools/lexc.py (Python 3, standard library) builds the hash table.
SENTIMENT_LEX_SRC := $(sort $(wildcard plugins/sentiment/lexicon/*.tsv))

$(BUILD)/data/sentiment.lex: $(SENTIMENT_LEX_SRC) plugins/sentiment/tools/lexc.py
	@mkdir -p $(@D)
	$(PYTHON) plugins/sentiment/tools/lexc.py -o $@ $(SENTIMENT_LEX_SRC)

PLUGIN_DATA += $(BUILD)/data/sentiment.lex

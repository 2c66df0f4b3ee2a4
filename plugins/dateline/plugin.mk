# dateline: the gazetteer the plugin mmap()s, compiled at build time from the
# hand-written lists in plugins/dateline/data and Debian's iso-codes and
# wordnet-base (see plugins/dateline/README.md).
DATELINE_GAZ     = $(BUILD)/data/dateline.gaz
DATELINE_GAZ_SRC = plugins/dateline/tools/gazgen.py \
                   $(wildcard plugins/dateline/data/*.tsv)

$(DATELINE_GAZ): $(DATELINE_GAZ_SRC)
	@mkdir -p $(@D)
	$(PYTHON) plugins/dateline/tools/gazgen.py --data plugins/dateline/data \
	    --iso /usr/share/iso-codes/json --wordnet /usr/share/wordnet \
	    --tzdata /usr/share/zoneinfo/zone.tab -o $@

# Building the plugin builds its data too.
$(BUILD)/plugins/dateline.so: | $(DATELINE_GAZ)

PLUGIN_DATA += $(DATELINE_GAZ)

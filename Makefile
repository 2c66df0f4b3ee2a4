# prism — build, test, run.
#
#   make            build everything into build/
#   make run        install missing packages, build, start prismd (default config)
#   make test       install missing packages, build, run every test (also under
#                   AddressSanitizer and UndefinedBehaviorSanitizer)
#   make eval       measure the plugins on our own posts and on ../shared/data
#                   (the latter skipped when absent)
#   make bench      end-to-end and per-plugin benchmarks
#   make lint       clang-format check and cppcheck
#   make install    PREFIX=/usr/local DESTDIR= : binaries, plugins, header, .pc
#   make deps       install the Debian packages the build needs (as root), or
#                   print the apt-get line
#
# Output goes to $(BUILD) (default build/). The sanitizer build lives in
# build/asan and is made by `make SAN=1 BUILD=build/asan`.

BUILD   ?= build
PREFIX  ?= /usr/local
DESTDIR ?=
SAN     ?= 0
CC      ?= cc
PYTHON  ?= /usr/bin/python3

# Debian packages the build, the tests and `make run` need.
DEB_PACKAGES = build-essential pkg-config libzmq3-dev libmsgpack-dev \
               libinih-dev libjansson-dev libutf8proc-dev libcmocka-dev \
               iso-codes wordnet-base tzdata scowl python3-fake-factory \
               python3 python3-zmq python3-msgpack \
               python3-pytest python3-pytest-timeout clang-format cppcheck

PKGS     = libzmq msgpack inih jansson libutf8proc
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

WARN    = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wformat=2 \
          -Wno-unused-parameter
CFLAGS_COMMON = -std=c11 -D_GNU_SOURCE -g $(WARN) -Iinclude -Icore \
                $(PKG_CFLAGS)
ifeq ($(SAN),1)
  OPT  = -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
         -fno-sanitize-recover=undefined
  LDSAN = -fsanitize=address,undefined
else
  OPT  = -O2
  LDSAN =
endif
CFLAGS ?=
CFLAGS_ALL = $(CFLAGS_COMMON) $(OPT) $(CFLAGS)
# Plugins see only the public header and export only their entry point.
PLUGIN_CFLAGS = -std=c11 -D_GNU_SOURCE -g $(WARN) $(OPT) -Iinclude -fPIC \
                -fvisibility=hidden $(CFLAGS)
PLUGIN_LDFLAGS = -shared -Wl,--no-undefined $(LDSAN)
# Test plugins crash, hang and leak on purpose: they are built without the
# sanitizers, so that their faults are the real signals prism must survive
# (the host they are loaded into still runs under the sanitizers).
TEST_PLUGIN_CFLAGS = -std=c11 -D_GNU_SOURCE -g $(WARN) -O2 -Iinclude -fPIC \
                     -fvisibility=hidden
TEST_PLUGIN_LDFLAGS = -shared -Wl,--no-undefined

# ---- the core library and the three programs --------------------------------
CORE_SRC  = $(wildcard core/*.c)
CORE_OBJ  = $(CORE_SRC:%.c=$(BUILD)/obj/%.o)
CORE_LIB  = $(BUILD)/obj/libprism-core.a
CMD_PRISM = $(wildcard core/cmd/prism_*.c) core/cmd/prism.c
BINS      = $(BUILD)/bin/prismd $(BUILD)/bin/prism-worker $(BUILD)/bin/prism
LIBS      = $(PKG_LIBS) -ldl -lm

# ---- plugins: plugins/NAME/*.c -> build/plugins/NAME.so ---------------------
# A plugin folder may hold plugin.mk with extra rules (compiled data files);
# it appends its outputs to PLUGIN_DATA.
PLUGIN_DIRS  = $(patsubst %/,%,$(dir $(wildcard plugins/*/*.c)))
PLUGIN_NAMES = $(sort $(notdir $(PLUGIN_DIRS)))
PLUGIN_SOS   = $(PLUGIN_NAMES:%=$(BUILD)/plugins/%.so)
PLUGIN_DATA  =
# committed trained models (plugins/NAME/model/*), installed beside the data
PLUGIN_MODELS = $(wildcard plugins/*/model/*)
-include $(wildcard plugins/*/plugin.mk)

# ---- tests ------------------------------------------------------------------
UNIT_SRC   = $(wildcard tests/unit/test_*.c)
UNIT_BINS  = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TEST_PLUGIN_SRC = $(wildcard tests/plugins/*.c)
TEST_PLUGINS = $(TEST_PLUGIN_SRC:tests/plugins/%.c=$(BUILD)/tests/%.so) \
               $(BUILD)/tests/faulty_v2.so
BENCH_SRC  = $(wildcard tests/bench/*.c)
BENCH_BINS = $(BENCH_SRC:tests/bench/%.c=$(BUILD)/tests/%)

.PHONY: all run test test-unit test-integration eval bench lint format \
        install uninstall clean deps check-deps
.DEFAULT_GOAL := all
# keep the objects of the test programs (make deletes "intermediate" files)
.SECONDARY:

all: check-deps $(BINS) $(PLUGIN_SOS) $(PLUGIN_DATA) $(TEST_PLUGINS) \
     $(UNIT_BINS) $(BENCH_BINS)

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(CORE_LIB): $(CORE_OBJ)
	@mkdir -p $(@D)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/bin/prismd: $(BUILD)/obj/core/cmd/prismd.o $(CORE_LIB)
	@mkdir -p $(@D)
	$(CC) $(LDSAN) -o $@ $^ $(LIBS)

$(BUILD)/bin/prism-worker: $(BUILD)/obj/core/cmd/prism-worker.o $(CORE_LIB)
	@mkdir -p $(@D)
	$(CC) $(LDSAN) -o $@ $^ $(LIBS)

$(BUILD)/bin/prism: $(CMD_PRISM:%.c=$(BUILD)/obj/%.o) $(CORE_LIB)
	@mkdir -p $(@D)
	$(CC) $(LDSAN) -o $@ $^ $(LIBS)

# One rule for every plugin: all .c files of its folder, one .so.
define PLUGIN_RULE
$(BUILD)/plugins/$(1).so: $(wildcard plugins/$(1)/*.c) include/prism/plugin.h
	@mkdir -p $$(@D)
	$$(CC) $$(PLUGIN_CFLAGS) $$(PLUGIN_CFLAGS_$(1)) -o $$@ \
	    $(wildcard plugins/$(1)/*.c) $$(PLUGIN_LDFLAGS) $$(PLUGIN_LIBS_$(1)) -lm
endef
$(foreach p,$(PLUGIN_NAMES),$(eval $(call PLUGIN_RULE,$(p))))

$(BUILD)/tests/%.so: tests/plugins/%.c include/prism/plugin.h
	@mkdir -p $(@D)
	$(CC) $(TEST_PLUGIN_CFLAGS) -o $@ $< $(TEST_PLUGIN_LDFLAGS)

# the same test plugin with another version, for the reload tests
$(BUILD)/tests/faulty_v2.so: tests/plugins/faulty.c include/prism/plugin.h
	@mkdir -p $(@D)
	$(CC) $(TEST_PLUGIN_CFLAGS) -DFAULTY_VERSION='"2"' -o $@ $< \
	    $(TEST_PLUGIN_LDFLAGS)

$(BUILD)/tests/test_%: $(BUILD)/obj/tests/unit/test_%.o $(CORE_LIB)
	@mkdir -p $(@D)
	$(CC) $(LDSAN) -o $@ $^ $(LIBS) -lcmocka

$(BUILD)/tests/bench_%: $(BUILD)/obj/tests/bench/bench_%.o $(CORE_LIB)
	@mkdir -p $(@D)
	$(CC) $(LDSAN) -o $@ $^ $(LIBS) -lpthread

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)

# ---- set-up -----------------------------------------------------------------
# `make deps` installs what is missing when run as root; otherwise it prints
# the one command to run. check-deps stops a build early with that advice.
deps:
	@missing=$$(for p in $(DEB_PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
	    grep -q 'install ok installed' || echo $$p; done); \
	if [ -z "$$missing" ]; then echo "deps: all packages present"; \
	elif [ "$$(id -u)" = 0 ]; then \
	    echo "deps: installing $$missing"; \
	    apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else echo "deps: missing packages; run:"; \
	    echo "  sudo apt-get install -y $$missing"; exit 1; fi

check-deps:
	@pkg-config --exists $(PKGS) || { echo "missing build libraries;" \
	    "run 'make deps' (as root) first"; exit 1; }

run: deps all
	$(BUILD)/bin/prismd -c config/prism.conf

# ---- tests ------------------------------------------------------------------
# Every test runs against the sanitizer build (ASan + UBSan); the unit tests
# also run against the optimised build the daemon ships as.
test: deps
	$(MAKE) all
	$(MAKE) SAN=1 BUILD=build/asan all
	$(MAKE) test-unit
	$(MAKE) test-unit SAN=1 BUILD=build/asan
	$(MAKE) test-integration SAN=1 BUILD=build/asan

test-unit: $(UNIT_BINS) $(PLUGIN_SOS) $(TEST_PLUGINS)
	@set -e; for t in $(UNIT_BINS); do echo "== $$t"; \
	    PRISM_BUILD=$(BUILD) $$t; done

test-integration:
	PRISM_BUILD=$(BUILD) $(PYTHON) -m pytest -q tests/integration

eval: all
	@tests/eval/run-all

bench: all
	tests/bench/run $(BUILD)

lint:
	clang-format --dry-run --Werror $$(git ls-files '*.c' '*.h')
	cppcheck --quiet --error-exitcode=1 --std=c11 --inline-suppr \
	    --enable=warning,portability,performance \
	    --suppress=missingIncludeSystem -Iinclude -Icore core plugins tests

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

# ---- install ----------------------------------------------------------------
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/prism/plugins \
	    $(DESTDIR)$(PREFIX)/include/prism $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	    $(DESTDIR)$(PREFIX)/share/prism $(DESTDIR)$(PREFIX)/etc/prism
	install -m 755 $(BINS) $(DESTDIR)$(PREFIX)/bin/
	install -m 644 $(PLUGIN_SOS) $(DESTDIR)$(PREFIX)/lib/prism/plugins/
	$(if $(PLUGIN_DATA),install -m 644 $(PLUGIN_DATA) \
	    $(DESTDIR)$(PREFIX)/share/prism/)
	$(if $(PLUGIN_MODELS),install -m 644 $(PLUGIN_MODELS) \
	    $(DESTDIR)$(PREFIX)/share/prism/)
	install -m 644 include/prism/plugin.h $(DESTDIR)$(PREFIX)/include/prism/
	sed -e 's|@PREFIX@|$(PREFIX)|g' config/prism-plugin.pc.in \
	    > $(DESTDIR)$(PREFIX)/lib/pkgconfig/prism-plugin.pc
	# the default config, pointed at the installed plugins and data
	sed -e 's|^plugin_dir =.*|plugin_dir = $(PREFIX)/lib/prism/plugins|' \
	    -e 's|\.\./build/data/|$(PREFIX)/share/prism/|' \
	    -e 's|\.\./plugins/[a-z0-9_]*/model/|$(PREFIX)/share/prism/|' \
	    config/prism.conf > $(DESTDIR)$(PREFIX)/etc/prism/prism.conf

uninstall:
	rm -f $(BINS:$(BUILD)/bin/%=$(DESTDIR)$(PREFIX)/bin/%)
	rm -rf $(DESTDIR)$(PREFIX)/lib/prism $(DESTDIR)$(PREFIX)/share/prism \
	    $(DESTDIR)$(PREFIX)/include/prism $(DESTDIR)$(PREFIX)/etc/prism
	rm -f $(DESTDIR)$(PREFIX)/lib/pkgconfig/prism-plugin.pc

clean:
	rm -rf build

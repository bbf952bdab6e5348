# The two set-up commands of the README: `make site` and `make test`.
# Both install what is missing (Debian packages), configure and build the generator.
BUILD_DIR ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

# Everything needed to build the generator and its unit and end-to-end tests.
BUILD_PACKAGES := g++ make cmake ninja-build pkg-config \
  libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev libfyaml-dev doctest-dev \
  libkainjow-mustache-dev libcli11-dev libfmt-dev nlohmann-json3-dev libcpp-httplib-dev \
  libjs-lunr libstemmer-dev libqrencode-dev libpoppler-cpp-dev libmimalloc-dev
# Extra tools used only by the tests: Python for the end-to-end tests, Debian's Chromium for the
# browser suite (never a downloaded browser), poppler-utils to count printed pages, zbar-tools to
# decode a printed handout's QR code; for the benchmark (bench/site_bench.py), GNU time to read peak
# memory and hugo to compare with.
TEST_PACKAGES := python3 chromium poppler-utils zbar-tools time hugo

# The sanitizer runs of `make test`, each in its own build folder: AddressSanitizer with
# UndefinedBehaviorSanitizer, and ThreadSanitizer for the parallel code (loading, rendering).
ASAN_DIR ?= build-asan
TSAN_DIR ?= build-tsan
ASAN_TESTS := ^(unit|e2e_build)$$
TSAN_TESTS := ^parallel$$
# No optimisation and line tables only: these trees are compiled for the tests they run, which take
# seconds, and -O0 compiles in 60% of the CPU time of -O1 (7.2 against 11.9 min for practicebook and
# unit_tests under AddressSanitizer on this machine). Unity builds (each library's files compiled as
# a few files, its headers parsed once per batch, not once per file): 191 s against 375 s for the
# AddressSanitizer tree, 66 against 150 s for the ThreadSanitizer one, two idle cores. The release
# tree is compiled file by file, so a file that misses an #include still fails there.
SANITIZER_FLAGS := -DCMAKE_BUILD_TYPE=None "-DCMAKE_CXX_FLAGS=-O0 -g1" -DCMAKE_UNITY_BUILD=ON

# Ninja keeps both cores busy across the layers' libraries (make waits for each library before the
# next one's files), a fifth less time for a clean build. A folder configured before with another
# generator is configured afresh.
define configure
	@if [ -f $(1)/CMakeCache.txt ] && ! grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$$' $(1)/CMakeCache.txt; then \
	  rm -rf $(1)/CMakeCache.txt $(1)/CMakeFiles; fi
	cmake -S . -B $(1) -G Ninja $(2)
endef

# `make fuzz`: the loader and the Markdown bounds under libFuzzer (Debian's clang), each for
# FUZZ_SECONDS from a corpus made of content/. Not part of `make test`.
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_FLAGS := -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=None "-DCMAKE_CXX_FLAGS=-O1 -g" \
  -DPB_SANITIZE=fuzzer-no-link,address,undefined -DPB_FUZZ=ON

# `make pgo`: the generator built twice into PGO_DIR, the second time with GCC's profile of the first
# build's runs on content/ and tests/fixtures/content (profile-guided optimisation, see CMakeLists.txt).
# For large sites; not part of `make site` or `make test`, since it takes two full builds.
PGO_DIR ?= build-pgo
PGO_SOURCES := generator themes CMakeLists.txt cmake

.PHONY: site test deps test-deps generator sanitizers pgo fuzz clean

site: generator
	$(BUILD_DIR)/practicebook build --content content --out site

test: generator test-deps sanitizers
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j$(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(ASAN_DIR) --output-on-failure -R '$(ASAN_TESTS)'
	TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
	  ctest --test-dir $(TSAN_DIR) --output-on-failure -R '$(TSAN_TESTS)'

deps:
	@scripts/install-deps.sh $(BUILD_PACKAGES)

test-deps:
	@scripts/install-deps.sh $(TEST_PACKAGES)
	@command -v node >/dev/null && command -v npm >/dev/null || scripts/install-deps.sh nodejs npm
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error

# The release tree: the generator and the tests that use it. The unit tests are compiled and run in
# the AddressSanitizer tree (`cmake -S . -B build-dev` gives a tree with them, for working on the code).
generator: deps
	$(call configure,$(BUILD_DIR),-DCMAKE_BUILD_TYPE=Release -DPB_UNIT_TESTS=OFF)
	cmake --build $(BUILD_DIR) -j$(JOBS)

sanitizers: deps
	$(call configure,$(ASAN_DIR),$(SANITIZER_FLAGS) -DPB_SANITIZE=address,undefined)
	cmake --build $(ASAN_DIR) -j$(JOBS) --target practicebook unit_tests
	$(call configure,$(TSAN_DIR),$(SANITIZER_FLAGS) -DPB_SANITIZE=thread -DPB_UNIT_TESTS=OFF)
	cmake --build $(TSAN_DIR) -j$(JOBS) --target parallel_tests

pgo: deps
	@if [ -x $(PGO_DIR)/practicebook ] && [ -f $(PGO_DIR)/pgo.stamp ] && \
	    [ -z "$$(find $(PGO_SOURCES) -newer $(PGO_DIR)/pgo.stamp -print -quit)" ]; then \
	  echo "$(PGO_DIR)/practicebook is up to date"; exit 0; fi; \
	set -e; rm -rf $(PGO_DIR)/pgo-profile $(PGO_DIR)/pgo-train $(PGO_DIR)/pgo.stamp; \
	cmake -S . -B $(PGO_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release -DPB_UNIT_TESTS=OFF -DPB_PGO=generate; \
	cmake --build $(PGO_DIR) -j$(JOBS) --target practicebook; \
	$(PGO_DIR)/practicebook build --content content --out $(PGO_DIR)/pgo-train/seed --no-pdf -q; \
	$(PGO_DIR)/practicebook build --content tests/fixtures/content --out $(PGO_DIR)/pgo-train/fixtures --no-pdf -q; \
	cmake -S . -B $(PGO_DIR) -G Ninja -DPB_PGO=use; \
	cmake --build $(PGO_DIR) -j$(JOBS) --target practicebook; \
	rm -rf $(PGO_DIR)/pgo-train; touch $(PGO_DIR)/pgo.stamp; \
	echo "built $(PGO_DIR)/practicebook with profile-guided optimisation"

fuzz: deps
	@scripts/install-deps.sh clang libclang-rt-14-dev
	$(call configure,$(FUZZ_DIR),$(FUZZ_FLAGS))
	cmake --build $(FUZZ_DIR) -j$(JOBS) --target fuzz_loader fuzz_markdown
	rm -rf $(FUZZ_DIR)/corpus && mkdir -p $(FUZZ_DIR)/corpus/loader $(FUZZ_DIR)/corpus/markdown
	i=0; for f in $$(find content -name '*.yaml' | sort); do i=$$((i+1)); \
	  cp "$$f" $(FUZZ_DIR)/corpus/loader/$$i.yaml; cp "$$f" $(FUZZ_DIR)/corpus/markdown/$$i.md; done
	cd $(FUZZ_DIR) && ./fuzz_loader -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 -max_len=65536 corpus/loader
	cd $(FUZZ_DIR) && ./fuzz_markdown -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 -max_len=65536 corpus/markdown

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR) $(TSAN_DIR) $(FUZZ_DIR) $(PGO_DIR)

# The two set-up commands of the README: `make site` and `make test`.
# Both install what is missing (Debian packages), configure and build the generator.
BUILD_DIR ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

# Everything needed to build the generator and its unit and end-to-end tests.
BUILD_PACKAGES := g++ make cmake pkg-config \
  libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev doctest-dev \
  libkainjow-mustache-dev libcli11-dev libfmt-dev nlohmann-json3-dev libcpp-httplib-dev
# Extra tools used only by the tests: Python for the end-to-end tests, Debian's Chromium for the
# browser suite (never a downloaded browser), poppler-utils to count printed pages.
TEST_PACKAGES := python3 chromium poppler-utils

.PHONY: site test deps test-deps generator clean

site: generator
	$(BUILD_DIR)/practicebook build --content content --out site

test: generator test-deps
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j$(JOBS)

deps:
	@scripts/install-deps.sh $(BUILD_PACKAGES)

test-deps:
	@scripts/install-deps.sh $(TEST_PACKAGES)
	@command -v node >/dev/null && command -v npm >/dev/null || scripts/install-deps.sh nodejs npm
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error

generator: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD_DIR) -j$(JOBS)

clean:
	rm -rf $(BUILD_DIR)

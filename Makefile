# levels-quiz: the two commands a newcomer needs are `make serve` and `make test`.
# Each target installs what it needs and skips what is already there.

SHELL := /bin/bash
.DEFAULT_GOAL := help

CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)

TRUNK_VERSION := 0.21.14
# Splits what only the result needs into its own wasm file (scripts/build-bundle.sh);
# its runtime half is the `wasm_split_helpers` crate in Cargo.lock.
WASM_SPLIT_VERSION := 0.2.4
# The wasm-bindgen CLI must match the library version in Cargo.lock exactly.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
# apt-get needs root: use sudo when not root.
SUDO := $(shell [ "$$(id -u)" -ne 0 ] && command -v sudo)

.PHONY: help serve dist package test test-native test-browser test-e2e test-size lint bench size fuzz \
	tools wasm-target rust-src wasm-bindgen wasm-split trunk node-modules browser clean

help:
	@echo "make serve   build the widget and serve the demo page on http://127.0.0.1:8080"
	@echo "make test    run every test: lint, engine, markup, browser unit, bundle size ceiling, end-to-end"
	@echo "make dist    build the embeddable bundle into dist/"
	@echo "make package build dist/ and pack it as the npm package levels-quiz (prints the tarball's path last)"
	@echo "make size    bundle size report (gzip and brotli per file; fails over the 104 KB gzip target)"
	@echo "make fuzz    the loader fuzz and property tests ten times with fresh random seeds"
	@echo "make bench   load and interaction benchmark against SurveyJS and a plain-DOM floor (~10 min; writes docs/benchmarks.md)"

# ---- the two commands --------------------------------------------------------------

serve: wasm-target wasm-bindgen wasm-split node-modules trunk
	trunk serve --open=false

test: lint test-native test-browser test-size test-e2e
	@echo "make test: all suites passed"

dist: wasm-target rust-src wasm-bindgen wasm-split node-modules
	rm -rf dist
	scripts/build-bundle.sh --release dist
	@ls -l dist

# The npm package: dist/ is its root (scripts/package.mjs writes its package.json, with
# Cargo.toml's version). The last line printed is the tarball's path.
package: dist
	@mkdir -p target/package
	@npm pack ./dist --pack-destination target/package --silent > target/package/.name
	@echo "$(CURDIR)/target/package/$$(tail -n 1 target/package/.name)"

# ---- suites ------------------------------------------------------------------------

lint: wasm-target
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets --quiet -- -D warnings
	cargo clippy -p levels-quiz -p levels-check --features levels-quiz/split --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings
	cargo clippy -p levels-check --features preview --all-targets --quiet -- -D warnings
	cargo clippy -p levels-check --features preview --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings

# Property and fuzz tests use a fixed seed here, so a run is reproducible and CI does
# not turn red on a case no commit introduced. `make fuzz` explores with fresh seeds.
PROPTEST_RNG_SEED ?= 20261122

test-native:
	PROPTEST_RNG_SEED=$(PROPTEST_RNG_SEED) cargo test --workspace --quiet
	cargo test -p levels-check --features preview --quiet

fuzz:
	for run in 1 2 3 4 5 6 7 8 9 10; do \
		cargo test --quiet -p levels-engine --test fuzz_loader --test properties --test share --test history --test pack || exit 1; \
	done

test-browser: wasm-target wasm-bindgen browser
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
		cargo test -p levels-quiz --target wasm32-unknown-unknown --test browser

test-e2e: dist node-modules browser
	node --test --test-concurrency=1 tests/e2e/

size: dist node-modules
	node scripts/size-report.mjs

# The bundle may not grow: gzip bytes on its largest path, at most this ceiling, just
# above what the bundle needs and below the 104 KB target (make size): the headroom is
# spent on purpose, by raising the ceiling with the change that needs it (never past
# 104,000), not by accident. Lower it with every saving.
# WHOLE_RUN_CEILING holds the whole run (the largest path, then the result's code and
# that language's later texts), so code moved out of the early download cannot grow
# unseen either.
SIZE_CEILING := 104000
WHOLE_RUN_CEILING := 154900

test-size: dist node-modules
	node scripts/size-report.mjs --budget $(SIZE_CEILING) --whole-run $(WHOLE_RUN_CEILING)

bench: dist node-modules browser
	node tests/bench/run.mjs --runs 15

# ---- tools, installed only when missing ----------------------------------------------

tools: wasm-target rust-src wasm-bindgen wasm-split node-modules trunk

wasm-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
		|| rustup target add wasm32-unknown-unknown

# The standard library's sources: release bundles rebuild std for the wasm
# (scripts/build-bundle.sh), which is how a panic can trap without std's printing code.
rust-src:
	@[ -d "$$(rustc --print sysroot)/lib/rustlib/src/rust/library/std" ] \
		|| rustup component add rust-src

wasm-bindgen:
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
		echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (a few minutes)"; \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi

wasm-split:
	@if ! cargo install --list | grep -qx "wasm_split_cli_support v$(WASM_SPLIT_VERSION):"; then \
		echo "installing wasm-split-cli $(WASM_SPLIT_VERSION) (a few minutes)"; \
		cargo install wasm_split_cli_support --version $(WASM_SPLIT_VERSION) --features build-binary --locked; \
	fi

trunk:
	@if [ "$$(trunk --version 2>/dev/null)" != "trunk $(TRUNK_VERSION)" ]; then \
		echo "installing trunk $(TRUNK_VERSION) (about ten minutes)"; \
		cargo install trunk --version $(TRUNK_VERSION) --locked; \
	fi

node-modules: node_modules/.package-lock.json

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

# Chromium for the browser suites, and a CJK font so Chinese screenshots show glyphs.
browser:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
		|| [ ! -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then \
		echo "installing Debian's chromium, chromium-driver and fonts-wqy-microhei"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei; \
	fi

clean:
	rm -rf dist target/site

# taxo: two commands on a fresh Debian machine with the Swift toolchain.
#   make run   installs what is missing, builds, and runs taxo on the example library
#   make test  installs what is missing and runs the tests
SWIFT ?= swift
APT_PACKAGES := libcmark-dev libsqlite3-dev pkg-config

.PHONY: setup build release run test lint format bench-smoke bench fuzz asan clean

setup:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing; \
	fi

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release

run: release
	./.build/release/taxo build

test: setup
	$(SWIFT) test

# swift-format (ships with the toolchain), rules in .swift-format; CI runs `make lint`.
lint:
	$(SWIFT) format lint --strict -r --configuration .swift-format Sources Tests

format:
	$(SWIFT) format format -i -r --configuration .swift-format Sources Tests

bench-smoke: release
	python3 Benchmarks/bench.py --smoke

bench: release
	python3 Benchmarks/bench.py

# libFuzzer targets (JSON, YAML, Markdown, configuration, globs, cache), 60 s each; FUZZ_SECONDS=N to change.
fuzz: setup release
	bash scripts/fuzz.sh $(or $(FUZZ_SECONDS),60)

# The test suite under AddressSanitizer (a second full build: minutes on 2 cores). Leak detection is off:
# XCTest's and Foundation's own objects live until exit and are reported as leaks.
asan: setup
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --scratch-path .build-asan -Xswiftc -sanitize=address

clean:
	rm -rf .build .build-fuzz .build-asan output/*.sqlite

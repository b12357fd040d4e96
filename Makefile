# taxo: two commands on a fresh Debian machine with the Swift toolchain.
#   make run   installs what is missing, builds, and runs taxo on the example library
#   make test  installs what is missing and runs the tests
SWIFT ?= swift
APT_PACKAGES := libcmark-dev libsqlite3-dev pkg-config

.PHONY: setup build release run test bench-smoke bench clean

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

bench-smoke: release
	python3 Benchmarks/bench.py --smoke

bench: release
	python3 Benchmarks/bench.py

clean:
	rm -rf .build output/*.sqlite

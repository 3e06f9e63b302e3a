# Two commands matter: `make demo` and `make test`. Everything installs itself on a fresh machine.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
CARGO ?= cargo

.PHONY: test demo bench rust-test python-test js-test consumer-test npm wheel demo-rust demo-python demo-js bench-rust bench-python bench-js

test: rust-test python-test js-test consumer-test

rust-test:
	rustup component add rustfmt clippy >/dev/null 2>&1 || true
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	$(CARGO) clippy -p opgate --no-default-features --lib -- -D warnings
	$(CARGO) test -p opgate

python-test:
	bash python/run.sh test

js-test:
	bash js/run.sh test

# The README's install path in scratch directories: the tarball and the wheel in clean consumer projects.
consumer-test:
	bash tests/consumer/run.sh

# The npm tarball: target/npm/opgate-<version>.tgz.
npm:
	bash js/run.sh pack

# The Python wheel: target/python-wheels/opgate-<version>-cp310-abi3-<platform>.whl.
wheel:
	bash python/run.sh wheel

demo: demo-rust demo-python demo-js

demo-rust:
	$(CARGO) run -q --example fleet -- examples/fleet.json

demo-python:
	bash python/run.sh demo

demo-js:
	bash js/run.sh demo

bench: bench-rust bench-python bench-js

bench-rust:
	$(CARGO) bench -p opgate --bench pipeline

bench-python:
	bash python/run.sh bench

bench-js:
	bash js/run.sh bench

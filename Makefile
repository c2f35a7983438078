# The two commands of the README, and the load benchmark.
#   make run    serves the example app on http://127.0.0.1:5000
#   make test   runs the whole test suite
# Both first install the Debian packages the build needs, when they are missing.

SYSTEM_PACKAGES := liburing-dev libssl-dev zlib1g-dev pkg-config

.PHONY: run test bench system-packages

system-packages:
	@scripts/install-system-packages.sh $(SYSTEM_PACKAGES)

run: system-packages
	swift build -c release --product Hello
	"$$(swift build -c release --show-bin-path)/Hello" --host 127.0.0.1 --port 5000

test: system-packages
	swift build --build-tests
	swift test --skip-build

bench: system-packages
	Benchmarks/load/run.sh

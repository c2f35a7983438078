# The two commands of the README, and the load benchmark.
#   make run    serves the example app on http://127.0.0.1:5000
#   make test   runs the whole test suite
# Both first install the Debian packages the build needs, when they are missing;
# `make test` also installs what the oracle and browser tests need.

SYSTEM_PACKAGES := liburing-dev libssl-dev zlib1g-dev pkg-config
# A browser only for the tests (Tests/Browser), so `make run` does not pull one in;
# python3 and pip for the oracles (Flask, Werkzeug, Jinja2) and scripts/check-layers.py;
# podman and runc, and gcc with libseccomp-dev for Tests/SeccompLauncher, to run the server
# where io_uring is refused (Tests/AsyncWebTests/Hardening/RefusedIOUringTests.swift);
# openssl (test certificates, s_client) and curl, the clients of the HTTPS tests (Tests/AsyncWebTests/TLS).
TEST_SYSTEM_PACKAGES := chromium chromium-driver python3 python3-pip podman runc gcc libseccomp-dev openssl curl
# Python modules to import, as MODULE or MODULE=PIP_NAME where the names differ.
TEST_PYTHON_PACKAGES := flask selenium

.PHONY: run test bench system-packages test-packages

system-packages:
	@scripts/install-system-packages.sh $(SYSTEM_PACKAGES)

test-packages:
	@scripts/install-system-packages.sh $(TEST_SYSTEM_PACKAGES)
	@scripts/install-python-packages.sh $(TEST_PYTHON_PACKAGES)

# The Quickstart twin: every example of Flask's Quickstart (Examples/Hello is the minimal app).
# Release builds link the Swift runtime statically, as a deployment would (and as
# `make bench` builds every Swift server): one build configuration in .build.
run: system-packages
	swift build -c release --static-swift-stdlib --product Quickstart
	"$$(swift build -c release --static-swift-stdlib --show-bin-path)/Quickstart" --host 127.0.0.1 --port 5000

# The target graph is checked against the layers of DESIGN.md first (a second, and the
# compiler then holds every import to it). Tests that change a setting of the whole machine
# (kernel.io_uring_disabled) run alone, after the rest: beside them, other tests would be
# refused io_uring too.
SYSTEM_WIDE_TESTS := IOUringDisabledSysctlTests

test: system-packages test-packages
	scripts/check-layers.py
	swift build --build-tests
	swift test --skip-build --skip $(SYSTEM_WIDE_TESTS)
	ASYNCWEB_SYSTEM_WIDE_TESTS=1 swift test --skip-build --filter $(SYSTEM_WIDE_TESTS)

# The same suite under ThreadSanitizer and under AddressSanitizer (with LeakSanitizer), each
# in a build folder of its own. Any report fails the run. Tests/Sanitizers/*.supp hold the
# few reports that are the Swift runtime's or a library's, not ours, each with its reason.
# Bounds on resident memory are not checked under either: they would measure the sanitizer.
SANITIZER_SUPPRESSIONS := $(CURDIR)/Tests/Sanitizers

.PHONY: test-tsan test-asan
test-tsan: system-packages test-packages
	swift build --build-tests --sanitize=thread --scratch-path .build-tsan
	TSAN_OPTIONS="suppressions=$(SANITIZER_SUPPRESSIONS)/tsan.supp" \
		swift test --skip-build --sanitize=thread --scratch-path .build-tsan

test-asan: system-packages test-packages
	swift build --build-tests --sanitize=address --scratch-path .build-asan
	ASAN_OPTIONS="suppressions=$(SANITIZER_SUPPRESSIONS)/asan.supp" LSAN_OPTIONS="suppressions=$(SANITIZER_SUPPRESSIONS)/lsan.supp" \
		swift test --skip-build --sanitize=address --scratch-path .build-asan

bench: system-packages
	Benchmarks/load/run.sh
	Benchmarks/load/tls.sh

# libFuzzer harnesses (Fuzz/README.md), one at a time, FUZZ_SECONDS each (default 60):
#   make fuzz    FUZZ_SECONDS=600 make fuzz
# libFuzzer and lld come with the Swift toolchain; python3 writes out llhttp's seed requests.
FUZZ_SYSTEM_PACKAGES := python3

.PHONY: fuzz
fuzz: system-packages
	@scripts/install-system-packages.sh $(FUZZ_SYSTEM_PACKAGES)
	Fuzz/run.sh

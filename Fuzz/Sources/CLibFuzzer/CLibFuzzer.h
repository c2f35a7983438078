// libFuzzer's driver, from the toolchain's libclang_rt.fuzzer (linked by
// -sanitize=fuzzer). libFuzzer's own main() calls it too; the harnesses call
// it from theirs, because SwiftPM points every executable's main at its module.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

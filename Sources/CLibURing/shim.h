// liburing for Swift. `features.h` must come first: without it this module and
// the OpenSSL one disagree about `fd_set` when both are imported.
#include <features.h>
#include <liburing.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// The IOSQE_* flags are macros over enum constants, which Swift cannot import.
static const unsigned char CLibURing_IOSQE_IO_LINK = IOSQE_IO_LINK;
static const unsigned char CLibURing_IOSQE_BUFFER_SELECT = IOSQE_BUFFER_SELECT;
static const unsigned char CLibURing_IOSQE_CQE_SKIP_SUCCESS = IOSQE_CQE_SKIP_SUCCESS;

#include <sys/syscall.h>
#include <unistd.h>

// The CPUs this process may run on (taskset narrows them). The raw system call, because
// sched_getaffinity needs _GNU_SOURCE, which would change fd_set here and clash with Glibc.
static inline int CLibURing_allowedCPUCount(void) {
    unsigned long mask[16] = {0};
    long bytes = syscall(SYS_sched_getaffinity, 0, sizeof(mask), mask);
    if (bytes <= 0) return 0;
    int count = 0;
    for (long i = 0; i < bytes / (long)sizeof(unsigned long); i++) count += __builtin_popcountl(mask[i]);
    return count;
}

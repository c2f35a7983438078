// liburing for Swift. `features.h` must come first: without it this module and
// the OpenSSL one disagree about `fd_set` when both are imported.
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <features.h>
#include <sched.h>
#include <liburing.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>

// The IOSQE_* flags are macros over enum constants, which Swift cannot import.
static const unsigned char CLibURing_IOSQE_IO_LINK = IOSQE_IO_LINK;
static const unsigned char CLibURing_IOSQE_BUFFER_SELECT = IOSQE_BUFFER_SELECT;
static const unsigned char CLibURing_IOSQE_CQE_SKIP_SUCCESS = IOSQE_CQE_SKIP_SUCCESS;

// CPU_COUNT is a macro; the CPUs this process may run on (taskset narrows them).
static inline int CLibURing_allowedCPUCount(void) {
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof(set), &set) != 0) return 0;
    return CPU_COUNT(&set);
}

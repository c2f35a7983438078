// The kernel interfaces of the reactor for Swift: liburing, and epoll for the backend that
// runs where io_uring is refused. `features.h` must come first: without it this module and
// the OpenSSL one disagree about `fd_set` when both are imported.
#include <features.h>
#include <liburing.h>
#include <sys/epoll.h>
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

#include <sys/uio.h>

// A read that only takes what the page cache holds: -1 with EAGAIN where it would wait for
// the disk (preadv2 with RWF_NOWAIT, Linux 4.14). The raw system call, for the same
// _GNU_SOURCE reason as above; RWF_NOWAIT is 0x8 in linux/fs.h.
static inline long CLibURing_readCachedOnly(int fd, void *buffer, unsigned long count, long offset) {
    struct iovec vector = { buffer, count };
    return syscall(SYS_preadv2, fd, &vector, 1, offset, 0L, 0x8);
}

// accept4 with a non-blocking, close-on-exec socket, for the epoll backend; -1 and errno on
// failure. The raw system call, as accept4 is also behind _GNU_SOURCE.
static inline int CLibURing_acceptNonBlocking(int fd) {
    return (int)syscall(SYS_accept4, fd, (void *)0, (void *)0, SOCK_CLOEXEC | SOCK_NONBLOCK);
}

#include <sys/prctl.h>

// Names the calling thread (at most 15 bytes show), so `top -H` and `perf` tell the reactors
// apart instead of showing the name of the thread that created them.
static inline void CLibURing_nameThread(const char *name) {
    prctl(PR_SET_NAME, (unsigned long)name, 0UL, 0UL, 0UL);
}

// Asks the kernel to send `signal` to this process when its parent dies (prctl is variadic,
// which Swift cannot call); -1 and errno on failure.
static inline int CLibURing_setParentDeathSignal(int signal) {
    return prctl(PR_SET_PDEATHSIG, (unsigned long)signal, 0UL, 0UL, 0UL);
}

/*
 * seccomp-launcher: runs a program with io_uring refused, as Docker's default
 * seccomp profile refuses it, for machines where no container can run.
 *
 *     seccomp-launcher PROGRAM [ARGUMENT...]
 *
 * Docker's default profile is an allow-list whose default action is EPERM, and
 * io_uring_setup, io_uring_enter and io_uring_register are not on it (removed by
 * moby/moby#46762, in Docker 25.0). This filter does the part of it the tests
 * are about: every system call is allowed except those three, which fail with
 * EPERM. It sets no_new_privs first, as the kernel requires of a process without
 * CAP_SYS_ADMIN that installs a filter (Docker's runc holds that capability and
 * sets no_new_privs only under --security-opt no-new-privileges), then execvp's
 * its arguments: the filter and no_new_privs stay with the program and its
 * children.
 *
 * Tests/AsyncWebTests/Hardening/RefusedIOUringTests.swift compiles it with
 *     cc -O2 -o seccomp-launcher seccomp-launcher.c -lseccomp
 * (Debian: libseccomp-dev) and checks that the server falls back to epoll and
 * says why, and that `--io io_uring` fails with one line.
 *
 * Exit status: the program's, or 125 if the filter could not be installed,
 * 127 if the program could not be executed, 2 for a usage error.
 */
#include <errno.h>
#include <seccomp.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

static const char *const refused[] = { "io_uring_setup", "io_uring_enter", "io_uring_register" };

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s PROGRAM [ARGUMENT...]\n", argv[0]);
        return 2;
    }
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
        fprintf(stderr, "seccomp-launcher: prctl(PR_SET_NO_NEW_PRIVS): %s\n", strerror(errno));
        return 125;
    }
    scmp_filter_ctx filter = seccomp_init(SCMP_ACT_ALLOW);
    if (filter == NULL) {
        fprintf(stderr, "seccomp-launcher: seccomp_init failed\n");
        return 125;
    }
    for (size_t index = 0; index < sizeof refused / sizeof refused[0]; index++) {
        int number = seccomp_syscall_resolve_name(refused[index]);
        if (number == __NR_SCMP_ERROR) {
            fprintf(stderr, "seccomp-launcher: libseccomp does not know %s\n", refused[index]);
            return 125;
        }
        int result = seccomp_rule_add(filter, SCMP_ACT_ERRNO(EPERM), number, 0);
        if (result != 0) {
            fprintf(stderr, "seccomp-launcher: seccomp_rule_add(%s): %s\n", refused[index], strerror(-result));
            return 125;
        }
    }
    int loaded = seccomp_load(filter);
    seccomp_release(filter);
    if (loaded != 0) {
        fprintf(stderr, "seccomp-launcher: seccomp_load: %s\n", strerror(-loaded));
        return 125;
    }
    execvp(argv[1], argv + 1);
    fprintf(stderr, "seccomp-launcher: %s: %s\n", argv[1], strerror(errno));
    return 127;
}

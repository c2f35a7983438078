// The floor of the load benchmark: the least an io_uring HTTP server on one
// thread has to do to answer TechEmpower's /plaintext and /json, so that the
// table shows how far any framework, ours included, sits above the kernel.
//
//   cc -O2 -o floor floor.c -luring
//   floor --host 127.0.0.1 --port 8080
//
// One ring: a multishot accept, and per connection a multishot recv that takes
// its buffers from a provided buffer ring. Whatever a recv brings is scanned for
// complete request heads (`\r\n\r\n`), each answered with a fixed reply chosen
// by its path, and all the replies of that recv go out in one send. No other
// HTTP parsing: no bodies, no headers read, every connection kept alive. The
// only thing computed is the Date header, once a second, as TFB requires.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <liburing.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { operation_accept = 1, operation_recv = 2, operation_send = 3 };

enum {
    ring_entries = 4096,
    completion_entries = 16384,
    buffer_group = 0,
    buffer_count = 4096, // a power of two, as a buffer ring needs
    buffer_size = 4096,
    // A request head longer than this is not one wrk sends: the connection closes.
    longest_head = 16384,
    most_connections = 65536,
};

// --- Replies -------------------------------------------------------------------

// Date comes last among the headers so that one fixed offset in each reply
// holds its 29 characters.
#define DATE_PLACEHOLDER "Thu, 01 Jan 1970 00:00:00 GMT"
static char plaintext_reply[] =
    "HTTP/1.1 200 OK\r\nServer: floor\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n"
    "Date: " DATE_PLACEHOLDER "\r\n\r\nHello, World!";
static char json_reply[] =
    "HTTP/1.1 200 OK\r\nServer: floor\r\nContent-Type: application/json\r\nContent-Length: 27\r\n"
    "Date: " DATE_PLACEHOLDER "\r\n\r\n{\"message\":\"Hello, World!\"}";
static char not_found_reply[] =
    "HTTP/1.1 404 Not Found\r\nServer: floor\r\nContent-Length: 0\r\n"
    "Date: " DATE_PLACEHOLDER "\r\n\r\n";

static time_t date_second = -1;

static void write_date(char *reply, size_t length) {
    static const char prefix[] = "Date: ";
    char *date = memmem(reply, length, prefix, sizeof prefix - 1) + sizeof prefix - 1;
    struct tm parts;
    char text[sizeof DATE_PLACEHOLDER];
    gmtime_r(&date_second, &parts);
    strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &parts);
    memcpy(date, text, sizeof DATE_PLACEHOLDER - 1);
}

static void refresh_date(void) {
    time_t now = time(NULL);
    if (now == date_second) return;
    date_second = now;
    write_date(plaintext_reply, sizeof plaintext_reply - 1);
    write_date(json_reply, sizeof json_reply - 1);
    write_date(not_found_reply, sizeof not_found_reply - 1);
}

// --- Connections ------------------------------------------------------------------

struct buffer {
    char *bytes;
    size_t length, capacity;
};

static void append(struct buffer *buffer, const char *bytes, size_t length) {
    if (buffer->length + length > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity : 1024;
        while (capacity < buffer->length + length) capacity *= 2;
        buffer->bytes = realloc(buffer->bytes, capacity);
        if (!buffer->bytes) {
            perror("floor: realloc");
            exit(1);
        }
        buffer->capacity = capacity;
    }
    memcpy(buffer->bytes + buffer->length, bytes, length);
    buffer->length += length;
}

struct connection {
    // The start of a request head whose end has not arrived yet.
    struct buffer partial;
    // output[sending] is with the kernel and never touched until its send
    // completes; the other one collects the replies meanwhile.
    struct buffer output[2];
    int sending; // -1 when no send is in flight
    size_t sent; // bytes of output[sending] already sent
    bool receiving, closing;
};

// Indexed by file descriptor. A descriptor is closed only once neither its
// recv nor a send is in flight, so no completion can arrive for a reused one.
static struct connection *connections[most_connections];

static struct io_uring ring;
static struct io_uring_buf_ring *buffer_ring;
static char *buffer_memory;

static uint64_t tag(int fd, int operation) {
    return (uint64_t)fd << 8 | (uint64_t)operation;
}

static struct io_uring_sqe *next_sqe(void) {
    struct io_uring_sqe *sqe = io_uring_get_sqe(&ring);
    if (!sqe) {
        io_uring_submit(&ring);
        sqe = io_uring_get_sqe(&ring);
    }
    if (!sqe) {
        fputs("floor: no submission queue entry free after a submit\n", stderr);
        exit(1);
    }
    return sqe;
}

static void arm_accept(int listener) {
    struct io_uring_sqe *sqe = next_sqe();
    io_uring_prep_multishot_accept(sqe, listener, NULL, NULL, 0);
    io_uring_sqe_set_data64(sqe, tag(listener, operation_accept));
}

static void arm_recv(int fd) {
    struct io_uring_sqe *sqe = next_sqe();
    io_uring_prep_recv_multishot(sqe, fd, NULL, 0, 0);
    sqe->flags |= IOSQE_BUFFER_SELECT;
    sqe->buf_group = buffer_group;
    io_uring_sqe_set_data64(sqe, tag(fd, operation_recv));
    connections[fd]->receiving = true;
}

static void send_rest(int fd) {
    struct connection *connection = connections[fd];
    struct buffer *output = &connection->output[connection->sending];
    struct io_uring_sqe *sqe = next_sqe();
    io_uring_prep_send(sqe, fd, output->bytes + connection->sent, output->length - connection->sent, MSG_NOSIGNAL);
    io_uring_sqe_set_data64(sqe, tag(fd, operation_send));
}

// Sends the replies collected in output[0], unless a send is in flight: its
// completion sends them.
static void flush(int fd) {
    struct connection *connection = connections[fd];
    if (connection->sending >= 0 || connection->closing || connection->output[0].length == 0) return;
    connection->sending = 0;
    connection->sent = 0;
    send_rest(fd);
}

static void close_when_idle(int fd) {
    struct connection *connection = connections[fd];
    if (connection->receiving || connection->sending >= 0) return;
    close(fd);
    connection->partial.length = 0;
    connection->output[0].length = 0;
    connection->output[1].length = 0;
    connection->closing = false;
}

// Ends the connection: shutting the socket down ends its recv, whose last
// completion closes it.
static void abandon(int fd) {
    connections[fd]->closing = true;
    shutdown(fd, SHUT_RDWR);
    close_when_idle(fd);
}

static void answer(struct connection *connection, const char *head, size_t length) {
    // The collecting buffer: output[1] while output[0] is in flight.
    struct buffer *output = &connection->output[connection->sending == 0 ? 1 : 0];
    const char *path = memchr(head, ' ', length < 16 ? length : 16);
    if (path && strncmp(path, " /plaintext ", 12) == 0) {
        append(output, plaintext_reply, sizeof plaintext_reply - 1);
    } else if (path && strncmp(path, " /json ", 7) == 0) {
        append(output, json_reply, sizeof json_reply - 1);
    } else {
        append(output, not_found_reply, sizeof not_found_reply - 1);
    }
}

// Answers every complete request head in bytes; returns how many bytes of an
// unfinished head are left at the end.
static size_t answer_heads(struct connection *connection, const char *bytes, size_t length) {
    size_t start = 0;
    for (;;) {
        const char *end = memmem(bytes + start, length - start, "\r\n\r\n", 4);
        if (!end) return length - start;
        size_t next = (size_t)(end - bytes) + 4;
        answer(connection, bytes + start, next - start);
        start = next;
    }
}

static void received(int fd, const char *bytes, size_t length) {
    struct connection *connection = connections[fd];
    if (connection->partial.length == 0) {
        size_t left = answer_heads(connection, bytes, length);
        if (left) append(&connection->partial, bytes + length - left, left);
    } else {
        append(&connection->partial, bytes, length);
        size_t left = answer_heads(connection, connection->partial.bytes, connection->partial.length);
        memmove(connection->partial.bytes, connection->partial.bytes + connection->partial.length - left, left);
        connection->partial.length = left;
    }
    if (connection->partial.length > longest_head) {
        abandon(fd);
        return;
    }
    flush(fd);
}

static void recycle(unsigned buffer_id) {
    io_uring_buf_ring_add(buffer_ring, buffer_memory + (size_t)buffer_id * buffer_size, buffer_size, buffer_id,
                          io_uring_buf_ring_mask(buffer_count), 0);
    io_uring_buf_ring_advance(buffer_ring, 1);
}

static void handle_accept(int listener, const struct io_uring_cqe *cqe) {
    if (!(cqe->flags & IORING_CQE_F_MORE)) arm_accept(listener);
    int fd = cqe->res;
    if (fd < 0) return;
    if (fd >= most_connections) {
        close(fd);
        return;
    }
    int on = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    if (!connections[fd]) {
        connections[fd] = calloc(1, sizeof *connections[fd]);
        if (!connections[fd]) {
            perror("floor: calloc");
            exit(1);
        }
    }
    connections[fd]->sending = -1;
    arm_recv(fd);
}

static void handle_recv(int fd, const struct io_uring_cqe *cqe) {
    struct connection *connection = connections[fd];
    if (cqe->res > 0) {
        unsigned buffer_id = cqe->flags >> IORING_CQE_BUFFER_SHIFT;
        if (!connection->closing)
            received(fd, buffer_memory + (size_t)buffer_id * buffer_size, (size_t)cqe->res);
        recycle(buffer_id);
    }
    if (cqe->flags & IORING_CQE_F_MORE) return;
    connection->receiving = false;
    // A multishot recv also ends when the buffer ring ran dry (-ENOBUFS) or for
    // reasons of the kernel's own; only end of stream and errors end the connection.
    if (!connection->closing && (cqe->res > 0 || cqe->res == -ENOBUFS)) {
        arm_recv(fd);
        return;
    }
    connection->closing = true;
    close_when_idle(fd);
}

static void handle_send(int fd, const struct io_uring_cqe *cqe) {
    struct connection *connection = connections[fd];
    struct buffer *output = &connection->output[connection->sending];
    if (cqe->res < 0) {
        output->length = 0;
        connection->sending = -1;
        abandon(fd);
        return;
    }
    connection->sent += (size_t)cqe->res;
    if (connection->sent < output->length) {
        send_rest(fd);
        return;
    }
    output->length = 0;
    // What collected meanwhile sits in output[1]; swap so it is output[0].
    if (connection->sending == 0) {
        struct buffer collected = connection->output[1];
        connection->output[1] = connection->output[0];
        connection->output[0] = collected;
    }
    connection->sending = -1;
    if (connection->closing) {
        close_when_idle(fd);
        return;
    }
    flush(fd);
}

// --- Setting up ------------------------------------------------------------------

static const char *option(int argc, char **argv, const char *name, const char *fallback) {
    for (int index = 1; index + 1 < argc; index++)
        if (strcmp(argv[index], name) == 0) return argv[index + 1];
    return fallback;
}

static int listen_on(const char *host, int port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int on = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    if (inet_pton(AF_INET, host, &address.sin_addr) != 1) {
        fprintf(stderr, "floor: --host must be an IPv4 address, not '%s'\n", host);
        exit(2);
    }
    // The backlog AsyncWeb listens with, as every server of the benchmark does.
    if (bind(fd, (struct sockaddr *)&address, sizeof address) != 0 || listen(fd, 1024) != 0) {
        fprintf(stderr, "floor: cannot listen on %s:%d: %s\n", host, port, strerror(errno));
        exit(1);
    }
    return fd;
}

static void set_up_ring(void) {
    struct io_uring_params params = {
        .flags = IORING_SETUP_CQSIZE | IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN,
        .cq_entries = completion_entries,
    };
    int result = io_uring_queue_init_params(ring_entries, &ring, &params);
    if (result < 0) {
        fprintf(stderr, "floor: io_uring_queue_init_params: %s (needs Linux 6.1 or later, and io_uring allowed)\n",
                strerror(-result));
        exit(1);
    }

    size_t ring_size = buffer_count * sizeof(struct io_uring_buf);
    buffer_ring = mmap(NULL, ring_size, PROT_READ | PROT_WRITE, MAP_ANONYMOUS | MAP_PRIVATE, -1, 0);
    buffer_memory = malloc((size_t)buffer_count * buffer_size);
    if (buffer_ring == MAP_FAILED || !buffer_memory) {
        perror("floor: allocating the provided buffers");
        exit(1);
    }
    struct io_uring_buf_reg registration = {
        .ring_addr = (uint64_t)(uintptr_t)buffer_ring,
        .ring_entries = buffer_count,
        .bgid = buffer_group,
    };
    result = io_uring_register_buf_ring(&ring, &registration, 0);
    if (result < 0) {
        fprintf(stderr, "floor: io_uring_register_buf_ring: %s\n", strerror(-result));
        exit(1);
    }
    io_uring_buf_ring_init(buffer_ring);
    for (unsigned id = 0; id < buffer_count; id++)
        io_uring_buf_ring_add(buffer_ring, buffer_memory + (size_t)id * buffer_size, buffer_size, id,
                              io_uring_buf_ring_mask(buffer_count), (int)id);
    io_uring_buf_ring_advance(buffer_ring, buffer_count);
}

int main(int argc, char **argv) {
    const char *host = option(argc, argv, "--host", "127.0.0.1");
    int port = atoi(option(argc, argv, "--port", "8080"));
    signal(SIGPIPE, SIG_IGN);
    int listener = listen_on(host, port);
    set_up_ring();
    refresh_date();
    arm_accept(listener);
    printf("floor: listening on http://%s:%d\n", host, port);
    fflush(stdout);

    for (;;) {
        int result = io_uring_submit_and_wait(&ring, 1);
        if (result < 0 && result != -EINTR) {
            fprintf(stderr, "floor: io_uring_submit_and_wait: %s\n", strerror(-result));
            return 1;
        }
        refresh_date();
        struct io_uring_cqe *cqe;
        unsigned head, seen = 0;
        io_uring_for_each_cqe(&ring, head, cqe) {
            seen++;
            int fd = (int)(cqe->user_data >> 8);
            switch (cqe->user_data & 0xff) {
            case operation_accept: handle_accept(fd, cqe); break;
            case operation_recv: handle_recv(fd, cqe); break;
            case operation_send: handle_send(fd, cqe); break;
            }
        }
        io_uring_cq_advance(&ring, seen);
    }
}

// OpenSSL for AsyncWeb: libcrypto's HMAC signs session cookies, libssl serves TLS.
#include <features.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <openssl/ec.h>

// What Swift cannot call directly: OpenSSL's function-like macros and variadic functions.

static inline int COpenSSL_CTX_set_min_proto_version(SSL_CTX *context, int version) {
    return (int)SSL_CTX_set_min_proto_version(context, version);
}

/// No server-side session cache: resumption is by tickets, which need none, and the cache's
/// upkeep showed in the profile of new handshakes.
static inline void COpenSSL_CTX_disable_session_cache(SSL_CTX *context) {
    SSL_CTX_set_session_cache_mode(context, SSL_SESS_CACHE_OFF);
}

static inline int COpenSSL_CTX_set1_groups_list(SSL_CTX *context, const char *groups) {
    return (int)SSL_CTX_set1_groups_list(context, groups);
}

/// An elliptic-curve key on `curve` ("P-256"), or NULL.
static inline EVP_PKEY *COpenSSL_EC_generate(const char *curve) {
    return EVP_EC_gen(curve);
}

/// The options every AsyncWeb server context sets: no renegotiation, no compression.
static inline uint64_t COpenSSL_server_options(void) {
    return SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_COMPRESSION;
}

static inline void COpenSSL_BIO_set_retry_read(BIO *bio) {
    BIO_set_retry_read(bio);
}

static inline void COpenSSL_BIO_clear_retry_flags(BIO *bio) {
    BIO_clear_retry_flags(bio);
}

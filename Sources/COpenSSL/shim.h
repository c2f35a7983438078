// OpenSSL for AsyncWeb: libcrypto's HMAC signs session cookies, libssl serves TLS.
#include <features.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/ssl.h>
#include <openssl/err.h>

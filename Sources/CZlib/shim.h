// zlib for AsyncWeb: session cookies are zlib-compressed when that is shorter, as itsdangerous does.
#include <zlib.h>

// The Snowball stemmers (libstemmer, Debian's libstemmer-dev).
#include <libstemmer.h>

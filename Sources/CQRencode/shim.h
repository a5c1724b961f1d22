// libqrencode (Debian: libqrencode-dev), the QR encoder behind workshop join codes' QR images.
#include <qrencode.h>

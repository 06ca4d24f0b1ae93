// CICU bidi API (see cicu_bidi.cpp). Stdint types and opaque handles only.
#pragma once
#include <stdbool.h>
#include <stdint.h>

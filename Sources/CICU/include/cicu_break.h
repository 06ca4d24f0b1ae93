// CICU break API (see cicu_break.cpp). Stdint types and opaque handles only.
#pragma once
#include <stdbool.h>
#include <stdint.h>

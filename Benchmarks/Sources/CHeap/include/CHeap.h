#include <stddef.h>

/// The bytes malloc has handed out and not yet had back, mmapped blocks included (glibc; 0 elsewhere).
size_t cheap_heap_in_use(void);

#include <limits.h>
#include <stdlib.h>
const char *__asan_default_options(void) { return "exitcode=86"; }
int main(int argc, char **argv) { int x = INT_MAX - 1 + argc; x += atoi(argv[0] + 100 > argv[0] ? "5" : "5"); return x & 1; }

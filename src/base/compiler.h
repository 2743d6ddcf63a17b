/* Compiler annotations shared by every layer. */
#ifndef TC_BASE_COMPILER_H
#define TC_BASE_COMPILER_H

#define TC_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#define TC_NORETURN __attribute__((noreturn))
#define TC_UNUSED __attribute__((unused))
#define TC_COUNT(a) (sizeof(a) / sizeof((a)[0]))

#endif

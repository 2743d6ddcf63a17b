/* sqlcheck: reads the JSON lines {"sql":"..."} that twentyc writes with TWENTYC_SQL_LOG, keeps
 * each distinct statement once and parses it with libpg_query (PostgreSQL 15's own grammar).
 * Prints a summary and every statement that does not parse; exit 0 when all parse, 1 when one
 * does not (or a line is not such a JSON object, or there is nothing to check), 2 on usage.
 * Usage: sqlcheck FILE.jsonl...   Test-only: it runs after the API tests (scripts/test.sh). */
#include <errno.h>
#include <jansson.h>
#include <pg_query.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* twentyc writes lines of at most 64 MiB (SQL_LOG_MAX_BYTES in src/db/db.c) plus the envelope. */
#define MAX_LINE_BYTES ((size_t)65 << 20)
/* Characters of context shown on either side of a parse error's position. */
#define CONTEXT_CHARS 60

/* A distinct statement: its text (heap) and where it was first seen. */
typedef struct entry {
    char *sql;
    uint64_t hash;
    const char *file;
    long line;
} entry;

typedef struct set {
    entry *slots;
    size_t nslots, nused;
} set;

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n, size);
    if (!p) {
        fputs("sqlcheck: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

static uint64_t hash_text(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static entry *find_slot(entry *slots, size_t nslots, const char *sql, uint64_t h)
{
    size_t i = h & (nslots - 1);
    while (slots[i].sql && !(slots[i].hash == h && strcmp(slots[i].sql, sql) == 0))
        i = (i + 1) & (nslots - 1);
    return &slots[i];
}

/* Adds sql (n bytes, NUL-terminated) unless it is there; true when it was new. */
static bool set_add(set *s, const char *sql, size_t n, const char *file, long line)
{
    if (s->nused + 1 > s->nslots * 3 / 4) {
        size_t cap = s->nslots ? s->nslots * 2 : 1024;
        entry *slots = xcalloc(cap, sizeof(*slots));
        for (size_t i = 0; i < s->nslots; i++) {
            if (s->slots[i].sql)
                *find_slot(slots, cap, s->slots[i].sql, s->slots[i].hash) = s->slots[i];
        }
        free(s->slots);
        s->slots = slots;
        s->nslots = cap;
    }
    uint64_t h = hash_text(sql, n);
    entry *e = find_slot(s->slots, s->nslots, sql, h);
    if (e->sql)
        return false;
    e->sql = xcalloc(n + 1, 1);
    memcpy(e->sql, sql, n);
    e->hash = h;
    e->file = file;
    e->line = line;
    s->nused++;
    return true;
}

/* Reads one file's lines into s. Returns the number of malformed lines (each reported), or -1
 * when the file cannot be read. *total counts the statements read. */
static long read_file(set *s, const char *path, long *total)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "sqlcheck: %s: %s\n", path, strerror(errno));
        return -1;
    }
    char *buf = NULL;
    size_t cap = 0;
    long lineno = 0, bad = 0;
    ssize_t len;
    while ((len = getline(&buf, &cap, f)) >= 0) {
        lineno++;
        if (len == 0 || (len == 1 && buf[0] == '\n'))
            continue;
        const char *why = NULL;
        json_error_t jerr;
        json_t *v = NULL;
        if ((size_t)len > MAX_LINE_BYTES) {
            why = "line too long";
        } else if (!(v = json_loadb(buf, (size_t)len, 0, &jerr))) {
            why = jerr.text;
        } else if (!json_is_string(json_object_get(v, "sql"))) {
            why = "no \"sql\" string";
        } else {
            json_t *sql = json_object_get(v, "sql");
            const char *text = json_string_value(sql);
            size_t n = json_string_length(sql);
            if (memchr(text, '\0', n))
                why = "NUL byte in the statement";
            else {
                (*total)++;
                set_add(s, text, n, path, lineno);
            }
        }
        if (why) {
            fprintf(stdout, "sqlcheck: %s:%ld: not a {\"sql\": ...} line: %s\n", path, lineno, why);
            bad++;
        }
        json_decref(v);
    }
    bool read_error = ferror(f);
    free(buf);
    fclose(f);
    if (read_error) {
        fprintf(stderr, "sqlcheck: %s: read error\n", path);
        return -1;
    }
    return bad;
}

/* Prints a failure: the error, where in the statement, and the statement. */
static void report(const entry *e, const PgQueryError *err)
{
    printf("\nsqlcheck: FAILED (first seen %s:%ld): %s", e->file, e->line, err->message);
    size_t n = strlen(e->sql);
    if (err->cursorpos > 0 && (size_t)err->cursorpos <= n + 1) {
        size_t at = (size_t)err->cursorpos - 1;
        size_t from = at > CONTEXT_CHARS ? at - CONTEXT_CHARS : 0;
        size_t to = at + CONTEXT_CHARS < n ? at + CONTEXT_CHARS : n;
        printf(" at character %d, near: %.*s<<HERE>>%.*s", err->cursorpos, (int)(at - from),
               e->sql + from, (int)(to - at), e->sql + at);
    }
    printf("\n  statement: %s\n", e->sql);
}

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs("usage: sqlcheck FILE.jsonl...\n"
              "Parses each distinct {\"sql\": ...} statement of the files with PostgreSQL's "
              "grammar (libpg_query); exit 1 if one does not parse.\n",
              argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    set s = {0};
    long total = 0, bad_lines = 0;
    int rc = 0;
    for (int i = 1; i < argc; i++) {
        long bad = read_file(&s, argv[i], &total);
        if (bad < 0)
            rc = 1;
        else
            bad_lines += bad;
    }
    long failed = 0;
    for (size_t i = 0; i < s.nslots; i++) {
        entry *e = &s.slots[i];
        if (!e->sql)
            continue;
        PgQueryParseResult r = pg_query_parse(e->sql);
        if (r.error) {
            report(e, r.error);
            failed++;
        }
        pg_query_free_parse_result(r);
    }
    printf("sqlcheck: %ld statements, %zu distinct, %ld failed", total, s.nused, failed);
    if (bad_lines)
        printf(", %ld malformed lines", bad_lines);
    printf(" (%d file%s)\n", argc - 1, argc == 2 ? "" : "s");
    if (total == 0) {
        printf("sqlcheck: nothing to check; was TWENTYC_SQL_LOG set for the servers?\n");
        rc = 1;
    }
    if (failed || bad_lines)
        rc = 1;
    for (size_t i = 0; i < s.nslots; i++)
        free(s.slots[i].sql);
    free(s.slots);
    pg_query_exit();
    return rc;
}

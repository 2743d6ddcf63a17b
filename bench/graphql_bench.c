/* GraphQL parse + validate benchmark (bench/graphql.sh runs it): a typical Twenty findMany
 * (filter, orderBy, pagination, nested to-one and to-many relations, 40-odd fields) parsed and
 * validated against the Twenty-shaped test schema N times. Prints microseconds per document for
 * parse alone and for parse + validate, and what one document costs in memory: arena bytes, arena
 * blocks, and malloc/calloc/realloc calls counted by wrapping them at link time (-Wl,--wrap,
 * no LD_PRELOAD), both with a fresh arena per document and with one arena reset between documents
 * (how a server thread runs).
 *   graphql_bench [iterations]       (default 100000)
 *   graphql_bench --print             prints the document (for the comparison with graphql-js) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "graphql/parser.h"
#include "graphql/testschema.h"
#include "graphql/validate.h"

/* ---- Counting allocations ------------------------------------------------------------------- */

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);

static unsigned long allocs;

void *__wrap_malloc(size_t n)
{
    allocs++;
    return __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
    allocs++;
    return __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
    allocs++;
    return __real_realloc(p, n);
}

/* ---- The document --------------------------------------------------------------------------- */

static const char QUERY[] =
    "query FindManyCompanies($lastCursor: String, $limit: Int = 60) {\n"
    "  companies(\n"
    "    filter: {and: [{name: {ilike: \"%acme%\"}}, {employees: {gte: 10}},\n"
    "      {or: [{idealCustomerProfile: {eq: true}}, {address: {addressCity: {eq: \"Paris\"}}}]},\n"
    "      {deletedAt: {is: NULL}}]}\n"
    "    orderBy: [{position: AscNullsFirst}, {createdAt: DescNullsLast}]\n"
    "    first: $limit\n"
    "    after: $lastCursor\n"
    "  ) {\n"
    "    edges {\n"
    "      node {\n"
    "        __typename\n"
    "        id\n"
    "        name\n"
    "        domainName { primaryLinkUrl primaryLinkLabel secondaryLinks }\n"
    "        employees\n"
    "        linkedinLink { primaryLinkUrl primaryLinkLabel }\n"
    "        annualRecurringRevenue { amountMicros currencyCode }\n"
    "        address { addressStreet1 addressCity addressPostcode addressCountry }\n"
    "        idealCustomerProfile\n"
    "        tagline\n"
    "        position\n"
    "        createdBy { source workspaceMemberId name }\n"
    "        createdAt\n"
    "        updatedAt\n"
    "        accountOwner { id name { firstName lastName } colorScheme avatarUrl }\n"
    "        people(first: 5, orderBy: [{createdAt: DescNullsLast}]) {\n"
    "          edges { node { id name { firstName lastName } emails { primaryEmail } jobTitle city "
    "} }\n"
    "          totalCount\n"
    "        }\n"
    "        opportunities(first: 5) {\n"
    "          edges { node { id name stage amount { amountMicros currencyCode } closeDate } }\n"
    "        }\n"
    "      }\n"
    "      cursor\n"
    "    }\n"
    "    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n"
    "    totalCount\n"
    "  }\n"
    "}\n";

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static void die(const char *what)
{
    fprintf(stderr, "graphql_bench: %s\n", what);
    exit(1);
}

/* One parse (+ validate); returns the number of validation errors (0 expected). */
static size_t once(tc_arena *a, const tc_gql_schema *s, bool validate)
{
    tc_gql_parse_error perr;
    tc_gql_ast_document *doc = tc_gql_parse(a, QUERY, sizeof(QUERY) - 1, NULL, &perr);
    if (!doc)
        die(perr.message);
    if (!validate)
        return 0;
    tc_gql_validation r;
    return tc_gql_validate(a, s, doc, NULL, &r);
}

static size_t count_fields(const tc_gql_ast_selection_set *set)
{
    size_t n = 0;
    for (size_t i = 0; i < set->n; i++) {
        n += set->items[i]->kind == TC_GQL_AST_FIELD;
        if (set->items[i]->selection_set)
            n += count_fields(set->items[i]->selection_set);
    }
    return n;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--print") == 0) {
        fputs(QUERY, stdout);
        return 0;
    }
    long iters = argc > 1 ? strtol(argv[1], NULL, 10) : 100000;
    if (iters < 1)
        die("iterations must be positive");
    tc_err e;
    tc_gql_schema *s = tc_gql_testschema_new(&e);
    if (!s)
        die(e.message);

    tc_arena *a = tc_arena_new(64 << 10);
    tc_gql_parse_error perr;
    tc_gql_ast_document *doc = tc_gql_parse(a, QUERY, sizeof(QUERY) - 1, NULL, &perr);
    if (!doc)
        die(perr.message);
    size_t fields = count_fields(doc->items[0]->selection_set), tokens = doc->tokens;
    tc_gql_validation r;
    if (tc_gql_validate(a, s, doc, NULL, &r) != 0)
        die(r.errors[0].message);
    tc_arena_reset(a);

    /* memory of one document: fresh arena (default first block of a request arena, 4 KiB) */
    unsigned long before = allocs;
    tc_arena *fresh = tc_arena_new(4096);
    once(fresh, s, false);
    size_t parse_bytes = tc_arena_used(fresh);
    tc_arena_free(fresh);
    unsigned long parse_allocs = allocs - before;
    before = allocs;
    fresh = tc_arena_new(4096);
    once(fresh, s, true);
    size_t all_bytes = tc_arena_used(fresh);
    tc_arena_free(fresh);
    unsigned long all_allocs = allocs - before;

    /* timing with one arena reset between documents, as a server thread does */
    for (long i = 0; i < iters / 10 + 1; i++) { /* warm up */
        once(a, s, true);
        tc_arena_reset(a);
    }
    before = allocs;
    double t0 = now_us();
    for (long i = 0; i < iters; i++) {
        once(a, s, false);
        tc_arena_reset(a);
    }
    double t1 = now_us();
    for (long i = 0; i < iters; i++) {
        if (once(a, s, true) != 0)
            die("the query does not validate");
        tc_arena_reset(a);
    }
    double t2 = now_us();
    double steady = (double)(allocs - before) / (2.0 * (double)iters);

    printf("document: %zu bytes, %zu tokens, %zu fields\n", sizeof(QUERY) - 1, tokens, fields);
    printf("parse:            %.2f us/doc\n", (t1 - t0) / (double)iters);
    printf("parse + validate: %.2f us/doc (validate %.2f us)\n", (t2 - t1) / (double)iters,
           (t2 - t1 - (t1 - t0)) / (double)iters);
    printf("validation work:  %zu units of the %d budget\n", r.work, TC_GQL_VALIDATE_MAX_WORK);
    printf("arena bytes/doc:  parse %zu, parse + validate %zu\n", parse_bytes, all_bytes);
    printf("mallocs/doc, fresh 4 KiB arena: parse %lu, parse + validate %lu\n", parse_allocs,
           all_allocs);
    printf("mallocs/doc, reused 64 KiB arena: %.2f\n", steady);
    tc_arena_free(a);
    tc_gql_schema_free(s);
    return 0;
}

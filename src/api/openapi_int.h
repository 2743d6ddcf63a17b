/* Shared by openapi.c (the documents, paths and handlers) and openapi_schema.c (the JSON schemas
 * of records, from field metadata). Everything writes into one tc_json. */
#ifndef TC_API_OPENAPI_INT_H
#define TC_API_OPENAPI_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/json.h"
#include "meta/model.h"

#define TC_OA_NAME_MAX 160 /* "<Singular>ForResponse", a $ref, an operationId */

/* Whether o is described by the core document (active objects only; a relation to an object that
 * is not listed is left out so every $ref resolves). */
bool tc_openapi_listed(const tc_object *o);

/* s with its first letter upper-cased into out (size n; truncated to fit). */
void tc_openapi_cap(const char *s, char *out, size_t n);

/* {"$ref":"#/components/<section>/<name><suffix>"} as one value. */
void tc_openapi_ref(tc_json *j, const char *section, const char *name, const char *suffix);

/* Writes the members "<Singular>", "<Singular>ForUpdate", "<Singular>ForResponse" and
 * "<Singular>ForNestedResponse" (a related record, without relations) of components.schemas for o
 * (the caller has the schemas object open). */
void tc_openapi_object_schemas(tc_json *j, const tc_object *o);

#endif

/* The field-type registry (see field_types.h) and the composite types' sub-fields, from
 * spec/twenty-datamodel.md §1.1. */
#include "meta/field_types.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "base/compiler.h"

const char *const tc_actor_sources[] = {"EMAIL",   "CALENDAR",    "WORKFLOW", "AGENT",
                                        "API",     "IMPORT",      "MANUAL",   "SYSTEM",
                                        "WEBHOOK", "APPLICATION", NULL};

/* name, type, required, unique_key, searchable, enum values */
static const tc_subfield RICH_TEXT_V2_subfields[] = {
    {"blocknote", TC_FT_TEXT, false, false, false, NULL},
    {"markdown", TC_FT_TEXT, false, false, true, NULL},
};
static const tc_subfield LINKS_subfields[] = {
    {"primaryLinkLabel", TC_FT_TEXT, false, false, true, NULL},
    {"primaryLinkUrl", TC_FT_TEXT, false, true, true, NULL},
    {"secondaryLinks", TC_FT_RAW_JSON, false, false, false, NULL},
};
static const tc_subfield CURRENCY_subfields[] = {
    {"amountMicros", TC_FT_NUMERIC, false, false, false, NULL},
    {"currencyCode", TC_FT_TEXT, false, false, false, NULL},
};
static const tc_subfield FULL_NAME_subfields[] = {
    {"firstName", TC_FT_TEXT, false, false, true, NULL},
    {"lastName", TC_FT_TEXT, false, false, true, NULL},
};
static const tc_subfield ADDRESS_subfields[] = {
    {"addressStreet1", TC_FT_TEXT, false, false, true, NULL},
    {"addressStreet2", TC_FT_TEXT, false, false, true, NULL},
    {"addressCity", TC_FT_TEXT, false, false, true, NULL},
    {"addressPostcode", TC_FT_TEXT, false, false, true, NULL},
    {"addressState", TC_FT_TEXT, false, false, true, NULL},
    {"addressCountry", TC_FT_TEXT, false, false, true, NULL},
    {"addressLat", TC_FT_NUMERIC, false, false, false, NULL},
    {"addressLng", TC_FT_NUMERIC, false, false, false, NULL},
};
static const tc_subfield ACTOR_subfields[] = {
    {"source", TC_FT_SELECT, true, false, false, tc_actor_sources},
    {"workspaceMemberId", TC_FT_UUID, false, false, false, NULL},
    {"name", TC_FT_TEXT, true, false, false, NULL},
    {"context", TC_FT_RAW_JSON, false, false, false, NULL},
};
static const tc_subfield EMAILS_subfields[] = {
    {"primaryEmail", TC_FT_TEXT, false, true, true, NULL},
    {"additionalEmails", TC_FT_RAW_JSON, false, false, false, NULL},
};
static const tc_subfield PHONES_subfields[] = {
    {"primaryPhoneNumber", TC_FT_TEXT, false, true, true, NULL},
    {"primaryPhoneCountryCode", TC_FT_TEXT, false, false, false, NULL},
    {"primaryPhoneCallingCode", TC_FT_TEXT, false, false, true, NULL},
    {"additionalPhones", TC_FT_RAW_JSON, false, false, false, NULL},
};
/* Each composite row names its sub-field table; every other row has none. */
#define SUBS_NONE NULL, 0
#define SUBS_RICH_TEXT_V2 RICH_TEXT_V2_subfields, TC_COUNT(RICH_TEXT_V2_subfields)
#define SUBS_LINKS LINKS_subfields, TC_COUNT(LINKS_subfields)
#define SUBS_CURRENCY CURRENCY_subfields, TC_COUNT(CURRENCY_subfields)
#define SUBS_FULL_NAME FULL_NAME_subfields, TC_COUNT(FULL_NAME_subfields)
#define SUBS_ADDRESS ADDRESS_subfields, TC_COUNT(ADDRESS_subfields)
#define SUBS_ACTOR ACTOR_subfields, TC_COUNT(ACTOR_subfields)
#define SUBS_EMAILS EMAILS_subfields, TC_COUNT(EMAILS_subfields)
#define SUBS_PHONES PHONES_subfields, TC_COUNT(PHONES_subfields)

static const tc_field_type_info registry[] = {
#define TC_FT_ROW(name, kind, sql, subs) [TC_FT_##name] = {#name, TC_KIND_##kind, sql, SUBS_##subs},
    TC_FIELD_TYPES(TC_FT_ROW)
#undef TC_FT_ROW
};

const tc_field_type_info *tc_field_type_info_of(tc_field_type type)
{
    return (unsigned)type < TC_FT_COUNT ? &registry[type] : NULL;
}

int tc_field_type_parse(const char *name, tc_field_type *out)
{
    for (int i = 0; i < TC_FT_COUNT; i++) {
        if (strcmp(registry[i].name, name) == 0) {
            *out = (tc_field_type)i;
            return 0;
        }
    }
    return -1;
}

int tc_composite_column(const char *field, const char *subfield, char *out, size_t n)
{
    int len = snprintf(out, n, "%s%c%s", field, toupper((unsigned char)subfield[0]), subfield + 1);
    return len < 0 || (size_t)len >= n ? -1 : 0;
}

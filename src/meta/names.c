/* Naming rules (see names.h). */
#include "meta/names.h"

#include <ctype.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>

#include "base/compiler.h"
#include "base/hex.h"

void tc_schema_name(const tc_uuid *workspace_id, char *out)
{
    char b36[TC_UUID_BASE36_MAX + 1];
    tc_uuid_base36(workspace_id, b36);
    snprintf(out, TC_NAME_BUF, "workspace_%s", b36);
}

int tc_table_name(const char *name_singular, bool custom, char *out, size_t n)
{
    int len = snprintf(out, n, "%s%s", custom ? "_" : "", name_singular);
    return len < 0 || (size_t)len >= n ? -1 : 0;
}

int tc_enum_type_name(const char *table, const char *column, char *out, size_t n)
{
    char raw[3 * TC_NAME_BUF];
    snprintf(raw, sizeof(raw), "%s_%s_enum", table, column);
    size_t o = 0;
    for (const char *p = raw; *p; p++) {
        if (isalnum((unsigned char)*p) || *p == '_') {
            if (o + 1 >= n)
                return -1;
            out[o++] = *p;
        }
    }
    out[o] = '\0';
    return o > TC_IDENT_MAX ? -1 : 0;
}

void tc_index_name(const char *table, const char *const *tokens, size_t ntokens, bool unique,
                   const char *where, char *out)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
    EVP_DigestUpdate(ctx, table, strlen(table));
    for (size_t i = 0; i < ntokens; i++)
        EVP_DigestUpdate(ctx, tokens[i], strlen(tokens[i]));
    if (where)
        EVP_DigestUpdate(ctx, where, strlen(where));
    EVP_DigestFinal_ex(ctx, md, &mdlen);
    EVP_MD_CTX_free(ctx);
    char hex[2 * EVP_MAX_MD_SIZE + 1];
    tc_hex_encode(md, mdlen, hex);
    snprintf(out, TC_NAME_BUF, "%s%.27s", unique ? "IDX_UNIQUE_" : "IDX_", hex);
}

/* SH/metadata/constants/reserved-metadata-name-keywords.constant.ts, as spec §5.3 lists it. */
static const char *const reserved[] = {
    "approvedAccessDomain",
    "approvedAccessDomains",
    "appToken",
    "appTokens",
    "billingCustomer",
    "billingCustomers",
    "billingEntitlement",
    "billingEntitlements",
    "billingMeter",
    "billingMeters",
    "billingProduct",
    "billingProducts",
    "billingSubscription",
    "billingSubscriptions",
    "billingSubscriptionItem",
    "billingSubscriptionItems",
    "featureFlag",
    "featureFlags",
    "job",
    "jobs",
    "keyValuePair",
    "keyValuePairs",
    "pageLayout",
    "pageLayouts",
    "pageLayoutTab",
    "pageLayoutTabs",
    "pageLayoutWidget",
    "pageLayoutWidgets",
    "postgresCredential",
    "postgresCredentials",
    "twoFactorMethod",
    "twoFactorMethods",
    "user",
    "users",
    "userWorkspace",
    "userWorkspaces",
    "workspace",
    "workspaces",
    "role",
    "roles",
    "userWorkspaceRole",
    "userWorkspaceRoles",
    "plan",
    "plans",
    "event",
    "events",
    "field",
    "fields",
    "link",
    "links",
    "currency",
    "currencies",
    "fullNames",
    "address",
    "addresses",
    "type",
    "types",
    "object",
    "objects",
    "index",
    "relation",
    "relations",
    "aggregate",
};

int tc_camel_case(const char *label, char *out, size_t n)
{
    size_t o = 0;
    bool word_start = true, first_word = true;
    for (const unsigned char *p = (const unsigned char *)label; *p; p++) {
        if (!isalnum(*p) || *p >= 0x80) {
            word_start = true;
            continue;
        }
        /* "fooBar": an upper-case letter after a lower-case one starts a word. */
        if (p > (const unsigned char *)label && isupper(*p) && islower(p[-1]))
            word_start = true;
        char c = (char)tolower(*p);
        if (word_start && !first_word)
            c = (char)toupper(*p);
        if (o + 1 >= n)
            return -1;
        out[o++] = c;
        word_start = false;
        first_word = false;
    }
    out[o] = '\0';
    return o ? 0 : -1;
}

bool tc_name_reserved(const char *name)
{
    for (size_t i = 0; i < TC_COUNT(reserved); i++) {
        if (strcmp(reserved[i], name) == 0)
            return true;
    }
    return false;
}

const char *tc_name_invalid(const char *name)
{
    static const char not_valid[] = "Name is not valid: it must start with lowercase letter and "
                                    "contain only alphanumeric letters";
    size_t n = strlen(name);
    if (n > TC_IDENT_MAX)
        return "Name is too long";
    if (n == 0)
        return "Name is too short";
    char camel[TC_NAME_BUF];
    if (tc_camel_case(name, camel, sizeof(camel)) < 0 || strcmp(camel, name) != 0)
        return "Name should be in camelCase";
    if (!islower((unsigned char)name[0]))
        return not_valid;
    for (size_t i = 1; i < n; i++) {
        if (!isalnum((unsigned char)name[i]) || (unsigned char)name[i] >= 0x80)
            return not_valid;
    }
    if (tc_name_reserved(name))
        return "This name is reserved. Use a different name or the system will add \"Custom\" "
               "suffix.";
    return NULL;
}

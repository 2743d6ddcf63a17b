/* Twenty's rules for merging one field's values (merge-field-values.util.ts and the per-type
 * utilities it calls), on records as tc_shape_record writes them. */
#include <string.h>

#include "query/merge.h"

bool tc_merge_has_value(const json_t *v)
{
    if (!v)
        return false;
    switch (json_typeof(v)) {
    case JSON_STRING: {
        const char *s = json_string_value(v);
        size_t n = json_string_length(v);
        for (size_t i = 0; i < n; i++)
            if (!strchr(" \t\n\v\f\r", s[i]) || s[i] == '\0')
                return true;
        return false;
    }
    case JSON_INTEGER:
    case JSON_REAL:
    case JSON_TRUE:
    case JSON_FALSE: return true;
    case JSON_ARRAY: return json_array_size(v) > 0;
    case JSON_OBJECT: {
        const char *k;
        json_t *x;
        json_object_foreach((json_t *)v, k, x)
        {
            if (tc_merge_has_value(x))
                return true;
        }
        return false;
    }
    case JSON_NULL: return false;
    }
    return false;
}

/* Appends x to list unless an equal item (or, with key, an item with an equal member key) is
 * there already. */
static void add_unique(json_t *list, json_t *x, const char *key)
{
    size_t i;
    json_t *y;
    json_array_foreach(list, i, y)
    {
        if (key ? json_equal(json_object_get(x, key), json_object_get(y, key)) : json_equal(x, y))
            return;
    }
    json_array_append(list, x);
}

/* The record among values[0..n) whose `member` holds a value: the winner if it does, else the
 * first; -1 when none does. */
static long chosen(json_t *const *values, size_t n, size_t priority, const char *member)
{
    if (priority < n && tc_merge_has_value(json_object_get(values[priority], member)))
        return (long)priority;
    for (size_t i = 0; i < n; i++)
        if (tc_merge_has_value(json_object_get(values[i], member)))
            return (long)i;
    return -1;
}

/* ARRAY, MULTI_SELECT: every item that holds a value, once, in record order; null if none. */
static json_t *merge_arrays(json_t *const *values, size_t n)
{
    json_t *all = json_array();
    for (size_t i = 0; i < n; i++) {
        size_t k;
        json_t *x;
        json_array_foreach(values[i], k, x)
        {
            if (tc_merge_has_value(x))
                add_unique(all, x, NULL);
        }
    }
    if (json_array_size(all))
        return all;
    json_decref(all);
    return json_null();
}

/* An array member, or the array a JSON string member holds (parseArrayOrJsonStringToArray);
 * a new reference. */
static json_t *items_of(const json_t *record, const char *member)
{
    json_t *x = json_object_get(record, member);
    if (json_is_array(x))
        return json_incref(x);
    if (json_is_string(x)) {
        json_t *parsed = json_loads(json_string_value(x), JSON_DECODE_ANY, NULL);
        if (json_is_array(parsed))
            return parsed;
        json_decref(parsed);
    }
    return json_array();
}

/* The shape of EMAILS, PHONES and LINKS: a primary item spread over members, and a list of
 * additional items. */
typedef struct multi {
    const char *primary;          /* the member that says whether there is a primary item */
    const char *const *members;   /* the primary item's members, primary first */
    const char *const *item_keys; /* the same, as keys of an additional item (NULL: strings) */
    size_t nmembers;
    const char *list; /* the member holding additional items */
} multi;

static const char *const email_members[] = {"primaryEmail"};
static const char *const phone_members[] = {"primaryPhoneNumber", "primaryPhoneCountryCode",
                                            "primaryPhoneCallingCode"};
static const char *const phone_keys[] = {"number", "countryCode", "callingCode"};
static const char *const link_members[] = {"primaryLinkUrl", "primaryLinkLabel"};
static const char *const link_keys[] = {"url", "label"};

static const multi emails = {"primaryEmail", email_members, NULL, 1, "additionalEmails"};
static const multi phones = {"primaryPhoneNumber", phone_members, phone_keys, 3,
                             "additionalPhones"};
static const multi links = {"primaryLinkUrl", link_members, link_keys, 2, "secondaryLinks"};

/* The primary item of record as an additional item (a string, or an object of item_keys). */
static json_t *primary_item(const multi *m, const json_t *record)
{
    if (!m->item_keys)
        return json_incref(json_object_get(record, m->primary));
    json_t *item = json_object();
    for (size_t i = 0; i < m->nmembers; i++) {
        json_t *x = json_object_get(record, m->members[i]);
        json_object_set(item, m->item_keys[i], x ? x : json_null());
    }
    return item;
}

/* EMAILS, PHONES, LINKS: the winner's primary item (else the first record's that has one);
 * every other primary and additional item that holds a value, once (by its first key), as
 * the additional items (null if none). */
static json_t *merge_multi(const multi *m, json_t *const *values, size_t n, size_t priority)
{
    /* No primary item anywhere: the winner's members stay (Twenty empties them, and leaves a
     * phone's country code null). */
    long c = chosen(values, n, priority, m->primary);
    if (c < 0)
        c = priority < n ? (long)priority : 0;
    json_t *out = json_object();
    for (size_t i = 0; i < m->nmembers; i++) {
        json_t *x = json_object_get(values[c], m->members[i]);
        json_object_set_new(out, m->members[i], x ? json_incref(x) : json_string(""));
    }
    const char *key = m->item_keys ? m->item_keys[0] : NULL;
    json_t *all = json_array();
    for (size_t i = 0; i < n; i++) {
        if (tc_merge_has_value(json_object_get(values[i], m->primary))) {
            json_t *p = primary_item(m, values[i]);
            add_unique(all, p, key);
            json_decref(p);
        }
        json_t *more = items_of(values[i], m->list);
        size_t k;
        json_t *x;
        json_array_foreach(more, k, x)
        {
            if (tc_merge_has_value(key ? json_object_get(x, key) : x))
                add_unique(all, x, key);
        }
        json_decref(more);
    }
    json_t *primary = json_object_get(out, m->primary);
    json_t *rest = json_array();
    size_t k;
    json_t *x;
    json_array_foreach(all, k, x)
    {
        if (!json_equal(key ? json_object_get(x, key) : x, primary))
            json_array_append(rest, x);
    }
    json_decref(all);
    json_object_set_new(out, m->list, json_array_size(rest) ? rest : json_null());
    if (!json_array_size(rest))
        json_decref(rest);
    return out;
}

json_t *tc_merge_field(tc_field_type type, json_t *const *values, size_t n, size_t priority)
{
    /* the records that hold a value, in order; the winner's position among them */
    json_t *held[TC_MERGE_MAX_RECORDS];
    size_t nheld = 0, winner = n;
    if (n > TC_MERGE_MAX_RECORDS)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (!values[i] || !tc_merge_has_value(values[i]))
            continue;
        if (i == priority)
            winner = nheld;
        held[nheld++] = values[i];
    }
    json_t *out = NULL;
    if (nheld == 1) {
        out = json_incref(held[0]);
    } else if (nheld > 1) {
        switch (type) {
        case TC_FT_ARRAY:
        case TC_FT_MULTI_SELECT: out = merge_arrays(held, nheld); break;
        case TC_FT_EMAILS: out = merge_multi(&emails, held, nheld, winner); break;
        case TC_FT_PHONES: out = merge_multi(&phones, held, nheld, winner); break;
        case TC_FT_LINKS: out = merge_multi(&links, held, nheld, winner); break;
        default: out = json_incref(held[winner < nheld ? winner : 0]); break;
        }
    }
    return out;
}

/* The custom objects and fields of Twenty's seed, created in Apple through the metadata change
 * code (the same path as POST /rest/metadata/objects and /fields): one change holding whatever
 * is missing, or none when everything exists. */
#include "seed/seed_int.h"

#include <jansson.h>
#include <string.h>

#include "meta/change.h"

static const char *const objects[] = {
    "{\"nameSingular\":\"pet\",\"namePlural\":\"pets\",\"labelSingular\":\"Pet\","
    "\"labelPlural\":\"Pets\",\"icon\":\"IconCat\",\"description\":\"A pet\"}",
    "{\"nameSingular\":\"rocket\",\"namePlural\":\"rockets\",\"labelSingular\":\"Rocket\","
    "\"labelPlural\":\"Rockets\",\"icon\":\"IconRocket\",\"description\":\"A rocket\"}",
    "{\"nameSingular\":\"surveyResult\",\"namePlural\":\"surveyResults\","
    "\"labelSingular\":\"Survey result\",\"labelPlural\":\"Survey results\","
    "\"icon\":\"IconRulerMeasure\",\"description\":\"A survey result\"}",
};

#define WORK_OPTIONS                                                                               \
    "[{\"value\":\"ON_SITE\",\"label\":\"On-Site\",\"position\":0,\"color\":\"green\"},"           \
    "{\"value\":\"HYBRID\",\"label\":\"Hybrid\",\"position\":1,\"color\":\"purple\"},"             \
    "{\"value\":\"REMOTE_WORK\",\"label\":\"Remote Work\",\"position\":2,\"color\":\"sky\"}]"

typedef struct seed_field {
    const char *object, *name, *input; /* input: CreateFieldInput without objectMetadataId */
} seed_field;

static const seed_field fields[] = {
    {"company", "tagline",
     "{\"type\":\"TEXT\",\"name\":\"tagline\",\"label\":\"Tagline\","
     "\"description\":\"Company's Tagline\",\"icon\":\"IconAdCircle\"}"},
    {"company", "introVideo",
     "{\"type\":\"LINKS\",\"name\":\"introVideo\",\"label\":\"Intro Video\","
     "\"description\":\"Company's Intro Video\",\"icon\":\"IconVideo\"}"},
    {"company", "workPolicy",
     "{\"type\":\"MULTI_SELECT\",\"name\":\"workPolicy\",\"label\":\"Work Policy\","
     "\"description\":\"Company's Work Policy\",\"icon\":\"IconHome\",\"options\":" WORK_OPTIONS
     "}"},
    {"company", "visaSponsorship",
     "{\"type\":\"BOOLEAN\",\"name\":\"visaSponsorship\",\"label\":\"Visa Sponsorship\","
     "\"description\":\"Company's Visa Sponsorship Policy\",\"icon\":\"IconBrandVisa\","
     "\"defaultValue\":false}"},
    {"person", "intro",
     "{\"type\":\"TEXT\",\"name\":\"intro\",\"label\":\"Intro\","
     "\"description\":\"Contact's Intro\",\"icon\":\"IconNote\"}"},
    {"person", "whatsapp",
     "{\"type\":\"PHONES\",\"name\":\"whatsapp\",\"label\":\"Whatsapp\","
     "\"description\":\"Contact's Whatsapp Number\",\"icon\":\"IconBrandWhatsapp\","
     "\"isNullable\":false,\"defaultValue\":{\"primaryPhoneNumber\":\"''\","
     "\"primaryPhoneCountryCode\":\"'FR'\",\"primaryPhoneCallingCode\":\"'+33'\","
     "\"additionalPhones\":null}}"},
    {"person", "workPreference",
     "{\"type\":\"MULTI_SELECT\",\"name\":\"workPreference\",\"label\":\"Work Preference\","
     "\"description\":\"Person's Work Preference\",\"icon\":\"IconHome\",\"options\":" WORK_OPTIONS
     "}"},
    {"person", "performanceRating",
     "{\"type\":\"RATING\",\"name\":\"performanceRating\",\"label\":\"Performance Rating\","
     "\"description\":\"Person's Performance Rating\",\"icon\":\"IconStars\"}"},
};

/* Parses one of the constant inputs above (a parse error is a bug here, reported as one). */
static json_t *input(const char *text, tc_err *e)
{
    json_error_t jerr;
    json_t *in = json_loads(text, 0, &jerr);
    if (!in)
        tc_err_set(e, TC_E_INTERNAL, "seed input: %s", jerr.text);
    return in;
}

static int create_missing(tc_change *c, tc_seed_report *r, tc_err *e)
{
    for (size_t i = 0; i < sizeof(objects) / sizeof(objects[0]); i++) {
        json_t *in = input(objects[i], e);
        if (!in)
            return -1;
        const char *name = json_string_value(json_object_get(in, "nameSingular"));
        tc_object *o = NULL;
        int rc = tc_model_object(c->m, name) ? 0 : tc_change_create_object(c, in, &o, e);
        json_decref(in);
        if (rc < 0)
            return -1;
        r->objects += o != NULL;
    }
    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
        const tc_object *o = tc_model_object(c->m, fields[i].object);
        if (!o)
            return tc_err_set(e, TC_E_NOT_FOUND, "Object %s not found", fields[i].object);
        if (tc_object_field(o, fields[i].name))
            continue;
        json_t *in = input(fields[i].input, e);
        if (!in)
            return -1;
        json_object_set_new(in, "objectMetadataId", json_string(o->id));
        tc_field *f = NULL;
        int rc = tc_change_create_field(c, in, &f, e);
        json_decref(in);
        if (rc < 0)
            return -1;
        r->fields++;
    }
    return 0;
}

int tc_seed_schema(tc_db *db, const char *core_schema, tc_seed_report *r, tc_err *e)
{
    tc_change c;
    if (tc_change_begin(&c, db, core_schema, SEED_APPLE_ID, NULL, e) < 0)
        return -1;
    int before = r->objects + r->fields;
    int rc = create_missing(&c, r, e);
    if (rc == 0 && r->objects + r->fields > before)
        rc = tc_change_commit(&c, "seed dev: custom objects and fields", e);
    tc_change_end(&c);
    return rc;
}

/* The test schema's data: Twenty's standard objects company, person, opportunity, task, note,
 * taskTarget, noteTarget and workspaceMember (a subset of their fields, with Twenty's names and
 * descriptions), and the composite field types, as tables for testschema.c. */
#include "graphql/testschema_int.h"

#include "base/compiler.h"

static const ts_sub full_name[] = {{"firstName", TS_TEXT, false}, {"lastName", TS_TEXT, false}};
static const ts_sub links[] = {{"primaryLinkUrl", TS_TEXT, false},
                               {"primaryLinkLabel", TS_TEXT, false},
                               {"secondaryLinks", TS_RAW_JSON, false}};
static const ts_sub currency[] = {{"amountMicros", TS_NUMERIC, false},
                                  {"currencyCode", TS_TEXT, false}};
static const ts_sub emails[] = {{"primaryEmail", TS_TEXT, false},
                                {"additionalEmails", TS_RAW_JSON, false}};
static const ts_sub phones[] = {{"primaryPhoneNumber", TS_TEXT, false},
                                {"primaryPhoneCountryCode", TS_TEXT, false},
                                {"primaryPhoneCallingCode", TS_TEXT, false},
                                {"additionalPhones", TS_RAW_JSON, false}};
static const ts_sub address[] = {
    {"addressStreet1", TS_TEXT, false}, {"addressStreet2", TS_TEXT, false},
    {"addressCity", TS_TEXT, false},    {"addressState", TS_TEXT, false},
    {"addressCountry", TS_TEXT, false}, {"addressPostcode", TS_TEXT, false},
    {"addressLat", TS_NUMERIC, false},  {"addressLng", TS_NUMERIC, false}};
static const ts_sub actor[] = {{"source", TS_SELECT, false},
                               {"workspaceMemberId", TS_UUID, true},
                               {"name", TS_TEXT, true},
                               {"context", TS_RAW_JSON, false}};
static const ts_sub rich_text[] = {{"blocknote", TS_TEXT, false}, {"markdown", TS_TEXT, false}};

#define SUBS(a) a, TC_COUNT(a)
const ts_composite tc_gql_ts_composites[] = {
    {"FullName", "FullNameFilterInput", SUBS(full_name)},
    {"Links", "LinksFilterInput", SUBS(links)},
    {"Currency", "CurrencyFilterInput", SUBS(currency)},
    {"Emails", "EmailsFilterInput", SUBS(emails)},
    {"Phones", "PhonesFilterInput", SUBS(phones)},
    {"Address", "AddressFilterInput", SUBS(address)},
    {"Actor", "ActorFilterInput", SUBS(actor)},
    {"RichTextV2", "RichTextV2Filter", SUBS(rich_text)},
};

const char *const tc_gql_ts_actor_sources[] = {"EMAIL",  "CALENDAR", "WORKFLOW", "API",
                                               "IMPORT", "MANUAL",   "SYSTEM",   NULL};
static const char *const work_policies[] = {"ON_SITE", "HYBRID", "REMOTE_WORK", NULL};
static const char *const ratings[] = {"RATING_1", "RATING_2", "RATING_3",
                                      "RATING_4", "RATING_5", NULL};
static const char *const stages[] = {"NEW", "SCREENING", "MEETING", "PROPOSAL", "CUSTOMER", NULL};
static const char *const task_statuses[] = {"TODO", "IN_PROGRESS", "DONE", NULL};

/* Every record has these; they are also the fields of the Record interface. */
#define SYSTEM_FIELDS                                                                              \
    {"position", TS_POSITION, NULL, false, "Record position", NULL, NULL},                         \
        {"createdBy", TS_COMPOSITE, "Actor", false, "The creator of the record", NULL, NULL},      \
        {"createdAt", TS_DATE_TIME, NULL, true, "Creation date", NULL, NULL},                      \
        {"updatedAt", TS_DATE_TIME, NULL, true, "Last time the record was changed", NULL, NULL},   \
    {                                                                                              \
        "deletedAt", TS_DATE_TIME, NULL, false, "Date when the record was deleted", NULL, NULL     \
    }
#define ID_FIELD                                                                                   \
    {                                                                                              \
        "id", TS_UUID, NULL, true, "Id", NULL, NULL                                                \
    }

static const ts_field company_fields[] = {
    ID_FIELD,
    {"name", TS_TEXT, NULL, false, "The company name", NULL, NULL},
    {"domainName", TS_COMPOSITE, "Links", false,
     "The company website URL. We use this url to fetch the company icon", NULL, NULL},
    {"employees", TS_NUMBER, NULL, false, "Number of employees in the company", NULL, NULL},
    {"linkedinLink", TS_COMPOSITE, "Links", false, "The company Linkedin account", NULL, NULL},
    {"xLink", TS_COMPOSITE, "Links", false, "The company Twitter/X account", NULL, NULL},
    {"annualRecurringRevenue", TS_COMPOSITE, "Currency", false,
     "Annual Recurring Revenue: The actual or estimated annual revenue of the company", NULL, NULL},
    {"address", TS_COMPOSITE, "Address", false, "Address of the company", NULL, NULL},
    {"idealCustomerProfile", TS_BOOLEAN, NULL, false,
     "Ideal Customer Profile:  Indicates whether the company is the most suitable and valuable "
     "customer for you",
     NULL, NULL},
    {"tagline", TS_TEXT, NULL, false, "Company's \"tagline\"", NULL, NULL},
    {"workPolicy", TS_MULTI_SELECT, NULL, false, "Company's work policy", work_policies, NULL},
    {"visaSponsorship", TS_BOOLEAN, NULL, false, "Company's visa sponsorship", NULL, NULL},
    SYSTEM_FIELDS,
    {"accountOwner", TS_REL_ONE, "workspaceMember", false,
     "Your team member responsible for managing the company account", NULL, NULL},
    {"people", TS_REL_MANY, "person", false, "People linked to the company.", NULL, NULL},
    {"opportunities", TS_REL_MANY, "opportunity", false, "Opportunities linked to the company.",
     NULL, NULL},
    {"taskTargets", TS_REL_MANY, "taskTarget", false, "Tasks tied to the company", NULL, NULL},
    {"noteTargets", TS_REL_MANY, "noteTarget", false, "Notes tied to the company", NULL, NULL},
};

static const ts_field person_fields[] = {
    ID_FIELD,
    {"name", TS_COMPOSITE, "FullName", false, "Contact’s name", NULL, NULL},
    {"emails", TS_COMPOSITE, "Emails", false, "Contact’s Emails", NULL, NULL},
    {"linkedinLink", TS_COMPOSITE, "Links", false, "Contact’s Linkedin account", NULL, NULL},
    {"xLink", TS_COMPOSITE, "Links", false, "Contact’s X/Twitter account", NULL, NULL},
    {"jobTitle", TS_TEXT, NULL, false, "Contact’s job title", NULL, NULL},
    {"phones", TS_COMPOSITE, "Phones", false, "Contact’s phone numbers", NULL, NULL},
    {"city", TS_TEXT, NULL, false, "Contact’s city", NULL, NULL},
    {"avatarUrl", TS_TEXT, NULL, false, "Contact’s avatar", NULL, NULL},
    {"performanceRating", TS_SELECT, NULL, false, "Performance rating\n\nFrom 1 to 5 stars.",
     ratings, NULL},
    {"workPreference", TS_MULTI_SELECT, NULL, false, "Person's work preference", work_policies,
     NULL},
    SYSTEM_FIELDS,
    {"company", TS_REL_ONE, "company", false, "Contact’s company", NULL, NULL},
    {"pointOfContactForOpportunities", TS_REL_MANY, "opportunity", false,
     "List of opportunities for which that person is the point of contact", NULL, NULL},
    {"taskTargets", TS_REL_MANY, "taskTarget", false, "Tasks tied to the contact", NULL, NULL},
    {"noteTargets", TS_REL_MANY, "noteTarget", false, "Notes tied to the contact", NULL, NULL},
};

static const ts_field opportunity_fields[] = {
    ID_FIELD,
    {"name", TS_TEXT, NULL, false, "The opportunity name", NULL, NULL},
    {"amount", TS_COMPOSITE, "Currency", false, "Opportunity amount", NULL, NULL},
    {"closeDate", TS_DATE_TIME, NULL, false, "Opportunity close date", NULL, NULL},
    {"stage", TS_SELECT, NULL, false, "Opportunity stage", stages, NULL},
    SYSTEM_FIELDS,
    {"pointOfContact", TS_REL_ONE, "person", false, "Opportunity point of contact", NULL, NULL},
    {"company", TS_REL_ONE, "company", false, "Opportunity company", NULL, NULL},
    {"taskTargets", TS_REL_MANY, "taskTarget", false, "Tasks tied to the opportunity", NULL, NULL},
    {"noteTargets", TS_REL_MANY, "noteTarget", false, "Notes tied to the opportunity", NULL, NULL},
};

static const ts_field task_fields[] = {
    ID_FIELD,
    {"title", TS_TEXT, NULL, false, "Task title", NULL, NULL},
    {"body", TS_TEXT, NULL, false, "Task body", NULL, "Use bodyV2 instead."},
    {"bodyV2", TS_COMPOSITE, "RichTextV2", false, "Task body", NULL, NULL},
    {"dueAt", TS_DATE_TIME, NULL, false, "Task due date", NULL, NULL},
    {"reminderDate", TS_DATE, NULL, false, " A day to be reminded on (leading space)", NULL, NULL},
    {"status", TS_SELECT, NULL, false, "Task status", task_statuses, NULL},
    {"labels", TS_ARRAY, NULL, false, "Free labels\r\nCRLF-separated", NULL, NULL},
    {"estimate", TS_NUMERIC, NULL, false, "Estimated effort, ends with a backslash \\", NULL, NULL},
    SYSTEM_FIELDS,
    {"assignee", TS_REL_ONE, "workspaceMember", false, "Task assignee", NULL, NULL},
    {"taskTargets", TS_REL_MANY, "taskTarget", false, "Task targets", NULL, NULL},
};

static const ts_field note_fields[] = {
    ID_FIELD,
    {"title", TS_TEXT, NULL, false, "Note title", NULL, NULL},
    {"bodyV2", TS_COMPOSITE, "RichTextV2", false, "Note body", NULL, NULL},
    SYSTEM_FIELDS,
    {"noteTargets", TS_REL_MANY, "noteTarget", false, "Note targets", NULL, NULL},
};

/* A note or task target: links to one record of any kind. */
#define TARGET_FIELDS(what)                                                                        \
    ID_FIELD, SYSTEM_FIELDS, {"person", TS_REL_ONE, "person", false, what " person", NULL, NULL},  \
        {"company", TS_REL_ONE, "company", false, what " company", NULL, NULL},                    \
    {                                                                                              \
        "opportunity", TS_REL_ONE, "opportunity", false, what " opportunity", NULL, NULL           \
    }

static const ts_field task_target_fields[] = {
    TARGET_FIELDS("TaskTarget"),
    {"task", TS_REL_ONE, "task", false, "TaskTarget task", NULL, NULL},
};

static const ts_field note_target_fields[] = {
    TARGET_FIELDS("NoteTarget"),
    {"note", TS_REL_ONE, "note", false, "NoteTarget note", NULL, NULL},
};

static const char *const color_schemes[] = {"Light", "Dark", "System", NULL};

static const ts_field workspace_member_fields[] = {
    ID_FIELD,
    {"name", TS_COMPOSITE, "FullName", true, "Workspace member name", NULL, NULL},
    {"colorScheme", TS_SELECT, NULL, true, "Preferred color scheme", color_schemes, NULL},
    {"locale", TS_TEXT, NULL, true, "Preferred language", NULL, NULL},
    {"avatarUrl", TS_TEXT, NULL, false, "Workspace member avatar", NULL, NULL},
    {"userEmail", TS_TEXT, NULL, false, "Related user email address", NULL, NULL},
    {"userId", TS_UUID, NULL, true, "Associated User Id", NULL, NULL},
    SYSTEM_FIELDS,
    {"assignedTasks", TS_REL_MANY, "task", false, "Tasks assigned to the workspace member", NULL,
     NULL},
    {"accountOwnerForCompanies", TS_REL_MANY, "company", false, "Account owner for companies", NULL,
     NULL},
};

#define FIELDS(a) a, TC_COUNT(a)
const ts_object tc_gql_ts_objects[] = {
    {"company", "companies", "A company", FIELDS(company_fields), "domainName", "primaryLinkUrl"},
    {"person", "people", "A person", FIELDS(person_fields), "emails", "primaryEmail"},
    {"opportunity", "opportunities", "An opportunity", FIELDS(opportunity_fields), NULL, NULL},
    {"task", "tasks", "A task", FIELDS(task_fields), NULL, NULL},
    {"note", "notes", "A note", FIELDS(note_fields), NULL, NULL},
    {"taskTarget", "taskTargets", "A task target", FIELDS(task_target_fields), NULL, NULL},
    {"noteTarget", "noteTargets", "A note target", FIELDS(note_target_fields), NULL, NULL},
    {"workspaceMember", "workspaceMembers", "A workspace member", FIELDS(workspace_member_fields),
     NULL, NULL},
};

const size_t tc_gql_ts_ncomposites = TC_COUNT(tc_gql_ts_composites);
const size_t tc_gql_ts_nobjects = TC_COUNT(tc_gql_ts_objects);

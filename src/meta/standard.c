/* The twelve standard objects of a new workspace as data (spec/twenty-datamodel.md §2, §3, §7,
 * §8), newest (Era C) form: morph targets on the junction objects, FILES on attachment and
 * person. Labels, descriptions and icons are Twenty's own. Relations to objects that do not
 * exist yet (workflow*, dashboard, message*, calendar*, ...) arrive with those objects. */
#include "meta/standard.h"

#include "base/compiler.h"

/* A MANY_TO_ONE relation owns the join column <name>Id; its ONE_TO_MANY inverse has no column. */
#define M2O(nm, lbl, desc, ic, fl, tgt, inv, del)                                                  \
    {                                                                                              \
        .name = (nm), .type = TC_FT_RELATION, .label = (lbl), .description = (desc), .icon = (ic), \
        .flags = (fl), .target = (tgt), .inverse = (inv), .relation = TC_REL_MANY_TO_ONE,          \
        .on_delete = TC_ON_DELETE_##del                                                            \
    }
#define O2M(nm, lbl, desc, ic, fl, tgt, inv)                                                       \
    {                                                                                              \
        .name = (nm), .type = TC_FT_RELATION, .label = (lbl), .description = (desc), .icon = (ic), \
        .flags = (fl), .target = (tgt), .inverse = (inv), .relation = TC_REL_ONE_TO_MANY           \
    }
/* One member of a morph group: MANY_TO_ONE to one target object, join column <name>Id. */
#define MORPH(nm, lbl, desc, ic, fl, tgt, inv, del, morph)                                         \
    {                                                                                              \
        .name = (nm), .type = TC_FT_MORPH_RELATION, .label = (lbl), .description = (desc),         \
        .icon = (ic), .flags = (fl), .target = (tgt), .inverse = (inv),                            \
        .relation = TC_REL_MANY_TO_ONE, .on_delete = TC_ON_DELETE_##del, .morph_id = (morph)       \
    }

#define NOT_NULL TC_STD_NOT_NULL
#define UNIQUE TC_STD_UNIQUE
#define SYSTEM TC_STD_SYSTEM
#define RO TC_STD_UI_READ_ONLY

#define ACTOR_DEFAULT "{\"source\":\"'MANUAL'\",\"name\":\"'System'\",\"workspaceMemberId\":null}"
#define RELATIVE_DATE "{\"displayFormat\":\"RELATIVE\"}"
#define ONE_VALUE "{\"maxNumberOfValues\":1}"

#define TASK_TARGET_MORPH "20202020-f636-435d-ab8d-e1168b375c71"
#define NOTE_TARGET_MORPH "20202020-f635-435d-ab8d-e1168b375c70"
#define ATTACHMENT_MORPH "20202020-f634-435d-ab8d-e1168b375c69"
#define TIMELINE_MORPH "20202020-9a2b-4c3d-a4e5-f6a7b8c9d0e1"

const tc_std_field tc_std_system_fields[] = {
    {.name = "id",
     .type = TC_FT_UUID,
     .label = "Id",
     .description = "Id",
     .icon = "Icon123",
     .flags = NOT_NULL | SYSTEM | RO,
     .default_value = "\"uuid\""},
    {.name = "createdAt",
     .type = TC_FT_DATE_TIME,
     .label = "Creation date",
     .description = "Creation date",
     .icon = "IconCalendar",
     .flags = NOT_NULL | RO,
     .default_value = "\"now\"",
     .settings = RELATIVE_DATE},
    {.name = "updatedAt",
     .type = TC_FT_DATE_TIME,
     .label = "Last update",
     .description = "Last time the record was changed",
     .icon = "IconCalendarClock",
     .flags = NOT_NULL | RO,
     .default_value = "\"now\"",
     .settings = RELATIVE_DATE},
    {.name = "deletedAt",
     .type = TC_FT_DATE_TIME,
     .label = "Deleted at",
     .description = "Date when the record was deleted",
     .icon = "IconCalendarMinus",
     .flags = RO,
     .settings = RELATIVE_DATE},
    {.name = "createdBy",
     .type = TC_FT_ACTOR,
     .label = "Created by",
     .description = "The creator of the record",
     .icon = "IconCreativeCommonsSa",
     .flags = NOT_NULL | RO,
     .default_value = ACTOR_DEFAULT},
    {.name = "updatedBy",
     .type = TC_FT_ACTOR,
     .label = "Updated by",
     .description = "The workspace member who last updated the record",
     .icon = "IconUserCircle",
     .flags = NOT_NULL | RO,
     .default_value = ACTOR_DEFAULT},
    {.name = "position",
     .type = TC_FT_POSITION,
     .label = "Position",
     .description = "Position",
     .icon = "IconHierarchy2",
     .flags = NOT_NULL | SYSTEM,
     .default_value = "0"},
    {.name = "searchVector",
     .type = TC_FT_TS_VECTOR,
     .label = "Search vector",
     .description = "Field used for full-text search",
     .icon = "IconUser",
     .flags = SYSTEM},
};
const size_t tc_std_system_fields_count = TC_COUNT(tc_std_system_fields);

/* ---- company ---------------------------------------------------------------------------- */
/* Nothing omitted (addressOld, a deprecated TEXT copy of address, is not part of the spec). */
static const tc_std_field company_fields[] = {
    {.name = "name",
     .type = TC_FT_TEXT,
     .label = "Name",
     .description = "The company name",
     .icon = "IconBuildingSkyscraper"},
    {.name = "domainName",
     .type = TC_FT_LINKS,
     .label = "Domain Name",
     .description = "The company website URL. We use this url to fetch the company icon",
     .icon = "IconLink",
     .flags = UNIQUE,
     .settings = ONE_VALUE},
    {.name = "address",
     .type = TC_FT_ADDRESS,
     .label = "Address",
     .description = "Address of the company",
     .icon = "IconMap"},
    {.name = "employees",
     .type = TC_FT_NUMBER,
     .label = "Employees",
     .description = "Number of employees in the company",
     .icon = "IconUsers"},
    {.name = "linkedinLink",
     .type = TC_FT_LINKS,
     .label = "Linkedin",
     .description = "The company Linkedin account",
     .icon = "IconBrandLinkedin"},
    {.name = "xLink",
     .type = TC_FT_LINKS,
     .label = "X",
     .description = "The company Twitter/X account",
     .icon = "IconBrandX"},
    {.name = "annualRecurringRevenue",
     .type = TC_FT_CURRENCY,
     .label = "ARR",
     .description =
         "Annual Recurring Revenue: The actual or estimated annual revenue of the company",
     .icon = "IconMoneybag"},
    {.name = "idealCustomerProfile",
     .type = TC_FT_BOOLEAN,
     .label = "ICP",
     .description = "Ideal Customer Profile: Indicates whether the company is the most suitable "
                    "and valuable customer for you",
     .icon = "IconTarget",
     .flags = NOT_NULL,
     .default_value = "false"},
    O2M("people", "People", "People linked to the company.", "IconUsers", 0, "person", "company"),
    M2O("accountOwner", "Account Owner",
        "Your team member responsible for managing the company account", "IconUserCircle", 0,
        "workspaceMember", "accountOwnerForCompanies", SET_NULL),
    O2M("taskTargets", "Tasks", "Tasks tied to the company", "IconCheckbox", RO, "taskTarget",
        "targetCompany"),
    O2M("noteTargets", "Notes", "Notes tied to the company", "IconNotes", RO, "noteTarget",
        "targetCompany"),
    O2M("opportunities", "Opportunities", "Opportunities linked to the company.", "IconTargetArrow",
        0, "opportunity", "company"),
    O2M("favorites", "Favorites", "Favorites linked to the company", "IconHeart", SYSTEM,
        "favorite", "company"),
    O2M("attachments", "Attachments", "Attachments linked to the company", "IconFileImport", SYSTEM,
        "attachment", "targetCompany"),
    O2M("timelineActivities", "Timeline Activities", "Timeline Activities linked to the company",
        "IconTimelineEvent", SYSTEM, "timelineActivity", "targetCompany"),
};
static const char *const company_search[] = {"name", "domainName", NULL};

/* ---- person ----------------------------------------------------------------------------- */
/* Omitted until their objects exist: messageParticipants (messageParticipant.person),
 * calendarEventParticipants (calendarEventParticipant.person). */
static const tc_std_field person_fields[] = {
    {.name = "name",
     .type = TC_FT_FULL_NAME,
     .label = "Name",
     .description = "Contact's name",
     .icon = "IconUser"},
    {.name = "emails",
     .type = TC_FT_EMAILS,
     .label = "Emails",
     .description = "Contact's Emails",
     .icon = "IconMail",
     .flags = UNIQUE,
     .settings = ONE_VALUE},
    {.name = "linkedinLink",
     .type = TC_FT_LINKS,
     .label = "Linkedin",
     .description = "Contact's Linkedin account",
     .icon = "IconBrandLinkedin"},
    {.name = "xLink",
     .type = TC_FT_LINKS,
     .label = "X",
     .description = "Contact's X/Twitter account",
     .icon = "IconBrandX"},
    {.name = "jobTitle",
     .type = TC_FT_TEXT,
     .label = "Job Title",
     .description = "Contact's job title",
     .icon = "IconBriefcase"},
    {.name = "phones",
     .type = TC_FT_PHONES,
     .label = "Phones",
     .description = "Contact's phone numbers",
     .icon = "IconPhone",
     .settings = ONE_VALUE},
    {.name = "city",
     .type = TC_FT_TEXT,
     .label = "City",
     .description = "Contact's city",
     .icon = "IconMap"},
    {.name = "avatarUrl",
     .type = TC_FT_TEXT,
     .label = "Avatar",
     .description = "Contact's avatar",
     .icon = "IconFileUpload",
     .flags = SYSTEM},
    {.name = "avatarFile",
     .type = TC_FT_FILES,
     .label = "Avatar File",
     .description = "Contact's avatar file",
     .icon = "IconFileUpload",
     .flags = SYSTEM,
     .settings = ONE_VALUE},
    M2O("company", "Company", "Contact's company", "IconBuildingSkyscraper", 0, "company", "people",
        SET_NULL),
    O2M("pointOfContactForOpportunities", "Opportunities",
        "List of opportunities for which that person is the point of contact", "IconTargetArrow", 0,
        "opportunity", "pointOfContact"),
    O2M("taskTargets", "Tasks", "Tasks tied to the contact", "IconCheckbox", RO, "taskTarget",
        "targetPerson"),
    O2M("noteTargets", "Notes", "Notes tied to the contact", "IconNotes", RO, "noteTarget",
        "targetPerson"),
    O2M("favorites", "Favorites", "Favorites linked to the contact", "IconHeart", SYSTEM,
        "favorite", "person"),
    O2M("attachments", "Attachments", "Attachments linked to the contact.", "IconFileImport",
        SYSTEM, "attachment", "targetPerson"),
    O2M("timelineActivities", "Events", "Events linked to the person", "IconTimelineEvent", SYSTEM,
        "timelineActivity", "targetPerson"),
};
static const char *const person_search[] = {"name", "emails", "phones", "jobTitle", NULL};

/* ---- opportunity ------------------------------------------------------------------------ */
/* Nothing omitted. */
static const tc_std_field opportunity_fields[] = {
    {.name = "name",
     .type = TC_FT_TEXT,
     .label = "Name",
     .description = "The opportunity name",
     .icon = "IconTargetArrow"},
    {.name = "amount",
     .type = TC_FT_CURRENCY,
     .label = "Amount",
     .description = "Opportunity amount",
     .icon = "IconCurrencyDollar"},
    {.name = "closeDate",
     .type = TC_FT_DATE_TIME,
     .label = "Close date",
     .description = "Opportunity close date",
     .icon = "IconCalendarEvent"},
    {.name = "stage",
     .type = TC_FT_SELECT,
     .label = "Stage",
     .description = "Opportunity stage",
     .icon = "IconProgressCheck",
     .flags = NOT_NULL,
     .default_value = "\"'NEW'\"",
     .options = "["
                "{\"value\":\"NEW\",\"label\":\"New\",\"position\":0,\"color\":\"red\"},"
                "{\"value\":\"SCREENING\",\"label\":\"Screening\",\"position\":1,"
                "\"color\":\"purple\"},"
                "{\"value\":\"MEETING\",\"label\":\"Meeting\",\"position\":2,\"color\":\"sky\"},"
                "{\"value\":\"PROPOSAL\",\"label\":\"Proposal\",\"position\":3,"
                "\"color\":\"turquoise\"},"
                "{\"value\":\"CUSTOMER\",\"label\":\"Customer\",\"position\":4,"
                "\"color\":\"yellow\"}"
                "]"},
    M2O("pointOfContact", "Point of Contact", "Opportunity point of contact", "IconUser", 0,
        "person", "pointOfContactForOpportunities", SET_NULL),
    M2O("company", "Company", "Opportunity company", "IconBuildingSkyscraper", 0, "company",
        "opportunities", SET_NULL),
    M2O("owner", "Owner", "Opportunity owner", "IconUserCircle", 0, "workspaceMember",
        "ownedOpportunities", SET_NULL),
    O2M("favorites", "Favorites", "Favorites linked to the opportunity", "IconHeart", SYSTEM,
        "favorite", "opportunity"),
    O2M("taskTargets", "Tasks", "Tasks tied to the opportunity", "IconCheckbox", RO, "taskTarget",
        "targetOpportunity"),
    O2M("noteTargets", "Notes", "Notes tied to the opportunity", "IconNotes", RO, "noteTarget",
        "targetOpportunity"),
    O2M("attachments", "Attachments", "Attachments linked to the opportunity", "IconFileImport",
        SYSTEM, "attachment", "targetOpportunity"),
    O2M("timelineActivities", "Timeline Activities",
        "Timeline Activities linked to the opportunity.", "IconTimelineEvent", SYSTEM,
        "timelineActivity", "targetOpportunity"),
};
static const char *const opportunity_search[] = {"name", NULL};
static const char *const opportunity_indexed[] = {"stage", NULL};

/* ---- task ------------------------------------------------------------------------------- */
/* Nothing omitted (the legacy body field of Era A/B is not part of the newest form). */
static const tc_std_field task_fields[] = {
    {.name = "title",
     .type = TC_FT_TEXT,
     .label = "Title",
     .description = "Task title",
     .icon = "IconNotes"},
    {.name = "bodyV2",
     .type = TC_FT_RICH_TEXT_V2,
     .label = "Body",
     .description = "Task body",
     .icon = "IconFilePencil"},
    {.name = "dueAt",
     .type = TC_FT_DATE_TIME,
     .label = "Due Date",
     .description = "Task due date",
     .icon = "IconCalendarEvent"},
    {.name = "status",
     .type = TC_FT_SELECT,
     .label = "Status",
     .description = "Task status",
     .icon = "IconCheck",
     .default_value = "\"'TODO'\"",
     .options = "["
                "{\"value\":\"TODO\",\"label\":\"To do\",\"position\":0,\"color\":\"sky\"},"
                "{\"value\":\"IN_PROGRESS\",\"label\":\"In progress\",\"position\":1,"
                "\"color\":\"purple\"},"
                "{\"value\":\"DONE\",\"label\":\"Done\",\"position\":2,\"color\":\"green\"}"
                "]"},
    O2M("taskTargets", "Relations", "Task targets", "IconArrowUpRight", SYSTEM, "taskTarget",
        "task"),
    O2M("attachments", "Attachments", "Task attachments", "IconFileImport", SYSTEM, "attachment",
        "targetTask"),
    M2O("assignee", "Assignee", "Task assignee", "IconUserCircle", 0, "workspaceMember",
        "assignedTasks", SET_NULL),
    O2M("timelineActivities", "Timeline Activities", "Timeline Activities linked to the task.",
        "IconTimelineEvent", SYSTEM, "timelineActivity", "targetTask"),
    O2M("favorites", "Favorites", "Favorites linked to the task", "IconHeart", SYSTEM, "favorite",
        "task"),
};
static const char *const task_search[] = {"title", "bodyV2", NULL};

/* ---- note ------------------------------------------------------------------------------- */
/* Nothing omitted (the legacy body field of Era A/B is not part of the newest form). */
static const tc_std_field note_fields[] = {
    {.name = "title",
     .type = TC_FT_TEXT,
     .label = "Title",
     .description = "Note title",
     .icon = "IconNotes"},
    {.name = "bodyV2",
     .type = TC_FT_RICH_TEXT_V2,
     .label = "Body",
     .description = "Note body",
     .icon = "IconFilePencil"},
    O2M("noteTargets", "Relations", "Note targets", "IconArrowUpRight", SYSTEM, "noteTarget",
        "note"),
    O2M("attachments", "Attachments", "Note attachments", "IconFileImport", SYSTEM, "attachment",
        "targetNote"),
    O2M("timelineActivities", "Timeline Activities", "Timeline Activities linked to the note.",
        "IconTimelineEvent", SYSTEM, "timelineActivity", "targetNote"),
    O2M("favorites", "Favorites", "Favorites linked to the note", "IconHeart", SYSTEM, "favorite",
        "note"),
};
static const char *const note_search[] = {"title", "bodyV2", NULL};

/* Junction objects search their id (spec §8: "junctions list id"). */
static const char *const junction_search[] = {"id", NULL};

/* ---- taskTarget ------------------------------------------------------------------------- */
/* Nothing omitted: the standard morph group targets only person, company and opportunity. */
static const tc_std_field task_target_fields[] = {
    /* SET_NULL as spec §3.8 reads it (noteTarget.note is CASCADE). */
    M2O("task", "Task", "TaskTarget task", "IconCheckbox", RO, "task", "taskTargets", SET_NULL),
    MORPH("targetPerson", "Target", "TaskTarget target", "IconArrowUpRight", RO, "person",
          "taskTargets", CASCADE, TASK_TARGET_MORPH),
    MORPH("targetCompany", "Target", "TaskTarget target", "IconArrowUpRight", RO, "company",
          "taskTargets", CASCADE, TASK_TARGET_MORPH),
    MORPH("targetOpportunity", "Target", "TaskTarget target", "IconArrowUpRight", RO, "opportunity",
          "taskTargets", CASCADE, TASK_TARGET_MORPH),
};

/* ---- noteTarget ------------------------------------------------------------------------- */
/* Nothing omitted: the standard morph group targets only person, company and opportunity. */
static const tc_std_field note_target_fields[] = {
    M2O("note", "Note", "NoteTarget note", "IconNotes", RO, "note", "noteTargets", CASCADE),
    MORPH("targetPerson", "Person", "NoteTarget person", "IconUser", RO, "person", "noteTargets",
          CASCADE, NOTE_TARGET_MORPH),
    MORPH("targetCompany", "Company", "NoteTarget company", "IconBuildingSkyscraper", RO, "company",
          "noteTargets", CASCADE, NOTE_TARGET_MORPH),
    MORPH("targetOpportunity", "Opportunity", "NoteTarget opportunity", "IconTargetArrow", RO,
          "opportunity", "noteTargets", CASCADE, NOTE_TARGET_MORPH),
};

/* ---- attachment ------------------------------------------------------------------------- */
/* Omitted until their objects exist: targetDashboard (dashboard.attachments), targetWorkflow
 * (workflow.attachments). fullPath and fileCategory are the pre-FILES form, replaced by file. */
static const tc_std_field attachment_fields[] = {
    {.name = "name",
     .type = TC_FT_TEXT,
     .label = "Name",
     .description = "Attachment name",
     .icon = "IconFileUpload",
     .flags = RO},
    {.name = "file",
     .type = TC_FT_FILES,
     .label = "File",
     .description = "Attachment file",
     .icon = "IconFileUpload",
     .flags = RO,
     .settings = ONE_VALUE},
    MORPH("targetTask", "Task", "Attachment target", "IconFileImport", RO, "task", "attachments",
          SET_NULL, ATTACHMENT_MORPH),
    MORPH("targetNote", "Note", "Attachment target", "IconFileImport", RO, "note", "attachments",
          SET_NULL, ATTACHMENT_MORPH),
    MORPH("targetPerson", "Person", "Attachment target", "IconFileImport", RO, "person",
          "attachments", CASCADE, ATTACHMENT_MORPH),
    MORPH("targetCompany", "Company", "Attachment target", "IconFileImport", RO, "company",
          "attachments", CASCADE, ATTACHMENT_MORPH),
    MORPH("targetOpportunity", "Opportunity", "Attachment target", "IconFileImport", RO,
          "opportunity", "attachments", CASCADE, ATTACHMENT_MORPH),
};
static const char *const attachment_search[] = {"name", NULL};

/* ---- timelineActivity ------------------------------------------------------------------- */
/* Omitted until their objects exist: targetWorkflow, targetWorkflowVersion, targetWorkflowRun,
 * targetDashboard (each <object>.timelineActivities). */
static const tc_std_field timeline_activity_fields[] = {
    {.name = "happensAt",
     .type = TC_FT_DATE_TIME,
     .label = "Creation date",
     .description = "Creation date",
     .icon = "IconCalendar",
     .flags = NOT_NULL | RO,
     .default_value = "\"now\""},
    {.name = "name",
     .type = TC_FT_TEXT,
     .label = "Event name",
     .description = "Event name",
     .icon = "IconAbc",
     .flags = RO},
    {.name = "properties",
     .type = TC_FT_RAW_JSON,
     .label = "Event details",
     .description = "Json value for event details",
     .icon = "IconListDetails",
     .flags = RO},
    {.name = "linkedRecordCachedName",
     .type = TC_FT_TEXT,
     .label = "Linked Record cached name",
     .description = "Cached record name",
     .icon = "IconAbc",
     .flags = SYSTEM | RO},
    {.name = "linkedRecordId",
     .type = TC_FT_UUID,
     .label = "Linked Record id",
     .description = "Linked Record id",
     .icon = "IconAbc",
     .flags = SYSTEM | RO},
    {.name = "linkedObjectMetadataId",
     .type = TC_FT_UUID,
     .label = "Linked Object Metadata Id",
     .description = "Linked Object Metadata Id",
     .icon = "IconAbc",
     .flags = SYSTEM | RO},
    M2O("workspaceMember", "Workspace Member", "Event workspace member", "IconCircleUser", RO,
        "workspaceMember", "timelineActivities", CASCADE),
    MORPH("targetPerson", "Person", "Event target", "IconTimelineEvent", RO, "person",
          "timelineActivities", CASCADE, TIMELINE_MORPH),
    MORPH("targetCompany", "Company", "Event target", "IconTimelineEvent", RO, "company",
          "timelineActivities", CASCADE, TIMELINE_MORPH),
    MORPH("targetOpportunity", "Opportunity", "Event target", "IconTimelineEvent", RO,
          "opportunity", "timelineActivities", SET_NULL, TIMELINE_MORPH),
    MORPH("targetNote", "Note", "Event target", "IconTimelineEvent", RO, "note",
          "timelineActivities", SET_NULL, TIMELINE_MORPH),
    MORPH("targetTask", "Task", "Event target", "IconTimelineEvent", RO, "task",
          "timelineActivities", SET_NULL, TIMELINE_MORPH),
};
static const char *const timeline_activity_search[] = {"name", NULL};

/* ---- favorite --------------------------------------------------------------------------- */
/* Omitted until their objects exist: workflow, workflowVersion, workflowRun, dashboard (each
 * <object>.favorites). */
static const tc_std_field favorite_fields[] = {
    {.name = "position",
     .type = TC_FT_NUMBER,
     .label = "Position",
     .description = "Favorite position",
     .icon = "IconList",
     .flags = NOT_NULL | SYSTEM,
     .default_value = "0"},
    {.name = "viewId",
     .type = TC_FT_UUID,
     .label = "ViewId",
     .description = "ViewId",
     .icon = "IconView"},
    M2O("forWorkspaceMember", "Workspace Member", "Favorite workspace member", "IconCircleUser", 0,
        "workspaceMember", "favorites", CASCADE),
    M2O("person", "Person", "Favorite person", "IconUser", 0, "person", "favorites", CASCADE),
    M2O("company", "Company", "Favorite company", "IconBuildingSkyscraper", 0, "company",
        "favorites", CASCADE),
    M2O("opportunity", "Opportunity", "Favorite opportunity", "IconTargetArrow", 0, "opportunity",
        "favorites", CASCADE),
    M2O("task", "Task", "Favorite task", "IconCheckbox", 0, "task", "favorites", CASCADE),
    M2O("note", "Note", "Favorite note", "IconNotes", 0, "note", "favorites", CASCADE),
    M2O("favoriteFolder", "Favorite Folder", "The folder this favorite belongs to", "IconFolder", 0,
        "favoriteFolder", "favorites", SET_NULL),
};

/* ---- favoriteFolder --------------------------------------------------------------------- */
/* Nothing omitted. */
static const tc_std_field favorite_folder_fields[] = {
    {.name = "position",
     .type = TC_FT_NUMBER,
     .label = "Position",
     .description = "Favorite folder position",
     .icon = "IconHierarchy2",
     .flags = NOT_NULL | SYSTEM | RO,
     .default_value = "0"},
    {.name = "name",
     .type = TC_FT_TEXT,
     .label = "Name",
     .description = "Name of the favorite folder",
     .icon = "IconText",
     .flags = RO},
    O2M("favorites", "Favorites", "Favorites in this folder", "IconHeart", RO, "favorite",
        "favoriteFolder"),
};

/* ---- workspaceMember -------------------------------------------------------------------- */
/* Omitted until their objects exist: connectedAccounts (connectedAccount.accountOwner),
 * messageParticipants, blocklist, calendarEventParticipants (each <object>.workspaceMember). */
static const tc_std_field workspace_member_fields[] = {
    {.name = "name",
     .type = TC_FT_FULL_NAME,
     .label = "Name",
     .description = "Workspace member name",
     .icon = "IconCircleUser",
     .flags = NOT_NULL | RO},
    {.name = "colorScheme",
     .type = TC_FT_TEXT,
     .label = "Color Scheme",
     .description = "Preferred color scheme",
     .icon = "IconColorSwatch",
     .flags = NOT_NULL | SYSTEM | RO,
     .default_value = "\"'System'\""},
    {.name = "locale",
     .type = TC_FT_TEXT,
     .label = "Language",
     .description = "Preferred language",
     .icon = "IconLanguage",
     .flags = NOT_NULL | SYSTEM | RO,
     .default_value = "\"'en'\""},
    {.name = "avatarUrl",
     .type = TC_FT_TEXT,
     .label = "Avatar Url",
     .description = "Workspace member avatar",
     .icon = "IconFileUpload",
     .flags = SYSTEM | RO},
    {.name = "userEmail",
     .type = TC_FT_TEXT,
     .label = "User Email",
     .description = "Related user email address",
     .icon = "IconMail",
     .flags = UNIQUE | SYSTEM | RO},
    {.name = "calendarStartDay",
     .type = TC_FT_NUMBER,
     .label = "Start of the week",
     .description = "User's preferred start day of the week",
     .icon = "IconCalendar",
     .flags = NOT_NULL | SYSTEM | RO,
     .default_value = "7",
     .settings = "{\"dataType\":\"int\"}"},
    {.name = "userId",
     .type = TC_FT_UUID,
     .label = "User Id",
     .description = "Associated User Id",
     .icon = "IconCircleUsers",
     .flags = NOT_NULL | SYSTEM | RO},
    {.name = "timeZone",
     .type = TC_FT_TEXT,
     .label = "Time zone",
     .description = "User time zone",
     .icon = "IconTimezone",
     .flags = NOT_NULL | SYSTEM | RO,
     .default_value = "\"'system'\""},
    {.name = "dateFormat",
     .type = TC_FT_SELECT,
     .label = "Date format",
     .description = "User's preferred date format",
     .icon = "IconCalendarEvent",
     .flags = NOT_NULL | SYSTEM | RO,
     .default_value = "\"'SYSTEM'\"",
     .options = "["
                "{\"value\":\"SYSTEM\",\"label\":\"System\",\"position\":0,"
                "\"color\":\"turquoise\"},"
                "{\"value\":\"MONTH_FIRST\",\"label\":\"Month First\",\"position\":1,"
                "\"color\":\"red\"},"
                "{\"value\":\"DAY_FIRST\",\"label\":\"Day First\",\"position\":2,"
                "\"color\":\"purple\"},"
                "{\"value\":\"YEAR_FIRST\",\"label\":\"Year First\",\"position\":3,"
                "\"color\":\"sky\"}"
                "]"},
    {.name = "timeFormat",
     .type = TC_FT_SELECT,
     .label = "Time format",
     .description = "User's preferred time format",
     .icon = "IconClock2",
     .flags = NOT_NULL | SYSTEM | RO,
     .default_value = "\"'SYSTEM'\"",
     .options = "["
                "{\"value\":\"SYSTEM\",\"label\":\"System\",\"position\":0,\"color\":\"sky\"},"
                "{\"value\":\"HOUR_24\",\"label\":\"24HRS\",\"position\":1,\"color\":\"red\"},"
                "{\"value\":\"HOUR_12\",\"label\":\"12HRS\",\"position\":2,\"color\":\"purple\"}"
                "]"},
    {.name = "numberFormat",
     .type = TC_FT_SELECT,
     .label = "Number format",
     .description = "User's preferred number format",
     .icon = "IconNumbers",
     .flags = NOT_NULL | SYSTEM | RO,
     .default_value = "\"'SYSTEM'\"",
     .options = "["
                "{\"value\":\"SYSTEM\",\"label\":\"System\",\"position\":0,"
                "\"color\":\"turquoise\"},"
                "{\"value\":\"COMMAS_AND_DOT\",\"label\":\"Commas and dot\",\"position\":1,"
                "\"color\":\"blue\"},"
                "{\"value\":\"SPACES_AND_COMMA\",\"label\":\"Spaces and comma\",\"position\":2,"
                "\"color\":\"green\"},"
                "{\"value\":\"DOTS_AND_COMMA\",\"label\":\"Dots and comma\",\"position\":3,"
                "\"color\":\"orange\"},"
                "{\"value\":\"APOSTROPHE_AND_DOT\",\"label\":\"Apostrophe and dot\","
                "\"position\":4,\"color\":\"purple\"}"
                "]"},
    O2M("assignedTasks", "Assigned tasks", "Tasks assigned to the workspace member", "IconCheckbox",
        RO, "task", "assignee"),
    O2M("favorites", "Favorites", "Favorites linked to the workspace member", "IconHeart", RO,
        "favorite", "forWorkspaceMember"),
    O2M("accountOwnerForCompanies", "Account Owner For Companies", "Account owner for companies",
        "IconBriefcase", RO, "company", "accountOwner"),
    O2M("timelineActivities", "Events", "Events linked to the workspace member",
        "IconTimelineEvent", SYSTEM | RO, "timelineActivity", "workspaceMember"),
    O2M("ownedOpportunities", "Owned opportunities", "Opportunities owned by the workspace member",
        "IconTargetArrow", RO, "opportunity", "owner"),
};
static const char *const workspace_member_search[] = {"name", "userEmail", NULL};

#define FIELDS(a) .fields = (a), .nfields = TC_COUNT(a)

const tc_std_object tc_std_objects[] = {
    {.name_singular = "company",
     .name_plural = "companies",
     .label_singular = "Company",
     .label_plural = "Companies",
     .description = "A company",
     .icon = "IconBuildingSkyscraper",
     .universal_identifier = "20202020-b374-4779-a561-80086cb2e17f",
     .label_identifier = "name",
     .shortcut = "C",
     .duplicate_criteria = "[[\"name\"],[\"domainNamePrimaryLinkUrl\"]]",
     .is_searchable = true,
     .is_audit_logged = true,
     .search_fields = company_search,
     FIELDS(company_fields)},
    {.name_singular = "person",
     .name_plural = "people",
     .label_singular = "Person",
     .label_plural = "People",
     .description = "A person",
     .icon = "IconUser",
     .universal_identifier = "20202020-e674-48e5-a542-72570eee7213",
     .label_identifier = "name",
     .shortcut = "P",
     .duplicate_criteria = "[[\"nameFirstName\",\"nameLastName\"],"
                           "[\"linkedinLinkPrimaryLinkUrl\"],[\"emailsPrimaryEmail\"]]",
     .is_searchable = true,
     .is_audit_logged = true,
     .search_fields = person_search,
     FIELDS(person_fields)},
    {.name_singular = "opportunity",
     .name_plural = "opportunities",
     .label_singular = "Opportunity",
     .label_plural = "Opportunities",
     .description = "An opportunity",
     .icon = "IconTargetArrow",
     .universal_identifier = "20202020-9549-49dd-b2b2-883999db8938",
     .label_identifier = "name",
     .shortcut = "O",
     .is_searchable = true,
     .is_audit_logged = true,
     .search_fields = opportunity_search,
     .indexed_fields = opportunity_indexed,
     FIELDS(opportunity_fields)},
    {.name_singular = "task",
     .name_plural = "tasks",
     .label_singular = "Task",
     .label_plural = "Tasks",
     .description = "A task",
     .icon = "IconCheckbox",
     .universal_identifier = "20202020-1ba1-48ba-bc83-ef7e5990ed10",
     .label_identifier = "title",
     .shortcut = "T",
     .is_searchable = true,
     .is_audit_logged = true,
     .search_fields = task_search,
     FIELDS(task_fields)},
    {.name_singular = "note",
     .name_plural = "notes",
     .label_singular = "Note",
     .label_plural = "Notes",
     .description = "A note",
     .icon = "IconNotes",
     .universal_identifier = "20202020-0b00-45cd-b6f6-6cd806fc6804",
     .label_identifier = "title",
     .shortcut = "N",
     .is_searchable = true,
     .is_audit_logged = true,
     .search_fields = note_search,
     FIELDS(note_fields)},
    {.name_singular = "taskTarget",
     .name_plural = "taskTargets",
     .label_singular = "Task Target",
     .label_plural = "Task Targets",
     .description = "A task target",
     .icon = "IconCheckbox",
     .universal_identifier = "20202020-5a9a-44e8-95df-771cd06d0fb1",
     .label_identifier = "id",
     .search_fields = junction_search,
     .is_system = true,
     .is_audit_logged = true,
     FIELDS(task_target_fields)},
    {.name_singular = "noteTarget",
     .name_plural = "noteTargets",
     .label_singular = "Note Target",
     .label_plural = "Note Targets",
     .description = "A note target",
     .icon = "IconCheckbox",
     .universal_identifier = "20202020-fff0-4b44-be82-bda313884400",
     .label_identifier = "id",
     .search_fields = junction_search,
     .is_system = true,
     .is_audit_logged = true,
     FIELDS(note_target_fields)},
    {.name_singular = "attachment",
     .name_plural = "attachments",
     .label_singular = "Attachment",
     .label_plural = "Attachments",
     .description = "An attachment",
     .icon = "IconFileImport",
     .universal_identifier = "20202020-bd3d-4c60-8dca-571c71d4447a",
     .label_identifier = "name",
     .is_system = true,
     .is_audit_logged = true,
     .search_fields = attachment_search,
     FIELDS(attachment_fields)},
    {.name_singular = "timelineActivity",
     .name_plural = "timelineActivities",
     .label_singular = "Timeline Activity",
     .label_plural = "Timeline Activities",
     .description = "Aggregated / filtered event to be displayed on the timeline",
     .icon = "IconTimelineEvent",
     .universal_identifier = "20202020-6736-4337-b5c4-8b39fae325a5",
     .label_identifier = "name",
     .is_system = true,
     .is_audit_logged = false,
     .search_fields = timeline_activity_search,
     FIELDS(timeline_activity_fields)},
    {.name_singular = "favorite",
     .name_plural = "favorites",
     .label_singular = "Favorite",
     .label_plural = "Favorites",
     .description = "A favorite",
     .icon = "IconHeart",
     .universal_identifier = "20202020-ab56-4e05-92a3-e2414a499860",
     .label_identifier = "id",
     .is_system = true,
     .is_audit_logged = true,
     FIELDS(favorite_fields)},
    {.name_singular = "favoriteFolder",
     .name_plural = "favoriteFolders",
     .label_singular = "Favorite Folder",
     .label_plural = "Favorite Folders",
     .description = "A favorite folder",
     .icon = "IconFolder",
     .universal_identifier = "20202020-7cf8-401f-8211-a9587d27fd2d",
     .label_identifier = "id",
     .is_system = true,
     .is_audit_logged = true,
     FIELDS(favorite_folder_fields)},
    {.name_singular = "workspaceMember",
     .name_plural = "workspaceMembers",
     .label_singular = "Workspace Member",
     .label_plural = "Workspace Members",
     .description = "A workspace member",
     .icon = "IconUserCircle",
     .universal_identifier = "20202020-3319-4234-a34c-82d5c0e881a6",
     .label_identifier = "name",
     .is_system = true,
     .is_searchable = true,
     .is_audit_logged = true,
     .search_fields = workspace_member_search,
     FIELDS(workspace_member_fields)},
};
const size_t tc_std_objects_count = TC_COUNT(tc_std_objects);

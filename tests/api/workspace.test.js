'use strict';
// `twentyc workspace create|list|delete` against a throwaway cluster: the workspace schema that
// creation builds (tables, columns, enum types, foreign keys, indexes, search vectors) compared
// with spec/twenty-datamodel.md §1-§3, §5, §7, §8 written out below as data, the metadata rows
// of §4.1-§4.3, conflicts, concurrency, deletion and argument errors. The expected lists come
// from the spec, never from twentyc's own tables (src/meta/standard.c).

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const h = require('./harness');

const APPLE_ID = '20202020-1c25-4d02-bf25-6aeccf7ea419'; // spec §9 seed workspace "Apple"
const APPLE_SCHEMA = 'workspace_1wgvd1injqtife6y4rvfbu3h5'; // spec §5.1 worked example
const YC_ID = '3b8e6458-5fc1-4e63-8563-008ccddaa6db';
const YC_SCHEMA = 'workspace_3ixj3i1a5avy16ptijtb3lae3';
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// ---------------------------------------------------------------------------------------------
// Naming rules, as the spec states them

// §5.1: "workspace_" + the 128-bit id in base 36.
const schemaOf = (id) => `workspace_${BigInt('0x' + id.replace(/-/g, '')).toString(36)}`;

// §7: IDX_ (IDX_UNIQUE_) + the first 27 hex digits of sha256(table || tokens...).
const indexName = (table, tokens, unique) =>
  (unique ? 'IDX_UNIQUE_' : 'IDX_') +
  crypto.createHash('sha256').update(table + tokens.join('')).digest('hex').slice(0, 27);

// PostgreSQL's quote_ident for the names used here (no keywords among them).
const qi = (name) => (/^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`);
const cap = (s) => s[0].toUpperCase() + s.slice(1);

// §1.1: composite sub-fields in declaration order; column = field + PascalCase(sub-field).
const COMPOSITES = {
  FULL_NAME: ['firstName', 'lastName'],
  CURRENCY: ['amountMicros', 'currencyCode'],
  LINKS: ['primaryLinkLabel', 'primaryLinkUrl', 'secondaryLinks'],
  EMAILS: ['primaryEmail', 'additionalEmails'],
  PHONES: ['primaryPhoneNumber', 'primaryPhoneCountryCode', 'primaryPhoneCallingCode', 'additionalPhones'],
  ADDRESS: ['addressStreet1', 'addressStreet2', 'addressCity', 'addressPostcode', 'addressState',
    'addressCountry', 'addressLat', 'addressLng'],
  ACTOR: ['source', 'workspaceMemberId', 'name', 'context'],
  RICH_TEXT_V2: ['blocknote', 'markdown'],
};
const REQUIRED_SUBFIELDS = { ACTOR: ['source', 'name'] }; // §1.1 "isRequired yes"
// §7: a composite is indexed on its sub-field with isIncludedInUniqueConstraint.
const UNIQUE_SUBFIELD = { LINKS: 'primaryLinkUrl', EMAILS: 'primaryEmail', PHONES: 'primaryPhoneNumber' };

const ACTOR_SOURCES = ['EMAIL', 'CALENDAR', 'WORKFLOW', 'AGENT', 'API', 'IMPORT', 'MANUAL', 'SYSTEM', 'WEBHOOK', 'APPLICATION'];

// ---------------------------------------------------------------------------------------------
// Expected physical columns per table: [column, udt_name, nullable, column_default].
// udt 'enum' stands for the type "<table>_<column>_enum" in the workspace schema; a default
// {enum: V} for 'V'::<schema>."<table>_<column>_enum" (§1.2). Defaults are written as
// PostgreSQL prints information_schema.columns.column_default.

// §2 gives the id default as public.uuid_generate_v4() (extension uuid-ossp). The test role can
// not create extensions, and twentyc uses the built-in gen_random_uuid() (also v4) everywhere
// (docs/compat.md, "Ids default to gen_random_uuid()"), as it drops unaccent from search
// vectors when it is missing.
const ID_DEFAULT = 'gen_random_uuid()';

const col = (name, udt, nullable = true, dflt = null) => [name, udt, nullable, dflt];
// §2 createdBy / updatedBy: ACTOR, not nullable, default source 'MANUAL', name 'System'; §1.1
// sub-column nullability: parent.isNullable || !property.isRequired.
const actor = (f) => [
  col(`${f}Source`, 'enum', false, { enum: 'MANUAL' }),
  col(`${f}WorkspaceMemberId`, 'uuid'),
  col(`${f}Name`, 'text', false, "'System'::text"),
  col(`${f}Context`, 'jsonb'),
];
const links = (f) => [col(`${f}PrimaryLinkLabel`, 'text'), col(`${f}PrimaryLinkUrl`, 'text'), col(`${f}SecondaryLinks`, 'jsonb')];
// §2, Era C: every standard object has these.
const systemColumns = () => [
  col('id', 'uuid', false, ID_DEFAULT),
  col('createdAt', 'timestamptz', false, 'now()'),
  col('updatedAt', 'timestamptz', false, 'now()'),
  col('deletedAt', 'timestamptz'),
  ...actor('createdBy'),
  ...actor('updatedBy'),
  col('position', 'float8', false, '0'),
  col('searchVector', 'tsvector'),
];

const COLUMNS = {
  // §3.3 "Physical columns", verbatim and in the spec's order.
  company: [
    col('id', 'uuid', false, ID_DEFAULT), col('createdAt', 'timestamptz', false, 'now()'),
    col('updatedAt', 'timestamptz', false, 'now()'), col('deletedAt', 'timestamptz'),
    col('name', 'text'),
    col('domainNamePrimaryLinkLabel', 'text'), col('domainNamePrimaryLinkUrl', 'text'), col('domainNameSecondaryLinks', 'jsonb'),
    col('addressAddressStreet1', 'text'), col('addressAddressStreet2', 'text'), col('addressAddressCity', 'text'),
    col('addressAddressPostcode', 'text'), col('addressAddressState', 'text'), col('addressAddressCountry', 'text'),
    col('addressAddressLat', 'numeric'), col('addressAddressLng', 'numeric'),
    col('employees', 'float8'),
    col('linkedinLinkPrimaryLinkLabel', 'text'), col('linkedinLinkPrimaryLinkUrl', 'text'), col('linkedinLinkSecondaryLinks', 'jsonb'),
    col('xLinkPrimaryLinkLabel', 'text'), col('xLinkPrimaryLinkUrl', 'text'), col('xLinkSecondaryLinks', 'jsonb'),
    col('annualRecurringRevenueAmountMicros', 'numeric'), col('annualRecurringRevenueCurrencyCode', 'text'),
    col('idealCustomerProfile', 'bool', false, 'false'),
    col('position', 'float8', false, '0'),
    ...actor('createdBy'), ...actor('updatedBy'),
    col('searchVector', 'tsvector'),
    col('accountOwnerId', 'uuid'),
  ],
  // §3.4 "Columns" (plus the §2 system columns), verbatim; avatarFile is Era C (FILES → jsonb).
  person: [
    col('id', 'uuid', false, ID_DEFAULT), col('createdAt', 'timestamptz', false, 'now()'),
    col('updatedAt', 'timestamptz', false, 'now()'), col('deletedAt', 'timestamptz'),
    col('nameFirstName', 'text'), col('nameLastName', 'text'),
    col('emailsPrimaryEmail', 'text'), col('emailsAdditionalEmails', 'jsonb'),
    ...links('linkedinLink'), ...links('xLink'),
    col('jobTitle', 'text'),
    col('phonesPrimaryPhoneNumber', 'text'), col('phonesPrimaryPhoneCountryCode', 'text'),
    col('phonesPrimaryPhoneCallingCode', 'text'), col('phonesAdditionalPhones', 'jsonb'),
    col('city', 'text'), col('avatarUrl', 'text'), col('avatarFile', 'jsonb'),
    col('position', 'float8', false, '0'),
    ...actor('createdBy'), ...actor('updatedBy'),
    col('searchVector', 'tsvector'),
    col('companyId', 'uuid'),
  ],
  // §3.5; owner is Era C.
  opportunity: [
    ...systemColumns(),
    col('name', 'text'),
    col('amountAmountMicros', 'numeric'), col('amountCurrencyCode', 'text'),
    col('closeDate', 'timestamptz'),
    col('stage', 'enum', false, { enum: 'NEW' }),
    col('pointOfContactId', 'uuid'), col('companyId', 'uuid'), col('ownerId', 'uuid'),
  ],
  // §3.6
  task: [
    ...systemColumns(),
    col('title', 'text'),
    col('bodyV2Blocknote', 'text'), col('bodyV2Markdown', 'text'),
    col('dueAt', 'timestamptz'),
    col('status', 'enum', true, { enum: 'TODO' }),
    col('assigneeId', 'uuid'),
  ],
  // §3.7
  note: [
    ...systemColumns(),
    col('title', 'text'),
    col('bodyV2Blocknote', 'text'), col('bodyV2Markdown', 'text'),
  ],
  // §3.8, Era C form.
  taskTarget: [
    ...systemColumns(),
    col('taskId', 'uuid'), col('targetPersonId', 'uuid'), col('targetCompanyId', 'uuid'), col('targetOpportunityId', 'uuid'),
  ],
  noteTarget: [
    ...systemColumns(),
    col('noteId', 'uuid'), col('targetPersonId', 'uuid'), col('targetCompanyId', 'uuid'), col('targetOpportunityId', 'uuid'),
  ],
  // §3.10, Era C form: file (FILES) replaces fullPath/fileCategory; morph targets without
  // dashboard and workflow (not in twentyc yet).
  attachment: [
    ...systemColumns(),
    col('name', 'text'), col('file', 'jsonb'),
    col('targetTaskId', 'uuid'), col('targetNoteId', 'uuid'), col('targetPersonId', 'uuid'),
    col('targetCompanyId', 'uuid'), col('targetOpportunityId', 'uuid'),
  ],
  // §3.11, without the workflow*/dashboard targets.
  timelineActivity: [
    ...systemColumns(),
    col('happensAt', 'timestamptz', false, 'now()'),
    col('name', 'text'), col('properties', 'jsonb'), col('linkedRecordCachedName', 'text'),
    col('linkedRecordId', 'uuid'), col('linkedObjectMetadataId', 'uuid'),
    col('workspaceMemberId', 'uuid'),
    col('targetPersonId', 'uuid'), col('targetCompanyId', 'uuid'), col('targetOpportunityId', 'uuid'),
    col('targetNoteId', 'uuid'), col('targetTaskId', 'uuid'),
  ],
  // §3.12: position is NUMBER (float8 as well); without workflow*/dashboard.
  favorite: [
    ...systemColumns(),
    col('viewId', 'uuid'),
    col('forWorkspaceMemberId', 'uuid'), col('personId', 'uuid'), col('companyId', 'uuid'),
    col('opportunityId', 'uuid'), col('taskId', 'uuid'), col('noteId', 'uuid'), col('favoriteFolderId', 'uuid'),
  ],
  favoriteFolder: [
    ...systemColumns(),
    col('name', 'text'),
  ],
  // §3.9: name is not nullable, but its sub-fields are not required, so both columns are.
  workspaceMember: [
    ...systemColumns(),
    col('nameFirstName', 'text'), col('nameLastName', 'text'),
    col('colorScheme', 'text', false, "'System'::text"),
    col('locale', 'text', false, "'en'::text"),
    col('avatarUrl', 'text'),
    col('userEmail', 'text'),
    col('calendarStartDay', 'float8', false, '7'),
    col('userId', 'uuid', false),
    col('timeZone', 'text', false, "'system'::text"),
    col('dateFormat', 'enum', false, { enum: 'SYSTEM' }),
    col('timeFormat', 'enum', false, { enum: 'SYSTEM' }),
    col('numberFormat', 'enum', false, { enum: 'SYSTEM' }),
  ],
};
const TABLES = Object.keys(COLUMNS);

// ---------------------------------------------------------------------------------------------
// Expected fields per object (§2, §3.3-§3.12, Era C), without the relations to objects twentyc
// does not have yet (workflow*, dashboard, message*, calendar*, connectedAccount, blocklist).

const F = (name, type) => ({ name, type });
const m2o = (name, target, inverse, onDelete) => ({ name, type: 'RELATION', relationType: 'MANY_TO_ONE', target, inverse, onDelete });
const o2m = (name, target, inverse) => ({ name, type: 'RELATION', relationType: 'ONE_TO_MANY', target, inverse });
const morph = (name, target, inverse, onDelete, morphId) =>
  ({ name, type: 'MORPH_RELATION', relationType: 'MANY_TO_ONE', target, inverse, onDelete, morphId });
const systemFields = (positionType = 'POSITION') => [
  F('id', 'UUID'), F('createdAt', 'DATE_TIME'), F('updatedAt', 'DATE_TIME'), F('deletedAt', 'DATE_TIME'),
  F('createdBy', 'ACTOR'), F('updatedBy', 'ACTOR'), F('position', positionType), F('searchVector', 'TS_VECTOR'),
];
const TASK_TARGET_MORPH = '20202020-f636-435d-ab8d-e1168b375c71';
const NOTE_TARGET_MORPH = '20202020-f635-435d-ab8d-e1168b375c70';
const ATTACHMENT_MORPH = '20202020-f634-435d-ab8d-e1168b375c69';
const TIMELINE_MORPH = '20202020-9a2b-4c3d-a4e5-f6a7b8c9d0e1';

const FIELDS = {
  company: [
    ...systemFields(),
    F('name', 'TEXT'), F('domainName', 'LINKS'), F('address', 'ADDRESS'), F('employees', 'NUMBER'),
    F('linkedinLink', 'LINKS'), F('xLink', 'LINKS'), F('annualRecurringRevenue', 'CURRENCY'),
    F('idealCustomerProfile', 'BOOLEAN'),
    o2m('people', 'person', 'company'),
    m2o('accountOwner', 'workspaceMember', 'accountOwnerForCompanies', 'SET_NULL'),
    o2m('taskTargets', 'taskTarget', 'targetCompany'),
    o2m('noteTargets', 'noteTarget', 'targetCompany'),
    o2m('opportunities', 'opportunity', 'company'),
    o2m('favorites', 'favorite', 'company'),
    o2m('attachments', 'attachment', 'targetCompany'),
    o2m('timelineActivities', 'timelineActivity', 'targetCompany'),
  ],
  person: [
    ...systemFields(),
    F('name', 'FULL_NAME'), F('emails', 'EMAILS'), F('linkedinLink', 'LINKS'), F('xLink', 'LINKS'),
    F('jobTitle', 'TEXT'), F('phones', 'PHONES'), F('city', 'TEXT'), F('avatarUrl', 'TEXT'), F('avatarFile', 'FILES'),
    m2o('company', 'company', 'people', 'SET_NULL'),
    o2m('pointOfContactForOpportunities', 'opportunity', 'pointOfContact'),
    o2m('taskTargets', 'taskTarget', 'targetPerson'),
    o2m('noteTargets', 'noteTarget', 'targetPerson'),
    o2m('favorites', 'favorite', 'person'),
    o2m('attachments', 'attachment', 'targetPerson'),
    o2m('timelineActivities', 'timelineActivity', 'targetPerson'),
  ],
  opportunity: [
    ...systemFields(),
    F('name', 'TEXT'), F('amount', 'CURRENCY'), F('closeDate', 'DATE_TIME'), F('stage', 'SELECT'),
    m2o('pointOfContact', 'person', 'pointOfContactForOpportunities', 'SET_NULL'),
    m2o('company', 'company', 'opportunities', 'SET_NULL'),
    m2o('owner', 'workspaceMember', 'ownedOpportunities', 'SET_NULL'),
    o2m('favorites', 'favorite', 'opportunity'),
    o2m('taskTargets', 'taskTarget', 'targetOpportunity'),
    o2m('noteTargets', 'noteTarget', 'targetOpportunity'),
    o2m('attachments', 'attachment', 'targetOpportunity'),
    o2m('timelineActivities', 'timelineActivity', 'targetOpportunity'),
  ],
  task: [
    ...systemFields(),
    F('title', 'TEXT'), F('bodyV2', 'RICH_TEXT_V2'), F('dueAt', 'DATE_TIME'), F('status', 'SELECT'),
    o2m('taskTargets', 'taskTarget', 'task'),
    o2m('attachments', 'attachment', 'targetTask'),
    m2o('assignee', 'workspaceMember', 'assignedTasks', 'SET_NULL'),
    o2m('timelineActivities', 'timelineActivity', 'targetTask'),
    o2m('favorites', 'favorite', 'task'),
  ],
  note: [
    ...systemFields(),
    F('title', 'TEXT'), F('bodyV2', 'RICH_TEXT_V2'),
    o2m('noteTargets', 'noteTarget', 'note'),
    o2m('attachments', 'attachment', 'targetNote'),
    o2m('timelineActivities', 'timelineActivity', 'targetNote'),
    o2m('favorites', 'favorite', 'note'),
  ],
  taskTarget: [
    ...systemFields(),
    // §3.8: "taskTarget | task | task.taskTargets | taskId | SET_NULL (as read; noteTarget.note
    // is CASCADE)", and "Era C form: task/note unchanged".
    m2o('task', 'task', 'taskTargets', 'SET_NULL'),
    morph('targetPerson', 'person', 'taskTargets', 'CASCADE', TASK_TARGET_MORPH),
    morph('targetCompany', 'company', 'taskTargets', 'CASCADE', TASK_TARGET_MORPH),
    morph('targetOpportunity', 'opportunity', 'taskTargets', 'CASCADE', TASK_TARGET_MORPH),
  ],
  noteTarget: [
    ...systemFields(),
    m2o('note', 'note', 'noteTargets', 'CASCADE'),
    morph('targetPerson', 'person', 'noteTargets', 'CASCADE', NOTE_TARGET_MORPH),
    morph('targetCompany', 'company', 'noteTargets', 'CASCADE', NOTE_TARGET_MORPH),
    morph('targetOpportunity', 'opportunity', 'noteTargets', 'CASCADE', NOTE_TARGET_MORPH),
  ],
  attachment: [
    ...systemFields(),
    F('name', 'TEXT'), F('file', 'FILES'),
    morph('targetTask', 'task', 'attachments', 'SET_NULL', ATTACHMENT_MORPH),
    morph('targetNote', 'note', 'attachments', 'SET_NULL', ATTACHMENT_MORPH),
    morph('targetPerson', 'person', 'attachments', 'CASCADE', ATTACHMENT_MORPH),
    morph('targetCompany', 'company', 'attachments', 'CASCADE', ATTACHMENT_MORPH),
    morph('targetOpportunity', 'opportunity', 'attachments', 'CASCADE', ATTACHMENT_MORPH),
  ],
  timelineActivity: [
    ...systemFields(),
    F('happensAt', 'DATE_TIME'), F('name', 'TEXT'), F('properties', 'RAW_JSON'),
    F('linkedRecordCachedName', 'TEXT'), F('linkedRecordId', 'UUID'), F('linkedObjectMetadataId', 'UUID'),
    m2o('workspaceMember', 'workspaceMember', 'timelineActivities', 'CASCADE'),
    morph('targetPerson', 'person', 'timelineActivities', 'CASCADE', TIMELINE_MORPH),
    morph('targetCompany', 'company', 'timelineActivities', 'CASCADE', TIMELINE_MORPH),
    morph('targetOpportunity', 'opportunity', 'timelineActivities', 'SET_NULL', TIMELINE_MORPH),
    morph('targetNote', 'note', 'timelineActivities', 'SET_NULL', TIMELINE_MORPH),
    morph('targetTask', 'task', 'timelineActivities', 'SET_NULL', TIMELINE_MORPH),
  ],
  favorite: [
    ...systemFields('NUMBER'),
    F('viewId', 'UUID'),
    m2o('forWorkspaceMember', 'workspaceMember', 'favorites', 'CASCADE'),
    m2o('person', 'person', 'favorites', 'CASCADE'),
    m2o('company', 'company', 'favorites', 'CASCADE'),
    m2o('opportunity', 'opportunity', 'favorites', 'CASCADE'),
    m2o('task', 'task', 'favorites', 'CASCADE'),
    m2o('note', 'note', 'favorites', 'CASCADE'),
    m2o('favoriteFolder', 'favoriteFolder', 'favorites', 'SET_NULL'),
  ],
  favoriteFolder: [
    ...systemFields('NUMBER'),
    F('name', 'TEXT'),
    o2m('favorites', 'favorite', 'favoriteFolder'),
  ],
  workspaceMember: [
    ...systemFields(),
    F('name', 'FULL_NAME'), F('colorScheme', 'TEXT'), F('locale', 'TEXT'), F('avatarUrl', 'TEXT'),
    F('userEmail', 'TEXT'), F('calendarStartDay', 'NUMBER'), F('userId', 'UUID'), F('timeZone', 'TEXT'),
    F('dateFormat', 'SELECT'), F('timeFormat', 'SELECT'), F('numberFormat', 'SELECT'),
    o2m('assignedTasks', 'task', 'assignee'),
    o2m('favorites', 'favorite', 'forWorkspaceMember'),
    o2m('accountOwnerForCompanies', 'company', 'accountOwner'),
    o2m('timelineActivities', 'timelineActivity', 'workspaceMember'),
    o2m('ownedOpportunities', 'opportunity', 'owner'),
  ],
};

// Fields the spec marks isSystem ("S", and §2's isSystem column); §2's "no" rows are false.
const SYSTEM_FIELDS = {
  company: ['favorites', 'attachments', 'timelineActivities'],
  person: ['avatarUrl', 'avatarFile', 'favorites', 'attachments', 'timelineActivities'],
  opportunity: ['timelineActivities'],
  task: ['taskTargets', 'attachments', 'timelineActivities', 'favorites'],
  workspaceMember: ['colorScheme', 'locale', 'avatarUrl', 'userEmail', 'calendarStartDay', 'userId', 'timeZone', 'timelineActivities'],
};

// §3.1, the twelve rows. workspaceMember's universalIdentifier is "(in STANDARD_OBJECT_IDS)",
// not given: null here means "some uuid".
const om = (nameSingular, namePlural, labelSingular, labelPlural, labelIdentifier, isSystem, isSearchable, shortcut,
  duplicateCriteria, isAuditLogged, universalIdentifier) =>
  ({ nameSingular, namePlural, labelSingular, labelPlural, labelIdentifier, isSystem, isSearchable, shortcut,
    duplicateCriteria, isAuditLogged, universalIdentifier });
const OBJECTS = [
  om('company', 'companies', 'Company', 'Companies', 'name', false, true, 'C',
    [['name'], ['domainNamePrimaryLinkUrl']], true, '20202020-b374-4779-a561-80086cb2e17f'),
  om('person', 'people', 'Person', 'People', 'name', false, true, 'P',
    [['nameFirstName', 'nameLastName'], ['linkedinLinkPrimaryLinkUrl'], ['emailsPrimaryEmail']], true,
    '20202020-e674-48e5-a542-72570eee7213'),
  om('opportunity', 'opportunities', 'Opportunity', 'Opportunities', 'name', false, true, 'O', null, true,
    '20202020-9549-49dd-b2b2-883999db8938'),
  om('task', 'tasks', 'Task', 'Tasks', 'title', false, true, 'T', null, true, '20202020-1ba1-48ba-bc83-ef7e5990ed10'),
  om('note', 'notes', 'Note', 'Notes', 'title', false, true, 'N', null, true, '20202020-0b00-45cd-b6f6-6cd806fc6804'),
  om('taskTarget', 'taskTargets', 'Task Target', 'Task Targets', 'id', true, false, null, null, true,
    '20202020-5a9a-44e8-95df-771cd06d0fb1'),
  om('noteTarget', 'noteTargets', 'Note Target', 'Note Targets', 'id', true, false, null, null, true,
    '20202020-fff0-4b44-be82-bda313884400'),
  om('attachment', 'attachments', 'Attachment', 'Attachments', 'name', true, false, null, null, true,
    '20202020-bd3d-4c60-8dca-571c71d4447a'),
  om('timelineActivity', 'timelineActivities', 'Timeline Activity', 'Timeline Activities', 'name', true, false, null,
    null, false, '20202020-6736-4337-b5c4-8b39fae325a5'),
  om('favorite', 'favorites', 'Favorite', 'Favorites', 'id', true, false, null, null, true,
    '20202020-ab56-4e05-92a3-e2414a499860'),
  om('favoriteFolder', 'favoriteFolders', 'Favorite Folder', 'Favorite Folders', 'id', true, false, null, null, true,
    '20202020-7cf8-401f-8211-a9587d27fd2d'),
  om('workspaceMember', 'workspaceMembers', 'Workspace Member', 'Workspace Members', 'name', true, true, null, null,
    true, null),
];

// Enum types (§1.1 ACTOR source, §1.3, §3.5, §3.6, §3.9).
const ENUMS = (() => {
  const e = {};
  for (const t of TABLES) {
    e[`${t}_createdBySource_enum`] = ACTOR_SOURCES;
    e[`${t}_updatedBySource_enum`] = ACTOR_SOURCES;
  }
  e.opportunity_stage_enum = ['NEW', 'SCREENING', 'MEETING', 'PROPOSAL', 'CUSTOMER'];
  e.task_status_enum = ['TODO', 'IN_PROGRESS', 'DONE'];
  e.workspaceMember_dateFormat_enum = ['SYSTEM', 'MONTH_FIRST', 'DAY_FIRST', 'YEAR_FIRST'];
  e.workspaceMember_timeFormat_enum = ['SYSTEM', 'HOUR_24', 'HOUR_12'];
  e.workspaceMember_numberFormat_enum = ['SYSTEM', 'COMMAS_AND_DOT', 'SPACES_AND_COMMA', 'DOTS_AND_COMMA', 'APOSTROPHE_AND_DOT'];
  return e;
})();

// Indexes (§7): the table's standard indexes, a btree per relation join column ("Relation join
// columns get btree indexes"), GIN on every searchVector (§8, Era C: every object has one), and
// ("position", "id") on every non-system object. tokens = what the name hashes (§7: the join
// column for relations, the field name otherwise), columns = what is indexed.
const ix = (tokens, columns = tokens, { unique = false, method = 'btree' } = {}) => ({ tokens, columns, unique, method });
const gin = ix(['searchVector'], ['searchVector'], { method: 'gin' });
const positionId = ix(['position', 'id']);
const INDEXES = {
  company: [ix(['accountOwnerId']), ix(['domainName'], ['domainNamePrimaryLinkUrl'], { unique: true }), gin, positionId],
  person: [ix(['companyId']), ix(['emails'], ['emailsPrimaryEmail'], { unique: true }), gin, positionId],
  opportunity: [ix(['pointOfContactId']), ix(['companyId']), ix(['ownerId']), ix(['stage']), gin, positionId],
  task: [ix(['assigneeId']), gin, positionId],
  note: [gin, positionId],
  taskTarget: [ix(['taskId']), ix(['targetPersonId']), ix(['targetCompanyId']), ix(['targetOpportunityId']), gin],
  noteTarget: [ix(['noteId']), ix(['targetPersonId']), ix(['targetCompanyId']), ix(['targetOpportunityId']), gin],
  attachment: [ix(['targetTaskId']), ix(['targetNoteId']), ix(['targetPersonId']), ix(['targetCompanyId']),
    ix(['targetOpportunityId']), gin],
  timelineActivity: [ix(['workspaceMemberId']), ix(['targetPersonId']), ix(['targetCompanyId']),
    ix(['targetOpportunityId']), ix(['targetNoteId']), ix(['targetTaskId']), gin],
  favorite: [ix(['forWorkspaceMemberId']), ix(['personId']), ix(['companyId']), ix(['favoriteFolderId']),
    ix(['opportunityId']), ix(['taskId']), ix(['noteId']), gin],
  favoriteFolder: [gin],
  workspaceMember: [ix(['userEmail'], ['userEmail'], { unique: true }), gin],
};

// §8 search expressions without public.unaccent_immutable (the test role can not install
// unaccent): COALESCE("<col>", '') per searchable column, joined by || ' ' ||.
const term = (c) => `COALESCE("${c}", '')`;
const S = {
  text: (f) => [term(f)],
  fullName: (f) => [term(`${f}FirstName`), term(`${f}LastName`)],
  links: (f) => [term(`${f}PrimaryLinkLabel`), term(`${f}PrimaryLinkUrl`)],
  richText: (f) => [term(`${f}Markdown`)],
  emails: (f) => [`${term(`${f}PrimaryEmail`)} || ' ' || COALESCE(SPLIT_PART("${f}PrimaryEmail", '@', 2), '')`],
  phones: (f) => {
    const n = `"${f}PrimaryPhoneNumber"`;
    const c = `"${f}PrimaryPhoneCallingCode"`;
    return [`COALESCE(${n}, '')`, `COALESCE(${c}, '')`, `COALESCE(${c} || ${n}, '')`,
      `COALESCE(REPLACE(${c}, '+', '') || ${n}, '')`, `COALESCE('0' || ${n}, '')`];
  },
};
const SEARCH = {
  company: [...S.text('name'), ...S.links('domainName')],
  person: [...S.fullName('name'), ...S.emails('emails'), ...S.phones('phones'), ...S.text('jobTitle')],
  opportunity: S.text('name'),
  note: [...S.text('title'), ...S.richText('bodyV2')],
  task: [...S.text('title'), ...S.richText('bodyV2')],
  workspaceMember: [...S.fullName('name'), ...S.text('userEmail')],
  timelineActivity: S.text('name'),
  attachment: S.text('name'),
};
const searchExpression = (terms) => `to_tsvector('simple', ${terms.join(" || ' ' || ")})`;
// Columns each searchVector reads: the above, and §8 "junctions list `id`". favorite and
// favoriteFolder are not listed in §8.
const SEARCH_COLUMNS = {
  company: ['domainNamePrimaryLinkLabel', 'domainNamePrimaryLinkUrl', 'name'],
  person: ['emailsPrimaryEmail', 'jobTitle', 'nameFirstName', 'nameLastName', 'phonesPrimaryPhoneCallingCode', 'phonesPrimaryPhoneNumber'],
  opportunity: ['name'],
  note: ['bodyV2Markdown', 'title'],
  task: ['bodyV2Markdown', 'title'],
  workspaceMember: ['nameFirstName', 'nameLastName', 'userEmail'],
  timelineActivity: ['name'],
  attachment: ['name'],
  taskTarget: ['id'],
  noteTarget: ['id'],
};

// ---------------------------------------------------------------------------------------------
// Helpers

const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const sorted = (list) => [...list].sort();
const okRun = (r, what) => {
  assert.equal(h.sanitizerReport(r.stderr), '', `${what}: sanitizer report`);
  assert.equal(r.code, 0, `${what}: exit ${r.code} ${r.signal || ''}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
};
// The "twentyc: ..." lines of stderr (log lines are JSON).
const errorLines = (stderr) => stderr.split('\n').filter((l) => l.startsWith('twentyc: '));

// The physical columns of a fieldMetadata row (§1.1, §1.4).
function columnsOfField(f) {
  if (f.type === 'RELATION' || f.type === 'MORPH_RELATION') {
    return f.settings && f.settings.relationType === 'MANY_TO_ONE' ? [f.settings.joinColumnName] : [];
  }
  if (COMPOSITES[f.type]) return COMPOSITES[f.type].map((s) => f.name + cap(s));
  return [f.name];
}

describe('workspace create / list / delete', { timeout: 120000 }, () => {
  let cluster;
  const env = () => ({ PG_DATABASE_URL: cluster.url, APP_SECRET: 'test-secret' });
  const cli = (args) => h.runCli(['workspace', ...args], { env: env() });
  const sql = (text) => cluster.psql(text);
  const json = (text) => JSON.parse(cluster.psql(text).trim() || 'null');
  const inSchema = `'${APPLE_SCHEMA}'::regnamespace`;

  // Counts of everything a workspace creation adds, over all workspaces.
  const counts = () => json(`SELECT json_build_object(
      'schemas', (SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'workspace\\_%'),
      'relations', (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname LIKE 'workspace\\_%'),
      'workspaces', (SELECT count(*) FROM core.workspace),
      'objects', (SELECT count(*) FROM core."objectMetadata"),
      'fields', (SELECT count(*) FROM core."fieldMetadata"),
      'indexes', (SELECT count(*) FROM core."indexMetadata"),
      'indexFields', (SELECT count(*) FROM core."indexFieldMetadata"),
      'migrations', (SELECT count(*) FROM core."workspaceMigration"))`);
  // Rows of each metadata table that belong to one workspace.
  const metadataRows = (id) => json(`SELECT json_build_object(
      'objects', (SELECT count(*) FROM core."objectMetadata" WHERE "workspaceId" = '${id}'),
      'fields', (SELECT count(*) FROM core."fieldMetadata" WHERE "workspaceId" = '${id}'),
      'indexes', (SELECT count(*) FROM core."indexMetadata" WHERE "workspaceId" = '${id}'),
      'indexFields', (SELECT count(*) FROM core."indexFieldMetadata" x JOIN core."indexMetadata" i
                      ON i.id = x."indexMetadataId" WHERE i."workspaceId" = '${id}'),
      'migrations', (SELECT count(*) FROM core."workspaceMigration" WHERE "workspaceId" = '${id}'))`);
  const schemaExists = (name) => sql(`SELECT count(*) FROM pg_namespace WHERE nspname = '${name}'`).trim() === '1';

  before(async () => {
    cluster = await h.startCluster();
  });

  after(() => {
    if (cluster) cluster.destroy();
  });

  // ---- 1. create + list -----------------------------------------------------------------------

  it('create --id --subdomain prints the id, logs the time taken, and makes the core.workspace row and schema', async () => {
    assert.equal(schemaOf(APPLE_ID), APPLE_SCHEMA, 'spec §5.1 worked example');
    assert.equal(schemaOf(YC_ID), YC_SCHEMA, 'spec §5.1 worked example');

    const r = await cli(['create', '--name', 'Apple', '--id', APPLE_ID, '--subdomain', 'apple']);
    okRun(r, 'workspace create');
    assert.equal(r.stdout, `${APPLE_ID}\n`);
    const created = h.parseLogLines(r.stderr).filter((l) => typeof l.msg === 'string' && l.msg.startsWith(`workspace ${APPLE_ID} created`));
    assert.equal(created.length, 1, `one "created" log line in:\n${r.stderr}`);
    assert.match(created[0].msg, new RegExp(`^workspace ${APPLE_ID} created in \\d+(\\.\\d+)? ms$`));
    assert.equal(created[0].level, 'log');

    assert.ok(schemaExists(APPLE_SCHEMA), `schema ${APPLE_SCHEMA} exists`);
    const ws = json(`SELECT json_agg(json_build_object('id', id, 'displayName', "displayName", 'subdomain', subdomain,
        'activationStatus', "activationStatus", 'databaseSchema', "databaseSchema", 'deletedAt', "deletedAt"))
      FROM core.workspace`);
    assert.deepEqual(ws, [{
      id: APPLE_ID, displayName: 'Apple', subdomain: 'apple', activationStatus: 'ACTIVE',
      databaseSchema: APPLE_SCHEMA, deletedAt: null,
    }]);
  });

  it('workspace list shows the workspace', async () => {
    const r = await cli(['list']);
    okRun(r, 'workspace list');
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    assert.equal(lines.length, 1, r.stdout);
    const m = /^(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(.*)$/.exec(lines[0]);
    assert.ok(m, `list line: ${JSON.stringify(lines[0])}`);
    assert.deepEqual(m.slice(1), [APPLE_ID, 'apple', 'ACTIVE', APPLE_SCHEMA, 'Apple']);
  });

  // ---- 2. the workspace schema in pg_catalog ----------------------------------------------------

  it('the schema holds exactly the twelve standard tables', () => {
    const tables = json(`SELECT coalesce(json_agg(relname ORDER BY relname), '[]') FROM pg_class
      WHERE relnamespace = ${inSchema} AND relkind IN ('r', 'p', 'v', 'm', 'f')`);
    assert.deepEqual(tables, sorted(TABLES));
  });

  describe('columns (information_schema.columns) against spec §2/§3', () => {
    let actual;
    before(() => {
      actual = json(`SELECT coalesce(json_agg(json_build_object('table', table_name, 'column', column_name,
          'udt', udt_name, 'udtSchema', udt_schema, 'nullable', is_nullable = 'YES', 'default', column_default,
          'generated', is_generated) ORDER BY table_name, column_name), '[]')
        FROM information_schema.columns WHERE table_schema = '${APPLE_SCHEMA}'`);
    });
    for (const table of TABLES) {
      it(table, () => {
        const expected = COLUMNS[table].map(([column, udt, nullable, dflt]) => {
          const isEnum = udt === 'enum';
          const enumType = `${table}_${column}_enum`;
          return {
            column,
            udt: isEnum ? enumType : udt,
            udtSchema: isEnum ? APPLE_SCHEMA : 'pg_catalog',
            nullable,
            default: dflt && dflt.enum ? `'${dflt.enum}'::${APPLE_SCHEMA}.${qi(enumType)}` : dflt,
            generated: column === 'searchVector' ? 'ALWAYS' : 'NEVER',
          };
        }).sort((a, b) => (a.column < b.column ? -1 : 1));
        const got = actual.filter((c) => c.table === table).map(({ table: _, ...c }) => c);
        assert.equal(new Set(COLUMNS[table].map((c) => c[0])).size, COLUMNS[table].length, 'expected list has no duplicates');
        assert.deepEqual(got, expected);
      });
    }
  });

  it('every table has a primary key on id', () => {
    const pks = json(`SELECT json_agg(json_build_object('table', t.relname, 'columns',
        (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum)) ORDER BY t.relname)
      FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE c.contype = 'p' AND t.relnamespace = ${inSchema}`);
    assert.deepEqual(pks, sorted(TABLES).map((table) => ({ table, columns: ['id'] })));
  });

  it('enum types and their values (§1.1 ACTOR source, §1.3, §3.5, §3.6, §3.9)', () => {
    const got = json(`SELECT coalesce(json_object_agg(t.typname, (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder)
        FROM pg_enum e WHERE e.enumtypid = t.oid)), '{}')
      FROM pg_type t WHERE t.typnamespace = ${inSchema} AND t.typtype = 'e'`);
    const order = (o) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
    assert.deepEqual(order(got), order(ENUMS));
  });

  it('foreign keys: join column -> target table (id), ON DELETE per spec (§1.4, §3)', () => {
    const got = json(`SELECT coalesce(json_agg(json_build_object(
        'table', t.relname,
        'columns', (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum),
        'references', rn.nspname || '.' || rt.relname,
        'refColumns', (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum),
        'onDelete', c.confdeltype)), '[]')
      FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      JOIN pg_class rt ON rt.oid = c.confrelid JOIN pg_namespace rn ON rn.oid = rt.relnamespace
      WHERE c.contype = 'f' AND t.relnamespace = ${inSchema}`);
    const action = { CASCADE: 'c', SET_NULL: 'n', RESTRICT: 'r', NO_ACTION: 'a' };
    const expected = [];
    for (const table of TABLES) {
      for (const f of FIELDS[table]) {
        if (f.relationType !== 'MANY_TO_ONE') continue;
        expected.push({ table, columns: [`${f.name}Id`], references: `${APPLE_SCHEMA}.${f.target}`, refColumns: ['id'], onDelete: action[f.onDelete] });
      }
    }
    const key = (x) => `${x.table}.${x.columns.join(',')}`;
    const sortFk = (l) => [...l].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    assert.deepEqual(sortFk(got), sortFk(expected));
    // The examples the brief names, spelled out.
    const find = (t, c) => got.find((x) => x.table === t && x.columns[0] === c);
    assert.equal(find('company', 'accountOwnerId').onDelete, 'n');
    assert.equal(find('person', 'companyId').onDelete, 'n');
    assert.equal(find('taskTarget', 'targetPersonId').onDelete, 'c');
    assert.equal(find('timelineActivity', 'targetOpportunityId').onDelete, 'n');
  });

  describe('indexes (§7)', () => {
    let got;
    before(() => {
      got = json(`SELECT coalesce(json_agg(json_build_object('table', t.relname, 'name', i.relname,
          'unique', x.indisunique, 'primary', x.indisprimary, 'method', am.amname,
          'columns', (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum),
          'predicate', pg_get_expr(x.indpred, x.indrelid)) ORDER BY t.relname, i.relname), '[]')
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_am am ON am.oid = i.relam WHERE t.relnamespace = ${inSchema}`);
    });

    it('the five named examples of §7', () => {
      const find = (name) => got.find((x) => x.name === name);
      const pick = (x) => x && { table: x.table, columns: x.columns, unique: x.unique, method: x.method, predicate: x.predicate };
      assert.deepEqual(pick(find('IDX_fb1f4905546cfc6d70a971c76f7')),
        { table: 'company', columns: ['searchVector'], unique: false, method: 'gin', predicate: null });
      assert.deepEqual(pick(find('IDX_f719a95179070eac397ba18dc70')),
        { table: 'company', columns: ['accountOwnerId'], unique: false, method: 'btree', predicate: null });
      assert.deepEqual(pick(find('IDX_UNIQUE_2a32339058d0b6910b0834ddf81')),
        { table: 'company', columns: ['domainNamePrimaryLinkUrl'], unique: true, method: 'btree', predicate: null });
      assert.deepEqual(pick(find('IDX_UNIQUE_87914cd3ce963115f8cb943e2ac')),
        { table: 'person', columns: ['emailsPrimaryEmail'], unique: true, method: 'btree', predicate: null });
      assert.deepEqual(pick(find('IDX_ae09ff97967369e0644bacc0fce')),
        { table: 'person', columns: ['companyId'], unique: false, method: 'btree', predicate: null });
    });

    for (const table of TABLES) {
      it(`${table}: every index, named by the §7 rule`, () => {
        const expected = INDEXES[table].map((x) => ({
          name: indexName(table, x.tokens, x.unique), unique: x.unique, method: x.method, columns: x.columns, predicate: null,
        })).concat([{ name: `${table}_pkey`, unique: true, method: 'btree', columns: ['id'], predicate: null }]).sort(byName);
        const actual = got.filter((x) => x.table === table).map(({ name, unique, method, columns, predicate }) =>
          ({ name, unique, method, columns, predicate })).sort(byName);
        assert.deepEqual(actual, expected);
      });
    }

    it('every foreign-key column leads an index; every searchVector has a GIN index', () => {
      const fkCols = json(`SELECT coalesce(json_agg(json_build_object('table', t.relname, 'column', a.attname)), '[]')
        FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'f' AND t.relnamespace = ${inSchema}`);
      assert.ok(fkCols.length > 0);
      for (const fk of fkCols) {
        assert.ok(got.some((x) => x.table === fk.table && x.columns[0] === fk.column && x.method === 'btree'),
          `no index on ${fk.table}.${fk.column}`);
      }
      for (const table of TABLES) {
        assert.ok(got.some((x) => x.table === table && x.method === 'gin' && x.columns.length === 1 && x.columns[0] === 'searchVector'),
          `no GIN index on ${table}.searchVector`);
      }
    });
  });

  describe('searchVector (§8, without unaccent)', () => {
    it('every searchVector is a STORED generated tsvector over to_tsvector(\'simple\', ...)', () => {
      const got = json(`SELECT json_agg(json_build_object('table', c.relname, 'type', format_type(a.atttypid, a.atttypmod),
          'generated', a.attgenerated, 'notNull', a.attnotnull, 'expr', pg_get_expr(d.adbin, d.adrelid)) ORDER BY c.relname)
        FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'searchVector'
        LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
        WHERE c.relnamespace = ${inSchema} AND c.relkind = 'r'`);
      assert.deepEqual(got.map((x) => x.table), sorted(TABLES));
      for (const x of got) {
        assert.deepEqual({ type: x.type, generated: x.generated, notNull: x.notNull }, { type: 'tsvector', generated: 's', notNull: false }, x.table);
        assert.ok(x.expr.startsWith("to_tsvector('simple'::regconfig, "), `${x.table}: ${x.expr}`);
        assert.ok(!/unaccent/.test(x.expr), `${x.table}: the test role has no unaccent: ${x.expr}`);
      }
    });

    it('company: information_schema generation_expression names name and domainName', () => {
      const expr = sql(`SELECT generation_expression FROM information_schema.columns
        WHERE table_schema = '${APPLE_SCHEMA}' AND table_name = 'company' AND column_name = 'searchVector'`).trim();
      assert.ok(expr.includes("to_tsvector('simple'"), expr);
      for (const c of ['name', '"domainNamePrimaryLinkLabel"', '"domainNamePrimaryLinkUrl"']) {
        assert.ok(expr.includes(`COALESCE(${c}, ''::text)`), `${c} in ${expr}`);
      }
    });

    it('the expression is the §8 expression, term for term', () => {
      // PostgreSQL prints both the same way when they are the same expression: add the expected
      // one to a temp copy of each table and compare the deparsed texts.
      const tables = Object.keys(SEARCH);
      const stmts = tables.map((t, i) => `CREATE TEMP TABLE tc_expect_${i} (LIKE ${APPLE_SCHEMA}.${qi(t)});
        ALTER TABLE tc_expect_${i} ADD COLUMN "tcExpected" tsvector GENERATED ALWAYS AS (${searchExpression(SEARCH[t])}) STORED;`);
      const select = tables.map((t, i) => `SELECT '${t}' AS t, 'expected' AS k, pg_get_expr(d.adbin, d.adrelid) AS e
          FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
          WHERE d.adrelid = 'tc_expect_${i}'::regclass AND a.attname = 'tcExpected'
        UNION ALL SELECT '${t}', 'actual', pg_get_expr(d.adbin, d.adrelid)
          FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
          WHERE d.adrelid = '${APPLE_SCHEMA}.${qi(t)}'::regclass AND a.attname = 'searchVector'`).join('\nUNION ALL ');
      const rows = json(`${stmts.join('\n')}
        SELECT json_agg(json_build_object('t', t, 'k', k, 'e', e)) FROM (${select}) s`);
      for (const t of tables) {
        const e = (k) => (rows.find((r) => r.t === t && r.k === k) || {}).e;
        assert.ok(typeof e('expected') === 'string' && e('expected').startsWith('to_tsvector('), `${t}: ${e('expected')}`);
        assert.equal(e('actual'), e('expected'), `${t}.searchVector`);
      }
    });

    it('each searchVector reads exactly the columns §8 lists (junctions: id)', () => {
      const got = json(`SELECT json_object_agg(c.relname, (SELECT coalesce(json_agg(ra.attname ORDER BY ra.attname), '[]')
          FROM pg_depend dep JOIN pg_attribute ra ON ra.attrelid = dep.refobjid AND ra.attnum = dep.refobjsubid
          WHERE dep.classid = 'pg_attrdef'::regclass AND dep.objid = d.oid AND dep.refclassid = 'pg_class'::regclass
            AND dep.refobjid = c.oid AND dep.refobjsubid > 0 AND dep.refobjsubid <> a.attnum))
        FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'searchVector'
        JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
        WHERE c.relnamespace = ${inSchema} AND c.relkind = 'r'`);
      const pick = (m) => Object.fromEntries(Object.keys(SEARCH_COLUMNS).sort().map((t) => [t, m[t]]));
      assert.deepEqual(pick(got), pick(Object.fromEntries(Object.entries(SEARCH_COLUMNS).map(([t, c]) => [t, sorted(c)]))));
    });
  });

  // ---- 3. metadata rows -------------------------------------------------------------------------

  describe('metadata rows (§3.1, §4.1-§4.3)', () => {
    let objects;
    let fields;
    let indexes;
    let indexFields;
    let pgIndexes;
    const objectById = (id) => objects.find((o) => o.id === id);
    const fieldById = (id) => fields.find((f) => f.id === id);
    const fieldsOf = (o) => fields.filter((f) => f.objectMetadataId === o.id);

    before(() => {
      objects = json(`SELECT json_agg(row_to_json(o)) FROM core."objectMetadata" o WHERE "workspaceId" = '${APPLE_ID}'`);
      fields = json(`SELECT json_agg(row_to_json(f)) FROM core."fieldMetadata" f WHERE "workspaceId" = '${APPLE_ID}'`);
      indexes = json(`SELECT json_agg(row_to_json(i)) FROM core."indexMetadata" i WHERE "workspaceId" = '${APPLE_ID}'`);
      indexFields = json(`SELECT coalesce(json_agg(row_to_json(x)), '[]') FROM core."indexFieldMetadata" x
        JOIN core."indexMetadata" i ON i.id = x."indexMetadataId" WHERE i."workspaceId" = '${APPLE_ID}'`);
      pgIndexes = json(`SELECT json_agg(json_build_object('table', t.relname, 'name', i.relname, 'unique', x.indisunique,
          'method', am.amname, 'columns', (SELECT json_agg(a.attname ORDER BY k.ord)
            FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum)))
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_am am ON am.oid = i.relam WHERE t.relnamespace = ${inSchema} AND NOT x.indisprimary`);
    });

    it('twelve objectMetadata rows as §3.1 lists them', () => {
      const got = objects.map((o) => {
        const label = fieldById(o.labelIdentifierFieldMetadataId);
        return {
          nameSingular: o.nameSingular, namePlural: o.namePlural, labelSingular: o.labelSingular, labelPlural: o.labelPlural,
          labelIdentifier: label && label.objectMetadataId === o.id ? label.name : `(not a field of ${o.nameSingular})`,
          isSystem: o.isSystem, isSearchable: o.isSearchable, shortcut: o.shortcut, duplicateCriteria: o.duplicateCriteria,
          isAuditLogged: o.isAuditLogged,
          universalIdentifier: o.nameSingular === 'workspaceMember' && UUID_RE.test(o.universalIdentifier || '') ? null : o.universalIdentifier,
        };
      }).sort((a, b) => (a.nameSingular < b.nameSingular ? -1 : 1));
      const expected = [...OBJECTS].sort((a, b) => (a.nameSingular < b.nameSingular ? -1 : 1));
      assert.deepEqual(got, expected);
      for (const o of objects) {
        assert.deepEqual({ isCustom: o.isCustom, isActive: o.isActive, isRemote: o.isRemote, workspaceId: o.workspaceId },
          { isCustom: false, isActive: true, isRemote: false, workspaceId: APPLE_ID }, o.nameSingular);
      }
    });

    for (const table of TABLES) {
      it(`${table}: fieldMetadata rows (names, types, relations) as §2/§3 list them`, () => {
        const o = objects.find((x) => x.nameSingular === table);
        assert.ok(o, `objectMetadata row for ${table}`);
        const got = fieldsOf(o).map((f) => {
          const r = { name: f.name, type: f.type };
          if (f.type === 'RELATION' || f.type === 'MORPH_RELATION') {
            const s = f.settings || {};
            const tgtObj = objectById(f.relationTargetObjectMetadataId);
            const tgtField = fieldById(f.relationTargetFieldMetadataId);
            r.relationType = s.relationType;
            r.target = tgtObj ? tgtObj.nameSingular : null;
            r.inverse = tgtField ? tgtField.name : null;
            if (s.relationType === 'MANY_TO_ONE') r.onDelete = s.onDelete;
            if (f.type === 'MORPH_RELATION') r.morphId = f.morphId;
          }
          return r;
        }).sort(byName);
        const expected = FIELDS[table].map((f) => ({ ...f })).sort(byName);
        assert.equal(new Set(expected.map((f) => f.name)).size, expected.length, 'expected list has no duplicates');
        assert.deepEqual(got, expected);

        for (const f of fieldsOf(o)) {
          assert.equal(f.isCustom, false, `${table}.${f.name} isCustom`);
          assert.equal(f.workspaceId, APPLE_ID);
          if (f.settings && f.settings.relationType === 'MANY_TO_ONE') {
            assert.equal(f.settings.joinColumnName, `${f.name}Id`, `${table}.${f.name} joinColumnName (§1.4)`);
          }
        }
        const isSystem = Object.fromEntries(fieldsOf(o).map((f) => [f.name, f.isSystem]));
        for (const [name, v] of [['id', true], ['createdAt', false], ['updatedAt', false], ['deletedAt', false],
          ['createdBy', false], ['updatedBy', false], ['position', true], ['searchVector', true],
          ...(SYSTEM_FIELDS[table] || []).map((n) => [n, true])]) {
          assert.equal(isSystem[name], v, `${table}.${name} isSystem`);
        }
      });
    }

    it('every column of every table is accounted for by exactly one fieldMetadata row', () => {
      const actual = json(`SELECT json_object_agg(table_name, cols) FROM (SELECT table_name,
          json_agg(json_build_object('column', column_name, 'nullable', is_nullable = 'YES') ORDER BY column_name) AS cols
        FROM information_schema.columns WHERE table_schema = '${APPLE_SCHEMA}' GROUP BY table_name) s`);
      for (const table of TABLES) {
        const o = objects.find((x) => x.nameSingular === table);
        const mapped = fieldsOf(o).flatMap(columnsOfField);
        assert.equal(new Set(mapped).size, mapped.length, `${table}: two fields claim one column: ${mapped}`);
        assert.deepEqual(sorted(mapped), actual[table].map((c) => c.column), `${table}: fields vs columns`);
        // Nullability agrees with the field (§1.1: sub-column nullable = parent nullable or not required).
        const nullable = Object.fromEntries(actual[table].map((c) => [c.column, c.nullable]));
        for (const f of fieldsOf(o)) {
          if (f.type === 'RELATION' || f.type === 'MORPH_RELATION') {
            for (const c of columnsOfField(f)) assert.equal(nullable[c], true, `${table}.${c} (join column) is nullable`);
          } else if (COMPOSITES[f.type]) {
            for (const sub of COMPOSITES[f.type]) {
              const want = f.isNullable || !(REQUIRED_SUBFIELDS[f.type] || []).includes(sub);
              assert.equal(nullable[f.name + cap(sub)], want, `${table}.${f.name + cap(sub)} nullable`);
            }
          } else if (f.type !== 'TS_VECTOR') {
            assert.equal(nullable[f.name], f.isNullable, `${table}.${f.name}: isNullable ${f.isNullable}`);
          }
        }
      }
    });

    it('every relation field points at a field that points back (§1.4)', () => {
      const relations = fields.filter((f) => f.type === 'RELATION' || f.type === 'MORPH_RELATION');
      assert.ok(relations.length > 0);
      for (const f of relations) {
        const o = objectById(f.objectMetadataId);
        const what = `${o.nameSingular}.${f.name}`;
        const t = fieldById(f.relationTargetFieldMetadataId);
        assert.ok(t, `${what}: relationTargetFieldMetadataId ${f.relationTargetFieldMetadataId} is a field of the workspace`);
        assert.equal(t.objectMetadataId, f.relationTargetObjectMetadataId, `${what}: the target field belongs to the target object`);
        assert.equal(t.relationTargetFieldMetadataId, f.id, `${what}: ${t.name} points back`);
        assert.equal(t.relationTargetObjectMetadataId, f.objectMetadataId, `${what}: ${t.name} targets ${o.nameSingular}`);
        const types = sorted([f.settings.relationType, t.settings.relationType]);
        assert.deepEqual(types, ['MANY_TO_ONE', 'ONE_TO_MANY'], `${what}: one side of each pair owns the join column`);
      }
    });

    it('stored defaults, options and settings (§1.2, §1.3, §3.5, §3.6, §4.2, §8)', () => {
      const field = (table, name) => {
        const o = objects.find((x) => x.nameSingular === table);
        return fields.find((f) => f.objectMetadataId === o.id && f.name === name);
      };
      const actorDefault = { source: "'MANUAL'", name: "'System'", workspaceMemberId: null };
      for (const table of TABLES) {
        assert.equal(field(table, 'id').defaultValue, 'uuid', `${table}.id`);
        assert.equal(field(table, 'createdAt').defaultValue, 'now', `${table}.createdAt`);
        assert.deepEqual(field(table, 'createdBy').defaultValue, actorDefault, `${table}.createdBy`);
        assert.deepEqual(field(table, 'updatedBy').defaultValue, actorDefault, `${table}.updatedBy`);
        assert.equal(field(table, 'position').defaultValue, 0, `${table}.position`);
        const sv = field(table, 'searchVector');
        assert.equal(sv.settings.generatedType, 'STORED', `${table}.searchVector settings`);
        assert.ok(sv.settings.asExpression.startsWith("to_tsvector('simple', "), `${table}.searchVector asExpression`);
      }
      for (const [table, expr] of Object.entries(SEARCH)) {
        assert.equal(field(table, 'searchVector').settings.asExpression, searchExpression(expr), `${table} asExpression`);
      }
      assert.equal(field('opportunity', 'stage').defaultValue, "'NEW'");
      assert.equal(field('task', 'status').defaultValue, "'TODO'");
      assert.equal(field('company', 'idealCustomerProfile').defaultValue, false);
      assert.equal(field('workspaceMember', 'colorScheme').defaultValue, "'System'");
      assert.equal(field('workspaceMember', 'locale').defaultValue, "'en'");
      assert.equal(field('workspaceMember', 'calendarStartDay').defaultValue, 7);
      assert.equal(field('workspaceMember', 'dateFormat').defaultValue, "'SYSTEM'");
      const options = (table, name) => field(table, name).options.map(({ id, ...rest }) => {
        assert.match(id, UUID_RE, `${table}.${name} option id`);
        return [rest.value, rest.position, rest.color];
      });
      assert.deepEqual(options('opportunity', 'stage'), [['NEW', 0, 'red'], ['SCREENING', 1, 'purple'],
        ['MEETING', 2, 'sky'], ['PROPOSAL', 3, 'turquoise'], ['CUSTOMER', 4, 'yellow']]);
      assert.deepEqual(options('task', 'status'), [['TODO', 0, 'sky'], ['IN_PROGRESS', 1, 'purple'], ['DONE', 2, 'green']]);
      const unique = fields.filter((f) => f.isUnique).map((f) => `${objectById(f.objectMetadataId).nameSingular}.${f.name}`);
      assert.deepEqual(sorted(unique.filter((n) => !n.endsWith('.id'))),
        ['company.domainName', 'person.emails', 'workspaceMember.userEmail']);
    });

    it('indexMetadata rows are the real indexes, field for column', () => {
      assert.deepEqual(sorted(indexes.map((x) => x.name)), sorted(pgIndexes.map((x) => x.name)));
      for (const x of indexes) {
        const pg = pgIndexes.find((p) => p.name === x.name);
        const o = objectById(x.objectMetadataId);
        const cols = indexFields.filter((f) => f.indexMetadataId === x.id).sort((a, b) => a.order - b.order)
          .map((f) => {
            const fm = fieldById(f.fieldMetadataId);
            assert.equal(fm.objectMetadataId, x.objectMetadataId, `${x.name}: field of another object`);
            return UNIQUE_SUBFIELD[fm.type] ? fm.name + cap(UNIQUE_SUBFIELD[fm.type]) : columnsOfField(fm)[0];
          });
        assert.deepEqual({ table: o.nameSingular, unique: x.isUnique, type: x.indexType, where: x.indexWhereClause, columns: cols },
          { table: pg.table, unique: pg.unique, type: pg.method.toUpperCase(), where: null, columns: pg.columns }, x.name);
      }
    });

    it('one workspaceMigration row with the DDL', () => {
      const rows = json(`SELECT json_agg(json_build_object('name', name, 'statements', statements))
        FROM core."workspaceMigration" WHERE "workspaceId" = '${APPLE_ID}'`);
      assert.equal(rows.length, 1);
      assert.equal(rows[0].name, 'create workspace');
      const st = rows[0].statements;
      assert.ok(Array.isArray(st) && st.length > 0, 'statements is a non-empty array');
      assert.ok(st.every((s) => typeof s === 'string' && s.length > 0));
      assert.ok(st.some((s) => new RegExp(`^CREATE SCHEMA "?${APPLE_SCHEMA}"?$`).test(s)), 'a CREATE SCHEMA statement');
      for (const t of TABLES) {
        assert.ok(st.some((s) => s.startsWith(`CREATE TABLE "${APPLE_SCHEMA}"."${t}" (`)), `CREATE TABLE for ${t}`);
      }
    });
  });

  // ---- 4. conflicts -----------------------------------------------------------------------------

  it('a second create with the same id fails and changes nothing', async () => {
    const before = counts();
    const r = await cli(['create', '--name', 'Apple again', '--id', APPLE_ID, '--subdomain', 'apple-again']);
    assert.equal(h.sanitizerReport(r.stderr), '');
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, '');
    assert.deepEqual(errorLines(r.stderr), ['twentyc: A workspace with this id or subdomain already exists']);
    assert.deepEqual(counts(), before);
  });

  it('a create with a taken subdomain fails and makes no schema', async () => {
    const before = counts();
    const r = await cli(['create', '--name', 'YC', '--id', YC_ID, '--subdomain', 'apple']);
    assert.equal(h.sanitizerReport(r.stderr), '');
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, '');
    assert.deepEqual(errorLines(r.stderr), ['twentyc: A workspace with this id or subdomain already exists']);
    assert.equal(schemaExists(YC_SCHEMA), false);
    assert.deepEqual(counts(), before);
  });

  // ---- 6. concurrency ---------------------------------------------------------------------------

  const concurrent = [];
  it('two creates at once both succeed, with distinct ids and schemas', async () => {
    const appleRows = metadataRows(APPLE_ID);
    const [a, b] = await Promise.all([
      cli(['create', '--name', 'Concurrent A']),
      cli(['create', '--name', 'Concurrent B']),
    ]);
    okRun(a, 'create A');
    okRun(b, 'create B');
    const ids = [a.stdout.trim(), b.stdout.trim()];
    for (const id of ids) assert.match(id, UUID_RE);
    assert.notEqual(ids[0], ids[1]);
    concurrent.push(...ids);
    const rows = json(`SELECT json_agg(json_build_object('id', id, 'displayName', "displayName", 'subdomain', subdomain,
        'databaseSchema', "databaseSchema", 'activationStatus', "activationStatus") ORDER BY "displayName")
      FROM core.workspace WHERE id IN ('${ids[0]}', '${ids[1]}')`);
    assert.deepEqual(rows, [
      { id: ids[0], displayName: 'Concurrent A', subdomain: 'concurrent-a', databaseSchema: schemaOf(ids[0]), activationStatus: 'ACTIVE' },
      { id: ids[1], displayName: 'Concurrent B', subdomain: 'concurrent-b', databaseSchema: schemaOf(ids[1]), activationStatus: 'ACTIVE' },
    ]);
    for (const id of ids) {
      const tables = json(`SELECT coalesce(json_agg(relname ORDER BY relname), '[]') FROM pg_class
        WHERE relnamespace = '${schemaOf(id)}'::regnamespace AND relkind = 'r'`);
      assert.deepEqual(tables, sorted(TABLES), `tables of ${schemaOf(id)}`);
      assert.deepEqual(metadataRows(id), appleRows, `metadata rows of ${id} as many as Apple's`);
    }
  });

  // ---- 7. argument errors -----------------------------------------------------------------------

  it('a malformed --id is refused with a message and creates nothing', async () => {
    const before = counts();
    const r = await cli(['create', '--name', 'Bad', '--id', 'nope']);
    assert.equal(h.sanitizerReport(r.stderr), '');
    assert.ok(r.code === 1 || r.code === 2, `exit ${r.code}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    const errs = errorLines(r.stderr);
    assert.equal(errs.length, 1, r.stderr);
    assert.match(errs[0], /nope/);
    assert.deepEqual(counts(), before);
  });

  it('create without --name is a usage error (exit 2)', async () => {
    const before = counts();
    const r = await cli(['create', '--id', YC_ID]);
    assert.equal(h.sanitizerReport(r.stderr), '');
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^twentyc: usage: twentyc workspace create --name NAME/m);
    assert.deepEqual(counts(), before);
  });

  // ---- 5. delete --------------------------------------------------------------------------------

  it('delete drops the schema and every metadata row of the workspace, and only those', async () => {
    const others = concurrent.map((id) => [id, metadataRows(id)]);
    const r = await cli(['delete', APPLE_ID]);
    okRun(r, 'workspace delete');
    assert.equal(schemaExists(APPLE_SCHEMA), false, 'schema dropped');
    assert.equal(sql(`SELECT count(*) FROM core.workspace WHERE id = '${APPLE_ID}'`).trim(), '0');
    assert.deepEqual(metadataRows(APPLE_ID), { objects: 0, fields: 0, indexes: 0, indexFields: 0, migrations: 0 });
    assert.equal(sql(`SELECT count(*) FROM pg_type WHERE typname LIKE '%createdBySource_enum' AND typnamespace NOT IN
      (SELECT oid FROM pg_namespace WHERE nspname IN (${concurrent.map((id) => `'${schemaOf(id)}'`).join(', ')}))`).trim(), '0',
    'no enum type left behind');
    for (const [id, rows] of others) {
      assert.ok(schemaExists(schemaOf(id)), `${schemaOf(id)} untouched`);
      assert.deepEqual(metadataRows(id), rows, `metadata of ${id} untouched`);
    }
    const list = await cli(['list']);
    okRun(list, 'workspace list');
    assert.deepEqual(list.stdout.split('\n').filter((l) => l !== '').map((l) => l.split(/\s+/)[0]).sort(), sorted(concurrent));
  });

  it('deleting it again fails with exit 1', async () => {
    const r = await cli(['delete', APPLE_ID]);
    assert.equal(h.sanitizerReport(r.stderr), '');
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(errorLines(r.stderr), [`twentyc: Workspace ${APPLE_ID} not found`]);
  });
});

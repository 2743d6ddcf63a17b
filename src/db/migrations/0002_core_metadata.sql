-- twentyc core schema, version 2: object, field and index metadata, the applied-DDL log and API
-- keys (spec/twenty-datamodel.md §4.1-§4.3, §4.8; DESIGN.md §5). Column names and constraint names
-- are Twenty's. twentyc keeps isCustom (dropped by Twenty 2.12, where "custom" means "not owned by
-- the standard application": twentyc has no applications) and uses Twenty's newest isUIEditable /
-- isUICreatable instead of isUIReadOnly.

CREATE TABLE "objectMetadata" (
    "id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "standardId" uuid,
    "dataSourceId" uuid,
    "nameSingular" character varying NOT NULL,
    "namePlural" character varying NOT NULL,
    "labelSingular" character varying NOT NULL,
    "labelPlural" character varying NOT NULL,
    "description" text,
    "icon" character varying,
    "color" text,
    "standardOverrides" jsonb,
    "targetTableName" character varying NOT NULL,
    "isCustom" boolean NOT NULL DEFAULT false,
    "isRemote" boolean NOT NULL DEFAULT false,
    "isActive" boolean NOT NULL DEFAULT false,
    "isSystem" boolean NOT NULL DEFAULT false,
    "isUIEditable" boolean NOT NULL DEFAULT true,
    "isUICreatable" boolean NOT NULL DEFAULT true,
    "isAuditLogged" boolean NOT NULL DEFAULT true,
    "isSearchable" boolean NOT NULL DEFAULT false,
    "duplicateCriteria" jsonb,
    "shortcut" character varying,
    "labelIdentifierFieldMetadataId" uuid,
    "imageIdentifierFieldMetadataId" uuid,
    "isLabelSyncedWithName" boolean NOT NULL DEFAULT false,
    "workspaceId" uuid NOT NULL,
    "universalIdentifier" uuid,
    "applicationId" uuid,
    "createdAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "PK_objectMetadata" PRIMARY KEY ("id"),
    CONSTRAINT "IDX_OBJECT_METADATA_NAME_SINGULAR_WORKSPACE_ID_UNIQUE" UNIQUE ("nameSingular", "workspaceId"),
    CONSTRAINT "IDX_OBJECT_METADATA_NAME_PLURAL_WORKSPACE_ID_UNIQUE" UNIQUE ("namePlural", "workspaceId"),
    CONSTRAINT "FK_objectMetadata_workspace" FOREIGN KEY ("workspaceId")
        REFERENCES "workspace" ("id") ON DELETE CASCADE
);
CREATE INDEX "IDX_objectMetadata_workspaceId" ON "objectMetadata" ("workspaceId");

CREATE TABLE "fieldMetadata" (
    "id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "standardId" uuid,
    "objectMetadataId" uuid NOT NULL,
    "type" character varying NOT NULL,
    "name" character varying NOT NULL,
    "label" character varying NOT NULL,
    "defaultValue" jsonb,
    "description" text,
    "icon" character varying,
    "standardOverrides" jsonb,
    "options" jsonb,
    "settings" jsonb,
    "isCustom" boolean NOT NULL DEFAULT false,
    "isActive" boolean NOT NULL DEFAULT false,
    "isSystem" boolean NOT NULL DEFAULT false,
    "isUIEditable" boolean NOT NULL DEFAULT true,
    "isNullable" boolean DEFAULT true,
    "isUnique" boolean DEFAULT false,
    "isLabelSyncedWithName" boolean NOT NULL DEFAULT false,
    "relationTargetFieldMetadataId" uuid,
    "relationTargetObjectMetadataId" uuid,
    "morphId" uuid,
    "workspaceId" uuid NOT NULL,
    "universalIdentifier" uuid,
    "applicationId" uuid,
    "createdAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "PK_fieldMetadata" PRIMARY KEY ("id"),
    CONSTRAINT "IDX_FIELD_METADATA_NAME_OBJECT_METADATA_ID_WORKSPACE_ID_UNIQUE"
        UNIQUE ("name", "objectMetadataId", "workspaceId"),
    CONSTRAINT "UQ_fieldMetadata_relationTargetFieldMetadataId" UNIQUE ("relationTargetFieldMetadataId"),
    CONSTRAINT "CHK_FIELD_METADATA_MORPH_RELATION_REQUIRES_MORPH_ID"
        CHECK ("type" <> 'MORPH_RELATION' OR "morphId" IS NOT NULL),
    CONSTRAINT "FK_fieldMetadata_objectMetadata" FOREIGN KEY ("objectMetadataId")
        REFERENCES "objectMetadata" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_fieldMetadata_relationTargetFieldMetadata" FOREIGN KEY ("relationTargetFieldMetadataId")
        REFERENCES "fieldMetadata" ("id") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT "FK_fieldMetadata_relationTargetObjectMetadata" FOREIGN KEY ("relationTargetObjectMetadataId")
        REFERENCES "objectMetadata" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_fieldMetadata_workspace" FOREIGN KEY ("workspaceId")
        REFERENCES "workspace" ("id") ON DELETE CASCADE
);
CREATE INDEX "IDX_fieldMetadata_objectMetadataId" ON "fieldMetadata" ("objectMetadataId");
CREATE INDEX "IDX_fieldMetadata_workspaceId" ON "fieldMetadata" ("workspaceId");
CREATE INDEX "IDX_fieldMetadata_relationTargetObjectMetadataId" ON "fieldMetadata" ("relationTargetObjectMetadataId");

CREATE TYPE "indexMetadata_indextype_enum" AS ENUM ('BTREE', 'GIN');

CREATE TABLE "indexMetadata" (
    "id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "name" character varying NOT NULL,
    "workspaceId" uuid NOT NULL,
    "objectMetadataId" uuid NOT NULL,
    "isCustom" boolean NOT NULL DEFAULT false,
    "isUnique" boolean NOT NULL DEFAULT false,
    "indexWhereClause" text,
    "indexType" "indexMetadata_indextype_enum" NOT NULL DEFAULT 'BTREE',
    "universalIdentifier" uuid,
    "applicationId" uuid,
    "createdAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "PK_indexMetadata" PRIMARY KEY ("id"),
    CONSTRAINT "IDX_INDEX_METADATA_NAME_WORKSPACE_ID_OBJECT_METADATA_ID_UNIQUE"
        UNIQUE ("name", "workspaceId", "objectMetadataId"),
    CONSTRAINT "FK_indexMetadata_objectMetadata" FOREIGN KEY ("objectMetadataId")
        REFERENCES "objectMetadata" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_indexMetadata_workspace" FOREIGN KEY ("workspaceId")
        REFERENCES "workspace" ("id") ON DELETE CASCADE
);
CREATE INDEX "IDX_indexMetadata_objectMetadataId" ON "indexMetadata" ("objectMetadataId");

CREATE TABLE "indexFieldMetadata" (
    "id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "indexMetadataId" uuid NOT NULL,
    "fieldMetadataId" uuid NOT NULL,
    "order" integer NOT NULL,
    "createdAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "PK_indexFieldMetadata" PRIMARY KEY ("id"),
    CONSTRAINT "FK_indexFieldMetadata_indexMetadata" FOREIGN KEY ("indexMetadataId")
        REFERENCES "indexMetadata" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_indexFieldMetadata_fieldMetadata" FOREIGN KEY ("fieldMetadataId")
        REFERENCES "fieldMetadata" ("id") ON DELETE CASCADE
);
CREATE INDEX "IDX_indexFieldMetadata_indexMetadataId" ON "indexFieldMetadata" ("indexMetadataId");
CREATE INDEX "IDX_indexFieldMetadata_fieldMetadataId" ON "indexFieldMetadata" ("fieldMetadataId");

-- twentyc's log of the DDL applied to each workspace schema, one row per metadata change
-- (Twenty dropped its own workspaceMigration table; this one has twentyc's shape).
CREATE TABLE "workspaceMigration" (
    "id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "workspaceId" uuid NOT NULL,
    "name" character varying NOT NULL,
    "statements" jsonb NOT NULL,
    "appliedAt" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "PK_workspaceMigration" PRIMARY KEY ("id"),
    CONSTRAINT "FK_workspaceMigration_workspace" FOREIGN KEY ("workspaceId")
        REFERENCES "workspace" ("id") ON DELETE CASCADE
);
CREATE INDEX "IDX_workspaceMigration_workspaceId" ON "workspaceMigration" ("workspaceId", "appliedAt");

CREATE TABLE "apiKey" (
    "id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "name" character varying NOT NULL,
    "expiresAt" timestamptz NOT NULL,
    "revokedAt" timestamptz,
    "workspaceId" uuid NOT NULL,
    "createdAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now(),
    "deletedAt" timestamptz,
    CONSTRAINT "PK_apiKey" PRIMARY KEY ("id"),
    CONSTRAINT "FK_apiKey_workspace" FOREIGN KEY ("workspaceId")
        REFERENCES "workspace" ("id") ON DELETE CASCADE
);
CREATE INDEX "IDX_apiKey_workspaceId" ON "apiKey" ("workspaceId");

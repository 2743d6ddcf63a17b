-- twentyc core schema, version 4: users, their workspaces and tokens, roles and permissions
-- (spec/twenty-datamodel.md §4.6, §4.9, §6). Existing workspaces get the standard roles, Member
-- as their default role, and their API keys the Admin role; then Twenty's CHECK that an active
-- workspace has a default role is added.

CREATE TABLE "user" (
    "id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "firstName" character varying NOT NULL DEFAULT '',
    "lastName" character varying NOT NULL DEFAULT '',
    "email" character varying NOT NULL,
    "defaultAvatarUrl" character varying,
    "isEmailVerified" boolean NOT NULL DEFAULT false,
    "disabled" boolean NOT NULL DEFAULT false,
    "passwordHash" character varying,
    "canImpersonate" boolean NOT NULL DEFAULT false,
    "canAccessFullAdminPanel" boolean NOT NULL DEFAULT false,
    "locale" character varying NOT NULL DEFAULT 'en',
    "createdAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now(),
    "deletedAt" timestamptz,
    CONSTRAINT "PK_user" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "UQ_USER_EMAIL" ON "user" ("email") WHERE "deletedAt" IS NULL;

CREATE TABLE "userWorkspace" (
    "id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "userId" uuid NOT NULL,
    "workspaceId" uuid NOT NULL,
    "defaultAvatarUrl" character varying,
    "locale" character varying NOT NULL DEFAULT 'en',
    "createdAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now(),
    "deletedAt" timestamptz,
    CONSTRAINT "PK_userWorkspace" PRIMARY KEY ("id"),
    CONSTRAINT "FK_userWorkspace_user" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_userWorkspace_workspace" FOREIGN KEY ("workspaceId")
        REFERENCES "workspace" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "IDX_USER_WORKSPACE_USER_ID_WORKSPACE_ID_UNIQUE"
    ON "userWorkspace" ("userId", "workspaceId") WHERE "deletedAt" IS NULL;
CREATE INDEX "IDX_userWorkspace_workspaceId" ON "userWorkspace" ("workspaceId");

CREATE TABLE "appToken" (
    "id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "userId" uuid,
    "workspaceId" uuid,
    "type" text NOT NULL DEFAULT 'REFRESH_TOKEN',
    "value" text,
    "expiresAt" timestamptz NOT NULL,
    "deletedAt" timestamptz,
    "revokedAt" timestamptz,
    "context" jsonb,
    "createdAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "PK_appToken" PRIMARY KEY ("id"),
    CONSTRAINT "FK_appToken_user" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_appToken_workspace" FOREIGN KEY ("workspaceId")
        REFERENCES "workspace" ("id") ON DELETE CASCADE
);
CREATE INDEX "IDX_appToken_userId" ON "appToken" ("userId");

CREATE TYPE "twoFactorAuthenticationMethod_status_enum" AS ENUM ('PENDING', 'VERIFIED');
CREATE TYPE "twoFactorAuthenticationMethod_strategy_enum" AS ENUM ('TOTP');
CREATE TABLE "twoFactorAuthenticationMethod" (
    "id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "userWorkspaceId" uuid NOT NULL,
    "secret" text NOT NULL,
    "status" "twoFactorAuthenticationMethod_status_enum" NOT NULL DEFAULT 'PENDING',
    "strategy" "twoFactorAuthenticationMethod_strategy_enum" NOT NULL DEFAULT 'TOTP',
    "createdAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now(),
    "deletedAt" timestamptz,
    CONSTRAINT "PK_twoFactorAuthenticationMethod" PRIMARY KEY ("id"),
    CONSTRAINT "IDX_2FA_USER_WORKSPACE_ID_STRATEGY_UNIQUE" UNIQUE ("userWorkspaceId", "strategy"),
    CONSTRAINT "FK_twoFactorAuthenticationMethod_userWorkspace" FOREIGN KEY ("userWorkspaceId")
        REFERENCES "userWorkspace" ("id") ON DELETE CASCADE
);

CREATE TABLE "role" (
    "id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "standardId" uuid,
    "label" character varying NOT NULL,
    "description" text,
    "icon" character varying,
    "canUpdateAllSettings" boolean NOT NULL DEFAULT false,
    "canAccessAllTools" boolean NOT NULL DEFAULT false,
    "canReadAllObjectRecords" boolean NOT NULL DEFAULT false,
    "canUpdateAllObjectRecords" boolean NOT NULL DEFAULT false,
    "canSoftDeleteAllObjectRecords" boolean NOT NULL DEFAULT false,
    "canDestroyAllObjectRecords" boolean NOT NULL DEFAULT false,
    "isEditable" boolean NOT NULL DEFAULT true,
    "canBeAssignedToUsers" boolean NOT NULL DEFAULT true,
    "canBeAssignedToAgents" boolean NOT NULL DEFAULT true,
    "canBeAssignedToApiKeys" boolean NOT NULL DEFAULT true,
    "workspaceId" uuid NOT NULL,
    "universalIdentifier" uuid,
    "applicationId" uuid,
    "createdAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "PK_role" PRIMARY KEY ("id"),
    CONSTRAINT "IDX_ROLE_LABEL_WORKSPACE_ID_UNIQUE" UNIQUE ("label", "workspaceId"),
    CONSTRAINT "FK_role_workspace" FOREIGN KEY ("workspaceId") REFERENCES "workspace" ("id") ON DELETE CASCADE
);

CREATE TABLE "roleTarget" (
    "id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "roleId" uuid NOT NULL,
    "userWorkspaceId" uuid,
    "agentId" uuid,
    "apiKeyId" uuid,
    "workspaceId" uuid NOT NULL,
    "createdAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "PK_roleTarget" PRIMARY KEY ("id"),
    CONSTRAINT "CHK_role_target_single_entity" CHECK (
        num_nonnulls("userWorkspaceId", "agentId", "apiKeyId") = 1),
    CONSTRAINT "FK_roleTarget_role" FOREIGN KEY ("roleId") REFERENCES "role" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_roleTarget_userWorkspace" FOREIGN KEY ("userWorkspaceId")
        REFERENCES "userWorkspace" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_roleTarget_apiKey" FOREIGN KEY ("apiKeyId") REFERENCES "apiKey" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_roleTarget_workspace" FOREIGN KEY ("workspaceId")
        REFERENCES "workspace" ("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "IDX_ROLE_TARGET_UNIQUE_USER_WORKSPACE"
    ON "roleTarget" ("workspaceId", "userWorkspaceId") WHERE "userWorkspaceId" IS NOT NULL;
CREATE UNIQUE INDEX "IDX_ROLE_TARGET_UNIQUE_AGENT"
    ON "roleTarget" ("workspaceId", "agentId") WHERE "agentId" IS NOT NULL;
CREATE UNIQUE INDEX "IDX_ROLE_TARGET_UNIQUE_API_KEY"
    ON "roleTarget" ("workspaceId", "apiKeyId") WHERE "apiKeyId" IS NOT NULL;
CREATE INDEX "IDX_roleTarget_roleId" ON "roleTarget" ("roleId");

CREATE TABLE "objectPermission" (
    "id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "roleId" uuid NOT NULL,
    "objectMetadataId" uuid NOT NULL,
    "canReadObjectRecords" boolean,
    "canUpdateObjectRecords" boolean,
    "canSoftDeleteObjectRecords" boolean,
    "canDestroyObjectRecords" boolean,
    "workspaceId" uuid NOT NULL,
    "createdAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "PK_objectPermission" PRIMARY KEY ("id"),
    CONSTRAINT "IDX_OBJECT_PERMISSION_OBJECT_METADATA_ID_ROLE_ID_UNIQUE" UNIQUE ("objectMetadataId", "roleId"),
    CONSTRAINT "FK_objectPermission_role" FOREIGN KEY ("roleId") REFERENCES "role" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_objectPermission_objectMetadata" FOREIGN KEY ("objectMetadataId")
        REFERENCES "objectMetadata" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_objectPermission_workspace" FOREIGN KEY ("workspaceId")
        REFERENCES "workspace" ("id") ON DELETE CASCADE
);

CREATE TABLE "fieldPermission" (
    "id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "roleId" uuid NOT NULL,
    "objectMetadataId" uuid NOT NULL,
    "fieldMetadataId" uuid NOT NULL,
    "canReadFieldValue" boolean,
    "canUpdateFieldValue" boolean,
    "workspaceId" uuid NOT NULL,
    "createdAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "PK_fieldPermission" PRIMARY KEY ("id"),
    CONSTRAINT "IDX_FIELD_PERMISSION_FIELD_METADATA_ID_ROLE_ID_UNIQUE" UNIQUE ("fieldMetadataId", "roleId"),
    -- Field permissions only restrict: false, or NULL to inherit.
    CONSTRAINT "CHK_fieldPermission_restrict_only" CHECK (
        "canReadFieldValue" IS NOT TRUE AND "canUpdateFieldValue" IS NOT TRUE),
    CONSTRAINT "FK_fieldPermission_role" FOREIGN KEY ("roleId") REFERENCES "role" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_fieldPermission_objectMetadata" FOREIGN KEY ("objectMetadataId")
        REFERENCES "objectMetadata" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_fieldPermission_fieldMetadata" FOREIGN KEY ("fieldMetadataId")
        REFERENCES "fieldMetadata" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_fieldPermission_workspace" FOREIGN KEY ("workspaceId")
        REFERENCES "workspace" ("id") ON DELETE CASCADE
);

CREATE TABLE "permissionFlag" (
    "id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "roleId" uuid NOT NULL,
    "flag" character varying NOT NULL,
    "workspaceId" uuid NOT NULL,
    "createdAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "PK_permissionFlag" PRIMARY KEY ("id"),
    CONSTRAINT "IDX_PERMISSION_FLAG_FLAG_ROLE_ID_UNIQUE" UNIQUE ("flag", "roleId"),
    CONSTRAINT "FK_permissionFlag_role" FOREIGN KEY ("roleId") REFERENCES "role" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_permissionFlag_workspace" FOREIGN KEY ("workspaceId")
        REFERENCES "workspace" ("id") ON DELETE CASCADE
);

-- The standard roles of a workspace (spec §6), in one place: used here for existing workspaces
-- and by `twentyc workspace create` for new ones. Returns the Member role, the default role.
CREATE FUNCTION create_standard_roles(workspace uuid) RETURNS uuid
LANGUAGE sql VOLATILE AS $$
    INSERT INTO "role" ("standardId", "label", "description", "icon", "canUpdateAllSettings",
        "canAccessAllTools", "canReadAllObjectRecords", "canUpdateAllObjectRecords",
        "canSoftDeleteAllObjectRecords", "canDestroyAllObjectRecords", "isEditable",
        "canBeAssignedToUsers", "canBeAssignedToAgents", "canBeAssignedToApiKeys", "workspaceId")
    VALUES
        ('20202020-0001-0001-0001-000000000001', 'Admin', 'Admin role', 'IconUserCog',
         true, true, true, true, true, true, false, true, false, true, workspace),
        ('20202020-0001-0001-0001-000000000002', 'Member', 'Member role', 'IconUser',
         false, false, true, true, true, true, true, true, true, true, workspace),
        ('20202020-0001-0001-0001-000000000003', 'Guest', 'Guest role', 'IconUser',
         false, false, true, false, false, false, false, true, true, true, workspace);
    SELECT "id" FROM "role"
    WHERE "workspaceId" = workspace AND "standardId" = '20202020-0001-0001-0001-000000000002';
$$;

UPDATE "workspace" SET "defaultRoleId" = create_standard_roles("id") WHERE "defaultRoleId" IS NULL;

INSERT INTO "roleTarget" ("roleId", "apiKeyId", "workspaceId")
SELECT r."id", k."id", k."workspaceId"
FROM "apiKey" k JOIN "role" r ON r."workspaceId" = k."workspaceId"
    AND r."standardId" = '20202020-0001-0001-0001-000000000001';

ALTER TABLE "workspace" ADD CONSTRAINT "onboarded_workspace_requires_default_role" CHECK (
    "activationStatus" IN ('PENDING_CREATION', 'ONGOING_CREATION') OR "defaultRoleId" IS NOT NULL);

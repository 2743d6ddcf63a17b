-- twentyc core schema, version 1: the workspace table of Twenty
-- (spec/twenty-datamodel.md §4.9; packages/twenty-server/src/engine/core-modules/workspace/workspace.entity.ts).
-- Runs with search_path set to the core schema, so names are unqualified. No extension is needed:
-- gen_random_uuid() is built into PostgreSQL 13 and later.

CREATE TYPE "workspace_activationStatus_enum" AS ENUM (
    'ONGOING_CREATION', 'PENDING_CREATION', 'ACTIVE', 'INACTIVE', 'SUSPENDED');

CREATE TABLE "workspace" (
    "id" uuid NOT NULL DEFAULT gen_random_uuid(),
    "displayName" character varying,
    "logo" character varying,
    "inviteHash" character varying,
    "deletedAt" timestamptz,
    "createdAt" timestamptz NOT NULL DEFAULT now(),
    "updatedAt" timestamptz NOT NULL DEFAULT now(),
    "allowImpersonation" boolean NOT NULL DEFAULT true,
    "isPublicInviteLinkEnabled" boolean NOT NULL DEFAULT true,
    "trashRetentionDays" integer NOT NULL DEFAULT 14,
    "activationStatus" "workspace_activationStatus_enum" NOT NULL DEFAULT 'INACTIVE',
    "metadataVersion" integer NOT NULL DEFAULT 1,
    "databaseUrl" character varying NOT NULL DEFAULT '',
    "databaseSchema" character varying NOT NULL DEFAULT '',
    "subdomain" character varying NOT NULL,
    "customDomain" character varying,
    "isGoogleAuthEnabled" boolean NOT NULL DEFAULT true,
    "isGoogleAuthBypassEnabled" boolean NOT NULL DEFAULT false,
    "isMicrosoftAuthEnabled" boolean NOT NULL DEFAULT true,
    "isMicrosoftAuthBypassEnabled" boolean NOT NULL DEFAULT false,
    "isPasswordAuthEnabled" boolean NOT NULL DEFAULT true,
    "isPasswordAuthBypassEnabled" boolean NOT NULL DEFAULT false,
    "isTwoFactorAuthenticationEnforced" boolean NOT NULL DEFAULT false,
    "isCustomDomainEnabled" boolean NOT NULL DEFAULT false,
    "editableProfileFields" character varying[],
    "defaultRoleId" uuid,
    "defaultAgentId" uuid,
    "version" character varying,
    "fastModel" character varying,
    "smartModel" character varying,
    -- NOT NULL and a foreign key to core.application in Twenty; twentyc has no application table
    -- yet, so the column is kept nullable (docs/compat.md).
    "workspaceCustomApplicationId" uuid,
    CONSTRAINT "PK_workspace" PRIMARY KEY ("id"),
    CONSTRAINT "UQ_workspace_subdomain" UNIQUE ("subdomain"),
    CONSTRAINT "UQ_workspace_customDomain" UNIQUE ("customDomain")
    -- Twenty's CHECK "onboarded_workspace_requires_default_role" comes with the role tables, which
    -- give every workspace its default role (docs/compat.md).
);

-- twentyc core schema, version 6: the event outbox (DESIGN.md §8, spec api §10). Every record
-- mutation appends one row per changed record here, in the mutation's own transaction, so a
-- change and its events commit or roll back together. `seq` orders them for the worker that
-- delivers them (webhooks, timeline, audit); `id` is the event's public identity.
CREATE TABLE "event" (
    "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    "seq" bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    "workspaceId" uuid NOT NULL REFERENCES "workspace" ("id") ON DELETE CASCADE,
    "objectMetadataId" uuid NOT NULL,
    "objectName" text NOT NULL,        -- the object's nameSingular
    "action" text NOT NULL CHECK ("action" IN
        ('created', 'updated', 'deleted', 'destroyed', 'restored', 'upserted')),
    "name" text NOT NULL,              -- "<objectName>.<action>", e.g. "company.created"
    "recordId" uuid NOT NULL,
    "properties" jsonb NOT NULL,       -- {after} / {before, after, updatedFields, diff} / {before}
    "userId" uuid,
    "userWorkspaceId" uuid,
    "workspaceMemberId" uuid,
    "apiKeyId" uuid,
    "createdAt" timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX "IDX_event_workspace_seq" ON "event" ("workspaceId", "seq");

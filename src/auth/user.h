/* Users (spec/twenty-datamodel.md §4.9): a core.user with a bcrypt password, its membership of a
 * workspace (core.userWorkspace), the member's role (core.roleTarget) and the workspaceMember
 * record in the workspace's schema, kept in step. */
#ifndef TC_AUTH_USER_H
#define TC_AUTH_USER_H

#include "auth/password.h"
#include "base/uuid.h"
#include "db/db.h"

typedef struct tc_user_new {
    const char *email;
    const char *password;
    const char *workspace_id;
    const char *role; /* role label, e.g. "Member" */
    const char *first_name, *last_name;
} tc_user_new;

/* Adds the user to the workspace in one transaction: creates the user (or, for an email that
 * exists, checks the password and reuses it), the userWorkspace, its roleTarget and the
 * workspaceMember row. id_out: the user's id (TC_UUID_STR_LEN + 1 bytes). Errors: weak password
 * (TC_E_BAD_REQUEST "Password too weak"), wrong password for an existing user (TC_E_FORBIDDEN
 * "Wrong password"), unknown workspace or role, or a role that cannot be given to users
 * (TC_E_NOT_FOUND), already a member (TC_E_CONFLICT). */
int tc_user_create(tc_db *db, const tc_user_new *u, char *id_out, tc_err *e);

/* tc_user_create with the role given by id (role_id, e.g. workspace.defaultRoleId; u->role is
 * ignored) when role_id is not NULL, and bcrypt run on passwords when it is not NULL (request
 * threads) rather than on the calling thread (the CLI). */
int tc_user_create_in(tc_db *db, const tc_user_new *u, const char *role_id,
                      tc_password_pool *passwords, char *id_out, tc_err *e);

#endif

/* Custom roles and their assignment (spec/twenty-datamodel.md §6): a role is created from an
 * existing one's permissions and then refined with objectPermission / fieldPermission /
 * permissionFlag rows; a member or an API key has exactly one role (one roleTarget row).
 * Every change reaches the caches through the triggers of core migration 5. */
#ifndef TC_AUTH_ROLE_H
#define TC_AUTH_ROLE_H

#include "base/uuid.h"
#include "db/db.h"

/* Creates the editable, custom role label in workspace_id with the settings, tools and record
 * permissions of the role labelled like. id_out: TC_UUID_STR_LEN + 1 bytes. TC_E_NOT_FOUND
 * when like does not exist, TC_E_CONFLICT when label does. */
int tc_role_create(tc_db *db, const char *workspace_id, const char *label, const char *like,
                   char *id_out, tc_err *e);

/* Gives the role labelled role to the member whose e-mail is user_email, or (user_email NULL) to
 * the API key api_key_id, replacing its role. TC_E_NOT_FOUND for an unknown role, member or key;
 * TC_E_BAD_REQUEST when the role cannot be given to that kind of principal. */
int tc_role_assign(tc_db *db, const char *workspace_id, const char *role, const char *user_email,
                   const char *api_key_id, tc_err *e);

#endif

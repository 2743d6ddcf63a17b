/* GET /auth/permissions: what the caller's role may do in its workspace, in the shape of
 * Twenty's currentUser.currentUserWorkspace {permissionFlags, objectsPermissions} (the GraphQL
 * resolver of a later issue answers from the same view). Any valid principal may ask; the
 * answer is its own role's. */
#include "api/api_int.h"
#include "api/handlers.h"
#include "base/json.h"

static void write_override(tc_json *j, const char *key, tc_override o)
{
    tc_json_key(j, key);
    if (o == TC_INHERIT)
        tc_json_null(j);
    else
        tc_json_bool(j, o == TC_ALLOW);
}

static void write_object(tc_json *j, const tc_perm_view *v, size_t i)
{
    const tc_object *o = v->model->objects[i];
    const tc_object_access *a = &v->objects[i];
    tc_json_obj_begin(j);
    tc_json_key(j, "objectMetadataId");
    tc_json_str(j, o->id);
    tc_json_key(j, "canReadObjectRecords");
    tc_json_bool(j, a->read);
    tc_json_key(j, "canUpdateObjectRecords");
    tc_json_bool(j, a->update);
    tc_json_key(j, "canSoftDeleteObjectRecords");
    tc_json_bool(j, a->soft_delete);
    tc_json_key(j, "canDestroyObjectRecords");
    tc_json_bool(j, a->destroy);
    tc_json_key(j, "restrictedFields");
    tc_json_obj_begin(j);
    for (size_t k = 0; k < o->nfields; k++) {
        const tc_field_access *f = &v->fields[i][k];
        if (f->read_set == TC_INHERIT && f->update_set == TC_INHERIT)
            continue;
        tc_json_key(j, o->fields[k]->id);
        tc_json_obj_begin(j);
        write_override(j, "canRead", f->read_set);
        write_override(j, "canUpdate", f->update_set);
        tc_json_obj_end(j);
    }
    tc_json_obj_end(j);
    tc_json_obj_end(j);
}

void tc_auth_permissions(tc_req *req)
{
    tc_principal p;
    const tc_snapshot *s;
    const tc_perm_view *v;
    if (!tc_guard_principal(req, &p) || !(s = tc_guard_snapshot(req, p.workspace_id)) ||
        !(v = tc_guard_view(req, &p, s)))
        return;
    tc_buf b;
    tc_json j;
    tc_buf_init(&b, 16384);
    tc_json_init(&j, &b);
    tc_json_obj_begin(&j);
    tc_json_key(&j, "permissionFlags");
    tc_json_arr_begin(&j);
    for (size_t i = 0; i < tc_perm_nflags; i++) {
        if (tc_perm_has_flag(v, tc_perm_flags[i]))
            tc_json_str(&j, tc_perm_flags[i]);
    }
    tc_json_arr_end(&j);
    tc_json_key(&j, "objectsPermissions");
    tc_json_arr_begin(&j);
    for (size_t i = 0; i < v->model->nobjects; i++)
        write_object(&j, v, i);
    tc_json_arr_end(&j);
    tc_json_obj_end(&j);
    tc_reply_json(req, 200, &b);
    tc_buf_fini(&b);
}

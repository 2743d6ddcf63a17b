/* The route table: every path twentyc serves, in match order. */
#include "api/router.h"

#include "api/handlers.h"
#include "base/compiler.h"

const tc_route tc_routes[] = {
    {TC_GET, "/healthz", tc_health},
    {TC_GET, "/healthz/:indicatorId", tc_health_indicator},
    {TC_POST, "/auth/login", tc_auth_login},
    {TC_POST, "/auth/tokens", tc_auth_tokens},
    {TC_POST, "/auth/refresh", tc_auth_refresh},
    {TC_POST, "/auth/logout", tc_auth_logout},
    {TC_POST, "/auth/otp", tc_auth_otp},
    {TC_POST, "/auth/signup", tc_auth_signup},
    {TC_GET, "/auth/permissions", tc_auth_permissions},
    {TC_GET, "/auth/2fa", tc_auth_2fa_list},
    {TC_POST, "/auth/2fa/provision", tc_auth_2fa_provision},
    {TC_POST, "/auth/2fa/verify", tc_auth_2fa_verify},
    {TC_POST, "/auth/2fa/delete", tc_auth_2fa_delete},
    {TC_GET, "/open-api/core", tc_openapi_core},
    {TC_GET, "/rest/open-api/core", tc_openapi_core},
    {TC_GET, "/open-api/metadata", tc_openapi_metadata},
    {TC_GET, "/rest/open-api/metadata", tc_openapi_metadata},
    {TC_GET, "/rest/metadata/objects", tc_metadata_list_objects},
    {TC_POST, "/rest/metadata/objects", tc_metadata_create_object},
    {TC_GET, "/rest/metadata/objects/:id", tc_metadata_get_object},
    {TC_PATCH | TC_PUT, "/rest/metadata/objects/:id", tc_metadata_update_object},
    {TC_DELETE, "/rest/metadata/objects/:id", tc_metadata_delete_object},
    {TC_GET, "/rest/metadata/fields", tc_metadata_list_fields},
    {TC_POST, "/rest/metadata/fields", tc_metadata_create_field},
    {TC_GET, "/rest/metadata/fields/:id", tc_metadata_get_field},
    {TC_PATCH | TC_PUT, "/rest/metadata/fields/:id", tc_metadata_update_field},
    {TC_DELETE, "/rest/metadata/fields/:id", tc_metadata_delete_field},
    /* Records last, in the order of Twenty's controller (spec api §1.2): these patterns match
     * any /rest/x and /rest/x/y, so the literal segments come first. */
    {TC_POST, "/rest/batch/:object", tc_rest_create_many},
    {TC_POST, "/rest/:object/duplicates", tc_rest_find_duplicates},
    {TC_POST, "/rest/:object", tc_rest_create_one},
    {TC_GET, "/rest/:object/groupBy", tc_rest_group_by},
    {TC_GET, "/rest/:object", tc_rest_find_many},
    {TC_GET, "/rest/:object/:id", tc_rest_find_one},
    {TC_DELETE, "/rest/:object/:id", tc_rest_delete_one},
    {TC_DELETE, "/rest/:object", tc_rest_delete_many},
    {TC_PATCH, "/rest/:object/:id/restore", tc_rest_restore_one},
    {TC_PATCH, "/rest/restore/:object/:id", tc_rest_restore_one},
    {TC_PATCH, "/rest/:object/restore", tc_rest_restore_many},
    {TC_PATCH, "/rest/restore/:object", tc_rest_restore_many},
    {TC_PATCH | TC_PUT, "/rest/:object/merge", tc_rest_merge},
    {TC_PATCH | TC_PUT, "/rest/:object/:id", tc_rest_update_one},
    {TC_PATCH | TC_PUT, "/rest/:object", tc_rest_update_many},
};

const size_t tc_routes_count = TC_COUNT(tc_routes);

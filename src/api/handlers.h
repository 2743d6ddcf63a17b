/* The route handlers, one declaration per route of routes.c. */
#ifndef TC_API_HANDLERS_H
#define TC_API_HANDLERS_H

#include "api/http.h"

void tc_health(tc_req *req);           /* GET /healthz */
void tc_health_indicator(tc_req *req); /* GET /healthz/:indicatorId */

/* auth.c: sign-in */
void tc_auth_login(tc_req *req);         /* POST /auth/login */
void tc_auth_tokens(tc_req *req);        /* POST /auth/tokens */
void tc_auth_refresh(tc_req *req);       /* POST /auth/refresh */
void tc_auth_logout(tc_req *req);        /* POST /auth/logout */
void tc_auth_signup(tc_req *req);        /* POST /auth/signup (signUpInWorkspace) */
void tc_auth_otp(tc_req *req);           /* POST /auth/otp (getAuthTokensFromOTP) */
void tc_auth_2fa_provision(tc_req *req); /* POST /auth/2fa/provision */
void tc_auth_2fa_verify(tc_req *req);    /* POST /auth/2fa/verify */
void tc_auth_2fa_list(tc_req *req);      /* GET /auth/2fa */
void tc_auth_2fa_delete(tc_req *req);    /* POST /auth/2fa/delete */

/* rest.c: records (core REST API), read side */
void tc_rest_find_many(tc_req *req); /* GET /rest/:object */
void tc_rest_find_one(tc_req *req);  /* GET /rest/:object/:id */
/* rest_write.c: record mutations */
void tc_rest_create_one(tc_req *req);   /* POST /rest/:object */
void tc_rest_create_many(tc_req *req);  /* POST /rest/batch/:object */
void tc_rest_update_one(tc_req *req);   /* PATCH|PUT /rest/:object/:id */
void tc_rest_update_many(tc_req *req);  /* PATCH|PUT /rest/:object */
void tc_rest_delete_one(tc_req *req);   /* DELETE /rest/:object/:id */
void tc_rest_delete_many(tc_req *req);  /* DELETE /rest/:object */
void tc_rest_restore_one(tc_req *req);  /* PATCH /rest/:object/:id/restore (and older form) */
void tc_rest_restore_many(tc_req *req); /* PATCH /rest/:object/restore (and older form) */
/* rest_group.c */
void tc_rest_group_by(tc_req *req); /* GET /rest/:object/groupBy */
/* rest_merge.c: duplicates and merge */
void tc_rest_find_duplicates(tc_req *req); /* POST /rest/:object/duplicates */
void tc_rest_merge(tc_req *req);           /* PATCH|PUT /rest/:object/merge */

/* permissions.c */
void tc_auth_permissions(tc_req *req); /* GET /auth/permissions (currentUserWorkspace) */

/* metadata.c: /rest/metadata/objects and /rest/metadata/fields */
void tc_metadata_list_objects(tc_req *req);
void tc_metadata_get_object(tc_req *req);
void tc_metadata_create_object(tc_req *req);
void tc_metadata_update_object(tc_req *req);
void tc_metadata_delete_object(tc_req *req);
void tc_metadata_list_fields(tc_req *req);
void tc_metadata_get_field(tc_req *req);
void tc_metadata_create_field(tc_req *req);
void tc_metadata_update_field(tc_req *req);
void tc_metadata_delete_field(tc_req *req);

/* openapi.c: public; a valid Bearer token personalises the document */
void tc_openapi_core(tc_req *req);     /* GET /open-api/core, /rest/open-api/core */
void tc_openapi_metadata(tc_req *req); /* GET /open-api/metadata, /rest/open-api/metadata */

#endif

/* Record events (spec api §10.1, DESIGN.md §8): one per changed record, built from the
 * mutation's full rows and appended to core.event by one statement inside the mutation's
 * transaction, so an event exists exactly when its change committed. */
#ifndef TC_QUERY_EVENT_H
#define TC_QUERY_EVENT_H

#include <libpq-fe.h>

#include "base/buf.h"
#include "db/sql.h"
#include "query/input.h"
#include "query/plan.h"

#define TC_EVENT_ACTIONS(X)                                                                        \
    X(TC_EVENT_CREATED, "created")     /* {after} */                                               \
    X(TC_EVENT_UPDATED, "updated")     /* {before, after, updatedFields, diff} */                  \
    X(TC_EVENT_DELETED, "deleted")     /* soft: {before, after, updatedFields, diff} */            \
    X(TC_EVENT_DESTROYED, "destroyed") /* {before} */                                              \
    X(TC_EVENT_RESTORED, "restored")   /* {after} */

typedef enum tc_event_action {
#define TC_EVENT_ENUM_(name, text) name,
    TC_EVENT_ACTIONS(TC_EVENT_ENUM_)
#undef TC_EVENT_ENUM_
} tc_event_action;

const char *tc_event_action_name(tc_event_action a);

/* Who caused the events (NULL where it does not apply). */
typedef struct tc_event_actor {
    const char *user_id, *user_workspace_id, *workspace_member_id, *api_key_id;
} tc_event_actor;

/* The events of one mutation, as the JSON array the insert statement reads. */
typedef struct tc_events {
    const tc_find *full; /* the object and the columns of the rows given to tc_events_add */
    tc_buf json;
    size_t n;
} tc_events;

void tc_events_init(tc_events *ev, const tc_find *full);
void tc_events_fini(tc_events *ev);

/* Adds one event per record. Rows are full's columns (tc_find_columns_sql). For updates and
 * soft deletes each row of after is matched with the row of before that has the same id
 * (before ordered by id, as tc_lock_sql reads it);
 * in (the update's input, or NULL) names updatedFields. before or after may be NULL where the
 * action has none. 0, or -1 when the JSON outgrew its buffer. */
int tc_events_add(tc_events *ev, tc_event_action action, const PGresult *before,
                  const PGresult *after, const tc_record_input *in);

/* INSERT INTO core's "event" of every event added, for workspace_id (the core schema is on
 * the connection's search_path); closes ev's JSON array, so call it once. Parameters point into
 * ev and actor: they must outlive q. */
void tc_events_sql(tc_events *ev, const char *workspace_id, const tc_event_actor *actor, tc_sql *q);

#endif

package org.liaisonhub.store;

import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Duplicate detection by (sending application, sending facility, control id), enforced by the database's primary
 * key so that it holds for concurrent messages and for several hub instances. A claim is one statement, one round
 * trip to the database (an insert that does nothing on conflict, then the owner), where a savepoint around a plain
 * insert took three: on one connection the hub's time per message is mostly such round trips (BENCHMARKS.md).
 */
@Repository
public class MessageControlIds {

    private final NamedParameterJdbcTemplate jdbc;

    public MessageControlIds(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the control id for a message inside the caller's transaction.
     *
     * @return empty when the message now owns the key (or already did); otherwise the id of the message that owns it
     */
    public Optional<Long> claim(String sendingApplication, String sendingFacility, String controlId, long messageId) {
        MapSqlParameterSource key = new MapSqlParameterSource()
                .addValue("app", nullToEmpty(sendingApplication))
                .addValue("facility", nullToEmpty(sendingFacility))
                .addValue("controlId", controlId)
                .addValue("messageId", messageId);
        Long owner = jdbc.queryForObject("""
                with claimed as (
                    insert into message_control_id (sending_application, sending_facility, control_id, message_id)
                    values (:app, :facility, :controlId, :messageId)
                    on conflict do nothing
                    returning message_id)
                select coalesce((select message_id from claimed), (select message_id from message_control_id
                    where sending_application = :app and sending_facility = :facility and control_id = :controlId))""",
                key, Long.class);
        if (owner == null) {
            // a concurrent claim committed while this statement waited for it, after the statement's snapshot
            owner = jdbc.queryForObject("""
                    select message_id from message_control_id
                    where sending_application = :app and sending_facility = :facility and control_id = :controlId""",
                    key, Long.class);
        }
        return owner == null || owner == messageId ? Optional.empty() : Optional.of(owner);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}

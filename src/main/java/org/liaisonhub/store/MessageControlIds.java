package org.liaisonhub.store;

import java.util.Optional;
import org.liaisonhub.platform.Savepoints;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Duplicate detection by (sending application, sending facility, control id), enforced by the database's primary
 * key so that it holds for concurrent messages and for several hub instances.
 */
@Repository
public class MessageControlIds {

    private final NamedParameterJdbcTemplate jdbc;
    private final Savepoints savepoints;

    public MessageControlIds(NamedParameterJdbcTemplate jdbc, Savepoints savepoints) {
        this.jdbc = jdbc;
        this.savepoints = savepoints;
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
        try {
            savepoints.attempt(() -> jdbc.update("""
                    insert into message_control_id (sending_application, sending_facility, control_id, message_id)
                    values (:app, :facility, :controlId, :messageId)""", key));
            return Optional.empty();
        } catch (DuplicateKeyException alreadyClaimed) {
            Long owner = jdbc.queryForObject("""
                    select message_id from message_control_id
                    where sending_application = :app and sending_facility = :facility and control_id = :controlId""",
                    key, Long.class);
            return owner == null || owner == messageId ? Optional.empty() : Optional.of(owner);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}

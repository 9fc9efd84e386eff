package org.liaisonhub.store;

import static org.liaisonhub.platform.DbTime.instant;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A stored message read from its row of {@code inbound_message} (the columns {@link MessageStore} selects). */
final class StoredMessageRows {

    private StoredMessageRows() {
    }

    static StoredMessage map(ResultSet rs, int row) throws SQLException {
        return new StoredMessage(
                rs.getLong("id"),
                envelope(rs),
                MessageStatus.valueOf(rs.getString("status")),
                rs.getString("ack_code"),
                rs.getString("error_code"),
                rs.getString("error_location"),
                rs.getString("error_text"),
                rs.getObject("duplicate_of", Long.class),
                instant(rs, "processed_at"),
                rs.getInt("reprocess_count"),
                rs.getString("rule_set_version"));
    }

    private static MessageEnvelope envelope(ResultSet rs) throws SQLException {
        return new MessageEnvelope(
                rs.getString("channel"),
                instant(rs, "received_at"),
                rs.getString("remote_address"),
                rs.getString("sending_application"),
                rs.getString("sending_facility"),
                rs.getString("receiving_application"),
                rs.getString("receiving_facility"),
                rs.getString("message_type"),
                rs.getString("trigger_event"),
                rs.getString("control_id"),
                rs.getString("version"),
                rs.getString("charset"),
                rs.getInt("size_bytes"),
                rs.getString("patient_mrn"));
    }
}

package org.liaisonhub.store;

import static org.liaisonhub.platform.DbTime.instant;
import static org.liaisonhub.platform.DbTime.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.liaisonhub.platform.Page;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The inbound message store: every received message, its raw text and its outcome. */
@Repository
public class MessageStore {

    private static final String COLUMNS = """
            id, channel, received_at, remote_address, sending_application, sending_facility,
            receiving_application, receiving_facility, message_type, trigger_event, control_id, version,
            charset, size_bytes, status, ack_code, error_code, error_location, error_text, duplicate_of,
            processed_at, reprocess_count""";

    private static final RowMapper<StoredMessage> ROW = MessageStore::map;

    private final NamedParameterJdbcTemplate jdbc;

    public MessageStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a received message with its outcome and returns its id. */
    public long insert(ReceivedMessage received, MessageOutcome outcome) {
        MapSqlParameterSource params = outcomeParams(outcome)
                .addValue("channel", received.channel())
                .addValue("receivedAt", utc(received.receivedAt()))
                .addValue("remoteAddress", received.remoteAddress())
                .addValue("sendingApplication", received.sendingApplication())
                .addValue("sendingFacility", received.sendingFacility())
                .addValue("receivingApplication", received.receivingApplication())
                .addValue("receivingFacility", received.receivingFacility())
                .addValue("messageType", received.messageType())
                .addValue("triggerEvent", received.triggerEvent())
                .addValue("controlId", received.controlId())
                .addValue("version", received.version())
                .addValue("charset", received.charset())
                .addValue("sizeBytes", received.sizeBytes())
                .addValue("rawText", received.rawText());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                insert into inbound_message (channel, received_at, remote_address, sending_application,
                    sending_facility, receiving_application, receiving_facility, message_type, trigger_event,
                    control_id, version, charset, size_bytes, status, ack_code, error_code, error_location,
                    error_text, duplicate_of, processed_at, raw_text)
                values (:channel, :receivedAt, :remoteAddress, :sendingApplication, :sendingFacility,
                    :receivingApplication, :receivingFacility, :messageType, :triggerEvent, :controlId, :version,
                    :charset, :sizeBytes, :status, :ackCode, :errorCode, :errorLocation, :errorText, :duplicateOf,
                    :processedAt, :rawText)""", params, key, new String[] {"id"});
        return key.getKey().longValue();
    }

    /**
     * Replaces the outcome of a stored message.
     *
     * @param reprocessed whether this outcome comes from processing the message again (counted)
     */
    public void recordOutcome(long id, MessageOutcome outcome, boolean reprocessed) {
        int updated = jdbc.update("""
                update inbound_message set status = :status, ack_code = :ackCode, error_code = :errorCode,
                    error_location = :errorLocation, error_text = :errorText, duplicate_of = :duplicateOf,
                    processed_at = :processedAt, reprocess_count = reprocess_count + :increment
                where id = :id""", outcomeParams(outcome).addValue("id", id).addValue("increment", reprocessed ? 1 : 0));
        if (updated == 0) {
            throw new MessageNotFoundException(id);
        }
    }

    public Optional<StoredMessage> find(long id) {
        return jdbc.query("select " + COLUMNS + " from inbound_message where id = :id",
                new MapSqlParameterSource("id", id), ROW).stream().findFirst();
    }

    public Optional<String> rawText(long id) {
        return jdbc.queryForList("select raw_text from inbound_message where id = :id",
                new MapSqlParameterSource("id", id), String.class).stream().findFirst();
    }

    /** The work-item changes a message caused, oldest first. */
    public List<MessageEffect> effects(long id) {
        return jdbc.query("""
                select h.work_item_id, w.type, h.action, h.to_status
                from work_item_history h join work_item w on w.id = h.work_item_id
                where h.message_id = :id order by h.id""",
                new MapSqlParameterSource("id", id),
                (rs, n) -> new MessageEffect(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    public Page<StoredMessage> search(MessageSearch search, int page, int size) {
        Page.validate(page, size);
        List<String> where = new ArrayList<>();
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (search.status() != null) {
            where.add("status = :status");
            params.addValue("status", search.status().name());
        }
        if (search.type() != null && !search.type().isBlank()) {
            String[] typeAndEvent = search.type().trim().split("\\^", 2);
            where.add("message_type = :messageType");
            params.addValue("messageType", typeAndEvent[0]);
            if (typeAndEvent.length == 2 && !typeAndEvent[1].isBlank()) {
                where.add("trigger_event = :triggerEvent");
                params.addValue("triggerEvent", typeAndEvent[1]);
            }
        }
        if (search.controlId() != null && !search.controlId().isBlank()) {
            where.add("control_id = :controlId");
            params.addValue("controlId", search.controlId());
        }
        if (search.from() != null) {
            where.add("received_at >= :from");
            params.addValue("from", utc(search.from()));
        }
        if (search.to() != null) {
            where.add("received_at < :to");
            params.addValue("to", utc(search.to()));
        }
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        Long total = jdbc.queryForObject("select count(*) from inbound_message" + filter, params, Long.class);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<StoredMessage> items = jdbc.query("select " + COLUMNS + " from inbound_message" + filter
                + " order by received_at desc, id desc limit :limit offset :offset", params, ROW);
        return new Page<>(items, total == null ? 0 : total, page, size);
    }

    private static MapSqlParameterSource outcomeParams(MessageOutcome outcome) {
        return new MapSqlParameterSource()
                .addValue("status", outcome.status().name())
                .addValue("ackCode", outcome.ackCode())
                .addValue("errorCode", outcome.errorCode())
                .addValue("errorLocation", outcome.errorLocation())
                .addValue("errorText", outcome.errorText())
                .addValue("duplicateOf", outcome.duplicateOf())
                .addValue("processedAt", utc(Instant.now()));
    }

    private static StoredMessage map(ResultSet rs, int row) throws SQLException {
        Long duplicateOf = rs.getObject("duplicate_of", Long.class);
        return new StoredMessage(
                rs.getLong("id"),
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
                MessageStatus.valueOf(rs.getString("status")),
                rs.getString("ack_code"),
                rs.getString("error_code"),
                rs.getString("error_location"),
                rs.getString("error_text"),
                duplicateOf,
                instant(rs, "processed_at"),
                rs.getInt("reprocess_count"));
    }
}

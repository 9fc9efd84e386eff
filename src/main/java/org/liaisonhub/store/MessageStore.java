package org.liaisonhub.store;

import static org.liaisonhub.platform.DbTime.utc;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.liaisonhub.platform.FacilityScope;
import org.liaisonhub.platform.Page;
import org.liaisonhub.platform.PagedQuery;
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
            processed_at, reprocess_count, patient_mrn, rule_set_version""";

    private static final RowMapper<StoredMessage> ROW = StoredMessageRows::map;

    private final NamedParameterJdbcTemplate jdbc;

    public MessageStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Deletes, in the caller's transaction, up to {@code batch} messages whose processing ended before
     * {@code finishedBefore}, or that have been in ERROR (waiting for someone to reprocess them) since before
     * {@code errorsBefore}, with their duplicate-detection keys. Rows another instance is purging are skipped.
     *
     * @return how many were deleted
     */
    int purge(Instant finishedBefore, Instant errorsBefore, int batch) {
        List<Long> ids = jdbc.queryForList("""
                select id from inbound_message
                where status in ('PROCESSED', 'IGNORED', 'DUPLICATE', 'REJECTED') and processed_at < :finished
                    or status = 'ERROR' and processed_at < :errors
                order by id limit :batch for update skip locked""",
                new MapSqlParameterSource("finished", utc(finishedBefore)).addValue("errors", utc(errorsBefore))
                        .addValue("batch", batch), Long.class);
        if (ids.isEmpty()) {
            return 0;
        }
        MapSqlParameterSource purged = new MapSqlParameterSource("ids", ids);
        jdbc.update("delete from message_control_id where message_id in (:ids)", purged);
        return jdbc.update("delete from inbound_message where id in (:ids)", purged);
    }

    /** Stores a received message with its outcome and returns its id. */
    public long insert(ReceivedMessage received, MessageOutcome outcome) {
        MessageEnvelope envelope = received.envelope();
        MapSqlParameterSource params = outcomeParams(outcome)
                .addValue("channel", envelope.channel())
                .addValue("receivedAt", utc(envelope.receivedAt()))
                .addValue("remoteAddress", envelope.remoteAddress())
                .addValue("sendingApplication", envelope.sendingApplication())
                .addValue("sendingFacility", envelope.sendingFacility())
                .addValue("receivingApplication", envelope.receivingApplication())
                .addValue("receivingFacility", envelope.receivingFacility())
                .addValue("messageType", envelope.messageType())
                .addValue("triggerEvent", envelope.triggerEvent())
                .addValue("controlId", envelope.controlId())
                .addValue("version", envelope.version())
                .addValue("charset", envelope.charset())
                .addValue("sizeBytes", envelope.sizeBytes())
                .addValue("patientMrn", envelope.patientMrn())
                .addValue("rawText", received.rawText())
                .addValue("acknowledgement", outcome.acknowledgement());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                insert into inbound_message (channel, received_at, remote_address, sending_application,
                    sending_facility, receiving_application, receiving_facility, message_type, trigger_event,
                    control_id, version, charset, size_bytes, status, ack_code, error_code, error_location,
                    error_text, duplicate_of, processed_at, raw_text, patient_mrn, acknowledgement, rule_set_version)
                values (:channel, :receivedAt, :remoteAddress, :sendingApplication, :sendingFacility,
                    :receivingApplication, :receivingFacility, :messageType, :triggerEvent, :controlId, :version,
                    :charset, :sizeBytes, :status, :ackCode, :errorCode, :errorLocation, :errorText, :duplicateOf,
                    :processedAt, :rawText, :patientMrn, :acknowledgement, :ruleSetVersion)""", params, key,
                new String[] {"id"});
        return key.getKey().longValue();
    }

    /**
     * Locks, in the caller's transaction, those of the given messages that are still RECEIVED (their work not yet
     * written, by this instance or by another recovering them), in id order.
     */
    public List<Long> lockReceived(Collection<Long> ids) {
        return jdbc.queryForList("""
                select id from inbound_message where id = any(:ids) and status = 'RECEIVED'
                order by id for update""", new MapSqlParameterSource("ids", idArray(ids)), Long.class);
    }

    /** Records that the work of these RECEIVED messages is written: they are PROCESSED, in the caller's transaction. */
    public void recordProcessed(Collection<Long> ids) {
        jdbc.update("update inbound_message set status = 'PROCESSED', processed_at = :now where id = any(:ids)",
                new MapSqlParameterSource("ids", idArray(ids)).addValue("now", utc(Instant.now())));
    }

    /**
     * Ids as one array parameter rather than an IN list: one statement text whatever the batch's size, which
     * PostgreSQL plans once, where every size of IN list was a statement of its own, planned at every call.
     */
    private static Long[] idArray(Collection<Long> ids) {
        return ids.toArray(Long[]::new);
    }

    /** The messages acknowledged on receipt before {@code before} whose work is not written yet, oldest first. */
    public List<Long> receivedBefore(Instant before) {
        return jdbc.queryForList("""
                select id from inbound_message where status = 'RECEIVED' and received_at < :before
                order by id""", new MapSqlParameterSource("before", utc(before)), Long.class);
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
                    processed_at = :processedAt, reprocess_count = reprocess_count + :increment,
                    rule_set_version = :ruleSetVersion
                where id = :id""", outcomeParams(outcome).addValue("id", id).addValue("increment", reprocessed ? 1 : 0));
        if (updated == 0) {
            throw new MessageNotFoundException(id);
        }
    }

    /** Records whom a message is about once its channel knows (a FHIR request's patient), in the caller's transaction. */
    public void recordPatient(long id, String mrn) {
        jdbc.update("update inbound_message set patient_mrn = :mrn where id = :id",
                new MapSqlParameterSource("id", id).addValue("mrn", MessageEnvelope.fit(mrn, 255)));
    }

    /** The acknowledgement the sender got for a message, if one was sent. */
    public Optional<String> acknowledgement(long id) {
        return jdbc.queryForList("select acknowledgement from inbound_message where id = :id",
                new MapSqlParameterSource("id", id), String.class).stream().filter(Objects::nonNull).findFirst();
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

    /** The messages a search finds among those the caller's scope allows (by sending facility). */
    public Page<StoredMessage> search(MessageSearch search, FacilityScope scope, int page, int size) {
        PagedQuery query = new PagedQuery(COLUMNS, "inbound_message")
                .whereScope("sending_facility", scope, true)
                .whereEquals("status", "status", search.status() == null ? null : search.status().name())
                .whereEquals("control_id", "controlId", search.controlId())
                .whereEquals("channel", "channel", search.channel())
                .whereEquals("sending_application", "sender", search.sendingApplication())
                .whereEquals("sending_facility", "facility", search.sendingFacility())
                .whereEquals("error_code", "errorCode", search.errorCode());
        if (search.mrn() != null && !search.mrn().isBlank()) {
            // a merged patient's messages are found under either MRN (patient_merge, written by the work items)
            query.where("""
                    patient_mrn in (select :mrn union select prior_mrn from patient_merge where surviving_mrn = :mrn
                        union select surviving_mrn from patient_merge where prior_mrn = :mrn)""", "mrn",
                    search.mrn().trim());
        }
        if (search.type() != null && !search.type().isBlank()) {
            String[] typeAndEvent = search.type().trim().split("\\^", 2);
            query.whereEquals("message_type", "messageType", typeAndEvent[0])
                    .whereEquals("trigger_event", "triggerEvent", typeAndEvent.length == 2 ? typeAndEvent[1] : null);
        }
        if (search.from() != null) {
            query.where("received_at >= :from", "from", utc(search.from()));
        }
        if (search.to() != null) {
            query.where("received_at < :to", "to", utc(search.to()));
        }
        return query.page(jdbc, search.oldestFirst() ? "received_at, id" : "received_at desc, id desc", ROW, page,
                size);
    }

    private static MapSqlParameterSource outcomeParams(MessageOutcome outcome) {
        return new MapSqlParameterSource()
                .addValue("status", outcome.status().name())
                .addValue("ackCode", outcome.ackCode())
                .addValue("errorCode", outcome.errorCode())
                .addValue("errorLocation", outcome.errorLocation())
                .addValue("errorText", outcome.errorText())
                .addValue("duplicateOf", outcome.duplicateOf())
                .addValue("ruleSetVersion", outcome.ruleSetVersion())
                .addValue("processedAt", utc(Instant.now()));
    }
}

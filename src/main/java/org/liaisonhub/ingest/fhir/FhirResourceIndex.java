package org.liaisonhub.ingest.fhir;

import static org.liaisonhub.platform.DbTime.utc;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.liaisonhub.platform.Savepoints;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The latest version of each FHIR resource received, for references and a patient's current visit. */
@Repository
public class FhirResourceIndex {

    /** Encounter statuses of a visit that is still going on (or about to). */
    static final List<String> OPEN_VISIT = List.of("planned", "arrived", "triaged", "in-progress", "onleave");

    private final NamedParameterJdbcTemplate jdbc;
    private final Savepoints savepoints;

    public FhirResourceIndex(NamedParameterJdbcTemplate jdbc, Savepoints savepoints) {
        this.jdbc = jdbc;
        this.savepoints = savepoints;
    }

    /**
     * Keeps the next version of a resource (in the caller's transaction), unless a later message already brought a
     * newer one (a message processed again does not roll a resource back).
     *
     * @param patientRef the patient it is about ({@code Patient/123}), null for none
     * @param patientMrn that patient's MRN, when known: retention keeps what an open work item of the MRN needs
     * @param body       the resource as kept, given its version number (which it carries in meta.versionId)
     * @return the version kept, or 0 when the newer one was left in place
     */
    public int put(String type, String id, String patientRef, String patientMrn, String status,
            IntFunction<String> body, long messageId) {
        MapSqlParameterSource row = new MapSqlParameterSource()
                .addValue("type", type)
                .addValue("id", id)
                .addValue("patient", patientRef)
                .addValue("mrn", patientMrn)
                .addValue("status", status)
                .addValue("message", messageId)
                .addValue("now", utc(Instant.now()));
        List<Map<String, Object>> current = jdbc.queryForList("""
                select version_id, message_id from fhir_resource
                where resource_type = :type and resource_id = :id for update""", row);
        if (!current.isEmpty()) {
            if (((Number) current.get(0).get("message_id")).longValue() > messageId) {
                return 0;
            }
            int version = ((Number) current.get(0).get("version_id")).intValue() + 1;
            jdbc.update("""
                    update fhir_resource set version_id = :version, patient_ref = :patient, patient_mrn = :mrn,
                        status = :status, body = :body, message_id = :message, updated_at = :now
                    where resource_type = :type and resource_id = :id""",
                    row.addValue("version", version).addValue("body", body.apply(version)));
            return version;
        }
        try {
            savepoints.attempt(() -> jdbc.update("""
                    insert into fhir_resource (resource_type, resource_id, version_id, patient_ref, patient_mrn,
                        status, body, message_id, updated_at)
                    values (:type, :id, 1, :patient, :mrn, :status, :body, :message, :now)""",
                    row.addValue("body", body.apply(1))));
            return 1;
        } catch (DuplicateKeyException storedConcurrently) {
            return put(type, id, patientRef, patientMrn, status, body, messageId);
        }
    }

    public Optional<String> find(String type, String id) {
        return jdbc.queryForList("select body from fhir_resource where resource_type = :type and resource_id = :id",
                new MapSqlParameterSource("type", type).addValue("id", id), String.class).stream().findFirst();
    }

    /** The patient's most recently received Encounter that is still open, if any. */
    public Optional<String> openEncounterOf(String patientRef) {
        return jdbc.queryForList("""
                select body from fhir_resource
                where patient_ref = :patient and resource_type = 'Encounter' and status in (:open)
                order by updated_at desc limit 1""",
                new MapSqlParameterSource("patient", patientRef).addValue("open", OPEN_VISIT), String.class)
                .stream().findFirst();
    }
}

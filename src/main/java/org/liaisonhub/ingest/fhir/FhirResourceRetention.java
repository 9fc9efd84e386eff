package org.liaisonhub.ingest.fhir;

import static org.liaisonhub.platform.DbTime.utc;

import java.time.Instant;
import java.util.List;
import org.liaisonhub.platform.RetainedData;
import org.liaisonhub.platform.RetentionProperties;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The FHIR resources kept about a patient go together once none has been received for {@code hub.retention.messages}
 * (the messages they came in are gone by then) and no open work item has the patient's MRN: an open item's next
 * change may need its Patient and Encounter. Resources about no patient (a payer, a location) hold no patient data
 * and stay.
 */
@Component
@Order(400)
class FhirResourceRetention implements RetainedData {

    private final NamedParameterJdbcTemplate jdbc;

    FhirResourceRetention(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String what() {
        return "FHIR resources";
    }

    @Override
    public int purgeBatch(Instant now, RetentionProperties retention, int batch) {
        List<Object[]> due = jdbc.query("""
                select f.resource_type, f.resource_id from fhir_resource f
                where f.updated_at < :cutoff and f.patient_ref is not null
                and not exists (select 1 from fhir_resource r
                    where r.patient_ref = f.patient_ref and r.updated_at >= :cutoff)
                and not exists (select 1 from fhir_resource r join work_item w on w.mrn = r.patient_mrn
                    where r.patient_ref = f.patient_ref and w.is_open)
                order by f.updated_at limit :batch for update skip locked""",
                new MapSqlParameterSource("cutoff", utc(now.minus(retention.messages()))).addValue("batch", batch),
                (rs, n) -> new Object[] {rs.getString(1), rs.getString(2)});
        if (due.isEmpty()) {
            return 0;
        }
        return jdbc.update("delete from fhir_resource where (resource_type, resource_id) in (:due)",
                new MapSqlParameterSource("due", due));
    }
}

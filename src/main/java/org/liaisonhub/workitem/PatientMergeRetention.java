package org.liaisonhub.workitem;

import static org.liaisonhub.platform.DbTime.utc;

import java.time.Instant;
import org.liaisonhub.platform.RetainedData;
import org.liaisonhub.platform.RetentionProperties;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Patient merges (two MRNs of one patient) recorded {@code hub.retention.work-items} ago go: by then the messages
 * they help find under either MRN, and the items they moved, are gone too.
 */
@Component
@Order(310)
class PatientMergeRetention implements RetainedData {

    private final NamedParameterJdbcTemplate jdbc;

    PatientMergeRetention(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String what() {
        return "patient merges";
    }

    @Override
    public int purgeBatch(Instant now, RetentionProperties retention, int batch) {
        return jdbc.update("""
                delete from patient_merge where id in (select id from patient_merge where merged_at < :cutoff
                    order by id limit :batch for update skip locked)""",
                new MapSqlParameterSource("cutoff", utc(now.minus(retention.workItems()))).addValue("batch", batch));
    }
}

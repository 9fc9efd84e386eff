package org.liaisonhub.workitem;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the work list changed: the newest item and the newest change, as one stamp. Two index reads and no
 * patient data, so an open list can ask every few seconds and fetch (and audit) its rows only when it did.
 */
@Component
public class WorkListChanges {

    private final NamedParameterJdbcTemplate jdbc;

    WorkListChanges(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String stamp() {
        return jdbc.queryForObject("select coalesce(max(id), 0), max(updated_at) from work_item",
                new MapSqlParameterSource(), (rs, n) -> rs.getLong(1) + "-" + rs.getString(2));
    }
}

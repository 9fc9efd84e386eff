package org.liaisonhub.workitem;

import static org.liaisonhub.platform.DbTime.instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;

/** A {@code work_item} row as a {@link WorkItem}, and the JSON columns (details, patient, vendor report) both ways. */
final class WorkItemRows implements RowMapper<WorkItem> {

    static final String COLUMNS = """
            id, type, status, mrn, visit_number, item_key, details, patient, facility, unit, assignee, vendor,
            vendor_reference, vendor_report, due_at, priority, overdue_at, created_at, updated_at, source_message_id""";
    private static final TypeReference<LinkedHashMap<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    WorkItemRows(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public WorkItem mapRow(ResultSet rs, int n) throws SQLException {
        return new WorkItem(
                rs.getLong("id"),
                rs.getString("type"),
                WorkItemStatus.valueOf(rs.getString("status")),
                rs.getString("mrn"),
                rs.getString("visit_number"),
                rs.getString("item_key"),
                fromJson(rs.getString("details")),
                rs.getString("patient") == null ? Map.of() : fromJson(rs.getString("patient")),
                new PatientLocation(rs.getString("facility"), rs.getString("unit")),
                rs.getString("assignee"),
                rs.getString("vendor"),
                rs.getString("vendor_reference"),
                rs.getString("vendor_report") == null ? Map.of() : fromJson(rs.getString("vendor_report")),
                instant(rs, "due_at"),
                Priority.of(rs.getString("priority")),
                instant(rs, "overdue_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getObject("source_message_id", Long.class));
    }

    String toJson(Map<String, ?> value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Work-item data cannot be written as JSON", e);
        }
    }

    private Map<String, Object> fromJson(String value) {
        try {
            return json.readValue(value, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable work-item details", e);
        }
    }
}

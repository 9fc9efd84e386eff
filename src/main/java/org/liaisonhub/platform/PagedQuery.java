package org.liaisonhub.platform;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** A filtered, ordered list query answered one page at a time, with the total of all matching rows. */
public final class PagedQuery {

    private final String columns;
    private final String table;
    private final List<String> conditions = new ArrayList<>();
    private final MapSqlParameterSource params = new MapSqlParameterSource();

    public PagedQuery(String columns, String table) {
        this.columns = columns;
        this.table = table;
    }

    /** Adds {@code column = :name} when the value is given (not null, not blank). */
    public PagedQuery whereEquals(String column, String name, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return this;
        }
        return where(column + " = :" + name, name, value instanceof String text ? text.trim() : value);
    }

    /** Adds a condition without parameters. */
    public PagedQuery where(String condition) {
        conditions.add(condition);
        return this;
    }

    /** Adds a condition without parameters when {@code when} holds. */
    public PagedQuery whereIf(boolean when, String condition) {
        return when ? where(condition) : this;
    }

    /**
     * Keeps the rows a caller limited to some facilities may see, by {@code column}; nothing for an unlimited caller.
     * With {@code firstComponent}, an HL7 HD ({@code GENHOSP^1.2.3^ISO}) also matches by its namespace id.
     */
    public PagedQuery whereScope(String column, FacilityScope scope, boolean firstComponent) {
        if (!scope.limited()) {
            return this;
        }
        String whole = column + " in (:scope)";
        return where(!firstComponent ? whole : "(" + whole + " or (position('^' in " + column + ") > 1 and substring("
                + column + ", 1, position('^' in " + column + ") - 1) in (:scope)))", "scope", scope.facilities());
    }

    public PagedQuery where(String condition, String name, Object value) {
        conditions.add(condition);
        params.addValue(name, value);
        return this;
    }

    public <T> Page<T> page(NamedParameterJdbcTemplate jdbc, String orderBy, RowMapper<T> row, int page, int size) {
        Page.validate(page, size);
        String filter = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        Long total = jdbc.queryForObject("select count(*) from " + table + filter, params, Long.class);
        MapSqlParameterSource paging = new MapSqlParameterSource(params.getValues())
                .addValue("limit", size)
                .addValue("offset", (long) page * size);
        List<T> items = jdbc.query("select " + columns + " from " + table + filter + " order by " + orderBy
                + " limit :limit offset :offset", paging, row);
        return new Page<>(items, total == null ? 0 : total, page, size);
    }
}

package org.liaisonhub.mapping.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.liaisonhub.mapping.SegmentsRead;
import org.liaisonhub.mapping.fhir.FhirPathValue;
import org.liaisonhub.mapping.fhir.FhirPaths;
import org.liaisonhub.mapping.hl7.Hl7Date;
import org.liaisonhub.mapping.hl7.Hl7Each;
import org.liaisonhub.mapping.hl7.Hl7Field;
import org.liaisonhub.mapping.hl7.Hl7Repetition;
import org.liaisonhub.mapping.hl7.Hl7Segments;
import org.liaisonhub.mapping.model.Expr;
import org.liaisonhub.mapping.model.RuleSet;
import org.liaisonhub.mapping.model.RuleTimes;
import org.liaisonhub.mapping.model.TerserPath;

/**
 * Reads the values ({@link Expr}) of one mapping file, resolving {@code $name} references to the file's
 * {@code values} and {@code tables}; {@link ConditionReader} reads its conditions. The syntax is documented in
 * docs/mappings.md.
 */
final class ExpressionReader {

    private static final Set<String> EXPR_KEYS = Set.of("path", "firstOf", "literal", "lookup", "of", "repetitionOf",
            "where", "component", "as", "time", "plus", "minus", "unit", "each");
    /** The keys that make a mapping a value rather than a group of details. */
    static final Set<String> VALUE_FORMS = Set.of("path", "firstOf", "literal", "lookup", "repetitionOf", "time",
            "each");
    private static final Set<String> WHERE_KEYS = Set.of("component", "equals");

    private final RuleSet.Source source;
    private final FhirPaths fhirPaths;
    private final Map<String, Expr> values = new LinkedHashMap<>();
    private final TableReader tables = new TableReader();
    private final Set<String> segmentsRead = new TreeSet<>();
    private boolean fullPathRead;

    /** @param source how the file reads messages: Terser paths (HL7 v2) or FHIRPath (FHIR) */
    ExpressionReader(RuleSet.Source source, FhirPaths fhirPaths) {
        this.source = source;
        this.fhirPaths = fhirPaths;
    }

    /** Reads the {@code values} section: named values that later values, conditions and rules use as $name. */
    void readValues(YamlNode section) {
        section.map("values", null).forEach((name, node) -> values.put(name, expr(node, "value " + name)));
    }

    Expr expr(YamlNode node, String what) {
        if (node.isScalar()) {
            return scalarExpr(node, what);
        }
        Map<String, YamlNode> entries = node.map(what, EXPR_KEYS);
        Expr base;
        if (source == RuleSet.Source.FHIR && (entries.containsKey("repetitionOf") || entries.containsKey("as"))) {
            throw node.error(what + ": repetitionOf and as are for HL7 v2; FHIRPath does both itself");
        }
        if (entries.containsKey("path")) {
            base = field(entries.get("path"));
        } else if (entries.containsKey("firstOf")) {
            List<Expr> candidates = new ArrayList<>();
            for (YamlNode candidate : entries.get("firstOf").list(what + " firstOf")) {
                candidates.add(expr(candidate, what + " firstOf"));
            }
            base = new Expr.FirstOf(candidates);
        } else if (entries.containsKey("literal")) {
            base = new Expr.Literal(entries.get("literal").scalar(what + " literal"));
        } else if (entries.containsKey("lookup")) {
            base = lookup(entries, what);
        } else if (entries.containsKey("repetitionOf")) {
            base = repetition(entries, what);
        } else if (entries.containsKey("time")) {
            base = shifted(node, entries, what);
        } else if (entries.containsKey("each")) {
            base = each(entries.get("each"), entries.get("where"));
        } else {
            throw node.error(what + " needs one of path, firstOf, literal, lookup, repetitionOf, each or time");
        }
        YamlNode as = entries.get("as");
        if (as == null) {
            return base;
        }
        return switch (as.scalar("as")) {
            case "date" -> new Hl7Date(base, false);
            case "dateTime" -> new Hl7Date(base, true);
            default -> throw as.error("'as' must be date or dateTime");
        };
    }

    /** {@code time: T, plus: D} (or {@code minus}), with an optional {@code unit} when D is a number. */
    private Expr shifted(YamlNode node, Map<String, YamlNode> entries, String what) {
        boolean earlier = entries.containsKey("minus");
        if (earlier == entries.containsKey("plus")) {
            throw node.error(what + ": time needs exactly one of plus or minus (a duration such as PT2H)");
        }
        YamlNode amount = entries.get(earlier ? "minus" : "plus");
        Expr by = amount.isScalar() && RuleTimes.isDurationLiteral(amount.scalar("a duration"))
                ? new Expr.Literal(amount.scalar("a duration")) : expr(amount, what + " duration");
        if (by instanceof Expr.Literal literal) {
            try {
                RuleTimes.duration(literal.value(), null);
            } catch (IllegalArgumentException e) {
                throw amount.error("the duration " + e.getMessage());
            }
        }
        YamlNode unit = entries.get("unit");
        Expr unitValue = unit == null ? null : unit.isScalar() && RuleTimes.isUnit(unit.scalar("unit"))
                ? new Expr.Literal(unit.scalar("unit")) : expr(unit, what + " unit");
        return new Expr.Shifted(time(entries.get("time"), what), by, unitValue, earlier);
    }

    /**
     * {@code each: AIG-4}: the field in every segment of its name (HL7 v2; FHIRPath yields every value itself), or
     * with {@code where: {path: PRD-1, equals: RT}} in those of them where another field of the segment has a value.
     */
    private Expr each(YamlNode node, YamlNode whereNode) {
        if (source == RuleSet.Source.FHIR) {
            throw node.error("each is for HL7 v2; a FHIRPath expression yields every value itself");
        }
        TerserPath path = path(node);
        if (path.isAbsolute() || path.segmentRepetition() != null) {
            throw node.error("each takes a field of every segment, such as AIG-4, not '" + path.text() + "'");
        }
        if (whereNode == null) {
            return new Hl7Each(path, null, null);
        }
        Map<String, YamlNode> where = whereNode.map("where", Set.of("path", "equals"));
        if (!where.containsKey("path") || !where.containsKey("equals")) {
            throw whereNode.error("where needs both path and equals");
        }
        TerserPath wherePath = path(where.get("path"));
        if (!wherePath.segment().equals(path.segment()) || wherePath.segmentRepetition() != null) {
            throw where.get("path").error("where reads the same segment as each (" + path.segment() + "), not '"
                    + wherePath.text() + "'");
        }
        return new Hl7Each(path, wherePath, where.get("equals").nonEmptyScalar("equals"));
    }

    /** A time to compare or shift: a value, or {@code now}. */
    Expr time(YamlNode node, String what) {
        return node.isScalar() && "now".equals(node.scalar(what)) ? new Expr.Now() : expr(node, what);
    }

    private Expr scalarExpr(YamlNode node, String what) {
        String text = node.nonEmptyScalar(what);
        if (text.startsWith("$")) {
            Expr value = values.get(text.substring(1));
            if (value == null) {
                throw node.error("unknown value " + text + " (defined values: " + values.keySet() + ")");
            }
            return value;
        }
        return field(node);
    }

    private Expr field(YamlNode node) {
        if (source == RuleSet.Source.FHIR) {
            String text = node.nonEmptyScalar("a FHIRPath expression");
            try {
                return new FhirPathValue(text, fhirPaths.parse(text));
            } catch (IllegalArgumentException e) {
                throw node.error(e.getMessage());
            }
        }
        return new Hl7Field(path(node));
    }

    /** Notes a segment a rule reads other than through a path (its {@code forEach}). */
    void segmentRead(String name) {
        segmentsRead.add(name);
    }

    /** The segments the paths read so far name. */
    SegmentsRead segmentsRead() {
        return new SegmentsRead(segmentsRead, fullPathRead);
    }

    TerserPath path(YamlNode node) {
        try {
            TerserPath path = TerserPath.parse(node.nonEmptyScalar("a field path"));
            if (!Hl7Segments.isKnown(path.segment())) {
                throw node.error("unknown segment " + path.segment() + " in '" + path.text()
                        + "' (not in HL7 v2.3 to v2.8.1; site segments start with Z)");
            }
            segmentsRead.add(path.segment());
            fullPathRead |= path.isAbsolute();
            return path;
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private Expr lookup(Map<String, YamlNode> entries, String what) {
        YamlNode tableNode = entries.get("lookup");
        String table = tableNode.nonEmptyScalar("lookup");
        Map<String, String> entriesOfTable = tables.lookup(table);
        if (entriesOfTable == null) {
            throw tableNode.error("unknown lookup table '" + table + "' (lookup tables: " + tables.lookupNames()
                    + ")");
        }
        YamlNode of = entries.get("of");
        if (of == null) {
            throw tableNode.error(what + ": a lookup needs 'of', the value to look up");
        }
        return new Expr.Lookup(table, entriesOfTable, expr(of, what + " lookup"));
    }

    private Expr repetition(Map<String, YamlNode> entries, String what) {
        YamlNode fieldNode = entries.get("repetitionOf");
        TerserPath field = path(fieldNode);
        if (!field.isWholeField()) {
            throw fieldNode.error("repetitionOf takes a whole field such as PID-3, not '" + field.text() + "'");
        }
        YamlNode whereNode = entries.get("where");
        if (whereNode == null) {
            throw fieldNode.error(what + ": repetitionOf needs 'where: {component: N, equals: VALUE}'");
        }
        Map<String, YamlNode> where = whereNode.map("where", WHERE_KEYS);
        if (!where.containsKey("component") || !where.containsKey("equals")) {
            throw whereNode.error("where needs both component and equals");
        }
        int matchComponent = positive(where.get("component"), "where component");
        int component = entries.containsKey("component") ? positive(entries.get("component"), "component") : 1;
        return new Hl7Repetition(field, matchComponent, where.get("equals").nonEmptyScalar("equals"), component);
    }

    private static int positive(YamlNode node, String what) {
        try {
            int value = Integer.parseInt(node.scalar(what));
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw node.error(what + " must be a whole number from 1");
    }

    /** The {@code tables} section: its sets, for conditions, and its lookup tables. */
    TableReader tables() {
        return tables;
    }
}

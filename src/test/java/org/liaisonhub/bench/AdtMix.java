package org.liaisonhub.bench;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A realistic ADT mix of about 3 KB a message, every message for a patient and visit of its own: 40 % A01
 * admissions of a Spanish speaker with two insurances (interpreter and two insurance verifications), 30 % A08
 * updates with a non-English language (interpreter), 30 % A03 discharges to a nursing facility (transport).
 * The extra segments (NK1, AL1, DG1, OBX, GT1) are what real feeds carry and the rules do not read.
 */
final class AdtMix {

    private static final String CLINICAL = String.join("\r",
            "NK1|1|GARCIA^JOSE^A|SPO^Spouse^HL70063|1200 N ELM ST^^CHICAGO^IL^60610^USA|^PRN^PH^^1^312^5550101|"
                    + "^WPN^PH^^1^312^5550199|C^Emergency Contact^HL70131",
            "NK1|2|GARCIA^ANA|DAU^Daughter^HL70063|88 W LAKE ST^APT 3^CHICAGO^IL^60601^USA|^PRN^PH^^1^312^5550142",
            "AL1|1|DA^Drug allergy^HL70127|70618^Penicillin^RXNORM|SV^Severe^HL70128|Anaphylaxis|20150304",
            "AL1|2|FA^Food allergy^HL70127|256349002^Peanut^SCT|MO^Moderate^HL70128|Hives|20180711",
            "DG1|1||I50.9^Heart failure, unspecified^I10||20261127083000|A^Admitting^HL70052",
            "DG1|2||E11.9^Type 2 diabetes mellitus without complications^I10||20261127083000|W^Working^HL70052",
            "DG1|3||N18.3^Chronic kidney disease, stage 3^I10||20261127083000|W^Working^HL70052",
            "OBX|1|NM|8867-4^Heart rate^LN||92|/min^beats per minute^UCUM|60-100|N|||F|||20261127081500",
            "OBX|2|NM|8480-6^Systolic blood pressure^LN||148|mm[Hg]^millimeter of mercury^UCUM|90-140|H|||F|||"
                    + "20261127081500",
            "OBX|3|NM|8462-4^Diastolic blood pressure^LN||91|mm[Hg]^millimeter of mercury^UCUM|60-90|H|||F|||"
                    + "20261127081500",
            "OBX|4|NM|2708-6^Oxygen saturation^LN||93|%^percent^UCUM|95-100|L|||F|||20261127081500",
            "OBX|5|ST|8302-2^Body height^LN||162|cm^centimeter^UCUM||||||F|||20261127081500",
            "OBX|6|NM|29463-7^Body weight^LN||81.4|kg^kilogram^UCUM||||||F|||20261127081500",
            "GT1|1|G4411|GARCIA^MARIA^L||1200 N ELM ST^^CHICAGO^IL^60610^USA|^PRN^PH^^1^312^5550101||19580214|F||"
                    + "SEL^Self^HL70063|123-45-6789");

    /**
     * Patients are admitted (PV1-44) when the run starts, as in a live feed: with a fixed past date every item would
     * be due, and marked overdue by the hub's check, within the run, which a live feed does once per item much later.
     */
    private static final String ADMITTED = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    /** Discharged (PV1-45, with its offset) a day after the run starts, for the same reason. */
    private static final String DISCHARGED = ZonedDateTime.now().plusDays(1)
            .format(DateTimeFormatter.ofPattern("yyyyMMddHHmmZ"));

    /** How many visits later a visit's work is closed in the closing mix. */
    private static final long CLOSE_AFTER = 1_000;

    private final AtomicLong sequence = new AtomicLong();
    private final String run;
    private final boolean closing;

    /** @param run tells this run's patients from another's in the same database (a few letters) */
    AdtMix(String run) {
        this(run, false);
    }

    private AdtMix(String run, boolean closing) {
        this.run = run;
        this.closing = closing;
    }

    /**
     * The same mix with every visit's work closed a little later: an A11 cancelling the admission after an A01 or
     * A08, an A13 cancelling the discharge after an A03, each a thousand visits on. Half the messages open work, half
     * close it, so that retention has closed items to purge (the footprint over a million messages).
     */
    static AdtMix closingItsWork(String run) {
        return new AdtMix(run, true);
    }

    /** The MRN of a message of this mix, as the vendor requests carry it. */
    static String mrnPattern() {
        return "BM[A-Z]+\\d{9}";
    }

    /** The next message of the mix. */
    Message next() {
        long sent = sequence.incrementAndGet();
        if (!closing) {
            return opening(sent);
        }
        if (sent % 2 == 1) {
            return opening((sent + 1) / 2);
        }
        // the visit CLOSE_AFTER visits back (the first thousand: visits that never opened, numbered 0 and below):
        // sent over several connections, a cancel right behind its visit's opening message could be processed
        // first, find nothing open, and leave that work open for good
        long visit = sent / 2 - CLOSE_AFTER;
        return (int) (visit % 10) < 7 ? cancelled(visit, "A11", "ADT^A11^ADT_A09")
                : cancelled(visit, "A13", "ADT^A13^ADT_A01");
    }

    private Message opening(long n) {
        int kind = (int) (n % 10);
        return kind < 4 ? admission(n) : kind < 7 ? update(n) : discharge(n);
    }

    /** One message: its text ({@code \r} between segments), control id and MRN. */
    record Message(String text, String controlId, String mrn) {
    }

    private Message admission(long n) {
        Ids ids = new Ids(n);
        return ids.message("ADT^A01^ADT_A01", "A01", String.join("\r",
                pid(ids, "SPA^Spanish^HL70296"),
                pv1(ids, ""),
                CLINICAL,
                "IN1|1|PPO-GOLD^Gold PPO|AETNA01|AETNA HEALTH INC|PO BOX 981106^^EL PASO^TX^79998^USA|||GRP-5521|||"
                        + "|20260101|20261231|||GARCIA^MARIA^L|SEL^Self|19580214|1200 N ELM ST^^CHICAGO^IL^60610^USA"
                        + "||||||||||||||||W" + String.format("%09d", n),
                "IN1|2|MCR-B^Medicare Part B|MEDICARE|CENTERS FOR MEDICARE|7500 SECURITY BLVD^^BALTIMORE^MD^21244"
                        + "||||||||||||GARCIA^MARIA|SEL||||||||||||||||||||||||||||||||1EG" + String.format("%08d", n)
                        + "^^^CMS"));
    }

    private Message update(long n) {
        Ids ids = new Ids(n);
        return ids.message("ADT^A08^ADT_A01", "A08", String.join("\r",
                pid(ids, "VIE^Vietnamese^HL70296"),
                pv1(ids, ""),
                CLINICAL));
    }

    private Message discharge(long n) {
        Ids ids = new Ids(n);
        return ids.message("ADT^A03^ADT_A03", "A03", String.join("\r",
                pid(ids, "ENG^English^HL70296"),
                pv1(ids, "03|LAKESIDE SKILLED NURSING"),
                CLINICAL));
    }

    private Message cancelled(long n, String event, String type) {
        Ids ids = new Ids(n);
        return ids.message(type, event, ids.controlId + "X", String.join("\r", pid(ids, "ENG^English^HL70296"),
                pv1(ids, "")));
    }

    private static String pid(Ids ids, String language) {
        return "PID|1||X998877^^^GENHOSP^PI~" + ids.mrn + "^^^GENHOSP^MR||GARCIA^MARIA^L^^MRS||19580214|F||"
                + "2106-3^White^HL70005|1200 N ELM ST^^CHICAGO^IL^60610^USA||^PRN^PH^^1^312^5550101|"
                + "^WPN^PH^^1^312^5550199|" + language + "|M^Married^HL70002|CAT^Catholic^HL70006|ACCT-" + ids.visit
                + "|123-45-6789";
    }

    /** PV1 with the visit number in PV1-19 and, for a discharge, PV1-36, PV1-37 and PV1-45. */
    private static String pv1(Ids ids, String disposition) {
        boolean discharge = !disposition.isEmpty();
        return "PV1|1|I|4WEST^412^B^GENHOSP^^^^^4 West Medical||||1234^HOUSE^GREGORY^^^DR|5678^WILSON^JAMES^^^DR||"
                + "MED||||1|||1234^HOUSE^GREGORY^^^DR|IP|" + ids.visit + "|||||||||||||||||"
                + (discharge ? disposition : "|") + "|||||||" + ADMITTED + (discharge ? "|" + DISCHARGED : "");
    }

    private final class Ids {
        final String mrn;
        final String visit;
        final String controlId;

        Ids(long n) {
            this.mrn = "BM" + run + String.format("%09d", n);
            this.visit = "BV" + run + String.format("%09d", n);
            this.controlId = "B" + run + n;
        }

        Message message(String type, String event, String body) {
            return message(type, event, controlId, body);
        }

        Message message(String type, String event, String messageControlId, String body) {
            String msh = "MSH|^~\\&|EPIC^1.2.840.114350^ISO|GENHOSP|LIAISONHUB|GENHOSP|20261127083000||" + type + "|"
                    + messageControlId + "|P|2.5.1";
            return new Message(msh + "\rEVN|" + event + "|20261127083000\r" + body + "\r", messageControlId, mrn);
        }
    }
}

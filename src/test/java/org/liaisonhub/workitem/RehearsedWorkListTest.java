package org.liaisonhub.workitem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rehearsed work list decides as the ledger does: one open item per piece of work, updates, cancels, merges. */
class RehearsedWorkListTest {

    private final RehearsedWorkList list = new RehearsedWorkList();

    @Test
    void askingAgainForTheSameWorkLeavesItAndADifferenceUpdatesItField() {
        assertThat(actions(list.apply(List.of(interpreter("es", "412"))))).containsExactly("OPENED #1");
        assertThat(actions(list.apply(List.of(interpreter("es", "412"))))).containsExactly("UNCHANGED #1");

        List<RehearsedChange> moved = list.apply(List.of(interpreter("es", "415")));

        assertThat(actions(moved)).containsExactly("UPDATED #1");
        assertThat(moved.get(0).changed()).isEqualTo(Map.of("room", Map.of("from", "412", "to", "415")));
    }

    @Test
    void aCancelByKeyClosesTheAppointmentsItemsOnlyAndALaterAskOpensANewItem() {
        list.apply(List.of(ride("CAD-1|to-appointment"), ride("CAD-1|from-appointment"), ride("CAD-2|to-appointment")));

        List<RehearsedChange> cancelled = list.apply(List.of(new WorkNoLongerNeeded(Set.of(), "900123", null,
                "CAD-1", "Appointment cancelled", "siu/cancel")));

        assertThat(actions(cancelled)).containsExactly("CANCELLED #1", "CANCELLED #2");
        assertThat(cancelled.get(0).reason()).isEqualTo("Appointment cancelled");
        assertThat(actions(list.apply(List.of(ride("CAD-1|to-appointment"))))).containsExactly("OPENED #4");
    }

    @Test
    void aMergeMovesTheMergedAwayPatientsItemsOrClosesTheOnesTheSurvivorHas() {
        list.apply(List.of(interpreter("es", "412"), needed("INSURANCE_VERIFICATION", "900123", "AETNA")));
        list.apply(List.of(needed("INTERPRETER", "222", "")));

        List<RehearsedChange> merged = list.apply(List.of(new PatientMerged("900123", "222", "adt/merge")));

        assertThat(actions(merged)).containsExactly("CANCELLED #1", "MOVED #2");
        assertThat(merged.get(0).reason()).isEqualTo("merged");
        assertThat(merged.get(1).mrn()).isEqualTo("222");
        assertThat(actions(list.apply(List.of(needed("INSURANCE_VERIFICATION", "222", "AETNA")))))
                .containsExactly("UNCHANGED #2");
    }

    private static List<String> actions(List<RehearsedChange> changes) {
        return changes.stream().map(c -> c.action() + " #" + c.item()).toList();
    }

    private static WorkNeeded interpreter(String language, String room) {
        return new WorkNeeded("INTERPRETER", "900123", "V1", "", Map.of("language", language, "room", room), Map.of(),
                PatientLocation.UNKNOWN, null, Priority.ROUTINE, "adt/interpreter");
    }

    private static WorkNeeded ride(String key) {
        return new WorkNeeded("TRANSPORT", "900123", null, key, Map.of(), Map.of(), PatientLocation.UNKNOWN,
                Instant.parse("2027-01-05T09:00:00Z"), Priority.ROUTINE, "siu/ride");
    }

    private static WorkNeeded needed(String type, String mrn, String key) {
        return new WorkNeeded(type, mrn, "V1", key, Map.of("room", "412"), Map.of(), PatientLocation.UNKNOWN, null,
                Priority.ROUTINE, "adt/" + type);
    }
}

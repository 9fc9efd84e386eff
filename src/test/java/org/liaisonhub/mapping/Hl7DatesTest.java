package org.liaisonhub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.liaisonhub.mapping.hl7.Hl7Dates;

class Hl7DatesTest {

    @ParameterizedTest
    @CsvSource({
        "2026, 2026",
        "202611, 2026-11",
        "20261127, 2026-11-27",
        "20261127103000, 2026-11-27",
    })
    void datesKeepTheirPrecision(String hl7, String iso) {
        assertThat(Hl7Dates.date(hl7)).isEqualTo(iso);
    }

    @ParameterizedTest
    @CsvSource({
        "20261127, 2026-11-27",
        "202611271030, 2026-11-27T10:30:00",
        "20261127103015.25, 2026-11-27T10:30:15.25",
        "202611271030-0500, 2026-11-27T10:30:00-05:00",
        "20261127103000+0000, 2026-11-27T10:30:00+00:00",
        "20261127103000+0530, 2026-11-27T10:30:00+05:30",
    })
    void dateTimesBecomeIso8601WithTheirOffset(String hl7, String iso) {
        assertThat(Hl7Dates.dateTime(hl7)).isEqualTo(iso);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20261345", "2026-11-27", "yesterday", "20261127256000"})
    void invalidValuesAreRefused(String hl7) {
        assertThatThrownBy(() -> Hl7Dates.dateTime(hl7)).isInstanceOf(IllegalArgumentException.class);
    }
}

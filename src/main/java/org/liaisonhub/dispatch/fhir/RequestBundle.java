package org.liaisonhub.dispatch.fhir;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A message Bundle under construction. Each resource gets a {@code urn:uuid} full URL derived from the request's
 * idempotency key and the resource's role, so the same request always has the same ids.
 */
final class RequestBundle {

    private final Bundle bundle = new Bundle();
    private final Map<String, Reference> byRole = new HashMap<>();
    private final String key;

    RequestBundle(String idempotencyKey, Date timestamp) {
        this.key = idempotencyKey;
        bundle.setId(uuid("bundle").toString());
        bundle.setType(Bundle.BundleType.MESSAGE);
        bundle.setIdentifier(new Identifier().setSystem(FhirCodes.REQUEST_SYSTEM).setValue(idempotencyKey));
        bundle.setTimestamp(timestamp);
    }

    /** Adds a resource under its role and returns a reference to it. */
    Reference add(String role, Resource resource) {
        String fullUrl = "urn:uuid:" + uuid(role);
        bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
        byRole.put(role, new Reference(fullUrl));
        return new Reference(fullUrl);
    }

    /** The resource already added under this role, if any. */
    Optional<Reference> reference(String role) {
        return Optional.ofNullable(byRole.get(role)).map(Reference::copy);
    }

    Bundle bundle() {
        return bundle;
    }

    private UUID uuid(String role) {
        return UUID.nameUUIDFromBytes((key + "#" + role).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A Location, added once per role: named as the details name it ({@code name}), else from point of care, room
     * and bed; with the facility as its description and, when given, a postal address ({@code address.line},
     * {@code line2}, {@code city}, {@code state}, {@code postalCode}: a patient's home, for an appointment's ride).
     */
    Optional<Reference> location(String role, Details details, String prefix) {
        String pointOfCare = details.text(prefix + "pointOfCare");
        String address = prefix + "address.";
        boolean hasAddress = details.has(address + "line") || details.has(address + "city");
        if (pointOfCare == null && !details.has(prefix + "room") && !details.has(prefix + "name") && !hasAddress) {
            return Optional.empty();
        }
        StringBuilder name = new StringBuilder(pointOfCare == null ? "" : pointOfCare);
        if (details.has(prefix + "room")) {
            name.append(name.isEmpty() ? "" : " ").append(details.text(prefix + "room"));
        }
        if (details.has(prefix + "bed")) {
            name.append('-').append(details.text(prefix + "bed"));
        }
        Location location = new Location().setName(details.has(prefix + "name") ? details.text(prefix + "name")
                : name.isEmpty() ? null : name.toString());
        location.setMode(Location.LocationMode.INSTANCE);
        if (details.has(prefix + "facility")) {
            location.setDescription(details.text(prefix + "facility"));
        }
        if (hasAddress) {
            Address postal = location.getAddress().setUse(Address.AddressUse.HOME);
            Stream.of("line", "line2").map(line -> details.text(address + line)).filter(Objects::nonNull)
                    .forEach(postal::addLine);
            postal.setCity(details.text(address + "city")).setState(details.text(address + "state"))
                    .setPostalCode(details.text(address + "postalCode"));
        }
        return reference(role).or(() -> Optional.of(add(role, location)));
    }
}

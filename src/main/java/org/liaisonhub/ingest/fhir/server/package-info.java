/**
 * HAPI's plain server at {@code /fhir} and the notification endpoint: the endpoints, the CapabilityStatement's
 * resource list, and the hooks that store and answer what fails before an intake takes it.
 */
package org.liaisonhub.ingest.fhir.server;

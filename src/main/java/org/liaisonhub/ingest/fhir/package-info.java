/**
 * The FHIR R4 channel: HAPI's plain server at {@code /fhir} (create, update, transaction, batch, collection,
 * message), subscription notifications, validation, the kept resources and the references between them.
 */
package org.liaisonhub.ingest.fhir;

/** Evaluating rules on FHIR resources: FHIRPath with the hub's constants and reference resolution. */
package org.liaisonhub.mapping.fhir;

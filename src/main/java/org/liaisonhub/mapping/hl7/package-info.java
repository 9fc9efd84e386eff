/** Evaluating rules on an HL7 v2 message: field paths through HAPI's Terser, repetitions, HL7 dates. */
package org.liaisonhub.mapping.hl7;

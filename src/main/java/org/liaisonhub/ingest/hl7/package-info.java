/**
 * The HL7 v2 channel: decoding a frame in its character set, screening (parse, type and version), the intake step
 * (duplicate claim, rules) and the acknowledgement, original mode, built only after commit.
 */
package org.liaisonhub.ingest.hl7;

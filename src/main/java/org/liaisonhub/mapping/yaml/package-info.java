/**
 * Reading mapping files (docs/mappings.md) into the rule model, checking everything at start-up: a bad file stops
 * the hub with the file, the line and the problem.
 */
package org.liaisonhub.mapping.yaml;

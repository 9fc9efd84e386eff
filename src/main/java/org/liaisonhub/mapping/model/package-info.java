/**
 * The rule model a mapping file becomes: rule sets, rules, conditions, values ({@link
 * org.liaisonhub.mapping.model.Expr}), detail templates and actions. It reads nothing itself: each kind of value
 * knows what it reads from the rule's context ({@code mapping.hl7}, {@code mapping.fhir}).
 */
package org.liaisonhub.mapping.model;

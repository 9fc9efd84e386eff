/**
 * The web console: pages for the people who run the hub and work its list, served by the hub itself (Thymeleaf and
 * htmx from the jar). Controllers and templates only: every action goes through the same services as the API, under
 * the signed-in person's name; who may see what is {@code platform.security.AccessRules.CONSOLE}. docs/console.md
 * describes the pages.
 */
package org.liaisonhub.console;

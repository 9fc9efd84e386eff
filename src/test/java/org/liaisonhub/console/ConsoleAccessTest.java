package org.liaisonhub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.liaisonhub.platform.audit.AuditEvent;
import org.liaisonhub.platform.audit.AuditTrail;
import org.liaisonhub.platform.security.AccessRule;
import org.liaisonhub.platform.security.AccessRules;
import org.liaisonhub.platform.security.Role;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubIntegrationTest;
import org.liaisonhub.support.MllpTestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Every console page and action against every role (MockMvc through the real security chain): the roles of
 * {@code AccessRules.CONSOLE} get through, the others get the "Not allowed" page, nobody signed in is sent to sign
 * in, and a state-changing request without the CSRF token is refused even with the right role.
 */
class ConsoleAccessTest extends HubIntegrationTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    AuditTrail audit;

    MockMvc console;
    long item;

    @BeforeEach
    void console() {
        console = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        Fixtures patient = Fixtures.fresh().with("VERSION", "2.5.1");
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(patient.hl7("a01-admit-interpreter")).code()).isEqualTo("AA");
        }
        item = workItemsOf(patient.get("MRN")).get(0).get("id").asLong();
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cells = new ArrayList<>();
        for (AccessRule rule : AccessRules.CONSOLE) {
            if (rule.isPublic() || rule.pattern().contains("*")) {
                continue;
            }
            for (Role role : Role.values()) {
                cells.add(Arguments.of(rule.method(), rule.pattern(), role, rule.allowed().contains(role)));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} {1} as {2}: allowed {3}")
    @MethodSource("matrix")
    void eachRoleGetsThroughExactlyWhereTheTableLetsIt(HttpMethod method, String pattern, Role role, boolean allowed)
            throws Exception {
        MockHttpServletResponse answer = console.perform(request(method, pattern)
                .with(user("test-" + role.name().toLowerCase()).roles(role.name())).with(csrf())).andReturn()
                .getResponse();

        if (allowed) {
            assertThat(answer.getStatus()).as("through").isNotEqualTo(403);
            assertThat(String.valueOf(answer.getRedirectedUrl())).as("not sent to sign in").doesNotEndWith("/login");
        } else {
            assertThat(answer.getStatus()).isEqualTo(403);
            assertThat(answer.getForwardedUrl()).as("the friendly page").isEqualTo("/console/forbidden");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pages")
    void nobodySignedInIsSentToSignIn(HttpMethod method, String pattern) throws Exception {
        MockHttpServletResponse answer = console.perform(request(method, pattern).with(csrf())).andReturn()
                .getResponse();

        assertThat(answer.getStatus()).isEqualTo(302);
        assertThat(answer.getRedirectedUrl()).endsWith("/login");
    }

    static Stream<Arguments> pages() {
        return AccessRules.CONSOLE.stream().filter(rule -> !rule.isPublic())
                .map(rule -> Arguments.of(rule.method(), rule.pattern()));
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefusedEvenForALiaison() throws Exception {
        MockHttpServletResponse answer = console.perform(MockMvcRequestBuilders
                .post("/console/work-items/{id}/note", item).param("note", "forged")
                .with(user("test-liaison").roles("LIAISON"))).andReturn().getResponse();

        assertThat(answer.getStatus()).isEqualTo(403);
        assertThat(getJson("/api/work-items/" + item).get("history").toString()).doesNotContain("forged");
    }

    @Test
    void aPageViewAndAnActionAreInTheAccessAuditUnderThePersonsName() throws Exception {
        console.perform(MockMvcRequestBuilders.get("/console/work-items/{id}", item)
                .with(user("test-liaison").roles("LIAISON"))).andReturn();
        console.perform(MockMvcRequestBuilders.post("/console/work-items/{id}/note", item).param("note", "Called")
                .with(user("test-liaison").roles("LIAISON")).with(csrf())).andReturn();

        List<AuditEvent> events = audit.search("test-liaison", null, "WorkItem", String.valueOf(item), null, null, 0,
                10).items();
        assertThat(events).extracting(AuditEvent::action, AuditEvent::method, AuditEvent::path).contains(
                tuple("READ", "GET", "/console/work-items/" + item),
                tuple("CHANGE", "POST", "/console/work-items/" + item + "/note"));
    }

    @Test
    void pagesThatShowPatientDataAreNeverCached() throws Exception {
        MockHttpServletResponse answer = console.perform(MockMvcRequestBuilders.get("/console/work-items/{id}", item)
                .with(user("test-liaison").roles("LIAISON"))).andReturn().getResponse();

        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getHeader("Cache-Control")).contains("no-store");
    }

    private MockHttpServletRequestBuilder request(HttpMethod method, String pattern) {
        return MockMvcRequestBuilders.request(method, pattern.replace("{id}", String.valueOf(item)));
    }
}

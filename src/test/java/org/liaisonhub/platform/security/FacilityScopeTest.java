package org.liaisonhub.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.liaisonhub.support.Fixtures;
import org.liaisonhub.support.HubIntegrationTest;
import org.liaisonhub.support.MllpTestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A caller limited to one facility (minimum necessary) sees and changes the work items and messages of that
 * facility only, in the API and in the console; others are unknown to it. An unlimited caller sees all.
 */
class FacilityScopeTest extends HubIntegrationTest {

    @Autowired
    WebApplicationContext context;

    private Fixtures general;
    private Fixtures stMarys;

    @BeforeEach
    void twoFacilities() {
        general = Fixtures.fresh();
        stMarys = Fixtures.fresh();
        try (MllpTestClient ehr = mllp()) {
            assertThat(ehr.send(general.hl7("a01-admit-spanish-two-insurances")).code()).isEqualTo("AA");
            assertThat(ehr.send(stMarys.hl7("a01-admit-spanish-two-insurances").replace("GENHOSP", "STMARYS"))
                    .code()).isEqualTo("AA");
        }
    }

    @Test
    void aCallerOfOneFacilitySeesAndChangesOnlyItsWorkItemsAndMessages() {
        assertThat(items(general, GENHOSP_ONLY)).isNotEmpty();
        assertThat(items(stMarys, GENHOSP_ONLY)).as("another facility's items").isEmpty();
        long theirs = workItemsOf(stMarys.get("MRN")).get(0).get("id").asLong();
        assertThat(call(HttpMethod.GET, "/api/work-items/" + theirs, null).getStatusCode().value()).isEqualTo(404);
        assertThat(call(HttpMethod.PATCH, "/api/work-items/" + theirs, "{\"assignee\": \"ana\"}").getStatusCode()
                .value()).as("nor changed").isEqualTo(404);
        long ours = workItemsOf(general.get("MRN")).get(0).get("id").asLong();
        assertThat(call(HttpMethod.PATCH, "/api/work-items/" + ours, "{\"assignee\": \"ana\"}").getStatusCode()
                .value()).isEqualTo(200);

        assertThat(messages(general, GENHOSP_ONLY)).hasSize(1);
        assertThat(messages(stMarys, GENHOSP_ONLY)).isEmpty();
        long theirMessage = getJson("/api/messages?controlId=" + stMarys.get("CONTROL_ID")).get("items").get(0)
                .get("id").asLong();
        assertThat(call(HttpMethod.GET, "/api/messages/" + theirMessage, null).getStatusCode().value())
                .isEqualTo(404);
        assertThat(call(HttpMethod.POST, "/api/messages/" + theirMessage + "/reprocess", null).getStatusCode()
                .value()).isEqualTo(404);

        assertThat(items(stMarys, key(Role.LIAISON))).as("an unlimited caller sees all").isNotEmpty();
    }

    @Test
    void theConsoleOfACallerOfOneFacilityListsAndOpensOnlyItsItems() throws Exception {
        MockMvc console = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        MockHttpSession session = (MockHttpSession) console.perform(MockMvcRequestBuilders.post("/login")
                .param("credential", GENHOSP_ONLY).with(csrf())).andReturn().getRequest().getSession();
        String rows = console.perform(MockMvcRequestBuilders.get("/console/work-items/rows").session(session))
                .andReturn().getResponse().getContentAsString();
        assertThat(rows).contains(general.get("MRN")).doesNotContain(stMarys.get("MRN"));
        long theirs = workItemsOf(stMarys.get("MRN")).get(0).get("id").asLong();
        assertThat(console.perform(MockMvcRequestBuilders.get("/console/work-items/" + theirs).session(session))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    private JsonNode items(Fixtures patient, String key) {
        return read(call(HttpMethod.GET, "/api/work-items?mrn=" + patient.get("MRN"), null, key).getBody())
                .get("items");
    }

    private JsonNode messages(Fixtures patient, String key) {
        return read(call(HttpMethod.GET, "/api/messages?controlId=" + patient.get("CONTROL_ID"), null, key)
                .getBody()).get("items");
    }

    private ResponseEntity<String> call(HttpMethod method, String path, String body) {
        return call(method, path, body, GENHOSP_ONLY);
    }

    private ResponseEntity<String> call(HttpMethod method, String path, String body, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(key);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}

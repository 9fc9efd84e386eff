package org.liaisonhub.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.liaisonhub.platform.FacilityScope;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** What a verified JWT makes of its caller: the subject, this application's roles, the facilities it may see. */
class CallerFromJwtTest {

    private final SecurityConfiguration.CallerFromJwt callers =
            new SecurityConfiguration.CallerFromJwt(new HubSecurityProperties.Jwt(null, null));

    @Test
    void aTokenWithFacilitiesLimitsItsCallerToThem() {
        Authentication caller = callers.convert(token(Map.of("facilities", List.of("GENHOSP", "GENHOSP-EAST"))));
        assertThat(caller.getName()).isEqualTo("nurse.ana");
        assertThat(caller.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_LIAISON");
        assertThat(FacilityScope.of(caller).facilities()).containsExactlyInAnyOrder("GENHOSP", "GENHOSP-EAST");
    }

    @Test
    void aTokenWithoutFacilitiesSeesAll() {
        assertThat(FacilityScope.of(callers.convert(token(Map.of()))).limited()).isFalse();
    }

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder token = Jwt.withTokenValue("token").header("alg", "RS256").subject("nurse.ana")
                .claim("resource_access", Map.of("liaison-hub", Map.of("roles", List.of("LIAISON", "admin"))));
        claims.forEach(token::claim);
        return token.build();
    }
}

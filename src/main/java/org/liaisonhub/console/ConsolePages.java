package org.liaisonhub.console;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The pages around the work: sign-in, the start page, and the page of a request the person's roles do not allow. */
@Controller
class ConsolePages {

    /** The sections of the console, the roles that open each, and where each starts. */
    record Section(String name, String path, List<String> roles) {
    }

    static final List<Section> SECTIONS = List.of(
            new Section("Work list", "/console/work-items", List.of("ROLE_LIAISON", "ROLE_ADMIN")),
            new Section("Dashboard", "/console/dashboard", List.of("ROLE_INTEGRATION", "ROLE_ADMIN")),
            new Section("Messages", "/console/messages", List.of("ROLE_INTEGRATION", "ROLE_ADMIN")),
            new Section("Dead letters", "/console/dead-letters", List.of("ROLE_INTEGRATION", "ROLE_ADMIN")),
            new Section("Mappings and routes", "/console/mappings", List.of("ROLE_INTEGRATION", "ROLE_ADMIN")),
            new Section("Access audit", "/console/audit", List.of("ROLE_AUDITOR", "ROLE_ADMIN")));

    @GetMapping("/login")
    String signIn() {
        return "console/login";
    }

    /** The liaison's list is the start page of those who work it; the others choose among their sections. */
    @GetMapping("/")
    String home(Authentication who, Model model) {
        List<Section> open = SECTIONS.stream().filter(section -> who.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(section.roles()::contains)).toList();
        if (open.size() == 1) {
            return "redirect:" + open.get(0).path();
        }
        model.addAttribute("sections", open);
        return "console/home";
    }

    @RequestMapping("/console/forbidden")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "console/forbidden";
    }
}

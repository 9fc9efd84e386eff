package org.liaisonhub.console;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The pages around the work: sign-in, the start page, and the page of a request the person's roles do not allow. */
@Controller
class ConsolePages {

    /** A section of the console and where it starts. */
    record Section(String name, String path) {
    }

    static final List<Section> SECTIONS = List.of(
            new Section("Work list", "/console/work-items"),
            new Section("Dashboard", "/console/dashboard"),
            new Section("Messages", "/console/messages"),
            new Section("Dead letters", "/console/dead-letters"),
            new Section("Mappings and routes", "/console/mappings"),
            new Section("Access audit", "/console/audit"));

    /** The console's own security rules ({@code AccessRules.CONSOLE}) say who opens which section. */
    private final WebInvocationPrivilegeEvaluator access;

    ConsolePages(WebInvocationPrivilegeEvaluator access) {
        this.access = access;
    }

    @GetMapping("/login")
    String signIn() {
        return "console/login";
    }

    /** The liaison's list is the start page of those who work it; the others choose among their sections. */
    @GetMapping("/")
    String home(Authentication who, Model model) {
        List<Section> open = SECTIONS.stream().filter(section -> access.isAllowed("", section.path(), "GET", who)).toList();
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

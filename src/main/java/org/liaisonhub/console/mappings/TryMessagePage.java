package org.liaisonhub.console.mappings;

import java.util.List;
import org.liaisonhub.ingest.MessageTrial;
import org.liaisonhub.ingest.TrialInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Try a message": an integration engineer pastes HL7 v2 messages (one or a sequence) or a FHIR resource and sees
 * what the running rules would do, as {@code POST /api/mappings/try} answers it. Nothing is stored. The pasted text is
 * posted, never put in a URL.
 */
@Controller
class TryMessagePage {

    private final MessageTrial trial;

    TryMessagePage(MessageTrial trial) {
        this.trial = trial;
    }

    @GetMapping("/console/mappings/try")
    String form() {
        return "console/mapping-try";
    }

    @PostMapping("/console/mappings/try")
    String tryIt(@RequestParam(defaultValue = "") String content, @RequestParam(defaultValue = "false") boolean explain,
            Model model) {
        model.addAttribute("content", content);
        model.addAttribute("explain", explain);
        if (content.isBlank()) {
            model.addAttribute("problem", "Paste an HL7 v2 message (or several, each starting with MSH) or a FHIR"
                    + " resource in JSON");
            return "console/mapping-try";
        }
        model.addAttribute("tried", trial.run(List.of(new TrialInput("message", content)), explain));
        // an acknowledgement's segments end in \r, which a page shows one per line
        model.addAttribute("segmentSeparator", "\r");
        model.addAttribute("newline", "\n");
        return "console/mapping-try";
    }
}

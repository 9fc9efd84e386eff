package org.liaisonhub.deploy;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/mappings/reload}: deploys the mapping files as they are now, without waiting for the next check.
 * 200 with the outcome when the hub uses them; 422, a problem detail listing each problem or failed case, when it
 * refused them and keeps running the rules it had.
 */
@RestController
class MappingReloadController {

    private final MappingReload reload;

    MappingReloadController(MappingReload reload) {
        this.reload = reload;
    }

    @PostMapping("/api/mappings/reload")
    ResponseEntity<?> reload() {
        ReloadOutcome outcome = reload.reload();
        if (outcome.applied()) {
            return ResponseEntity.ok(outcome);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, "The mapping files"
                + " (version " + outcome.version() + ") were refused; version " + outcome.running()
                + " keeps running");
        problem.setTitle("Mapping rules refused");
        problem.setProperty("version", outcome.version());
        problem.setProperty("running", outcome.running());
        problem.setProperty("problems", outcome.problems());
        problem.setProperty("cases", outcome.cases());
        return ResponseEntity.unprocessableEntity().body(problem);
    }
}

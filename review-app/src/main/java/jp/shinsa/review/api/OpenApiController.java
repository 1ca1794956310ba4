package jp.shinsa.review.api;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the hand-written OpenAPI description. Written by hand rather than generated: the API is
 * small, and the description is then a reviewed document that a test checks against the endpoints.
 */
@RestController
class OpenApiController {
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    @GetMapping(value = "/api/openapi.yaml")
    ResponseEntity<Resource> openApi() {
        return ResponseEntity.ok().contentType(YAML).body(new ClassPathResource("api/openapi.yaml"));
    }
}

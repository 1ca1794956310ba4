package jp.shinsa.review.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.shinsa.review.application.ApplicationReviewService;
import jp.shinsa.review.application.ApplicationRows;
import jp.shinsa.review.application.ApplicationStatus;
import jp.shinsa.review.application.ApplicationSummary;
import jp.shinsa.review.application.PackageUnpacker;
import jp.shinsa.review.application.StoredFile;
import jp.shinsa.review.application.UploadedFile;
import jp.shinsa.review.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/applications}: submit a package (multipart {@code files}, any of them may be a ZIP,
 * or one ZIP as the raw body), its status, its review in the contract's JSON, and the list. Every call
 * is recorded in the audit log with the token's name as the actor.
 */
@RestController
@RequestMapping("/api/v1/applications")
class ApplicationsApiController {
    private static final Logger log = LoggerFactory.getLogger(ApplicationsApiController.class);
    private static final int MAX_PAGE_SIZE = 200;
    private final ApplicationReviewService reviews;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final ApiUploadLimits limits;
    private final ApiReadAudit reads;

    ApplicationsApiController(ApplicationReviewService reviews, AuditLog audit, JdbcClient jdbc,
                              ApiUploadLimits limits, ApiReadAudit reads) {
        this.reads = reads;
        this.reviews = reviews;
        this.audit = audit;
        this.jdbc = jdbc;
        this.limits = limits;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ApiResponses.Submitted> submitMultipart(@RequestParam("files") List<MultipartFile> files,
                                                           @RequestParam(value = "name", required = false) String name,
                                                           Authentication caller) throws IOException {
        List<UploadedFile> uploads = new ArrayList<>();
        for (MultipartFile f : files) {
            String fileName = f.getOriginalFilename() == null ? f.getName() : f.getOriginalFilename();
            uploads.add(new UploadedFile(fileName, f.getContentType(), f.getBytes()));
        }
        String fallback = uploads.size() == 1 && uploads.getFirst().fileName().toLowerCase().endsWith(".zip")
                ? uploads.getFirst().fileName() : null;
        return submit(caller, name, fallback, uploads);
    }

    @PostMapping(consumes = {"application/zip", "application/x-zip-compressed"})
    ResponseEntity<ApiResponses.Submitted> submitZip(HttpServletRequest request,
                                                     @RequestParam(value = "name", required = false) String name,
                                                     Authentication caller) throws IOException {
        byte[] zip = readBounded(request.getInputStream(), limits.maxRequestBytes);
        String fileName = (name == null || name.isBlank() ? "package" : name) + ".zip";
        return submit(caller, name, fileName, List.of(new UploadedFile(fileName, "application/zip", zip)));
    }

    private ResponseEntity<ApiResponses.Submitted> submit(Authentication caller, String name, String fallbackName,
                                                          List<UploadedFile> uploads) {
        PackageUnpacker.Result unpacked = new PackageUnpacker(limits.unpack).unpack(uploads);
        List<ApiResponses.Rejected> rejected = unpacked.rejected().stream().map(ApiResponses.Rejected::of).toList();
        String actor = caller.getName();
        String appName = applicationName(name, fallbackName, actor);
        if (unpacked.files().isEmpty()) {
            audit.record(actor, "API_SUBMIT_REFUSED", null, Map.of("name", appName, "rejected", rejectedDetail(rejected)));
            throw new NothingAcceptedException(rejected);
        }
        long id = reviews.submit(actor, appName, unpacked.files());
        List<String> stored = reviews.files(id).stream().map(StoredFile::fileName).toList();
        audit.record(actor, "API_SUBMIT", id, Map.of("name", appName, "files", stored,
                "rejected", rejectedDetail(rejected)));
        ApiResponses.Submitted body = new ApiResponses.Submitted(id, appName, ApplicationStatus.RECEIVED.name(),
                stored, rejected, ApiResponses.linksFor(id));
        return ResponseEntity.status(HttpStatus.ACCEPTED).header(HttpHeaders.LOCATION, "/api/v1/applications/" + id)
                .body(body);
    }

    @GetMapping("/{id}")
    ApiResponses.Status status(@PathVariable long id, Authentication caller) {
        ApplicationSummary app = reviews.find(id).orElseThrow(() -> new ApplicationNotFoundException(id));
        reads.record(caller.getName(), "API_GET_STATUS", id, Map.of());
        return ApiResponses.Status.of(app);
    }

    /** Set on a stored review that a correction, a taught mapping or a new model has made out of date. */
    static final String REVIEW_PENDING = "Shinsa-Review-Pending";

    /**
     * The stored review, exactly the contract's JSON; a problem (409, Retry-After) while it is not ready. A
     * review that a later change has made out of date is still served, marked by {@value #REVIEW_PENDING}
     * ({@code true}, with Retry-After while the re-review runs; {@code failed} when it gave up).
     */
    @GetMapping(value = "/{id}/review", produces = {MediaType.APPLICATION_JSON_VALUE, Problems.MEDIA_TYPE})
    ResponseEntity<?> review(@PathVariable long id, Authentication caller) {
        ApplicationSummary app = reviews.find(id).orElseThrow(() -> new ApplicationNotFoundException(id));
        reads.record(caller.getName(), "API_GET_REVIEW", id, Map.of("status", app.status().name()));
        var json = reviews.reviewJson(id);
        if (json.isPresent()) {
            var ok = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
            if (app.reviewPending()) {
                ok.header(REVIEW_PENDING, app.reReviewFailure() == null ? "true" : "failed");
                if (app.reReviewFailure() == null) {
                    ok.header(HttpHeaders.RETRY_AFTER, "5");
                }
            }
            return ok.body(json.get());
        }
        ProblemDetail p;
        HttpHeaders headers = new HttpHeaders();
        if (app.status() == ApplicationStatus.FAILED) {
            p = Problems.of(HttpStatus.CONFLICT, "review-failed", "The review failed",
                    "The first pass could not review this application: " + app.failureReason());
        } else {
            p = Problems.of(HttpStatus.CONFLICT, "review-not-ready", "The review is not ready yet",
                    "The application is " + app.status().name() + "; try again later.");
            headers.set(HttpHeaders.RETRY_AFTER, "5");
        }
        p.setProperty("applicationStatus", app.status().name());
        return ResponseEntity.status(HttpStatus.CONFLICT).headers(headers)
                .contentType(MediaType.parseMediaType(Problems.MEDIA_TYPE)).body(p);
    }

    @GetMapping
    ApiResponses.Page list(@RequestParam(value = "status", required = false) String status,
                           @RequestParam(value = "page", defaultValue = "0") int page,
                           @RequestParam(value = "size", defaultValue = "50") int size, Authentication caller) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page ≥ 0 and 1 ≤ size ≤ " + MAX_PAGE_SIZE);
        }
        String st = status == null || status.isBlank() ? null : ApplicationStatus.valueOf(status.strip()).name();
        reads.record(caller.getName(), "API_LIST", null, st == null ? Map.of("page", page) : Map.of("page", page, "status", st));
        List<ApiResponses.Status> items = jdbc.sql("SELECT " + ApplicationRows.COLUMNS + " FROM application " + """
                 WHERE (CAST(:status AS text) IS NULL OR status = :status)
                 ORDER BY id DESC LIMIT :limit OFFSET :offset""")
                .param("status", st).param("limit", size).param("offset", (long) page * size)
                .query(ApplicationRows::summary).list().stream().map(ApiResponses.Status::of).toList();
        long total = jdbc.sql("SELECT count(*) FROM application WHERE (CAST(:status AS text) IS NULL OR status = :status)")
                .param("status", st).query(Long.class).single();
        return new ApiResponses.Page(items, page, size, total);
    }

    // --- problems -------------------------------------------------------------------------------

    static final class NothingAcceptedException extends RuntimeException {
        final List<ApiResponses.Rejected> rejected;

        NothingAcceptedException(List<ApiResponses.Rejected> rejected) {
            super("no file of the package was accepted");
            this.rejected = rejected;
        }
    }

    @ExceptionHandler(NothingAcceptedException.class)
    ProblemDetail nothingAccepted(NothingAcceptedException e) {
        ProblemDetail p = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "package-rejected",
                "No file of the package was accepted", "Every file was rejected; see rejected[] for the reasons.");
        p.setProperty("rejected", e.rejected);
        return p;
    }

    @ExceptionHandler(ApplicationNotFoundException.class)
    ProblemDetail notFound(ApplicationNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "No such application", e.getMessage());
    }

    @ExceptionHandler(UploadTooLargeException.class)
    ProblemDetail tooLarge(UploadTooLargeException e) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "Upload too large", e.getMessage());
    }

    @ExceptionHandler(AuthorizationDeniedException.class)
    ProblemDetail denied(AuthorizationDeniedException e, HttpServletRequest request, Authentication caller) {
        audit.record(caller == null ? "anonymous" : caller.getName(), "API_DENIED", null,
                Map.of("method", request.getMethod(), "path", request.getRequestURI()));
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "The token's role may not do this.");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", e.getMessage());
    }

    /** Anything unexpected: a problem, logged with its stack, never the stack to the caller. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof org.springframework.web.ErrorResponse known) {
            // Spring MVC's own refusals (missing part, wrong type, unsupported media type) keep their status.
            return ResponseEntity.status(known.getStatusCode()).body(known.getBody());
        }
        log.error("API {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Internal error", "The request could not be completed; the error was logged."));
    }

    // --- helpers --------------------------------------------------------------------------------

    private static String applicationName(String requested, String fallbackFileName, String actor) {
        String n = requested;
        if (n == null || n.isBlank()) {
            n = fallbackFileName == null ? null : fallbackFileName.replaceAll("(?i)\\.zip$", "");
        }
        if (n != null) {
            n = n.replace('\\', '/');
            n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
        }
        if (n == null || n.isEmpty()) {
            n = actor + "-" + OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        }
        return n.length() > 200 ? n.substring(0, 200) : n;
    }

    private static List<Map<String, String>> rejectedDetail(List<ApiResponses.Rejected> rejected) {
        return rejected.stream().map(r -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("file", r.file());
            m.put("reason", r.reason());
            return m;
        }).toList();
    }

    private static byte[] readBounded(InputStream in, long max) throws IOException {
        return PackageUnpacker.readAtMost(in, max).orElseThrow(() -> {
            log.info("refused an upload over {} bytes", max);
            return new UploadTooLargeException(max);
        });
    }
}

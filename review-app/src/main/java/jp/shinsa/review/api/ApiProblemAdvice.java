package jp.shinsa.review.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Problem details for what Spring MVC itself refuses (missing parameter, wrong type, unsupported
 * media type, …). The upload limit is handled apart: the multipart body is parsed before a handler is
 * chosen, so only an advice that applies to every handler sees it (only the API takes multipart
 * requests through Spring MVC; Vaadin's uploads have their own path).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    /** Too many parts (Tomcat's part-count limit) or a broken multipart body. */
    @org.springframework.web.bind.annotation.ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        ProblemDetail p = tooManyParts(e)
                ? Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-many-parts", "Too many parts",
                "The request has more multipart parts than allowed; send the package as one ZIP.")
                : Problems.of(HttpStatus.BAD_REQUEST, "bad-multipart", "Malformed multipart request",
                "The multipart body could not be read.");
        return ResponseEntity.status(p.getStatus()).contentType(MediaType.parseMediaType(Problems.MEDIA_TYPE)).body(p);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail p = tooManyParts(ex)
                ? Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-many-parts", "Too many parts",
                "The request has more multipart parts than allowed; send the package as one ZIP.")
                : Problems.of(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "Upload too large",
                "The upload exceeds the size limit of one request or one file.");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .contentType(MediaType.parseMediaType(Problems.MEDIA_TYPE)).body(p);
    }

    /** Tomcat reports its part-count limit as a size limit; its exception's name tells them apart. */
    private static boolean tooManyParts(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = t.getClass().getSimpleName() + " " + t.getMessage();
            if (text.contains("FileCountLimitExceeded") || text.toLowerCase(java.util.Locale.ROOT).contains("count")) {
                return true;
            }
        }
        return false;
    }
}

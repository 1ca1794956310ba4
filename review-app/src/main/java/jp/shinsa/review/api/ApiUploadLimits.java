package jp.shinsa.review.api;

import jp.shinsa.review.application.PackageUnpacker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The bounds of one package received through the API: those of the unpacker (per file, per package,
 * files per package and the expansion ratio of a ZIP, shared with the UI), and the whole request
 * (Spring's multipart limit, which a raw ZIP body obeys too).
 */
@Component
class ApiUploadLimits {
    final PackageUnpacker.Limits unpack;
    final long maxRequestBytes;

    ApiUploadLimits(PackageUnpacker.Limits unpack,
                    @Value("${spring.servlet.multipart.max-request-size:200MB}") DataSize maxRequest) {
        this.unpack = unpack;
        this.maxRequestBytes = maxRequest.toBytes();
    }
}

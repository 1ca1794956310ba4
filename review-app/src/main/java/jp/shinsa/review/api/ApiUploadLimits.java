package jp.shinsa.review.api;

import jp.shinsa.review.application.PackageUnpacker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The bounds of one package received through the API: per file, per package, files per package and
 * the expansion ratio of a ZIP (the unpacker's), and the whole request (Spring's multipart limit, which
 * a raw ZIP body obeys too). Configurable so that tests can use small ones.
 */
@Component
class ApiUploadLimits {
    final PackageUnpacker.Limits unpack;
    final long maxRequestBytes;

    ApiUploadLimits(@Value("${shinsa.upload.max-file-size:50MB}") DataSize maxFile,
                    @Value("${shinsa.upload.max-package-size:200MB}") DataSize maxPackage,
                    @Value("${shinsa.upload.max-files:100}") int maxFiles,
                    @Value("${shinsa.upload.max-compression-ratio:200}") double maxRatio,
                    @Value("${spring.servlet.multipart.max-request-size:200MB}") DataSize maxRequest) {
        this.unpack = new PackageUnpacker.Limits(maxFile.toBytes(), maxPackage.toBytes(), maxFiles, maxRatio);
        this.maxRequestBytes = maxRequest.toBytes();
    }
}

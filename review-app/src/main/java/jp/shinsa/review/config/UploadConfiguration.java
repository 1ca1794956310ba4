package jp.shinsa.review.config;

import jp.shinsa.review.application.PackageUnpacker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The bounds of one uploaded application package, one set for the API and the new-application dialog
 * alike, so that a file refused by one is refused by the other. Configurable so that tests can use
 * small ones.
 */
@Configuration(proxyBeanMethods = false)
class UploadConfiguration {

    @Bean
    PackageUnpacker.Limits uploadLimits(@Value("${shinsa.upload.max-file-size:50MB}") DataSize maxFile,
                                        @Value("${shinsa.upload.max-package-size:200MB}") DataSize maxPackage,
                                        @Value("${shinsa.upload.max-files:100}") int maxFiles,
                                        @Value("${shinsa.upload.max-compression-ratio:200}") double maxRatio) {
        return new PackageUnpacker.Limits(maxFile.toBytes(), maxPackage.toBytes(), maxFiles, maxRatio);
    }
}

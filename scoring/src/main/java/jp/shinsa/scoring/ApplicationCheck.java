package jp.shinsa.scoring;

import java.util.List;
import jp.shinsa.models.ExtractedApplication;
import jp.shinsa.models.Finding;
import jp.shinsa.models.Program;

/**
 * A check over an extracted application that yields findings (findings.md). Implementations are
 * stateless or thread-safe; {@code program} is null when the application names no known program.
 */
public interface ApplicationCheck {
    List<Finding> check(ExtractedApplication application, Program program);
}

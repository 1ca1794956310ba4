package jp.shinsa.scoring.fit;

import java.util.List;
import jp.shinsa.models.PastGrant;

/** Placeholder, replaced below. */
public final class DemoPastGrants {
    private DemoPastGrants() {
    }

    public static List<PastGrant> standard() {
        throw new UnsupportedOperationException();
    }
}

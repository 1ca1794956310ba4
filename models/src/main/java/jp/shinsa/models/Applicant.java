package jp.shinsa.models;

/** Who applies: corporation (法人名), facility (施設名), address and beds; any may be null. */
public record Applicant(String corporation, String facility, String address, Integer beds) {
    public static final Applicant UNKNOWN = new Applicant(null, null, null, null);

    public String displayName() {
        if (corporation != null && facility != null) {
            return corporation + " " + facility;
        }
        return corporation != null ? corporation : facility != null ? facility : "";
    }
}

package jp.shinsa.review.api;

/** A token just created: {@code secret} is shown this once and never stored. */
public record NewApiToken(ApiToken token, String secret) {
    @Override
    public String toString() {
        return "NewApiToken[" + token + ", secret=***]";
    }
}

package jp.shinsa.models;

import java.util.Objects;

/**
 * One past decision on one requested item (a row of past-grants.csv). Amounts are yen, tax included.
 *
 * @param id            stable id, e.g. "PG-2021-0412"
 * @param fiscalYear    the 年度 of the decision
 * @param program       program code of programs.csv
 * @param applicantType e.g. 医療法人社団; may be empty
 * @param spec          規格・型式; may be empty, never null
 * @param maker         may be empty, never null
 * @param quantity      ≥ 1
 * @param unitPrice     ≥ 0 yen
 * @param amount        ≥ 0 yen
 * @param reasonJa      why it was reduced or rejected; empty when awarded
 */
public record PastGrant(String id, int fiscalYear, String program, String applicantType, String itemName,
                        String spec, String maker, long quantity, long unitPrice, long amount,
                        GrantDecision decision, String reasonJa) {
    public PastGrant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(itemName, "itemName");
        Objects.requireNonNull(decision, "decision");
        applicantType = applicantType == null ? "" : applicantType;
        spec = spec == null ? "" : spec;
        maker = maker == null ? "" : maker;
        reasonJa = reasonJa == null ? "" : reasonJa;
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be ≥ 1: " + quantity);
        }
        if (unitPrice < 0 || amount < 0) {
            throw new IllegalArgumentException("prices must be ≥ 0");
        }
    }
}

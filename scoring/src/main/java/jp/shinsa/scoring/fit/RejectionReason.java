package jp.shinsa.scoring.fit;

import jp.shinsa.models.Text;

/**
 * What a past rejection reason teaches. The "general" reasons apply whatever the program
 * (consumables, upkeep, construction, general-purpose goods, vehicles); {@link #OFF_PURPOSE} depends
 * on the program. Recognised from the free-text reason_ja by keyword, so new wordings of the same
 * reason still fall into their class.
 */
enum RejectionReason {
    CONSUMABLE(true, new Text("消耗品は補助対象外とされてきた", "consumables have not been subsidised"), "消耗品", "使い捨て"),
    MAINTENANCE(true, new Text("保守・更新料などの維持管理費は補助対象外とされてきた",
            "upkeep such as maintenance and licence renewals has not been subsidised"), "維持管理", "保守", "更新料", "委託"),
    CONSTRUCTION(true, new Text("工事費は補助対象外とされてきた", "construction work has not been subsidised"), "工事"),
    GENERAL_PURPOSE(true, new Text("汎用品（事務用・一般用の物品）は補助対象外とされてきた",
            "general-purpose goods (office or household items) have not been subsidised"), "汎用品", "汎用"),
    VEHICLE(true, new Text("車両は搬送・巡回を目的とする事業以外では対象外とされてきた",
            "vehicles have not been subsidised outside transport programs"), "車両"),
    OFF_PURPOSE(false, new Text("事業目的に合致しないとして不採択とされた例がある",
            "similar items were rejected as not serving this program's purpose"), "目的"),
    PRICE(false, new Text("基準単価を超える分は減額されてきた", "amounts above the reference unit price were reduced"), "単価"),
    OTHER(false, new Text("その他の理由で不採択", "rejected for another reason"));

    private final boolean general;
    private final Text lesson;
    private final String[] keywords;

    RejectionReason(boolean general, Text lesson, String... keywords) {
        this.general = general;
        this.lesson = lesson;
        this.keywords = keywords;
    }

    boolean general() {
        return general;
    }

    Text lesson() {
        return lesson;
    }

    static RejectionReason of(String reasonJa) {
        if (reasonJa == null || reasonJa.isBlank()) {
            return OTHER;
        }
        for (RejectionReason r : values()) {
            for (String k : r.keywords) {
                if (reasonJa.contains(k)) {
                    return r;
                }
            }
        }
        return OTHER;
    }
}

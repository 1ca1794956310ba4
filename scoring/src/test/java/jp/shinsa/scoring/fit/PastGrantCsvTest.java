package jp.shinsa.scoring.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import jp.shinsa.models.GrantDecision;
import jp.shinsa.models.PastGrant;
import org.junit.jupiter.api.Test;

class PastGrantCsvTest {
    private static final String HEADER = String.join(",", PastGrantCsv.HEADER) + "\n";
    private final PastGrantCsv csv = new PastGrantCsv();

    @Test
    void should_accept_rows_in_the_past_grants_format() {
        var result = csv.read(new StringReader(HEADER
                + "PG-2016-0001,2016,cyber,医療法人社団,遠隔画像伝送装置,TR-5010S（暗号化通信）,セキュアリンク,1,4760000,4760000,REJECTED,事業目的に合致しない\n"
                + "PG-2016-0002,2016,infection,医療法人社団,PCR検査装置,\"PR-1250（4チャネル, 迅速）\",アスカメディカル,2,6670000,13340000,AWARDED,\n"));

        assertThat(result.clean()).isTrue();
        assertThat(result.accepted()).hasSize(2);
        PastGrant pcr = result.accepted().get(1);
        assertThat(pcr.decision()).isEqualTo(GrantDecision.AWARDED);
        assertThat(pcr.spec()).isEqualTo("PR-1250（4チャネル, 迅速）");
        assertThat(pcr.quantity()).isEqualTo(2);
        assertThat(pcr.reasonJa()).isEmpty();
    }

    @Test
    void should_report_every_bad_row_with_its_line_and_a_bilingual_reason() {
        var result = csv.read(new StringReader(HEADER
                + "PG-1,2016,cyber,社団,UTM,UT-1,A,1,100,100,AWARDED,\n"              // line 2 ok
                + "PG-2,2016,dental,社団,UTM,UT-1,A,1,100,100,AWARDED,\n"             // line 3 unknown program
                + "PG-3,2016,cyber,社団,UTM,UT-1,A,2,100,300,AWARDED,\n"              // line 4 amount ≠ q × price
                + "PG-4,2016,cyber,社団,UTM,UT-1,A,1,100,100,MAYBE,\n"                // line 5 decision
                + "PG-5,2016,cyber,社団,UTM,UT-1,A,1,100,100,REJECTED,\n"             // line 6 rejection without reason
                + "PG-1,2016,cyber,社団,UTM,UT-1,A,1,100,100,AWARDED,\n"              // line 7 duplicate id
                + "PG-7,2016,cyber,社団,UTM,UT-1,A,one,100,100,AWARDED,\n"            // line 8 not a number
                + "PG-8,2016,cyber,社団,,UT-1,A,1,100,100,AWARDED,\n"                 // line 9 no item name
                + "PG-9,2016,cyber,社団,UTM,UT-1,A,1,100,100\n"));                    // line 10 short row

        assertThat(result.clean()).isFalse();
        assertThat(result.accepted()).extracting(PastGrant::id).containsExactly("PG-1");
        assertThat(result.badRows()).extracting(PastGrantCsv.BadRow::line).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(result.badRows().get(0).reason().ja()).contains("dental");
        assertThat(result.badRows().get(0).reason().en()).contains("unknown program");
        assertThat(result.badRows().get(1).reason().en()).contains("quantity × unit price");
        assertThat(result.badRows().get(4).reason().en()).contains("duplicate id PG-1").contains("line 2");
        assertThat(result.badRows()).allSatisfy(b -> {
            assertThat(b.reason().ja()).isNotBlank();
            assertThat(b.reason().en()).isNotBlank();
        });
    }

    @Test
    void should_import_nothing_when_any_row_is_bad() {
        var result = csv.read(new StringReader(HEADER
                + "PG-1,2016,cyber,社団,UTM,UT-1,A,1,100,100,AWARDED,\n"
                + "PG-2,2016,cyber,社団,UTM,UT-1,A,1,100,-5,AWARDED,\n"));

        assertThatThrownBy(result::requireClean).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing imported").hasMessageContaining("line 3");
    }

    @Test
    void should_refuse_a_file_whose_header_lacks_columns() {
        var result = csv.read(new StringReader("id,program,item_name\nPG-1,cyber,UTM\n"));

        assertThat(result.accepted()).isEmpty();
        assertThat(result.badRows()).singleElement().satisfies(b -> {
            assertThat(b.line()).isEqualTo(1);
            assertThat(b.reason().en()).contains("fiscal_year").contains("decision");
        });
    }

    @Test
    void should_read_back_what_it_writes() {
        List<PastGrant> grants = DemoPastGrants.generate(3, 50);
        StringWriter w = new StringWriter();
        PastGrantCsv.write(grants, w);

        var result = csv.read(new StringReader(w.toString()));

        assertThat(result.badRows()).isEmpty();
        assertThat(result.accepted()).isEqualTo(grants);
    }
}

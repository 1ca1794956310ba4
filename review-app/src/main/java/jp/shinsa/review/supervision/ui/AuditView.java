package jp.shinsa.review.supervision.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import jp.shinsa.review.audit.AuditEntry;
import jp.shinsa.review.audit.AuditLog;
import jp.shinsa.review.security.Roles;
import jp.shinsa.review.ui.Formats;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The audit log: search by person, application, action and time; export what was found as CSV. */
@Route("supervisor/audit")
@PageTitle("Shinsa — 監査ログ")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
class AuditView extends VerticalLayout {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private final AuditLog audit;
    private final TextField actor = new TextField();
    private final IntegerField application = new IntegerField();
    /** The actions the workbench records (each has a label audit.action.CODE in both languages). */
    static final List<String> ACTIONS = List.of("APPLICATION_SUBMITTED", "REVIEWED", "REVIEW_RESUMED", "REVIEW_FAILED",
            "CORRECTED", "REREVIEWED", "REREVIEW_RESUMED",
            "REREVIEW_FAILED", "REREVIEW_REQUESTED", "ASSIGNED", "CONFLICT_DECLARED", "DECIDED", "LOGIN_LOCKED", "USER_ADDED", "PROGRAM_SAVED",
            "PAST_GRANTS_IMPORTED", "PAST_APPLICANTS_IMPORTED", "MODEL_TRAINED", "MODEL_ACTIVATED", "MODEL_ROLLED_BACK",
            "API_SUBMIT", "API_SUBMIT_REFUSED", "API_GET_STATUS", "API_GET_REVIEW", "API_LIST", "API_DENIED",
            "API_TOKEN_CREATED", "API_TOKEN_REVOKED", "ROW_MAPPED", "MAPPING_LEARNED", "LEARNED_MAPPING_RETIRED");
    private final ComboBox<String> action = new ComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<AuditEntry> grid = new Grid<>();

    AuditView(AuditLog audit) {
        this.audit = audit;
        setSizeFull();
        actor.setLabel(getTranslation("audit.actor"));
        actor.setId("audit-actor");
        application.setLabel(getTranslation("audit.application"));
        action.setLabel(getTranslation("audit.action"));
        action.setId("audit-action");
        action.setItems(ACTIONS);
        action.setItemLabelGenerator(this::actionLabel);
        action.setClearButtonVisible(true);
        action.setAllowCustomValue(true);
        action.addCustomValueSetListener(e -> action.setValue(e.getDetail().strip()));
        from.setLabel(getTranslation("overrides.from"));
        to.setLabel(getTranslation("overrides.to"));
        Button search = new Button(getTranslation("audit.search"), e -> refresh());
        search.setId("audit-search");
        Anchor export = new Anchor(DownloadHandler.fromInputStream(e -> {
            byte[] csv = csv(find()).getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(csv), "audit-log.csv", "text/csv;charset=UTF-8", csv.length);
        }), getTranslation("audit.export"));
        export.setId("audit-export");
        HorizontalLayout bar = new HorizontalLayout(actor, application, action, from, to, search, export);
        bar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        bar.setWrap(true);
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(AuditEntry::id).setHeader("#").setWidth("5em").setFlexGrow(0);
        grid.addColumn(e -> Formats.dateTime(e.at())).setHeader(getTranslation("overrides.when"));
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("audit.actor"));
        grid.addColumn(e -> actionLabel(e.action())).setHeader(getTranslation("audit.action"));
        grid.addColumn(e -> e.applicationId() == null ? "" : e.applicationId().toString()).setHeader(getTranslation("audit.application"));
        grid.addColumn(AuditEntry::detail).setHeader(getTranslation("audit.detail")).setFlexGrow(4);
        grid.setSizeFull();
        add(new H2(getTranslation("audit.title")), bar, grid);
        refresh();
    }

    private List<AuditEntry> find() {
        OffsetDateTime start = from.getValue() == null ? null : from.getValue().atStartOfDay(TOKYO).toOffsetDateTime();
        OffsetDateTime end = to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(TOKYO).toOffsetDateTime();
        return audit.search(blank(actor.getValue()), application.getValue() == null ? null : application.getValue().longValue(),
                blank(action.getValue()), start, end, 5000);
    }

    /** "決定 (DECIDED)": the words for people, the code for searching and for the CSV. */
    private String actionLabel(String code) {
        String label = getTranslation("audit.action." + code);
        return label.startsWith("!") ? code : label + " (" + code + ")";
    }

    private void refresh() {
        grid.setItems(find());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String csv(List<AuditEntry> entries) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = CSVFormat.DEFAULT.builder()
                .setHeader("id", "at", "actor", "action", "application_id", "detail", "hash").get().print(out)) {
            for (AuditEntry e : entries) {
                p.printRecord(e.id(), e.at(), e.actor(), e.action(), e.applicationId(), e.detail(), e.hash());
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return "\uFEFF" + out;
    }
}

package jp.shinsa.review.queue.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jp.shinsa.review.application.ApplicationReviewService;
import jp.shinsa.review.application.ApplicationStatus;
import jp.shinsa.review.application.ApplicationSummary;
import jp.shinsa.review.application.PackageUnpacker;
import jp.shinsa.review.program.ProgramService;
import jp.shinsa.review.queue.QueueFilter;
import jp.shinsa.review.queue.QueueSort;
import jp.shinsa.review.queue.ReviewQueueService;
import jp.shinsa.review.security.Roles;
import jp.shinsa.review.ui.Formats;

/** The examiners' queue: flagged first, lazy-loaded, filterable and sortable. */
@Route("queue")
@RouteAlias("")
@PageTitle("Shinsa — 審査キュー")
@RolesAllowed({Roles.EXAMINER, Roles.SUPERVISOR, Roles.ADMIN})
class QueueView extends VerticalLayout {
    private final ReviewQueueService queue;
    private final Grid<ApplicationSummary> grid = new Grid<>();
    private final TextField search = new TextField();
    private final Select<String> status = new Select<>();
    private final Checkbox flaggedOnly = new Checkbox();
    private final Span total = new Span();
    private com.vaadin.flow.shared.Registration poll;

    QueueView(ReviewQueueService queue, ApplicationReviewService applications, AuthenticationContext auth,
              ProgramService programs, PackageUnpacker.Limits uploadLimits) {
        this.queue = queue;
        setSizeFull();
        search.setPlaceholder(getTranslation("queue.search"));
        search.setId("queue-search");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        status.setLabel(getTranslation("queue.status"));
        status.setItems(java.util.stream.Stream.concat(java.util.stream.Stream.of(""),
                java.util.Arrays.stream(ApplicationStatus.values()).map(Enum::name)).toList());
        status.setItemLabelGenerator(s -> s.isEmpty() ? getTranslation("queue.any") : getTranslation("status." + s));
        status.setValue("");
        flaggedOnly.setLabel(getTranslation("queue.flaggedOnly"));
        search.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        flaggedOnly.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(search, status, flaggedOnly, total);
        if (auth.hasAnyRole(Roles.EXAMINER, Roles.ADMIN)) {
            Button upload = new Button(getTranslation("upload.title"), e -> new NewApplicationDialog(applications,
                    uploadLimits, auth.getPrincipalName().orElseThrow(), this::refresh).open());
            upload.setId("new-application");
            upload.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            filters.add(upload);
        }
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.setId("queue-grid");
        grid.addColumn(a -> a.flagged() ? "⚑" : "").setHeader("").setWidth("3em").setFlexGrow(0);
        grid.addColumn(ApplicationSummary::id).setHeader("ID").setKey("id").setSortable(true).setWidth("5em")
                .setFlexGrow(0);
        grid.addColumn(ApplicationSummary::name).setHeader(getTranslation("queue.name")).setKey("name")
                .setSortable(true);
        grid.addColumn(a -> Formats.program(a.program(), programs::find, getLocale())).setHeader(getTranslation("queue.program"))
                .setKey("program").setSortable(true);
        grid.addColumn(ApplicationSummary::applicant).setHeader(getTranslation("queue.applicant"))
                .setKey("applicant").setSortable(true).setFlexGrow(2);
        grid.addColumn(a -> Formats.yen(a.requestedAmount())).setHeader(getTranslation("queue.requested"))
                .setKey("requestedAmount").setSortable(true).setTextAlign(ColumnTextAlign.END);
        grid.addColumn(a -> a.errorCount() + " / " + a.warningCount()).setHeader(getTranslation("queue.findings"))
                .setKey("errorCount").setSortable(true);
        grid.addColumn(a -> a.riskBand() == null ? "" : getTranslation("band." + a.riskBand()) + " "
                + Formats.oneDecimal(a.riskScore())).setHeader(getTranslation("queue.risk")).setKey("riskScore")
                .setSortable(true);
        grid.addColumn(a -> Formats.oneDecimal(a.minFit())).setHeader(getTranslation("queue.minFit"))
                .setKey("minFit").setSortable(true);
        grid.addColumn(a -> getTranslation("status." + a.status().name())).setHeader(getTranslation("queue.status"))
                .setKey("status").setSortable(true);
        grid.addColumn(a -> a.assignee() == null ? "" : a.assignee()).setHeader(getTranslation("queue.assignee"))
                .setKey("assignee").setSortable(true);
        grid.setMultiSort(true);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("applications/" + e.getItem().id())));
        grid.setSizeFull();
        grid.setItems(q -> queue.page(filter(), sorts(q.getSortOrders()), q.getOffset(), q.getLimit()).stream(),
                q -> queue.count(filter()));
        add(new H2(getTranslation("queue.title")), filters, grid);
        updateTotal();
    }

    private QueueFilter filter() {
        String s = status.getValue();
        return new QueueFilter(search.getValue(), s == null || s.isEmpty() ? null : s, flaggedOnly.getValue(), null,
                null);
    }

    private static List<QueueSort> sorts(List<com.vaadin.flow.data.provider.QuerySortOrder> orders) {
        return orders.stream().map(o -> new QueueSort(o.getSorted(), o.getDirection() == SortDirection.ASCENDING))
                .toList();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        updateTotal();
    }

    private void updateTotal() {
        total.setText(getTranslation("queue.total", queue.count(filter())));
        total.setId("queue-total");
    }

    @Override
    protected void onAttach(AttachEvent e) {
        // Reviews finish in the background: poll while the queue is open.
        e.getUI().setPollInterval(5000);
        poll = e.getUI().addPollListener(p -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent e) {
        e.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
        }
    }
}

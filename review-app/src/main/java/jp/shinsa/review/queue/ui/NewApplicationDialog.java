package jp.shinsa.review.queue.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.shinsa.review.application.ApplicationReviewService;
import jp.shinsa.review.application.ApplicationStatus;
import jp.shinsa.review.application.ApplicationSummary;
import jp.shinsa.review.application.PackageUnpacker;
import jp.shinsa.review.application.UploadedFile;

/**
 * A new application: several files at once (drag and drop) or a ZIP; the review runs in the
 * background with a progress bar; files that cannot be taken are listed with their reasons, whether
 * the browser refused them (over the size or count limit) or the unpacker did (ZIP slip, bomb, …).
 * The limits are the configured ones the API applies too.
 */
class NewApplicationDialog extends Dialog {
    /** Past this many files refused for one reason, the list names a few and counts the rest. */
    private static final int NAMES_PER_REASON = 3;
    private final List<UploadedFile> received = Collections.synchronizedList(new ArrayList<>());
    /** Files refused before unpacking (over the size or count limit), by the browser or on arrival: name and reason. */
    private final List<String[]> refusedBeforeUnpacking = Collections.synchronizedList(new ArrayList<>());
    private List<PackageUnpacker.Rejected> refusedByUnpacker = List.of();
    private final Paragraph rejectedTitle = new Paragraph();
    private final UnorderedList rejectedList = new UnorderedList();
    private final ApplicationReviewService service;
    private final PackageUnpacker.Limits limits;
    private final String actor;
    private final Runnable onChange;
    private Registration poll;
    /** True from a file's start until the upload reports all files done (success or error). */
    private boolean uploading;

    NewApplicationDialog(ApplicationReviewService service, PackageUnpacker.Limits limits, String actor,
                         Runnable onChange) {
        this.service = service;
        this.limits = limits;
        this.actor = actor;
        this.onChange = onChange;
        setHeaderTitle(getTranslation("upload.title"));
        setWidth("640px");
        TextField name = new TextField(getTranslation("upload.name"));
        name.setId("upload-name");
        name.setWidthFull();
        name.setPlaceholder(getTranslation("upload.namePlaceholder"));
        String tooBig = reason(PackageUnpacker.Reason.FILE_TOO_LARGE, String.valueOf(limits.maxFileBytes() >> 20));
        String tooMany = reason(PackageUnpacker.Reason.TOO_MANY_FILES, String.valueOf(limits.maxFiles()));
        // The browser refuses a larger file first. A client that does not gets it refused here, after at
        // most the limit was read: Vaadin's own size limits apply to multipart requests only, and an
        // in-memory handler would hold the whole body.
        Upload upload = new Upload((UploadHandler) event -> {
            try (InputStream in = event.getInputStream()) {
                Optional<byte[]> data = PackageUnpacker.readAtMost(in, limits.maxFileBytes());
                if (data.isPresent()) {
                    received.add(new UploadedFile(event.getFileName(), event.getContentType(), data.get()));
                } else {
                    event.reject(tooBig);
                    refusedBeforeUnpacking.add(new String[] {PackageUnpacker.safeName(event.getFileName()), tooBig});
                    event.getUI().access(this::showRejected);
                }
            }
        });
        upload.setId("upload");
        // The browser sends these events in order, before any later click: starting the review while
        // a file is still on its way would silently leave that file out.
        upload.getElement().addEventListener("upload-start", e -> uploading = true);
        upload.addAllFinishedListener(e -> uploading = false);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()));
        upload.setMaxFiles(limits.maxFiles());
        upload.setWidthFull();
        UploadI18N i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("upload.addFiles"))
                .setMany(getTranslation("upload.addFiles")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("upload.dropFiles"))
                .setMany(getTranslation("upload.dropFiles")));
        i18n.setError(new UploadI18N.Error().setFileIsTooBig(tooBig).setTooManyFiles(tooMany));
        upload.setI18n(i18n);
        // A refused file never reaches the server: without this the examiner would only see it missing.
        upload.addFileRejectedListener(e -> {
            refusedBeforeUnpacking.add(new String[] {PackageUnpacker.safeName(e.getFileName()),
                    tooMany.equals(e.getErrorMessage()) ? tooMany : tooBig});
            showRejected();
        });
        rejectedTitle.setText(getTranslation("upload.rejected"));
        rejectedList.setId("upload-rejected");
        rejectedTitle.setVisible(false);
        rejectedList.setVisible(false);
        VerticalLayout body = new VerticalLayout(new Paragraph(getTranslation("upload.help")), name, upload,
                rejectedTitle, rejectedList);
        body.setPadding(false);
        add(body);
        Button submit = new Button(getTranslation("upload.submit"), e -> submit(name.getValue(), body));
        submit.setId("upload-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("detail.cancel"), e -> close()), submit);
        addDetachListener(e -> {
            if (poll != null) {
                poll.remove();
            }
        });
    }

    private void submit(String name, VerticalLayout body) {
        if (uploading) {
            Notification.show(getTranslation("upload.stillUploading"), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_CONTRAST);
            return;
        }
        List<UploadedFile> files;
        synchronized (received) {
            files = List.copyOf(received);
        }
        PackageUnpacker.Result unpacked = new PackageUnpacker(limits).unpack(files);
        body.removeAll();
        refusedByUnpacker = unpacked.rejected();
        showRejected();
        body.add(rejectedTitle, rejectedList);
        if (unpacked.files().isEmpty()) {
            body.add(new Paragraph(getTranslation("upload.nothing")));
            return;
        }
        String appName = name == null || name.isBlank() ? unpacked.files().get(0).fileName() : name.strip();
        long id = service.submit(actor, appName, unpacked.files());
        onChange.run();
        ProgressBar progress = new ProgressBar();
        progress.setIndeterminate(true);
        progress.setId("upload-progress");
        Span status = new Span(getTranslation("upload.processing", unpacked.files().size()));
        status.setId("upload-status");
        Button open = new Button(getTranslation("upload.open"), e -> {
            close();
            UI.getCurrent().navigate("applications/" + id);
        });
        open.setId("upload-open");
        open.setEnabled(false);
        body.add(status, progress, open);
        getFooter().removeAll();
        Button done = new Button(getTranslation("upload.close"), e -> close());
        done.setId("upload-close");
        getFooter().add(done);
        UI ui = UI.getCurrent();
        ui.setPollInterval(1000);
        poll = ui.addPollListener(p -> {
            ApplicationSummary s = service.find(id).orElse(null);
            if (s != null && (s.status() == ApplicationStatus.REVIEWED || s.status() == ApplicationStatus.FAILED
                    || s.status() == ApplicationStatus.DECIDED)) {
                progress.setIndeterminate(false);
                progress.setValue(1);
                status.setText(getTranslation("upload.done." + s.status().name()));
                open.setEnabled(true);
                open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                onChange.run();
                poll.remove();
                poll = null;
                ui.setPollInterval(5000);
            }
        });
    }

    /** Lists what was refused before unpacking and by the unpacker, each with its reason in the UI's language. */
    private void showRejected() {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        synchronized (refusedBeforeUnpacking) {
            refusedBeforeUnpacking.forEach(r -> byReason.computeIfAbsent(r[1], k -> new ArrayList<>()).add(r[0]));
        }
        refusedByUnpacker.forEach(r -> byReason.computeIfAbsent(reason(r.why(), r.detail()), k -> new ArrayList<>())
                .add(r.name()));
        rejectedList.removeAll();
        byReason.forEach((reason, names) -> {
            if (names.size() > 2 * NAMES_PER_REASON) {
                // A package of thousands of files would otherwise fill the dialog with one line each.
                String some = String.join(", ", names.subList(0, NAMES_PER_REASON));
                rejectedList.add(new ListItem(getTranslation("upload.andMore", some,
                        String.valueOf(names.size() - NAMES_PER_REASON)) + ": " + reason));
            } else {
                names.forEach(n -> rejectedList.add(new ListItem(n + ": " + reason)));
            }
        });
        rejectedTitle.setVisible(!byReason.isEmpty());
        rejectedList.setVisible(!byReason.isEmpty());
    }

    private String reason(PackageUnpacker.Reason why, String detail) {
        return getTranslation(why.key(), detail);
    }
}

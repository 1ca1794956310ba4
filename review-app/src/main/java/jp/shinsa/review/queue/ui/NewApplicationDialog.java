package jp.shinsa.review.queue.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jp.shinsa.review.application.ApplicationReviewService;
import jp.shinsa.review.application.ApplicationStatus;
import jp.shinsa.review.application.ApplicationSummary;
import jp.shinsa.review.application.PackageUnpacker;
import jp.shinsa.review.application.UploadedFile;

/**
 * A new application: several files at once (drag and drop) or a ZIP; the review runs in the
 * background with a progress bar; files that cannot be taken are listed with their reasons.
 */
class NewApplicationDialog extends Dialog {
    private final List<UploadedFile> received = Collections.synchronizedList(new ArrayList<>());
    private final ApplicationReviewService service;
    private final String actor;
    private final Runnable onChange;
    private Registration poll;

    NewApplicationDialog(ApplicationReviewService service, String actor, Runnable onChange) {
        this.service = service;
        this.actor = actor;
        this.onChange = onChange;
        setHeaderTitle(getTranslation("upload.title"));
        setWidth("640px");
        TextField name = new TextField(getTranslation("upload.name"));
        name.setId("upload-name");
        name.setWidthFull();
        name.setPlaceholder(getTranslation("upload.namePlaceholder"));
        Upload upload = new Upload(UploadHandler.inMemory((meta, data) ->
                received.add(new UploadedFile(meta.fileName(), meta.contentType(), data))));
        upload.setId("upload");
        upload.setMaxFileSize((int) PackageUnpacker.Limits.DEFAULT.maxFileBytes());
        upload.setMaxFiles(PackageUnpacker.Limits.DEFAULT.maxFiles());
        upload.setWidthFull();
        VerticalLayout body = new VerticalLayout(new Paragraph(getTranslation("upload.help")), name, upload);
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
        List<UploadedFile> files;
        synchronized (received) {
            files = List.copyOf(received);
        }
        PackageUnpacker.Result unpacked = new PackageUnpacker().unpack(files);
        body.removeAll();
        if (!unpacked.rejected().isEmpty()) {
            UnorderedList rejected = new UnorderedList();
            rejected.setId("upload-rejected");
            unpacked.rejected().forEach(r -> rejected.add(new ListItem(r.name() + ": " + r.reason())));
            body.add(new Paragraph(getTranslation("upload.rejected")), rejected);
        }
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
        getFooter().add(new Button(getTranslation("upload.close"), e -> close()));
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
}

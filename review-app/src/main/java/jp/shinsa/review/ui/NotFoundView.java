package jp.shinsa.review.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown for an unknown page and for a page the user's roles do not allow (the server refuses the
 * view; this only explains it), in the user's language.
 */
@AnonymousAllowed
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        H2 title = new H2(getTranslation("error.notAvailable.title"));
        title.setId("not-available");
        add(title, new Paragraph(getTranslation("error.notAvailable.text", event.getLocation().getPath())),
                new Anchor("queue", getTranslation("nav.queue")));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}

package jp.shinsa.review.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every Vaadin route against every role, with the same checker the server's navigation access
 * control uses ({@link AccessAnnotationChecker}, which reads {@code @RolesAllowed}, {@code @PermitAll},
 * {@code @AnonymousAllowed}, {@code @DenyAll}). A new route without a row here fails the build, so
 * nobody adds a view without deciding who may see it.
 */
class RouteAccessTableTest {
    private static final String ANONYMOUS = "anonymous";
    private static final Map<String, Set<String>> WHO_MAY_ENTER = Map.of(
            "login", Set.of(ANONYMOUS, Roles.EXAMINER, Roles.SUPERVISOR, Roles.ADMIN),
            "queue", Set.of(Roles.EXAMINER, Roles.SUPERVISOR, Roles.ADMIN),
            "applications/:id", Set.of(Roles.EXAMINER, Roles.SUPERVISOR, Roles.ADMIN),
            "admin/users", Set.of(Roles.ADMIN),
            "admin/programs", Set.of(Roles.ADMIN),
            "admin/models", Set.of(Roles.ADMIN),
            "admin/learned-mappings", Set.of(Roles.ADMIN),
            "supervisor/overrides", Set.of(Roles.SUPERVISOR, Roles.ADMIN),
            "supervisor/decisions/:id", Set.of(Roles.SUPERVISOR, Roles.ADMIN),
            "supervisor/audit", Set.of(Roles.SUPERVISOR, Roles.ADMIN));

    static Map<String, Class<?>> routes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Map<String, Class<?>> routes = new java.util.TreeMap<>();
        for (var bd : scanner.findCandidateComponents("jp.shinsa.review")) {
            try {
                Class<?> c = Class.forName(bd.getBeanClassName());
                routes.put(c.getAnnotation(Route.class).value(), c);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return routes;
    }

    static Stream<Arguments> everyRouteAndEveryRole() {
        return routes().entrySet().stream().flatMap(r -> Stream.of(ANONYMOUS, Roles.EXAMINER, Roles.SUPERVISOR,
                Roles.ADMIN).map(who -> Arguments.of(r.getKey(), who, r.getValue())));
    }

    @Test
    void should_have_a_row_for_every_route() {
        assertThat(new TreeSet<>(routes().keySet())).containsExactlyInAnyOrderElementsOf(WHO_MAY_ENTER.keySet());
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyRouteAndEveryRole")
    void should_let_only_the_listed_roles_enter_a_route(String route, String who, Class<?> view) {
        Principal principal = ANONYMOUS.equals(who) ? null : () -> who.toLowerCase();
        boolean allowed = new AccessAnnotationChecker().hasAccess(view, principal,
                role -> !ANONYMOUS.equals(who) && role.equals(who));
        assertThat(allowed).as("%s as %s", route, who).isEqualTo(WHO_MAY_ENTER.get(route).contains(who));
    }
}

package jp.shinsa.review.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import jp.shinsa.review.support.ReviewAppIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** Services check roles themselves: hiding a button is not authorisation. */
@ReviewAppIntegrationTest
class RoleChecksOnServicesIT {
    @Autowired
    UserService users;
    @Autowired
    jp.shinsa.review.mapping.RowMappingService rowMappings;
    @Autowired
    jp.shinsa.review.mapping.LearnedMappingService learnedMappings;

    @Test
    @WithMockUser(username = "supervisor", roles = Roles.SUPERVISOR)
    void should_refuse_row_mapping_to_a_supervisor_and_learned_mappings_to_an_examiner_role() {
        assertThatThrownBy(() -> rowMappings.map("supervisor", 1, 0, new jp.shinsa.review.mapping.RowMappingRequest(
                "決算書.xlsx", 0, jp.shinsa.models.RowMapping.Kind.IGNORED, null, "見出し")))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> learnedMappings.list()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> learnedMappings.retire("supervisor", 1, "理由"))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    @WithMockUser(username = "examiner", roles = Roles.EXAMINER)
    void should_refuse_retiring_a_learned_mapping_to_an_examiner() {
        assertThatThrownBy(() -> learnedMappings.retire("examiner", 1, "理由"))
                .isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> learnedMappings.list()).isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    @WithMockUser(username = "examiner", roles = Roles.EXAMINER)
    void should_refuse_the_user_list_to_an_examiner() {
        assertThatThrownBy(() -> users.list()).isInstanceOf(AuthorizationDeniedException.class);
        assertThatThrownBy(() -> users.add("examiner", "mallory", "M", "password123", Set.of(Roles.ADMIN)))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    @WithMockUser(username = "admin", roles = Roles.ADMIN)
    void should_let_an_admin_add_and_disable_a_user_with_a_hashed_password() {
        users.add("admin", "newexaminer", "新人", "password123", Set.of(Roles.EXAMINER));
        assertThat(users.list()).anySatisfy(u -> {
            assertThat(u.username()).isEqualTo("newexaminer");
            assertThat(u.roles()).containsExactly(Roles.EXAMINER);
            assertThat(u.enabled()).isTrue();
        });
        var details = users.loadUserByUsername("newexaminer");
        assertThat(details.getPassword()).startsWith("$2").doesNotContain("password123");
        users.setEnabled("admin", "newexaminer", false);
        assertThat(users.loadUserByUsername("newexaminer").isEnabled()).isFalse();
    }

    @Test
    @WithMockUser(username = "admin", roles = Roles.ADMIN)
    void should_refuse_a_short_password() {
        assertThatThrownBy(() -> users.add("admin", "shorty", "S", "short", Set.of(Roles.EXAMINER)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package se.malspar.standalone.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import se.malspar.kernel.common.RuleViolation;
import se.malspar.kernel.decision.Citation;
import se.malspar.kernel.decision.RegisterDecision;
import se.malspar.platform.test.ApiClient;
import se.malspar.platform.test.ApiClient.Response;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.malspar.standalone.security.ProblemResponses.assertFieldError;

/**
 * Who did it: every event carries the authenticated caller's user id and login mode, taken from
 * the security context, never from anything the caller sends; a command without a user is refused.
 */
@SecurityTestApplication
class WhoDidItTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CommandGateway commandGateway;
    ApiClient api;
    EventStore events;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        events = new EventStore(jdbc);
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void clearSecurityContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void eventWrittenThroughTheApiCarriesTheCallerAndLoginMode() {
        int paragraph = Citations.freshParagraph();
        Response response = api.post("strategy", "/api/admin/decisions", Citations.registration(paragraph, "Vem gjorde det"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);

        List<JsonNode> metaData = events.metaDataOf(Citations.decisionId(paragraph));
        assertThat(metaData).hasSize(1);
        assertThat(metaData.get(0).path("userId").asText()).isEqualTo("strategy");
        assertThat(metaData.get(0).path("loginMode").asText()).isEqualTo("basic");
    }

    @Test
    void userIdInTheBodyIsRefusedAsUnknownProperty() {
        int paragraph = Citations.freshParagraph();
        long before = events.count();
        Response response = api.post("strategy", "/api/admin/decisions", """
                {"organ": "KS", "meetingDate": "2022-03-09", "paragraph": %d, "title": "Inte min", "userId": "mallory"}"""
                .formatted(paragraph));

        assertFieldError(response, "userId");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void userIdHeadersDoNotChangeWhoIsRecorded() {
        int paragraph = Citations.freshParagraph();
        Response response = api.send("strategy", "POST", "/api/admin/decisions",
                Citations.registration(paragraph, "Med falska huvuden"),
                Map.of("userId", "mallory", "X-User-Id", "mallory", "X-Forwarded-User", "mallory",
                        "X-Remote-User", "mallory"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);

        JsonNode metaData = events.metaDataOf(Citations.decisionId(paragraph)).get(0);
        assertThat(metaData.path("userId").asText()).isEqualTo("strategy");
        assertThat(metaData.toString()).doesNotContain("mallory");
    }

    @Test
    void commandWithoutAnAuthenticatedUserIsRefusedAndWritesNothing() {
        int paragraph = Citations.freshParagraph();
        long before = events.count();

        assertThatThrownBy(() -> commandGateway.sendAndWait(register(paragraph)))
                .satisfies(WhoDidItTest::saysAUserIsNeeded);
        assertThat(events.count()).isEqualTo(before);
        assertThat(events.metaDataOf(Citations.decisionId(paragraph))).isEmpty();
    }

    @Test
    void commandFromAnAnonymousUserIsRefused() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken(
                "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        long before = events.count();

        assertThatThrownBy(() -> commandGateway.sendAndWait(register(Citations.freshParagraph())))
                .satisfies(WhoDidItTest::saysAUserIsNeeded);
        assertThat(events.count()).isEqualTo(before);
    }

    /** A user id put into the command's metadata by the sender is no substitute for a login. */
    @Test
    void userIdInCommandMetadataDoesNotCountAsAUser() {
        long before = events.count();
        var command = GenericCommandMessage.asCommandMessage(register(Citations.freshParagraph()))
                .withMetaData(MetaData.with("userId", "mallory").and("loginMode", "jwt"));

        assertThatThrownBy(() -> commandGateway.sendAndWait(command))
                .satisfies(WhoDidItTest::saysAUserIsNeeded);
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void userIdInCommandMetadataIsReplacedByTheAuthenticatedUser() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "strategy", null, AuthorityUtils.createAuthorityList("ROLE_STRATEGY")));
        int paragraph = Citations.freshParagraph();
        var command = GenericCommandMessage.asCommandMessage(register(paragraph))
                .withMetaData(MetaData.with("userId", "mallory").and("loginMode", "jwt"));

        commandGateway.sendAndWait(command);

        JsonNode metaData = events.metaDataOf(Citations.decisionId(paragraph)).get(0);
        assertThat(metaData.path("userId").asText()).isEqualTo("strategy");
        assertThat(metaData.path("loginMode").asText()).isEqualTo("basic");
    }

    private static RegisterDecision register(int paragraph) {
        Citation citation = Citation.parse("KS 2022-03-09 § " + paragraph);
        return new RegisterDecision(citation.decisionId(), citation, null, "Utan användare", null, null);
    }

    private static void saysAUserIsNeeded(Throwable refusal) {
        String says = refusal.getMessage();
        if (refusal instanceof CommandExecutionException e) {
            says += " " + e.getDetails().filter(RuleViolation.class::isInstance).map(RuleViolation.class::cast)
                    .map(v -> v.code() + " " + v.message()).orElse("");
        }
        assertThat(says).as("what the refusal says (%s)", refusal).contains("authenticated user");
    }
}

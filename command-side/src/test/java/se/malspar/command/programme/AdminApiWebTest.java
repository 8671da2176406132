package se.malspar.command.programme;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import se.malspar.command.admin.AdminCommands;
import se.malspar.kernel.common.Refusal;
import se.malspar.kernel.common.RuleViolationException;
import se.malspar.kernel.decision.RegisterDecision;
import se.malspar.kernel.programme.structure.RenameDelmal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin API's web layer (programme and decision controllers) on its own (no database, no aggregates): how the headers of a write
 * reach its command, and how a refusal becomes a problem detail. The command bus is a real one
 * whose handler each test chooses. Only the controller, the problem-detail advice and the header
 * resolution are loaded (the security filters have their own tests in platform and standalone).
 */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = {
        "se\\.malspar\\.command\\.programme\\.ProgrammeAdminController",
        "se\\.malspar\\.command\\.decision\\.DecisionAdminController",
        "se\\.malspar\\.platform\\.web\\.ApiExceptionHandler",
        "se\\.malspar\\.command\\.admin\\.AdminHeadersConfiguration"}))
@AutoConfigureMockMvc(addFilters = false)
@Import({AdminCommands.class, AdminApiWebTest.Bus.class})
class AdminApiWebTest {

    private static final String RENAME = "/api/admin/delmal/{delmalId}/rename";
    private static final String BODY = """
            {"name": "Trygg och säker kommun", "decision": "KS 2022-03-09 § 70"}""";

    @TestConfiguration
    static class Bus {
        final List<CommandMessage<?>> sent = new ArrayList<>();
        Function<CommandMessage<?>, Object> answer = command -> null;

        @Bean
        CommandGateway commandGateway() {
            SimpleCommandBus bus = SimpleCommandBus.builder().build();
            bus.subscribe(RenameDelmal.class.getName(), command -> {
                sent.add(command);
                return answer.apply(command);
            });
            bus.subscribe(RegisterDecision.class.getName(), command -> {
                sent.add(command);
                return answer.apply(command);
            });
            return DefaultCommandGateway.builder().commandBus(bus).build();
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Bus bus;

    @BeforeEach
    void reset() {
        bus.sent.clear();
        bus.answer = command -> new Accepted(((RenameDelmal) command.getPayload()).delmalId().toString(), 4);
    }

    @Test
    void ifMatchAndIdempotencyKeyReachTheCommandAndTheNewVersionIsTheETag() throws Exception {
        mvc.perform(post(RENAME, "G1-D1").contentType(MediaType.APPLICATION_JSON).content(BODY)
                        .header("If-Match", "W/\"3\"").header("Idempotency-Key", "rename-1"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"4\""))
                .andExpect(jsonPath("$.version").value(4));
        assertThat(bus.sent).singleElement().satisfies(command -> {
            assertThat(((RenameDelmal) command.getPayload()).expectedVersion()).isEqualTo(3L);
            assertThat(command.getMetaData()).containsEntry(AdminCommands.IDEMPOTENCY_KEY, "rename-1");
        });
    }

    @Test
    void withoutHeadersTheCommandHasNoExpectedVersionAndNoKey() throws Exception {
        mvc.perform(post(RENAME, "G1-D1").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isOk());
        assertThat(bus.sent).singleElement().satisfies(command -> {
            assertThat(((RenameDelmal) command.getPayload()).expectedVersion()).isNull();
            assertThat(command.getMetaData()).doesNotContainKey(AdminCommands.IDEMPOTENCY_KEY);
        });
    }

    @Test
    void aMalformedIfMatchIsRefusedAndNothingIsSent() throws Exception {
        mvc.perform(post(RENAME, "G1-D1").contentType(MediaType.APPLICATION_JSON).content(BODY)
                        .header("If-Match", "version three"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
        assertThat(bus.sent).isEmpty();
    }

    @Test
    void aMalformedIdempotencyKeyIsRefusedAndNothingIsSent() throws Exception {
        mvc.perform(post(RENAME, "G1-D1").contentType(MediaType.APPLICATION_JSON).content(BODY)
                        .header("Idempotency-Key", "two words"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        assertThat(bus.sent).isEmpty();
    }

    @Test
    void aRefusalOfTheAggregateIsAProblemWithItsCodeAndStatus() throws Exception {
        bus.answer = command -> {
            throw new RuleViolationException(Refusal.DELMAL_RETIRED, "the delmål is retired");
        };
        mvc.perform(post(RENAME, "G1-D1").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("DELMAL_RETIRED"))
                .andExpect(jsonPath("$.type").value("/problem/delmal-retired"))
                .andExpect(jsonPath("$.detail").value("the delmål is retired"));
    }

    @Test
    void anInvalidBodyIsRefusedBeforeAnyCommand() throws Exception {
        mvc.perform(post(RENAME, "G1-D1").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"KS 2022-03-09 § 70\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        assertThat(bus.sent).isEmpty();
    }

    @Test
    void aSecondRegistrationOfADecisionIsAConflictWithItsCode() throws Exception {
        bus.answer = command -> {
            throw new RuleViolationException(Refusal.DUPLICATE_DECISION, "decision KS 2022-03-09 § 70 is already registered");
        };
        mvc.perform(post("/api/admin/decisions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"citation\": \"KS 2022-03-09 § 70\", \"title\": \"Mål och budget\"}")
                        .header("Idempotency-Key", "register-70"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("DUPLICATE_DECISION"));
        assertThat(bus.sent).singleElement().satisfies(command ->
                assertThat(command.getMetaData()).containsEntry(AdminCommands.IDEMPOTENCY_KEY, "register-70"));
    }

    @Test
    void aMalformedCitationIsRefusedBeforeAnyCommand() throws Exception {
        mvc.perform(post("/api/admin/decisions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"citation\": \"KS den nionde mars\", \"title\": \"Mål och budget\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        assertThat(bus.sent).isEmpty();
    }
}

package se.malspar.standalone.history;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import se.malspar.command.admin.AdminCommands;
import se.malspar.kernel.common.DatePrecision;
import se.malspar.kernel.common.Provenance;
import se.malspar.kernel.common.RuleViolation;
import se.malspar.kernel.consultation.ConsultationId;
import se.malspar.kernel.consultation.LinkResponseToChange;
import se.malspar.kernel.consultation.OpenConsultation;
import se.malspar.kernel.consultation.RecordConsultationResponse;
import se.malspar.kernel.decision.Citation;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.decision.RegisterDecision;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.ProgrammeId;
import se.malspar.kernel.programme.ambition.OpenAmbitionReview;
import se.malspar.kernel.programme.ambition.SetAmbitionLevel;
import se.malspar.kernel.programme.indicator.ChangeIndicatorSource;
import se.malspar.kernel.programme.indicator.DefineIndicator;
import se.malspar.kernel.programme.indicator.IndicatorSource;
import se.malspar.kernel.programme.structure.AddDelmal;
import se.malspar.kernel.programme.structure.AddGoal;
import se.malspar.kernel.programme.structure.CreateProgramme;
import se.malspar.kernel.programme.structure.StateDelmalCount;
import se.malspar.platform.security.Role;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays the history file through the command gateway, with the very command records the admin
 * API sends, as the strategy office's user (so every event's metadata names it), decision by
 * decision in the file's (decision) order. Never writes events itself. Every command carries, as
 * metadata its events keep, {@code origin: history-import}, the file and its version, the entry's
 * source (seed, lines, quote) and its note.
 *
 * <p>Idempotent: each entry travels with a stable {@code idempotencyKey}
 * ({@code history/<history>/<key>}), so a second run gets the first answers back and adds no
 * event; a refusal that says the thing is already there (registered by hand before, say) counts
 * as present, not as an error. A key reused with another body ({@code IDEMPOTENCY_KEY_REUSED})
 * means the file changed after it was imported: that stops the import.
 */
@Component
public class HistoryImporter {

    /** The user the import acts as: the strategy office (every event's {@code userId}). */
    public static final String USER = "strategy";

    private static final Logger log = LoggerFactory.getLogger(HistoryImporter.class);
    /** Refusals meaning "this is already recorded": a present entry, not a failure. */
    private static final Set<String> ALREADY_PRESENT = Set.of("DUPLICATE_DECISION", "ALREADY_EXISTS", "DUPLICATE_CHANGE");

    private final CommandGateway commands;
    private final JdbcClient jdbc;

    HistoryImporter(CommandGateway commands, JdbcClient jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    /** What one run did: commands sent, of which already present, and events the store gained. */
    public record Result(int entries, int alreadyPresent, long newEvents) {
    }

    public long storedEvents() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    public Result importHistory() {
        return importHistory(HistoryFile.load());
    }

    public Result importHistory(HistoryFile file) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(USER, null,
                List.of(new SimpleGrantedAuthority(Role.STRATEGY.authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return replay(file);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private Result replay(HistoryFile file) {
        long before = storedEvents();
        int total = file.decisions().size();
        log.info("History {}: importing {} decisions as user '{}'", file.history(), total, USER);
        int entries = 0;
        int present = 0;
        int n = 0;
        for (HistoryFile.DecisionEntry decision : file.decisions()) {
            n++;
            long eventsBefore = storedEvents();
            Citation citation = Citation.parse(decision.citation());
            DecisionId decisionId = citation.decisionId();
            int skipped = send(file, decision.key(), decision.source(), inferred(decision.inference()), new RegisterDecision(decisionId, citation,
                    text(decision.caseNumber()), text(decision.title()), null, null, registerNote(decision),
                    decision.status())) ? 0 : 1;
            entries++;
            for (HistoryFile.Change change : decision.changes()) {
                if (!send(file, decision.key() + "/" + change.key(), change.source(), note(change),
                        command(change, decisionId))) {
                    skipped++;
                }
                entries++;
            }
            present += skipped;
            // An entry answered from its idempotency key, or refused as already there, writes nothing.
            log.info("History {}: [{}/{}] {}{} with {} change(s): {} new event(s)", file.history(), n, total, citation,
                    citation.incomplete() ? " (incomplete)" : "", decision.changes().size(), storedEvents() - eventsBefore);
        }
        for (HistoryFile.SourceLink link : file.sourceLinks()) {
            // After every decision: the indicators exist. Målspår's own mapping, with its reason.
            if (!send(file, "source/" + link.key(), null, null, new ChangeIndicatorSource(IndicatorId.of(link.indicator()),
                    new IndicatorSource(link.kind(), link.kpi()), text(link.reason()), null))) {
                present++;
            }
            entries++;
        }
        for (HistoryFile.ConsultationEntry consultation : file.consultations()) {
            // After every decision: the changes an answer is linked to exist.
            ConsultationId id = ConsultationId.of(consultation.key());
            String key = "consultation/" + consultation.key();
            present += send(file, key, consultation.source(), consultation.note(),
                    new OpenConsultation(id, text(consultation.title()), null, null)) ? 0 : 1;
            entries++;
            for (HistoryFile.ResponseEntry r : consultation.responses()) {
                present += send(file, key + "/" + r.key(), r.source(), r.note(), new RecordConsultationResponse(id, r.key(),
                        r.respondent(), text(r.subject()), text(r.comment()), text(r.proposedAnswer()), r.outcome(),
                        text(r.outcomeText()))) ? 0 : 1;
                entries++;
                for (HistoryFile.ChangeLink link : r.changes()) {
                    DecisionId decision = Citation.parse(link.decision()).decisionId();
                    present += send(file, key + "/" + r.key() + "/" + decision + "/" + link.entity(), r.source(), null,
                            new LinkResponseToChange(id, r.key(), decision, link.entity(), text(link.reason()))) ? 0 : 1;
                    entries++;
                }
            }
            log.info("History {}: consultation {} with {} response(s)", file.history(), consultation.key(),
                    consultation.responses().size());
        }
        long added = storedEvents() - before;
        log.info("History {}: done; {} entries sent, {} refused as already present, {} new events", file.history(),
                entries, present, added);
        return new Result(entries, present, added);
    }

    /**
     * Sends one entry's command, with its source paper, its note and the import's origin and file
     * version as metadata (every event it causes keeps them); false when the store says it is already there.
     */
    private boolean send(HistoryFile file, String key, HistoryFile.Source source, String note, Object command) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(AdminCommands.IDEMPOTENCY_KEY, "history/" + file.history() + "/" + key);
        metaData.put(Provenance.ORIGIN, Provenance.HISTORY_IMPORT);
        metaData.put(Provenance.HISTORY_FILE, file.history());
        if (file.version() != null) {
            metaData.put(Provenance.HISTORY_FILE_VERSION, file.version());
        }
        if (source != null) {
            metaData.putAll(source.toProvenance().toMetaData());
        }
        if (text(note) != null) {
            metaData.put(Provenance.NOTE, text(note));
        }
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
        try {
            commands.sendAndWait(message);
            return true;
        } catch (CommandExecutionException e) {
            String code = e.getDetails().filter(RuleViolation.class::isInstance).map(RuleViolation.class::cast)
                    .map(RuleViolation::code).orElse(null);
            if (code != null && ALREADY_PRESENT.contains(code)) {
                log.debug("History {}: {} already present ({})", file.history(), key, code);
                return false;
            }
            throw new HistoryImportException("history entry " + key + " was refused"
                    + (code == null ? "" : " (" + code + ")") + ": " + e.getMessage(), e);
        }
    }

    private static Object command(HistoryFile.Change c, DecisionId decision) {
        if (c.op() == null) {
            throw new HistoryImportException("history entry " + c.key() + " has no op");
        }
        DatePrecision.Dated effective = DatePrecision.parse(c.effectiveFrom(), "effectiveFrom");
        LocalDate from = effective == null ? null : effective.start();
        DatePrecision precision = effective == null ? null : effective.precision();
        return switch (c.op()) {
            case "createProgramme" -> new CreateProgramme(ProgrammeId.of(c.id()), text(c.name()), text(c.ownerOrgan()),
                    decision, from, precision);
            case "addGoal" -> new AddGoal(GoalId.of(c.id()), ProgrammeId.of(c.programme()), text(c.name()),
                    text(c.goalArea()), decision, from, precision);
            case "addDelmal" -> new AddDelmal(DelmalId.of(c.id()), GoalId.of(c.goal()), text(c.name()),
                    text(c.description()), decision, from, precision);
            case "defineIndicator" -> new DefineIndicator(IndicatorId.of(c.id()), DelmalId.of(c.delmal()),
                    text(c.name()), text(c.unit()), c.kind(), c.direction(),
                    Boolean.TRUE.equals(c.politicallyDecidedTarget()),
                    c.sourceKind() == null ? null : new IndicatorSource(c.sourceKind(), null),
                    decision, from, note(c), c.directionBasis(), text(c.directionReason()), precision);
            // No rules claimed: the system's reader reads the verbatim text, and what it leaves open stays open.
            case "setAmbitionLevel" -> new SetAmbitionLevel(IndicatorId.of(c.indicator()), text(c.text()), null,
                    decision, from, null, c.ambitionStatus(), text(c.targetGroup()), precision);
            case "stateDelmalCount" -> new StateDelmalCount(GoalId.of(c.goal()),
                    c.count() == null ? 0 : c.count(), decision, from, precision);
            case "openAmbitionReview" -> new OpenAmbitionReview(ProgrammeId.of(c.programme()), text(c.subject()),
                    decision, day(c, effective));
            default -> throw new HistoryImportException("history entry " + c.key() + ": unknown op '" + c.op() + "'");
        };
    }

    /** The register's note: for a planned decision, why it is planned first, then the entry's note and what it infers. */
    private static String registerNote(HistoryFile.DecisionEntry decision) {
        String note = join(text(decision.note()), inferred(decision.inference()));
        String reason = text(decision.statusReason());
        if (reason == null) {
            return note;
        }
        return "Planned, not shown to be decided: " + reason + (note == null ? "" : " " + note);
    }

    /** A change's note as its events keep it: why it is planned or left to dialogue, the note, what it infers. */
    private static String note(HistoryFile.Change c) {
        String reason = text(c.reason());
        String why = reason == null ? null
                : (c.ambitionStatus() != null ? "To be discussed: " : "Planned: ") + reason;
        return join(join(why, text(c.note())), inferred(c.inference()));
    }

    private static String inferred(String inference) {
        return text(inference) == null ? null : "Inferred: " + text(inference);
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " " + b;
    }

    /** An ambition review takes effect on a day: a month or year there is an error in the file. */
    private static LocalDate day(HistoryFile.Change c, DatePrecision.Dated effective) {
        if (effective != null && effective.precision() != DatePrecision.DAY) {
            throw new HistoryImportException("history entry " + c.key() + ": effectiveFrom must be a day for " + c.op());
        }
        return effective == null ? null : effective.start();
    }

    /** As the admin API receives text: NFC, trimmed; absent stays absent. */
    private static String text(String value) {
        return value == null || value.isBlank() ? null : Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
    }

    /** An entry the command side refused for another reason than "already there". */
    public static class HistoryImportException extends RuntimeException {
        HistoryImportException(String message) {
            super(message);
        }

        HistoryImportException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

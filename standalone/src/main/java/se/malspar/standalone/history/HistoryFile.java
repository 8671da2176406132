package se.malspar.standalone.history;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import se.malspar.kernel.common.Provenance;
import se.malspar.kernel.consultation.ConsultationOutcome;
import se.malspar.kernel.consultation.Respondent;
import se.malspar.kernel.decision.DecisionStatus;
import se.malspar.kernel.programme.ambition.AmbitionStatus;
import se.malspar.kernel.programme.indicator.Direction;
import se.malspar.kernel.programme.indicator.DirectionBasis;
import se.malspar.kernel.programme.indicator.IndicatorKind;
import se.malspar.kernel.programme.measurement.SourceKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * The history file ({@code history/vaggeryd-2019-2022.yml}): the decisions in decision order,
 * each with the programme changes it authorised, every entry citing the seed paper it comes from.
 * Unknown fields are refused, so a typo in the file cannot silently drop a value.
 */
public record HistoryFile(String history, String programme, List<DecisionEntry> decisions,
                          List<SourceLink> sourceLinks, List<ConsultationEntry> consultations,
                          List<NotRecorded> notRecorded, String version) {

    /** The file shipped with the application. */
    public static final String RESOURCE = "history/vaggeryd-2019-2022.yml";
    /** Where the cited seed papers lie, next to the file (verbatim copies of ../shared/seeds). */
    public static final String SEEDS = "history/seeds/";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public HistoryFile {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        sourceLinks = sourceLinks == null ? List.of() : List.copyOf(sourceLinks);
        consultations = consultations == null ? List.of() : List.copyOf(consultations);
        notRecorded = notRecorded == null ? List.of() : List.copyOf(notRecorded);
    }

    public static HistoryFile load() {
        return load(RESOURCE);
    }

    public static HistoryFile load(String resource) {
        try (InputStream in = HistoryFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("history file not on the classpath: " + resource);
            }
            byte[] bytes = in.readAllBytes();
            HistoryFile file = YAML.readValue(bytes, HistoryFile.class);
            // The version is the file's content: every event it wrote names exactly what it was read from.
            return new HistoryFile(file.history(), file.programme(), file.decisions(), file.sourceLinks(),
                    file.consultations(), file.notRecorded(), "sha256:" + HexFormat.of()
                    .formatHex(sha256(bytes)).substring(0, 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read history file " + resource, e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The paper an entry comes from: file, line or line range ("31-33"), and words that stand there. */
    public record Source(String seed, String lines, String quote) {

        /** As the events keep it: the seed paper as document, its lines as locator. */
        public Provenance.Source toProvenance() {
            return new Provenance.Source("seeds/" + seed, "l. " + lines, quote, null);
        }
    }

    /**
     * One decision of the register, with the changes it authorised (possibly none). {@code status}
     * is ADOPTED unless the papers show the decision only planned or proposed (PLANNED); a planned
     * entry says why in {@code statusReason} and authorises no change.
     */
    public record DecisionEntry(String key, String citation, String caseNumber, String title, Source source,
                                String note, DecisionStatus status, String statusReason, String inference,
                                List<Change> changes) {
        public DecisionEntry {
            changes = changes == null ? List.of() : List.copyOf(changes);
            status = status == null ? DecisionStatus.ADOPTED : status;
        }
    }

    /**
     * One change, as the admin API takes it. {@code op} names the command: createProgramme,
     * addGoal, addDelmal, defineIndicator, setAmbitionLevel. Only the fields of that command are used.
     * {@code effectiveFrom} is as the paper gives it: YYYY-MM-DD, or YYYY-MM / YYYY when the paper gives
     * only the month or year (all but an ambition review, which starts on its assignment's day).
     * stateDelmalCount takes {@code count}; openAmbitionReview takes {@code subject}. {@code reason} says
     * why an indicator is PLANNED or an ambition level TO_BE_DISCUSSED ({@code ambitionStatus});
     * {@code targetGroup} keeps only that group's rules of the text; {@code inference} marks what the
     * entry infers rather than reads (a name composed, a date read from the text, an attribution)
     * and says why.
     */
    public record Change(String key, String op, String id, String programme, String goal, String delmal,
                         String indicator, String name, String ownerOrgan, String goalArea, String description,
                         String unit, IndicatorKind kind, Direction direction, Boolean politicallyDecidedTarget,
                         SourceKind sourceKind, String text, String effectiveFrom, Source source, String note,
                         DirectionBasis directionBasis, String directionReason, AmbitionStatus ambitionStatus,
                         String targetGroup, Integer count, String subject, String reason, String inference) {
    }

    /**
     * Something seed 000 names as an indicator or measuring point that the file does not record,
     * with the words that name it and why it is not recorded.
     */
    public record NotRecorded(String key, Source source, String reason) {
    }

    /**
     * An indicator linked to its data source by Målspår itself (ChangeIndicatorSource): the papers
     * name no Kolada KPI, so this is not a decision and cites no seed; {@code reason} says why.
     */
    public record SourceLink(String key, String indicator, SourceKind kind, String kpi, String reason) {
    }

    /** A consultation round (remiss) with its answers, imported after every decision (its links need the changes). */
    public record ConsultationEntry(String key, String title, Source source, String note, List<ResponseEntry> responses) {
        public ConsultationEntry {
            responses = responses == null ? List.of() : List.copyOf(responses);
        }
    }

    /**
     * One answer as the remiss table gives it: {@code key} is its response id; comment, proposed
     * answer and {@code outcomeText} are the paper's words; {@code outcome} reads outcomeText
     * (the file's header says how); {@code changes} are the changes a paper ties it to.
     */
    public record ResponseEntry(String key, Respondent respondent, String subject, String comment, String proposedAnswer,
                                ConsultationOutcome outcome, String outcomeText, Source source, String note,
                                List<ChangeLink> changes) {
        public ResponseEntry {
            changes = changes == null ? List.of() : List.copyOf(changes);
        }
    }

    /** The change an answer led to: what {@code decision} (a citation) changed on {@code entity}, and why. */
    public record ChangeLink(String decision, String entity, String reason) {
    }
}

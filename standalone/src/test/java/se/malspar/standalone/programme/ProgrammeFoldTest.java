package se.malspar.standalone.programme;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import se.malspar.kernel.decision.Citation;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.decision.RegisterDecision;
import se.malspar.kernel.fulfilment.AssessFulfilment;
import se.malspar.kernel.fulfilment.Verdict;
import se.malspar.kernel.programme.DelmalId;
import se.malspar.kernel.programme.FindProgrammeTree;
import se.malspar.kernel.programme.GoalId;
import se.malspar.kernel.programme.IndicatorId;
import se.malspar.kernel.programme.ProgrammeId;
import se.malspar.kernel.programme.ambition.CorrectAmbitionLevel;
import se.malspar.kernel.programme.ambition.SetAmbitionLevel;
import se.malspar.kernel.programme.ambition.SetTargetValue;
import se.malspar.kernel.programme.indicator.DefineIndicator;
import se.malspar.kernel.programme.indicator.Direction;
import se.malspar.kernel.programme.indicator.IndicatorKind;
import se.malspar.kernel.programme.indicator.RetireIndicator;
import se.malspar.kernel.programme.measurement.MeasurementSource;
import se.malspar.kernel.programme.measurement.RecordMeasurement;
import se.malspar.kernel.programme.measurement.ReferenceArea;
import se.malspar.kernel.programme.measurement.SourceKind;
import se.malspar.kernel.programme.structure.AddDelmal;
import se.malspar.kernel.programme.structure.AddGoal;
import se.malspar.kernel.programme.structure.CreateProgramme;
import se.malspar.kernel.programme.structure.RenameDelmal;
import se.malspar.kernel.programme.structure.RetireDelmal;
import se.malspar.platform.test.MalsparApplicationTest;
import se.malspar.query.programme.ProgrammeTree;
import se.malspar.standalone.Paragraphs;
import se.malspar.standalone.StandaloneApplication;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many generated command sequences; for random (validAt, knownAt) the projection's tree must
 * equal the tree folded in memory from the events recorded by knownAt.
 */
@MalsparApplicationTest(classes = StandaloneApplication.class)
class ProgrammeFoldTest {

    private static final List<String> AMBITIONS = List.of("över riket", "positiv trend och över riket",
            "+4 % över riket 2022", "över länet", "ambitionsnivå år 2030", "minst 80 procent",
            "positiv utveckling och över länet (äldre) eller riket (elever)");
    private static final List<String> NAMES = List.of("Miljö och naturresurser", "Hållbar tillväxt", "Beredskap",
            "Upplevd effekt", "Lärande och utbildning", "Folkhälsa", "Tillgänglighet", "tillgänglighet");

    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore store;

    @BeforeEach
    void actAsTheStrategyOffice() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("strategy", null,
                List.of(new SimpleGrantedAuthority("ROLE_STRATEGY"))));
    }

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    private boolean send(Object command) {
        try {
            commands.sendAndWait(command);
            return true;
        } catch (RuntimeException refused) {
            return false; // a generated command may break a rule; it then writes nothing
        }
    }

    private static LocalDate date(Random rnd) {
        return LocalDate.of(2020, 6, 1).plusDays(rnd.nextInt(4 * 365));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void projectionEqualsTheFoldOfTheEvents(long seed) throws Exception {
        Random rnd = new Random(seed);
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<DecisionId> kf = new ArrayList<>();
        List<DecisionId> ks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String organ = i < 2 ? "KF" : "KS";
            LocalDate meeting = date(rnd);
            Citation citation = Citation.parse(organ + " " + meeting + " § " + Paragraphs.next());
            assertThat(send(new RegisterDecision(citation.decisionId(), citation, null, "beslut", null, null)))
                    .as("registering %s", citation).isTrue();
            (i < 2 ? kf : ks).add(citation.decisionId());
        }
        ProgrammeId programme = new ProgrammeId("fold-" + run);
        assertThat(send(new CreateProgramme(programme, "Program " + run, "KF", kf.get(0), LocalDate.of(2020, 6, 1)))).isTrue();
        List<GoalId> goals = new ArrayList<>();
        List<DelmalId> delmal = new ArrayList<>();
        List<IndicatorId> indicators = new ArrayList<>();
        List<Instant> checkpoints = new ArrayList<>();
        for (int step = 0; step < 45; step++) {
            int op = goals.isEmpty() ? 0 : delmal.isEmpty() ? 1 : indicators.isEmpty() ? 4 : rnd.nextInt(11);
            LocalDate effective = rnd.nextInt(3) == 0 ? date(rnd) : null;
            DecisionId anyKs = ks.get(rnd.nextInt(ks.size()));
            switch (op) {
                case 0 -> {
                    GoalId goal = new GoalId("KF" + (goals.size() + 1) + "-" + run);
                    if (send(new AddGoal(goal, programme, "Mål " + goals.size(), null, kf.get(rnd.nextInt(2)), effective))) {
                        goals.add(goal);
                    }
                }
                case 1 -> {
                    DelmalId d = new DelmalId("d" + step + "-" + run);
                    if (send(new AddDelmal(d, goals.get(rnd.nextInt(goals.size())), NAMES.get(rnd.nextInt(NAMES.size())),
                            null, anyKs, effective))) {
                        delmal.add(d);
                    }
                }
                case 2 -> send(new RenameDelmal(delmal.get(rnd.nextInt(delmal.size())), NAMES.get(rnd.nextInt(NAMES.size())) + " " + step,
                        anyKs, effective, null));
                case 3 -> {
                    if (rnd.nextInt(3) == 0) {
                        send(new RetireDelmal(delmal.get(rnd.nextInt(delmal.size())), anyKs, effective, null));
                    }
                }
                case 4 -> {
                    IndicatorId i = new IndicatorId("i" + step + "-" + run);
                    boolean activity = rnd.nextInt(4) == 0;
                    if (send(new DefineIndicator(i, delmal.get(rnd.nextInt(delmal.size())), "Mätvärde " + step, "procent",
                            activity ? IndicatorKind.ACTIVITY : IndicatorKind.MEASURED, Direction.HIGHER_IS_BETTER,
                            rnd.nextBoolean(), null, anyKs, effective))) {
                        indicators.add(i);
                    }
                }
                case 5 -> {
                    if (rnd.nextInt(4) == 0) {
                        send(new RetireIndicator(indicators.get(rnd.nextInt(indicators.size())), anyKs, effective, null));
                    }
                }
                case 6, 7 -> send(new SetAmbitionLevel(indicators.get(rnd.nextInt(indicators.size())),
                        AMBITIONS.get(rnd.nextInt(AMBITIONS.size())), null, anyKs, effective, null));
                case 8 -> send(new CorrectAmbitionLevel(indicators.get(rnd.nextInt(indicators.size())),
                        rnd.nextBoolean() ? null : anyKs, AMBITIONS.get(rnd.nextInt(AMBITIONS.size())), null, "rättelse", null));
                case 9 -> send(new SetTargetValue(indicators.get(rnd.nextInt(indicators.size())),
                        BigDecimal.valueOf(50 + rnd.nextInt(50)), 2022 + rnd.nextInt(8), anyKs, effective, null));
                default -> {
                    IndicatorId i = indicators.get(rnd.nextInt(indicators.size()));
                    String period = (2020 + rnd.nextInt(3)) + "-" + List.of("T1", "T2", "AR").get(rnd.nextInt(3));
                    if (!send(new RecordMeasurement(i, period, BigDecimal.valueOf(rnd.nextInt(1000), 1), null, "2021",
                            Map.of(ReferenceArea.NATIONAL, BigDecimal.valueOf(rnd.nextInt(1000), 1)),
                            MeasurementSource.of(SourceKind.MANUAL, null, null, null), null))) {
                        send(new RecordMeasurement(i, period, null, rnd.nextBoolean(), null, Map.of(),
                                MeasurementSource.of(SourceKind.MANUAL, null, null, null), "aktivitet"));
                    }
                }
            }
            if (!indicators.isEmpty() && rnd.nextInt(8) == 0) {
                // A human assessment, sometimes on a KS decision.
                send(new AssessFulfilment(indicators.get(rnd.nextInt(indicators.size())),
                        (2020 + rnd.nextInt(3)) + "-" + List.of("T1", "T2", "AR").get(rnd.nextInt(3)),
                        Verdict.values()[rnd.nextInt(4)], "bedömning " + step, rnd.nextBoolean() ? anyKs : null, null));
            }
            if (step % 5 == 4) {
                Thread.sleep(2);
                checkpoints.add(Instant.now());
                Thread.sleep(2);
            }
        }
        CaughtUp.await(processing, store);
        List<TrackedEventMessage<?>> events = ProgrammeFold.events(store);
        for (int sample = 0; sample < 40; sample++) {
            LocalDate validAt = date(rnd);
            Instant knownAt = checkpoints.get(rnd.nextInt(checkpoints.size()));
            String period = rnd.nextBoolean() ? null : (2020 + rnd.nextInt(3)) + "-" + List.of("T1", "T2", "AR").get(rnd.nextInt(3));
            ProgrammeTree projected = queries.query(new FindProgrammeTree(programme, validAt, knownAt, period),
                    ResponseTypes.optionalInstanceOf(ProgrammeTree.class)).join().orElse(null);
            ProgrammeTree folded = ProgrammeFold.tree(events, programme.value(), validAt, knownAt, period).orElse(null);
            assertThat(comparable(projected)).as("validAt %s knownAt %s", validAt, knownAt)
                    .usingRecursiveComparison().isEqualTo(comparable(folded));
        }
    }

    /** The database keeps instants to the microsecond; the events carry nanoseconds. */
    private static ProgrammeTree comparable(ProgrammeTree tree) {
        if (tree == null) {
            return null;
        }
        return new ProgrammeTree(tree.programmeId(), tree.name(), tree.ownerOrgan(), tree.validAt(), tree.knownAt(),
                tree.inForce(), tree.effectiveFrom(), tree.decision(), tree.fulfilmentPeriod(), tree.goals().stream()
                .map(g -> new ProgrammeTree.Goal(
                g.goalId(), g.name(), g.goalArea(), g.effectiveFrom(), g.decision(), g.fulfilment(), g.delmal().stream().map(d ->
                new ProgrammeTree.Delmal(d.delmalId(), d.name(), d.description(), d.effectiveFrom(), d.decision(),
                        d.renamedBy(), d.fulfilment(), d.indicators().stream().map(i -> new ProgrammeTree.Indicator(i.indicatorId(),
                        i.name(), i.unit(), i.kind(), i.direction(), i.politicallyDecidedTarget(), i.source(),
                        i.effectiveFrom(), i.decision(), i.note(), i.ambitionLevel(), i.targetValue(),
                        i.latestMeasurement() == null ? null : new ProgrammeTree.Measurement(i.latestMeasurement().period(),
                                i.latestMeasurement().value(), i.latestMeasurement().done(), i.latestMeasurement().dataPeriod(),
                                i.latestMeasurement().referenceValues(), i.latestMeasurement().source(),
                                i.latestMeasurement().recordedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)),
                        i.fulfilment()))
                        .toList())).toList())).toList());
    }
}

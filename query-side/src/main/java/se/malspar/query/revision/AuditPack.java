package se.malspar.query.revision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import se.malspar.kernel.decision.DecisionId;
import se.malspar.kernel.decision.FindDecision;
import se.malspar.kernel.integrity.Checkpoint;
import se.malspar.kernel.revision.FindDecisionRevision;
import se.malspar.platform.web.Fields;
import se.malspar.platform.web.NotFoundException;
import se.malspar.query.decision.DecisionView;
import se.malspar.query.integrity.SealedTree;
import se.malspar.query.integrity.SigningKeys;
import se.malspar.query.integrity.StoredEvent;
import se.malspar.query.programme.DecisionChange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The audit pack of one paragraph (INTEGRITY-SPEC "Audit pack"): everything a revisor needs to
 * check offline, with the verifier, that the decision's changes are in the signed tree as stored.
 */
@Component
class AuditPack {

    /** How long the pack waits for the sealer to reach the decision's latest change. */
    private static final long SEAL_WAIT_MILLIS = 5000;

    private final QueryGateway queries;
    private final SealedTree tree;
    private final SigningKeys keys;
    private final ObjectMapper json;

    AuditPack(QueryGateway queries, SealedTree tree, SigningKeys keys, ObjectMapper json) {
        this.queries = queries;
        this.tree = tree;
        this.keys = keys;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** One event exactly as stored; payload and metadata are the stored bytes in base64. */
    record PackEvent(long sequence, String eventIdentifier, String aggregateType, String aggregateIdentifier,
                     long aggregateSequenceNumber, String payloadType, String payloadRevision, String timestamp,
                     String payload, String metaData) {

        static PackEvent of(StoredEvent e) {
            Base64.Encoder b64 = Base64.getEncoder();
            return new PackEvent(e.sequence(), e.eventIdentifier(), e.aggregateType(), e.aggregateIdentifier(),
                    e.aggregateSequenceNumber(), e.payloadType(), e.payloadRevision(), e.timestamp(),
                    b64.encodeToString(e.payload()), e.metaData() == null ? null : b64.encodeToString(e.metaData()));
        }
    }

    /** The pack of one paragraph as a download: the same answer for the API and the page. */
    ResponseEntity<byte[]> download(String decisionId) {
        DecisionId id = Fields.parse(decisionId, "decisionId", DecisionId::fromReference);
        DecisionView view = queries.query(new FindDecision(id), ResponseTypes.optionalInstanceOf(DecisionView.class)).join()
                .orElseThrow(() -> new NotFoundException("no decision " + id + " in the register"));
        List<DecisionChange> changes = DecisionChange.authorisedBy(queries, id);
        DecisionRevision revision = queries.query(new FindDecisionRevision(id),
                ResponseTypes.instanceOf(DecisionRevision.class)).join();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"granskningspaket-" + id + ".zip\"")
                .body(build(view, changes, revision));
    }

    byte[] build(DecisionView entry, List<DecisionChange> changes, DecisionRevision revision) {
        long last = changes.stream().mapToLong(DecisionChange::sequence).max().orElse(0);
        awaitSealed(last);
        Checkpoint checkpoint = tree.currentCheckpoint();
        List<Long> sequences = changes.stream().map(DecisionChange::sequence).distinct().sorted().toList();
        List<StoredEvent> events = tree.storedEvents(sequences);
        List<SealedTree.InclusionProof> proofs = events.stream()
                .map(e -> tree.inclusion(e.sequence(), checkpoint.treeSize())).toList();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, "LASMIG.txt", readme(entry, checkpoint, events.size(), changes.size()));
            put(zip, "entry.json", json.writeValueAsString(entry));
            List<ChangeRow> rows = changes.stream().map(c -> new ChangeRow(c, revision.coveredBy(c.sequence()))).toList();
            put(zip, "changes.json", json.writeValueAsString(rows));
            put(zip, "changes.csv", ChangesCsv.write(rows, json));
            put(zip, "events.json", json.writeValueAsString(events.stream().map(PackEvent::of).toList()));
            put(zip, "proofs.json", json.writeValueAsString(proofs));
            put(zip, "checkpoint.json", json.writeValueAsString(checkpoint));
            put(zip, "public-keys.json", json.writeValueAsString(keys.all()));
            put(zip, "verifications.json", json.writeValueAsString(revision.verifications()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A change with whether a revisor's verification covers it. */
    record ChangeRow(@com.fasterxml.jackson.annotation.JsonUnwrapped DecisionChange change, List<java.util.UUID> coveredBy) {

        @com.fasterxml.jackson.annotation.JsonProperty("covered")
        public boolean covered() {
            return !coveredBy.isEmpty();
        }
    }

    private void awaitSealed(long sequence) {
        long deadline = System.nanoTime() + SEAL_WAIT_MILLIS * 1_000_000;
        while (tree.size() < sequence) {
            if (System.nanoTime() > deadline) {
                throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                        "the decision's latest change (sequence " + sequence + ") is not sealed yet; try again shortly");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String readme(DecisionView entry, Checkpoint checkpoint, int events, int changes) {
        return """
                GRANSKNINGSPAKET – %s
                =====================================================================

                Paketet gäller beslutet %s (%s) och innehåller:

                  entry.json          beslutets post i beslutsregistret
                  changes.json        varje ändring som beslutet har godkänt (%d st), med uppgift om
                                      vilken granskning som täcker den
                  changes.csv         samma ändringar som tabell (celler som börjar med =, +, -, @,
                                      tab eller vagnretur har fått en inledande apostrof, så att
                                      kalkylprogram inte tolkar dem som formler)
                  events.json         händelserna bakom ändringarna (%d st) exakt som de är lagrade;
                                      payload och metaData är de lagrade byten i base64
                  proofs.json         ett inklusionsbevis (RFC 9162 § 2.1.3) per händelse
                  checkpoint.json     den signerade kontrollpunkten som bevisen gäller: trädstorlek %d,
                                      rothash %s, utfärdad %s, nyckel %s
                  public-keys.json    de publika nycklar (Ed25519) som har signerat kontrollpunkter
                  verifications.json  revisorernas granskningar av beslutet

                Så kontrollerar du paketet
                --------------------------
                1. Hämta och spara den publika nyckeln EN gång, från en annan kanal än paketet, t.ex.
                     curl -u revisor:… https://<server>/api/integrity/public-keys > betrodda-nycklar.json
                   Lita inte enbart på public-keys.json i paketet: den som kan ändra paketet kan
                   också byta nyckel.
                2. Kör verifieraren (ingen nätverksåtkomst behövs):
                     java -jar verifier/target/malspar-verifier.jar pack granskningspaket-%s.zip --public-key betrodda-nycklar.json
                   Den kontrollerar kontrollpunktens signatur, räknar om varje händelses löv ur de
                   lagrade byten och följer inklusionsbeviset till kontrollpunktens rothash.
                   Slutkod 0: allt stämmer. Slutkod 1: det första felet namnges.
                3. Har du sparat en äldre kontrollpunkt (t.ex. från en tidigare granskning), visa att
                   loggen bara har vuxit sedan dess:
                     curl -u revisor:… 'https://<server>/api/integrity/proofs/consistency?fromTreeSize=<äldre>&toTreeSize=%d' > konsistens.json
                     java -jar verifier/target/malspar-verifier.jar pack granskningspaket-%s.zip --public-key betrodda-nycklar.json \\
                          --kept-checkpoint äldre-kontrollpunkt.json --consistency-proof konsistens.json

                Lövens byte-kodning och kontrollpunktens signerade text beskrivs i README.md,
                avsnittet "Integrity and revision".
                """.formatted(entry.citation(), entry.citation(), entry.decisionId(), changes, events,
                checkpoint.treeSize(), checkpoint.rootHash(), checkpoint.issuedAt(), checkpoint.keyId(),
                entry.decisionId(), checkpoint.treeSize(), entry.decisionId());
    }
}

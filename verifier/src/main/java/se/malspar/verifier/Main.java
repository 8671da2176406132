package se.malspar.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command line: checks an audit pack, or two checkpoints, against the public key the revisor kept.
 * Exit 0 when everything holds, 1 with the first failure named, 2 on bad usage.
 */
public final class Main {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final Set<String> OPTIONS = Set.of("--public-key", "--kept-checkpoint", "--consistency-proof");
    private static final String USAGE_TEXT = """
            Användning:
              java -jar malspar-verifier.jar pack PAKET.zip --public-key NYCKEL.json \
            [--kept-checkpoint SPARAD.json --consistency-proof BEVIS.json]
              java -jar malspar-verifier.jar consistency ÄLDRE.json NYARE.json BEVIS.json --public-key NYCKEL.json
            NYCKEL.json är den publika nyckel (eller public-keys.json) som revisorn har sparat.""";

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        Map<String, Path> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
                    return usage(err, "okänd eller ofullständig flagga " + args[i]);
                }
                options.put(args[i], Path.of(args[++i]));
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.isEmpty()) {
            return usage(err, null);
        }
        Path key = options.get("--public-key");
        if (key == null) {
            return usage(err, "--public-key saknas: ange den publika nyckel du har sparat");
        }
        try {
            return switch (positional.get(0)) {
                case "pack" -> {
                    Path kept = options.get("--kept-checkpoint");
                    Path proof = options.get("--consistency-proof");
                    if (positional.size() != 2 || (kept == null) != (proof == null)) {
                        yield usage(err, "pack tar ett paket, och --kept-checkpoint bara tillsammans med "
                                + "--consistency-proof");
                    }
                    yield checkPack(Path.of(positional.get(1)), key, kept, proof, out);
                }
                case "consistency" -> {
                    if (positional.size() != 4 || options.size() != 1) {
                        yield usage(err, "consistency tar ÄLDRE.json NYARE.json BEVIS.json och --public-key");
                    }
                    yield checkConsistency(Path.of(positional.get(1)), Path.of(positional.get(2)),
                            Path.of(positional.get(3)), key, out);
                }
                default -> usage(err, "okänt kommando " + positional.get(0));
            };
        } catch (NoSuchFileException e) {
            return usage(err, "filen finns inte: " + e.getFile());
        } catch (IOException e) {
            return usage(err, "kan inte läsa " + e.getMessage());
        } catch (VerificationException e) {
            out.println("FEL: " + e.getMessage());
            out.println("UNDERKÄNT: kontrollen stannade vid första felet ovan.");
            return FAILED;
        }
    }

    private static int checkPack(Path pack, Path keyFile, Path keptFile, Path proofFile, PrintStream out)
            throws IOException {
        TrustedKeys keys = trustedKeys(keyFile);
        Checkpoint older = keptFile == null ? null : checkpoint(keptFile);
        ConsistencyProof consistency = proofFile == null ? null : proof(proofFile);
        out.println("Kontrollerar revisionspaketet " + pack);
        AuditPack auditPack = AuditPack.read(pack);
        Checkpoint checkpoint = auditPack.checkpoint();
        keys.verify(checkpoint, "packets checkpoint");
        out.println("OK: packets checkpoint (" + checkpoint.describe() + ") är signerad med den betrodda nyckeln "
                + checkpoint.keyId());
        auditPack.verifyEvents();
        out.println("OK: alla " + auditPack.events().size()
                + " händelser i events.json ingår i checkpointens träd (lövhash och inklusionsbevis stämmer)");
        String kept = "";
        if (older != null) {
            keys.verify(older, "den sparade checkpointen");
            consistency.verify(older, checkpoint);
            out.println("OK: den sparade checkpointen (" + older.describe()
                    + ") är signerad och packets träd är en fortsättning av den");
            kept = ", i samma historik som den sparade checkpointen (trädstorlek " + older.treeSize() + ")";
        }
        out.println("GODKÄNT: " + auditPack.events().size() + " händelser kontrollerade mot checkpointen med "
                + "trädstorlek " + checkpoint.treeSize() + kept + ".");
        return OK;
    }

    private static int checkConsistency(Path olderFile, Path newerFile, Path proofFile, Path keyFile, PrintStream out)
            throws IOException {
        TrustedKeys keys = trustedKeys(keyFile);
        Checkpoint older = checkpoint(olderFile);
        Checkpoint newer = checkpoint(newerFile);
        ConsistencyProof proof = proof(proofFile);
        keys.verify(older, "den äldre checkpointen");
        out.println("OK: den äldre checkpointen (" + older.describe() + ") är signerad med " + older.keyId());
        keys.verify(newer, "den nyare checkpointen");
        out.println("OK: den nyare checkpointen (" + newer.describe() + ") är signerad med " + newer.keyId());
        proof.verify(older, newer);
        out.println("GODKÄNT: trädet med storlek " + newer.treeSize() + " är en fortsättning av trädet med storlek "
                + older.treeSize() + "; inget som fanns har ändrats eller tagits bort.");
        return OK;
    }

    private static TrustedKeys trustedKeys(Path file) throws IOException {
        return TrustedKeys.parse(Json.parse(Files.readAllBytes(file), file.toString()), file.toString());
    }

    private static Checkpoint checkpoint(Path file) throws IOException {
        return Checkpoint.parse(Json.parse(Files.readAllBytes(file), file.toString()), file.toString());
    }

    private static ConsistencyProof proof(Path file) throws IOException {
        return ConsistencyProof.parse(Json.parse(Files.readAllBytes(file), file.toString()), file.toString());
    }

    private static int usage(PrintStream err, String problem) {
        if (problem != null) {
            err.println("Felaktig användning: " + problem);
        }
        err.println(USAGE_TEXT);
        return USAGE;
    }
}

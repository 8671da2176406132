package se.malspar.query.integrity;

import org.springframework.web.bind.annotation.ResponseStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.malspar.kernel.integrity.Checkpoint;
import se.malspar.platform.web.Fields;
import se.malspar.platform.web.InvalidFieldException;
import se.malspar.platform.web.NotFoundException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping(path = "/api/integrity", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Integrity", description = "The sealed Merkle tree over the event store: checkpoints, keys, proofs, verification")
class IntegrityController {

    static final int MAX_LIMIT = 1000;

    private final SealedTree tree;
    private final SigningKeys keys;
    private final StoreVerification verification;

    IntegrityController(SealedTree tree, SigningKeys keys, StoreVerification verification) {
        this.tree = tree;
        this.keys = keys;
        this.verification = verification;
    }

    @Operation(summary = "Every key that signed checkpoints here (base64 X.509 SubjectPublicKeyInfo)")
    @GetMapping("/public-keys")
    List<SigningKeys.PublicKeyView> publicKeys() {
        return keys.all();
    }

    @Operation(summary = "The latest signed checkpoint; signs a new one first when the sealed tree has grown")
    @GetMapping("/checkpoints/latest")
    Checkpoint latest() {
        return tree.currentCheckpoint();
    }

    @Operation(summary = "Signed checkpoints in tree-size order")
    @GetMapping("/checkpoints")
    List<Checkpoint> checkpoints(@RequestParam(defaultValue = "-1") long afterTreeSize,
                                 @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return tree.checkpoints(afterTreeSize, limit);
    }

    @Operation(summary = "Inclusion proof of one sequence number (RFC 9162 § 2.1.3)",
            description = "treeSize defaults to the latest checkpoint's")
    @GetMapping("/proofs/inclusion")
    SealedTree.InclusionProof inclusion(@RequestParam long sequence, @RequestParam(required = false) Long treeSize) {
        long size = treeSize != null ? treeSize : tree.currentCheckpoint().treeSize();
        long sealed = tree.size();
        if (size < 1 || size > sealed) {
            throw new InvalidFieldException("treeSize", "must be between 1 and the sealed tree size " + sealed);
        }
        if (sequence < 1 || sequence > size) {
            throw new InvalidFieldException("sequence", "must be between 1 and the tree size " + size);
        }
        return tree.inclusion(sequence, size);
    }

    @Operation(summary = "Consistency proof between two tree sizes (RFC 9162 § 2.1.4)")
    @GetMapping("/proofs/consistency")
    SealedTree.ConsistencyProof consistency(@RequestParam long fromTreeSize, @RequestParam long toTreeSize) {
        long sealed = tree.size();
        if (toTreeSize < 0 || toTreeSize > sealed) {
            throw new InvalidFieldException("toTreeSize", "must be between 0 and the sealed tree size " + sealed);
        }
        if (fromTreeSize < 0 || fromTreeSize > toTreeSize) {
            throw new InvalidFieldException("fromTreeSize", "must be between 0 and toTreeSize " + toTreeSize);
        }
        return tree.consistency(fromTreeSize, toTreeSize);
    }

    @Operation(summary = "Start a full verification of the store against the sealed tree (202); progress in the GET")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/verifications")
    ResponseEntity<Map<String, UUID>> verify(Authentication user) {
        UUID id = verification.start(user == null ? null : user.getName());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header("Location", "/api/integrity/verifications/" + id)
                .body(Map.of("verificationId", id));
    }

    @Operation(summary = "A verification's state, progress and first mismatch")
    @GetMapping("/verifications/{verificationId}")
    StoreVerification.View verification(@PathVariable String verificationId) {
        UUID id = Fields.parse(verificationId, "verificationId", UUID::fromString);
        return verification.find(id).orElseThrow(() -> new NotFoundException("no verification " + id));
    }
}

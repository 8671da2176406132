package se.malspar.query.integrity;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import se.malspar.query.pages.WebPage;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import se.malspar.kernel.integrity.Checkpoint;
import se.malspar.platform.web.Fields;
import se.malspar.platform.web.NotFoundException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The integrity page: the signed checkpoints, and a full check of the store against the sealed
 * tree that a revisor starts and watches. The same services as the API's /api/integrity/**.
 */
@Controller
@WebPage
class IntegrityPage {

    private static final int SHOWN = 20;

    private final SealedTree tree;
    private final StoreVerification verification;
    private final IntegrityOverview overview;

    IntegrityPage(SealedTree tree, StoreVerification verification, IntegrityOverview overview) {
        this.tree = tree;
        this.verification = verification;
        this.overview = overview;
    }

    @GetMapping("/integritet")
    String integrity(Model model) {
        IntegrityOverview.Status status = overview.current();
        // The newest first: checkpoints are read in tree-size order, so keep the last ones.
        List<Checkpoint> all = tree.checkpoints(-1, 1000);
        List<Checkpoint> shown = new ArrayList<>(all.subList(Math.max(0, all.size() - SHOWN), all.size()));
        Collections.reverse(shown);
        model.addAttribute("status", status);
        model.addAttribute("checkpoints", shown);
        model.addAttribute("checkpointCount", all.size());
        return "pages/integritet";
    }

    @PostMapping("/integritet/verifieringar")
    String start(Authentication user) {
        UUID id = verification.start(user.getName());
        return "redirect:/integritet/verifieringar/" + id;
    }

    @GetMapping("/integritet/verifieringar/{verificationId}")
    String progress(@PathVariable String verificationId, Model model) {
        UUID id = Fields.parse(verificationId, "verificationId", UUID::fromString);
        model.addAttribute("v", verification.find(id).orElseThrow(() -> new NotFoundException("no verification " + id)));
        return "pages/integritet-kontroll";
    }
}

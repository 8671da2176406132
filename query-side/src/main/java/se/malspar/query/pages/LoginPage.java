package se.malspar.query.pages;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form (basic mode) or the way to the organisation's OpenID Connect login (jwt mode). */
@Controller
class LoginPage {

    private final boolean openIdConnect;

    LoginPage(@Value("${malspar.security.mode:basic}") String mode) {
        this.openIdConnect = "jwt".equalsIgnoreCase(mode);
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("openIdConnect", openIdConnect);
        return "pages/login";
    }
}

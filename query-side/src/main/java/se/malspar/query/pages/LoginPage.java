package se.malspar.query.pages;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form (basic mode) or the way to the organisation's OpenID Connect login (jwt mode). */
@Controller
@WebPage
class LoginPage {

    private final boolean openIdConnect;
    private final boolean registered;

    LoginPage(@Value("${malspar.security.mode:basic}") String mode,
              ObjectProvider<ClientRegistrationRepository> registrations) {
        this.openIdConnect = "jwt".equalsIgnoreCase(mode);
        this.registered = registrations.getIfAvailable() != null;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("openIdConnect", openIdConnect);
        model.addAttribute("registered", registered);
        return "pages/login";
    }
}

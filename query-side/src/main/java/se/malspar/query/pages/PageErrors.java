package se.malspar.query.pages;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import se.malspar.platform.web.InvalidFieldException;
import se.malspar.platform.web.NotFoundException;

/**
 * A page that cannot be shown answers with a page that says why, in Swedish, with the right
 * status; the API's problem details stay the API's.
 */
@ControllerAdvice(annotations = WebPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND, "Sidan finns inte", "Det finns inget sådant i registret"
                + (e.getMessage() != null && e.getMessage().contains("as recorded by")
                ? " vid den tidpunkt du valde under ”Som det var registrerat” (det registrerades senare)." : "."));
    }

    @ExceptionHandler({InvalidFieldException.class, MethodArgumentTypeMismatchException.class, IllegalArgumentException.class})
    ModelAndView badInput(Exception e) {
        String field = e instanceof InvalidFieldException invalid ? invalid.field()
                : e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : null;
        return page(HttpStatus.BAD_REQUEST, "Felaktig uppgift", field == null
                ? "Något i adressen kunde inte läsas." : "Fältet ”" + field + "” kunde inte läsas. Datum skrivs ÅÅÅÅ-MM-DD.");
    }

    /**
     * Anything else is logged and shown as a Swedish error page here: the container's error
     * dispatch would reach the stateless API chain, which knows no session and would ask for a password.
     */
    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        log.error("a page could not be rendered", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "Något gick fel",
                "Sidan kunde inte visas. Felet är loggat; försök igen om en stund.");
    }

    private static ModelAndView page(HttpStatus status, String title, String message) {
        ModelAndView page = new ModelAndView("pages/fel");
        page.setStatus(status);
        page.addObject("title", title);
        page.addObject("message", message);
        page.addObject("status", status.value());
        return page;
    }

    /** Where a refused page request is forwarded (by PageSecurity, status 403 already set), for any method. */
    @Controller
    @WebPage
    static class Refused {

        @RequestMapping("/nekad")
        ModelAndView refused() {
            return page(HttpStatus.FORBIDDEN, "Åtkomst nekad", "Din roll får inte göra detta, eller så saknade "
                    + "formuläret sin säkerhetstoken (ladda om sidan och försök igen).");
        }
    }
}

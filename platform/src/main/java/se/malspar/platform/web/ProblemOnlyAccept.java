package se.malspar.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A client that names only {@code application/problem+json} in {@code Accept} (it expects to read
 * an error) still gets the real answer: without this, every mapping that produces
 * {@code application/json} would turn its 404 or 409 into a 406 before the handler ran. Such a
 * request is read as also accepting {@code application/json} at the lowest quality, so an error
 * comes as {@code application/problem+json} with its own status and a success as
 * {@code application/json} (RFC 9110 § 12.5.1 lets a server disregard {@code Accept} rather than
 * answer 406).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ProblemOnlyAccept extends OncePerRequestFilter {

    private static final String WIDENED = ", " + MediaType.APPLICATION_JSON_VALUE + ";q=0.001";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        chain.doFilter(namesOnlyProblems(accept) ? new Widened(request, accept + WIDENED) : request, response);
    }

    static boolean namesOnlyProblems(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return !types.isEmpty() && types.stream().allMatch(t -> t.getQualityValue() > 0
                    && MediaType.APPLICATION_PROBLEM_JSON.equalsTypeAndSubtype(t));
        } catch (InvalidMediaTypeException e) {
            return false; // Spring answers a malformed Accept itself.
        }
    }

    private static final class Widened extends HttpServletRequestWrapper {
        private final String accept;

        Widened(HttpServletRequest request, String accept) {
            super(request);
            this.accept = accept;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? accept : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(accept)) : super.getHeaders(name);
        }
    }
}

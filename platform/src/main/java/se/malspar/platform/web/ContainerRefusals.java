package se.malspar.platform.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import se.malspar.kernel.common.Refusal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What Tomcat refuses itself, before Spring sees the request — a NUL or other invalid character
 * in the path, a header section over {@code server.max-http-request-header-size} (8 KB), a
 * malformed request line — is answered as a problem detail like every other refusal, never with
 * Tomcat's HTML error page. Encoded slashes and backslashes ({@code %2F}, {@code %5C}) are passed
 * through by Tomcat so that Spring Security's firewall refuses them, also as a problem detail.
 */
@Configuration(proxyBeanMethods = false)
public class ContainerRefusals {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemDetailsFromTomcat() {
        return factory -> {
            factory.addConnectorCustomizers(connector -> {
                connector.setEncodedSolidusHandling("passthrough");
                connector.setProperty("encodedReverseSolidusHandling", "passthrough");
            });
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
            });
        };
    }

    /** A request URI inside a JSON string: only what the URI may hold needs escaping. */
    static String jsonText(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Tomcat's error report, as a problem detail without any internal detail. */
    public static class ProblemReportValve extends ErrorReportValve {

        public ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String code = status == 400 ? Refusal.VALIDATION_FAILED.name()
                    : status == 413 ? Refusal.PAYLOAD_TOO_LARGE.name()
                    : status >= 500 ? Refusal.INTERNAL_ERROR.name()
                    : known == null || ProblemTypePages.entry(known.name()).isEmpty() ? ProblemTypePages.REFUSED : known.name();
            String title = known == null ? "Error" : known.getReasonPhrase();
            String detail = status == 400
                    ? "the request was refused before it reached the application: a malformed or too large request "
                    + "line or header section, or a character not allowed in the URL"
                    : status >= 500 ? "an unexpected error occurred" : title.toLowerCase(Locale.ROOT);
            String json = "{\"type\":\"" + Problems.typeOf(code)
                    + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                    + "\",\"code\":\"" + code + "\",\"instance\":\"" + jsonText(request.getRequestURI()) + "\"}";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(json);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The connection is gone or the response already started: nothing more to say.
            }
        }
    }
}

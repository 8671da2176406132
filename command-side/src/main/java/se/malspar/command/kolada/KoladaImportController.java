package se.malspar.command.kolada;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.malspar.command.admin.AdminCommands;
import se.malspar.command.admin.AdminHeaders;
import se.malspar.command.admin.IdempotentRequests;
import se.malspar.kernel.common.Refusal;
import se.malspar.kernel.programme.measurement.FollowUpPeriod;
import se.malspar.platform.web.InvalidFieldException;
import se.malspar.platform.web.Problems;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Kolada import: a Kolada v3 {@code /data} document, uploaded or fetched, becomes measurements of
 * the indicators that name its KPIs. The document is parsed and checked whole before anything is
 * sent, so a malformed one writes nothing. STRATEGY only (the {@code /api/admin/**} rule).
 */
@RestController
@RequestMapping(path = "/api/admin/imports/kolada", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Kolada import (admin)", description = "Measurements and reference values from Kolada")
class KoladaImportController {

    private static final Pattern KPI = Pattern.compile("[A-Za-z0-9]{1,20}");
    private static final Pattern YEAR = Pattern.compile("(19|20)[0-9]{2}");
    private static final int MAX_KPIS = 25;
    private static final int MAX_ORIGIN = 500;

    private final KoladaImporter importer;
    private final KoladaClient kolada;
    private final Clock clock;
    private final IdempotentRequests requests;

    KoladaImportController(KoladaImporter importer, KoladaClient kolada, Clock clock, IdempotentRequests requests) {
        this.importer = importer;
        this.kolada = kolada;
        this.clock = clock;
        this.requests = requests;
    }

    @Operation(summary = "Import a Kolada v3 /data document (the body) for a report period",
            description = "Per KPI, the latest year with a value for the municipality becomes a measurement of every "
                    + "active indicator with source KOLADA and that KPI, with riket and the county as reference values "
                    + "and the exact figures as evidence. Figures already recorded so are not recorded again; a changed "
                    + "figure supersedes. 'origin' names the file or URL the document came from, 'fetchedAt' when it "
                    + "was fetched (both go into the evidence). A malformed document is refused (400) and nothing is written.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = KoladaDocument.class)))
    ResponseEntity<ImportSummary> upload(@Parameter(required = true, description = "YYYY-T1, YYYY-T2 or YYYY-AR",
                                                 example = "2022-AR")
                                         @RequestParam(required = false) String reportPeriod,
                                         @RequestParam(required = false) String origin,
                                         @RequestParam(required = false) String fetchedAt,
                                         @RequestBody(required = false) byte[] body,
                                         AdminHeaders.Write headers) {
        String period = reportPeriod(reportPeriod);
        String url = origin == null || origin.isBlank() ? "upload sha256:" + sha256(body) : origin(origin);
        Instant fetched = fetchedAt(fetchedAt);
        KoladaData data;
        try {
            data = KoladaParser.parse(body);
        } catch (MalformedKoladaException e) {
            throw new InvalidFieldException(e.path(), e.getMessage());
        }
        if (data.nextUrl() != null) {
            throw new InvalidFieldException("next_url", "the document is one page of several; import the whole "
                    + "answer (every page) or use /api/admin/imports/kolada/fetch");
        }
        String request = String.join("\n", "kolada-upload", period, url, String.valueOf(fetched), sha256(body));
        return ResponseEntity.ok(requests.once(headers.idempotencyKey(), request, ImportSummary.class,
                () -> importer.record(data, period, url, fetched)));
    }

    @Operation(summary = "Fetch KPIs from Kolada (malspar.kolada.base-url) and import them for a report period",
            description = "Reads /data/kpi/{kpi}/municipality/{municipality,riket,county}[/year/{years}], every page, "
                    + "then imports as the upload does. 503 when no base URL is configured; 502 when Kolada fails.")
    @PostMapping(path = "/fetch")
    ResponseEntity<ImportSummary> fetch(@Parameter(required = true, description = "YYYY-T1, YYYY-T2 or YYYY-AR",
                                                example = "2022-AR")
                                        @RequestParam(required = false) String reportPeriod,
                                        @RequestParam(required = false) String kpi,
                                        @RequestParam(required = false) String years,
                                        AdminHeaders.Write headers) {
        String period = reportPeriod(reportPeriod);
        List<String> kpis = kpis(kpi);
        List<Integer> yearList = years(years);
        if (!kolada.configured()) {
            throw new FetchingOff();
        }
        String url = kolada.url(kpis, yearList);
        Instant fetchedAt = clock.instant();
        String request = String.join("\n", "kolada-fetch", period, url);
        return ResponseEntity.ok(requests.once(headers.idempotencyKey(), request, ImportSummary.class,
                () -> importer.record(kolada.fetch(url), period, url, fetchedAt)));
    }

    @ExceptionHandler(KoladaUnavailableException.class)
    ResponseEntity<ProblemDetail> koladaFailed(KoladaUnavailableException e) {
        ProblemDetail problem = Problems.problem(Refusal.KOLADA_UNAVAILABLE, e.getMessage());
        problem.setStatus(HttpStatus.BAD_GATEWAY.value());
        problem.setTitle(HttpStatus.BAD_GATEWAY.getReasonPhrase());
        return Problems.response(problem);
    }

    @ExceptionHandler(FetchingOff.class)
    ResponseEntity<ProblemDetail> fetchingOff(FetchingOff e) {
        return Problems.response(Problems.problem(Refusal.SERVICE_UNAVAILABLE, "fetching from Kolada is not configured "
                + "(malspar.kolada.base-url is empty); upload the document to /api/admin/imports/kolada instead"));
    }

    /** No base URL configured: fetching is switched off. */
    static final class FetchingOff extends RuntimeException {
        FetchingOff() {
            super("fetching from Kolada is not configured");
        }
    }

    private static String reportPeriod(String reportPeriod) {
        if (reportPeriod == null || reportPeriod.isBlank()) {
            throw new InvalidFieldException("reportPeriod", "is required: the follow-up period the import is for, "
                    + "e.g. 2022-AR (YYYY-T1, YYYY-T2 or YYYY-AR)");
        }
        if (!FollowUpPeriod.isValid(reportPeriod)) {
            throw new InvalidFieldException("reportPeriod", "'" + reportPeriod + "' must be YYYY-T1, YYYY-T2 or YYYY-AR");
        }
        return reportPeriod;
    }

    private static List<String> kpis(String kpi) {
        if (kpi == null || kpi.isBlank()) {
            throw new InvalidFieldException("kpi", "is required: one or more Kolada KPI ids, comma-separated, e.g. N15428");
        }
        List<String> kpis = Arrays.stream(kpi.split(",")).map(String::strip).map(KoladaKpiLookup::normalise)
                .distinct().toList();
        if (kpis.size() > MAX_KPIS || kpis.stream().anyMatch(k -> !KPI.matcher(k).matches())) {
            throw new InvalidFieldException("kpi", "must be 1 to " + MAX_KPIS + " Kolada KPI ids (letters and digits), "
                    + "comma-separated, e.g. N15428,N17461");
        }
        return kpis;
    }

    private static List<Integer> years(String years) {
        List<Integer> list = new ArrayList<>();
        if (years == null || years.isBlank()) {
            return list;
        }
        for (String year : years.split(",")) {
            if (!YEAR.matcher(year.strip()).matches()) {
                throw new InvalidFieldException("years", "must be years, comma-separated, e.g. 2021,2022");
            }
            list.add(Integer.valueOf(year.strip()));
        }
        return list;
    }

    private static String origin(String origin) {
        String text = origin.strip();
        if (text.length() > MAX_ORIGIN || !text.codePoints().allMatch(c -> c >= 0x20 && c != 0x7F)) {
            throw new InvalidFieldException("origin", "must be a file name or URL of at most " + MAX_ORIGIN
                    + " printable characters");
        }
        return text;
    }

    private static Instant fetchedAt(String fetchedAt) {
        if (fetchedAt == null || fetchedAt.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(fetchedAt.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("fetchedAt", "must be an instant in UTC, e.g. 2023-03-01T08:00:00Z");
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

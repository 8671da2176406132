package se.malspar.query.revision;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** OWASP "CSV Injection": no cell may begin with =, +, -, @, tab or carriage return. */
class ChangesCsvTest {

    @Test
    void cellsThatASpreadsheetWouldRunAreNeutralisedWithAnApostrophe() {
        assertThat(ChangesCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(ChangesCsv.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(ChangesCsv.cell("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(ChangesCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(ChangesCsv.cell("\tx")).isEqualTo("\"'\tx\"");
        assertThat(ChangesCsv.cell("\rx")).isEqualTo("\"'\rx\"");
    }

    @Test
    void otherCellsAreQuotedAsTheyAre() {
        assertThat(ChangesCsv.cell("Lärande, \"och\" utbildning")).isEqualTo("\"Lärande, \"\"och\"\" utbildning\"");
        assertThat(ChangesCsv.cell("a=b")).isEqualTo("\"a=b\"");
        assertThat(ChangesCsv.cell(null)).isEmpty();
    }

    @Test
    void theEntityKindIsAlsoWrittenInSwedishInTheLastColumn() {
        var change = new se.malspar.query.programme.DecisionChange(7, "DelmalAdded", "DELMAL", "KF4-tillganglighet",
                "Tillgänglighet", "KF4", null, null, java.time.LocalDate.of(2022, 3, 9), java.time.Instant.EPOCH,
                "strategy", null, null);
        String csv = ChangesCsv.write(java.util.List.of(new AuditPack.ChangeRow(change, java.util.List.of())),
                new com.fasterxml.jackson.databind.ObjectMapper());
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).endsWith(",coveredBy,entityKindSv");
        assertThat(lines[1]).endsWith(",\"delmål\"");
    }
}

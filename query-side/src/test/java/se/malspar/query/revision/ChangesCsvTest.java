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
}

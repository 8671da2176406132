package se.malspar.query.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Swedish as the pages write it: decimal comma, one decimal, report periods in words, values of changes in plain words. */
class SvenskaTest {

    private final Svenska svenska = new Svenska();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void numbersHaveADecimalCommaAndOneDecimalAndARealMinusSign() {
        assertThat(svenska.number(new BigDecimal("81.25"))).isEqualTo("81,3");
        assertThat(svenska.number(new BigDecimal("75.0"))).isEqualTo("75,0");
        assertThat(svenska.number(new BigDecimal("85"))).isEqualTo("85");
        assertThat(svenska.number(new BigDecimal("-0.4"))).isEqualTo("−0,4");
        assertThat(svenska.number((BigDecimal) null)).isEqualTo("–");
    }

    @Test
    void reportPeriodsAreWrittenInWords() {
        assertThat(svenska.period("2021-T1")).isEqualTo("tertial 1 2021");
        assertThat(svenska.period("2022-AR")).isEqualTo("årsredovisning 2022");
    }

    @Test
    void aChangeValueIsTheVerbatimAmbitionTheTargetWithItsYearOrTheName() throws Exception {
        assertThat(svenska.value(json.readTree("{\"text\": \"+ 4% över riket 2022\", \"ambiguous\": true}")))
                .isEqualTo("”+ 4% över riket 2022”");
        assertThat(svenska.value(json.readTree("{\"value\": 85.5, \"year\": 2023}"))).isEqualTo("målvärde 85,5 år 2023");
        assertThat(svenska.value(json.readTree("{\"name\": \"Tillgänglighet\", \"description\": null}"))).isEqualTo("Tillgänglighet");
        assertThat(svenska.value(json.readTree("{\"retired\": true}"))).isEqualTo("upphört");
        assertThat(svenska.value(null)).isEqualTo("–");
    }
}

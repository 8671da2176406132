package se.malspar.kernel.decision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CitationTest {

    @ParameterizedTest(name = "''{0}'' reads as ''{1}'' ({2})")
    @CsvSource(delimiter = '|', value = {
            "KS 2022-03-09 § 70          | KS 2022-03-09 § 70   | ks-2022-03-09-p70   | false",
            "KSAU 2022-02-23 § 38        | KSAU 2022-02-23 § 38 | ksau-2022-02-23-p38 | false",
            "KS 2021-01-13 § 010         | KS 2021-01-13 § 10   | ks-2021-01-13-p10   | false",
            "KS 2022-03-09 §70           | KS 2022-03-09 § 70   | ks-2022-03-09-p70   | false",
            "ks 2022-03-09 § 70          | KS 2022-03-09 § 70   | ks-2022-03-09-p70   | false",
            "'  KS   2022-03-09  §  70 '  | KS 2022-03-09 § 70   | ks-2022-03-09-p70   | false",
            "KS\u00A02022-03-09\u00A0§\u00A070 | KS 2022-03-09 § 70 | ks-2022-03-09-p70 | false",
            "KF 2020-10                  | KF 2020-10           | kf-2020-10          | true",
            "KS 2022-08                  | KS 2022-08           | ks-2022-08          | true",
            "KF 2019-05-27               | KF 2019-05-27        | kf-2019-05-27       | true",
            "KS 2019-02-06 § 45          | KS 2019-02-06 § 45   | ks-2019-02-06-p45   | false",
    })
    void readsAndNormalisesCitations(String text, String canonical, String id, boolean incomplete) {
        Citation citation = Citation.parse(text);
        assertThat(citation.toString()).isEqualTo(canonical);
        assertThat(citation.decisionId()).hasToString(id);
        assertThat(citation.incomplete()).isEqualTo(incomplete);
        assertThat(Citation.parse(citation.toString())).isEqualTo(citation);
    }

    @ParameterizedTest(name = "refuses ''{0}''")
    @ValueSource(strings = {
            "КS 2022-03-09 § 70",          // Cyrillic К
            "KS 2022-03-09 § ７０",          // full-width digits
            "KS ２０２２-03-09 § 70",        // full-width year
            "KS 2022-03-09 $ 70",           // dollar for paragraph sign
            "KS 2022-03-09 S 70",           // letter S for paragraph sign
            "KS 2022-03-09 p70",
            "KS 2022-03-09 §",
            "KS 2022-03-09 §§ 70",
            "KS 2022-03-09 § 70a",
            "KS 2022-03-09 § 0",
            "KS 2022-03-09 § 12345",
            "KS 2022-13-09 § 70",
            "KS 2022-02-30 § 70",
            "KS 2022-3-9 § 70",
            "KS 22-03-09 § 70",
            "KS 1850-03-09 § 70",
            "K 2022-03-09 § 70",
            "K5 2022-03-09 § 70",
            "KS-2022-03-09 § 70",
            "KSıAU 2022-03-09 § 70",        // dotless i would upper-case to I
            "2022-03-09 § 70",
            "KS",
            "",
            "   ",
    })
    void refusesMalformedAndLookalikeCitations(String text) {
        assertThatThrownBy(() -> Citation.parse(text)).isInstanceOf(InvalidCitationException.class)
                .hasMessageNotContaining("Exception");
    }

    @Test
    void buildsTheSameCitationFromParts() {
        assertThat(Citation.of("KS", "2022-03-09", 70)).isEqualTo(Citation.parse("KS 2022-03-09 § 70"));
        assertThat(Citation.of("kf", "2020-10", null)).hasToString("KF 2020-10");
    }

    @Test
    void monthOnlyDateHasNoDay() {
        MeetingDate date = MeetingDate.parse("2022-08");
        assertThat(date.monthOnly()).isTrue();
        assertThat(date.date()).isEmpty();
        assertThat(MeetingDate.parse("2022-03-09").date()).hasValueSatisfying(d -> assertThat(d).hasToString("2022-03-09"));
    }

    @Test
    void decisionReferenceIsAnIdOrACitation() {
        assertThat(DecisionId.fromReference("ks-2022-03-09-p70")).isEqualTo(new DecisionId("ks-2022-03-09-p70"));
        assertThat(DecisionId.fromReference("KS 2022-03-09 § 70")).isEqualTo(new DecisionId("ks-2022-03-09-p70"));
        assertThatThrownBy(() -> DecisionId.fromReference("ks-2022-03-09-70")).isInstanceOf(InvalidCitationException.class);
        assertThatThrownBy(() -> DecisionId.fromReference(null)).isInstanceOf(InvalidCitationException.class);
    }

    @Test
    void organSlugFoldsSwedishLetters() {
        assertThat(Citation.parse("MÖBN 2021-05-04 § 3").decisionId()).hasToString("mobn-2021-05-04-p3");
    }
}

package se.malspar.command.kolada;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KoladaParserTest {

    private static KoladaData parse(String json) {
        return KoladaParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void refused(String json, String path, String message) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOfSatisfying(MalformedKoladaException.class, e -> {
                    assertThat(e.path()).isEqualTo(path);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @Test
    void readsEveryFigureExactlyWithStatusAndMissingValues() {
        KoladaData data = parse("""
                {"count": 1, "values": [{"kpi": "N15428", "municipality": "0665", "period": 2021, "values": [
                  {"gender": "T", "count": 1, "status": "", "value": 81.20, "isdeleted": false},
                  {"gender": "K", "count": 0, "status": "M", "value": null, "isdeleted": false},
                  {"gender": "M", "count": 1, "status": "B", "value": 0.1000000000000000055511151231257827, "isdeleted": true}]}],
                 "next_url": null}""");
        assertThat(data.nextUrl()).isNull();
        assertThat(data.values()).hasSize(3);
        KoladaValue total = data.values().get(0);
        assertThat(total).isEqualTo(new KoladaValue("N15428", "0665", 2021, "T", new BigDecimal("81.20"), "", false));
        assertThat(data.values().get(1).value()).isNull();
        assertThat(data.values().get(1).status()).isEqualTo("M");
        assertThat(data.values().get(2).value()).isEqualTo(new BigDecimal("0.1000000000000000055511151231257827"));
        assertThat(data.values().get(2).deleted()).isTrue();
    }

    @Test
    void anEmptyResponseAndOptionalFieldsAreAccepted() {
        assertThat(parse("{\"values\": []}").values()).isEmpty();
        assertThat(parse("""
                {"count": 0, "values": [], "next_url": "https://api.kolada.se/v3/data?page=2", "previous_url": null}""")
                .nextUrl()).isEqualTo("https://api.kolada.se/v3/data?page=2");
        assertThat(parse("""
                {"values": [{"kpi": "N15428", "municipality": "0665", "period": 2021, "extra": 1,
                  "values": [{"gender": "T", "value": 1}]}]}""").values()).hasSize(1);
    }

    @Test
    void refusesAnotherShapeNamingWhatIsWrong() {
        refused("", "body", "empty");
        refused("[]", "body", "expected a Kolada v3 /data response");
        refused("{\"values\": [", "body", "not valid JSON");
        refused("{\"values\": []} {}", "body", "not valid JSON");
        refused("{\"count\": 0}", "values", "is missing");
        refused("{\"values\": {}}", "values", "must be an array");
        refused("{\"values\": [], \"data\": []}", "data", "unknown top-level field");
        refused("{\"values\": [], \"values\": []}", "body", "Duplicate field 'values'");
        refused("{\"count\": \"2\", \"values\": []}", "count", "must be an integer");
        refused("{\"values\": [1]}", "values[0]", "must be an object");
    }

    @Test
    void refusesMissingOrMistypedFieldsWithTheirPath() {
        refused("""
                {"values": [{"municipality": "0665", "period": 2021, "values": []}]}""", "values[0].kpi", "is missing");
        refused("""
                {"values": [{"kpi": "N15428", "period": 2021, "values": []}]}""", "values[0].municipality", "is missing");
        refused("""
                {"values": [{"kpi": "N15428", "municipality": 665, "period": 2021, "values": []}]}""",
                "values[0].municipality", "must be a string");
        refused("""
                {"values": [{"kpi": "N15428", "municipality": "0665", "values": []}]}""", "values[0].period", "is missing");
        refused("""
                {"values": [{"kpi": "N15428", "municipality": "0665", "period": "2021", "values": []}]}""",
                "values[0].period", "must be a year");
        refused("""
                {"values": [{"kpi": "N15428", "municipality": "0665", "period": 2021.5, "values": []}]}""",
                "values[0].period", "must be a year");
        refused("""
                {"values": [{"kpi": "N15428", "municipality": "0665", "period": 2021}]}""", "values[0].values", "is missing");
        refused("""
                {"values": [{"kpi": "N15428", "municipality": "0665", "period": 2021, "values": [{"value": 1}]}]}""",
                "values[0].values[0].gender", "is missing");
        refused("""
                {"values": [{"kpi": "N15428", "municipality": "0665", "period": 2021, "values": [{"gender": "X", "value": 1}]}]}""",
                "values[0].values[0].gender", "must be \"T\", \"K\" or \"M\"");
        refused("""
                {"values": [{"kpi": "N15428", "municipality": "0665", "period": 2021, "values": [{"gender": "T", "value": "81,2"}]}]}""",
                "values[0].values[0].value", "must be a number or null");
        refused("""
                {"values": [{"kpi": "N15428", "municipality": "0665", "period": 2021, "values": [{"gender": "T", "value": 1, "status": 3}]}]}""",
                "values[0].values[0].status", "must be a string or null");
        refused("""
                {"values": [{"kpi": "N15428", "municipality": "0665", "period": 2021, "values": [{"gender": "T", "value": 1, "isdeleted": "no"}]}]}""",
                "values[0].values[0].isdeleted", "must be true or false");
    }

    @Test
    void refusesTheSameFigureTwice() {
        refused("""
                {"values": [{"kpi": "N15428", "municipality": "0665", "period": 2021, "values": [{"gender": "T", "value": 1}]},
                            {"kpi": "N15428", "municipality": "0665", "period": 2021, "values": [{"gender": "T", "value": 2}]}]}""",
                "values[1].values[0]", "a second figure for kpi N15428, municipality 0665, period 2021, gender T");
    }
}

package se.malspar.command.kolada;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * The shape of a Kolada v3 {@code /data} answer, for the API document only: the upload reads its
 * body with {@link KoladaParser}, which checks every place of it and names the wrong one, so a
 * client generator knows to send this object (not a string or bytes).
 */
@Schema(name = "KoladaDocument", description = "A Kolada v3 /data answer, every page of it (next_url null)")
record KoladaDocument(
        @Schema(description = "how many entries Kolada found", requiredMode = Schema.RequiredMode.REQUIRED) int count,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Entry> values,
        @JsonProperty("next_url") @Schema(description = "null: the upload takes only a complete answer",
                nullable = true) String nextUrl) {

    @Schema(name = "KoladaEntry", description = "one KPI's figures for one area and year")
    record Entry(@Schema(example = "N15428", requiredMode = Schema.RequiredMode.REQUIRED) String kpi,
                 @Schema(description = "area id: 0665 Vaggeryd, 0006 Jönköpings län, 0000 riket",
                         requiredMode = Schema.RequiredMode.REQUIRED) String municipality,
                 @Schema(example = "2022", requiredMode = Schema.RequiredMode.REQUIRED) int period,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Figure> values) {
    }

    @Schema(name = "KoladaFigure", description = "one figure, per gender (T = total)")
    record Figure(@Schema(allowableValues = {"T", "K", "M"}, requiredMode = Schema.RequiredMode.REQUIRED) String gender,
                  @Schema(description = "how many values the figure is made of") Integer count,
                  @Schema(description = "Kolada's status (e.g. B, M), empty when none", nullable = true) String status,
                  @Schema(nullable = true) BigDecimal value,
                  @Schema(description = "true: Kolada has deleted this figure") Boolean isdeleted) {
    }
}

package se.malspar.command.kolada;

import java.math.BigDecimal;

/**
 * One figure of a Kolada {@code /data} response: a KPI for an area (municipality, county or
 * riket), a data year and a gender (T total, K women, M men), with its value exactly as Kolada
 * gave it (null when Kolada has none) and Kolada's status ("" none, "B" break in series, "M"
 * missing, …). Package-private: only the import reads Kolada's shape.
 */
record KoladaValue(String kpi, String municipality, int year, String gender, BigDecimal value, String status,
                   boolean deleted) {

    /** The status as shown in notes and reasons: empty when Kolada gave none. */
    String statusOrEmpty() {
        return status == null ? "" : status;
    }
}

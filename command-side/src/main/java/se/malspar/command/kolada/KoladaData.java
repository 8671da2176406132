package se.malspar.command.kolada;

import java.util.List;

/** A whole parsed Kolada {@code /data} response: every figure, and the link to the next page if any. */
record KoladaData(List<KoladaValue> values, String nextUrl) {

    KoladaData {
        values = List.copyOf(values);
    }
}

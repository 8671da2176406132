package se.malspar.platform.web;

import java.io.IOException;

/** Thrown while reading a streamed request body that passes the size limit; answered with 413 PAYLOAD_TOO_LARGE. */
public final class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("the request body is larger than the limit of " + limit + " bytes");
    }
}

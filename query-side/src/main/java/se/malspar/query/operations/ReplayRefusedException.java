package se.malspar.query.operations;

/** A replay that cannot start now (one is running, or the read model cannot be reset): a 409. */
class ReplayRefusedException extends RuntimeException {

    ReplayRefusedException(String message) {
        super(message);
    }
}

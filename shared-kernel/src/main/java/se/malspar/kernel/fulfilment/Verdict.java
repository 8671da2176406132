package se.malspar.kernel.fulfilment;

/** Måluppfyllelse: green / yellow / red = uppfyllt / delvis uppfyllt / ej uppfyllt, or not assessed. */
public enum Verdict {
    GREEN("uppfyllt"), YELLOW("delvis uppfyllt"), RED("ej uppfyllt"), NOT_ASSESSED("ej bedömt");

    private final String swedish;

    Verdict(String swedish) {
        this.swedish = swedish;
    }

    public String swedish() {
        return swedish;
    }
}

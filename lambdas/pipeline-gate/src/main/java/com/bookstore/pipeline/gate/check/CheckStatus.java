package com.bookstore.pipeline.gate.check;

/** How one check went, and so what the gate does next. */
public enum CheckStatus {
    /** The region meets this check. */
    PASSED("OK"),
    /** Not healthy yet, but time may fix it (a 503, a timeout, replication catching up): check again later. */
    WAITING("WAIT"),
    /** Waiting will not fix it (wrong region, a broken contract): stop the promotion now. */
    FAILED("FAIL");

    private final String label;

    CheckStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

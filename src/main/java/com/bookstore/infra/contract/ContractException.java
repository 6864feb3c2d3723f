package com.bookstore.infra.contract;

/** The primary's outputs do not match {@link PrimaryOutputs}; the message lists every problem. */
public final class ContractException extends RuntimeException {

    public ContractException(String message) {
        super(message);
    }
}

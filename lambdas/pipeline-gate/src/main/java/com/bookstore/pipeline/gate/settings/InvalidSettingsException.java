package com.bookstore.pipeline.gate.settings;

/** The action's user parameters cannot drive a verification; reported to CodePipeline as a configuration error. */
public final class InvalidSettingsException extends RuntimeException {
    public InvalidSettingsException(String message) {
        super(message);
    }
}

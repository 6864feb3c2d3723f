package com.bookstore.pipeline.gate.check;

/** The outcome of one check, with a detail a person reading the pipeline console can act on. */
public record CheckResult(String check, CheckStatus status, String detail) {
    public static CheckResult passed(String check, String detail) {
        return new CheckResult(check, CheckStatus.PASSED, detail);
    }

    public static CheckResult waiting(String check, String detail) {
        return new CheckResult(check, CheckStatus.WAITING, detail);
    }

    public static CheckResult failed(String check, String detail) {
        return new CheckResult(check, CheckStatus.FAILED, detail);
    }

    @Override
    public String toString() {
        return "[" + status.label() + "] " + check + ": " + detail;
    }
}

package com.bookstore.ops.regionswitch;

/** A Region switch call or step that failed, with a message an operator can act on. */
public final class RegionSwitchException extends RuntimeException {

    public RegionSwitchException(String message) {
        super(message);
    }

    public RegionSwitchException(String message, Throwable cause) {
        super(message, cause);
    }
}

package com.bookstore.ops.drill;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A fault made by shell commands: locally the drill can break a region outright (kill its gateway,
 * cut its replication) and bring it back, which the health-check switch alone cannot show.
 */
public final class CommandFault implements Fault {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);

    private final String description;
    private final String injectCommand;
    private final String healCommand;

    /** @param description what the commands break, for people ("primary frozen, its replication cut") */
    public CommandFault(String description, String injectCommand, String healCommand) {
        this.description = description;
        this.injectCommand = injectCommand;
        this.healCommand = healCommand;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void inject() {
        run(injectCommand);
    }

    @Override
    public void heal() {
        run(healCommand);
    }

    private static void run(String command) {
        try {
            Process process = new ProcessBuilder(List.of("/bin/sh", "-c", command)).inheritIO().start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("'" + command + "' did not finish within " + COMMAND_TIMEOUT.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("'" + command + "' exited with " + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run '" + command + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running '" + command + "'", e);
        }
    }
}

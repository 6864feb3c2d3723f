package com.bookstore.ops.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bookstore.ops.aws.RegionalClients;
import com.bookstore.engines.MotoExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/** The fault switch against a real moto SSM, in two regions. */
class FaultSwitchWriterTest {

    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private static final String PRIMARY = "eu-west-1";
    private static final String SECONDARY = "ap-southeast-1";

    private SsmClient primarySsm;
    private SsmClient secondarySsm;
    private String parameter;
    private final List<String> progress = new ArrayList<>();

    /** Shutdown hooks as the JVM would hold them, so a test can "exit" and run them. */
    private static final class RecordedHooks implements FaultGuard.ShutdownHooks {
        final List<Thread> registered = new ArrayList<>();

        @Override
        public void add(Thread hook) {
            registered.add(hook);
        }

        @Override
        public void remove(Thread hook) {
            registered.remove(hook);
        }

        void exit() throws InterruptedException {
            for (Thread hook : List.copyOf(registered)) {
                hook.start();
                hook.join();
            }
        }
    }

    private final RecordedHooks hooks = new RecordedHooks();

    @BeforeEach
    void clients() {
        RegionalClients clients = new RegionalClients(MOTO.endpoint());
        primarySsm = clients.ssm(PRIMARY);
        secondarySsm = clients.ssm(SECONDARY);
        parameter = "/bookstore/fault-injection-" + UUID.randomUUID();
    }

    private static Optional<String> value(SsmClient ssm, String name) {
        try {
            return Optional.of(ssm.getParameter(b -> b.name(name)).parameter().value());
        } catch (ParameterNotFoundException e) {
            return Optional.empty();
        }
    }

    @Test
    void injectingTurnsTheRegionsOwnParameterOnAndNoOtherRegions() {
        FaultSwitchWriter primarySwitch = new FaultSwitchWriter(primarySsm, PRIMARY, parameter);

        primarySwitch.inject();

        assertEquals(Optional.of("on"), value(primarySsm, parameter));
        assertTrue(primarySwitch.isOn());
        assertEquals(Optional.empty(), value(secondarySsm, parameter), "the secondary's switch must stay untouched");
    }

    @Test
    void healingTurnsItOff() {
        FaultSwitchWriter primarySwitch = new FaultSwitchWriter(primarySsm, PRIMARY, parameter);
        primarySwitch.inject();

        primarySwitch.heal();

        assertEquals(Optional.of("off"), value(primarySsm, parameter));
        assertFalse(primarySwitch.isOn());
    }

    @Test
    void aMissingParameterReadsAsOff() {
        assertFalse(new FaultSwitchWriter(primarySsm, PRIMARY, parameter).isOn());
    }

    @Test
    void theGuardTurnsTheSwitchOffWhenTheDrillFailsWhileTheFaultIsOn() {
        FaultSwitchWriter primarySwitch = new FaultSwitchWriter(primarySsm, PRIMARY, parameter);

        assertThrows(IllegalStateException.class, () -> {
            try (FaultGuard guard = FaultGuard.inject(primarySwitch, hooks, progress::add)) {
                assertEquals(Optional.of("on"), value(primarySsm, parameter));
                throw new IllegalStateException("the drill broke half-way");
            }
        });

        assertEquals(Optional.of("off"), value(primarySsm, parameter));
        assertTrue(hooks.registered.isEmpty(), "a healed fault needs no shutdown hook");
    }

    @Test
    void anInterruptedDrillHealsTheFaultFromTheShutdownHook() throws Exception {
        FaultSwitchWriter primarySwitch = new FaultSwitchWriter(primarySsm, PRIMARY, parameter);
        FaultGuard guard = FaultGuard.inject(primarySwitch, hooks, progress::add);
        assertEquals(Optional.of("on"), value(primarySsm, parameter));

        hooks.exit(); // Ctrl-C: the JVM runs its shutdown hooks, the drill's finally blocks never run

        assertEquals(Optional.of("off"), value(primarySsm, parameter));
        assertFalse(guard.isInjected());
        assertTrue(progress.stream().anyMatch(line -> line.startsWith("drill interrupted: healing the fault")), progress.toString());
    }

    @Test
    void aHealedFaultIsNotTouchedAgainAtExit() throws Exception {
        FaultSwitchWriter primarySwitch = new FaultSwitchWriter(primarySsm, PRIMARY, parameter);
        try (FaultGuard guard = FaultGuard.inject(primarySwitch, hooks, progress::add)) {
            guard.heal();
        }
        // an operator turns the switch on by hand after the drill: exiting the drill must not undo that
        primarySwitch.inject();

        hooks.exit();

        assertEquals(Optional.of("on"), value(primarySsm, parameter));
    }
}

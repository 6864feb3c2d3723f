package com.bookstore.ops.regionswitch;

import com.bookstore.ops.drill.FaultSwitchWriter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The plan's fault-switch step: the region being activated gets its switch off first (its /health must pass), then
 * the switches listed as on are turned on (only ever the primary's, when it is being left: the secondary stays a
 * healthy standby of DNS failover). The same code runs in the step's Lambda function and in the local rehearsal.
 */
public final class FaultSwitchStep {

    private final Function<String, SsmClient> ssmIn;
    private final String parameter;
    private final Consumer<String> progress;

    public FaultSwitchStep(Function<String, SsmClient> ssmIn, String parameter, Consumer<String> progress) {
        this.ssmIn = ssmIn;
        this.parameter = parameter;
        this.progress = progress;
    }

    public void apply(List<String> on, List<String> off) {
        for (String region : off) {
            new FaultSwitchWriter(ssmIn.apply(region), region, parameter).heal();
            progress.accept("fault switch " + parameter + " in " + region + ": off");
        }
        for (String region : on) {
            new FaultSwitchWriter(ssmIn.apply(region), region, parameter).inject();
            progress.accept("fault switch " + parameter + " in " + region + ": on");
        }
    }
}

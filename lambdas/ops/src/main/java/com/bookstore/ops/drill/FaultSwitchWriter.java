package com.bookstore.ops.drill;

import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;

/**
 * The region's fault switch (docs/interfaces.md, "Fault switch"): an SSM parameter in that region's
 * SSM; while it is {@code on}, the region's {@code GET /health} answers 503, so Route 53 (or the local
 * front door) fails traffic over without anything really being broken. The client must be for the
 * region whose switch this is.
 */
public final class FaultSwitchWriter implements Fault {

    public static final String DEFAULT_PARAMETER = "/bookstore/fault-injection";
    static final String ON = "on";
    static final String OFF = "off";

    private final SsmClient ssm;
    private final String region;
    private final String parameterName;

    public FaultSwitchWriter(SsmClient ssm, String region, String parameterName) {
        this.ssm = ssm;
        this.region = region;
        this.parameterName = parameterName;
    }

    @Override
    public String description() {
        return "fault switch " + parameterName + " in " + region + " (its /health answers 503 while on)";
    }

    @Override
    public void inject() {
        set(ON);
    }

    @Override
    public void heal() {
        set(OFF);
    }

    /** The switch as the API sees it: a missing parameter means off. */
    public boolean isOn() {
        try {
            return ON.equals(ssm.getParameter(GetParameterRequest.builder().name(parameterName).build())
                    .parameter().value());
        } catch (ParameterNotFoundException e) {
            return false;
        }
    }

    private void set(String value) {
        ssm.putParameter(PutParameterRequest.builder()
                .name(parameterName)
                .value(value)
                .type(ParameterType.STRING)
                .overwrite(true)
                .description("Failover drill fault switch: 'on' makes this region's /health answer 503")
                .build());
    }
}

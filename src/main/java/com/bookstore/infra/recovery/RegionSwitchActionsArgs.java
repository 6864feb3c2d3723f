package com.bookstore.infra.recovery;

import com.pulumi.core.Output;

import java.util.List;

/**
 * What {@link RegionSwitchActions} needs: the two functions the plan's custom-action steps run in this region.
 *
 * @param actionFunctionName the fault-switch and uploads function (the same name in both regions)
 * @param verifyFunctionName the verification function (the same name in both regions)
 * @param actionsJar         the operator tools' jar ({@code lambdas/ops}), whose code the actions reuse
 * @param verifyJar          the verify gate's jar ({@code lambdas/pipeline-gate}), whose checks verification runs
 * @param regions            both regions: the fault switch of either may be set from here
 * @param accountId          the account
 * @param faultParameter     the fault switch's SSM parameter name, the same in both regions
 * @param uploadsFileSystemId this region's blog uploads file system (the one the uploads step makes writable), if
 *                            the stack has a blog
 * @param planName           the plan whose executions call these functions (the uploads step reads the mode)
 * @param apiBaseUrl         this region's own API, which verification checks
 * @param logKeyArn          the key of the region's log groups
 * @param logRetentionDays   how long the functions' logs are kept
 * @param permissionsBoundaryArn the project's permissions boundary, which every role carries
 */
public record RegionSwitchActionsArgs(String actionFunctionName, String verifyFunctionName, String actionsJar,
                                      String verifyJar, List<String> regions, Output<String> accountId,
                                      String faultParameter, java.util.Optional<Output<String>> uploadsFileSystemId,
                                      String planName,
                                      Output<String> apiBaseUrl, Output<String> logKeyArn, int logRetentionDays,
                                      Output<String> permissionsBoundaryArn) {

    public RegionSwitchActionsArgs {
        regions = List.copyOf(regions);
    }
}

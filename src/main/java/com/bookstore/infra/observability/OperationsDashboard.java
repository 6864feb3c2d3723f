package com.bookstore.infra.observability;

import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * The one dashboard for both regions, in the primary stack (dashboards are global; each widget names its region).
 * It is built from names both stacks share, so it exists before the secondary does and needs nothing from it.
 */
public final class OperationsDashboard extends ComponentResource {

    public final Output<String> dashboardName;

    public OperationsDashboard(String name, OperationsDashboardArgs args, ComponentResourceOptions options) {
        super("bookstore:observability:OperationsDashboard", name, options);
        var dashboard = new Dashboard(name, DashboardArgs.builder()
                .dashboardName(name)
                .dashboardBody(args.body())
                .build(), CustomResourceOptions.builder().parent(this).build());
        this.dashboardName = dashboard.dashboardName();
        registerOutputs(Map.of("dashboardName", dashboardName));
    }
}

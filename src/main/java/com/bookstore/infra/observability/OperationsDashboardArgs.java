package com.bookstore.infra.observability;

import com.pulumi.core.Output;

/**
 * What {@link OperationsDashboard} shows.
 *
 * @param body required; the dashboard body, from {@link DashboardBody#json}
 */
public record OperationsDashboardArgs(Output<String> body) {
}

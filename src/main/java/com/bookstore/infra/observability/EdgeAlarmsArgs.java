package com.bookstore.infra.observability;

import com.pulumi.core.Output;

import java.util.Optional;

/**
 * What {@link EdgeAlarms} watches: the storefront's CloudFront distribution, whose metrics exist in us-east-1 only.
 *
 * @param edgeRegion      required; where CloudFront publishes its metrics (us-east-1), so the alarm, topic and key live there
 * @param accountId       required; the account whose alarms may use the topic's key
 * @param alertEmail      default none; an address subscribed to the topic
 * @param errorPercent    required; the share of 5xx answers that fires the alarm (the API's threshold too)
 * @param distributionArn required; the distribution
 */
public record EdgeAlarmsArgs(String edgeRegion, Output<String> accountId, Optional<String> alertEmail, int errorPercent,
                             Output<String> distributionArn) {
}

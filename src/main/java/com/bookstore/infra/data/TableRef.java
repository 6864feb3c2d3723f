package com.bookstore.infra.data;

import com.pulumi.core.Output;

/** One table as the rest of the region sees it: its name, the ARN in this region and its stream. */
public record TableRef(String name, Output<String> arn, Output<String> streamArn) {
}

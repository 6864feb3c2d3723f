package com.bookstore.infra.network;

import com.bookstore.infra.region.RegionContext;

/**
 * The shape of a region's {@link Network}. Every field is required (the stack's sizing, docs/configuration.md,
 * carries the defaults).
 *
 * @param region            the region the endpoints' service names and the zone lookup refer to
 * @param vpcCidr           an {@code a.b.0.0/16} block; private subnets take its /20s, public ones its upper half
 * @param availabilityZones how many zones get a subnet (2 in the default sizing)
 */
public record NetworkArgs(RegionContext region, String vpcCidr, int availabilityZones) {
}

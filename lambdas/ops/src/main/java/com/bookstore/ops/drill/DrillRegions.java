package com.bookstore.ops.drill;

import java.net.URI;

/**
 * Where the drill sends traffic ({@code frontDoorApi}: what shoppers use, Route 53's name on AWS or
 * the local front door) and where it reads each region directly to audit it.
 */
public record DrillRegions(URI frontDoorApi, String primary, URI primaryApi, String secondary, URI secondaryApi) {}

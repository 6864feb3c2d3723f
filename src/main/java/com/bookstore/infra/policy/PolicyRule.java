package com.bookstore.infra.policy;

import com.bookstore.infra.plan.Plan;

import java.util.List;

/** A check that runs on every offline plan; a plan with any violation fails. */
public interface PolicyRule {

    /** Short, stable identifier used in reports ({@code encryption-at-rest}). */
    String id();

    List<Violation> check(Plan plan);
}

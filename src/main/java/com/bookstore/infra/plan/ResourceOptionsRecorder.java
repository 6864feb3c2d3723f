package com.bookstore.infra.plan;

import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.PulumiTest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records the resource options a mock cannot see: a stack transformation (it runs for every resource before
 * registration and changes nothing) keeps each resource's explicit {@code dependsOn} and {@code protect}, so
 * the plan shows the ordering and the protections that {@code pulumi up} and {@code pulumi destroy} obey.
 */
final class ResourceOptionsRecorder implements ResourceTransformation {

    private record Recorded(com.pulumi.core.Output<List<Resource>> dependsOn, boolean protect) {}

    private final Map<String, Recorded> byKey = new ConcurrentHashMap<>();

    @Override
    public Optional<Result> apply(Args args) {
        var options = args.options();
        byKey.put(key(args.resource()), new Recorded(options.getDependsOn(), options.isProtect()));
        return Optional.empty();
    }

    /** The explicit dependencies of {@code key} as {@code type::name}, sorted; read after the run. */
    List<String> dependsOn(String key) {
        Recorded recorded = byKey.get(key);
        if (recorded == null || recorded.dependsOn() == null) {
            return List.of();
        }
        List<Resource> resources = PulumiTest.extractValue(recorded.dependsOn());
        return resources == null ? List.of() : resources.stream().map(ResourceOptionsRecorder::key).sorted().toList();
    }

    boolean isProtected(String key) {
        Recorded recorded = byKey.get(key);
        return recorded != null && recorded.protect();
    }

    private static String key(Resource resource) {
        return resource.pulumiResourceType() + "::" + resource.pulumiResourceName();
    }
}

package com.bookstore.infra.region;

import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.List;

/**
 * The component a helper creates its resources under. Helpers that split a large component keep their resources'
 * parent (and so their URNs) unchanged: docs/infrastructure.md, "Components".
 */
public record ResourceOwner(Resource component) {

    public CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(component).build();
    }

    /** A child that waits for {@code dependencies}, which its inputs do not show. */
    public CustomResourceOptions childAfter(List<? extends Resource> dependencies) {
        return CustomResourceOptions.builder().parent(component).dependsOn(List.copyOf(dependencies)).build();
    }

    public ComponentResourceOptions childComponent() {
        return ComponentResourceOptions.builder().parent(component).build();
    }
}

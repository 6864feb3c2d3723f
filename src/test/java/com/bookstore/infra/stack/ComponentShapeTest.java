package com.bookstore.infra.stack;

import com.bookstore.infra.App;
import com.bookstore.infra.config.StackSettings;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every component is shaped like Pulumi's own (docs/infrastructure.md, "Components"): public constructors take
 * exactly {@code (String name, <Component>Args args, ComponentResourceOptions options)}, the args hold no stack
 * settings, and no component source names {@code StackSettings}: only the stack entry reads the settings.
 */
class ComponentShapeTest {

    /**
     * Components not converted yet. This list only shrinks: a listed component that conforms fails the test until
     * it is removed from here, and a component not listed must conform.
     */
    private static final Set<String> NOT_YET_CONVERTED = Set.of();

    /**
     * Where the settings are parsed and read: the config itself (with the pipeline's part), the entry points that load it (the program, the
     * offline plan, the deploy checks, the resilience budget), the stack that maps it to each component's args,
     * and the Region switch wiring, which picks the plan's components by role.
     */
    private static final List<String> SETTINGS_READERS = List.of("App.java", "config/", "plan/", "preflight/",
            "resilience/", "stack/", "recovery/RegionSwitch.java", "pipeline/PipelineSettings.java");

    @Test
    void everyComponentConstructorTakesNameArgsAndOptionsOnly() throws Exception {
        var violations = new TreeMap<String, List<String>>();
        for (Class<?> component : components()) {
            List<String> problems = shapeProblems(component);
            if (!problems.isEmpty()) {
                violations.put(component.getName(), problems);
            }
        }

        var unexpected = new TreeMap<>(violations);
        unexpected.keySet().removeAll(NOT_YET_CONVERTED);
        assertEquals(new TreeMap<>(), unexpected, "components not shaped (name, XArgs, options)");
        var converted = new HashSet<>(NOT_YET_CONVERTED);
        converted.removeAll(violations.keySet());
        assertEquals(Set.of(), converted, "converted: remove them from NOT_YET_CONVERTED");
    }

    @Test
    void onlyTheStackEntryReadsTheStackSettings() throws IOException {
        Path sources = Path.of("src/main/java/com/bookstore/infra");
        List<String> readers = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String relative = sources.relativize(file).toString();
                boolean entry = SETTINGS_READERS.stream().anyMatch(relative::startsWith);
                if (!entry && Files.readString(file).contains("StackSettings")) {
                    readers.add(relative);
                }
            }
        }

        assertEquals(List.of(), readers, "files that read the stack settings outside the stack entry");
    }

    @Test
    void theListOfComponentsIsNotEmpty() throws Exception {
        // Guards the scan itself: a wrong class directory would make the shape test pass on nothing.
        assertFalse(components().size() < 20, "found only " + components());
    }

    private static List<String> shapeProblems(Class<?> component) {
        List<String> problems = new ArrayList<>();
        String argsName = component.getSimpleName() + "Args";
        for (Constructor<?> constructor : component.getConstructors()) {
            Class<?>[] parameters = constructor.getParameterTypes();
            boolean shaped = parameters.length == 3 && parameters[0] == String.class
                    && parameters[1].getSimpleName().equals(argsName)
                    && parameters[2] == ComponentResourceOptions.class;
            if (!shaped) {
                problems.add("constructor " + List.of(parameters).stream().map(Class::getSimpleName).toList());
            } else if (reaches(parameters[1], StackSettings.class, new HashSet<>())) {
                problems.add(argsName + " carries StackSettings");
            }
        }
        for (var method : component.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers())
                    && method.getReturnType() == component) {
                problems.add("public factory " + method.getName() + " (use the constructor and its args)");
            }
        }
        if (component.getConstructors().length == 0) {
            problems.add("no public constructor");
        }
        return problems;
    }

    /** Whether {@code type} is or holds (through record components, transitively) a {@code target}. */
    private static boolean reaches(Class<?> type, Class<?> target, Set<Class<?>> seen) {
        if (type == target) {
            return true;
        }
        if (!type.isRecord() || !seen.add(type)) {
            return false;
        }
        for (RecordComponent field : type.getRecordComponents()) {
            if (reaches(field.getType(), target, seen) || typeArgumentsReach(field.getGenericType(), target, seen)) {
                return true;
            }
        }
        return false;
    }

    private static boolean typeArgumentsReach(Type type, Class<?> target, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                if ((argument instanceof Class<?> c && reaches(c, target, seen))
                        || typeArgumentsReach(argument, target, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Class<?>> components() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(App.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve("com/bookstore/infra"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace(".class", "").replace('/', '.');
                Class<?> type = Class.forName(name, false, ComponentShapeTest.class.getClassLoader());
                if (ComponentResource.class.isAssignableFrom(type)) {
                    found.add(type);
                }
            }
        }
        return found;
    }
}

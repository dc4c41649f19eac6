package org.rapport.fuzz;

import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Lets the long fuzz run ({@code mvn -Pfuzz verify}) raise the number of tries of every random property to
 * {@code -Drapport.fuzz.tries=N} without editing the tests; {@code mvn verify} keeps each property's own short count.
 * Exhaustive properties keep theirs (they already try every combination).
 */
public final class LongRun implements AroundPropertyHook {
    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        Integer tries = Integer.getInteger("rapport.fuzz.tries");
        Property p = context.targetMethod().getAnnotation(Property.class);
        if (tries != null && p != null && p.generation() != GenerationMode.EXHAUSTIVE) {
            context.attributes().setTries(tries);
        }
        return property.execute();
    }

    /** Registered on a test class, it acts on the class's properties. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public int aroundPropertyProximity() {
        return -100; // outside jqwik's own defaults hook, so this setting wins
    }
}

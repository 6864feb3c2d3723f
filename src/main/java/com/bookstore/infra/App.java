package com.bookstore.infra;

import com.bookstore.infra.config.StackSettings;
import com.bookstore.infra.stack.BookstoreStack;
import com.pulumi.Context;
import com.pulumi.Pulumi;

/** The Pulumi program: {@code pulumi up -s primary}, then {@code pulumi up -s secondary}. */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    /** Reads the stack's config once, then builds the region it describes. */
    public static void stack(Context ctx) {
        StackSettings settings = StackSettings.parse(fullKey -> {
            int colon = fullKey.indexOf(':');
            return ctx.config(fullKey.substring(0, colon)).get(fullKey.substring(colon + 1));
        });
        BookstoreStack.deploy(ctx, settings);
    }
}

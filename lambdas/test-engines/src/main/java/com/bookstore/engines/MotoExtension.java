package com.bookstore.engines;

import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link MotoServer} for one test class:
 * {@code @RegisterExtension static final MotoExtension MOTO = new MotoExtension();}.
 */
public final class MotoExtension implements BeforeAllCallback, AfterAllCallback {

    private MotoServer moto;

    public URI endpoint() {
        return moto.endpoint();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        moto = MotoServer.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (moto != null) {
            moto.close();
        }
    }
}

package dev.backloop.server;

import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.glassfish.jersey.inject.hk2.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.async.AsyncContextDelegateProviderImpl;
import org.glassfish.jersey.servlet.spi.AsyncContextDelegateProvider;

/**
 * A Jersey application as a servlet, the way Backloop's own server runs it and the way an app mounted in
 * someone else's Jetty runs it.
 */
public final class JerseyServlet {
    private JerseyServlet() {
    }

    /**
     * A servlet serving {@code application}, with async support: remote methods returning a
     * {@code CompletionStage} suspend their request instead of holding a thread.
     */
    public static ServletHolder of(ResourceConfig application) {
        // Jersey finds its servlet async support through META-INF/services, which the app turns off
        application.register(new ServletAsync());
        ServletHolder jersey = new ServletHolder("backloop", new ServletContainer(application));
        jersey.setAsyncSupported(true);
        return jersey;
    }

    /** A servlet context at {@code contextPath} whose every path is served by {@code application}. */
    public static ServletContextHandler context(String contextPath, ResourceConfig application) {
        ServletContextHandler context = new ServletContextHandler(contextPath);
        context.addServlet(of(application), "/*");
        return context;
    }

    /** Binds Jersey's servlet async support, which it would otherwise find only through META-INF/services. */
    private static final class ServletAsync extends AbstractBinder {
        @Override
        protected void configure() {
            bind(AsyncContextDelegateProviderImpl.class).to(AsyncContextDelegateProvider.class);
        }
    }
}

/**
 * Building a Backloop app in Java code, as LoopBack 3's {@code loopback()} API does: {@link
 * dev.backloop.embed.Backloop#app()} gives an app to add datasources, models, components and boot scripts
 * to, then start on its own port or mount in another Jetty or Jersey application. An app directory can be
 * the starting point ({@link dev.backloop.embed.Backloop#app(java.nio.file.Path)}); both fill the same
 * {@link dev.backloop.app.AppBuilder}.
 */
package dev.backloop.embed;

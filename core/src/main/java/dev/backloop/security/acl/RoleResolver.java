package dev.backloop.security.acl;

/** Decides a dynamic role from Java, LoopBack's {@code Role.registerResolver(name, fn)}. */
@FunctionalInterface
public interface RoleResolver {
    boolean isInRole(AccessContext context) throws Exception;
}

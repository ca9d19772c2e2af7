package dev.backloop.security.acl;

import java.util.List;

/**
 * What a call asks for: a model, the method (by every name it answers to) and the method's access type.
 */
public record AccessRequest(String model, List<String> methodNames, String accessType) {
    public AccessRequest {
        methodNames = List.copyOf(methodNames);
    }
}

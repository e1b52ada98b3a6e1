package org.healthycities.support;

import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Creates users in Camunda's identity service for tests, each with a unique id and its own password. */
public final class TestUsers {

    /** Only for the test context; the product has no default password. */
    public static final String ADMIN_PASSWORD = "test-only-admin-Pa55";
    public static final String PASSWORD = "test-only-Pa55word";

    private TestUsers() {
    }

    /** A new user in the given group and networks; returns its id. */
    public static String create(IdentityService identity, String prefix, String group, String... networks) {
        String id = prefix + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setFirstName(prefix);
        user.setLastName("Test");
        user.setEmail(id + "@example.org");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, group);
        for (String network : networks) {
            identity.createTenantUserMembership(network, id);
        }
        return id;
    }

}

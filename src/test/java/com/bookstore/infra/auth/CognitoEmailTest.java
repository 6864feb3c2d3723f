package com.bookstore.infra.auth;

import com.bookstore.infra.config.InvalidConfigException;
import com.bookstore.infra.plan.Plan;
import com.bookstore.infra.support.Plans;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.bookstore.infra.support.Plans.desired;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cognito's built-in sender for trials; a verified SES identity for a shop that signs up real customers. */
class CognitoEmailTest {

    private static final String POOL = "AWS::Cognito::UserPool";
    private static final String IDENTITY = "arn:aws:ses:eu-west-1:123456789012:identity/bookstore.example.com";

    @Test
    void withoutSesKeysThePoolUsesCognitosBuiltInSender() {
        var pool = Plans.cloudControl(Plans.primary(), POOL);

        assertEquals("COGNITO_DEFAULT", desired(pool, "EmailConfiguration.EmailSendingAccount"));
        assertNull(desired(pool, "EmailConfiguration.SourceArn"));
    }

    @Test
    void withSesKeysCognitoSendsAsTheVerifiedIdentity() {
        Plan plan = Plans.run(Plans.primaryConfig(Map.of(
                "bookstore:cognitoEmailSesIdentityArn", IDENTITY,
                "bookstore:cognitoEmailFrom", "Bookstore <no-reply@bookstore.example.com>",
                "bookstore:cognitoEmailReplyTo", "help@bookstore.example.com")), Map.of());
        var pool = Plans.cloudControl(plan, POOL);

        // CloudFormation's EmailConfiguration names (AWS::Cognito::UserPool EmailConfiguration).
        assertEquals("DEVELOPER", desired(pool, "EmailConfiguration.EmailSendingAccount"));
        assertEquals(IDENTITY, desired(pool, "EmailConfiguration.SourceArn"));
        assertEquals("Bookstore <no-reply@bookstore.example.com>", desired(pool, "EmailConfiguration.From"));
        assertEquals("help@bookstore.example.com", desired(pool, "EmailConfiguration.ReplyToEmailAddress"));
    }

    @Test
    void sesKeysAreCheckedTogetherAndTheIdentityMustBeAnSesArn() {
        var alone = assertThrows(InvalidConfigException.class, () -> Plans.settings(Plans.primaryConfig(Map.of(
                "bookstore:cognitoEmailSesIdentityArn", IDENTITY))));
        var replyAlone = assertThrows(InvalidConfigException.class, () -> Plans.settings(Plans.primaryConfig(Map.of(
                "bookstore:cognitoEmailReplyTo", "help@bookstore.example.com"))));
        var notAnArn = assertThrows(InvalidConfigException.class, () -> Plans.settings(Plans.primaryConfig(Map.of(
                "bookstore:cognitoEmailSesIdentityArn", "bookstore.example.com",
                "bookstore:cognitoEmailFrom", "no-reply@bookstore.example.com"))));

        assertTrue(String.join("\n", alone.problems()).contains("are set together or not at all"), alone.problems().toString());
        assertTrue(String.join("\n", replyAlone.problems()).contains("needs bookstore:cognitoEmailSesIdentityArn"),
                replyAlone.problems().toString());
        assertTrue(String.join("\n", notAnArn.problems()).contains("not an SES identity ARN"), notAnArn.problems().toString());
    }
}

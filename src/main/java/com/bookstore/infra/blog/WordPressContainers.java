package com.bookstore.infra.blog;

import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.List;

/**
 * The containers of the blog's tasks: WordPress from the official image, configured from the environment and the
 * database secret, and the one-off seeding container that runs scripts/blog/seed.php against the same database.
 */
final class WordPressContainers {

    private WordPressContainers() {
    }

    /** A Fargate task of the blog's size and roles; the service's and the seeding task differ in containers only. */
    static TaskDefinitionArgs.Builder fargateTask(String family, BlogSiteArgs.TaskSize size, BlogTaskRoles roles,
                                                  Output<String> containers) {
        return TaskDefinitionArgs.builder()
                .family(family)
                .requiresCompatibilities("FARGATE")
                .networkMode("awsvpc")
                .cpu(String.valueOf(size.cpu()))
                .memory(String.valueOf(size.memoryMb()))
                .executionRoleArn(roles.execution.arn())
                .taskRoleArn(roles.task.arn())
                .containerDefinitions(containers);
    }

    /** The WordPress container: official image, database settings from the environment and the secret. */
    static String containerDefinitions(String image, String dbHost, String secretArn, String logGroup,
                                       String siteUrl, String region) {
        return ContainerDefinition.json(new ContainerDefinition("wordpress", image, true,
                List.of(new ContainerDefinition.PortMapping(BlogSecurityGroups.HTTP, "tcp")),
                wordpressEnvironment(dbHost, siteUrl), databaseCredentials(secretArn),
                List.of(new ContainerDefinition.MountPoint("uploads", "/var/www/html/wp-content/uploads", false)),
                ContainerDefinition.LogConfiguration.awsLogs(logGroup, region, "wordpress"), null));
    }

    /** The seeding container: WordPress's code from the image, its Docker config, our seed script and posts. */
    static String seedContainerDefinitions(String image, String dbHost, String secretArn, String logGroup,
                                           String siteUrl, String region) {
        List<ContainerDefinition.Variable> environment = new ArrayList<>(wordpressEnvironment(dbHost, siteUrl));
        environment.add(new ContainerDefinition.Variable("BLOG_URL", siteUrl));
        environment.add(new ContainerDefinition.Variable("BOOKSTORE_SEED_PHP", SeedFiles.script()));
        environment.add(new ContainerDefinition.Variable("BOOKSTORE_SEED_POSTS", SeedFiles.posts()));
        // The image's entrypoint sets WordPress up only for Apache; a one-off command copies it itself.
        List<String> command = List.of("bash", "-c", String.join("\n",
                "set -euo pipefail",
                "cp -a /usr/src/wordpress/. /tmp/wordpress/",
                "cp /tmp/wordpress/wp-config-docker.php /tmp/wordpress/wp-config.php",
                "printf '%s' \"$BOOKSTORE_SEED_PHP\" > /tmp/seed.php",
                "printf '%s' \"$BOOKSTORE_SEED_POSTS\" > /tmp/posts.json",
                "php /tmp/seed.php /tmp/wordpress /tmp/posts.json 'Bookstore blog'"));
        List<ContainerDefinition.Secret> secrets = new ArrayList<>(databaseCredentials(secretArn));
        // The administrator the blog is installed with: the password a person reads from the same secret.
        secrets.add(new ContainerDefinition.Secret("BOOKSTORE_ADMIN_PASSWORD", secretArn + ":adminPassword::"));
        return ContainerDefinition.json(new ContainerDefinition("seed", image, true, null,
                environment, secrets, null,
                ContainerDefinition.LogConfiguration.awsLogs(logGroup, region, BlogSite.SEED_LOG_PREFIX), command));
    }

    private static List<ContainerDefinition.Variable> wordpressEnvironment(String dbHost, String siteUrl) {
        // WordPress sits behind the load balancer's TLS; no cron requests to itself, no calls to the internet.
        String extraConfig = String.join("\n",
                "if (($_SERVER['HTTP_X_FORWARDED_PROTO'] ?? '') === 'https') { $_SERVER['HTTPS'] = 'on'; }",
                "define('WP_HOME', '" + siteUrl + "');",
                "define('WP_SITEURL', '" + siteUrl + "');",
                "define('DISABLE_WP_CRON', true);",
                "define('WP_HTTP_BLOCK_EXTERNAL', true);",
                "define('AUTOMATIC_UPDATER_DISABLED', true);");
        return List.of(
                new ContainerDefinition.Variable("WORDPRESS_DB_HOST", dbHost + ":" + BlogDatabase.MYSQL_PORT),
                new ContainerDefinition.Variable("WORDPRESS_DB_NAME", BlogDatabase.DATABASE),
                new ContainerDefinition.Variable("WORDPRESS_CONFIG_EXTRA", extraConfig));
    }

    private static List<ContainerDefinition.Secret> databaseCredentials(String secretArn) {
        return List.of(new ContainerDefinition.Secret("WORDPRESS_DB_USER", secretArn + ":username::"),
                new ContainerDefinition.Secret("WORDPRESS_DB_PASSWORD", secretArn + ":password::"));
    }
}

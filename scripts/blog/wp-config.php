<?php
// Local blog configuration: every value comes from the environment that scripts/blog/start.sh sets,
// so several local blogs (tests, two-region mode) can run side by side without touching /etc.
function bookstore_env(string $name, string $default = ''): string {
    $value = getenv($name);
    return ($value === false || $value === '') ? $default : $value;
}

define('DB_NAME', bookstore_env('BLOG_DB_NAME', 'wordpress'));
define('DB_USER', bookstore_env('BLOG_DB_USER', 'root'));
define('DB_PASSWORD', bookstore_env('BLOG_DB_PASSWORD'));
// "localhost:/path/to/socket" makes mysqli use the throwaway server's socket.
define('DB_HOST', bookstore_env('BLOG_DB_HOST', 'localhost'));
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
$table_prefix = 'wp_';

define('WP_HOME', bookstore_env('BLOG_URL', 'http://127.0.0.1:8081'));
define('WP_SITEURL', WP_HOME);
define('WP_CONTENT_DIR', bookstore_env('BLOG_CONTENT_DIR', __DIR__ . '/wp-content'));
define('WP_CONTENT_URL', WP_HOME . '/wp-content');

// Nothing leaves the machine: no update checks, no pingbacks, no cron requests to itself.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('WP_DEBUG', false);

// Salts only protect cookies of this throwaway site; they are regenerated with its data directory.
foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY',
          'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as $key) {
    define($key, bookstore_env('BLOG_SALT', 'local-only'));
}

if (!defined('ABSPATH')) {
    define('ABSPATH', __DIR__ . '/');
}
require_once ABSPATH . 'wp-settings.php';

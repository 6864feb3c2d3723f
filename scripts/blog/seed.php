<?php
// Installs WordPress if the database is empty and loads the seed posts idempotently: a post is found
// by its slug and updated in place, never duplicated. Runs the same way locally and in the one-off
// seeding task on AWS (the official WordPress image has PHP and a wp-config.php of its own).
// Usage: php seed.php <wordpress-dir> <posts.json> <site-title>
if ($argc < 3) {
    fwrite(STDERR, "usage: php seed.php <wordpress-dir> <posts.json> [site-title]\n");
    exit(2);
}
[$_, $wordpressDir, $postsFile] = $argv;
$title = $argv[3] ?? 'Bookstore blog';
$posts = json_decode(file_get_contents($postsFile), true);
if (!is_array($posts)) {
    fwrite(STDERR, "seed: $postsFile is not a JSON array of posts\n");
    exit(2);
}

// Without it WordPress answers an empty database with a redirect to its installer and exits.
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = parse_url(getenv('BLOG_URL') ?: 'http://127.0.0.1', PHP_URL_HOST);
require_once rtrim($wordpressDir, '/') . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
// The local machine has no mail transport; the installer's notification mail is not needed anyway.
add_filter('pre_wp_mail', '__return_false');

$installed = false;
if (!is_blog_installed()) {
    // On AWS the administrator's password comes from the blog's credentials secret (docs/blog.md, "Admin"), so a
    // person can read it; locally nobody signs in as the administrator and a random one does.
    $password = getenv('BOOKSTORE_ADMIN_PASSWORD') ?: wp_generate_password(24);
    $result = wp_install($title, 'bookstore-admin', 'admin@bookstore.invalid', true, '', $password);
    if (is_wp_error($result)) {
        fwrite(STDERR, 'seed: install failed: ' . $result->get_error_message() . "\n");
        exit(1);
    }
    $installed = true;
    // The installer's sample content would sit among the bookstore's posts.
    foreach ([['hello-world', 'post'], ['sample-page', 'page']] as [$slug, $type]) {
        $sample = get_page_by_path($slug, OBJECT, $type);
        if ($sample) {
            wp_delete_post($sample->ID, true);
        }
    }
}
update_option('permalink_structure', '/%postname%/');
update_option('blogname', $title);

$admin = get_user_by('login', 'bookstore-admin');
$created = 0;
$updated = 0;
foreach ($posts as $post) {
    foreach (['slug', 'title', 'content', 'date'] as $field) {
        if (empty($post[$field])) {
            fwrite(STDERR, "seed: a post lacks '$field'\n");
            exit(2);
        }
    }
    $existing = get_page_by_path($post['slug'], OBJECT, 'post');
    $fields = [
        'post_name' => $post['slug'],
        'post_title' => $post['title'],
        'post_content' => $post['content'],
        'post_date' => str_replace('T', ' ', $post['date']),
        'post_status' => 'publish',
        'post_type' => 'post',
        'post_author' => $admin ? $admin->ID : 1,
    ];
    if ($existing) {
        $fields['ID'] = $existing->ID;
        $result = wp_update_post($fields, true);
        $updated++;
    } else {
        $result = wp_insert_post($fields, true);
        $created++;
    }
    if (is_wp_error($result)) {
        fwrite(STDERR, "seed: post {$post['slug']}: " . $result->get_error_message() . "\n");
        exit(1);
    }
    if (!empty($post['books'])) {
        update_post_meta(is_int($result) ? $result : $existing->ID, 'bookstore_books', implode(',', $post['books']));
    }
}
// Posts that are not in the seed file are left alone: the blog is also written by people.
$total = (int) wp_count_posts('post')->publish;
echo json_encode(['installed' => $installed, 'created' => $created, 'updated' => $updated,
                  'published' => $total]), "\n";

<?php
/**
 * Test helper run with PHP's CLI inside the throwaway WordPress (tools/wordpress-test.sh):
 *   php wp-setup.php WP_DIR install            installs WordPress, activates the plugin, makes the
 *                                              editor (no unfiltered_html) and prints JSON
 *   php wp-setup.php WP_DIR page TITLE         a page whose content is read from stdin; prints its id
 *   php wp-setup.php WP_DIR option             prints the plugin's option as JSON (null when absent)
 *   php wp-setup.php WP_DIR uninstall          deactivates and deletes the plugin as WordPress does
 *   php wp-setup.php WP_DIR nonce ACTION       a nonce for ACTION made for the user and session of
 *                                              the logged-in cookie value read from stdin
 *   php wp-setup.php WP_DIR language LOCALE    sets the site language (WPLANG; '' for English)
 */
$dir = $argv[1];
$cmd = $argv[2];
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
if ( 'install' === $cmd ) {
	define( 'WP_INSTALLING', true );
}
require $dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/file.php';

switch ( $cmd ) {
	case 'install':
		wp_install( 'Recovery finder test', 'admin', 'admin@example.org', false, '', 'admin-password-1' );
		switch_theme( 'twentytwentythree' );
		$active = activate_plugin( 'recovery-finder/recovery-finder.php' );
		if ( is_wp_error( $active ) ) {
			fwrite( STDERR, $active->get_error_message() );
			exit( 1 );
		}
		// In a single site an editor has unfiltered_html; take it away, as multisite and many hosts do.
		get_role( 'editor' )->remove_cap( 'unfiltered_html' );
		$editor = wp_insert_user( array( 'user_login' => 'editor', 'user_pass' => 'editor-password-1', 'user_email' => 'editor@example.org', 'role' => 'editor' ) );
		list( $app ) = WP_Application_Passwords::create_new_application_password( $editor, array( 'name' => 'test' ) );
		echo wp_json_encode(
			array(
				'editorId'              => $editor,
				'editorAppPassword'     => $app,
				'editorUnfilteredHtml'  => user_can( $editor, 'unfiltered_html' ),
				'modulesApi'            => function_exists( 'wp_enqueue_script_module' ),
				'wpVersion'             => get_bloginfo( 'version' ),
			)
		);
		break;
	case 'page':
		wp_set_current_user( 1 );
		$id = wp_insert_post( array( 'post_type' => 'page', 'post_status' => 'publish', 'post_title' => $argv[3], 'post_content' => stream_get_contents( STDIN ) ), true );
		echo is_wp_error( $id ) ? 0 : $id;
		break;
	case 'option':
		echo wp_json_encode( get_option( 'recovery_finder_settings', null ) );
		break;
	case 'nonce':
		$cookie                     = trim( stream_get_contents( STDIN ) );
		$_COOKIE[ LOGGED_IN_COOKIE ] = $cookie;
		$user                       = wp_validate_auth_cookie( $cookie, 'logged_in' );
		if ( ! $user ) {
			fwrite( STDERR, 'not a valid logged-in cookie' );
			exit( 1 );
		}
		wp_set_current_user( $user );
		echo wp_create_nonce( $argv[3] );
		break;
	case 'language':
		// WordPress takes a site language only when its core language pack is installed (Settings >
		// General downloads it); Debian's package has none, so an empty pack stands in for it.
		if ( '' !== $argv[3] && ! in_array( $argv[3], get_available_languages(), true ) ) {
			wp_mkdir_p( WP_LANG_DIR );
			$pack = new MO();
			$pack->set_header( 'Language', $argv[3] );
			$pack->export_to_file( WP_LANG_DIR . '/' . $argv[3] . '.mo' );
		}
		update_option( 'WPLANG', $argv[3] );
		echo wp_json_encode( get_option( 'WPLANG' ) );
		break;
	case 'uninstall':
		wp_set_current_user( 1 );
		deactivate_plugins( 'recovery-finder/recovery-finder.php' );
		$result = delete_plugins( array( 'recovery-finder/recovery-finder.php' ) );
		echo wp_json_encode( is_wp_error( $result ) ? $result->get_error_message() : $result );
		break;
}

<?php
/**
 * Deleting the plugin removes its settings.
 *
 * @package RecoveryFinder
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'recovery_finder_settings' );

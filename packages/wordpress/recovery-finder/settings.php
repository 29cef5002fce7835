<?php
/**
 * Settings > Recovery finder: default dataset, newsletter endpoint, language, theme tokens and
 * fallback content, and how to write the shortcode. The Settings API supplies the nonce and the
 * manage_options check (options.php); every value is sanitised on save and escaped on output.
 * Every word of the screen goes through WordPress's gettext (text domain recovery-finder):
 * languages/recovery-finder-es_ES.po holds the Spanish.
 *
 * @package RecoveryFinder
 */

defined( 'ABSPATH' ) || exit;

/** Sanitises the whole settings array before it is saved. */
function recovery_finder_sanitize( $input ) {
	$input = is_array( $input ) ? $input : array();
	$table = recovery_finder_table();
	$out   = array(
		'src'      => isset( $input['src'] ) ? esc_url_raw( trim( $input['src'] ), array( 'http', 'https' ) ) : '',
		'action'   => isset( $input['action'] ) ? esc_url_raw( trim( $input['action'] ), array( 'http', 'https' ) ) : '',
		'lang'     => isset( $input['lang'] ) && in_array( $input['lang'], array( 'en', 'es' ), true ) ? $input['lang'] : '',
		'tokens'   => array(),
		'fallback' => array(),
	);
	foreach ( $table['tokens'] as $token ) {
		$value = isset( $input['tokens'][ $token ] ) ? recovery_finder_css_value( $input['tokens'][ $token ] ) : '';
		if ( '' !== $value ) {
			$out['tokens'][ $token ] = $value;
		}
	}
	foreach ( array_keys( $table['elements'] ) as $element ) {
		$value = isset( $input['fallback'][ $element ] ) ? trim( wp_kses_post( $input['fallback'][ $element ] ) ) : '';
		if ( '' !== $value ) {
			$out['fallback'][ $element ] = $value;
		}
	}
	return $out;
}

function recovery_finder_admin_init() {
	register_setting( 'recovery_finder', RECOVERY_FINDER_OPTION, array( 'type' => 'array', 'sanitize_callback' => 'recovery_finder_sanitize', 'default' => array() ) );
}
add_action( 'admin_init', 'recovery_finder_admin_init' );

function recovery_finder_admin_menu() {
	add_options_page( __( 'Recovery finder', 'recovery-finder' ), __( 'Recovery finder', 'recovery-finder' ), 'manage_options', 'recovery-finder', 'recovery_finder_settings_page' );
}
add_action( 'admin_menu', 'recovery_finder_admin_menu' );

function recovery_finder_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to manage these settings.', 'recovery-finder' ) );
	}
	$s     = recovery_finder_settings();
	$table = recovery_finder_table();
	$name  = RECOVERY_FINDER_OPTION;
	?>
	<div class="wrap">
		<h1><?php esc_html_e( 'Recovery finder', 'recovery-finder' ); ?></h1>
		<form method="post" action="options.php">
			<?php settings_fields( 'recovery_finder' ); ?>
			<table class="form-table" role="presentation">
				<tr><th scope="row"><label for="rf-src"><?php esc_html_e( 'Default dataset URL', 'recovery-finder' ); ?></label></th>
					<td><input type="url" class="regular-text" id="rf-src" name="<?php echo esc_attr( $name ); ?>[src]" value="<?php echo esc_attr( $s['src'] ); ?>">
					<p class="description"><?php esc_html_e( 'Empty: the bundled Boston and Massachusetts dataset shipped with the plugin.', 'recovery-finder' ); ?></p></td></tr>
				<tr><th scope="row"><label for="rf-action"><?php esc_html_e( 'Newsletter endpoint', 'recovery-finder' ); ?></label></th>
					<td><input type="url" class="regular-text" id="rf-action" name="<?php echo esc_attr( $name ); ?>[action]" value="<?php echo esc_attr( $s['action'] ); ?>"></td></tr>
				<tr><th scope="row"><label for="rf-lang"><?php esc_html_e( 'Language', 'recovery-finder' ); ?></label></th>
					<td><select id="rf-lang" name="<?php echo esc_attr( $name ); ?>[lang]">
						<option value="" <?php selected( $s['lang'], '' ); ?>><?php esc_html_e( "The page's language", 'recovery-finder' ); ?></option>
						<option value="en" <?php selected( $s['lang'], 'en' ); ?>>English</option>
						<option value="es" <?php selected( $s['lang'], 'es' ); ?>>Español</option>
					</select></td></tr>
			</table>
			<h2><?php esc_html_e( 'Theme', 'recovery-finder' ); ?></h2>
			<p class="description"><?php esc_html_e( "CSS values for the elements' theme tokens, for example #0b5cab for a colour or 4px for a radius. Empty: the element's own.", 'recovery-finder' ); ?></p>
			<table class="form-table" role="presentation">
				<?php foreach ( $table['tokens'] as $token ) : ?>
				<tr><th scope="row"><label for="rf-<?php echo esc_attr( $token ); ?>"><code><?php echo esc_html( $token ); ?></code></label></th>
					<td><input type="text" class="regular-text" id="rf-<?php echo esc_attr( $token ); ?>" name="<?php echo esc_attr( $name ); ?>[tokens][<?php echo esc_attr( $token ); ?>]" value="<?php echo esc_attr( isset( $s['tokens'][ $token ] ) ? $s['tokens'][ $token ] : '' ); ?>"></td></tr>
				<?php endforeach; ?>
			</table>
			<h2><?php esc_html_e( 'Fallback content', 'recovery-finder' ); ?></h2>
			<table class="form-table" role="presentation">
				<?php foreach ( array_keys( $table['elements'] ) as $element ) : ?>
				<tr><th scope="row"><label for="rf-fallback-<?php echo esc_attr( $element ); ?>"><?php echo esc_html( sprintf( /* translators: %s: element name */ __( 'Fallback content: %s', 'recovery-finder' ), $element ) ); ?></label></th>
					<td><textarea class="large-text" rows="3" id="rf-fallback-<?php echo esc_attr( $element ); ?>" name="<?php echo esc_attr( $name ); ?>[fallback][<?php echo esc_attr( $element ); ?>]" placeholder="<?php echo esc_attr( recovery_finder_default_fallback( $element ) ); ?>" aria-describedby="rf-fallback-<?php echo esc_attr( $element ); ?>-help"><?php echo esc_textarea( isset( $s['fallback'][ $element ] ) ? $s['fallback'][ $element ] : '' ); ?></textarea>
					<p class="description" id="rf-fallback-<?php echo esc_attr( $element ); ?>-help"><?php esc_html_e( "Shown until the element's script runs, or if it never does: keep a number to call in it.", 'recovery-finder' ); ?></p></td></tr>
				<?php endforeach; ?>
			</table>
			<?php submit_button(); ?>
		</form>
		<h2><?php esc_html_e( 'Shortcode', 'recovery-finder' ); ?></h2>
		<p><?php esc_html_e( 'Where the block editor is not used, the shortcode puts an element on a page, for example:', 'recovery-finder' ); ?></p>
		<p><code>[recovery_finder element="resource-search" category="peer-support" lang="es"]</code></p>
		<p>
		<?php
		echo wp_kses(
			sprintf(
				/* translators: 1: the element names, 2: an example shortcode */
				__( 'The element attribute is one of: %1$s. Every other attribute is an option the element documents; a word without a value turns an option on, as in %2$s.', 'recovery-finder' ),
				'<code>' . implode( '</code>, <code>', array_map( 'esc_html', array_keys( $table['elements'] ) ) ) . '</code>',
				'<code>[recovery_finder element="prsc-map" sync-url]</code>'
			),
			array( 'code' => array() )
		);
		?>
		</p>
	</div>
	<?php
}

<?php
/**
 * Plugin Name:       Recovery finder
 * Description:       Puts recovery-finder's elements (resource search, PRSC map, disposal locator, newsletter signup, saved list) on a page: a block and the [recovery_finder] shortcode.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       recovery-finder
 * Domain Path:       /languages
 *
 * @package RecoveryFinder
 */

defined( 'ABSPATH' ) || exit;

define( 'RECOVERY_FINDER_OPTION', 'recovery_finder_settings' );
define( 'RECOVERY_FINDER_HANDLE', 'recovery-finder' );

/**
 * The element table generated at build time from custom-elements.json (tools/wordpress-zip.mjs):
 * { elements: { name: { tag, title, attributes: { attr: { kind, description } }, fallback? } }, tokens: [...],
 *   languages: [ { tag, name, dir } ] } (languages from src/locales/languages.ts).
 */
function recovery_finder_table() {
	static $table = null;
	if ( null === $table ) {
		$json  = file_get_contents( __DIR__ . '/elements.json' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file.
		$table = json_decode( (string) $json, true );
		if ( ! is_array( $table ) ) {
			$table = array( 'elements' => array(), 'tokens' => array() );
		}
		if ( ! isset( $table['languages'] ) || ! is_array( $table['languages'] ) ) {
			$table['languages'] = array();
		}
	}
	return $table;
}

/**
 * The languages the elements speak: tag => its own name (English, Español, العربية...).
 */
function recovery_finder_languages() {
	$out = array();
	foreach ( recovery_finder_table()['languages'] as $language ) {
		$out[ $language['tag'] ] = $language['name'];
	}
	return $out;
}

/**
 * The offered tag for a value as written ('ar', 'zh-Hant'; any case, since sanitize_key lowers
 * it), or '' when the elements do not speak it.
 */
function recovery_finder_lang_tag( $value ) {
	foreach ( array_keys( recovery_finder_languages() ) as $tag ) {
		if ( strtolower( $tag ) === strtolower( (string) $value ) ) {
			return $tag;
		}
	}
	return '';
}

/**
 * The default fallback for an element: what a person needs if the script never runs. Each
 * element's comes from its module (`@fallback`, through elements.json); a help line otherwise.
 */
function recovery_finder_default_fallback( $element ) {
	$elements = recovery_finder_table()['elements'];
	return isset( $elements[ $element ]['fallback'] ) && is_string( $elements[ $element ]['fallback'] )
		? $elements[ $element ]['fallback']
		: '<p>Help now: <a href="tel:988">call or text 988</a>, or the Massachusetts Substance Use Helpline, <a href="tel:+18003275050">800-327-5050</a>.</p>';
}

/** The saved settings, with defaults. */
function recovery_finder_settings() {
	$saved = get_option( RECOVERY_FINDER_OPTION, array() );
	return wp_parse_args(
		is_array( $saved ) ? $saved : array(),
		array( 'src' => '', 'action' => '', 'lang' => '', 'tokens' => array(), 'fallback' => array() )
	);
}

/** A CSS value safe inside a style attribute: no declaration breaks, no markup, no url(). */
function recovery_finder_css_value( $value ) {
	$value = trim( sanitize_text_field( (string) $value ) );
	return preg_match( '/[;{}<>\\\\]|url\s*\(|expression\s*\(/i', $value ) ? '' : $value;
}

/**
 * The markup for one element: the block and the shortcode both call this.
 *
 * @param string $element Element name (resource-search, ...); unknown names fall back to resource-search.
 * @param array  $options Attribute => value; only the element's documented attributes are kept.
 * @param string $lang    A language tag of elements.json's languages; anything else gives the settings' language.
 */
function recovery_finder_markup( $element, $options, $lang ) {
	$table    = recovery_finder_table();
	$elements = $table['elements'];
	if ( ! isset( $elements[ $element ] ) ) {
		$element = 'resource-search';
	}
	if ( ! isset( $elements[ $element ] ) ) {
		return '';
	}
	$spec     = $elements[ $element ];
	$settings = recovery_finder_settings();
	if ( '' !== $settings['src'] && isset( $spec['attributes']['src'] ) && ! isset( $options['src'] ) && ! isset( $options['api'] ) ) {
		$options['src'] = $settings['src'];
	}
	if ( '' !== $settings['action'] && isset( $spec['attributes']['action'] ) && ! isset( $options['action'] ) ) {
		$options['action'] = $settings['action'];
	}
	$lang = recovery_finder_lang_tag( $lang );
	$lang = '' !== $lang ? $lang : recovery_finder_lang_tag( $settings['lang'] );

	$attrs = '';
	foreach ( $spec['attributes'] as $name => $attr ) {
		if ( ! array_key_exists( $name, $options ) ) {
			continue;
		}
		$value = $options[ $name ];
		if ( 'boolean' === $attr['kind'] ) {
			if ( true === $value || in_array( strtolower( (string) $value ), array( '1', 'true', 'yes', 'on', '' ), true ) ) {
				$attrs .= ' ' . esc_attr( $name );
			}
			continue;
		}
		$value = is_scalar( $value ) ? (string) $value : '';
		if ( 'url' === $attr['kind'] ) {
			$value = esc_url( $value, array( 'http', 'https' ) );
		} elseif ( 'number' === $attr['kind'] && ! is_numeric( $value ) ) {
			continue;
		}
		if ( '' === $value ) {
			continue;
		}
		$attrs .= sprintf( ' %s="%s"', esc_attr( $name ), esc_attr( $value ) );
	}
	if ( '' !== $lang ) {
		$attrs .= sprintf( ' lang="%s"', esc_attr( $lang ) );
	}
	$style = '';
	foreach ( (array) $settings['tokens'] as $token => $value ) {
		$value = recovery_finder_css_value( $value );
		if ( '' !== $value && in_array( $token, $table['tokens'], true ) ) {
			$style .= $token . ': ' . $value . '; ';
		}
	}
	if ( '' !== $style ) {
		$attrs .= sprintf( ' style="%s"', esc_attr( trim( $style ) ) );
	}
	$fallback = isset( $settings['fallback'][ $element ] ) && '' !== trim( $settings['fallback'][ $element ] )
		? $settings['fallback'][ $element ]
		: recovery_finder_default_fallback( $element );

	recovery_finder_enqueue();
	return sprintf( '<%1$s%2$s>%3$s</%1$s>', tag_escape( $spec['tag'] ), $attrs, wp_kses_post( $fallback ) );
}

/** The loader as a module: only called when a page holds a block or a shortcode. */
function recovery_finder_enqueue() {
	$url = plugins_url( 'dist/recovery-finder.js', __FILE__ );
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		wp_enqueue_script_module( RECOVERY_FINDER_HANDLE, $url, array(), '0.1.0' );
	} else {
		wp_enqueue_script( RECOVERY_FINDER_HANDLE, $url, array(), '0.1.0', true );
	}
}

/** Before wp_enqueue_script_module (WordPress 6.5), the loader's script tag gets type="module". */
function recovery_finder_module_tag( $tag, $handle ) {
	if ( RECOVERY_FINDER_HANDLE !== $handle || false !== strpos( $tag, 'type="module"' ) ) {
		return $tag;
	}
	return preg_replace( '/<script(?:\s+type=([\'"])text\/javascript\1)?/', '<script type="module"', $tag, 1 );
}
add_filter( 'script_loader_tag', 'recovery_finder_module_tag', 10, 2 );

/** [recovery_finder element="resource-search" category="peer-support" lang="es"] */
function recovery_finder_shortcode( $atts ) {
	$atts    = is_array( $atts ) ? $atts : array();
	$element = isset( $atts['element'] ) ? sanitize_key( $atts['element'] ) : 'resource-search';
	$lang    = isset( $atts['lang'] ) ? sanitize_key( $atts['lang'] ) : '';
	unset( $atts['element'], $atts['lang'] );
	$options = array();
	foreach ( $atts as $key => $value ) {
		if ( is_int( $key ) ) {
			$options[ sanitize_key( $value ) ] = true; // [recovery_finder sync-url]: a bare boolean.
		} else {
			$options[ sanitize_key( $key ) ] = sanitize_text_field( $value );
		}
	}
	return recovery_finder_markup( $element, $options, $lang );
}

/** The block's server render (the front end and ServerSideRender's preview). */
function recovery_finder_render_block( $attributes ) {
	$options = array();
	foreach ( (array) ( isset( $attributes['options'] ) ? $attributes['options'] : array() ) as $key => $value ) {
		$options[ sanitize_key( $key ) ] = is_bool( $value ) ? $value : sanitize_text_field( (string) $value );
	}
	$element = isset( $attributes['element'] ) ? sanitize_key( $attributes['element'] ) : 'resource-search';
	$lang    = isset( $attributes['lang'] ) ? sanitize_key( $attributes['lang'] ) : '';
	return recovery_finder_markup( $element, $options, $lang );
}

function recovery_finder_init() {
	// The admin screens' words (languages/: .mo for PHP, .json for the block editor's script).
	load_plugin_textdomain( 'recovery-finder', false, dirname( plugin_basename( __FILE__ ) ) . '/languages' );
	add_shortcode( 'recovery_finder', 'recovery_finder_shortcode' );
	wp_register_script(
		'recovery-finder-block-editor',
		plugins_url( 'block/editor.js', __FILE__ ),
		array( 'wp-blocks', 'wp-element', 'wp-components', 'wp-block-editor', 'wp-server-side-render', 'wp-i18n' ),
		'0.1.0',
		false
	);
	wp_set_script_translations( 'recovery-finder-block-editor', 'recovery-finder', __DIR__ . '/languages' );
	$table    = recovery_finder_table();
	$elements = array();
	foreach ( $table['elements'] as $name => $spec ) {
		// The title is the element's summary from custom-elements.json; the .po translates each one.
		$title             = translate( $spec['title'], 'recovery-finder' ); // phpcs:ignore WordPress.WP.I18n -- a summary from elements.json.
		$elements[ $name ] = array( 'title' => $title, 'attributes' => $spec['attributes'] );
	}
	$languages = array();
	foreach ( recovery_finder_languages() as $tag => $language ) {
		$languages[] = array( 'value' => $tag, 'label' => $language );
	}
	wp_add_inline_script( 'recovery-finder-block-editor', 'window.recoveryFinderElements = ' . wp_json_encode( $elements ) . '; window.recoveryFinderLanguages = ' . wp_json_encode( $languages ) . ';', 'before' );
	register_block_type( __DIR__ . '/block', array( 'render_callback' => 'recovery_finder_render_block' ) );
}
add_action( 'init', 'recovery_finder_init' );

/** The live preview in the block editor shows the real element: the loader runs there too. */
add_action( 'enqueue_block_editor_assets', 'recovery_finder_enqueue' );

require_once __DIR__ . '/settings.php';

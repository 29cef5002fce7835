#!/usr/bin/env bash
# The WordPress plugin (packages/wordpress) tested in a real WordPress: Debian's `wordpress`
# package with PHP's built-in server and a throwaway MariaDB (socket only, no TCP port), both
# started here and stopped by process id at the end, in a temporary folder that is then deleted.
#   npm run test:wordpress        (needs dist/: `npm run build`; builds the plugin zip itself)
#   npm run test:wordpress -- --test-name-pattern=settings    (node --test options pass through)
# Packages: apt-get install -y --no-install-recommends wordpress wordpress-theme-twentytwentythree
#   php-cli php-mysql mariadb-server   (.ci/run installs them when it can).
# Without them it prints "WordPress tests: skipped: <reason>" and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."

skip() { echo "WordPress tests: skipped: $*"; exit 0; }
command -v php >/dev/null || skip "php is not installed (apt-get install php-cli php-mysql)"
php -r 'exit(extension_loaded("mysqli") ? 0 : 1);' || skip "PHP has no mysqli (apt-get install php-mysql)"
MARIADBD=$(command -v mariadbd || ls /usr/sbin/mariadbd 2>/dev/null || true)
[ -n "$MARIADBD" ] || skip "MariaDB is not installed (apt-get install mariadb-server)"
[ -f /usr/share/wordpress/wp-settings.php ] || skip "Debian's wordpress package is not installed"
[ -d /usr/share/wordpress/wp-content/themes/twentytwentythree ] || skip "wordpress-theme-twentytwentythree is not installed"
[ -x "${CHROME_PATH:-/usr/bin/chromium}" ] || skip "no Chromium at ${CHROME_PATH:-/usr/bin/chromium}"
[ -f dist/recovery-finder.js ] || skip "dist/ is not built (npm run build)"

node tools/wordpress-zip.mjs
dir=$(mktemp -d /tmp/recovery-wp.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$dir"
}
trap cleanup EXIT

# MariaDB: its own data folder and socket, no network.
mariadb-install-db --no-defaults --datadir="$dir/db" --user="$(id -un)" --auth-root-authentication-method=normal \
  --skip-test-db >"$dir/db-install.log" 2>&1 || { cat "$dir/db-install.log" >&2; exit 1; }
"$MARIADBD" --no-defaults --datadir="$dir/db" --socket="$dir/db.sock" --pid-file="$dir/db.pid" --skip-networking \
  --user="$(id -un)" --log-error="$dir/db.log" &
pids+=($!)
until mariadb-admin --no-defaults --socket="$dir/db.sock" -uroot ping >/dev/null 2>&1; do
  kill -0 "${pids[0]}" 2>/dev/null || { cat "$dir/db.log" >&2; exit 1; }
  sleep 0.2
done
mariadb --no-defaults --socket="$dir/db.sock" -uroot -e 'create database wordpress'

# WordPress: a copy of Debian's files (symlinks followed) with our own wp-config.php.
cp -rL /usr/share/wordpress "$dir/wp"
unzip -q build/wordpress/recovery-finder.zip -d "$dir/wp/wp-content/plugins"
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
url="http://127.0.0.1:$port"
cat >"$dir/wp/wp-config.php" <<PHP
<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'root' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', 'localhost:$dir/db.sock' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
foreach ( array( 'AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT' ) as \$k ) { define( \$k, '$(head -c 24 /dev/urandom | base64)' . \$k ); }
\$table_prefix = 'wp_';
define( 'WP_HOME', '$url' );
define( 'WP_SITEURL', '$url' );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', '$dir/debug.log' );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'DISABLE_WP_CRON', true );
define( 'FS_METHOD', 'direct' );
if ( ! defined( 'ABSPATH' ) ) { define( 'ABSPATH', __DIR__ . '/' ); }
require_once ABSPATH . 'wp-settings.php';
PHP
setup=$(php test/wordpress/wp-setup.php "$dir/wp" install)
php -S "127.0.0.1:$port" -t "$dir/wp" >"$dir/php.log" 2>&1 &
pids+=($!)
until curl -fsS -o /dev/null "$url/wp-login.php" 2>/dev/null; do
  kill -0 "${pids[1]}" 2>/dev/null || { cat "$dir/php.log" >&2; exit 1; }
  sleep 0.2
done

status=0
WP_URL="$url" WP_DIR="$dir/wp" WP_SETUP="$setup" node --test "$@" test/wordpress/wordpress.test.mjs || status=$?
# WordPress 6.1 on PHP 8.2 logs many deprecations of its own: show only what names the plugin.
if grep -q recovery-finder "$dir/debug.log" 2>/dev/null; then echo "--- WordPress debug.log (plugin lines)"; grep recovery-finder "$dir/debug.log"; fi
exit "$status"

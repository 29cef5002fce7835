/**
 * The WordPress plugin in a real WordPress (started by tools/wordpress-test.sh, which sets
 * WP_URL, WP_DIR and WP_SETUP): block and shortcode pages for every element in English and
 * Spanish, every language of src/locales/languages.ts offered (Arabic right to left), an editor without unfiltered_html saving the block, the loader only where needed,
 * the settings form's nonce and capability, the admin screens in Spanish, and uninstall.
 */
/* global wp -- the block editor's global, inside page.evaluate */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const { WP_URL: url, WP_DIR: dir, WP_SETUP: setupJson } = process.env;
const setup = JSON.parse(setupJson ?? '{}');
const table = JSON.parse(readFileSync('build/wordpress/recovery-finder/elements.json', 'utf8'));
const names = Object.keys(table.elements);
const php = (...args) => execFileSync('php', ['test/wordpress/wp-setup.php', dir, ...args.slice(0, -1)], { input: args.at(-1), encoding: 'utf8' });
const page = (title, content) => Number(php('page', title, content));
const LOADER = /<script[^>]*type="module"[^>]*src=['"][^'"]*recovery-finder\/dist\/recovery-finder\.js/;

/**
 * Log a browser context in as `user`: its cookies then hold the session. The login form's fields
 * are posted as the form posts them, not typed into the page: typing raced with the login
 * page's own scripts on a slow machine, and WordPress answered "The password field is empty."
 * for a password that had been typed (2026-12-07: three runs of three on a freshly booted machine).
 * @param {import('playwright-core').BrowserContext} context @param {string} user @param {string} pass
 */
async function logIn(context, user, pass) {
  await context.clearCookies();
  const r = await context.request.post(`${url}/wp-login.php`, {
    form: { log: user, pwd: pass, 'wp-submit': 'Log In', redirect_to: `${url}/wp-admin/` },
    maxRedirects: 0,
  });
  const why = r.status() === 302 ? '' : ((await r.text()).match(/<div id="login_error">([\s\S]*?)<\/div>/)?.[1] ?? '').replace(/<[^>]+>|\s+/g, ' ');
  assert.equal(r.status(), 302, `${user} logged in${why ? `: ${why}` : ''}`);
  assert.ok((await context.cookies()).some((c) => c.name.startsWith('wordpress_logged_in_')), `${user}'s session cookie`);
}

let browser;
before(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
});
after(() => browser?.close());

/**
 * Opens a page at 390 px and waits for the element to render and, for Spanish, for Spanish text
 * that differs from the English page's. (The caller checks that heading-level, the option every
 * element documents, reached the element.)
 */
async function rendered(id, tag, english) {
  const p = await browser.newPage({ viewport: { width: 390, height: 844 } });
  const requests = [];
  p.on('request', (r) => requests.push(r.url()));
  await p.goto(`${url}/?page_id=${id}`);
  await p.waitForFunction(
    ([t, en]) => {
      const root = customElements.get(t) && document.querySelector(t)?.shadowRoot;
      const text = root?.textContent ?? '';
      return root && text.trim().length > 40 && (en === undefined || (text !== en && /[¿áéíóúñ]/.test(text)));
    },
    [tag, english],
    { timeout: 60_000 },
  );
  const info = await p.evaluate((t) => {
    const el = document.querySelector(t);
    return { text: el.shadowRoot.textContent, headingLevel: el.headingLevel, lang: el.getAttribute('lang') };
  }, tag);
  if (process.env.WP_SHOTS) await p.screenshot({ path: `${process.env.WP_SHOTS}/${tag}-${english === undefined ? 'en' : 'es'}.png`, fullPage: true });
  await p.close();
  return { ...info, requests };
}

describe('WordPress plugin', () => {
  test('installs on a real WordPress with the editor role lacking unfiltered_html', () => {
    assert.equal(setup.editorUnfilteredHtml, false);
    assert.ok(names.length >= 4, `elements from custom-elements.json: ${names}`);
  });

  for (const name of names) {
    const { tag } = table.elements[name];
    test(`${name}: the block (English) and the shortcode (Spanish) render the element with its options`, async () => {
      const blockId = page(`Block ${name}`, `<!-- wp:recovery-finder/finder {"element":"${name}","lang":"en","options":{"heading-level":"4"}} /-->`);
      const shortcodeId = page(`Shortcode ${name}`, `[recovery_finder element="${name}" heading-level="4" lang="es"]`);
      const en = await rendered(blockId, tag);
      const es = await rendered(shortcodeId, tag, en.text);
      for (const r of [en, es]) {
        assert.equal(r.headingLevel, 4);
        assert.deepEqual(r.requests.filter((u) => !u.startsWith(url)), [], 'no third-party request');
      }
      assert.equal(en.lang, 'en');
      assert.equal(es.lang, 'es');
      assert.doesNotMatch(en.text, /¿/);
      assert.match(es.text, /[¿áéíóúñ]/);
    });
  }

  test('the block and the shortcode give the same markup, with the fallback content', async () => {
    const a = page('Same block', '<!-- wp:recovery-finder/finder {"element":"resource-search","lang":"es","options":{"category":"peer-support"}} /-->');
    const b = page('Same shortcode', '[recovery_finder element="resource-search" category="peer-support" lang="es"]');
    const grab = async (id) => (await (await fetch(`${url}/?page_id=${id}`)).text()).match(/<recovery-resource-search[\s\S]*?<\/recovery-resource-search>/)?.[0];
    const [ma, mb] = [await grab(a), await grab(b)];
    assert.ok(ma?.includes('category="peer-support"') && ma.includes('lang="es"'), ma);
    assert.match(ma, /<a href="tel:\+18003275050">800-327-5050<\/a>/);
    assert.equal(ma, mb);
  });

  test('every language of src/locales/languages.ts: Arabic lays out right to left, an unknown lang is dropped', async () => {
    const languages = table.languages ?? [];
    assert.equal(languages.length, 12, 'the twelve languages, in elements.json');
    const id = page('Arabic shortcode', '[recovery_finder element="resource-search" lang="ar" language-picker]');
    const p = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await p.goto(`${url}/?page_id=${id}`);
      await p.waitForFunction(() => {
        const el = document.querySelector('recovery-resource-search');
        return customElements.get('recovery-resource-search') && el?.getAttribute('dir') === 'rtl' && el.shadowRoot?.querySelector('.base[lang="ar"]');
      }, null, { timeout: 60_000 });
      const seen = await p.evaluate(() => {
        const el = document.querySelector('recovery-resource-search');
        const base = el.shadowRoot.querySelector('.base');
        const picker = [...el.shadowRoot.querySelectorAll('.language-picker option')].map((o) => ({ tag: o.value, name: o.textContent.trim(), dir: o.dir }));
        return { lang: el.getAttribute('lang'), direction: getComputedStyle(base).direction, picker, text: base.textContent };
      });
      assert.equal(seen.lang, 'ar');
      assert.equal(seen.direction, 'rtl', 'the base lays out right to left');
      assert.match(seen.text, /[\u0600-\u06FF]/, 'Arabic words');
      assert.deepEqual(seen.picker, languages, 'language-picker reached the element: every language in its own name');
      if (process.env.WP_SHOTS) await p.screenshot({ path: `${process.env.WP_SHOTS}/resource-search-ar.png`, fullPage: true });
    } finally {
      await p.close();
    }
    const markup = async (content) => {
      const html = await (await fetch(`${url}/?page_id=${page('Lang', content)}`)).text();
      return html.match(/<recovery-[a-z-]+[^>]*>/)?.[0] ?? '';
    };
    // Every tag, as WordPress hands it over (sanitize_key lowers the case: zh-hant, pt-br).
    for (const { tag } of languages) {
      assert.match(await markup(`[recovery_finder element="prsc-map" lang="${tag}"]`), new RegExp(`^<recovery-prsc-map lang="${tag}">$`), tag);
      assert.match(await markup(`<!-- wp:recovery-finder/finder {"element":"prsc-map","lang":"${tag}"} /-->`), new RegExp(`^<recovery-prsc-map lang="${tag}">$`), `block ${tag}`);
    }
    assert.equal(await markup('[recovery_finder element="resource-search" lang="zh-Hant" languages-reviewed-only="en"]'), '<recovery-resource-search languages-reviewed-only="en" lang="zh-Hant">');
    assert.equal(await markup('[recovery_finder element="resource-search" lang="xx"]'), '<recovery-resource-search>', 'an unknown language is dropped');
    assert.equal(await markup('<!-- wp:recovery-finder/finder {"element":"resource-search","lang":"klingon"} /-->'), '<recovery-resource-search>');
  });

  test('an unknown attribute or a script in a shortcode never reaches the page', async () => {
    const id = page('Hostile', '[recovery_finder element="resource-search" api="javascript:alert(1)" onclick="alert(1)" category="a&quot;><script>alert(1)</script>"]');
    const html = await (await fetch(`${url}/?page_id=${id}`)).text();
    const markup = html.match(/<recovery-resource-search[\s\S]*?<\/recovery-resource-search>/)?.[0] ?? '';
    assert.ok(markup, 'element rendered');
    assert.doesNotMatch(markup, /onclick|<script|javascript:/);
    // Every address option (typed UrlAttribute in the manifest) takes only http(s).
    const map = page('Hostile map', '[recovery_finder element="prsc-map" street-map-url="javascript:alert(1)" api="https://directory.example.org/hsds/"]');
    const mapHtml = (await (await fetch(`${url}/?page_id=${map}`)).text()).match(/<recovery-prsc-map[\s\S]*?<\/recovery-prsc-map>/)?.[0] ?? '';
    assert.doesNotMatch(mapHtml, /javascript:|street-map-url/);
    assert.match(mapHtml, /api="https:\/\/directory\.example\.org\/hsds\/"/);
  });

  test('an editor without unfiltered_html saves the block through the REST API and it renders', async () => {
    const auth = `Basic ${Buffer.from(`editor:${setup.editorAppPassword}`).toString('base64')}`;
    const content = '<!-- wp:recovery-finder/finder {"element":"resource-search","options":{"category":"peer-support"}} /-->\n<!-- wp:html --><script>alert(1)</script><!-- /wp:html -->';
    const res = await fetch(`${url}/?rest_route=/wp/v2/pages`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Editor page', status: 'publish', content }),
    });
    const body = await res.json();
    assert.equal(res.status, 201, JSON.stringify(body));
    assert.equal(body.author, setup.editorId);
    const raw = await (await fetch(`${url}/?rest_route=/wp/v2/pages/${body.id}&context=edit`, { headers: { Authorization: auth } })).json();
    assert.match(raw.content.raw, /<!-- wp:recovery-finder\/finder \{"element":"resource-search","options":\{"category":"peer-support"\}\} \/-->/);
    assert.doesNotMatch(raw.content.raw, /<script/, 'kses ran: the editor cannot paste a script');
    const html = await (await fetch(`${url}/?page_id=${body.id}`)).text();
    assert.match(html, /<recovery-resource-search category="peer-support">/);
    assert.match(html, LOADER);
  });

  test('the loader is enqueued as a module only on pages that hold the block or shortcode', async () => {
    const plain = page('Plain', '<!-- wp:paragraph --><p>No finder here.</p><!-- /wp:paragraph -->');
    const withBlock = page('With block', '<!-- wp:recovery-finder/finder {"element":"prsc-map"} /-->');
    const htmlPlain = await (await fetch(`${url}/?page_id=${plain}`)).text();
    const htmlBlock = await (await fetch(`${url}/?page_id=${withBlock}`)).text();
    assert.match(htmlPlain, /No finder here/);
    assert.doesNotMatch(htmlPlain, /recovery-finder\/dist\//);
    assert.match(htmlBlock, LOADER);
  });

  test('settings: saving needs the nonce and manage_options; values are sanitised and escaped', async () => {
    const context = await browser.newContext();
    const p = await context.newPage();
    const post = (form) => p.request.post(`${url}/wp-admin/options.php`, { form, maxRedirects: 0 });
    const fields = { option_page: 'recovery_finder', action: 'update', 'recovery_finder_settings[src]': 'javascript:alert(1)', 'recovery_finder_settings[tokens][--recovery-color-primary]': '#7a1f5c', 'recovery_finder_settings[tokens][--recovery-radius]': '0;} body{display:none', 'recovery_finder_settings[fallback][resource-search]': '<p onclick="x()">Call <a href="tel:988">988</a></p><script>alert(1)</script>', 'recovery_finder_settings[lang]': 'es' };

    await logIn(context, 'admin', 'admin-password-1');
    assert.equal((await post(fields)).status(), 403, 'no nonce: refused');
    assert.equal(JSON.parse(php('option', '')), null);
    await p.goto(`${url}/wp-admin/options-general.php?page=recovery-finder`);
    const nonce = await p.inputValue('input[name="_wpnonce"]');
    assert.equal((await post({ ...fields, _wpnonce: nonce, _wp_http_referer: '/wp-admin/options-general.php?page=recovery-finder' })).status(), 302);
    const saved = JSON.parse(php('option', ''));
    assert.equal(saved.src, '');
    assert.deepEqual(saved.tokens, { '--recovery-color-primary': '#7a1f5c' });
    assert.equal(saved.fallback['resource-search'], '<p>Call <a href="tel:988">988</a></p>alert(1)');
    assert.equal(saved.lang, 'es');
    const id = page('Themed', '[recovery_finder]');
    const html = await (await fetch(`${url}/?page_id=${id}`)).text();
    assert.match(html, /<recovery-resource-search lang="es" style="--recovery-color-primary: #7a1f5c;"><p>Call <a href="tel:988">988<\/a><\/p>alert\(1\)<\/recovery-resource-search>/);

    // An editor, with a valid nonce of their own for this form: refused for want of
    // manage_options (WordPress's "higher level of permission" page), not for the nonce.
    await logIn(context, 'editor', 'editor-password-1');
    const page403 = await p.goto(`${url}/wp-admin/options-general.php?page=recovery-finder`);
    assert.equal(page403.status(), 403, 'the settings page is refused to an editor');
    assert.doesNotMatch(await p.content(), /rf-src/);
    const cookie = (await context.cookies()).find((c) => c.name.startsWith('wordpress_logged_in_'));
    const editorNonce = php('nonce', 'recovery_finder-options', decodeURIComponent(cookie.value));
    assert.match(editorNonce, /^[0-9a-f]{10}$/);
    const refused = await post({ ...fields, 'recovery_finder_settings[lang]': 'en', _wpnonce: editorNonce, _wp_http_referer: '/wp-admin/options-general.php?page=recovery-finder' });
    const refusedBody = await refused.text();
    assert.equal(refused.status(), 403, 'an editor (no manage_options) is refused');
    assert.match(refusedBody, /not allowed to manage options/, 'refused for the capability');
    assert.doesNotMatch(refusedBody, /link you followed has expired/, 'not for the nonce');
    assert.equal(JSON.parse(php('option', '')).lang, 'es', 'the options are unchanged');
    assert.deepEqual(JSON.parse(php('option', '')), saved);

    // The default language: every language, each in its own name; an unknown one is not saved.
    await logIn(context, 'admin', 'admin-password-1');
    await p.goto(`${url}/wp-admin/options-general.php?page=recovery-finder`);
    const offered = await p.locator('#rf-lang option').evaluateAll((os) => os.map((o) => ({ tag: o.value, name: o.textContent.trim(), dir: o.dir })));
    assert.deepEqual(offered.slice(1), table.languages);
    const adminNonce = await p.inputValue('input[name="_wpnonce"]');
    for (const [lang, kept] of [['ar', 'ar'], ['zh-Hans', 'zh-Hans'], ['xx', '']]) {
      await post({ ...fields, 'recovery_finder_settings[lang]': lang, _wpnonce: adminNonce, _wp_http_referer: '/wp-admin/options-general.php?page=recovery-finder' });
      assert.equal(JSON.parse(php('option', '')).lang, kept, lang);
    }
    await context.close();
  });

  test('the block editor offers the block with each element and its documented attributes', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const p = await context.newPage();
    await logIn(context, 'editor', 'editor-password-1');
    await p.goto(`${url}/wp-admin/post-new.php?post_type=page`);
    await p.waitForFunction(() => window.wp?.blocks?.getBlockType('recovery-finder/finder'), null, { timeout: 60_000 });
    await p.evaluate(() => {
      wp.data.dispatch('core/edit-post').toggleFeature?.('welcomeGuide');
      const block = wp.blocks.createBlock('recovery-finder/finder', { element: 'resource-search', lang: 'es', options: { category: 'peer-support' } });
      wp.data.dispatch('core/block-editor').insertBlocks(block);
      wp.data.dispatch('core/block-editor').selectBlock(block.clientId);
      wp.data.dispatch('core/edit-post').openGeneralSidebar('edit-post/block');
    });
    const sidebar = p.locator('.interface-complementary-area');
    await sidebar.getByLabel('Element', { exact: true }).waitFor();
    const options = await sidebar.getByLabel('Element', { exact: true }).locator('option').evaluateAll((os) => os.map((o) => o.value));
    assert.deepEqual(options, names);
    for (const attr of Object.keys(table.elements['resource-search'].attributes)) {
      assert.equal(await sidebar.getByText(attr, { exact: true }).count() > 0, true, `control for ${attr}`);
    }
    assert.equal(await sidebar.getByLabel('category', { exact: true }).inputValue(), 'peer-support');
    const langs = await sidebar.getByLabel('Language', { exact: true }).locator('option').evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
    assert.deepEqual(langs.slice(1), table.languages.map((l) => [l.tag, l.name]), 'every language, in its own name');
    // The live preview: the server's markup, upgraded by the loader in the editor.
    await p.waitForFunction(() => (document.querySelector('recovery-resource-search')?.shadowRoot?.textContent ?? '').includes('¿'), null, { timeout: 60_000 });
    if (process.env.WP_SHOTS) await p.screenshot({ path: `${process.env.WP_SHOTS}/block-editor.png` });
    await context.close();
  });

  test('in a site whose language is es_ES, the settings page, its shortcode help and the block sidebar are in Spanish', async () => {
    assert.equal(JSON.parse(php('language', 'es_ES', '')), 'es_ES');
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    try {
      const p = await context.newPage();
      await logIn(context, 'admin', 'admin-password-1');
      await p.goto(`${url}/wp-admin/options-general.php?page=recovery-finder`);
      assert.equal(await p.getAttribute('html', 'lang'), 'es-ES');
      const wrap = p.locator('.wrap');
      for (const words of ['URL del conjunto de datos predeterminado', 'Dirección de envío del boletín', 'El idioma de la página', 'Tema', 'Contenido de respaldo: resource-search', 'Código corto', 'El atributo element es uno de:']) {
        assert.equal(await wrap.getByText(words).count() > 0, true, words);
      }
      assert.equal(await p.getByLabel('Idioma', { exact: true }).count(), 1, 'the language field is labelled in Spanish');
      assert.doesNotMatch(await wrap.innerText(), /Default dataset URL|Newsletter endpoint|Fallback content|Shortcode|The element attribute/);
      if (process.env.WP_SHOTS) await p.screenshot({ path: `${process.env.WP_SHOTS}/settings-es.png`, fullPage: true });

      // The block editor's sidebar: its labels (wp.i18n, the plugin's JSON) and the element titles.
      await p.goto(`${url}/wp-admin/post-new.php?post_type=page`);
      await p.waitForFunction(() => window.wp?.blocks?.getBlockType('recovery-finder/finder'), null, { timeout: 60_000 });
      await p.evaluate(() => {
        wp.data.dispatch('core/edit-post').toggleFeature?.('welcomeGuide');
        const block = wp.blocks.createBlock('recovery-finder/finder', { element: 'prsc-map' });
        wp.data.dispatch('core/block-editor').insertBlocks(block);
        wp.data.dispatch('core/block-editor').selectBlock(block.clientId);
        wp.data.dispatch('core/edit-post').openGeneralSidebar('edit-post/block');
      });
      const sidebar = p.locator('.interface-complementary-area');
      await sidebar.getByLabel('Elemento', { exact: true }).waitFor();
      assert.equal(await sidebar.getByLabel('Idioma', { exact: true }).count(), 1);
      assert.equal(await sidebar.getByText('Opciones', { exact: true }).count() > 0, true);
      assert.equal(await sidebar.getByText('Centros de Apoyo a la Recuperación entre Pares en un mapa y en una lista, con filtros por región, por servicio y por cercanía.', { exact: true }).count(), 1, 'what the element does');
      assert.equal(await p.evaluate(() => wp.blocks.getBlockType('recovery-finder/finder').description), 'Un elemento de recovery-finder: búsqueda de recursos, mapa de Centros de Apoyo a la Recuperación entre Pares, localizador para desechar medicamentos, suscripción al boletín o lista guardada.');
    } finally {
      await context.close();
      php('language', '', '');
    }
  });

  test('uninstall removes the options', () => {
    assert.notEqual(JSON.parse(php('option', '')), null);
    assert.equal(JSON.parse(php('uninstall', '')), true);
    assert.equal(JSON.parse(php('option', '')), null);
  });
});

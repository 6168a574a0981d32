import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isOwnAppUrl } from '../../../main/electron/app-url';
import { CONTENT_SECURITY_POLICY, withCspHeader } from '../../../main/electron/csp';
import { contentTypeOf, resolveRendererFile } from '../../../main/electron/renderer-files';
import { META_CONTENT_SECURITY_POLICY } from '../../../shared/security/content-security-policy';
import { PRODUCT_NAME } from '../../../shared/product/product-name';

const root = join(__dirname, '..', '..', '..');

describe('isOwnAppUrl', () => {
  it('accepts the app origin only', () => {
    expect(isOwnAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isOwnAppUrl(`${APP_ENTRY_URL}?x=1#/step/2`)).toBe(true);
    for (const url of ['app://other/index.html', 'https://sqs-s3-wizard/index.html', 'file:///index.html', 'app://u:p@sqs-s3-wizard/', 'junk', '']) {
      expect(isOwnAppUrl(url), url).toBe(false);
    }
  });
});

describe('resolveRendererFile', () => {
  const dir = join(root, 'dist', 'renderer');

  it('maps app URLs into the renderer directory', () => {
    expect(resolveRendererFile(dir, APP_ENTRY_URL)).toBe(join(dir, 'index.html'));
    expect(resolveRendererFile(dir, 'app://sqs-s3-wizard/')).toBe(join(dir, 'index.html'));
    expect(resolveRendererFile(dir, 'app://sqs-s3-wizard/assets/index-abc.js?v=1')).toBe(join(dir, 'assets', 'index-abc.js'));
  });

  it.each(['app://sqs-s3-wizard/../../package.json', 'app://sqs-s3-wizard/%2e%2e/%2e%2e/package.json'])(
    'keeps %s inside the renderer directory (the URL parser clamps dot segments)',
    (url) => {
      expect(resolveRendererFile(dir, url)).toBe(join(dir, 'package.json'));
    },
  );

  it.each([
    'app://sqs-s3-wizard/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    'app://sqs-s3-wizard/..%5c..%5cpackage.json',
    'app://sqs-s3-wizard/index.html%00.js',
    'app://sqs-s3-wizard/%E0%A4%A',
    'app://elsewhere/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveRendererFile(dir, url)).toBeNull();
  });

  it('serves scripts with a JavaScript type (module scripts need it)', () => {
    expect(contentTypeOf('a/index-abc.js')).toMatch(/^text\/javascript/);
    expect(contentTypeOf('a/index.html')).toMatch(/^text\/html/);
    expect(contentTypeOf('a/blob.bin')).toBe('application/octet-stream');
  });
});

describe('Content-Security-Policy', () => {
  it('is repeated in the meta CSP of renderer/index.html, without frame-ancestors (a meta tag cannot deliver it)', () => {
    const html = readFileSync(join(root, 'renderer', 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta?.[1]).toBe(META_CONTENT_SECURITY_POLICY);
    expect(META_CONTENT_SECURITY_POLICY).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });

  it("gives the window the product's one name, as the README does", () => {
    const html = readFileSync(join(root, 'renderer', 'index.html'), 'utf8');
    expect(/<title>([^<]*)<\/title>/.exec(html)?.[1]).toBe(PRODUCT_NAME);
    expect(readFileSync(join(root, 'README.md'), 'utf8').split('\n')[0]).toBe(`# ${PRODUCT_NAME}`);
  });

  it('allows no inline or eval script and no remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('replaces any CSP header a response carried', () => {
    expect(withCspHeader({ 'content-security-policy': ['default-src *'], 'Content-Type': 'text/html' })).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(withCspHeader(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

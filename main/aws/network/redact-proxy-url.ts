/** A proxy URL fit to show or log: a user name and password in it become "***" (README, "Company networks": never printed). */
export function redactProxyUrl(url: string): string {
  if (!URL.canParse(url)) return url.replace(/[^\s/@]+@/, '***@');
  const parsed = new URL(url);
  const auth = parsed.username !== '' || parsed.password !== '' ? '***@' : '';
  return `${parsed.protocol}//${auth}${parsed.host}`;
}

import { beforeEach, describe, expect, it, vi } from 'vitest';

const shell = vi.hoisted(() => ({ openExternal: vi.fn(async () => undefined) }));
vi.mock('electron', () => ({ shell }));

import { isAllowedExternalUrl, openExternalSafely } from '../../../main/electron/external-links';

describe('openExternalSafely', () => {
  beforeEach(() => {
    shell.openExternal.mockClear();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it.each([
    'https://docs.aws.amazon.com/AmazonS3/latest/userguide/ways-to-add-notification-config-to-bucket.html',
    'https://console.aws.amazon.com/sqs/v3/home',
    'https://us-east-1.console.aws.amazon.com/sqs/v3/home?region=us-east-1#/queues',
    'https://github.com/',
    'http://docs.aws.amazon.com/IAM/latest/UserGuide/',
  ])('opens the allow-listed %s', async (url) => {
    await expect(openExternalSafely(url)).resolves.toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith(new URL(url).href);
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'smb://evil.example/share',
    'data:text/html,<script>alert(1)</script>',
    'http://evil.example/',
    'https://evil.example/docs.aws.amazon.com',
    'https://docs.aws.amazon.com.evil.example/',
    'https://evilconsole.aws.amazon.com/',
    'https://user:secret@github.com/',
    'https://github.com:8443/',
    'not a url',
    '',
  ])('refuses %s without calling shell.openExternal', async (url) => {
    await expect(openExternalSafely(url)).resolves.toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('judges hosts case-insensitively', () => {
    expect(isAllowedExternalUrl('https://GitHub.com/x')).toBe(true);
  });
});

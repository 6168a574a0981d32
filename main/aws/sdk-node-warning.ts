/**
 * The AWS SDK is bundled into the app at build time, so its notice that future SDK releases will need Node 22 is for
 * the project's maintainers (package.json engines), not for an admin running the CLI or the browser host on Node 20.
 */
export function silenceSdkNodeVersionNotice(env: NodeJS.ProcessEnv = process.env): void {
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}

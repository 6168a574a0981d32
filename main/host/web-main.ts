import { join } from 'node:path';
import { startHost } from './host-server';
import { parsePortFlag } from './port-flag';
import { silenceSdkNodeVersionNotice } from '../aws/sdk-node-warning';
import { PRODUCT_NAME } from '../../shared/product/product-name';

/** Entry of `npm run web`: serves the wizard on loopback and prints the tokened URL. */
async function main(): Promise<void> {
  silenceSdkNodeVersionNotice();
  const port = parsePortFlag(process.argv.slice(2));
  if (!port.ok) {
    process.stderr.write(`error: ${port.message}\nfix: Pass a free port, e.g. --port 8080, or omit --port to use any free one.\n`);
    process.exit(2);
  }
  const host = await startHost({ port: port.value, staticDir: join(__dirname, '..', 'renderer') }).catch((err: NodeJS.ErrnoException) => {
    process.stderr.write(
      `error: Could not listen on 127.0.0.1:${port.value}: ${err.code ?? err.message}.\nfix: Choose another --port, or omit it for a free one.\n`,
    );
    process.exit(1);
  });
  process.stdout.write(`${PRODUCT_NAME} is ready. Open this URL in a browser on this machine:\n${host.url}\n`);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();

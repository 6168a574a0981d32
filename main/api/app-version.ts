import pkg from '../../package.json';
import { PRODUCT_NAME } from '../../shared/product/product-name';

/** Product name shown in the UI and the CLI (one spelling everywhere: shared/product/product-name.ts). */
export const APP_NAME = PRODUCT_NAME;
/** Version from package.json, bundled at build time. */
export const APP_VERSION: string = pkg.version;

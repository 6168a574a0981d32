/** The product's one name, as the README, the package and the CLI spell it: the window title, the header, the web host's banner and the installers use it. */
export const PRODUCT_NAME = 'sqs-s3-wizard';

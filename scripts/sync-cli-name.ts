/**
 * How people start the sync command, for its usage text: `npm run sync --` in a checkout, and
 * what the packaged folder's cli.js sets before it loads the command.
 */
export const syncCommand = { name: "npm run sync --" };

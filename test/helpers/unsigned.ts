// The one line `send`, `tick` and `run` print on stderr each time mail goes out without a DKIM signature.
import { UNSIGNED_WARNING } from '../../src/deliver/transport.js';

export const UNSIGNED = `${UNSIGNED_WARNING}\n`;

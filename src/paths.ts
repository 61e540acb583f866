import { fileURLToPath } from 'node:url';

/** The bundled dataset, found from the code rather than the working directory, so `npx claimbot` works anywhere. */
export const DEFAULT_CLAIMS_PATH = fileURLToPath(new URL('../data/claims.json', import.meta.url));

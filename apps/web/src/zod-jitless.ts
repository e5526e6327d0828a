import { z } from '@fazhi/core/shared/zod';

// The CSP allows no eval. zod's compiled fast path probes `Function('')` when a schema is built (a reported CSP
// violation, then a fallback), so the browser uses the interpreted path from the start. Imported first in main.tsx.
z.config({ jitless: true });

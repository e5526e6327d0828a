import { z } from 'zod';

// Every validation message a user sees is Chinese; configure once, import `z` from here.
z.config(z.locales.zhCN());
// In the browser the CSP allows no eval: zod's compiled fast path would probe `Function('')` as the first schema is
// built. Set here, where every schema module gets `z`, so it holds whichever chunk the bundler evaluates first.
if ('document' in globalThis) z.config({ jitless: true });

export { z };

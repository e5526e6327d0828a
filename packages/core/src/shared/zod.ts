import { z } from 'zod';

// Every validation message a user sees is Chinese; configure once, import `z` from here.
z.config(z.locales.zhCN());

export { z };

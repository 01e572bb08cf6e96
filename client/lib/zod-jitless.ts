import { z } from 'zod';

// Zod probes, as each object schema is built, whether it may compile parsers with
// `new Function`; the page's content security policy forbids that, and the probe alone
// raises a violation report on every page. main.tsx imports this first, before any schema.
z.config({ jitless: true });

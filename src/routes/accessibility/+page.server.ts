/** The accessibility statement required by OUG 112/2018, with the configured feedback address. */
import { config } from '#lib/server/platform/config/env.ts';

export const load = () => ({
	city: config.cityName(),
	email: process.env.ACCESSIBILITY_EMAIL || 'accesibilitate@primariatm.ro'
});

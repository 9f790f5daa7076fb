/** Names shared by the server and the browser for pages served shared to signed-in visitors (ADR 0007). */

/** Set by the browser once the site's JavaScript runs; its presence lets the server send the shared page. */
export const JS_COOKIE = 'vocea_js';

/** A query parameter that asks for the page rendered in full for the person, whatever the cookie says. */
export const FULL_PAGE_PARAM = 'personal';

/** The id of the inline JSON with the person's parts of a page served shared. */
export const PERSONAL_SCRIPT_ID = 'vocea-personal';

/** Every list's page size: `first`/`last` default to 20 and may not exceed 100. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

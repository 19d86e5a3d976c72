/** Constants of the large bench world (`npm run seed:large`), shared by the seed script and `bench/server-list.ts`. */
export const LARGE_PASSWORD = 'portal-large-2026';

/** The contact with the most tickets of the largest company (company 1): the bench signs in as them. */
export const LARGE_SIGN_IN = { email: 'contact-1@company-1.example', password: LARGE_PASSWORD };

/** A file with more route registrations than this is not compared route by route (a generated or hostile file). */
export const MAX_ROUTES_PER_FILE = 5_000;

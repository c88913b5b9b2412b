/** Why the differ leaves an object alone: the reasons a plan lists beside each skipped object. */

/** An object the database has and the schema does not declare, without --allow-drop. */
export const NOT_DECLARED = 'not declared in the schema; pass --allow-drop to drop it';

import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';
import { v4 } from './v4';
import { v5 } from './v5';
import { v6 } from './v6';
import { v7 } from './v7';
import type { SchemaVersion } from './version';

export type { SchemaVersion } from './version';

/** Every schema version, oldest first. Add a new file per version and append it here. */
export const schemaVersions: readonly SchemaVersion[] = [v1, v2, v3, v4, v5, v6, v7];

/** The version a freshly opened database ends at. */
export const latestSchemaVersion: number = schemaVersions[schemaVersions.length - 1]?.version ?? 0;

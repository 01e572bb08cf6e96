export const SERVER_ENTRY: string;
export function ensureServerBuild(options?: { quiet?: boolean }): Promise<boolean>;

// The list of centres, from the build-time snapshot.
import snapshot from '$lib/generated/snapshot.json';
import type { CentreDetail } from '$lib/queries/centre';

export const load = () => ({ centres: Object.values(snapshot.centres as Record<string, CentreDetail>) });

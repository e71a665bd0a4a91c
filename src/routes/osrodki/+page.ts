// The list of centres, from the build-time snapshot.
import { snapshot } from '$lib/snapshot';

export const load = () => ({ centres: Object.values(snapshot.centres) });

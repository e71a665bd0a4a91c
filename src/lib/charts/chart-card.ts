// What a chart's card tells the chart inside it: the id of its text description, for aria-describedby, so the
// description is said once, by the element that takes focus, and not printed twice on screen.
import { getContext, setContext } from 'svelte';

const KEY = Symbol('chart-card');

export interface CardContext {
	readonly descriptionId: string;
}

export const setCardContext = (context: CardContext) => setContext(KEY, context);
export const cardContext = () => getContext<CardContext | undefined>(KEY);

/** `waitUntil` with a 5 s deadline (one implementation, shared with the stories' checks). */
export { waitUntil } from '../../../stories/checks/play.js';

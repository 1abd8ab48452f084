export const MIN_MEETINGS = 8;

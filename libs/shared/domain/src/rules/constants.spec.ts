import { MIN_MEETINGS } from './index';
describe('constants', () => {
  it('requires eight meetings', () => expect(MIN_MEETINGS).toBe(8));
});

import { homeKindOf } from '@pingan/shared/people';

describe('the home a person lands on', () => {
  it('gives residents, informants and volunteers the resident home', () => {
    expect(homeKindOf(['resident'])).toBe('resident');
    expect(homeKindOf(['resident', 'informant', 'volunteer'])).toBe('resident');
    expect(homeKindOf([])).toBe('resident');
  });

  it('gives each staff role its own workbench', () => {
    expect(homeKindOf(['gridWorker'])).toBe('gridWorker');
    expect(homeKindOf(['gridLeader'])).toBe('gridLeader');
    expect(homeKindOf(['centre'])).toBe('centre');
    expect(homeKindOf(['police', 'resident'])).toBe('police');
    expect(homeKindOf(['doctor'])).toBe('doctor');
  });

  it('picks the widest view when someone holds several staff roles', () => {
    expect(homeKindOf(['gridWorker', 'gridLeader'])).toBe('gridLeader');
    expect(homeKindOf(['gridLeader', 'centre'])).toBe('centre');
    expect(homeKindOf(['doctor', 'police'])).toBe('police');
    expect(homeKindOf(['police', 'gridWorker'])).toBe('gridWorker');
  });
});

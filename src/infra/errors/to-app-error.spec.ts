import { toAppError } from './to-app-error';

describe('toAppError', () => {
  it('answers database_unavailable for the EPIPE the driver throws when the engine closed the connection', () => {
    // What mongodb's Connection.writeCommand rejected with when FerretDB was killed under write load.
    const epipe = Object.assign(new Error('This socket has been ended by the other party'), {
      code: 'EPIPE',
    });
    expect(toAppError(epipe).toBody()).toMatchObject({ statusCode: 503, code: 'database_unavailable' });
  });

  it('answers database_unavailable for the driver’s own network errors, also as a cause', () => {
    const network = Object.assign(new Error('connection reset'), { name: 'MongoNetworkError' });
    expect(toAppError(network).code).toBe('database_unavailable');
    expect(toAppError(new Error('wrapped', { cause: network })).code).toBe('database_unavailable');
  });

  it('keeps an unknown error a 500', () => {
    expect(toAppError(new Error('boom')).toBody()).toMatchObject({ statusCode: 500, code: 'internal_error' });
  });
});
